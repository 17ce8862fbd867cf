"""A what-if draft: the learner's numbers copied aside, changed freely, kept only on request.

The what-if view's sliders change the draft, never the saved answers. The
learner can go "Back to my numbers" (:meth:`ScenarioDraft.reset`), "Keep
these numbers" (:meth:`ScenarioDraft.keep`), save the draft as a named
scenario (:meth:`ScenarioDraft.save_as`) or open a saved one
(:meth:`ScenarioDraft.open`). Pure Python: the view only connects controls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bmc_course.formats.submission import RelationshipShare, SegmentChoice
from bmc_course.logic.checks import Finding, check_segments
from bmc_course.logic.economics import BusinessEconomics, business_economics
from bmc_course.state.course_state import Change, CourseState, StateError, plain_error

# What a scenario may change: the numbers of the business, not its segments or names.
SCENARIO_FIELDS = (
    "customers",
    "revenue_per_customer",
    "gross_margin",
    "customer_years",
    "acquisition_cost",
)


class ScenarioDraft:
    """The segments as the learner is trying them, beside (not in) their saved answers."""

    def __init__(self, state: CourseState) -> None:
        self.state = state
        self.name: str | None = None  # the saved scenario it came from, if any
        self._edited = False  # changed by the learner since it was copied or opened
        self._segments: list[SegmentChoice] = []
        self._listeners: list[Callable[[], None]] = []
        self._version = 0
        self._findings: tuple[int, list[Finding]] | None = None
        self.reset()

    # -- reading ----------------------------------------------------------------------

    @property
    def segments(self) -> list[SegmentChoice]:
        """The draft's segments (the object itself: read, do not change)."""
        return self._segments

    def segment(self, segment_id: str) -> SegmentChoice:
        """One segment of the draft (``StateError`` if there is none with that id)."""
        for segment in self._segments:
            if segment.id == segment_id:
                return segment
        raise StateError(f"no segment {segment_id!r} in this scenario")

    @property
    def changed(self) -> bool:
        """Whether the draft differs from the learner's saved numbers."""
        return [s.model_dump() for s in self._segments] != [
            s.model_dump() for s in self.state.segments
        ]

    def economics(self) -> BusinessEconomics:
        """The economic model on the draft."""
        return business_economics(self._segments, self.state.catalog)

    def findings(self) -> list[Finding]:
        """The checks on the draft (computed once per change of the draft)."""
        if self._findings is None or self._findings[0] != self._version:
            self._findings = (self._version, check_segments(self._segments, self.state.catalog))
        return list(self._findings[1])

    # -- changing the draft --------------------------------------------------------------

    def observe(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after every change of the draft."""
        self._listeners.append(listener)

    def unobserve(self, listener: Callable[[], None]) -> None:
        """Stop calling ``listener``."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self) -> None:
        self._version += 1
        for listener in list(self._listeners):
            listener()

    def set_figure(self, segment_id: str, field: str, value: Any) -> None:
        """Change one number of a segment in the draft (see :data:`SCENARIO_FIELDS`)."""
        if field not in SCENARIO_FIELDS:
            raise StateError(f"a scenario cannot change {field!r}")
        segment = self.segment(segment_id)
        if getattr(segment, field) == value:
            return
        try:
            setattr(segment, field, value)
        except ValueError as error:
            raise StateError(plain_error(error)) from None
        self._edited = True
        self._notify()

    def set_share(self, segment_id: str, type_id: str, share: float) -> None:
        """Change the share of one type in a segment's mix, in the draft only."""
        segment = self.segment(segment_id)
        if type_id not in segment.type_ids:
            raise StateError(f"{type_id!r} is not in this segment's mix")
        if not 0 < share <= 1:
            raise StateError(f"share: expected more than 0 and at most 1, found {share}")
        if segment.share_of(type_id) == share:
            return
        segment.relationships = [
            RelationshipShare(type=r.type, share=share) if r.type == type_id else r
            for r in segment.relationships
        ]
        self._edited = True
        self._notify()

    def reset(self) -> None:
        """Back to my numbers: the draft becomes a copy of the saved answers again."""
        self._segments = [s.model_copy(deep=True) for s in self.state.segments]
        self.name = None
        self._edited = False
        self._notify()

    def open(self, name: str) -> None:
        """Load a saved scenario into the draft."""
        scenario = next((s for s in self.state.scenarios if s.name == name), None)
        if scenario is None:
            raise StateError(f"no scenario named {name!r}")
        self._segments = scenario.segments
        self.name = name
        self._edited = False
        self._notify()

    # -- leaving the draft ----------------------------------------------------------------

    def keep(self) -> None:
        """Keep these numbers: the draft becomes the learner's answers."""
        self.state.keep_scenario(self._segments)
        self._edited = False
        self._notify()

    def save_as(self, name: str) -> None:
        """Save the draft as a named scenario (the answers stay as they are)."""
        self.state.save_scenario(name, self._segments)
        self.name = name.strip()
        self._notify()

    def follow(self, change: Change) -> bool:
        """The saved answers changed (another view, another notebook): an untouched draft
        of the learner's own numbers follows them; an edited or named one stays as it is.

        Returns whether the draft followed (its listeners have then been told).
        """
        if change.kind != "scenarios" and self.name is None and not self._edited:
            self.reset()
            return True
        return False
