"""How a segment's mix is planned to change over its market's life: launch, growth, maturity.

The learner ticks, per stage, the relationship types they plan to use; this
module says what changes from one stage to the next and which lifecycle goals
(acquire, retain, boost sales) each stage's types work on. Pure data in, plain
sentences out.
"""

from __future__ import annotations

from dataclasses import dataclass

from bmc_course.formats.submission import STAGE_IDS, SegmentChoice
from bmc_course.model.catalog import Catalog

STAGE_NAMES = {"launch": "Launch", "growth": "Growth", "mature": "Mature market"}
STAGE_QUESTIONS = {
    "launch": "Few customers, all of them new: how do you win the first ones and learn from them?",
    "growth": "Customers arrive faster than people can serve them: what scales, what stays personal?",
    "mature": "Almost everyone who wants it has it; new customers come from rivals: "
    "how do you keep yours and sell them more?",
}


@dataclass(frozen=True)
class StagePlan:
    """One stage of the plan: its types (names), the goals they serve, and the change from before."""

    stage: str
    name: str
    types: tuple[str, ...]
    goals: tuple[str, ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]

    @property
    def change_line(self) -> str:
        """``adds communities; drops personal assistance`` (or that nothing changes)."""
        parts = []
        if self.added:
            parts.append("adds " + _joined(self.added))
        if self.dropped:
            parts.append("drops " + _joined(self.dropped))
        return "; ".join(parts) or "no change"


def stage_plans(segment: SegmentChoice, catalog: Catalog) -> list[StagePlan]:
    """The stages the learner planned, in market order, each compared with the one before.

    The first planned stage is compared with the segment's current mix.
    """
    names = {type_id: rtype.name for type_id, rtype in catalog.types.items()}
    previous = [t for t in segment.type_ids if t in names]
    plans = []
    for stage in STAGE_IDS:
        if stage not in segment.stages:
            continue
        chosen = [t for t in segment.stages[stage] if t in names]
        goals = {m for t in chosen for m in catalog.types[t].motivations}
        plans.append(
            StagePlan(
                stage=stage,
                name=STAGE_NAMES[stage],
                types=tuple(names[t] for t in chosen),
                goals=tuple(catalog.motivations[m].name for m in catalog.motivations if m in goals),
                added=tuple(names[t] for t in chosen if t not in previous),
                dropped=tuple(names[t] for t in previous if t not in chosen),
            )
        )
        previous = chosen
    return plans


def _joined(names: tuple[str, ...]) -> str:
    lowered = [name[0].lower() + name[1:] for name in names]
    return lowered[0] if len(lowered) == 1 else ", ".join(lowered[:-1]) + " and " + lowered[-1]
