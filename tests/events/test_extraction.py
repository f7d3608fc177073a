"""Event suggestions from an article's sentences (pure: no database)."""

import datetime as dt
from pathlib import Path

import pytest

from articles.dates import FuzzyDate
from articles.names import name_key
from articles.plaintext import parse_plain_text
from events.extraction import guess_type, suggest_events, suggested_title

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_article.txt"
PUBLISHED = dt.date(2025, 8, 21)
IRAN, BELARUS, PEZESHKIAN, LUKASHENKA, SCO, EAEU = 1, 2, 3, 4, 5, 6
ACTORS = {
    name_key(name): ident
    for ident, names in {
        IRAN: ["Iran", "Islamic Republic"],
        BELARUS: ["Belarus"],
        PEZESHKIAN: ["Masoud Pezeshkian", "Pezeshkian"],
        LUKASHENKA: ["Alyaksandr Lukashenka", "Lukashenko"],
        SCO: ["Shanghai Cooperation Organization", "SCO"],
        EAEU: ["Eurasian Economic Union", "EAEU"],
    }.items()
    for name in names
}
PLACES = {name_key("Minsk"): 10, name_key("Tehran"): 11}


@pytest.fixture(scope="module")
def seed_suggestions():
    body = parse_plain_text(SEED.read_text(encoding="utf-8")).body
    return body, suggest_events(body, published=PUBLISHED, actors=ACTORS, places=PLACES)


def test_the_august_visit_is_suggested(seed_suggestions):
    body, suggestions = seed_suggestions
    visit = suggestions[0]
    assert visit.date == FuzzyDate(2025, 8, 19)
    assert visit.type_slug == "visit"
    assert {PEZESHKIAN, BELARUS, LUKASHENKA} <= set(visit.actor_ids)
    assert body[visit.start : visit.end].strip() == visit.sentence
    assert visit.sentence.startswith("On August 19, the Iranian President")


def test_the_march_2025_defence_agreement_is_suggested(seed_suggestions):
    _, suggestions = seed_suggestions
    march = [
        s
        for s in suggestions
        if s.date == FuzzyDate.of(2025, 3) and s.type_slug == "agreement-signed"
    ]
    assert len(march) == 1
    assert march[0].sentence.startswith(
        "In March 2025, the defense ministers of Iran and Belarus signed"
    )
    assert set(march[0].actor_ids) == {IRAN, BELARUS}


def test_year_precision_and_note_markers(seed_suggestions):
    _, suggestions = seed_suggestions
    sco = [s for s in suggestions if SCO in s.actor_ids]
    assert sco and sco[0].sentence.startswith("Iran and Belarus became members of the SCO in 2023")
    assert sco[0].date == FuzzyDate.of(2023)
    assert sco[0].type_slug == "membership"


def test_dates_inside_citations_do_not_make_events():
    text = "Iran and Belarus cooperate closely (Tehran Times, July 31, 2023)."
    assert suggest_events(text, published=PUBLISHED, actors=ACTORS) == []


def test_a_dated_sentence_naming_no_known_actor_is_proposed_when_it_reads_as_an_event(
    seed_suggestions,
):
    _, suggestions = seed_suggestions
    trip = next(s for s in suggestions if "a March 2023 trip" in s.sentence)
    offices = next(s for s in suggestions if "permanent trade offices" in s.sentence)
    assert (trip.date, trip.type_slug, trip.actor_ids) == (FuzzyDate.of(2023, 3), "visit", ())
    assert (offices.date, offices.type_slug, offices.actor_ids) == (
        FuzzyDate.of(2024),
        "joint-body",
        (),
    )
    # A dated sentence about a subject, not an occurrence, is not proposed without actors.
    for sentence in ("On May 3, the weather was mild.", "In 2024, trade grew by a third."):
        assert suggest_events(sentence, published=PUBLISHED, actors=ACTORS) == []


def test_yearless_dates_resolve_on_or_before_publication():
    [later] = suggest_events("On December 9, Iran met Belarus.", published=PUBLISHED, actors=ACTORS)
    assert later.date == FuzzyDate(2024, 12, 9)
    [may] = suggest_events(
        "Later in May, Belarus visited Tehran.", published=PUBLISHED, actors=ACTORS, places=PLACES
    )
    assert (may.date, may.place_id, may.type_slug) == (FuzzyDate.of(2025, 5), 11, "visit")


