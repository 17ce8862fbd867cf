"""From BMC_HUB_* settings to a JupyterHub configuration, checked after the teacher's own file."""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from traitlets.config import Config

from bmc_course.app.hub import hub_setup
from bmc_course.app.hub.hub_settings import read_settings
from bmc_course.app.hub.hub_setup import HubRefused, configure_hub, learner_folder_hook
from bmc_course.app.hub.singleuser import WORKSPACE_ENV_VAR


def no_local_file(path: str) -> None:
    raise AssertionError(f"no local config expected, got {path}")


def base_env(tmp_path: Path) -> dict[str, str]:
    return {
        "BMC_HUB_USERS": str(tmp_path / "users"),
        "BMC_HUB_STATE": str(tmp_path / "state"),
        "BMC_HUB_GROUP": "users",  # a group every Debian system has
    }


def configured(
    env: dict[str, str],
    *,
    root: bool = True,
    load: Callable[[str], None] = no_local_file,
) -> Config:
    config = Config()
    configure_hub(config, load_subconfig=load, env=env, running_as_root=root)
    return config


def test_the_default_is_pam_accounts_each_server_as_its_learner(tmp_path: Path) -> None:
    config = configured(base_env(tmp_path))
    assert config.JupyterHub.authenticator_class == "pam"
    assert config.PAMAuthenticator.allowed_groups == {"users"}
    assert config.JupyterHub.spawner_class == "localprocess"
    assert config.Spawner.cmd == [sys.executable, "-m", "bmc_course.app.hub.singleuser"]
    assert config.JupyterHub.ip == "127.0.0.1"


def test_nobody_is_admin_unless_named_and_nobody_gets_in_unlisted(tmp_path: Path) -> None:
    config = configured(base_env(tmp_path))
    assert config.Authenticator.admin_users == set()
    assert config.Authenticator.allow_all is False
    assert "root" in config.Authenticator.blocked_users
    named = configured({**base_env(tmp_path), "BMC_HUB_ADMINS": "teacher"})
    assert named.Authenticator.admin_users == {"teacher"}


def test_terminals_are_off_and_idle_kernels_are_culled(tmp_path: Path) -> None:
    args = configured(base_env(tmp_path)).Spawner.args
    assert "--ServerApp.terminals_enabled=False" in args
    assert "--MappingKernelManager.cull_idle_timeout=1200" in args
    assert "--MappingKernelManager.cull_connected=True" in args
    enabled = configured({**base_env(tmp_path), "BMC_HUB_TERMINALS": "1"}).Spawner.args
    assert "--ServerApp.terminals_enabled=True" in enabled


def test_idle_servers_are_stopped_by_the_idle_culler(tmp_path: Path) -> None:
    config = configured({**base_env(tmp_path), "BMC_HUB_SERVER_IDLE_MINUTES": "30"})
    (service,) = config.JupyterHub.services
    assert service["command"][1:] == ["-m", "jupyterhub_idle_culler", "--timeout=1800"]
    (role,) = config.JupyterHub.load_roles
    assert role["services"] == ["idle-culler"]
    assert "delete:servers" in role["scopes"]


def test_the_hubs_state_lives_in_the_state_folder(tmp_path: Path) -> None:
    state = tmp_path / "state"
    proxy = state / "proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
    proxy.parent.mkdir(parents=True)
    proxy.write_text("", encoding="utf-8")
    config = configured(base_env(tmp_path))
    assert config.JupyterHub.db_url == f"sqlite:///{state / 'jupyterhub.sqlite'}"
    assert config.JupyterHub.cookie_secret_file == str(state / "jupyterhub_cookie_secret")
    assert config.ConfigurableHTTPProxy.pid_file == str(state / "jupyterhub-proxy.pid")
    assert config.ConfigurableHTTPProxy.command == [str(proxy)]
    assert state.stat().st_mode & 0o777 == 0o700


def test_https_is_set_from_the_certificate_and_key(tmp_path: Path) -> None:
    config = configured(
        {**base_env(tmp_path), "BMC_HUB_SSL_CERT": "/c/hub.crt", "BMC_HUB_SSL_KEY": "/c/hub.key"}
    )
    assert (config.JupyterHub.ssl_cert, config.JupyterHub.ssl_key) == ("/c/hub.crt", "/c/hub.key")


