"""The event form's date: typed as written ("mid-2015"), read into the dates stored."""

from types import SimpleNamespace

from django import forms

from articles.dates import FuzzyDateError, read_date
from articles.models.fuzzy import fuzzy_date_from

from .models import Event, EventEvidence
from .services.evidence import paragraph_excerpt

DATE_PARTS = ("year", "month", "day", "precision")
PRECISE_FIELDS = tuple(f"{end}_{part}" for end in ("start", "end") for part in DATE_PARTS)


class WrittenDateInput(forms.TextInput):
    """A date as written, with the reading of it shown beside it as it is typed
    (monitor/static/monitor/admin-dates.js asks ``read_url`` for it)."""

    def __init__(self, read_url: str = "", attrs=None):
        super().__init__({"size": 40, "data-read-url": read_url, **(attrs or {})})

    class Media:
        js = ["monitor/admin-dates.js"]


class EventForm(forms.ModelForm):
    """An event's date is typed as analysts write it: when the text reads as a date, it sets
    the precise fields below it; those stay for what the text cannot say (and a text that
    reads as no date, such as "at the Kazan summit", is kept beside the fields as a note)."""

    class Meta:
        model = Event
        fields = ["date_text", *PRECISE_FIELDS]
        labels = {"date_text": "Date"}
        help_texts = {
            "date_text": "As written: “August 19, 2025”, “March 2023”, “mid-2015”, “early June "
            "2025”, “late 2010s”, “spring 2023”, “around 2007”, “July 8–9, 2016”, “between 2018 "
            "and 2020”. It sets the dates below; readers see it as written."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "start_year" in self.fields:
            self.fields["start_year"].required = False
            self.fields["start_precision"].required = False

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("date_text", "")
        typed = "date_text" in self.changed_data
        precise_changed = any(name in self.changed_data for name in PRECISE_FIELDS)
        no_dates = cleaned.get("start_year") is None
        if not text:
            if no_dates:
                self.add_error("date_text", "Write the date, such as “August 19, 2025”.")
            return cleaned
        try:
            reading = read_date(text)
        except FuzzyDateError as error:
            if no_dates or (typed and not precise_changed):
                self.add_error("date_text", str(error))
            return cleaned
        if typed or no_dates:
            for prefix, value in (("start_", reading.start), ("end_", reading.end)):
                for part in DATE_PARTS:
                    cleaned[prefix + part] = (
                        (value.precision.value if part == "precision" else getattr(value, part))
                        if value
                        else ("" if part == "precision" else None)
                    )
            return cleaned
        if precise_changed:
            given = _dates(cleaned)
            if given != (reading.start, reading.end or reading.start):
                self.add_error(
                    "date_text",
                    f"“{text}” reads as {reading.understood()}, which the dates below no longer "
                    "say: change the date as written too, or clear it to keep the dates.",
                )
        return cleaned


def _dates(cleaned):
    holder = SimpleNamespace(**{name: cleaned.get(name) for name in PRECISE_FIELDS})
    start, end = fuzzy_date_from(holder, "start_"), fuzzy_date_from(holder, "end_")
    return start, end or start


def date_reading(text: str) -> dict:
    """The reading of a date as written, for the form's live reading."""
    try:
        reading = read_date(text)
    except FuzzyDateError as error:
        return {"understood": "", "error": str(error)}
    return {
        "understood": reading.understood(),
        "first_day": reading.first_day().isoformat(),
        "last_day": reading.last_day().isoformat(),
        "edtf": reading.edtf,
        "error": "",
    }


class EvidenceForm(forms.ModelForm):
    """A paragraph of one of the event's articles, picked from a list of them by their first
    words; the article, the anchor and the excerpt are read from it. ``paragraphs`` (set by
    the inline for the event) holds, by ``"<article id>:<anchor>"``, the paragraphs offered."""

    paragraphs: dict = {}
    choices: list = []

    paragraph = forms.ChoiceField(label="Paragraph")

    class Meta:
        model = EventEvidence
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = list(self.choices)
        row = self.instance
        if row.pk:
            current = f"{row.article_id}:{row.anchor}"
            self.initial["paragraph"] = current
            if current not in self.paragraphs:  # edited away: still shown as it was
                label = f"{row.article} — no longer in the article: {opening(row.excerpt)}"
                choices.append((current, label))
        self.fields["paragraph"].choices = [("", "---------"), *choices]

    def save(self, commit=True):
        value = self.cleaned_data["paragraph"]
        paragraph = self.paragraphs.get(value)
        if paragraph is not None and (
            not self.instance.pk or value != f"{self.instance.article_id}:{self.instance.anchor}"
        ):
            article_id, anchor = value.split(":", 1)
            self.instance.article_id, self.instance.anchor = int(article_id), anchor
            self.instance.excerpt = paragraph_excerpt(paragraph)
            self.instance.in_article = True
        return super().save(commit)


def opening(text: str, words: int = 12) -> str:
    """The first words of a paragraph, as a list of them names it."""
    split = text.split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")
