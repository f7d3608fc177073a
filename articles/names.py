"""Matching keys for names written many ways: outlets, actors and their aliases.

Pure logic. ``name_key`` folds case, accents and punctuation so that "RFE/RL", "rfe-rl"
and "RFE RL" meet, and "Kremlin.ru" meets "kremlin ru". It never drops letters or digits,
so different names keep different keys.
"""

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def name_key(name: str) -> str:
    """A case-, accent- and punctuation-insensitive key: "The Baltic Times" -> "the baltic times".

    Curly and straight apostrophes vanish ("Russia’s" -> "russias"); every other run of
    non-alphanumeric characters becomes one space. Returns "" for a name with no letters
    or digits.
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = folded.replace("'", "").replace("\u2019", "")
    return _NON_ALNUM.sub(" ", folded).strip()
