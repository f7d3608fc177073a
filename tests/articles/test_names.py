"""Name keys: outlets and actors match whatever the case and punctuation."""

import pytest

from articles.names import domain_name, is_domain, name_key, outlet_keys


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


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("kommersant.ru", ["kommersant ru", "kommersant"]),
        ("www.kremlin.ru", ["kremlin ru", "kremlin"]),
        ("WWW.Kremlin.ru", ["kremlin ru", "kremlin"]),
        ("Kremlin.ru", ["kremlin ru", "kremlin"]),
        ("www.ru", ["www ru", "www"]),
        ("U.S.", ["u s"]),
        ("Tehran Times", ["tehran times"]),
        ("@handle_one", ["handle one"]),
    ],
)
def test_a_domain_is_found_by_its_name_without_www_then_without_its_top_level_domain(name, keys):
    assert outlet_keys(name) == keys


def test_domain_name_drops_www_only():
    assert domain_name("www.Kremlin.ru") == "Kremlin.ru"
    assert domain_name("kommersant.ru") == "kommersant.ru"
    assert domain_name("Tehran Times") == "Tehran Times"
    assert not is_domain("Radio Free Europe/Radio Liberty")
