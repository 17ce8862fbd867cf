"""What-if sliders: they change the state, and the chart and findings follow."""

from __future__ import annotations

import pytest

from bmc_course.state.session import CourseSession
from bmc_course.widgets.findings_panel import FindingsPanel
from bmc_course.widgets.trade_offs import cost_vs_revenue_chart
from bmc_course.widgets.what_if import WhatIf


def test_what_if_sliders_update_state_chart_and_findings(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Fans", "mass_market", customers=1000)
    state.set_relationships(seg_id, ["personal_assistance"])
    chart = cost_vs_revenue_chart(state, with_style=False)
    panel = FindingsPanel(state, with_style=False)
    view = WhatIf(state, extra=(chart, panel))
    row = view.rows[seg_id]
    charts_before, findings_before = chart.redraw_count, panel.redraw_count
    row.customers.value = 123456.7
    assert state.segment(seg_id).customers == 123457
    row.revenue.value = 5000.0
    assert state.segment(seg_id).revenue_per_customer == 5000.0
    assert chart.redraw_count == charts_before + 2
    assert panel.redraw_count == findings_before + 2
    assert panel.findings == state.findings()
    row.validated.value = not state.segment(seg_id).validated
    assert state.segment(seg_id).validated == row.validated.value


def test_what_if_follows_segments(session: CourseSession) -> None:
    state = session.state
    view = WhatIf(state)
    assert "No segments yet" in view.empty.value
    seg_id = state.add_segment("Teams", "business", customers=0)
    assert list(view.rows) == [seg_id]
    assert view.rows[seg_id].customers.value == 1  # a log slider starts at one
    assert state.segment(seg_id).customers == 0  # showing it did not change the state
    state.update_segment(seg_id, customers=5000)
    assert view.rows[seg_id].customers.value == pytest.approx(5000)
    state.remove_segment(seg_id)
    assert view.rows == {}


def test_what_if_labels_a_citizens_budget_and_keeps_the_mix(session: CourseSession) -> None:
    state = session.state
    residents = state.add_segment("Residents", "citizens")
    fans = state.add_segment("Fans", "mass_market")
    state.set_relationships(residents, ["self_service", "personal_assistance"])
    state.set_share(residents, "personal_assistance", 0.1)
    view = WhatIf(state)
    assert view.rows[residents].revenue.description == "Yearly budget per person"
    assert view.rows[fans].revenue.description == "Yearly revenue per customer"
    view.rows[residents].customers.value = 20000.0
    segment = state.segment(residents)
    assert segment.customers == 20000
    assert [(r.type, r.share) for r in segment.relationships] == [
        ("self_service", 1.0),
        ("personal_assistance", 0.1),
    ]
