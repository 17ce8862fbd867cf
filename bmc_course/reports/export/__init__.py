"""Export one learner's canvas block: Markdown, self-contained HTML, PNG picture, JSON submission.

``canvas_export`` picks the format and writes the file atomically;
``markdown`` and ``html_page`` render the block. Used by the last notebook's
buttons and by ``bmc-course export``.
"""

from typing import TYPE_CHECKING

from bmc_course import lazy_exports

if TYPE_CHECKING:
    from bmc_course.reports.export.canvas_export import EXPORT_FORMATS, export, export_bytes

__all__ = [
    "EXPORT_FORMATS",
    "export",
    "export_bytes",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__)
