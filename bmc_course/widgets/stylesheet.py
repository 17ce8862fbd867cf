"""The course's stylesheet, shipped as ``course.css`` and injected once per top-level view."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import ipywidgets as widgets

_CSS_FILE = Path(__file__).with_name("course.css")


@cache
def course_css() -> str:
    """The stylesheet text (read once per kernel)."""
    return _CSS_FILE.read_text(encoding="utf-8")


def style_tag() -> Any:
    """An invisible HTML widget carrying the stylesheet (a ``<style>`` applies even when hidden)."""
    tag = widgets.HTML(f"<style>{course_css()}</style>", layout=widgets.Layout(display="none"))
    tag.add_class("bmc-style")
    return tag
