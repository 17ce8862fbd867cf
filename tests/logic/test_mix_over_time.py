"""The mix over the market's life: stages in order, each compared with the one before."""

from __future__ import annotations

from bmc_course.formats.submission import RelationshipShare, SegmentChoice
from bmc_course.logic.mix_over_time import STAGE_NAMES, stage_plans
from bmc_course.model.catalog import Catalog


def _subscribers(**stages: list[str]) -> SegmentChoice:
    return SegmentChoice(
        id="subscribers",
        name="Subscribers",
        archetype="mass_market",
        revenue_per_customer=150,
        customers=100_000,
        relationships=[RelationshipShare(type="automated_services", share=1.0)],
        stages=stages,
    )


def test_each_stage_says_what_it_adds_and_drops(catalog: Catalog) -> None:
    # the mobile operators of the sources: people in shops to sign subscribers up at first,
    # then automation as numbers grow, then a community and self-service to keep them
    segment = _subscribers(
        mature=["self_service", "communities", "automated_services"],
        launch=["personal_assistance", "automated_services"],
    )
    launch, mature = stage_plans(segment, catalog)
    assert (launch.name, mature.name) == ("Launch", "Mature market")  # market order
    assert launch.types == ("Personal assistance", "Automated services")
    assert launch.change_line == "adds personal assistance"  # against today's mix
    assert mature.change_line == ("adds self-service and communities; drops personal assistance")
    assert "Customer retention" in mature.goals


def test_no_plan_no_stages_and_an_unchanged_stage_says_so(catalog: Catalog) -> None:
    assert stage_plans(_subscribers(), catalog) == []
    (growth,) = stage_plans(_subscribers(growth=["automated_services"]), catalog)
    assert growth.change_line == "no change"
    assert set(STAGE_NAMES) == {"launch", "growth", "mature"}
