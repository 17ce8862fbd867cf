"""The Jinja2 environment our HTML is rendered with: autoescaped, strict, built once.

Templates are package data in ``bmc_course/reports/templates/`` (``*.html.j2``).
Autoescape is on for every template, so learner text is escaped wherever it
lands; only values code marks as :class:`markupsafe.Markup` go in as they are.
``StrictUndefined`` turns a misspelt variable into an error instead of an
empty string. The environment and each compiled template are cached for the
process: a widget redraw renders, it never parses. Jinja itself is imported
on first use, so importing a report module (say, for the CLI's text output)
does not load it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

TEMPLATE_PACKAGE = "bmc_course.reports"
TEMPLATE_FOLDER = "templates"


@cache
def environment() -> jinja2.Environment:
    """The one Environment (built on first use)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader(TEMPLATE_PACKAGE, TEMPLATE_FOLDER),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,  # a page ends with a newline, as its template does
        auto_reload=False,  # templates ship inside the package: no stat() per use
    )
    # {{ value|fmt(",.2f") }}: Python's format spec, for thousands separators and percentages.
    env.filters["fmt"] = format
    return env


@cache
def template(name: str) -> jinja2.Template:
    """A template by file name, compiled once per process."""
    return environment().get_template(name)


def render(name: str, **context: object) -> str:
    """Render a template with the given variables."""
    return template(name).render(**context)