def test_a_shared_password_hub_is_refused_as_root(tmp_path: Path) -> None:
    env = {
        **base_env(tmp_path),
        "BMC_HUB_AUTH": "shared-password",
        "BMC_HUB_PASSWORD": "long-enough",
        "BMC_HUB_LEARNERS": "alice,bob",
    }
    with pytest.raises(HubRefused, match="as root"):
        configured(env, root=True)
    config = configured(env, root=False)
    assert config.SimpleLocalProcessSpawner.home_dir_template == str(
        tmp_path / "users" / "{username}"
    )
    assert config.JupyterHub.authenticator_class == "shared-password"
    assert config.Authenticator.allowed_users == {"alice", "bob"}
    assert config.SharedPasswordAuthenticator.user_password == "long-enough"  # noqa: S105 -- a test value


def test_a_missing_learners_group_says_how_to_make_it(tmp_path: Path) -> None:
    with pytest.raises(HubRefused, match="groupadd no-such-group-x7"):
        configured({**base_env(tmp_path), "BMC_HUB_GROUP": "no-such-group-x7"})


def test_the_teachers_file_is_loaded_then_checked(tmp_path: Path) -> None:
    local = tmp_path / "local.py"
    local.write_text("", encoding="utf-8")
    loaded: list[str] = []

    def open_the_door(path: str, config: Config) -> None:
        loaded.append(path)
        config.Authenticator.allow_all = True

    config = Config()
    with pytest.raises(HubRefused, match="allow_all"):
        configure_hub(
            config,
            load_subconfig=lambda path: open_the_door(path, config),
            env={**base_env(tmp_path), "BMC_HUB_LOCAL_CONFIG": str(local)},
            running_as_root=True,
        )
    assert loaded == [str(local)]


def test_a_missing_local_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(HubRefused, match="is not a file"):
        configured({**base_env(tmp_path), "BMC_HUB_LOCAL_CONFIG": str(tmp_path / "none.py")})


class LocalProcessSpawner:
    """Stands in for JupyterHub's (the hook only reads the class name, user and environment)."""

    def __init__(self, name: str) -> None:
        self.user = SimpleNamespace(name=name)
        self.environment: dict[str, Any] = {"KEEP": "1"}


class SimpleLocalProcessSpawner(LocalProcessSpawner):
    """Every server as the hub's own user."""


def test_the_hook_makes_the_folder_and_names_it_to_the_server(tmp_path: Path) -> None:
    settings = read_settings(base_env(tmp_path))
    spawner = LocalProcessSpawner("alice")
    learner_folder_hook(settings, running_as_root=False)(spawner)
    assert spawner.environment == {"KEEP": "1", WORKSPACE_ENV_VAR: str(tmp_path / "users/alice")}
    assert (tmp_path / "users" / "alice").is_dir()


def test_the_hook_refuses_a_server_as_root_even_if_the_config_changed_later(
    tmp_path: Path,
) -> None:
    settings = read_settings(base_env(tmp_path))
    with pytest.raises(HubRefused, match="as root"):
        learner_folder_hook(settings, running_as_root=True)(SimpleLocalProcessSpawner("alice"))
    with pytest.raises(Exception, match="never run as root"):
        learner_folder_hook(settings, running_as_root=True)(LocalProcessSpawner("root"))
    assert not (tmp_path / "users" / "root").exists()


def test_a_python_learners_cannot_run_stops_a_root_hub(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = Path(tempfile.mkdtemp(prefix="bmc-closed-"))
    try:
        closed.chmod(0o700)
        python = closed / "python3"
        python.write_text("", encoding="utf-8")
        monkeypatch.setattr(hub_setup, "learner_programs", lambda: [python])
        with pytest.raises(HubRefused, match=f"but {closed} is closed to other accounts"):
            configured(base_env(tmp_path), root=True)
        # a hub that is not root runs every server as itself: nothing to check
        env = {
            **base_env(tmp_path),
            "BMC_HUB_AUTH": "shared-password",
            "BMC_HUB_PASSWORD": "long-enough",
            "BMC_HUB_LEARNERS": "alice",
        }
        configured(env, root=False)
    finally:
        shutil.rmtree(closed)
