"""Matching keys for names written many ways: outlets, actors and their aliases.

Pure logic. ``name_key`` folds case, accents and punctuation so that "RFE/RL", "rfe-rl"
and "RFE RL" meet, and "Kremlin.ru" meets "kremlin ru". It never drops letters or digits,
so different names keep different keys.

An outlet written as a domain ("kommersant.ru", "www.kremlin.ru") is looked up by
``outlet_keys``: first the key of the domain without a leading "www." ("kremlin ru", which
an outlet named or aliased "Kremlin.ru" has), then the key of that domain without its
top-level domain ("kommersant", which the outlet "Kommersant" has).
"""

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}", re.IGNORECASE)


def name_key(name: str) -> str:
    """A case-, accent- and punctuation-insensitive key: "The Baltic Times" -> "the baltic times".

    Curly and straight apostrophes vanish ("Russia’s" -> "russias"); every other run of
    non-alphanumeric characters becomes one space. Returns "" for a name with no letters
    or digits.
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = folded.replace("'", "").replace("\u2019", "")
    return _NON_ALNUM.sub(" ", folded).strip()


def is_domain(name: str) -> bool:
    """Whether ``name`` is written as a domain: "kommersant.ru", "www.kremlin.ru", "TINN.ir"."""
    return _DOMAIN.fullmatch(name) is not None


def domain_name(name: str) -> str:
    """A domain without a leading "www.": "www.kremlin.ru" -> "kremlin.ru"; any other name
    unchanged."""
    if is_domain(name) and name[:4].lower() == "www." and is_domain(name[4:]):
        return name[4:]
    return name


def outlet_keys(name: str) -> list[str]:
    """The keys to find the outlet a citation names, best first.

    A name is its own key; a domain is the key of the domain without "www." and then of
    that without its top-level domain: "www.kommersant.ru" -> ["kommersant ru",
    "kommersant"]. Keys are never empty.
    """
    if not is_domain(name):
        return [key] if (key := name_key(name)) else []
    host = domain_name(name)
    keys = [name_key(host), name_key(host.rsplit(".", 1)[0])]
    return [key for index, key in enumerate(keys) if key and key not in keys[:index]]
