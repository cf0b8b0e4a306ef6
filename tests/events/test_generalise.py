"""Rules made from misses on ``tests/gold/dev2_sentences.jsonl``, pinned on our own sentences.

Each rule is general (a class of phrasing, not one sentence); every test sentence here is
written for the test. Actors come from a fixed name table, so the events stage is tested alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.conftest import event_keys as keys
from tests.conftest import name_table_coder

from eventwire.records import Event

# longest names first: a mention inside a longer one is skipped
NAMES = {
    "North Korea": "PRK",
    "South Korea": "KOR",
    "Pyongyang": "PRK",
    "Washington": "USA",
    "Beijing": "CHN",
    "Britain": "GBR",
    "British": "GBR",
    "Japan": "JPN",
    "Tokyo": "JPN",
    "Chile": "CHL",
    "Afghanistan": "AFG",
    "Peru": "PER",
    "Iran": "IRN",
    "Israeli": "ISR",
    "Iranian": "IRN",
    "Israel": "ISR",
}

Code = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def code(nlp: Any) -> Code:
    return name_table_coder(nlp, NAMES, published_at="2017-09-15T12:00:00Z")


def roots(events: list[Event]) -> set[str]:
    return {e.cameo_root for e in events}


# --- deaths in a crash are nobody's act ------------------------------------------------------


def test_a_participle_after_a_crash_tells_its_victims(code: Code) -> None:
    text = (
        "Chilean investigators are examining what caused a bus to crash near the border, "
        "killing 12 Peruvian tourists."
    )
    assert not roots(code(text)) & {"18", "19"}


def test_deaths_when_a_train_derailed_are_no_attack(code: Code) -> None:
    text = "Five people were killed and many were hurt when a train derailed near Lima on Monday."
    assert not roots(code(text)) & {"18", "19"}


def test_a_truck_crashed_into_a_building_is_an_attack(code: Code) -> None:
    # "crashed a truck" has an object: someone drove it, so the deaths are an attack
    text = (
        "At least two people have been killed after a suicide bomber crashed a truck loaded "
        "with explosives into a government building in Afghanistan."
    )
    assert roots(code(text)) & {"18", "19"}


def test_a_participle_after_an_attack_still_counts(code: Code) -> None:
    # the rule reads what precedes the participle: an attack there stays an attack
    events = code("Israel bombed the compound on Monday, killing 12 fighters.")
    assert roots(events) & {"18", "19"}


# --- lexicon 1.3: common phrasings of statements ----------------------------------------------


def test_a_denial_told_as_a_clause_is_a_denial(code: Code) -> None:
    events = code("Britain denied that it was trying to delay the talks.")
    assert ("01", "GBR", None) in keys(events)
    assert "016" in {e.cameo for e in events}


def test_urging_restraint_is_an_appeal_without_an_addressee(code: Code) -> None:
    events = code("Beijing urged restraint on Tuesday.")
    assert {e.cameo for e in events} == {"0256"}
    assert keys(events) == {("02", "CHN", None)}


def test_praising_or_welcoming_an_act_is_approval(code: Code) -> None:
    assert ("05", "GBR", None) in keys(code('Britain praised the "spirit of cooperation".'))
    assert ("05", "JPN", None) in keys(code("Japan welcomed the comments on Monday."))
    # a party praised is still the target
    assert ("05", "JPN", "KOR") in keys(code("Japan praised South Korea on Monday."))


# --- a reaction the subject undergoes ---------------------------------------------------------


def test_facing_criticism_is_no_criticism_by_the_subject(code: Code) -> None:
    assert not roots(code("Britain denied the report after facing criticism at home.")) & {"11"}
    assert not roots(code("Japan came under criticism for the plan.")) & {"11"}


def test_criticism_from_a_named_party_is_still_coded(code: Code) -> None:
    events = code("The test by Pyongyang drew sharp criticism from Washington.")
    assert ("11", "USA", "PRK") in keys(events)


# --- habits and counterfactual conditions -----------------------------------------------------


def test_a_routine_described_in_passing_is_no_event(code: Code) -> None:
    text = "Tensions are rising, with Japan and South Korea regularly holding drills in the region."
    assert not roots(code(text)) & {"06"}


def test_a_routine_told_as_a_fact_stays_coded(code: Code) -> None:
    events = code("Israeli soldiers routinely beat up Iranian detainees, a court was told.")
    assert roots(events) & {"18", "19"}


def test_a_counterfactual_condition_is_not_coded(code: Code) -> None:
    text = "Had Japan shot down the missile, it could have faced a response from Pyongyang."
    assert not roots(code(text)) & {"18", "19"}
    # a plain past act is coded
    assert roots(code("Japan shot down the missile on Monday.")) & {"18", "19"}


# --- missiles launched from a state -----------------------------------------------------------


def test_a_missile_launched_from_a_state_is_its_show_of_force(code: Code) -> None:
    events = code("A missile was launched from North Korea on Friday.")
    assert ("15", "PRK", None) in keys(events)


def test_a_launched_missile_is_aimed_where_it_flew(code: Code) -> None:
    events = code("Tokyo said a missile launched from North Korea had flown over Japan.")
    assert ("15", "PRK", "JPN") in keys(events)


# --- condemning or criticising an act ---------------------------------------------------------


def test_condemning_an_act_by_nobody_named_is_still_a_condemnation(code: Code) -> None:
    text = "The rocket crossed the border, a provocation which was condemned by Japan."
    assert ("11", "JPN", None) in keys(code(text))
    assert ("11", "GBR", None) in keys(code("Britain criticised the move on Monday."))


def test_condemning_a_named_party_keeps_it_as_target(code: Code) -> None:
    assert ("11", "JPN", "PRK") in keys(code("Japan condemned North Korea on Friday."))
    events = code("Japan condemned the launch by North Korea on Friday.")
    assert ("11", "JPN", "PRK") in keys(events)


# --- the subject of a gerund after "despite", "with", "after" ---------------------------------


def test_the_object_of_despite_acts_in_the_gerund_after_it(code: Code) -> None:
    text = (
        "\u201cWashington must take direct action,\u201d Tokyo said in a statement, despite "
        "Beijing and Britain repeatedly and firmly denouncing Pyongyang\u2019s actions."
    )
    events = code(text)
    assert {("11", "CHN", "PRK"), ("11", "GBR", "PRK")} <= keys(events)
    assert not any(e.cameo_root == "11" and e.source.code == "JPN" for e in events)


def test_a_gerund_with_no_such_object_keeps_the_clause_subject(code: Code) -> None:
    events = code("Japan spoke on Monday, denouncing North Korea's test.")
    assert ("11", "JPN", "PRK") in keys(events)


def test_challenging_a_party_to_act_is_a_demand(code: Code) -> None:
    assert ("10", "JPN", "PRK") in keys(code("Japan challenged North Korea to prove its claims."))
    # a ruling challenged is no demand of anyone
    assert not roots(code("Japan challenged the ruling in court.")) & {"10"}


# --- an investigation into an incident names no one investigated ------------------------------


def test_an_investigation_into_a_crash_is_no_act(code: Code) -> None:
    text = "Japan's transport police opened an investigation into the crash on Friday."
    assert "09" not in roots(code(text))


def test_an_investigation_into_a_party_is_still_coded(code: Code) -> None:
    text = "Japan's transport police opened an investigation into Iran on Friday."
    assert ("09", "JPN", "IRN") in keys(code(text))


# --- a negated denial denies nothing; a conjunct clause keeps its own modality ----------------


def test_refusing_to_deny_is_no_denial(code: Code) -> None:
    text = "Iran refused to deny the allegations on Friday."
    assert "01" not in roots(code(text))


def test_a_plain_denial_is_still_coded(code: Code) -> None:
    text = "Iran denied the allegations on Friday."
    assert ("01", "IRN", None) in keys(code(text))


def test_a_conjunct_with_its_own_subject_is_not_negated(code: Code) -> None:
    text = "The minister was not named in the files, and Iran denied the allegations."
    denials = [e for e in code(text) if e.cameo_root == "01"]
    assert [e.modality for e in denials] == ["asserted"]


# --- what a remark is about is no act -----------------------------------------------------------


def test_the_need_a_remark_is_about_is_no_act(code: Code) -> None:
    text = "Japan praised comments by Iran about the need to improve relations with Israel."
    assert "03" not in roots(code(text))


def test_an_intent_to_improve_relations_is_still_coded(code: Code) -> None:
    text = "Iran will improve relations with Israel, its foreign minister said."
    assert "03" in roots(code(text))


# --- calling an act a provocation or a crime denounces it ----------------------------------------


def test_calling_a_launch_a_provocation_is_criticism(code: Code) -> None:
    text = "Japan on Friday called the Iranian attack a grave provocation."
    assert "11" in roots(code(text))


def test_calling_a_deal_a_success_is_no_criticism(code: Code) -> None:
    text = "Japan on Friday called the Iranian deal a great success."
    assert "11" not in roots(code(text))


# --- a subject raised by "appears/seems to" is the passive complement's object -----------------


def test_a_missile_that_appears_to_have_been_launched_is_coded(code: Code) -> None:
    text = "A missile appears to have been launched from North Korea, officials in Tokyo said."
    assert ("15", "PRK") in {(root, src) for root, src, _ in keys(code(text))}


# --- a launch named as a noun, and the one who directed it ------------------------------------


def test_a_launch_supervised_by_a_state_is_its_show_of_force(code: Code) -> None:
    text = "The launch of the new missile was supervised by North Korea, state media reported."
    assert ("15", "PRK") in {(root, src) for root, src, _ in keys(code(text))}


def test_a_launch_with_no_one_behind_it_is_not_coded(code: Code) -> None:
    text = "The launch of the new missile was delayed by bad weather."
    assert "15" not in roots(code(text))
