"""``bmc-course hub-config``: print, write, locate and check the shipped JupyterHub configuration."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bmc_course.app.hub import hub_setup
from tests.support.cli_runner import run_cli

SHIPPED = (
    Path(__file__).resolve().parents[3] / "bmc_course" / "app" / "hub" / "jupyterhub_config.py"
)


def test_path_names_the_file_inside_the_package() -> None:
    out, _ = run_cli(["hub-config", "--path"])
    assert Path(out.strip()) == SHIPPED


def test_it_prints_the_configuration() -> None:
    out, _ = run_cli(["hub-config"])
    assert out == SHIPPED.read_text(encoding="utf-8")


def test_it_writes_a_new_copy_and_never_replaces_one_silently(tmp_path: Path) -> None:
    target = tmp_path / "jupyterhub_config.py"
    out, _ = run_cli(["hub-config", "-o", str(target)])
    assert target.read_bytes() == SHIPPED.read_bytes()
    assert f"jupyterhub -f {target}" in out
    target.write_text("# mine\n", encoding="utf-8")
    _, err = run_cli(["hub-config", "-o", str(target)], retcode=1)
    assert "exists; add --force" in err
    assert target.read_text(encoding="utf-8") == "# mine\n"
    run_cli(["hub-config", "-o", str(target), "--force"])
    assert target.read_bytes() == SHIPPED.read_bytes()


def test_it_never_writes_into_a_folder(tmp_path: Path) -> None:
    _, err = run_cli(["hub-config", "-o", str(tmp_path)], retcode=1)
    assert "is a folder" in err


def test_force_alone_and_two_actions_are_usage_errors() -> None:
    _, err = run_cli(["hub-config", "--force"], retcode=2)
    assert "--force only goes with -o" in err
    _, err = run_cli(["hub-config", "--path", "--check"], retcode=2)
    assert "not allowed with" in err


def test_help_lists_the_settings(capsys: pytest.CaptureFixture[str]) -> None:
    run_cli(["hub-config", "--help"])
    out = capsys.readouterr().out
    assert "BMC_HUB_AUTH" in out and "BMC_HUB_LOCAL_CONFIG" in out


def hub_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **extra: str) -> None:
    # what learners' servers run must be open to their accounts (see tests/app/hub/conftest.py)
    monkeypatch.setattr(hub_setup, "learner_programs", lambda: [Path("/usr/bin/env")])
    for name in list(os.environ):
        if name.startswith("BMC_HUB_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("BMC_HUB_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("BMC_HUB_USERS", str(tmp_path / "users"))
    monkeypatch.setenv("BMC_HUB_GROUP", "users")
    for name, value in extra.items():
        monkeypatch.setenv(name, value)


def test_check_says_the_hub_would_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    hub_env(monkeypatch, tmp_path)
    out, _ = run_cli(["hub-config", "--check"])
    assert out.startswith("OK: the hub would start")
    assert "login: pam" in out
    assert f"sqlite:///{tmp_path / 'state' / 'jupyterhub.sqlite'}" in out


def test_check_gives_the_refusal_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    hub_env(monkeypatch, tmp_path, BMC_HUB_AUTH="shared-password", BMC_HUB_PASSWORD="short")  # noqa: S106 -- a test value
    _, err = run_cli(["hub-config", "--check"], retcode=1)
    assert err == (
        "bmc-course: error: refusing to start: BMC_HUB_PASSWORD must be at least 8 characters, "
        "found 5\n"
    )
