"""Class summary speed: 1,000 and 10,000 submissions against a bare json.load loop, same run.

The floor reads the same files with nothing but ``open`` + ``json.load``. The
summary does everything ``bmc-course class-summary`` does on a terminal
except printing the summary: walk the folder, read and validate every file
(with the progress bar drawn into memory), check ids against the catalog,
keep one submission per learner, run the checks, count. Goal: at most 3x the
floor, and linear (10x the files, about 10x the time).
Usage::

    .venv/bin/python benchmarks/bench_class_summary.py [--sizes 1000 10000] [--json]
"""

from __future__ import annotations

import argparse
import functools
import gc
import io
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bmc_course.model.catalog import Catalog, load_catalog  # noqa: E402
from bmc_course.reports.classroom.intake import read_folder  # noqa: E402
from bmc_course.reports.classroom.progress_bar import TerminalProgress  # noqa: E402
from bmc_course.reports.classroom.summary import ClassSummary, summarise  # noqa: E402
from tests.support.classroom_corpus import write_class  # noqa: E402

GOAL_RATIO = 3.0


def bare_loop(folder: Path) -> int:
    count = 0
    for path in sorted(folder.rglob("*.json")):
        with path.open("rb") as handle:
            json.load(handle)
        count += 1
    return count


class _Terminal(io.StringIO):
    """A terminal as far as the progress bar can tell, kept in memory."""

    def isatty(self) -> bool:
        return True


def summary_on_a_terminal(folder: Path, catalog: Catalog) -> ClassSummary:
    with TerminalProgress(_Terminal(), "reading submissions") as progress:
        return summarise(read_folder(folder, catalog, progress=progress), catalog)


def timed(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5, help="runs per size (best is kept)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    catalog = load_catalog()
    root = Path(tempfile.mkdtemp(prefix="bmc-bench-class-"))
    results = []
    try:
        for size in args.sizes:
            folder = root / str(size)
            write_class(folder, catalog, valid=size, with_broken=False)
            floors, summaries = [], []
            for _ in range(args.repeat + 1):  # the first round warms the disk cache; dropped
                # interleaved, so a busy moment on the machine hits both alike
                floors.append(timed(functools.partial(bare_loop, folder)))
                summaries.append(timed(functools.partial(summary_on_a_terminal, folder, catalog)))
            floor, summary = min(floors[1:]), min(summaries[1:])
            results.append(
                {"files": size, "floor_s": floor, "summary_s": summary, "ratio": summary / floor}
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if len(results) > 1:
        first, last = results[0], results[-1]
        growth = (last["summary_s"] / first["summary_s"]) / (last["files"] / first["files"])
    else:
        growth = 1.0
    if args.json:
        print(json.dumps({"results": results, "growth_per_file": growth}, indent=2))
    else:
        for r in results:
            print(
                f"{r['files']:>6} files: json.load loop {r['floor_s']:.3f} s, "
                f"class summary {r['summary_s']:.3f} s "
                f"({1e6 * r['summary_s'] / r['files']:.0f} µs a file), "
                f"ratio {r['ratio']:.2f} (goal <= {GOAL_RATIO})"
            )
        print(f"time per file, largest vs smallest size: {growth:.2f} (1.00 = linear)")
    return 0 if all(r["ratio"] <= GOAL_RATIO for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
