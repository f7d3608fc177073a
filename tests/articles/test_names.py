"""Name keys: outlets and actors match whatever the case and punctuation."""

import pytest

from articles.names import name_key


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("RFE/RL", "rfe-rl"),
        ("Kremlin.ru", "KREMLIN RU"),
        ("U.S. State Department", "U S State Department"),
        ("Russia’s", "Russia's"),
        ("Alyaksandr Lukashenka", "  alyaksandr   lukashenka "),
        ("Bélarus", "Belarus"),
    ],
)
def test_same_key(left, right):
    assert name_key(left) == name_key(right)


def test_different_names_keep_different_keys():
    assert name_key("Belta") != name_key("Belta 2")
    assert name_key("...") == ""
