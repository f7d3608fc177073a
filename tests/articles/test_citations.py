"""Citation groups read into dated references, and the rule that fills in missing years."""

import calendar
import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.citations import (
    _DATE,
    WrittenDate,
    extract_references,
    read_citations,
    resolve_years,
)
from articles.dates import FuzzyDate, FuzzyDateError, Precision
from articles.names import name_key
from articles.rendering import Link, article_paragraphs, render_article_body

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_article.txt"
# The seed rendered with a link for every reference, as the parser before the forms of
# issue 14 gave them: the new forms must leave every span of the house style as it was.
SEED_RENDERED = SEED.with_name("seed_article_rendered.html")
PUBLISHED = dt.date(2025, 8, 21)


def refs(text, published=PUBLISHED, publications=()):
    return extract_references(text, published=published, publications=publications)


def dates(text, published=PUBLISHED):
    return [reference.date.isoformat() for reference in refs(text, published)]


# The seed article


def test_seed_article_gives_44_references_24_of_them_edm_cross_references():
    found = refs(SEED.read_text(encoding="utf-8"), publications=["EDM", "Eurasia Daily Monitor"])
    assert len(found) == 44
    cross = [reference for reference in found if reference.is_cross_reference]
    assert len(cross) == 24
    assert {reference.outlet for reference in cross} == {"EDM"}
    assert [reference for reference in found if reference.see] == cross
    first = found[0]
    assert (first.outlet, first.date, first.see, first.text) == (
        "President of Iran",
        FuzzyDate.of(2025, 8, 19),
        False,
        "(President of Iran, August 19)",
    )


def test_seed_article_renders_exactly_as_before():
    text = SEED.read_text(encoding="utf-8")
    found = refs(text, publications=["EDM", "Eurasia Daily Monitor"])
    links = [
        Link(
            r.link_start,
            r.link_end,
            f"/{name_key(r.outlet).replace(' ', '-')}/{r.date.isoformat()}/",
            r.item,
        )
        for r in found
    ]
    rendered = render_article_body(text, links=links, notes=set(range(1, 20)))
    # Paragraph anchors came later (issue 13): the same ids as read from the plain source.
    anchors = re.findall(r'<(?:p|li) id="(p-[0-9a-f-]+)"', rendered)
    assert anchors == [paragraph.anchor for paragraph in article_paragraphs(text)]
    rendered = re.sub(r'(<(?:p|li)) id="p-[0-9a-f-]+"', r"\1", rendered)
    assert rendered == SEED_RENDERED.read_text(encoding="utf-8")
    assert rendered.count("<a href=") == 44 + 2  # two note markers
    reading = read_citations(text, published=PUBLISHED, publications=["EDM"])
    assert reading.not_understood == []


def test_seed_article_image_credit_and_acronyms_are_not_citations():
    found = refs(SEED.read_text(encoding="utf-8"))
    texts = {reference.text for reference in found}
    assert "(Source: President of Belarus)" not in texts
    assert not {"(SCO)", "(JCPOA)", "(EAEU)", "(INSTC)"} & texts


# What stays text


@pytest.mark.parametrize(
    "text",
    [
        "Shanghai Cooperation Organization (SCO) and BRICS",
        "signed on that day (July 9, 2016).",
        "The president (44) resigned.",
        "Maia Sandu (Moldova's president in 2016–2020) said so.",
        "(Source: President of Belarus)",
        "(Source: Kremlin.ru, May 5)",
        "(as reported by Tehran Times, August 20)",
        "(Tehran Times, and elsewhere, August 20)",
        "(as said in moscow, May 5)",
        "(see Part Two of this series)",
        "(Meduza; accessed March 5)",
        "(accessed March 5, 2024)",
        "(@handle_one)",
        "(@handle_one; @handle_two)",
        "(the ministry (MoD) said so)",
        "(Ministry of Defense (MoD))",
        "(kommersant.ru)",
        "(Rosneft, Ltd., May 5)",
        "(Tehran Times, around August 20)",
        "(Tehran Times, April 31)",
        "(Tehran Times, February 29, 2023)",
        "(Tehran Times, August 25–20)",
        "(one two three four five six seven eight nine ten eleven twelve thirteen, May 5)",
        "(A B C D E F G H I J K L M, May 5)",
        "(March, 2016)",
        "(Reuters, Inc., May 5)",
        "(Tehran Times, 30)",
        "(Tehran Times)",
        "()",
    ],
)
def test_parentheticals_that_are_not_citation_groups_stay_text(text):
    assert refs(text) == []


