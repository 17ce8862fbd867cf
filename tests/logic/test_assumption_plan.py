"""Test plan: an expectation to check for each segment not yet validated, then each type's templates."""

from __future__ import annotations

from bmc_course.logic.assumption_plan import TestableAssumption, plan_for_segment, plan_tests
from bmc_course.model.catalog import Catalog
from tests.conftest import SegmentFactory

EXPECTATION_SIGNAL = "Most interviewees describe, unprompted, the kind of contact you planned."


def test_unvalidated_segment_first_tests_what_it_expects(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segment = make_segment(
        id="teams",
        name="Teams",
        validated=False,
        relationships=["personal_assistance", "self_service"],
    )
    assert [
        (a.segment_id, a.type_id, a.statement, a.method) for a in plan_for_segment(segment, catalog)
    ] == [
        (
            "teams",
            None,
            "Teams expect this kind of relationship: A contact person who knows their account, "
            "can negotiate and is reachable by phone.",
            "interview",
        ),
        (
            "teams",
            "personal_assistance",
            "Teams want to talk to a person before or after buying",
            "interview",
        ),
        ("teams", "personal_assistance", "Teams buy more when a person helps them", "experiment"),
        (
            "teams",
            "self_service",
            "Teams are happy to buy and get help without talking to anyone",
            "survey",
        ),
        (
            "teams",
            "self_service",
            "Teams can complete a purchase with our self-service tools alone",
            "mvp",
        ),
    ]
    assert plan_for_segment(segment, catalog)[0].signal == EXPECTATION_SIGNAL


def test_validated_segment_only_tests_its_relationships(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segment = make_segment(name="Clubs", validated=True, relationships=["communities"])
    plan = plan_for_segment(segment, catalog)
    assert [(a.type_id, a.statement) for a in plan] == [
        ("communities", "Clubs want to swap experience with other customers"),
        ("communities", "Clubs will take part in a community we host"),
    ]
    assert plan[0].signal == "Interviewees already meet or post in groups about this topic"


def test_channels_and_unknown_archetypes_add_nothing(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    channel_only = make_segment(validated=True, relationships=["website"])
    assert plan_for_segment(channel_only, catalog) == []
    unknown = make_segment(archetype="martians", validated=False, relationships=[])
    assert plan_for_segment(unknown, catalog) == []


def test_plan_keeps_segment_order(catalog: Catalog, make_segment: SegmentFactory) -> None:
    segments = [
        make_segment(id="b", name="B", validated=False, relationships=[]),
        make_segment(id="a", name="A", validated=True, relationships=["co_creation"]),
    ]
    plan = plan_tests(segments, catalog)
    assert [(a.segment_id, a.type_id, a.method) for a in plan] == [
        ("b", None, "interview"),
        ("a", "co_creation", "experiment"),
        ("a", "co_creation", "experiment"),
    ]


def test_an_assumption_as_a_dict() -> None:
    assumption = TestableAssumption("teams", None, "Teams expect it", "interview", "They say so")
    assert assumption.to_dict() == {
        "segment_id": "teams",
        "type_id": None,
        "statement": "Teams expect it",
        "method": "interview",
        "signal": "They say so",
    }


def test_a_segment_named_inside_a_sentence_reads_in_sentence_case(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segment = make_segment(
        id="small",
        name="Small businesses",
        validated=True,
        relationships=["automated_services", "co_creation"],
    )
    statements = [a.statement for a in plan_for_segment(segment, catalog)]
    # the template "Automated suggestions lead {segment} to buy more" and its like
    assert "Automated suggestions lead small businesses to buy more" in statements
    assert "Contributions from small businesses influence what others buy" in statements
    # at the start of a sentence the name stays as the learner wrote it
    assert "Small businesses accept being served by software for routine needs" in statements
    assert not [s for s in statements if "lead Small" in s or "from Small" in s]
