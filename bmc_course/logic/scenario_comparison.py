"""Scenarios side by side: the learner's numbers and each named what-if, segment by segment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bmc_course.logic.checks import CheckedSegment, check_segments
from bmc_course.logic.economics import business_economics
from bmc_course.model.catalog import Catalog

MY_NUMBERS = "My numbers"


@dataclass(frozen=True)
class ScenarioRow:
    """One segment in one scenario: what it costs, what it leaves, what the checks say."""

    scenario: str
    segment_id: str
    segment_name: str
    cost_per_customer: float
    cost_share_of_gross_profit: float | None  # None: paid for by another segment
    lifetime_value: float
    acquisition_cost: float | None
    problems: int
    warnings: int

    @property
    def lifetime_value_multiple(self) -> float | None:
        """Lifetime value as a multiple of the acquisition cost (None without one)."""
        if not self.acquisition_cost:
            return None
        return self.lifetime_value / self.acquisition_cost


def compare_scenarios(
    scenarios: Sequence[tuple[str, Sequence[CheckedSegment]]], catalog: Catalog
) -> list[ScenarioRow]:
    """A row per segment per scenario, in the order given (the learner's numbers first)."""
    rows = []
    for name, segments in scenarios:
        economics = business_economics(segments, catalog)
        findings = check_segments(segments, catalog)
        for segment in segments:
            seg = economics.segment(segment.id)
            own = [f for f in findings if f.segment_id == segment.id]
            rows.append(
                ScenarioRow(
                    scenario=name,
                    segment_id=segment.id,
                    segment_name=segment.name,
                    cost_per_customer=seg.cost_per_customer,
                    cost_share_of_gross_profit=seg.cost_share_of_gross_profit,
                    lifetime_value=seg.lifetime_value,
                    acquisition_cost=segment.acquisition_cost,
                    problems=sum(f.severity == "problem" for f in own),
                    warnings=sum(f.severity == "warning" for f in own),
                )
            )
    return rows