# Outlets


@pytest.mark.parametrize(
    "outlet",
    [
        "The Baltic Times",
        "Kremlin.ru",
        "Radio Free Europe/Radio Liberty",
        "U.S. State Department",
        "Telegram/Rybar",
        "Ministry of Foreign Affairs of the Republic of Belarus",
        "Main Intelligence Directorate of the Ministry of Defense of Ukraine",
        "Russia’s Ministry of Defense",
        "24 Kanal",
    ],
)
def test_outlets_are_read_as_written(outlet):
    [reference] = refs(f"It happened ({outlet}, August 20).")
    assert reference.outlet == outlet
    assert reference.date == FuzzyDate.of(2025, 8, 20)


def test_whitespace_inside_an_outlet_is_read_as_one_space():
    [reference] = refs("(Tehran\n  Times,\u00a0August 20)")
    assert reference.outlet == "Tehran Times"


# Dates


@pytest.mark.parametrize(
    ("written", "iso", "precision"),
    [
        ("August 20", "2025-08-20", Precision.DAY),
        ("December 9, 2024", "2024-12-09", Precision.DAY),
        ("March 2024", "2024-03", Precision.MONTH),
        ("March", "2025-03", Precision.MONTH),
        ("2015", "2015", Precision.YEAR),
    ],
)
def test_each_date_form_keeps_its_precision(written, iso, precision):
    [reference] = refs(f"(Belta, {written})")
    assert reference.date.isoformat() == iso
    assert reference.date.precision is precision
    assert reference.end_date is None


def test_a_day_list_continues_the_month_and_the_year_belongs_to_the_last_day():
    assert dates("(Belta, April 25, 30, 2024)") == ["2024-04-25", "2024-04-30"]


def test_several_years_are_each_a_date():
    assert dates("(Belta, 2015, 2016)") == ["2015", "2016"]


@pytest.mark.parametrize("dash", ["–", "-", " – "])
def test_a_range_gives_its_first_day_and_keeps_its_last(dash):
    [reference] = refs(f"(Belta, February 24{dash}25)")
    assert reference.date == FuzzyDate.of(2025, 2, 24)
    assert reference.end_date == FuzzyDate.of(2025, 2, 25)


def test_a_range_may_cross_a_month_and_a_new_year():
    [across_month] = refs("(Belta, February 24–March 2, 2022)")
    assert (across_month.date, across_month.end_date) == (
        FuzzyDate.of(2022, 2, 24),
        FuzzyDate.of(2022, 3, 2),
    )
    [across_year] = refs("(Belta, December 30–January 2)")
    assert (across_year.date, across_year.end_date) == (
        FuzzyDate.of(2024, 12, 30),
        FuzzyDate.of(2025, 1, 2),
    )


def test_a_day_after_a_range_continues_the_range_month():
    assert dates("(Belta, February 24–March 2, 5)") == ["2025-02-24", "2025-03-05"]


# Years left out


def test_walking_back_from_the_publication_date():
    assert dates(
        "(see EDM, December 12, 2019, January 28, October 1, 2020, July 14, September 11)"
    ) == ["2019-12-12", "2020-01-28", "2020-10-01", "2024-07-14", "2024-09-11"]
    assert dates(
        "(see EDM, March 6, April 10, December 12, February 22, April 25, 30, 2024, "
        "March 18, June 4)"
    ) == [
        "2023-03-06",
        "2023-04-10",
        "2023-12-12",
        "2024-02-22",
        "2024-04-25",
        "2024-04-30",
        "2025-03-18",
        "2025-06-04",
    ]


