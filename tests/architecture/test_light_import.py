"""Importing the package and any module of its pure layers must not pull in UI or data-frame libraries.

The module list is read from the source tree, so a new module in model/,
formats/, logic/ or state/ is checked the day it is added.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE_ROOT = Path(__file__).resolve().parents[2] / "bmc_course"
HEAVY = ("matplotlib", "ipywidgets", "pandas", "IPython", "jupyterlab", "ipykernel")
PURE_LAYERS = ("model", "formats", "logic", "state")


def _modules_of(layer: str) -> list[str]:
    folder = PACKAGE_ROOT / layer
    return sorted(
        "bmc_course."
        + ".".join(path.relative_to(PACKAGE_ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in folder.rglob("*.py")
    )


PURE_MODULES = [module for layer in PURE_LAYERS for module in _modules_of(layer)]


def _loaded_after(import_line: str) -> set[str]:
    code = f"{import_line}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout))


def _heavy_in(loaded: set[str]) -> list[str]:
    return [name for name in HEAVY if name in loaded]


def test_the_pure_layers_are_found() -> None:
    # Guards the walk itself: an empty list would make every test below pass.
    assert "bmc_course.logic.checks" in PURE_MODULES
    assert "bmc_course.state.progress_store" in PURE_MODULES
    assert "bmc_course.model" in PURE_MODULES
    assert len(PURE_MODULES) >= 16


def test_import_bmc_course_is_light() -> None:
    assert _heavy_in(_loaded_after("import bmc_course")) == []


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_imports_no_ui_or_pandas(module: str) -> None:
    loaded = _loaded_after(f"import {module}")
    assert module in loaded
    assert _heavy_in(loaded) == []


@pytest.mark.parametrize(
    ("module", "not_loaded"),
    [
        ("bmc_course.charts.layered", ("pandas", "bmc_course.charts.cost_growth")),
        ("bmc_course.widgets.html_fragments", ("ipywidgets", "matplotlib", "pandas")),
        ("bmc_course.reports.export.markdown", ("matplotlib", "pandas")),
        ("bmc_course.reports.classroom.report_text", ("matplotlib", "pandas")),
        ("bmc_course.app.cli", ("matplotlib", "pandas", "ipywidgets")),
    ],
)
def test_package_faces_are_lazy(module: str, not_loaded: tuple[str, ...]) -> None:
    # A package's __init__ must not import its siblings (or their libraries) eagerly.
    loaded = _loaded_after(f"import {module}")
    assert module in loaded
    assert [name for name in not_loaded if name in loaded] == []


def test_class_html_report_loads_its_chart_and_nothing_of_the_learner_export() -> None:
    # The report embeds one chart (figure_data_uri comes from charts/, not from the learner's
    # export page, which would load the block picture and the cost charts); Jinja loads on render.
    loaded = _loaded_after("import bmc_course.reports.classroom.report_html")
    assert "bmc_course.charts.class_choices" in loaded
    not_wanted = (
        "bmc_course.reports.export.html_page",
        "bmc_course.charts.canvas_block_picture",
        "bmc_course.charts.cost_vs_revenue",
        "bmc_course.charts.cost_growth",
        "bmc_course.logic.canvas_block",
        "jinja2",
    )
    assert [name for name in not_wanted if name in loaded] == []
