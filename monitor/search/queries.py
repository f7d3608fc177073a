"""What a reader typed into the search box, read as clauses: pure, no database.

Every clause must match. A clause is one word or one quoted phrase ("border security"), and
may have alternatives (other names of the same actor, added by ``with_alternatives``). The
last bare word may be a prefix ("pezesh" finds Pezeshkian), so that results follow typing.
``fts5`` and ``tsquery`` write the same query for each engine; only ``\\w`` characters ever
reach either, so nothing a reader types is engine syntax.
"""

import re
from dataclasses import dataclass, field

WORD = re.compile(r"\w+", re.UNICODE)
QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]*)[\"“”„«»]?")


@dataclass(frozen=True)
class Clause:
    words: tuple[str, ...]  # one word, or the words of a phrase, lower case
    prefix: bool = False
    alternatives: tuple[tuple[str, ...], ...] = field(default=())

    @property
    def phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def forms(self) -> tuple[tuple[str, ...], ...]:
        """The clause's words, then each alternative's (no repeats)."""
        seen, forms = set(), []
        for form in (self.words, *self.alternatives):
            if form and form not in seen:
                seen.add(form)
                forms.append(form)
        return tuple(forms)


def words_of(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text)]


def parse(text: str) -> list[Clause]:
    """``text`` as clauses: quoted phrases kept whole, every other word on its own; the last
    bare word (the one being typed) is a prefix."""
    clauses: list[Clause] = []
    position = 0
    for quoted in QUOTED.finditer(text):
        clauses += [Clause((word,)) for word in words_of(text[position : quoted.start()])]
        if words := words_of(quoted.group(1)):
            clauses.append(Clause(tuple(words)))
        position = quoted.end()
    tail = words_of(text[position:])
    clauses += [Clause((word,)) for word in tail]
    if tail and clauses:
        last = clauses[-1]
        clauses[-1] = Clause(last.words, prefix=True)
    return clauses


def with_alternatives(clauses: list[Clause], names: dict[str, list[str]]) -> list[Clause]:
    """Each clause with the other names of what it names: ``names`` maps a name's words
    ("lukashenko") to other names ("alyaksandr lukashenka", "lukashenka"). A clause that gains
    alternatives is matched whole (no prefix)."""
    out = []
    for clause in clauses:
        others = tuple(tuple(words_of(name)) for name in names.get(clause.text, ()))
        others = tuple(other for other in others if other and other != clause.words)
        if others:
            out.append(Clause(clause.words, alternatives=others))
        else:
            out.append(clause)
    return out


def fts5(clauses: list[Clause], *, phrases: bool = True) -> str:
    """An FTS5 MATCH expression: clauses ANDed, alternatives ORed, phrases quoted (or, with
    ``phrases=False``, their words matched anywhere in the document)."""
    parts = []
    for clause in clauses:
        forms = [_fts5_form(form, phrases) for form in clause.forms()]
        if clause.prefix:
            forms[0] += "*"
        parts.append(forms[0] if len(forms) == 1 else f"({' OR '.join(forms)})")
    return " ".join(parts)


def _fts5_form(words: tuple[str, ...], phrase: bool) -> str:
    if phrase or len(words) == 1:
        return f'"{" ".join(words)}"'
    return "(" + " ".join(f'"{word}"' for word in words) + ")"


def fts5_words(clauses: list[Clause]) -> str:
    """``fts5`` with each phrase's words matched anywhere in the document (as ANDed words):
    what SQLite ranks a phrase query's candidates by (``backends``)."""
    return fts5(clauses, phrases=False)


def has_phrase(clauses: list[Clause]) -> bool:
    """Whether any clause, or any of its alternatives, is a phrase of several words."""
    return any(len(form) > 1 for clause in clauses for form in clause.forms())


def tsquery(clauses: list[Clause]) -> str:
    """A raw tsquery (parsed with the English configuration): clauses ANDed with ``&``,
    alternatives ORed with ``|``, a phrase's words followed by ``<->``."""
    parts = []
    for clause in clauses:
        forms = [" <-> ".join(form) for form in clause.forms()]
        if clause.prefix:
            forms[0] += ":*"
        parts.append(forms[0] if len(forms) == 1 else f"({' | '.join(forms)})")
    return " & ".join(parts)
