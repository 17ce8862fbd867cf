"""The lazy package faces (PEP 562): every public name resolves, and nothing loads before it is used."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

LAZY_PACKAGES = ("bmc_course.charts", "bmc_course.widgets", "bmc_course.reports.export")


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_every_public_name_resolves_to_its_module(package: str) -> None:
    face = importlib.import_module(package)
    assert face.__all__, "a face with no names would make this test pass vacuously"
    for name in face.__all__:
        value = getattr(face, name)
        assert getattr(value, "__module__", package).startswith(package), name
    assert sorted(face.__all__) == [name for name in dir(face) if not name.startswith("_")]


def test_an_unknown_name_is_an_attribute_error() -> None:
    charts = importlib.import_module("bmc_course.charts")
    with pytest.raises(AttributeError, match="has no attribute 'plot_nothing'"):
        _ = charts.plot_nothing


def test_a_face_imports_nothing_until_a_name_is_used() -> None:
    code = (
        "import sys, bmc_course.charts as c\n"
        "before = 'bmc_course.charts.cost_growth' in sys.modules\n"
        "c.plot_cost_growth\n"
        "print(before, 'bmc_course.charts.cost_growth' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]
