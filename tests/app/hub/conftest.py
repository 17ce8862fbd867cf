"""Hub tests configure a hub as root, where the hub checks that learners' accounts can run its
Python and bmc-course. This test run's own Python may live where they cannot (pyenv under
/root, mode 700), so these tests point that check at programs every account may run; the
check itself is tested on folders made for it (test_learner_folder, test_hub_setup)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bmc_course.app.hub import hub_setup

OPEN_TO_ALL = [Path("/usr/bin/env"), Path("/usr/lib")]


@pytest.fixture(autouse=True)
def learners_can_run_the_course(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hub_setup, "learner_programs", lambda: OPEN_TO_ALL)
