"""Turn each relationship choice into testable assumptions ("test and iterate").

Pure logic: every chosen type's assumption templates (from content) are filled
in with the segment, and every segment not yet validated gets an assumption
about what it expects, to be checked in interviews before anything is built.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from bmc_course.logic.checks import CheckedSegment, chosen_types
from bmc_course.logic.wording import in_sentence
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import TestMethod


@dataclass(frozen=True)
class TestableAssumption:
    """A statement to test, how to test it, and what result would settle it."""

    __test__ = False  # not a pytest test class, despite the name

    segment_id: str
    type_id: str | None
    statement: str
    method: TestMethod
    signal: str

    def to_dict(self) -> dict[str, str | None]:
        """The assumption as a plain dict (as ``bmc-course review --json`` writes it)."""
        return asdict(self)


def _filled(template: str, segment_name: str) -> str:
    """The template with the segment named: as written at the start, in sentence case inside.

    ``Automated suggestions lead {segment} to buy more`` reads "lead small
    businesses", not "lead Small businesses".
    """
    if template.startswith("{segment}"):
        return template.replace("{segment}", segment_name)
    return template.replace("{segment}", in_sentence(segment_name))


def plan_for_segment(segment: CheckedSegment, catalog: Catalog) -> list[TestableAssumption]:
    """The assumptions behind one segment's relationship choices."""
    plan = []
    archetype = catalog.archetypes.get(segment.archetype)
    if not segment.validated and archetype is not None:
        plan.append(
            TestableAssumption(
                segment.id,
                None,
                f"{segment.name} expect this kind of relationship: {archetype.expects}",
                "interview",
                "Most interviewees describe, unprompted, the kind of contact you planned.",
            )
        )
    for relationship in chosen_types(segment, catalog):
        for test in relationship.tests:
            plan.append(
                TestableAssumption(
                    segment.id,
                    relationship.id,
                    _filled(test.assumption, segment.name),
                    test.method,
                    test.signal,
                )
            )
    return plan


def plan_tests(segments: Iterable[CheckedSegment], catalog: Catalog) -> list[TestableAssumption]:
    """The assumptions behind every segment's relationship choices, in segment order."""
    return [a for segment in segments for a in plan_for_segment(segment, catalog)]
