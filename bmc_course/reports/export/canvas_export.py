"""Write one learner's canvas block as Markdown, self-contained HTML, a PNG picture or the JSON submission.

Used by the last notebook's buttons and by ``bmc-course export``. Every file is
written atomically (temp file + ``os.replace``), so an export interrupted
half-way never leaves a broken file behind. Every format says when it was
made: "Exported 2026-12-02 10:15 UTC" in the Markdown, HTML and PNG, and an
``exported_at`` field (ISO 8601, UTC) in the JSON, kept beside ``saved_at``
like any field the format does not name.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

from bmc_course.formats.submission import Submission
from bmc_course.logic.canvas_block import build_canvas_block
from bmc_course.model.catalog import Catalog
from bmc_course.state.safe_files import atomic_write_bytes, atomic_write_text

EXPORT_FORMATS = ("md", "html", "png", "json")
PNG_DPI = 150
EXPORTED_AT_FIELD = "exported_at"


def export_bytes(
    submission: Submission, catalog: Catalog, fmt: str, *, exported_at: datetime | None = None
) -> bytes:
    """The exported file's content in format ``fmt`` (one of :data:`EXPORT_FORMATS`).

    ``exported_at`` is the moment the export says it was made (default: now).
    """
    moment = (exported_at or datetime.now(UTC)).astimezone(UTC)
    if fmt == "json":
        data = submission.to_json_dict()
        data[EXPORTED_AT_FIELD] = moment.isoformat(timespec="seconds")
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    block = build_canvas_block(submission, catalog)
    sources = list(catalog.sources.values())
    if fmt == "md":
        from bmc_course.reports.export.markdown import render_markdown

        return render_markdown(block, exported_at=moment, sources=sources).encode("utf-8")
    if fmt == "html":
        from bmc_course.reports.export.html_page import render_html

        return render_html(block, submission, catalog, exported_at=moment).encode("utf-8")
    if fmt == "png":
        from bmc_course.charts import plot_canvas_block

        buffer = io.BytesIO()
        plot_canvas_block(block, exported_at=moment).savefig(buffer, format="png", dpi=PNG_DPI)
        return buffer.getvalue()
    raise ValueError(f"expected an export format ({', '.join(EXPORT_FORMATS)}), found {fmt!r}")


def export(
    submission: Submission,
    catalog: Catalog,
    fmt: str,
    path: Path,
    *,
    exported_at: datetime | None = None,
) -> Path:
    """Write the block in format ``fmt`` to ``path`` (atomically); return ``path``."""
    data = export_bytes(submission, catalog, fmt, exported_at=exported_at)
    path = Path(path)
    if fmt == "png":
        atomic_write_bytes(path, data)
    else:
        atomic_write_text(path, data.decode("utf-8"))
    return path


__all__ = ["EXPORT_FORMATS", "export", "export_bytes"]
