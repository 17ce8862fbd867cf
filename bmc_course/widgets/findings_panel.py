"""The checks' findings, re-run on every change to the segments and shown as cards.

Each finding shows its severity (badge with a shape and a word), the one-line
message, what to try, and the teaching assumption the check relied on.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import ipywidgets as widgets

from bmc_course.logic.checks import Finding
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.html_fragments import esc, heading, message_box, severity_badge
from bmc_course.widgets.state_view import StateView

CODE_LABEL = {
    "revenue_cost_imbalance": "Cost vs gross profit",
    "expectation_mismatch": "Expectations",
    "over_serving": "Over-serving",
    "lifecycle_gap": "Lifecycle",
    "no_human_fallback": "Human fallback",
    "unvalidated_investment": "Unvalidated investment",
    "channel_not_relationship": "Channel, not relationship",
    "acquisition_cost_not_recovered": "Acquisition cost vs lifetime value",
}


def summary_line(findings: Sequence[Finding]) -> str:
    """``2 problems · 1 warning · 3 notes`` (or that there are none)."""
    if not findings:
        return "No findings: your choices fit the course's teaching assumptions."
    parts = []
    for severity, word in (("problem", "problem"), ("warning", "warning"), ("info", "note")):
        n = sum(f.severity == severity for f in findings)
        if n:
            parts.append(f"{n} {word}{'s' if n != 1 else ''}")
    return " · ".join(parts)


def finding_html(finding: Finding, segment_name: str) -> str:
    """One finding as a card; every text is escaped (messages contain learner text)."""
    topic = CODE_LABEL.get(finding.code, finding.code)
    return (
        f'<div class="bmc-card bmc-finding bmc-finding-{esc(finding.severity)}" '
        f'data-code="{esc(finding.code)}" data-segment="{esc(finding.segment_id)}">'
        f'<div class="bmc-finding-head">{severity_badge(finding.severity)}'
        f"<strong>{esc(topic)}</strong>"
        f'<span class="bmc-muted">{esc(segment_name)}</span></div>'
        f'<p class="bmc-finding-message">{esc(finding.message)}</p>'
        f'<p class="bmc-suggestion"><strong>Try:</strong> {esc(finding.suggestion)}</p>'
        f'<p class="bmc-assumption"><strong>Teaching assumption:</strong> '
        f"{esc(finding.assumption)}</p></div>"
    )


class FindingsPanel(StateView):
    """Live findings for all segments, or one segment, or only some finding codes."""

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
        self._set_body(self.header, self.body)
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
        self.findings = self.current_findings()
        cards = "".join(
            finding_html(f, names.get(f.segment_id, f.segment_id)) for f in self.findings
        )
        self.body.value = (
            f'<p class="bmc-summary-line" aria-live="polite">{esc(summary_line(self.findings))}</p>'
            + cards
        )

    @property
    def text(self) -> str:
        """The panel's HTML (handy in tests and for search)."""
        return str(self.body.value)
