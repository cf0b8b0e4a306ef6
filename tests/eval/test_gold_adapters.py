"""Gold adapters: PETRARCH XML, PLOVER JSON and eventwire JSON Lines, good and malformed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import GoldFormatError
from eventwire.eval.gold import GoldEvent, iso_date, load_gold

PETRARCH = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
###############
#   banner with a stray <EventCoding...> mention
###############
<Sentences>
<Sentence category="AFP" date="20080804" id="S1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USAGOV" targetcode="CHN" />
<Text>
The US leader prepared to attend
the Beijing Olympics.
</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
</Parse>
</Sentence>
<Sentence category="GOLD" date="20150609" id="S2" evaluate="true">
<!-- a comment with <EventCoding eventcode="999" /> inside -->
<EventCoding noevents="True" />
<Text>
Nothing happened.
</Text>
<Sentence category="GOLD" date="121108" id="S3" evaluate="true"/>
<EventCoding eventcode="080" sourcecode="IGOUNOMIL" targetcode="---" />
<EventCoding eventcode="0352" sourcecode="---REB" targetcode="IGOEUREEC" />
<Text>UN troops withdrew.</Text>
<!---
<Parse>
</Parse>-->
<Sentence category="TEST" date="20150609" id="S4" evaluate="false"/>
<EventCoding eventcode="190" sourcecode="USA" targetcode="RUS" />
<Text>Not evaluated.</Text>
<Sentence category="TEST" date="20150609" id="S5" evaluate="true"/>
<Text>No coding at all.</Text>
<Sentence category="OTHER" date="20150101" id="S6" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGAMUS" />
<Text>
</Text>
<Sentence category="OTHER" date="20150101" id="S7" evaluate="true"/>
<EventCoding eventcode="---" sourcecode="NGA" targetcode="NGA" />
<Text>A dash code.</Text>
</Sentences>
</Validation>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_petrarch_records_codes_and_notes(tmp_path: Path) -> None:
    gold = load_gold(_write(tmp_path, "g.xml", PETRARCH), format="petrarch")
    by_id = {s.id: s for s in gold.sentences}
    assert list(by_id) == ["S1", "S2", "S3", "S5", "S7"]  # S4 not evaluated, S6 empty text
    s1 = by_id["S1"]
    assert s1.text == "The US leader prepared to attend the Beijing Olympics."
    assert s1.date == "2008-08-04T00:00:00Z"
    assert s1.category == "AFP"
    assert s1.events == (GoldEvent(code="042", root="04", source="USA", target="CHN"),)
    assert by_id["S2"].events == ()  # noevents, and the commented coding is ignored
    s3 = by_id["S3"]
    assert s3.date is None
    assert [(e.code, e.root, e.source, e.target) for e in s3.events] == [
        ("080", "08", "UN", "---"),
        ("0352", "03", "---", "EU"),
    ]
    assert by_id["S5"].events == ()
    assert by_id["S7"].events == ()
    assert any("S6" in n and "empty" in n for n in gold.notes)
    assert any("S3" in n and "121108" in n for n in gold.notes)
    assert any("S5" in n for n in gold.notes)


def test_limit_keeps_the_first_sentences(tmp_path: Path) -> None:
    gold = load_gold(_write(tmp_path, "g.xml", PETRARCH), format="petrarch", limit=2)
    assert [s.id for s in gold.sentences] == ["S1", "S2"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('<Sentence id="A" date="20080101"/>\n<EventCoding eventcode="042"/>\n', "no <Text>"),
        ('<Sentence id="A"/>\n<Text>x</Text>\n<Text>y</Text>\n', "second <Text>"),
        ('<Sentence id="A"/>\n<EventCoding eventcode="4x2"/>\n<Text>x</Text>\n', "'4x2'"),
        ('<EventCoding eventcode="042"/>\n<Sentence id="A"/>\n<Text>x</Text>\n', "outside"),
        ('<Sentence date="20080101"/>\n<Text>x</Text>\n', "without an id"),
        ('<Sentence id="A"/>\n<!-- open\n<Text>x</Text>\n', "never closed"),
        ('<Sentence id="A"/>\n<Text>x\n', "unbalanced"),
        ("<Sentences></Sentences>\n", "no <Sentence>"),
        (
            '<Sentence id="A"/>\n<EventCoding noevents="True"/>\n'
            '<EventCoding eventcode="042" sourcecode="USA"/>\n<Text>x</Text>\n',
            "both",
        ),
    ],
)
def test_malformed_petrarch_names_file_and_problem(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, "bad.xml", f"<Validation>\n{body}</Validation>\n")
    with pytest.raises(GoldFormatError) as err:
        load_gold(path, format="petrarch")
    assert "bad.xml" in str(err.value)
    assert message in str(err.value)
    assert err.value.code == "EW600"


def test_petrarch_error_gives_the_line(tmp_path: Path) -> None:
    body = '<Sentence id="A"/>\n<Text>x</Text>\n\n\n<Sentence id="B"/>\n'
    path = _write(tmp_path, "bad.xml", body + '<EventCoding eventcode="ab"/>\n<Text>y</Text>\n')
    with pytest.raises(GoldFormatError, match=r"bad\.xml:6:"):
        load_gold(path, format="petrarch")


PLOVER = [
    {"id": "DOC", "event": "DOCUMENT", "eventText": "header"},
    {
        "id": "P1",
        "date": "2000-01-01",
        "event": "DEMAND",
        "text": "Hungarian and  Romanian officials demanded aid from the U.N.",
        "source": [
            {"actorText": "Hungarian", "code": "HUN", "sector": "GOV"},
            {"actorText": "Romanian", "code": "ROU"},
        ],
        "target": [{"actorText": "U.N.", "code": "IGO"}],
    },
    {
        "id": "P3",
        "event": "AGREE",
        "text": "Israel and Lebanon renewed negotiations.",
        "textInfo": {"markup": "(SRC/TAR: Israel) and (SRC/TAR: Lebanon) (EVT: renewed)"},
        "source": [{"actorText": "Israel", "code": "ISR"}, {"actorText": "Lebanon", "code": "LBN"}],
    },
    {
        "id": "P2",
        "event": "FIGHT",
        "text": "Japanese troops fought.",
        "source": [{"actorText": "Japan", "code": "JAP"}],
        "target": "diplomatic",
    },
    {
        "id": "P2",
        "event": "AGREE",
        "text": "The Red Cross agreed.",
        "source": [{"actorText": "Red Cross", "code": "IGO"}],
        "target": None,
    },
]


def test_plover_records(tmp_path: Path) -> None:
    gold = load_gold(_write(tmp_path, "p.json", json.dumps(PLOVER)), format="plover")
    assert [s.id for s in gold.sentences] == ["P1", "P3", "P2", "P2#2"]
    p3 = gold.sentences[1]
    assert [(e.source, e.target) for e in p3.events] == [("ISR", "LBN"), ("LBN", "ISR")]
    p1 = gold.sentences[0]
    assert p1.text == "Hungarian and Romanian officials demanded aid from the U.N."
    assert p1.date is None  # the file's 2000-01-01 is a placeholder, not a publication date
    assert {(e.plover_type, e.source, e.target) for e in p1.events} == {
        ("REQUEST", "HUN", "UN"),
        ("REQUEST", "ROU", "UN"),
    }
    assert all(e.code is None and e.root is None for e in p1.events)
    p2 = gold.sentences[2]
    assert [(e.plover_type, e.source, e.target) for e in p2.events] == [("ASSAULT", "JPN", "---")]
    assert [(e.source, e.target) for e in gold.sentences[3].events] == [("IGO", "---")]
    assert any("diplomatic" in n for n in gold.notes)
    assert any("P2#2" in n for n in gold.notes)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"id": "x"}', "JSON array"),
        ('[{"id": "x", "event": "AGREE"}]', "'text'"),
        ('[{"event": "AGREE", "text": "t"}]', "'id'"),
        ('[{"id": "x", "event": "AGREE", "text": "t", "source": 5}]', "list of actors"),
        ("[]", "no gold sentences"),
    ],
)
def test_malformed_plover(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(GoldFormatError, match=message) as err:
        load_gold(_write(tmp_path, "bad.json", content), format="plover")
    assert "bad.json" in str(err.value)


def test_eventwire_jsonl(tmp_path: Path) -> None:
    lines = [
        {
            "id": "a",
            "text": "Russia attacked Ukraine.",
            "published_at": "2022-02-24",
            "events": [{"cameo": "19", "source": "RUS", "target": "UKR"}],
        },
        {"id": "b", "text": "Nothing.", "events": []},
        {
            "id": "c",
            "text": "NATO met the Russian government.",
            "published_at": "2022-01-12T10:00:00+02:00",
            "events": [{"cameo": "040", "source": "NATO", "target": "RUSGOV"}],
        },
    ]
    text = "\n".join(json.dumps(x) for x in lines[:2]) + "\n\n" + json.dumps(lines[2]) + "\n"
    gold = load_gold(_write(tmp_path, "g.jsonl", text), format="eventwire")
    a, b, c = gold.sentences
    assert a.events == (GoldEvent(code="190", root="19", source="RUS", target="UKR"),)
    assert a.date == "2022-02-24T00:00:00Z"
    assert b.events == () and b.date is None
    assert c.date == "2022-01-12T08:00:00Z"
    assert (c.events[0].source, c.events[0].target) == ("NATO", "RUS")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[1, 2]", "JSON object"),
        ('{"id": "a", "text": "t"}', "'events'"),
        ('{"id": "a", "text": "", "events": []}', "'text'"),
        ('{"id": "a", "text": "t", "events": [{"source": "USA"}]}', "'cameo'"),
        ('{"id": "a", "text": "t", "events": [{"cameo": "0x"}]}', "invalid CAMEO"),
        ('{"id": "a", "text": "t", "published_at": "soon", "events": []}', "published_at"),
        ('{"id": "a", "text": "t", "events": [{"cameo": "01", "source": 3}]}', "actor code"),
        ('{"id": "x", "text": "t", "events": []}', "duplicate id"),
        ("{broken", "invalid JSON"),
    ],
)
def test_malformed_eventwire_names_the_line(tmp_path: Path, line: str, message: str) -> None:
    first = '{"id": "x", "text": "fine", "events": []}'
    path = _write(tmp_path, "bad.jsonl", first + "\n" + line + "\n")
    with pytest.raises(GoldFormatError, match=message) as err:
        load_gold(path, format="eventwire")
    assert "bad.jsonl:2" in str(err.value)


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="not found"):
        load_gold(tmp_path / "nope.xml", format="petrarch")
    with pytest.raises(GoldFormatError, match="unknown gold format"):
        load_gold(_write(tmp_path, "g.xml", PETRARCH), format="csv")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("20080804", "2008-08-04T00:00:00Z"),
        ("2000-01-01", "2000-01-01T00:00:00Z"),
        ("2022-01-13T15:42:00Z", "2022-01-13T15:42:00Z"),
        ("121108", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(raw: str | None, iso: str | None) -> None:
    assert iso_date(raw) == iso


def test_docs_example_is_valid_eventwire_gold() -> None:
    from tests.conftest import REPO

    from eventwire.eval.gold import read_eventwire

    doc = (REPO / "docs" / "eval.md").read_text("utf-8")
    block = doc.split("```json\n", 1)[1].split("```", 1)[0]
    sentences = read_eventwire(block, name="docs/eval.md")
    assert [s.id for s in sentences] == ["s1", "s2"]
    assert [(e.root, e.source, e.target) for e in sentences[0].events] == [("04", "RUS", "USA")]
