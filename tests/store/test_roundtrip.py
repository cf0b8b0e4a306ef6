"""Property: any records written to the store load back equal (store → load round trip)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.records import (
    MODALITIES,
    Actor,
    Article,
    Event,
    Location,
    Page,
    Quote,
    Rejected,
    Removed,
    Result,
)
from eventwire.store import EventFilter, QuoteFilter, Store

# Python strings may hold lone surrogates, which no database text column can store; real
# documents are decoded text and never contain them.
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
opt_text = st.none() | text
offset = st.integers(min_value=0, max_value=2**53)
score = st.floats(allow_nan=False, allow_infinity=False)
hex_id = st.text("0123456789abcdef", min_size=8, max_size=16)

actors = st.builds(
    Actor,
    text=text,
    start=offset,
    end=offset,
    code=opt_text,
    sector=opt_text,
    name=opt_text,
    kind=st.sampled_from(["state", "igo", "person", "organisation", "group"]),
    role=opt_text,
    confidence=score,
    group=opt_text,
)
locations = st.builds(
    Location, name=text, country=opt_text, lat=st.none() | score, lon=st.none() | score
)


@st.composite
def results(draw: st.DrawFn) -> Result:
    doc = draw(hex_id)
    raw = draw(st.binary(max_size=200))
    page = Page(
        id=doc,
        source=draw(text),
        fetched_at=draw(text),
        content_type=draw(text),
        encoding=draw(text),
        raw=raw,
        url=draw(opt_text),
        hints=draw(st.dictionaries(text, text, max_size=3)),
    )
    paragraphs = tuple(draw(st.lists(text, max_size=4)))
    article = draw(
        st.none()
        | st.builds(
            Article,
            doc_id=st.just(doc),
            url=opt_text,
            title=opt_text,
            paragraphs=st.just(paragraphs),
            text=st.just("\n\n".join(paragraphs)),
            language=opt_text,
            published_at=opt_text,
            published_at_raw=opt_text,
            origin=opt_text,
            publisher=opt_text,
            cited_sources=st.lists(text, max_size=3).map(tuple),
            dateline=opt_text,
            byline=opt_text,
            removed=st.lists(st.builds(Removed, kind=text, text=text, reason=text), max_size=3).map(
                tuple
            ),
        )
    )
    quote_ids = draw(st.lists(hex_id, max_size=3, unique=True))
    quotes = tuple(
        Quote(
            id=f"{doc}-q{qid}",
            doc_id=doc,
            text=draw(text),
            start=draw(offset),
            end=draw(offset),
            speaker=draw(st.none() | actors),
            speaker_name=draw(opt_text),
            cue=draw(opt_text),
            kind=draw(st.sampled_from(["direct", "indirect"])),
        )
        for qid in quote_ids
    )
    event_ids = draw(st.lists(hex_id, max_size=3, unique=True))
    events = tuple(
        Event(
            id=f"{doc}-e{eid}",
            doc_id=doc,
            sentence=draw(text),
            start=draw(offset),
            end=draw(offset),
            source=draw(actors),
            target=draw(st.none() | actors),
            cameo=draw(text),
            cameo_root=draw(text),
            quad_class=draw(st.integers(1, 4)),
            goldstein=draw(score),
            plover_type=draw(opt_text),
            plover_mode=draw(opt_text),
            modality=draw(st.sampled_from(MODALITIES)),  # type: ignore[arg-type]
            historical=draw(st.booleans()),
            event_date=draw(opt_text),
            date_precision=draw(st.sampled_from([None, "day", "week", "month", "year"])),
            location=draw(st.none() | locations),
            quote_id=draw(opt_text),
            confidence=draw(score),
            rule=draw(text),
        )
        for eid in event_ids
    )
    rejected = draw(
        st.none()
        | st.builds(
            Rejected, stage=text, reason=text, source=text, doc_id=st.just(doc), code=opt_text
        )
    )
    return Result(
        page=page,
        article=article,
        actors=tuple(draw(st.lists(actors, max_size=3))),
        quotes=quotes,
        events=events,
        rejected=rejected,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(res=results())
def test_result_round_trips(res: Result) -> None:
    with Store.open(":memory:") as store:
        store.write([res], at="2024-01-01T00:00:00Z")
        doc = res.page.id
        assert store.page(doc) == res.page
        assert store.article(doc) == res.article
        assert store.actors(doc) == list(res.actors)
        assert store.quotes(QuoteFilter(doc_id=doc)) == list(res.quotes)
        assert store.events(EventFilter(doc_id=doc)) == list(res.events)
        assert store.rejections() == ([res.rejected] if res.rejected else [])
        # Re-ingest is a no-op.
        before = store.counts()
        store.write([res], at="2030-01-01T00:00:00Z")
        assert store.counts() == before