@pytest.mark.parametrize(
    ("written", "published", "iso"),
    [
        ("August 21", dt.date(2025, 8, 21), "2025-08-21"),
        ("August 22", dt.date(2025, 8, 21), "2024-08-22"),
        ("March", dt.date(2025, 3, 10), "2025-03"),
        ("March", dt.date(2025, 2, 28), "2024-03"),
        ("February 29", dt.date(2025, 8, 21), "2024-02-29"),
        ("February 29", dt.date(2024, 2, 28), "2020-02-29"),
    ],
)
def test_a_missing_year_is_the_latest_on_or_before_the_publication(written, published, iso):
    assert dates(f"(Belta, {written})", published) == [iso]


def test_a_month_before_a_day_in_that_month_is_not_pushed_back():
    assert dates("(Belta, March, March 10, 2024)") == ["2024-03", "2024-03-10"]


def test_a_day_before_a_whole_month_stays_on_or_before_the_publication():
    assert dates("(Belta, March 15, March)", dt.date(2025, 3, 10)) == ["2024-03-15", "2025-03"]


def test_each_item_of_a_group_resolves_on_its_own():
    assert dates("(Belta, May 5, 2019; Tehran Times, May 6)") == ["2019-05-05", "2025-05-06"]


def test_resolve_years_refuses_a_day_no_year_has():
    with pytest.raises(FuzzyDateError):
        resolve_years([WrittenDate(4, 31)], published=PUBLISHED)


# see, cross-references, parts


def test_see_marks_its_own_item_only():
    found = refs(
        "(see EDM, April 4, 2019; U.S. State Department, April 4, 2019)", publications=["EDM"]
    )
    assert [(r.outlet, r.see, r.is_cross_reference) for r in found] == [
        ("EDM", True, True),
        ("U.S. State Department", False, False),
    ]


def test_see_before_an_outlet_is_a_see_also_citation_not_a_cross_reference():
    [reference] = refs("(see The Baltic Times, May 5)", publications=["EDM"])
    assert (reference.outlet, reference.see, reference.is_cross_reference) == (
        "The Baltic Times",
        True,
        False,
    )


@pytest.mark.parametrize(
    ("text", "publications", "cross"),
    [
        ("(see EDM, May 5)", (), False),
        ("(see EDM, May 5)", ["edm"], True),
        ("(See Terrorism Monitor, May 5)", ["Terrorism Monitor", "TM"], True),
        ("(see Eurasia Daily Monitor, May 5)", ["EDM"], False),
        ("(EDM, May 5)", ["EDM"], False),
    ],
)
def test_a_cross_reference_is_see_plus_a_publication_name(text, publications, cross):
    [reference] = refs(text, publications=publications)
    assert reference.is_cross_reference is cross


def test_part_one_in_names_the_part_and_keeps_the_outlet():
    [reference] = refs("(see Part One in EDM, August 5)", publications=["EDM"])
    assert (reference.outlet, reference.part, reference.see, reference.is_cross_reference) == (
        "EDM",
        "One",
        True,
        True,
    )
    assert reference.item == "see Part One in EDM, August 5"


# Where a reference is


def test_references_know_their_parenthetical_item_and_paragraph():
    text = (
        "Title\n\nFirst paragraph (Belta, May 5).\n  \n\nSecond (see EDM, May 6, 7; "
        "Tehran Times, May 8), and (SCO).\n"
    )
    found = refs(text)
    assert [(r.paragraph, r.item, r.date.isoformat()) for r in found] == [
        (1, "Belta, May 5", "2025-05-05"),
        (2, "see EDM, May 6, 7", "2025-05-06"),
        (2, "see EDM, May 6, 7", "2025-05-07"),
        (2, "Tehran Times, May 8", "2025-05-08"),
    ]
    for reference in found:
        assert text[reference.start : reference.end] == reference.text
    assert found[1].text == "(see EDM, May 6, 7; Tehran Times, May 8)"


