"""What a chart view shows in its output area."""

from __future__ import annotations

from bmc_course.widgets.chart_view import ChartView


def png_count(chart: ChartView) -> int:
    return sum("image/png" in item["data"] for item in chart.output.outputs)
