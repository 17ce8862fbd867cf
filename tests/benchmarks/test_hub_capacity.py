"""The capacity model of benchmarks/hub_capacity.py (the measuring run needs root and a hub:
it is run by hand, see docs/teaching-with-jupyterhub.md)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "hub_capacity.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hub_capacity", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["hub_capacity"] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def test_memory_bounds_a_machine_when_the_cpu_would_allow_more(bench: ModuleType) -> None:
    rows = bench.capacity(
        hub_mb=200, learner_mb=200, kernel_mb=100, start_cpu_s=4, notebook_cpu_s=2
    )
    assert [row["cores"] for row in rows] == [8, 16, 32]
    eight = rows[0]
    # (8 * 4 * 1024 - 2048 - 200) / (200 + 2 * 100) = 76.3
    assert eight["by_memory"] == 76
    # 8 cores * 120 s / (4 + 2) CPU-s = 160
    assert eight["by_class_start"] == 160
    # 8 * 0.7 * 300 / 2 = 840
    assert eight["by_lesson"] == 840
    assert eight["learners"] == 76


def test_a_slow_start_bounds_a_machine_when_memory_would_allow_more(bench: ModuleType) -> None:
    rows = bench.capacity(
        hub_mb=200, learner_mb=100, kernel_mb=50, start_cpu_s=20, notebook_cpu_s=4
    )
    # 8 * 120 / 24 = 40 learners can start within two minutes; memory would allow 152
    assert rows[0]["by_class_start"] == 40
    assert rows[0]["learners"] == 40


def test_the_summary_takes_medians_and_a_kernels_share(bench: ModuleType) -> None:
    memory = bench.Memory

    def learner(name: str, idle: float, ten: float, after: float) -> object:
        notebooks = {f"{i:02d}": 2.0 for i in range(10)}
        return bench.LearnerFigures(
            name, 1.0, 4.0, memory(idle, idle, 1), notebooks, memory(ten, ten, 11),
            memory(after, after, 2),
        )  # fmt: skip

    results = [
        learner("a", 100, 1100, 200),
        learner("b", 120, 1120, 220),
        learner("c", 110, 1110, 210),
    ]
    report = bench.summarise(memory(150, 160, 3), memory(180, 190, 3), 12.0, results)
    assert report["median"]["after_culling_pss_mb"] == 210
    assert report["median"]["kernel_pss_mb"] == 100.0  # (1110 - 110) / 10 notebooks
    assert report["median"]["notebook_cpu_s"] == 2.0
    # (32768 - 2048 - 180) / (210 + 2 * 100) = 74.5
    assert report["capacity"][0]["learners"] == 74