def test_blank_lines_before_the_first_paragraph_do_not_count():
    [reference] = refs("\n\n  \nFirst (Belta, May 5).")
    assert reference.paragraph == 0


def test_no_text_no_references():
    assert refs("") == []


# The year rule, for any dates


def not_after(earlier: FuzzyDate, later: FuzzyDate) -> bool:
    """A fuzzy date is not after another when it starts no later than the other ends."""
    return earlier.first_day() <= later.last_day()


publication_dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def fuzzy_dates(draw, max_value):
    """A day, month or year on or before ``max_value``."""
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=max_value))
    precision = draw(st.sampled_from([Precision.DAY, Precision.MONTH, Precision.YEAR]))
    if precision is Precision.DAY:
        return FuzzyDate.from_date(day)
    if precision is Precision.MONTH:
        return FuzzyDate.of(day.year, day.month)
    return FuzzyDate.of(day.year)


def written(date: FuzzyDate, show_year: bool) -> WrittenDate:
    """How an item would write the date; a year-precision date always shows its year."""
    keep = show_year or date.precision is Precision.YEAR
    return WrittenDate(date.month, date.day, date.year if keep else None)


@st.composite
def written_items(draw):
    """Any sequence of existing dates, some years left out, in any order."""
    day_or_month = st.tuples(st.integers(1, 12), st.integers(1, 31) | st.none())
    parts = draw(st.lists(st.tuples(day_or_month, st.integers(1900, 2100) | st.none()), min_size=1))
    items = []
    for (month, day), year in parts:
        if day is not None:
            day = min(day, calendar.monthrange(year or 2000, month)[1])
        items.append(WrittenDate(month, day, year))
    return items


@given(written_items(), publication_dates)
def test_any_item_keeps_written_years_and_puts_missing_ones_on_or_before_what_follows(
    item, published
):
    resolved = resolve_years(item, published=published)
    assert len(resolved) == len(item)
    for index, (date, given_date) in enumerate(zip(resolved, item, strict=True)):
        assert (date.month, date.day) == (given_date.month, given_date.day)
        if given_date.year is not None:
            assert date.year == given_date.year
            continue
        assert date.first_day() <= published
        assert all(not_after(date, later) for later in resolved[index + 1 :])


@given(st.data(), publication_dates)
def test_dates_in_order_resolve_in_order_and_never_after_the_publication(data, published):
    truth = sorted(
        data.draw(st.lists(fuzzy_dates(published), min_size=1, max_size=12)),
        key=FuzzyDate.first_day,
    )
    shown = data.draw(st.lists(st.booleans(), min_size=len(truth), max_size=len(truth)))
    resolved = resolve_years(
        [written(date, show) for date, show in zip(truth, shown, strict=True)],
        published=published,
    )
    for date, true_date, show in zip(resolved, truth, shown, strict=True):
        assert date.first_day() <= published
        if show:
            assert date == true_date
    for earlier, later in itertools.pairwise(resolved):
        assert not_after(earlier, later)


@given(st.data(), publication_dates)
def test_days_within_a_year_before_the_publication_need_no_year(data, published):
    days = data.draw(
        st.lists(
            st.dates(min_value=published - dt.timedelta(days=364), max_value=published),
            min_size=1,
            max_size=10,
        )
    )
    truth = [FuzzyDate.from_date(day) for day in sorted(days)]
    assert resolve_years([written(date, False) for date in truth], published=published) == truth


