"""A Figure as a PNG data URI: the whole picture, decodable, nothing written to disk."""

from __future__ import annotations

import base64

from matplotlib.figure import Figure

from bmc_course.charts.figure_data_uri import figure_data_uri

PREFIX = "data:image/png;base64,"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_a_figure_becomes_a_png_data_uri() -> None:
    fig = Figure(figsize=(2, 1))
    fig.add_subplot().plot([0, 1], [1, 0])
    uri = figure_data_uri(fig, dpi=50)
    assert uri.startswith(PREFIX)
    png = base64.b64decode(uri.removeprefix(PREFIX), validate=True)
    assert png.startswith(PNG_SIGNATURE)
    width = int.from_bytes(png[16:20], "big")  # IHDR: width, then height
    assert 0 < width <= 2 * 50  # tight bounding box: at most the figure's 2 inches at 50 dpi
