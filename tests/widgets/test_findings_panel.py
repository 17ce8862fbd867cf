"""Findings panel: escaped finding cards, filtered by segment or code, under a summary line."""

from __future__ import annotations

from bmc_course.logic.checks import FINDING_CODES, Finding
from bmc_course.logic.wording import FINDING_TITLES
from bmc_course.model.content_models import Severity
from bmc_course.state.session import CourseSession
from bmc_course.widgets.findings_panel import FindingsPanel, finding_html, summary_line


def test_findings_panel_escapes_learner_text(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("<b>Fans</b>", "mass_market", customers=10)
    panel = FindingsPanel(state)
    state.set_relationships(seg_id, ["dedicated_personal_assistance"])
    assert "<b>Fans</b>" not in panel.text
    assert "&lt;b&gt;Fans&lt;/b&gt;" in panel.text


def test_findings_panel_filters(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Fans", "mass_market", customers=10)
    other = state.add_segment("Teams", "business")
    state.set_relationships(seg_id, ["self_service"])
    state.set_relationships(other, ["self_service"])
    only_one = FindingsPanel(state, segment_id=seg_id)
    assert only_one.findings
    assert {f.segment_id for f in only_one.findings} == {seg_id}
    lifecycle = FindingsPanel(state, codes={"lifecycle_gap"})
    # self-service serves acquisition and retention, not boosting sales: a note for each segment
    assert [(f.code, f.severity, f.segment_id) for f in lifecycle.findings] == [
        ("lifecycle_gap", "info", "fans"),
        ("lifecycle_gap", "info", "teams"),
    ]


def test_findings_panel_summary_counts(session: CourseSession) -> None:
    state = session.state
    panel = FindingsPanel(state)
    assert "No segments yet" in panel.text
    seg_id = state.add_segment("Fans", "mass_market", customers=10)
    state.set_relationships(seg_id, ["dedicated_personal_assistance"])
    # 2,000 of set-up over 5 years for 10 customers (40 each) + 1,500 running = 1,540 a
    # customer against 40 of gross profit (problem); cost to serve 5 of 5 for a price-driven
    # segment (warning); dedicated assistance serves all three lifecycle goals (no note)
    assert '<p class="bmc-summary-line" aria-live="polite">1 problem · 1 warning</p>' in (
        panel.text
    )


def test_summary_line_counts_each_severity_in_words() -> None:
    def finding(severity: Severity) -> Finding:
        return Finding("lifecycle_gap", severity, "fans", None, "m", "s", "a")

    assert summary_line([]) == "No findings: your choices fit the course's teaching assumptions."
    assert summary_line([finding("info")]) == "1 note"
    assert (
        summary_line([finding("info"), finding("problem"), finding("problem"), finding("info")])
        == "2 problems · 2 notes"
    )
    assert summary_line([finding("warning")] * 3) == "3 warnings"


def test_finding_card_names_topic_segment_and_escapes_every_text() -> None:
    card = finding_html(
        Finding(
            "no_human_fallback",
            "warning",
            "fans",
            "self_service",
            "<b>Fans</b> are served only by self-service",
            "Add a phone line & a chat",
            'Types marked "human_contact = false"',
        ),
        "<b>Fans</b>",
    )
    assert card.startswith(
        '<div class="bmc-card bmc-finding bmc-finding-warning" '
        'data-code="no_human_fallback" data-segment="fans">'
    )
    assert "<strong>Human fallback</strong>" in card
    assert '<span class="bmc-muted">&lt;b&gt;Fans&lt;/b&gt;</span>' in card
    assert "&lt;b&gt;Fans&lt;/b&gt; are served only by self-service" in card
    assert "<strong>Try:</strong> Add a phone line &amp; a chat" in card
    assert "Types marked &quot;human_contact = false&quot;" in card
    assert "<b>" not in card


def test_every_finding_code_has_a_topic() -> None:
    assert set(FINDING_TITLES) == set(FINDING_CODES)
    card = finding_html(
        Finding("acquisition_cost_not_recovered", "problem", "fans", None, "m", "s", "a", ("x",)),
        "Fans",
    )
    assert "<strong>Acquisition cost vs lifetime value</strong>" in card


def test_a_finding_is_answered_in_the_panel_and_shown_as_answered(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Walk-ins", "mass_market")
    state.set_relationships(seg_id, ["self_service"])
    panel = FindingsPanel(state)
    fallback = next(f for f in panel.findings if f.code == "no_human_fallback")
    labels = [label for label, _ in panel.answer_choice.options]
    assert len(labels) == len(panel.findings) and not any(lb.startswith("✓") for lb in labels)
    panel.answer_choice.value = (seg_id, fallback.key)
    panel.answer_text.value = "I accept this <b>because</b> the shop is next door"
    assert state.segment(seg_id).answers == {
        fallback.key: "I accept this <b>because</b> the shop is next door"
    }
    assert "1 answered" in panel.text
    assert "Answered:</strong> I accept this &lt;b&gt;because&lt;/b&gt; the shop" in panel.text
    assert "<b>because" not in panel.text
    assert any(label.startswith("✓ Walk-ins") for label, _ in panel.answer_choice.options)
    # another panel (another notebook) shows the answer when that finding is chosen
    other = FindingsPanel(state)
    other.answer_choice.value = (seg_id, fallback.key)
    assert other.answer_text.value.startswith("I accept this")
    panel.answer_text.value = ""
    assert state.segment(seg_id).answers == {}
    assert "answered" not in panel.text


def test_an_answer_stays_with_its_finding_only(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Walk-ins", "mass_market")
    state.set_relationships(seg_id, ["self_service"])
    panel = FindingsPanel(state)
    key = next(f.key for f in panel.findings if f.code == "no_human_fallback")
    state.answer_finding(seg_id, key, "A phone line comes in year two")
    state.toggle_relationship(seg_id, "personal_assistance", True)  # the finding goes away
    assert all(f.code != "no_human_fallback" for f in panel.findings)
    assert "answered" not in panel.text
    assert state.segment(seg_id).answers == {key: "A phone line comes in year two"}  # kept


def test_the_findings_leave_the_kernel_before_the_pickers_bookkeeping(
    session: CourseSession,
) -> None:
    """After a click the learner watches the findings: they are redrawn (and so sent to the
    browser) before the picker next to them updates its own cost lines and summary."""
    from bmc_course.widgets.relationship_picker import RelationshipPicker

    state = session.state
    seg_id = state.add_segment("Teams", "business")
    picker = RelationshipPicker(state)  # built first, as in notebook 04
    panel = FindingsPanel(state)
    order: list[str] = []
    panel.body.observe(lambda _c: order.append("findings"), names="value")
    picker.segment_summary.observe(lambda _c: order.append("picker"), names="value")
    state.toggle_relationship(seg_id, "personal_assistance", True)
    assert order == ["findings", "picker"]