@given(st.data(), publication_dates)
def test_written_items_read_back_as_the_rule_resolves_them(data, published):
    days = sorted(
        data.draw(
            st.lists(
                st.dates(min_value=dt.date(1950, 1, 1), max_value=published),
                min_size=1,
                max_size=8,
            )
        )
    )
    shown = data.draw(st.lists(st.booleans(), min_size=len(days), max_size=len(days)))
    parts = [
        f"{calendar.month_name[day.month]} {day.day}" + (f", {day.year}" if show else "")
        for day, show in zip(days, shown, strict=True)
    ]
    found = refs(f"(see EDM, {', '.join(parts)})", published, publications=["EDM"])
    expected = resolve_years(
        [written(FuzzyDate.from_date(day), show) for day, show in zip(days, shown, strict=True)],
        published=published,
    )
    assert [reference.date for reference in found] == expected
    for reference, day, show in zip(found, days, shown, strict=True):
        assert reference.date.first_day() <= published
        if show:
            assert reference.date.first_day() == day
    for earlier, later in itertools.pairwise(found):
        assert earlier.date.first_day() <= later.date.first_day()


def test_link_spans_cover_outlet_and_first_date_then_each_further_date():
    text = "Ties grew (see EDM, February 24, 2016, July 26, 2017; U.S. State Department, April 4, 2019)."
    refs = extract_references(text, published=dt.date(2025, 8, 21), publications=["EDM"])
    assert [text[r.link_start : r.link_end] for r in refs] == [
        "EDM, February 24, 2016",
        "July 26, 2017",
        "U.S. State Department, April 4, 2019",
    ]


# Forms seen in the archives (issue 14); every example is made up


def read(text, published=PUBLISHED, publications=("EDM",)):
    return read_citations(text, published=published, publications=publications)


def cited(text, **kwargs):
    return [(r.outlet, r.date.isoformat()) for r in refs(text, **kwargs)]


def linked(text, **kwargs):
    return [text[r.link_start : r.link_end] for r in refs(text, **kwargs)]


@pytest.mark.parametrize(
    "outlet", ["kommersant.ru", "www.kremlin.ru", "novaya-gazeta.eu", "rbc.ru", "Belta.by"]
)
def test_an_outlet_may_be_written_as_a_domain_in_lower_case(outlet):
    text = f"It said so ({outlet}, April 11)."
    assert cited(text) == [(outlet, "2025-04-11")]
    assert linked(text) == [f"{outlet}, April 11"]


def test_several_outlets_share_the_dates_after_them():
    text = "Both wrote (Interfax, Vedomosti, March 2)."
    assert cited(text) == [("Interfax", "2025-03-02"), ("Vedomosti", "2025-03-02")]
    # Each outlet links its own reference; the shared date links once, the spans never overlap.
    assert linked(text) == ["Interfax", "Vedomosti"]


def test_outlets_sharing_several_dates_link_each_date_once():
    text = "(Interfax, kommersant.ru, March 2, 4, 2024)"
    assert cited(text) == [
        ("Interfax", "2024-03-02"),
        ("Interfax", "2024-03-04"),
        ("kommersant.ru", "2024-03-02"),
        ("kommersant.ru", "2024-03-04"),
    ]
    assert linked(text) == ["Interfax", "4, 2024", "kommersant.ru", ""]


def test_handles_separated_by_semicolons_share_the_date_of_the_last():
    text = "(@handle_one; @handle_two, March 2)"
    assert cited(text) == [("@handle_one", "2025-03-02"), ("@handle_two", "2025-03-02")]
    assert linked(text) == ["@handle_one", "@handle_two, March 2"]
    assert cited("(@first_one, @second_one; @third_one, May 1)") == [
        ("@first_one", "2025-05-01"),
        ("@second_one", "2025-05-01"),
        ("@third_one", "2025-05-01"),
    ]


def test_a_handle_without_a_date_of_its_own_is_not_understood_before_an_outlet():
    reading = read("(@handle_one; Interfax, March 2)")
    assert [r.outlet for r in reading.references] == ["Interfax"]
    assert [item.text for item in reading.not_understood] == ["@handle_one"]


