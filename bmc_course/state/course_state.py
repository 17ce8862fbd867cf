"""The learner's course state: one plain object that widgets read, write and listen to.

No business rule lives in a widget: every change goes through a method here,
which validates it, updates the underlying :class:`Submission` and notifies
listeners (the progress store saves; views redraw). Pure Python: no Jupyter
imports.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from bmc_course.formats.limits import MAX_FINDING_ANSWERS, MAX_SCENARIOS, MAX_SEGMENTS
from bmc_course.formats.submission import (
    RelationshipShare,
    Scenario,
    SegmentChoice,
    Submission,
    catalog_issues,
    quiz_score,
)
from bmc_course.logic.checks import Finding, check_segments
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import MOTIVATION_IDS, STAGE_IDS, Stage
from bmc_course.model.input_errors import InputIssue, SubmissionError


class StateError(ValueError):
    """A change the learner asked for cannot be made (the message says why, in one line)."""


@dataclass(frozen=True)
class Change:
    """What changed: ``kind`` (e.g. ``"segment"``), and the segment id when there is one."""

    kind: str
    segment_id: str | None = None


Listener = Callable[[Change], None]
SAVE_PROBLEM = "save_problem"  # the kind of change that reports a failed (or fixed) save


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:40] or "segment"


class CourseState:
    """The learner's business, segments, relationship choices, quiz answers and progress."""

    def __init__(self, catalog: Catalog, submission: Submission | None = None) -> None:
        self.catalog = catalog
        self._submission = submission.model_copy(deep=True) if submission else Submission()
        self._listeners: list[Listener] = []
        self._last_listeners: list[Listener] = []
        self._before: list[Callable[[], object]] = []
        self._syncing = False
        self._batch_depth = 0
        self._pending: list[Change] = []
        # Every view asks for the findings after a change; they are computed once per change.
        self._version = 0
        self._findings: tuple[int, list[Finding]] | None = None
        self.save_problem: str | None = None  # the last save's failure, one line; None when saved

    # -- listening -----------------------------------------------------------------

    def observe(self, listener: Listener, *, last: bool = False, first: bool = False) -> None:
        """Call ``listener(change)`` after every change; ``last`` ones after all the others,
        ``first`` ones before them (what the learner watches after a click: its update
        leaves the kernel first)."""
        if first:
            self._listeners.insert(0, listener)
        else:
            (self._last_listeners if last else self._listeners).append(listener)

    def unobserve(self, listener: Listener) -> None:
        """Stop calling ``listener``."""
        for listeners in (self._listeners, self._last_listeners):
            if listener in listeners:
                listeners.remove(listener)

    def before_change(self, hook: Callable[[], object]) -> None:
        """Call ``hook()`` before every change (the progress store reloads a file changed elsewhere)."""
        self._before.append(hook)

    def _begin(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            for hook in self._before:
                hook()
        finally:
            self._syncing = False

    def _changed(self, change: Change) -> None:
        self._version += 1
        if self._batch_depth:
            self._pending.append(change)
            return
        for listener in [*self._listeners, *self._last_listeners]:
            listener(change)

    def report_save_problem(self, problem: str | None) -> None:
        """Tell every view that saving failed (one line), or that it works again (``None``)."""
        if problem == self.save_problem:
            return
        self.save_problem = problem
        for listener in [*self._listeners, *self._last_listeners]:
            listener(Change(SAVE_PROBLEM))

    def batch(self) -> _Batch:
        """``with state.batch():`` — several changes, one notification at the end."""
        return _Batch(self)

    # -- reading -----------------------------------------------------------------------

    @property
    def submission(self) -> Submission:
        """A copy of the current data in the submission format."""
        return self._submission.model_copy(deep=True)

    @property
    def learner(self) -> str:
        """The learner's name as they typed it (may be empty)."""
        return self._submission.learner

    @property
    def business(self) -> str:
        """The learner's description of their business (may be empty)."""
        return self._submission.business

    @property
    def segments(self) -> list[SegmentChoice]:
        """The segments (read-only copies; change them through the methods)."""
        return [s.model_copy(deep=True) for s in self._submission.segments]

    def segment(self, segment_id: str) -> SegmentChoice:
        """One segment by id (a copy)."""
        return self._find(segment_id).model_copy(deep=True)

    def _find(self, segment_id: str) -> SegmentChoice:
        for segment in self._submission.segments:
            if segment.id == segment_id:
                return segment
        raise StateError(f"there is no segment with id {segment_id!r}")

    @property
    def quiz(self) -> dict[str, str]:
        """The quiz answers: question id → chosen option id (a copy)."""
        return dict(self._submission.quiz)

    @property
    def completed_steps(self) -> list[str]:
        """Lesson ids the learner has finished, in course order."""
        done = set(_string_list(getattr(self._submission, "completed_steps", [])))
        return [lesson_id for lesson_id in self.catalog.lessons if lesson_id in done]

    def findings(self) -> list[Finding]:
        """The checks run on the current choices, most severe first (computed once per change)."""
        if self._findings is None or self._findings[0] != self._version:
            self._findings = (
                self._version,
                check_segments(self._submission.segments, self.catalog),
            )
        return list(self._findings[1])

    def quiz_score(self) -> tuple[int, int]:
        """(correct, answered)."""
        return quiz_score(self._submission, self.catalog)

    # -- changing ------------------------------------------------------------------------

    def set_learner(self, name: str) -> None:
        """Set the learner's name; listeners hear of it only when it changes."""
        self._set_top("learner", name)

    def set_business(self, text: str) -> None:
        """Set the business description; listeners hear of it only when it changes."""
        self._set_top("business", text)

    def _set_top(self, field: str, value: str) -> None:
        self._begin()
        if getattr(self._submission, field) == value:
            return
        self._assign(self._submission, field, value)
        self._changed(Change(field))

    def add_segment(
        self,
        name: str,
        archetype: str,
        *,
        revenue_per_customer: float | None = None,
        customers: int = 1000,
        validated: bool = False,
    ) -> str:
        """Add a segment (an archetype's typical revenue unless given); return its new id."""
        self._begin()
        if archetype not in self.catalog.archetypes:
            raise StateError(
                f"unknown archetype {archetype!r}; expected one of {', '.join(self.catalog.archetypes)}"
            )
        name = name.strip()
        if not name:
            raise StateError("give the segment a name")
        if len(self._submission.segments) >= MAX_SEGMENTS:
            raise StateError(f"at most {MAX_SEGMENTS} segments; remove one first")
        if revenue_per_customer is None:
            revenue_per_customer = self.catalog.archetypes[archetype].revenue_band.typical
        taken = {s.id for s in self._submission.segments}
        base = _slug(name)
        segment_id, n = base, 2
        while segment_id in taken:
            segment_id, n = f"{base}-{n}", n + 1
        try:
            segment = SegmentChoice(
                id=segment_id,
                name=name,
                archetype=archetype,
                revenue_per_customer=revenue_per_customer,
                customers=customers,
                validated=validated,
            )
        except ValueError as error:
            raise StateError(plain_error(error)) from None
        self._submission.segments.append(segment)
        self._changed(Change("segments", segment_id))
        return segment_id

    def remove_segment(self, segment_id: str) -> None:
        """Remove a segment; the free segments it funded go back to paying for themselves."""
        self._begin()
        segment = self._find(segment_id)
        self._submission.segments.remove(segment)
        for other in self._submission.segments:
            if other.funded_by == segment_id:  # its funder is gone: it is judged on its own again
                self._assign(other, "funded_by", None)
        self._changed(Change("segments", segment_id))

    def update_segment(self, segment_id: str, **fields: Any) -> None:
        """Change fields of a segment: name, archetype, revenue_per_customer, customers,
        validated, gross_margin, customer_years, acquisition_cost, funded_by, notes,
        value_proposition (``None`` for the last five means "use the archetype's default" / "not given")."""
        unknown = set(fields) - _SEGMENT_FIELDS
        if unknown:
            raise StateError(f"cannot change {', '.join(sorted(unknown))} of a segment this way")
        if "archetype" in fields and fields["archetype"] not in self.catalog.archetypes:
            raise StateError(f"unknown archetype {fields['archetype']!r}")
        if fields.get("funded_by") is not None:
            self._check_funder(segment_id, fields["funded_by"])
        self._begin()
        segment = self._find(segment_id)
        changed = False
        for field, value in fields.items():
            if getattr(segment, field) != value:
                self._assign(segment, field, value)
                changed = True
        if changed:
            self._changed(Change("segment", segment_id))

    def _check_funder(self, segment_id: str, funder_id: str) -> None:
        funder = next((s for s in self._submission.segments if s.id == funder_id), None)
        if funder is None or funder_id == segment_id:
            raise StateError("a segment can only be funded by another segment of this business")
        if funder.funded_by is not None:
            raise StateError(
                f"{funder.name} is itself funded by another segment; pick one that pays"
            )
        if any(s.funded_by == segment_id for s in self._submission.segments):
            raise StateError("this segment funds another one, so it cannot be free itself")

    def set_relationships(self, segment_id: str, relationships: Iterable[str]) -> None:
        """Choose the relationship types (ids, in order) for a segment.

        Types already in the mix keep their share; new ones serve all customers
        (share 1) until the learner says otherwise. Channel words a loaded file
        holds may stay (the channel check explains them); new ones are refused.
        """
        segment = self._find(segment_id)
        chosen = list(dict.fromkeys(relationships))
        present = set(segment.type_ids)
        unknown = [r for r in chosen if r not in self.catalog.types and r not in present]
        if unknown:
            raise StateError(f"unknown relationship type {unknown[0]!r}")
        shares = {r.type: r for r in segment.relationships}
        mix = [shares.get(r) or RelationshipShare(type=r, share=1.0) for r in chosen]
        self._set_mix(segment_id, mix)

    def set_share(self, segment_id: str, type_id: str, share: float) -> None:
        """The share of the segment's customers served by ``type_id`` (0 < share <= 1)."""
        segment = self._find(segment_id)
        if type_id not in segment.type_ids:
            raise StateError(f"{type_id!r} is not in this segment's mix; choose it first")
        if not 0 < share <= 1:
            raise StateError(f"share: expected more than 0 and at most 1, found {share}")
        mix = [
            r.model_copy(update={"share": share}) if r.type == type_id else r
            for r in segment.relationships
        ]
        self._set_mix(segment_id, mix)

    def set_type_notes(self, segment_id: str, type_id: str, text: str) -> None:
        """The learner's reason for using ``type_id`` with this segment (one line)."""
        segment = self._find(segment_id)
        if type_id not in segment.type_ids:
            raise StateError(f"{type_id!r} is not in this segment's mix; choose it first")
        try:
            mix = [
                RelationshipShare(type=r.type, share=r.share, notes=text.strip())
                if r.type == type_id
                else r
                for r in segment.relationships
            ]
        except ValueError as error:
            raise StateError(plain_error(error)) from None
        self._set_mix(segment_id, mix)

    def _set_mix(self, segment_id: str, mix: list[RelationshipShare]) -> None:
        self._begin()
        segment = self._find(segment_id)
        if [(r.type, r.share, r.notes) for r in segment.relationships] == [
            (r.type, r.share, r.notes) for r in mix
        ]:
            return
        self._assign(segment, "relationships", mix)
        self._changed(Change("segment", segment_id))

    def toggle_relationship(self, segment_id: str, type_id: str, on: bool) -> None:
        """Add or remove one relationship type for a segment."""
        self._begin()
        current = self._find(segment_id).type_ids
        wanted = [*current, type_id] if on and type_id not in current else current
        if not on:
            wanted = [r for r in current if r != type_id]
        self.set_relationships(segment_id, wanted)

    def set_motivations(self, segment_id: str, motivations: Iterable[str]) -> None:
        """The lifecycle goals (acquisition / retention / boosting sales) for a segment."""
        chosen = [m for m in MOTIVATION_IDS if m in set(motivations)]
        unknown = set(motivations) - set(MOTIVATION_IDS)
        if unknown:
            raise StateError(f"unknown motivation {sorted(unknown)[0]!r}")
        self._set_segment_list(segment_id, "motivations", chosen)

    def _set_segment_list(self, segment_id: str, field: str, values: list[str]) -> None:
        self._begin()
        segment = self._find(segment_id)
        if getattr(segment, field) == values:
            return
        self._assign(segment, field, values)
        self._changed(Change("segment", segment_id))

    def answer_finding(self, segment_id: str, key: str, text: str) -> None:
        """The learner's answer to a finding ("I accept this because …"); empty text removes it.

        ``key`` is the finding's :attr:`~bmc_course.logic.checks.Finding.key`.
        """
        self._begin()
        segment = self._find(segment_id)
        answers = dict(segment.answers)
        text = text.strip()
        if answers.get(key, "") == text:
            return
        if text:
            if key not in answers and len(answers) >= MAX_FINDING_ANSWERS:
                raise StateError(f"at most {MAX_FINDING_ANSWERS} answers for one segment")
            answers[key] = text
        else:
            answers.pop(key, None)
        self._assign(segment, "answers", answers)
        self._changed(Change("segment", segment_id))

    def set_stage(self, segment_id: str, stage: str, type_ids: Iterable[str]) -> None:
        """The relationship types planned for this segment at one stage of its market."""
        if stage not in STAGE_IDS:
            raise StateError(f"unknown stage {stage!r}; expected one of {', '.join(STAGE_IDS)}")
        wanted = set(type_ids)
        unknown = wanted - set(self.catalog.types)
        if unknown:
            raise StateError(f"unknown relationship type {sorted(unknown)[0]!r}")
        chosen = [t for t in self.catalog.types if t in wanted]  # catalog order
        key = cast(Stage, stage)
        self._begin()
        segment = self._find(segment_id)
        if segment.stages.get(key) == chosen:
            return
        stages = dict(segment.stages)
        stages[key] = chosen
        self._assign(segment, "stages", stages)
        self._changed(Change("segment", segment_id))

    def answer(self, question_id: str, option_id: str) -> bool:
        """Record a knowledge-check answer; return whether it is correct."""
        question = self.catalog.questions.get(question_id)
        if question is None:
            raise StateError(f"unknown question {question_id!r}")
        if option_id not in {o.id for o in question.options}:
            raise StateError(f"question {question_id!r} has no option {option_id!r}")
        self._begin()
        if self._submission.quiz.get(question_id) != option_id:
            self._submission.quiz[question_id] = option_id
            self._changed(Change("quiz"))
        return question.correct_option.id == option_id

    def mark_step_done(self, lesson_id: str, done: bool = True) -> None:
        """Record that the learner finished (or reopened) a course step."""
        if lesson_id not in self.catalog.lessons:
            raise StateError(f"unknown course step {lesson_id!r}")
        self._begin()
        steps = set(self.completed_steps)
        new = steps | {lesson_id} if done else steps - {lesson_id}
        if new == steps:
            return
        ordered = [lesson for lesson in self.catalog.lessons if lesson in new]
        self._submission.__pydantic_extra__ = dict(self._submission.__pydantic_extra__ or {})
        self._submission.__pydantic_extra__["completed_steps"] = ordered
        self._changed(Change("steps"))

    # -- what-if scenarios -----------------------------------------------------------------

    @property
    def scenarios(self) -> list[Scenario]:
        """The learner's named what-if scenarios (copies), in the order they were saved."""
        return [scenario.model_copy(deep=True) for scenario in self._submission.scenarios]

    def save_scenario(self, name: str, segments: Iterable[SegmentChoice]) -> None:
        """Keep ``segments`` as a named scenario beside the learner's own answers.

        A scenario with the same name is replaced; the answers themselves are
        never touched (see :meth:`keep_scenario`).
        """
        name = name.strip()
        if not name:
            raise StateError("give the scenario a name")
        existing = [s for s in self._submission.scenarios if s.name != name]
        if len(existing) >= MAX_SCENARIOS:
            raise StateError(f"at most {MAX_SCENARIOS} scenarios; delete one first")
        self._begin()
        try:
            scenario = Scenario(
                name=name,
                segments=[s.model_copy(deep=True) for s in segments],
                saved_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
        except ValueError as error:
            raise StateError(plain_error(error)) from None
        position = next(
            (i for i, s in enumerate(self._submission.scenarios) if s.name == name), len(existing)
        )
        existing.insert(position, scenario)
        self._submission.scenarios = existing
        self._changed(Change("scenarios"))

    def delete_scenario(self, name: str) -> None:
        """Forget a named scenario (``StateError`` if there is none by that name)."""
        if all(s.name != name for s in self._submission.scenarios):
            raise StateError(f"no scenario named {name!r}")
        self._begin()
        self._submission.scenarios = [s for s in self._submission.scenarios if s.name != name]
        self._changed(Change("scenarios"))

    def keep_scenario(self, segments: Iterable[SegmentChoice]) -> None:
        """Make a scenario's numbers the learner's own answers ("Keep these numbers")."""
        chosen = [s.model_copy(deep=True) for s in segments]
        probe = self._submission.model_copy(update={"segments": chosen})
        issues = catalog_issues(probe, self.catalog, file="scenario")
        if issues:
            raise StateError(str(issues[0]))
        self._begin()
        self._submission.segments = chosen
        self._changed(Change("all"))

    def replace(self, submission: Submission) -> None:
        """Load a whole submission (e.g. resuming from an exported file), checked against the catalog."""
        issues = catalog_issues(submission, self.catalog, file="submission")
        if issues:
            raise SubmissionError(issues)
        self._submission = submission.model_copy(deep=True)
        self._changed(Change("all"))

    def stamped_submission(self) -> Submission:
        """A copy with ``saved_at`` set to now (what gets written to disk)."""
        submission = self.submission
        submission.saved_at = datetime.now(UTC).isoformat(timespec="seconds")
        return submission

    @staticmethod
    def _assign(target: Any, field: str, value: Any) -> None:
        try:
            setattr(target, field, value)
        except ValueError as error:
            raise StateError(plain_error(error)) from None


class _Batch:
    def __init__(self, state: CourseState) -> None:
        self.state = state

    def __enter__(self) -> CourseState:
        self.state._batch_depth += 1
        return self.state

    def __exit__(self, *exc: object) -> None:
        state = self.state
        state._batch_depth -= 1
        if state._batch_depth == 0 and state._pending:
            kinds = {c.kind for c in state._pending}
            segment_ids = {c.segment_id for c in state._pending}
            state._pending.clear()
            single = segment_ids.pop() if len(segment_ids) == 1 else None
            state._changed(Change(kinds.pop() if len(kinds) == 1 else "all", single))


_SEGMENT_FIELDS = {
    "name",
    "archetype",
    "revenue_per_customer",
    "customers",
    "validated",
    "gross_margin",
    "customer_years",
    "acquisition_cost",
    "funded_by",
    "notes",
    "value_proposition",
}


def _string_list(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


# How a refused value's field is named to the learner (the form's own words).
FIELD_WORDS = {
    "revenue_per_customer": "revenue per customer",
    "gross_margin": "gross margin",
    "customer_years": "years a customer stays",
    "acquisition_cost": "cost to win one customer",
    "funded_by": "funded by",
    "value_proposition": "what you offer them",
    "notes": "notes",
}


def plain_error(error: ValueError) -> str:
    """The first problem of a refused value, in the form's words: ``gross margin: at most 1``."""
    errors = getattr(error, "errors", None)
    if not callable(errors):
        return str(error)
    detail = errors(include_url=False)[0]
    names = [str(p) for p in detail["loc"] if not isinstance(p, int)]
    field = FIELD_WORDS.get(names[-1], names[-1].replace("_", " ")) if names else "value"
    return f"{field}: {_plain(detail)}"


def _plain(detail: Any) -> str:
    """A validation message as people say it (``at most 300 characters``, ``at least 0``)."""
    limits = detail.get("ctx") or {}
    kind = detail.get("type", "")
    plain = {
        "string_too_long": f"at most {limits.get('max_length')} characters",
        "string_too_short": "cannot be empty",
        "greater_than_equal": f"at least {_number(limits.get('ge'))}",
        "less_than_equal": f"at most {_number(limits.get('le'))}",
        "greater_than": f"more than {_number(limits.get('gt'))}",
        "less_than": f"less than {_number(limits.get('lt'))}",
    }.get(kind)
    if plain is not None:
        return plain
    message = str(detail.get("msg", "not a valid value"))
    return message[:1].lower() + message[1:]


def _number(value: Any) -> str:
    """A limit as people write it: ``1`` not ``1.0``, ``1,000,000,000`` not ``1e9``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def issue_lines(issues: Iterable[InputIssue]) -> list[str]:
    """Issues as one-line strings (for showing in a notebook)."""
    return [str(issue) for issue in issues]
