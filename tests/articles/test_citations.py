"""Citation groups read into dated references, and the rule that fills in missing years."""

import calendar
import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.citations import WrittenDate, extract_references, resolve_years
from articles.dates import FuzzyDate, FuzzyDateError, Precision

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_article.txt"
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
        "(Tehran Times, August 20; and elsewhere)",
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
