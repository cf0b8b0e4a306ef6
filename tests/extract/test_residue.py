"""Tests for cutting furniture glued inside body paragraphs, on paragraphs of our own making.

Every paragraph below is invented for these tests; the furniture around the sentences imitates
the shapes that players, galleries and forms print, not any one page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from eventwire.extract.furniture import KINDS
from eventwire.extract.plain import extract_plain
from eventwire.extract.residue import RESIDUE_KINDS, Cleaned, clean_paragraph, clean_paragraphs
from eventwire.ingest.jsonl import record_page
from eventwire.records import Article, Page

S1 = "The harbour authority closed the northern pier on Tuesday after a storm damaged it."
S2 = "Repairs are expected to take three weeks, a spokeswoman for the port said."
S3 = '"We will reopen as soon as it is safe," the mayor told reporters.'


def _kinds(cleaned: Cleaned) -> list[str]:
    return [r.kind for r in cleaned.removed]


def _covers(text: str, cleaned: Cleaned) -> None:
    """Every word of the paragraph is either kept or in a removed fragment."""
    kept = " ".join([*cleaned.pieces, *(r.text for r in cleaned.removed)]).split()
    assert sorted(kept) == sorted(text.split())


@pytest.mark.parametrize(
    ("furniture", "kind"),
    [
        (
            "JUST WATCHED Storm hits the coast Replay More Videos ... MUST WATCH Storm hits the "
            "coast 02:14",
            "video furniture",
        ),
        ("Skip Ad Ad Loading... x Embed x Share", "video furniture"),
        ("Advertisement Continue reading the main story", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("(Photo: Kim Lee, AP)", "image credit"),
        ("(Jan Novak/AFP/Getty Images)", "image credit"),
        ("(AP Photo/Kim Lee, File)", "image credit"),
        ("Hide Caption 4 of 12", "caption"),
        (
            "Please verify you're not a robot by clicking the box. Invalid email address. Please "
            "re-enter. Thank you for subscribing. View all Harbour Times newsletters.",
            "inline promotion",
        ),
        ("Click here to upload your pictures.", "inline promotion"),
        ("Follow us on Twitter @harbourtimes.", "inline promotion"),
    ],
)
def test_furniture_between_sentences_is_cut_and_the_paragraph_split(
    furniture: str, kind: str
) -> None:
    text = f"{S1} {furniture} {S2}"
    cleaned = clean_paragraph(text)
    assert cleaned.pieces == (S1, S2)
    assert _kinds(cleaned) == [kind]
    assert cleaned.removed[0].text == furniture
    assert cleaned.removed[0].reason.endswith("(glued inside a body paragraph)")
    _covers(text, cleaned)


def test_whole_furniture_lines_are_cut() -> None:
    for line, kind in [
        ("Photo", "caption"),
        ("Video", "video furniture"),
        ("Dock workers inspect the damaged pier on Tuesday | Photo Credit: AP", "caption"),
        ("Dock workers inspect the damaged pier (Getty Images)", "caption"),
        ("Dock workers inspect the pier on May 4, 2021 ©Jan Novak (AFP)", "caption"),
        ("Dock workers inspect the pier. Credit Jan Novak/European Pressphoto Agency", "caption"),
    ]:
        cleaned = clean_paragraph(line)
        assert cleaned.pieces == (), line
        assert _kinds(cleaned) == [kind], line
        assert cleaned.removed[0].reason.endswith("(a body line)")


def test_caption_without_stop_before_a_credit_goes_with_it() -> None:
    text = f"{S1} Dock workers inspect the damaged pier (Reuters) {S2}"
    cleaned = clean_paragraph(text)
    assert cleaned.pieces == (S1, S2)
    assert [(r.kind, r.text) for r in cleaned.removed] == [
        ("caption", "Dock workers inspect the damaged pier (Reuters)")
    ]


def test_wire_credits_and_datelines_are_kept() -> None:
    for text in [
        f"(Reuters) {S1}",
        f"OSLO (AP) — {S1}",
        f"OSLO, May 4 (Reuters) - {S1}",
        f"{S1} A Reuters/Ipsos poll showed support at 40 percent. {S2}",
        f"{S1} (Reuters)",  # a trailer crediting the text, not a photo
        "The ferry left at 10:25 and arrived at 11:40, the operator said.",
        "Ad hoc talks on the pier were held on Monday, the council said in a statement.",
        "The advertisement campaign cost the port 2 million euros, officials said.",
        "She said she would sign up for the training course next year.",
    ]:
        assert clean_paragraph(text) == Cleaned((text,), ()), text


def test_gallery_inside_a_story_is_cut_whole() -> None:
    slides = " ".join(
        f"Photos: Storm on the coast {caption} Hide Caption {i} of 3"
        for i, caption in enumerate(["Waves hit the pier.", "A boat sank.", "Crews work."], 1)
    )
    paragraphs = [S1, S2 * 5, slides, S3]
    cleaned = clean_paragraphs(paragraphs)
    assert [c.pieces for c in cleaned] == [(S1,), (S2 * 5,), (), (S3,)]
    assert _kinds(cleaned[2]) == ["caption"]
    _covers(slides, cleaned[2])


def test_gallery_page_keeps_its_captions() -> None:
    captions = ["Waves hit the northern pier.", "A fishing boat sank.", "Crews work at night."]
    paragraphs = [
        f"Photos: Storm on the coast {c} Hide Caption {i} of 3" for i, c in enumerate(captions, 1)
    ]
    cleaned = clean_paragraphs(paragraphs)
    assert [c.pieces for c in cleaned] == [(c,) for c in captions]
    assert cleaned[0].removed[0].text == "Photos: Storm on the coast"
    assert cleaned[0].removed[1].text == "Hide Caption 1 of 3"


def test_sign_up_form_with_blurb_is_one_cut() -> None:
    form = (
        "Newsletter Sign Up Continue reading the main story Harbour Weekly The week's shipping "
        "news, delivered to your inbox every Friday. Please verify you're not a robot by clicking "
        "the box. Invalid email address. Please re-enter. Sign Up Thank you for subscribing."
    )
    cleaned = clean_paragraph(form)
    assert cleaned.pieces == ()
    assert [(r.kind, r.text) for r in cleaned.removed] == [("inline promotion", form)]


def test_sentence_printed_twice_is_cut_once() -> None:
    cleaned = clean_paragraph(f"{S1} {S1} {S2}")
    assert cleaned.pieces == (S1, S2)
    assert _kinds(cleaned) == ["repeated fragment"]
    short = "No, no. No, no. I said no."
    assert clean_paragraph(short).pieces == (short,)  # a speaker repeating a short sentence


def test_residue_kinds_are_documented() -> None:
    import eventwire.extract.furniture as furniture
    import eventwire.extract.residue as residue

    assert set(RESIDUE_KINDS) <= set(KINDS)
    for kind in [*RESIDUE_KINDS, "caption", "advertisement"]:
        assert re.search(rf"^\s+{kind}\s", residue.__doc__ or "", re.M), kind
        assert re.search(rf"^\s+{kind}\s", furniture.__doc__ or "", re.M), kind


# --- property: a sentence without a residue cue is never cut ---------------------------------
_WORDS = (  # noqa: SIM905 (a word list reads best as one string)
    "harbour pier storm council mayor ferry repairs workers the a of on in after before said "
    "would could weeks days officials boats crews waves night morning coast island north south "
    "closed opened damaged expected inspect reported spokeswoman minister talks agreed new old"
).split()
_FURNITURE = [
    "Advertisement Continue reading the main story",
    "Hide Caption 2 of 9",
    "(Photo: Getty Images)",
    "JUST WATCHED Pier closes Replay More Videos ... MUST WATCH Pier closes 01:02",
    "Click here to read more.",
    "Follow us on Facebook.",
    "Skip Ad",
    "(Getty)",
    "Story continues below advertisement",
    "Please verify you're not a robot by clicking the box. Invalid email address.",
    "1 of 12 Full Screen Autoplay Close",
]


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=3, max_size=18))
    words[0] = words[0].capitalize()
    if draw(st.booleans()):
        words.insert(draw(st.integers(1, len(words))), str(draw(st.integers(1, 3000))))
    return " ".join(words) + draw(st.sampled_from([".", "!", "?", '."']))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(_sentence(), st.sampled_from(_FURNITURE).map(lambda f: "\0" + f)),
        min_size=0,
        max_size=8,
    ),
    _sentence(),
)
def test_sentences_without_cues_are_never_cut(parts: list[str], last: str) -> None:
    # The paragraph ends with a sentence: one that ends in a photo credit is a caption; and
    # "(Getty) Officials said ..." would open a wire story.
    # A short blurb between two messages of a sign-up form is the form's (see the module doc).
    assume(parts[:1] != ["\0(Getty)"])
    assume(sum(p.startswith("\0Please verify") for p in parts) <= 1)
    parts = [*parts, last]
    sentences = [p for p in parts if not p.startswith("\0")]
    text = " ".join(p.lstrip("\0") for p in parts)
    cleaned = clean_paragraph(text)
    kept = " ".join(cleaned.pieces)
    for sentence in sentences:
        # A sentence printed twice in a row may lose its repeat; never its first print.
        assert sentence in kept, (sentence, cleaned)
    for part in parts:
        if part.startswith("\0"):
            assert part[1:] not in kept
    _covers(text, cleaned)


# --- measured on the news-please examples ------------------------------------------------
_AUDIT = re.compile(
    r"JUST WATCHED|MUST WATCH|Replay More Videos|Hide Caption|\bPhotos?:\s|"
    r"^(?:Photo|Image|Video)$|\((?:Photo|Image)\s*:|Continue reading the main story|"
    r"\bAdvertisement\b|Story continues below|Click here\b|Please verify you|Sign Up\b|"
    r"Follow us\b|\bAP Photo\b|/\s*Getty Images|\((?:Getty|Getty Images|AFP|PA|EPA)\)",
    re.M,
)


def test_residue_left_in_the_news_examples() -> None:
    path = Path(__file__).parents[2] / "examples" / "news" / "news_cluster_2017.jsonl"
    before = after = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        page = record_page(json.loads(line), where=f"{path}:{number}", max_bytes=10**7)
        assert isinstance(page, Page)
        before += len(_AUDIT.findall(page.raw.decode("utf-8")))
        article = extract_plain(page, page.raw.decode("utf-8"))
        assert isinstance(article, Article)
        after += sum(len(_AUDIT.findall(p)) for p in article.paragraphs)
    assert before > 250  # the examples do hold such residue
    assert after <= 3, after
