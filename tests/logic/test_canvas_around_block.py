"""The canvas around the block: which chosen type asks which neighbouring block for what."""

from __future__ import annotations

from bmc_course.formats.submission import RelationshipShare, SegmentChoice
from bmc_course.logic.canvas_around_block import canvas_around
from bmc_course.model.catalog import Catalog


def _segment(segment_id: str, name: str, mix: dict[str, float], **extra: object) -> SegmentChoice:
    return SegmentChoice(
        id=segment_id,
        name=name,
        archetype="business",
        revenue_per_customer=2000,
        customers=100,
        relationships=[RelationshipShare(type=t, share=s) for t, s in mix.items()],
        **extra,
    )


def test_every_need_names_the_type_and_segments_that_ask_for_it(catalog: Catalog) -> None:
    segments = [
        _segment("teams", "Teams", {"personal_assistance": 1.0}, value_proposition="Fitted cleats"),
        _segment("clubs", "London Clubs", {"personal_assistance": 0.5, "communities": 1.0}),
    ]
    around = canvas_around(segments, catalog)
    assert [b.name for b in around.blocks] == [
        "Value Propositions",
        "Channels",
        "Revenue Streams",
        "Key Resources",
        "Key Activities",
        "Key Partners",
        "Cost Structure",
    ]
    resources = around.block("Key Resources").lines
    crm = next(n for n in resources if "CRM" in n.text and "history" in n.text)
    assert crm.because == "for personal assistance (Teams, London Clubs)"
    assert any("Community managers" in n.text for n in resources)
    # no type chosen that needs a web agency: nothing about it
    assert all("web agency" not in n.text for n in around.block("Key Partners").lines)
    offers = around.block("Value Propositions").lines
    assert offers[0].text == "Fitted cleats" and offers[0].because == "for Teams"
    assert offers[1].because == "for London Clubs"  # a name is written as the learner wrote it
    assert "not written yet" in offers[1].text


def test_revenue_and_costs_use_the_learners_numbers(catalog: Catalog) -> None:
    segments = [_segment("teams", "Teams", {"dedicated_personal_assistance": 0.1})]
    around = canvas_around(segments, catalog)
    (revenue,) = around.block("Revenue Streams").lines
    assert revenue.text.startswith("100 customers × 2,000 a year = 200,000 a year")
    (cost,) = around.block("Cost Structure").lines
    # 10 named clients at the course's illustrative 1,500 a year each, plus the set-up share
    yearly = float(cost.text.removeprefix("about ").split(" a year")[0].replace(",", ""))
    assert 15_000 <= yearly < 20_000
    assert "costliest relationship per customer" in cost.text
    phases = [n.text.split(":")[0] for n in around.block("Channels").lines]
    assert phases == ["Evaluation", "Purchase", "Delivery", "After sales"]


def test_a_free_segment_says_who_pays(catalog: Catalog) -> None:
    payers = _segment("sellers", "Sellers", {"self_service": 1.0})
    free = _segment("buyers", "Buyers", {"communities": 1.0}, funded_by="sellers")
    (_, buyers) = canvas_around([payers, free], catalog).block("Revenue Streams").lines
    assert buyers.text == "pays nothing itself; its relationships are paid for by Sellers"


def test_nothing_chosen_leaves_the_neighbouring_blocks_empty(catalog: Catalog) -> None:
    around = canvas_around([_segment("teams", "Teams", {})], catalog)
    for name in ("Channels", "Key Resources", "Key Activities", "Key Partners", "Cost Structure"):
        assert around.block(name).lines == ()
