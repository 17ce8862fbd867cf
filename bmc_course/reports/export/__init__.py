"""Export one learner's canvas block: Markdown, self-contained HTML, PNG picture, JSON submission.

``canvas_export`` picks the format and writes the file atomically;
``markdown`` and ``html_page`` render the block. Used by the last notebook's
buttons and by ``bmc-course export``.
"""

from bmc_course import lazy_exports

_EXPORTS = {
    "EXPORT_FORMATS": "canvas_export",
    "export": "canvas_export",
    "export_bytes": "canvas_export",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
