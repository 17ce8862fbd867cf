"""A chart in an ``Output`` with its table twin, redrawn when the course state changes.

The figure is rendered to PNG once, here, and placed in the Output as one
display item. Setting ``Output.outputs`` swaps the old picture for the new one
in a single message (what ``clear_output(wait=True)`` + ``display`` achieve in
two), works the same in JupyterLab, Voilà and kernel-less tests, and does not
depend on the inline backend's settings.
"""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from bmc_course.charts.png_renderer import PngRenderer
from bmc_course.reports.html_table import frame_table
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.html_fragments import esc, heading, message_box
from bmc_course.widgets.state_view import StateView, one_line

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from bmc_course.charts.layered import LayeredChart

log = logging.getLogger(__name__)

TABLE_TITLE = "Chart as a table"


def png_output(png: bytes, alt: str) -> dict[str, Any]:
    """One ``display_data`` output item showing a PNG with ``alt`` as its text alternative.

    The picture is an ``<img>`` in ``text/html``, not ``image/png``: the image
    renderer of JupyterLab and Voilà draws an ``<img>`` without ``alt``, which a
    screen reader reads as nothing (axe's ``image-alt``, critical). Widget outputs
    are trusted, so the ``<img>`` is shown as it is; ``text/plain`` keeps the text
    for front ends without HTML.
    """
    source = base64.b64encode(png).decode("ascii")
    picture = f'<img src="data:image/png;base64,{source}" alt="{esc(alt)}">'
    return {
        "output_type": "display_data",
        "data": {"text/html": picture, "text/plain": alt},
        "metadata": {},
    }


class ChartView(StateView):
    """A titled chart plus its table twin ("Chart as a table"), redrawn on segment changes.

    ``draw`` returns a Figure or a LayeredChart (whose background is rendered
    once and reused while it stays the same), ``tabulate`` the same data as a
    DataFrame. With
    ``needs_segments`` the chart is replaced by a hint while there are no
    segments. The table is built when its section is opened (and kept fresh
    while it stays open), so closed tables cost nothing on a redraw.
    """

    def __init__(
        self,
        course_state: CourseState,
        *,
        title: str,
        draw: Callable[[], Figure | LayeredChart],
        tabulate: Callable[[], pd.DataFrame],
        explanation: str = "",
        needs_segments: bool = True,
        css_class: str = "bmc-chart",
        with_style: bool = True,
        follow_state: bool = True,
        draw_now: bool = True,
    ) -> None:
        super().__init__(course_state, css_class=css_class, with_style=with_style)
        if not follow_state:  # e.g. a chart of the types themselves, redrawn by its owner
            self.redraw_on = frozenset()
        self.title = title
        self._draw = draw
        self._tabulate = tabulate
        self.needs_segments = needs_segments
        self.last_redraw_seconds = 0.0
        self.renderer = PngRenderer()
        self._shown_png: bytes | None = None
        self.header = widgets.HTML(heading(title, 4, sub=explanation))
        self.output = widgets.Output(layout=widgets.Layout(min_height="60px"))
        self.output.add_class("bmc-chart-output")
        self.notice = widgets.HTML()
        self.notice.add_class("bmc-chart-notice")
        self.table = widgets.HTML()
        self.table.add_class("bmc-chart-table-body")
        self.table_section = widgets.Accordion(children=(self.table,), titles=(TABLE_TITLE,))
        self.table_section.selected_index = None
        self.table_section.add_class("bmc-chart-table")
        self.table_section.observe(self._on_table_toggled, names="selected_index")
        self._set_body(self.header, self.notice, self.output, self.table_section)
        if draw_now:  # a chart in a closed section is drawn by its owner when opened
            self.refresh()

    @property
    def table_open(self) -> bool:
        """Whether the learner has opened the table under the chart."""
        return bool(self.table_section.selected_index == 0)

    def refresh(self, change: Change | None = None) -> None:
        """Redraw the chart (and the table when it is open)."""
        started = time.perf_counter()
        self.redraw_count += 1
        if self.needs_segments and not self.course_state.segments:
            self.output.outputs = ()
            self._shown_png = None
            self.notice.value = message_box(
                "Add a segment first (the segment picker): this chart shows your segments.", "info"
            )
            self.table.value = ""
            return
        try:
            png = self.renderer.png(self._draw())
        except Exception as error:  # a chart bug is shown in one line, logged in full
            log.exception("chart %r could not be drawn", self.title)
            self.output.outputs = ()
            self._shown_png = None
            self.notice.value = message_box(
                f"This chart could not be drawn: {one_line(error)}", "error"
            )
            return
        self.notice.value = ""
        if png is not self._shown_png:  # the renderer hands back the same bytes when unchanged
            self._shown_png = png
            self.output.outputs = (
                png_output(png, f"{self.title}. The same numbers are in '{TABLE_TITLE}' below."),
            )
        if self.table_open:
            self._fill_table()
        self.last_redraw_seconds = time.perf_counter() - started

    def _fill_table(self) -> None:
        if self.needs_segments and not self.course_state.segments:
            self.table.value = ""
            return
        try:
            self.table.value = frame_table(self._tabulate(), css_class="bmc-table", na_rep="")
        except Exception as error:
            log.exception("table for %r could not be built", self.title)
            self.table.value = message_box(
                f"The table could not be built: {one_line(error)}", "error"
            )

    def _on_table_toggled(self, change: dict[str, Any]) -> None:
        if change["new"] == 0:
            self._fill_table()
