"""What a chart view shows in its output area: ``<img>`` pictures of PNG data, with alt text."""

from __future__ import annotations

from typing import Any

from bmc_course.widgets.chart_view import ChartView
from tests.support.html_tags import TagCollector

PNG_SOURCE = "data:image/png;base64,"


def pictures(outputs: Any) -> list[dict[str, str | None]]:
    """The attributes of every ``<img>`` showing PNG data in a list of output items."""
    found = []
    for item in outputs:
        collector = TagCollector()
        collector.feed(str(item["data"].get("text/html", "")))
        found += [
            attrs
            for tag, attrs in collector.tags
            if tag == "img" and (attrs.get("src") or "").startswith(PNG_SOURCE)
        ]
    return found


def png_count(chart: ChartView) -> int:
    return len(pictures(chart.output.outputs))
