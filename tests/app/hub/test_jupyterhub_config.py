"""The shipped config file, loaded exactly as JupyterHub loads it (traitlets' file loader)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

# Found, not imported: the file only runs inside JupyterHub's loader (get_config, load_subconfig).
SPEC = importlib.util.find_spec("bmc_course.app.hub.jupyterhub_config")
assert SPEC is not None and SPEC.origin is not None
CONFIG_FILE = Path(SPEC.origin)


def load(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], *, uid: int) -> Config:
    for name in list(os.environ):
        if name.startswith("BMC_HUB_"):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(os, "geteuid", lambda: uid)
    loader = PyFileConfigLoader(CONFIG_FILE.name, path=str(CONFIG_FILE.parent))
    loaded: Config = loader.load_config()
    return loaded


@pytest.fixture
def hub_env(tmp_path: Path) -> dict[str, str]:
    return {
        "BMC_HUB_USERS": str(tmp_path / "users"),
        "BMC_HUB_STATE": str(tmp_path / "state"),
        "BMC_HUB_GROUP": "users",
    }


def test_it_loads_as_a_pam_hub_run_by_root(
    monkeypatch: pytest.MonkeyPatch, hub_env: dict[str, str]
) -> None:
    config = load(monkeypatch, hub_env, uid=0)
    assert config.JupyterHub.authenticator_class == "pam"
    assert config.JupyterHub.spawner_class == "localprocess"
    assert callable(config.Spawner.pre_spawn_hook)


def test_learners_as_root_stop_the_hub_with_one_line(
    monkeypatch: pytest.MonkeyPatch, hub_env: dict[str, str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        load(monkeypatch, {**hub_env, "BMC_HUB_SPAWNER": "simple"}, uid=0)
    message = str(stopped.value.code)
    assert message.startswith("bmc-course hub: refusing to start: the hub runs as root")
    assert "\n" not in message


def test_a_short_shared_password_stops_the_hub(
    monkeypatch: pytest.MonkeyPatch, hub_env: dict[str, str]
) -> None:
    env = {
        **hub_env,
        "BMC_HUB_AUTH": "shared-password",
        "BMC_HUB_PASSWORD": "1234567",
        "BMC_HUB_LEARNERS": "alice",
    }
    with pytest.raises(SystemExit, match="at least 8 characters, found 7"):
        load(monkeypatch, env, uid=1000)


def test_the_teachers_own_file_cannot_undo_the_rules(
    monkeypatch: pytest.MonkeyPatch, hub_env: dict[str, str], tmp_path: Path
) -> None:
    local = tmp_path / "local_config.py"
    local.write_text(
        "c.JupyterHub.spawner_class = 'simple'\nc.Authenticator.allow_all = True\n",
        encoding="utf-8",
    )
    with pytest.raises(SystemExit) as stopped:
        load(monkeypatch, {**hub_env, "BMC_HUB_LOCAL_CONFIG": str(local)}, uid=0)
    assert "as root" in str(stopped.value.code)
    assert "allow_all" in str(stopped.value.code)


def test_the_teachers_own_file_can_change_safe_settings(
    monkeypatch: pytest.MonkeyPatch, hub_env: dict[str, str], tmp_path: Path
) -> None:
    local = tmp_path / "local_config.py"
    local.write_text("c.JupyterHub.concurrent_spawn_limit = 30\n", encoding="utf-8")
    config = load(monkeypatch, {**hub_env, "BMC_HUB_LOCAL_CONFIG": str(local)}, uid=0)
    assert config.JupyterHub.concurrent_spawn_limit == 30
