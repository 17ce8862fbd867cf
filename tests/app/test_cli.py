"""``main`` itself, run in-process: version, help, usage errors, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bmc_course import __version__
from bmc_course.app.cli import main
from tests.support.cli_runner import run_cli


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_help_for_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ["start", "types", "cases", "check-content", "review"]:
        assert main([command, "--help"]) == 0
        assert "usage: bmc-course" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["review"],
        ["review", "--case", "no-such-case"],
        ["start", "--port", "99999"],
        ["start", "--port", "abc"],
        ["types", "--bogus"],
    ],
)
def test_bad_usage_exit_2(args: list[str]) -> None:
    _, err = run_cli(args, retcode=2)
    assert err.count("\n") == 1 and err.startswith("bmc-course: error:")


def test_broken_content_env_is_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "dimensions.toml").write_text("[", encoding="utf-8")
    monkeypatch.setenv("BMC_COURSE_CONTENT", str(tmp_path))
    _, err = run_cli(["types"], retcode=1)
    assert "dimensions.toml" in err
