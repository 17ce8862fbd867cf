"""Canvas block view: a live, escaped summary (economics and notes included) and the canvas
around the block."""

from __future__ import annotations

from bmc_course.state.session import CourseSession
from bmc_course.widgets.canvas_block_view import CanvasBlockView


def test_canvas_block_summary_is_escaped_and_live(session: CourseSession) -> None:
    view = CanvasBlockView(session.state)
    session.state.set_learner("<Ada>")
    seg_id = session.state.add_segment("Teams & co", "business")
    session.state.set_relationships(seg_id, ["personal_assistance"])
    assert "&lt;Ada&gt;" in view.summary.value
    assert "Teams &amp; co" in view.summary.value
    assert "<Ada>" not in view.summary.value


def test_canvas_block_shows_the_economics_and_the_notes_escaped(
    session: CourseSession,
) -> None:
    state = session.state
    view = CanvasBlockView(state)
    seg_id = state.add_segment("Teams", "business")
    state.set_relationships(seg_id, ["personal_assistance"])
    # 1,500 of set-up over 5 years for 1,000 customers (0.30 each) + 30 running = 30.30,
    # against 10,000 × 40% = 4,000 of gross profit (0.76%: under 1%), kept 5 years
    assert (
        '<p class="bmc-block-cost">Relationship cost (illustrative): 30.30 per customer a year, '
        "under 1% of gross profit (gross profit 4,000, lifetime value 20,000)</p>"
    ) in view.summary.value
    assert "bmc-block-notes" not in view.summary.value
    state.update_segment(seg_id, notes="<i>why</i> & how")
    assert (
        '<p class="bmc-block-notes"><strong>Notes:</strong> &lt;i&gt;why&lt;/i&gt; &amp; how</p>'
    ) in view.summary.value
    assert "<i>why</i>" not in view.summary.value


def test_canvas_block_names_who_pays_and_the_budget_per_person(
    session: CourseSession,
) -> None:
    state = session.state
    view = CanvasBlockView(state)
    sellers = state.add_segment("Sellers", "platform")
    buyers = state.add_segment("Buyers", "platform")
    state.set_relationships(buyers, ["self_service"])
    state.update_segment(buyers, funded_by=sellers)
    assert "paid for by Sellers</p>" in view.summary.value
    state.add_segment("Residents", "citizens")
    assert "1,000 customers · yearly budget per person 500 · not yet validated" in (
        view.summary.value
    )
    assert "1,000 customers · yearly revenue per customer 5 · not yet validated" in (
        view.summary.value
    )


def test_the_canvas_around_the_block_follows_the_choices_escaped(session: CourseSession) -> None:
    state = session.state
    view = CanvasBlockView(state)
    assert view.around.value.count("Nothing yet") == 7  # no segments: every block is empty
    seg_id = state.add_segment("<b>Clubs</b>", "business")
    state.update_segment(seg_id, value_proposition="Kit <i>fitted</i> for every player")
    state.set_relationships(seg_id, ["communities"])
    around = view.around.value
    assert "Your canvas around this block" in around
    assert "Kit &lt;i&gt;fitted&lt;/i&gt; for every player" in around
    assert "for communities (&lt;b&gt;Clubs&lt;/b&gt;)" in around
    assert "Community managers" in around and "<b>Clubs" not in around


def test_the_block_shows_the_learners_reasons_escaped(session: CourseSession) -> None:
    state = session.state
    view = CanvasBlockView(state)
    seg_id = state.add_segment("Walk-ins", "mass_market")
    state.update_segment(seg_id, value_proposition="Repairs <b>while you wait</b>")
    state.set_relationships(seg_id, ["self_service"])
    state.set_type_notes(seg_id, "self_service", "They book <i>online</i> anyway")
    key = next(f.key for f in state.findings() if f.code == "no_human_fallback")
    state.answer_finding(seg_id, key, "The mechanic <u>is</u> the fallback")
    state.set_stage(seg_id, "mature", ["self_service", "communities"])
    summary = view.summary.value
    assert "Offer:</strong> Repairs &lt;b&gt;while you wait&lt;/b&gt;" in summary
    assert "why: They book &lt;i&gt;online&lt;/i&gt; anyway" in summary
    assert "Answered:</strong> The mechanic &lt;u&gt;is&lt;/u&gt; the fallback" in summary
    assert "Mature market:</strong> Self-service, Communities" in summary
    assert "1 answered" in summary
    assert "<b>while" not in summary and "<i>online" not in summary and "<u>is" not in summary