def test_the_key_is_stable_for_the_same_sentence():
    text = "On August 19, Pezeshkian visited Belarus."
    first = suggest_events(text, published=PUBLISHED, actors=ACTORS)
    again = suggest_events("Intro.\n\n" + text, published=PUBLISHED, actors=ACTORS)
    assert first[0].key == again[0].key


@pytest.mark.parametrize(
    ("sentence", "slug"),
    [
        ("The two countries signed 12 documents.", "agreement-signed"),
        ("Belarus joined the SCO.", "membership"),
        ("The president paid a visit to Minsk.", "visit"),
        ("The weather was mild.", None),
    ],
)
def test_guess_type(sentence, slug):
    assert guess_type(sentence) == slug


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In March 2025, Iran and Belarus signed a deal.", FuzzyDate.of(2025, 3)),
        ("In March, Iran and Belarus signed a deal.", FuzzyDate.of(2026, 3)),
        ("On March 12, 2025, Iran signed a deal.", FuzzyDate(2025, 3, 12)),
        ("In 2007, Iran and Belarus signed a deal.", FuzzyDate.of(2007)),
    ],
)
def test_written_years_are_kept_whatever_the_publication_date(sentence, expected):
    [suggestion] = suggest_events(sentence, published=dt.date(2026, 11, 27), actors=ACTORS)
    assert suggestion.date == expected


def test_roles_follow_the_sentence_and_the_type(seed_suggestions):
    _, suggestions = seed_suggestions
    visit, agreement = (
        suggestions[0],
        next(s for s in suggestions if "defense ministers" in s.sentence),
    )
    assert dict(zip(visit.actor_ids, visit.roles, strict=True)) == {
        PEZESHKIAN: "visitor",
        BELARUS: "host",
        LUKASHENKA: "host",
    }
    assert set(agreement.roles) == {"signatory"}
    [said] = suggest_events(
        "On May 3, Lukashenko stated that Iran was a partner.", published=PUBLISHED, actors=ACTORS
    )
    assert dict(zip(said.actor_ids, said.roles, strict=True)) == {
        LUKASHENKA: "speaker",
        IRAN: "participant",
    }


def test_the_summary_leaves_the_citation_out_and_keeps_other_asides(seed_suggestions):
    _, suggestions = seed_suggestions
    assert suggestions[0].summary == (
        "On August 19, the Iranian President Masoud Pezeshkian paid a visit to Belarus, where "
        "he met with his counterpart, Alyaksandr Lukashenka."
    )
    [aside] = suggest_events(
        "On May 3, Iran (not for the first time) met Belarus (Belta, May 3).",
        published=PUBLISHED,
        actors=ACTORS,
    )
    assert aside.summary == "On May 3, Iran (not for the first time) met Belarus."


@pytest.mark.parametrize(
    ("slug", "actors", "place", "title"),
    [
        (
            "visit",
            [
                ("Masoud Pezeshkian", "person", "visitor"),
                ("Belarus", "state", "host"),
                ("Alyaksandr Lukashenka", "person", "host"),
            ],
            "Minsk",
            "Pezeshkian visits Minsk, meets Lukashenka",
        ),
        (
            "visit",
            [("Iran", "state", "visitor"), ("Belarus", "state", "host")],
            "",
            "Iran visits Belarus",
        ),
        ("visit", [], "Tehran", "Visit in Tehran"),
        (
            "agreement-signed",
            [("Iran", "state", "signatory"), ("Belarus", "state", "signatory")],
            "",
            "Iran and Belarus sign an agreement",
        ),
        (
            "membership",
            [
                ("Iran", "state", "member"),
                ("Belarus", "state", "member"),
                ("SCO", "organisation", "organiser"),
            ],
            "",
            "Iran and Belarus join SCO",
        ),
        (
            "statement",
            [("Alyaksandr Lukashenka", "person", "speaker")],
            "",
            "Statement by Lukashenka",
        ),
        (None, [("Iran", "state", "participant")], "Minsk", "Event: Iran in Minsk"),
    ],
)
def test_suggested_titles_read_as_headlines(slug, actors, place, title):
    names = {"visit": "Visit", None: "Event"}
    assert suggested_title(slug, names.get(slug, "Event"), actors, place) == title
