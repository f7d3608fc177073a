"""What a browser would submit from a page's POST form: for the soak's editors (``bench/soak.py``)
and the tests that drive the admin over HTTP."""

from html.parser import HTMLParser


def form_fields(html: str) -> dict:
    """The fields of the POST forms on ``html`` (the logout form aside), as the page left
    them: checked boxes, selected options (or a single select's first), textareas without
    their leading newline. Inline formsets' empty templates (``__prefix__``) are left out."""
    parser = _PostForm()
    parser.feed(html)
    return parser.data


class _PostForm(HTMLParser):
    """Collects what a browser would submit from a page's POST form, as the page left it."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self._in_form = False
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = attrs.get("method") == "post" and attrs.get("id") != "logout-form"
        name = attrs.get("name") or ""
        if not self._in_form or "__prefix__" in name:
            return
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "reset", "image", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self._add(name, attrs.get("value") or ("on" if kind == "checkbox" else ""))
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._select["options"].append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select" and self._select is not None:
            options, name = self._select["options"], self._select["name"]
            chosen = [value for value, selected in options if selected]
            if self._select["multiple"]:
                if chosen:
                    self.data[name] = chosen
            elif chosen or options:
                self._add(name, (chosen or [options[0][0]])[0])
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self._add(name, text.removeprefix("\n"))
            self._textarea = None

    def _add(self, name, value):
        self.data[name] = value
