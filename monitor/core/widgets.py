"""Form widgets Monitor's public pages render often."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A single ``<select>``, written out in Python: the HTML of Django's ``Select``, without a
    template render per option, and escaped by the standard library's ``html.escape`` (what
    Django's ``escape`` calls, without its lazy-string wrapper). The search page's filters
    list every author, topic and region, hundreds of options, on every search."""

    allow_multiple_selected = False

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        options = []
        for option_value, label in self.choices:
            text = "" if option_value is None else str(option_value)
            selected = " selected" if text in chosen else ""
            options.append(
                f'<option value="{escape(text)}"{selected}>{escape(str(label))}</option>'
            )
        return mark_safe(f"<select{flatatt(final)}>{''.join(options)}</select>")  # noqa: S308


class QuickDateInput(forms.DateInput):
    """A date ``<input>`` written out in Python: the HTML of Django's ``DateInput`` (type,
    name, value, then the attributes), without its template."""

    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        shown = "" if value is None else f' value="{escape(str(value))}"'
        final = flatatt(self.build_attrs(self.attrs, attrs))
        html = f'<input type="{escape(self.input_type)}" name="{escape(name)}"{shown}{final}>'
        return mark_safe(html)  # noqa: S308 (every part escaped above; flatatt escapes)
