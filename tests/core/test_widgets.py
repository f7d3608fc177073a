"""QuickSelect writes the select Django's own Select would: the same options, escaped, with
the same one selected; QuickDateInput the input Django's DateInput would."""

import datetime as dt
from html.parser import HTMLParser

from django import forms

from monitor.core.widgets import QuickDateInput, QuickSelect

CHOICES = [("", "Any"), ("iran", "Iran"), ("a&b", 'Tom & "Jerry" <b>'), ("7", "Seven")]


class _Options(HTMLParser):
    def __init__(self):
        super().__init__()
        self.select, self.options, self._current = None, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self.select = attrs
        elif tag == "option":
            self._current = [attrs["value"], "", "selected" in attrs]
            self.options.append(self._current)

    def handle_data(self, data):
        if self._current is not None:
            self._current[1] += data.strip()

    def handle_endtag(self, tag):
        if tag == "option":
            self._current = None


def _read(html: str) -> tuple[dict, list]:
    parser = _Options()
    parser.feed(str(html))
    return parser.select, parser.options


def test_the_same_select_as_djangos():
    for value in (None, "", "iran", "a&b", 7):
        mine = QuickSelect(choices=CHOICES, attrs={"class": "f"})
        theirs = forms.Select(choices=CHOICES, attrs={"class": "f"})
        attrs = {"id": "id_author"}
        assert _read(mine.render("author", value, attrs)) == _read(
            theirs.render("author", value, attrs)
        )
    select, options = _read(QuickSelect(choices=CHOICES).render("author", "a&b"))
    assert select == {"name": "author"}
    assert options[2] == ["a&b", 'Tom & "Jerry" <b>', True]
    assert "<b>" not in QuickSelect(choices=CHOICES).render("author", None)


def test_the_same_date_input_as_djangos():
    for value in (None, "", "2024-01-02", dt.date(2024, 1, 2), '"><script>'):
        for attrs in ({"id": "id_date_from"}, {"id": "x", "required": True, "disabled": False}):
            mine = QuickDateInput(attrs={"type": "date"}).render("date_from", value, attrs)
            theirs = forms.DateInput(attrs={"type": "date"}).render("date_from", value, attrs)
            assert mine == theirs
