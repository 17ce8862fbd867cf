"""Importing the package and its pure modules must not pull in UI or data-frame libraries."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("matplotlib", "ipywidgets", "pandas", "IPython", "jupyterlab")
PURE_MODULES = (
    "bmc_course",
    "bmc_course.catalog",
    "bmc_course.checks",
    "bmc_course.submission",
    "bmc_course.assumption_plan",
    "bmc_course.canvas_block",
    "bmc_course.cli",
)


def _loaded_after(import_line: str) -> set[str]:
    code = f"{import_line}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout))


def test_import_bmc_course_is_light() -> None:
    loaded = _loaded_after("import bmc_course")
    assert not [name for name in HEAVY if name in loaded]


def test_pure_modules_import_no_ui_or_pandas() -> None:
    loaded = _loaded_after("\n".join(f"import {m}" for m in PURE_MODULES))
    assert set(PURE_MODULES) <= loaded
    assert not [name for name in HEAVY if name in loaded]
