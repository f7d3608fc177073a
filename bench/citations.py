"""How long ``extract_references`` takes on the seed article; the target is well under 10 ms."""

import datetime as dt
import statistics
import timeit
from pathlib import Path

from articles.citations import extract_references

SEED = Path(__file__).resolve().parent.parent / "tests" / "data" / "seed_article.txt"
PUBLISHED = dt.date(2025, 8, 21)
PUBLICATIONS = ("EDM", "Eurasia Daily Monitor")


def run(repeat: int = 25, number: int = 100) -> str:
    """One line: the median time per call over ``repeat`` timings of ``number`` calls each."""
    text = SEED.read_text(encoding="utf-8")

    def parse():
        return extract_references(text, published=PUBLISHED, publications=PUBLICATIONS)

    count = len(parse())
    timings = timeit.repeat(parse, repeat=repeat, number=number)
    median_ms = statistics.median(timings) / number * 1000
    return (
        f"citations: extract_references on the seed article ({len(text)} characters, "
        f"{count} references): median {median_ms:.3f} ms per call "
        f"({repeat} timings of {number} calls)"
    )
