"""The checks' findings, re-run on every change to the segments and shown as cards.

Each finding shows its severity (badge with a shape and a word), the one-line
message, what to try, and the teaching assumption the check relied on. Below
the cards the learner can answer a finding ("I accept this because …"): the
answer is saved with the segment and the card shows it as answered.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from bmc_course.logic.checks import Finding
from bmc_course.logic.wording import finding_title
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.html_fragments import esc, heading, message_box, severity_badge
from bmc_course.widgets.state_view import StateView, StatusLine


def summary_line(findings: Sequence[Finding], answered: int = 0) -> str:
    """``2 problems · 1 warning · 3 notes · 1 answered`` (or that there are none)."""
    if not findings:
        return "No findings: your choices fit the course's teaching assumptions."
    parts = []
    for severity, word in (("problem", "problem"), ("warning", "warning"), ("info", "note")):
        n = sum(f.severity == severity for f in findings)
        if n:
            parts.append(f"{n} {word}{'s' if n != 1 else ''}")
    if answered:
        parts.append(f"{answered} answered")
    return " · ".join(parts)


def finding_html(finding: Finding, segment_name: str, answer: str = "") -> str:
    """One finding as a card; every text is escaped (messages contain learner text)."""
    topic = finding_title(finding.code)
    answered = (
        f'<p class="bmc-finding-answer"><strong>Answered:</strong> {esc(answer)}</p>'
        if answer
        else ""
    )
    badge = '<span class="bmc-answered-badge">✓ answered</span>' if answer else ""
    return (
        f'<div class="bmc-card bmc-finding bmc-finding-{esc(finding.severity)}'
        f'{" bmc-finding-answered" if answer else ""}" '
        f'data-code="{esc(finding.code)}" data-segment="{esc(finding.segment_id)}">'
        f'<div class="bmc-finding-head">{severity_badge(finding.severity)}'
        f"<strong>{esc(topic)}</strong>"
        f'<span class="bmc-muted">{esc(segment_name)}</span>'
        f"{badge}</div>"
        f'<p class="bmc-finding-message">{esc(finding.message)}</p>'
        f'<p class="bmc-suggestion"><strong>Try:</strong> {esc(finding.suggestion)}</p>'
        f'<p class="bmc-assumption"><strong>Teaching assumption:</strong> '
        f"{esc(finding.assumption)}</p>{answered}</div>"
    )


def answer_of(finding: Finding, answers: Mapping[str, Mapping[str, str]]) -> str:
    """The learner's answer to ``finding`` (segment id → finding key → text), or ``""``."""
    return answers.get(finding.segment_id, {}).get(finding.key, "")


def finding_choice_label(finding: Finding, segment_name: str, answer: str) -> str:
    """How a finding is named in the "answer a finding" list."""
    topic = finding_title(finding.code)
    return f"{'✓ ' if answer else ''}{segment_name} — {topic} ({finding.severity})"


