"""Reading plain-text articles in the house format."""

from pathlib import Path

import pytest

from articles.plaintext import PlainTextError, parse_plain_text

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_article.txt"


def test_the_seed_article_splits_into_its_parts():
    article = parse_plain_text(SEED.read_text(encoding="utf-8"))
    assert article.title == "Iran and Belarus Boost Their Partnership"
    assert (article.publication, article.volume, article.issue) == (
        "Eurasia Daily Monitor",
        22,
        130,
    )
    assert article.image_credit == "President of Belarus"
    assert len(article.summary) == 3
    assert article.summary[0].startswith("Iranian President Masoud Pezeshkian, on August 19, met")
    assert len(article.paragraphs) == 10
    assert article.paragraphs[0].startswith("On August 19, the Iranian President")
    assert article.paragraphs[-1].endswith("despite their geographic distance.")
    assert [number for number, _ in article.notes] == [1]
    assert article.notes[0][1].startswith("BRICS is a loose political-economic grouping")
    assert article.authors == []


def test_optional_parts_and_a_byline():
    text = "A Title\n\nBy: Jane Analyst and John Writer\n\nBy 2018, both countries faced pressure.\n\nSecond\nparagraph."
    article = parse_plain_text(text)
    assert article.authors == ["Jane Analyst", "John Writer"]
    assert article.paragraphs == ["By 2018, both countries faced pressure.", "Second paragraph."]
    assert (article.publication, article.volume, article.image_credit, article.summary) == (
        "",
        None,
        "",
        [],
    )


def test_a_paragraph_starting_with_by_is_body_not_byline():
    article = parse_plain_text("Title\n\nBy 2018, both countries again faced pressure.")
    assert article.authors == []
    assert article.paragraphs == ["By 2018, both countries again faced pressure."]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty."),
        ("Only a title", "The article has no body paragraphs."),
        ("Title\n\nBody.\n\nNote:\n\nunnumbered note", "A note must start with its number"),
    ],
)
def test_malformed_text_is_refused_with_a_reason(text, message):
    with pytest.raises(PlainTextError, match=message):
        parse_plain_text(text)
