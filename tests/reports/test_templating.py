"""The Jinja environment: autoescape really on, strict about missing variables, built and compiled once."""

from __future__ import annotations

from importlib.resources import files

import jinja2
import pytest
from markupsafe import Markup

from bmc_course.reports.templating import environment, render, template

HOSTILE = '<script>alert("x")</script>'
TEMPLATES = ["class_report.html.j2", "figure.html.j2", "learner_page.html.j2", "table.html.j2"]


def test_learner_text_is_escaped() -> None:
    page = environment().from_string("<p>{{ name }}</p>").render(name=HOSTILE)
    assert page == "<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p>"


def test_attributes_are_escaped_too() -> None:
    page = environment().from_string('<img alt="{{ alt }}">').render(alt='" onerror="alert(1)')
    assert page == '<img alt="&#34; onerror=&#34;alert(1)">'


def test_markup_goes_in_as_it_is() -> None:
    page = environment().from_string("{{ chip }}").render(chip=Markup("<b>ok</b>"))
    assert page == "<b>ok</b>"


def test_a_missing_variable_is_an_error_not_an_empty_string() -> None:
    with pytest.raises(jinja2.UndefinedError):
        environment().from_string("<p>{{ nmae }}</p>").render(name="Ana")
    with pytest.raises(jinja2.UndefinedError):
        render("table.html.j2", headers=[], rows=[])  # css_class and sortable missing


def test_block_tags_leave_no_blank_lines() -> None:
    source = "<ul>\n  {% for item in items %}\n  <li>{{ item }}</li>\n  {% endfor %}\n</ul>\n"
    page = environment().from_string(source).render(items=["a", "b"])
    assert page == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n"


def test_fmt_filter_applies_a_python_format_spec() -> None:
    page = environment().from_string("{{ n|fmt(',') }} {{ x|fmt(',.2f') }} {{ s|fmt('.0%') }}")
    assert page.render(n=1234567, x=1234.5, s=0.25) == "1,234,567 1,234.50 25%"


def test_environment_and_templates_are_built_once() -> None:
    assert environment() is environment()
    assert template("table.html.j2") is template("table.html.j2")
    assert environment().auto_reload is False  # no stat() of the file on each use


def test_the_templates_are_package_data_and_all_compile() -> None:
    folder = files("bmc_course.reports") / "templates"
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".html.j2")) == TEMPLATES
    for name in TEMPLATES:
        assert isinstance(template(name), jinja2.Template)