class FindingsPanel(StateView):
    """Live findings for all segments, or one segment, or only some finding codes."""

    REDRAW_FIRST = True

    def __init__(
        self,
        course_state: CourseState,
        *,
        segment_id: str | None = None,
        codes: Collection[str] | None = None,
        title: str = "What the checks say",
        explanation: str = "Re-checked every time you change a segment or a relationship.",
        with_style: bool = True,
    ) -> None:
        super().__init__(course_state, css_class="bmc-findings", with_style=with_style)
        self.segment_id = segment_id
        self.codes = set(codes) if codes is not None else None
        self.findings: list[Finding] = []
        self.header = widgets.HTML(heading(title, 4, sub=explanation))
        self.body = widgets.HTML()
        self.body.add_class("bmc-findings-body")
        self.answer_choice = widgets.Dropdown(
            description="Answer a finding",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        self.answer_choice.add_class("bmc-answer-choice")
        self.answer_choice.observe(self._on_answer_chosen, names="value")
        self.answer_text = widgets.Text(
            description="Your answer",
            placeholder="I accept this because … (or what you will change, and when)",
            continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        self.answer_text.add_class("bmc-answer-text")
        self.answer_text.observe(self._on_answer_typed, names="value")
        self.answer_status = StatusLine()
        self.answer_box = widgets.VBox(
            [
                widgets.HTML(
                    '<p class="bmc-muted">A finding is a question to answer, not an order. '
                    "If you keep your choice, say why: the answer is saved with the segment, "
                    "shown on the card and handed in with your exports. Clear it to withdraw "
                    "it.</p>"
                ),
                self.answer_choice,
                self.answer_text,
                self.answer_status,
            ]
        )
        self.answer_box.add_class("bmc-answer-box")
        self._syncing = False
        self._set_body(self.header, self.body, self.answer_box)
        self.refresh()

    def current_findings(self) -> list[Finding]:
        """The findings this panel shows (the state's checks, filtered)."""
        findings = self.course_state.findings()
        if self.segment_id is not None:
            findings = [f for f in findings if f.segment_id == self.segment_id]
        if self.codes is not None:
            findings = [f for f in findings if f.code in self.codes]
        return findings

    def refresh(self, change: Change | None = None) -> None:
        """Re-run the checks and redraw the cards."""
        self.redraw_count += 1
        segments = self.course_state.segments
        if not segments:
            self.findings = []
            self.body.value = message_box(
                "No segments yet. Add a segment and choose its relationships to see the checks.",
                "info",
            )
            return
        names = {s.id: s.name for s in segments}
        answers = {s.id: s.answers for s in segments}
        self.findings = self.current_findings()
        answered = [answer_of(f, answers) for f in self.findings]
        cards = "".join(
            finding_html(f, names.get(f.segment_id, f.segment_id), a)
            for f, a in zip(self.findings, answered, strict=True)
        )
        line = summary_line(self.findings, sum(bool(a) for a in answered))
        self.body.value = f'<p class="bmc-summary-line" aria-live="polite">{esc(line)}</p>' + cards
        self._show_answer_choices(names, answers)

    def _show_answer_choices(
        self, names: Mapping[str, str], answers: Mapping[str, Mapping[str, str]]
    ) -> None:
        """The findings to answer (an answered one marked ✓) and the chosen one's answer."""
        options = [
            (
                finding_choice_label(
                    f, names.get(f.segment_id, f.segment_id), answer_of(f, answers)
                ),
                (f.segment_id, f.key),
            )
            for f in self.findings
        ]
        self.answer_box.layout.display = None if options else "none"
        self._syncing = True
        try:
            current = self.answer_choice.value
            if list(self.answer_choice.options) != options:
                self.answer_choice.options = options
            values = [value for _, value in options]
            self.answer_choice.value = current if current in values else next(iter(values), None)
            chosen = self.answer_choice.value
            self.answer_text.value = (
                answers.get(chosen[0], {}).get(chosen[1], "") if chosen is not None else ""
            )
        finally:
            self._syncing = False

    def _on_answer_chosen(self, change: dict[str, Any]) -> None:
        if self._syncing or change["new"] is None:
            return
        segment_id, key = change["new"]
        self.answer_status.clear()
        self._syncing = True
        try:
            self.answer_text.value = self.course_state.segment(segment_id).answers.get(key, "")
        finally:
            self._syncing = False

    def _on_answer_typed(self, change: dict[str, Any]) -> None:
        chosen = self.answer_choice.value
        if self._syncing or chosen is None:
            return
        segment_id, key = chosen
        self.answer_status.clear()
        with self.answer_status.reporting():
            self.course_state.answer_finding(segment_id, key, str(change["new"]))
            self.answer_status.ok(
                "Answer saved." if str(change["new"]).strip() else "Answer withdrawn."
            )

    @property
    def text(self) -> str:
        """The panel's HTML (handy in tests and for search)."""
        return str(self.body.value)
