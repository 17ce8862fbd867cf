"""Write one learner's canvas block as Markdown, self-contained HTML, a PNG picture or the JSON submission.

Used by the last notebook's buttons and by ``bmc-course export``. Every file is
written atomically (temp file + ``os.replace``), so an export interrupted
half-way never leaves a broken file behind.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from bmc_course.formats.submission import Submission
from bmc_course.logic.canvas_block import build_canvas_block
from bmc_course.model.catalog import Catalog
from bmc_course.state.safe_files import atomic_write_bytes, atomic_write_text

EXPORT_FORMATS = ("md", "html", "png", "json")
PNG_DPI = 150


def export_bytes(submission: Submission, catalog: Catalog, fmt: str) -> bytes:
    """The exported file's content in format ``fmt`` (one of :data:`EXPORT_FORMATS`)."""
    if fmt == "json":
        text = json.dumps(submission.to_json_dict(), indent=2, ensure_ascii=False) + "\n"
        return text.encode("utf-8")
    block = build_canvas_block(submission, catalog)
    if fmt == "md":
        from bmc_course.reports.export.markdown import render_markdown

        return render_markdown(block).encode("utf-8")
    if fmt == "html":
        from bmc_course.reports.export.html_page import render_html

        return render_html(block, submission, catalog).encode("utf-8")
    if fmt == "png":
        from bmc_course.charts import plot_canvas_block

        buffer = io.BytesIO()
        plot_canvas_block(block).savefig(buffer, format="png", dpi=PNG_DPI)
        return buffer.getvalue()
    raise ValueError(f"expected an export format ({', '.join(EXPORT_FORMATS)}), found {fmt!r}")


def export(submission: Submission, catalog: Catalog, fmt: str, path: Path) -> Path:
    """Write the block in format ``fmt`` to ``path`` (atomically); return ``path``."""
    data = export_bytes(submission, catalog, fmt)
    path = Path(path)
    if fmt == "png":
        atomic_write_bytes(path, data)
    else:
        atomic_write_text(path, data.decode("utf-8"))
    return path


__all__ = ["EXPORT_FORMATS", "export", "export_bytes"]