def test_a_partly_readable_group_gives_its_citations_and_reports_the_rest():
    text = "Kyiv said so (Interfax-Ukraine, March 3; see Part Two of this series)."
    reading = read(text)
    assert [(r.outlet, r.date.isoformat()) for r in reading.references] == [
        ("Interfax-Ukraine", "2025-03-03")
    ]
    [unread] = reading.not_understood
    assert unread.text == "see Part Two of this series"
    assert text[unread.start : unread.end] == unread.text
    assert unread.group == "(Interfax-Ukraine, March 3; see Part Two of this series)"
    assert unread.paragraph == 0


def test_an_item_the_house_style_refused_is_now_reported_beside_its_neighbours():
    reading = read("(Tehran Times, August 20; and elsewhere)")
    assert [r.outlet for r in reading.references] == ["Tehran Times"]
    assert [item.text for item in reading.not_understood] == ["and elsewhere"]


def test_an_access_date_is_not_a_citation_date():
    assert cited("(Meduza, March 1, accessed March 5)") == [("Meduza", "2025-03-01")]
    assert cited("(Meduza, March 1, 2019, accessed March 5, 2024)") == [("Meduza", "2019-03-01")]
    reading = read("(Meduza, March 1; accessed March 5; Belta, May 2)")
    assert [r.outlet for r in reading.references] == ["Meduza", "Belta"]
    assert reading.not_understood == []
    assert linked("(Meduza, March 1, accessed March 5)") == ["Meduza, March 1"]


def test_an_access_note_that_is_no_date_makes_its_item_not_understood():
    reading = read("(Meduza, March 1, accessed yesterday; Belta, May 2)")
    assert [r.outlet for r in reading.references] == ["Belta"]
    assert [item.text for item in reading.not_understood] == ["Meduza, March 1, accessed yesterday"]


def test_part_two_before_a_comma_is_a_part_of_a_cross_reference():
    [reference] = refs("(see Part Two, EDM, March 4)", publications=["EDM"])
    assert (reference.outlet, reference.part, reference.see, reference.is_cross_reference) == (
        "EDM",
        "Two",
        True,
        True,
    )
    assert reference.date == FuzzyDate.of(2025, 3, 4)


@pytest.mark.parametrize(
    "text",
    [
        "(“Title of the Piece,” EDM, January 9)",
        "(“Title of the Piece”, EDM, January 9)",
        '("Title of the Piece," EDM, January 9)',
        "(see “Title of the Piece,” EDM, January 9)",
    ],
)
def test_a_quoted_title_before_the_publication(text):
    [reference] = refs(text, publications=["EDM"])
    assert (reference.outlet, reference.title, reference.date) == (
        "EDM",
        "Title of the Piece",
        FuzzyDate.of(2025, 1, 9),
    )
    assert reference.is_cross_reference is text.startswith("(see")
    assert text[reference.link_start : reference.link_end] == "EDM, January 9"


def test_an_outlet_may_hold_its_own_parentheses():
    text = "Shelling went on (Ministry of Defense of Ukraine (MoD), June 2, 2022), it said."
    [reference] = refs(text)
    assert (reference.outlet, reference.date) == (
        "Ministry of Defense of Ukraine (MoD)",
        FuzzyDate.of(2022, 6, 2),
    )
    assert reference.text == "(Ministry of Defense of Ukraine (MoD), June 2, 2022)"
    assert text[reference.start : reference.end] == reference.text
    assert text[reference.link_start : reference.link_end] == (
        "Ministry of Defense of Ukraine (MoD), June 2, 2022"
    )


def test_a_citation_inside_an_aside_is_still_read_on_its_own():
    text = "(the ministry (Belta, May 5) said so; see also (SCO))"
    [reference] = refs(text)
    assert (reference.outlet, reference.text) == ("Belta", "(Belta, May 5)")
    assert text[reference.start : reference.end] == "(Belta, May 5)"


