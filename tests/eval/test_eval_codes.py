"""Comparison keys for actor codes and PLOVER labels."""

from __future__ import annotations

import pytest

from eventwire.eval.codes import (
    actor_key,
    canonical_plover,
    normalise_cameo,
    petrarch_actor_key,
    plover_actor_key,
    same_actor,
)
from eventwire.records import Actor


@pytest.mark.parametrize(
    ("code", "key"),
    [
        ("CHNGOV", "CHN"),
        ("USA", "USA"),
        ("PSEREBHMSGOV", "PSE"),
        ("---REB", "---"),
        ("---", "---"),
        ("", "---"),
        (None, "---"),
        ("IGOUNO", "UN"),
        ("IGOUNOMIL", "UN"),
        ("IGOEUREEC", "EU"),
        ("IGOCOPITP", "INTERPOL"),
        ("IGOXYZ", "IGO"),
        ("IMGMUSISI", "---"),
        ("NGOHRI", "---"),
    ],
)
def test_petrarch_actor_key(code: str | None, key: str) -> None:
    assert petrarch_actor_key(code) == key


@pytest.mark.parametrize(
    ("code", "text", "key"),
    [
        ("HUN", "Hungarian", "HUN"),
        ("JAP", "Japan", "JPN"),
        ("ITL", "Italy", "ITA"),
        ("IGO", "U.N. Secretary-General Kofi Annan", "UN"),
        ("IGO", "Security Council", "UN"),
        ("IGO", "European Community", "EU"),
        ("IGO", "NATO  peacekeeping troops", "NATO"),
        ("IGO", "Red Cross", "IGO"),
        ("IGO", "Unity party", "IGO"),  # "un" inside a word is not the UN
        ("IMG", "al-Qaeda leaders", "---"),
        ("", "", "---"),
    ],
)
def test_plover_actor_key(code: str, text: str, key: str) -> None:
    assert plover_actor_key(code, text) == key


@pytest.mark.parametrize(
    ("actor", "key"),
    [
        (None, "---"),
        (Actor(text="Russia", start=0, end=6, code="RUS"), "RUS"),
        (Actor(text="x", start=0, end=1, code=None, kind="group"), "---"),
        (Actor(text="NATO", start=0, end=4, code="NATO", kind="igo"), "NATO"),
        (Actor(text="UNHCR", start=0, end=5, code="UNHCR", kind="igo"), "UN"),
        (Actor(text="G7", start=0, end=2, code="G7", kind="igo"), "IGO:G7"),
        (Actor(text="ICRC", start=0, end=4, code="ICRC", kind="organisation"), "ORG:ICRC"),
        (Actor(text="ISIL", start=0, end=4, code="IMG", kind="group"), "---"),
        (Actor(text="the West", start=0, end=8, code="WST", kind="group"), "---"),
        (Actor(text="Kallas", start=0, end=6, code="EST", kind="person"), "EST"),
    ],
)
def test_actor_key(actor: Actor | None, key: str) -> None:
    assert actor_key(actor) == key


def test_igo_wildcard_matches_igos_only() -> None:
    assert same_actor("IGO", "UN")
    assert same_actor("IGO", "IGO:G7")
    assert same_actor("IGO", "ORG:ICRC")
    assert not same_actor("IGO", "USA")
    assert not same_actor("IGO", "---")
    assert not same_actor("UN", "EU")
    assert not same_actor("UN", "IGO")  # only the gold side is a wildcard


def test_labels_and_codes() -> None:
    assert canonical_plover("DEMAND") == "REQUEST"
    assert canonical_plover("Disapprove") == "ACCUSE"
    assert canonical_plover("INVESTIGATE") == "ACCUSE"
    assert canonical_plover("FIGHT") == "ASSAULT"
    assert canonical_plover("AGREE") == "AGREE"
    assert canonical_plover(None) is None
    assert normalise_cameo("04") == "040"
    assert normalise_cameo("0234") == "0234"
