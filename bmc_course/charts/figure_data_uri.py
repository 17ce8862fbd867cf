"""A Figure as a PNG data URI, for self-contained HTML pages (no files beside them, no requests).

Its own module, importing no chart, so a page that embeds one chart (the
class report) does not load every other chart to get this function.
"""

from __future__ import annotations

import base64
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def figure_data_uri(fig: Figure, dpi: int = 110) -> str:
    """``data:image/png;base64,…`` of the whole figure, trimmed to its content."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
