"""What a learner costs on a class hub, and how many learners a machine holds.

Starts the shipped hub configuration as the doc does (root, PAM accounts, each
learner's server as their own account; tests/hub/class_hub.py), then:

1. the hub and its proxy, idle;
2. LEARNERS learners log in at once; time until every server answers, CPU
   seconds each server took to start, memory of an idle server;
3. each learner works through all ten notebooks, as "Run All" does: a kernel
   per notebook (opened as JupyterLab opens it) runs every code cell, and the
   notebook is left open, as in a tab nobody closes. Memory then ("no culling":
   what the hub held before this configuration), and CPU seconds per notebook;
4. the kernel culler's turn: the learner keeps working in the last notebook
   while the others fall idle; once they are culled, memory again ("with
   culling": what a learner costs after working through the course).

Memory is PSS (each process's unique memory plus its share of what it shares:
what the machine really gives), with RSS beside it. Then a capacity table for
8/16/32-core machines from these figures (the model is in :func:`capacity`).
Needs root and configurable-http-proxy (as the class-hub tests). Usage::

    .venv/bin/python benchmarks/hub_capacity.py [--learners 4] [--cull-after-minutes 1] [--json]
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bmc_course.app.hub.hub_check import HubSession  # noqa: E402
from bmc_course.model.paths import notebooks_dir  # noqa: E402
from tests.hub.class_hub import missing_requirement, running_class_hub  # noqa: E402

MB = 1024 * 1024
NOTEBOOKS = sorted(path.name for path in notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
# Machines of the table: cores, with 4 GB of memory per core (the common cloud ratio).
MACHINES = (8, 16, 32)
GB_PER_CORE = 4
SYSTEM_RESERVE_MB = 2048  # the operating system, page cache for the course files, headroom
# Planning assumptions for CPU (stated with the table):
CLASS_START_SECONDS = 120  # the whole class logs in and runs notebook 00 within two minutes
NOTEBOOK_EVERY_SECONDS = 300  # during the lesson, a learner opens the next notebook every 5 min
CPU_TARGET = 0.7  # keep cores at most 70% busy on average
# Kernels a learner holds beyond the one they work in: those of the notebooks they
# left within the kernel idle timeout (20 min) and did not close. At a notebook
# every 5-10 minutes, two.
KERNELS_NOT_YET_CULLED = 2


@dataclass
class Memory:
    pss_mb: float
    rss_mb: float
    processes: int


@dataclass
class LearnerFigures:
    name: str
    ready_seconds: float
    server_start_cpu_s: float
    idle_server: Memory
    notebook_cpu_s: dict[str, float]
    all_ten_open: Memory
    after_culling: Memory


def memory_of(processes: Iterable[psutil.Process]) -> Memory:
    pss = rss = 0
    count = 0
    for process in processes:
        try:
            info = process.memory_full_info()
        except psutil.Error:
            continue
        pss += info.pss
        rss += info.rss
        count += 1
    return Memory(round(pss / MB, 1), round(rss / MB, 1), count)


def processes_of(user: str) -> list[psutil.Process]:
    return [p for p in psutil.process_iter(["username"]) if p.info["username"] == user]


def cpu_seconds(processes: Iterable[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def code_cells(notebook: str) -> list[str]:
    data = json.loads((notebooks_dir() / notebook).read_text(encoding="utf-8"))
    return ["".join(cell["source"]) for cell in data["cells"] if cell["cell_type"] == "code"]


def work_through_course(session: HubSession) -> tuple[dict[str, float], str]:
    """Open every notebook as a tab (a kernel each) and run all its cells; keep them open."""
    spent: dict[str, float] = {}
    kernel = ""
    for notebook in NOTEBOOKS:
        before = cpu_seconds(processes_of(session.name))
        kernel = session.start_kernel(notebook)
        for code in code_cells(notebook):
            session.run_code(kernel, code)
        spent[notebook] = round(cpu_seconds(processes_of(session.name)) - before, 2)
    return spent, kernel


def keep_busy(session: HubSession, kernel: str, stop: threading.Event) -> None:
    """The learner goes on working in the last notebook (a click every few seconds)."""
    while not stop.wait(5):
        session.run_code(kernel, "1 + 1")


def kernels_left(session: HubSession) -> int:
    return len(session.api("kernels"))


def measure_learner(session: HubSession, cull_after: int) -> LearnerFigures:
    ready = session.wait_for_server()
    start_cpu = cpu_seconds(processes_of(session.name))
    time.sleep(3)
    idle = memory_of(processes_of(session.name))
    notebook_cpu, last_kernel = work_through_course(session)
    all_open = memory_of(processes_of(session.name))
    stop = threading.Event()
    worker = threading.Thread(target=keep_busy, args=(session, last_kernel, stop), daemon=True)
    worker.start()
    deadline = time.monotonic() + cull_after + 90  # the culler looks once a minute
    while kernels_left(session) > 1 and time.monotonic() < deadline:
        time.sleep(2)
    time.sleep(2)
    after = memory_of(processes_of(session.name))
    stop.set()
    worker.join()
    return LearnerFigures(
        session.name,
        round(ready, 1),
        round(start_cpu, 2),
        idle,
        notebook_cpu,
        all_open,
        after,
    )


def capacity(
    *,
    hub_mb: float,
    learner_mb: float,
    kernel_mb: float,
    start_cpu_s: float,
    notebook_cpu_s: float,
) -> list[dict[str, int]]:
    """Learners per machine: the smallest of what memory, the class start and the lesson allow.

    * memory: (RAM - system reserve - hub) / (a learner after culling + the
      kernels of the notebooks they left and that are not culled yet);
    * class start: everyone's server start + first notebook within
      CLASS_START_SECONDS on all cores;
    * lesson: one notebook per learner every NOTEBOOK_EVERY_SECONDS keeps the
      cores at most CPU_TARGET busy.
    """
    rows = []
    for cores in MACHINES:
        ram_mb = cores * GB_PER_CORE * 1024
        learner_plan_mb = learner_mb + KERNELS_NOT_YET_CULLED * kernel_mb
        by_memory = (ram_mb - SYSTEM_RESERVE_MB - hub_mb) / learner_plan_mb
        by_start = cores * CLASS_START_SECONDS / (start_cpu_s + notebook_cpu_s)
        by_lesson = cores * CPU_TARGET * NOTEBOOK_EVERY_SECONDS / notebook_cpu_s
        rows.append(
            {
                "cores": cores,
                "ram_gb": cores * GB_PER_CORE,
                "by_memory": int(by_memory),
                "by_class_start": int(by_start),
                "by_lesson": int(by_lesson),
                "learners": int(min(by_memory, by_start, by_lesson)),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=4, help="learners logging in at once")
    parser.add_argument(
        "--cull-after-minutes",
        type=int,
        default=1,
        help="idle minutes before a kernel is culled, for this run (shipped default: 10)",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    missing = missing_requirement()
    if missing:
        print(f"cannot run: {missing}", file=sys.stderr)
        return 1
    report = measure_class(args.learners, args.cull_after_minutes)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0


def hub_memory(hub_pid: int) -> Memory:
    """The hub, its proxy and its culler (root's processes; learners' servers are theirs)."""
    hub = psutil.Process(hub_pid)
    return memory_of(p for p in [hub, *hub.children()] if p.username() == "root")


def in_threads(work: list[Callable[[], None]]) -> None:
    """Run each piece of work in its own thread, all at once; re-raise the first failure."""
    errors: list[BaseException] = []

    def guarded(piece: Callable[[], None]) -> None:
        try:
            piece()
        except BaseException as error:  # reported below, after every thread ends
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(piece,)) for piece in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def measure_class(learners: int, cull_after_minutes: int) -> dict[str, Any]:
    """Start a hub, log ``learners`` in at once, measure each working through the course."""
    culling = {"BMC_HUB_KERNEL_IDLE_MINUTES": str(cull_after_minutes)}
    with running_class_hub(learners=learners, env=culling) as hub:
        hub_idle = hub_memory(hub.process_id)
        sessions = [HubSession(hub.url, learner) for learner in hub.learners]
        started = time.monotonic()
        in_threads([session.log_in for session in sessions])
        for session in sessions:
            session.wait_for_server()
        all_ready = time.monotonic() - started
        results: list[LearnerFigures] = []

        def measure(session: HubSession) -> None:
            results.append(measure_learner(session, cull_after_minutes * 60))

        in_threads([functools.partial(measure, session) for session in sessions])
        hub_after = hub_memory(hub.process_id)
    return summarise(hub_idle, hub_after, all_ready, results)


def summarise(
    hub_idle: Memory, hub_after: Memory, all_ready: float, results: list[LearnerFigures]
) -> dict[str, Any]:
    def median(values: list[float]) -> float:
        ordered = sorted(values)
        middle = len(ordered) // 2
        return (
            ordered[middle]
            if len(ordered) % 2
            else round((ordered[middle - 1] + ordered[middle]) / 2, 2)
        )

    after = median([r.after_culling.pss_mb for r in results])
    idle = median([r.idle_server.pss_mb for r in results])
    all_open = median([r.all_ten_open.pss_mb for r in results])
    kernel = round((all_open - idle) / len(NOTEBOOKS), 1)
    start_cpu = median([r.server_start_cpu_s for r in results])
    notebook_cpu = median([sum(r.notebook_cpu_s.values()) / len(NOTEBOOKS) for r in results])
    return {
        "learners": len(results),
        "all_ready_seconds": round(all_ready, 1),
        "hub_idle": asdict(hub_idle),
        "hub_with_learners": asdict(hub_after),
        "per_learner": [asdict(r) for r in results],
        "median": {
            "idle_server_pss_mb": idle,
            "all_ten_open_pss_mb": all_open,
            "after_culling_pss_mb": after,
            "kernel_pss_mb": kernel,
            "server_start_cpu_s": start_cpu,
            "notebook_cpu_s": round(notebook_cpu, 2),
        },
        "capacity": capacity(
            hub_mb=hub_after.pss_mb,
            learner_mb=after,
            kernel_mb=kernel,
            start_cpu_s=start_cpu,
            notebook_cpu_s=notebook_cpu,
        ),
    }


def print_report(report: dict[str, Any]) -> None:
    m = report["median"]
    print(f"{report['learners']} learners logged in at once: all servers ready in "
          f"{report['all_ready_seconds']} s")  # fmt: skip
    print(f"hub + proxy + culler: {report['hub_idle']['pss_mb']} MB idle, "
          f"{report['hub_with_learners']['pss_mb']} MB with the class")  # fmt: skip
    print(f"learner (median, PSS): idle server {m['idle_server_pss_mb']} MB; all ten notebooks "
          f"open {m['all_ten_open_pss_mb']} MB; after culling {m['after_culling_pss_mb']} MB; "
          f"a kernel {m['kernel_pss_mb']} MB")  # fmt: skip
    print(f"CPU: server start {m['server_start_cpu_s']} s; a notebook (kernel + Run All) "
          f"{m['notebook_cpu_s']} s")  # fmt: skip
    for r in report["per_learner"]:
        print(f"  {r['name']}: ready {r['ready_seconds']} s, RSS idle "
              f"{r['idle_server']['rss_mb']} / ten open {r['all_ten_open']['rss_mb']} / "
              f"culled {r['after_culling']['rss_mb']} MB")  # fmt: skip
    print("cores  RAM GB  by memory  by class start  by lesson  learners")
    for row in report["capacity"]:
        print(f"{row['cores']:>5}  {row['ram_gb']:>6}  {row['by_memory']:>9}  "
              f"{row['by_class_start']:>14}  {row['by_lesson']:>9}  {row['learners']:>8}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