def test_note_and_link_markers_after_a_date_are_left_out_of_it():
    text = "(see EDM, May 3, 9, 17 [2][3])"
    found = refs(text, publications=["EDM"])
    assert [r.date.isoformat() for r in found] == ["2025-05-03", "2025-05-09", "2025-05-17"]
    assert all(r.is_cross_reference for r in found)
    assert linked(text, publications=["EDM"]) == ["EDM, May 3", "9", "17"]
    assert cited("(Belta, May 5, 2024 [4]; Interfax, May 6 [5])") == [
        ("Belta", "2024-05-05"),
        ("Interfax", "2025-05-06"),
    ]


# Any well-formed citation, and unreadable items beside it

capitalised = st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,3}", fullmatch=True)
domains = st.from_regex(r"(www\.)?[a-z][a-z0-9]{1,10}\.(ru|ua|by|com|org)", fullmatch=True)
handles = st.from_regex(r"@[a-z][a-z0-9_]{1,12}", fullmatch=True)
outlet_names = (capitalised | domains | handles).filter(
    lambda name: not (_DATE.fullmatch(name) or _DATE.fullmatch(name.split()[0]))
)
asides = st.sampled_from(
    [
        "see Part Two of this series",
        "and elsewhere",
        "as quoted by the press service",
        "emphasis added",
        "translated by the author",
        "around August 20",
    ]
)


@st.composite
def citation_items(draw, published):
    """One well-formed item: outlets (handles alone may share), days in order, and what
    the parser must read from it."""
    kind = draw(st.sampled_from(["plain", "shared", "handles"]))
    if kind == "handles":
        outlets = draw(st.lists(handles, min_size=1, max_size=3, unique=True))
    else:
        outlets = draw(
            st.lists(outlet_names, min_size=1, max_size=1 if kind == "plain" else 3, unique=True)
        )
    days = sorted(
        draw(
            st.lists(
                st.dates(min_value=dt.date(2000, 1, 1), max_value=published),
                min_size=1,
                max_size=4,
            )
        )
    )
    parts = [f"{calendar.month_name[day.month]} {day.day}, {day.year}" for day in days]
    access = draw(st.booleans())
    written = ", ".join(outlets + parts) + (", accessed March 5" if access else "")
    if kind == "handles" and len(outlets) > 1:  # "@one; @two, DATE"
        written = "; ".join(outlets[:-1]) + "; " + ", ".join([outlets[-1], *parts])
    expected = [(outlet, day) for outlet in outlets for day in days]
    return written, expected


@given(st.data(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_any_well_formed_citation_is_read_back_with_its_outlets_and_dates(data, published):
    written, expected = data.draw(citation_items(published))
    text = f"It was reported ({written}) that day."
    reading = read(text, published=published, publications=())
    found = sorted((r.outlet, r.date.first_day()) for r in reading.references)
    assert found == sorted(expected)
    assert reading.not_understood == []
    for reference in reading.references:
        assert text[reference.start : reference.end] == f"({written})"
        assert reference.link_start <= reference.link_end
    spans = sorted(
        (r.link_start, r.link_end) for r in reading.references if r.link_start < r.link_end
    )
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start  # never overlapping: the renderer links every one of them


@given(st.data())
def test_unreadable_items_never_lose_the_readable_ones_beside_them(data):
    published = dt.date(2025, 8, 21)
    items = data.draw(
        st.lists(
            citation_items(published).map(lambda item: ("cite", item))
            | asides.map(lambda a: ("aside", a)),
            min_size=1,
            max_size=5,
        ).filter(lambda items: any(kind == "cite" for kind, _ in items))
    )
    text = "(" + "; ".join(value[0] if kind == "cite" else value for kind, value in items) + ")"
    reading = read(text, published=published, publications=())
    expected = [pair for kind, value in items if kind == "cite" for pair in value[1]]
    assert sorted((r.outlet, r.date.first_day()) for r in reading.references) == sorted(expected)
    asides_written = [value for kind, value in items if kind == "aside"]
    assert [item.text for item in reading.not_understood] == asides_written
    for item in reading.not_understood:
        assert text[item.start : item.end] == item.text
