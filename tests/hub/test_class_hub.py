"""A class on a real hub: the shipped config, PAM accounts, each server as its learner.

Two learners log in with their own passwords (over HTTPS with a self-signed
certificate, as the doc shows for a lab); their servers start as their own
accounts; course code in each kernel saves to their own progress file; the
first cannot read the second's files from a kernel nor reach their server;
terminals are off; and the teacher's class summary reads both.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from bmc_course.app.hub.hub_check import CheckFailed, HubSession, Learner, display_name, run_check
from tests.hub.class_hub import RunningHub, missing_requirement, running_class_hub
from tests.support.cli_runner import run_cli

pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(missing_requirement() is not None, reason=str(missing_requirement())),
    pytest.mark.timeout(240),
]


@pytest.fixture(scope="module")
def hub() -> Iterator[RunningHub]:
    with running_class_hub(learners=2, https=True) as running:
        yield running


def test_two_learners_work_apart_and_the_teacher_reads_both(hub: RunningHub) -> None:
    alice, bob = hub.learners
    lines = run_check(hub.url, hub.users_root, hub.learners, cafile=hub.cafile)
    assert lines[0].startswith(f"{alice.name}: server ready")
    assert "terminals off" in lines[0] and "kernel as uid 0" not in lines[0]
    assert lines[2] == (
        f"{alice.name} cannot read {bob.name}'s folder or progress file, "
        "and gets HTTP 403 on their server"
    )
    for learner in hub.learners:
        folder = hub.users_root / learner.name
        assert folder.stat().st_mode & 0o077 == 0  # nobody else may even list it
        progress = json.loads((folder / "bmc-course-progress.json").read_text(encoding="utf-8"))
        assert progress["learner"] == display_name(learner.name)
    out, _ = run_cli(["class-summary", str(hub.users_root), "--include", "*.json", "--json"])
    summary = json.loads(out)
    assert summary["learners"] == 2
    assert sorted(row["learner"] for row in summary["learner_rows"]) == sorted(
        display_name(learner.name) for learner in hub.learners
    )


def test_a_wrong_password_gets_no_server(hub: RunningHub) -> None:
    alice = hub.learners[0]
    session = HubSession(hub.url, Learner(alice.name, "not-" + alice.password), cafile=hub.cafile)
    with pytest.raises(CheckFailed, match="login refused"):
        session.log_in()
