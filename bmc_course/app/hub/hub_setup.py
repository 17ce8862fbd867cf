"""Turn the checked :class:`HubSettings` into JupyterHub configuration, then check the result.

:func:`load_into` is what the shipped ``jupyterhub_config.py`` calls. In order:
read the ``BMC_HUB_*`` variables, set JupyterHub up for the course, load the
teacher's own file (``BMC_HUB_LOCAL_CONFIG``) if any, and check the final
configuration against :mod:`bmc_course.app.hub.hub_safety`. Any problem stops
the hub with one line on stderr before anyone can log in.
"""

from __future__ import annotations

import grp
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import bmc_course
from bmc_course.app.hub.hub_safety import UnsafeHubConfig, check_hub_config, switches_user
from bmc_course.app.hub.hub_settings import HubSettings, HubSettingsError, read_settings
from bmc_course.app.hub.learner_folder import (
    LearnerFolderError,
    closed_to_others,
    learner_account,
    make_learner_folder,
)
from bmc_course.app.hub.singleuser import WORKSPACE_ENV_VAR

SPAWNER_CLASSES = {
    "local": "localprocess",
    "simple": "simple",
    "systemd": "systemdspawner.SystemdSpawner",
}
# The spawners whose learners' servers run on this machine, with this Python.
LOCAL_SPAWNERS = frozenset(SPAWNER_CLASSES)
DB_FILE = "jupyterhub.sqlite"
COOKIE_SECRET_FILE = "jupyterhub_cookie_secret"  # noqa: S105 -- a file name, not a secret
PROXY_PID_FILE = "jupyterhub-proxy.pid"
# ``npm install --prefix "$BMC_HUB_STATE/proxy" configurable-http-proxy`` puts it here.
PROXY_IN_STATE = Path("proxy") / "node_modules" / ".bin" / "configurable-http-proxy"
IDLE_CULLER = "idle-culler"
IDLE_CULLER_SCOPES = ["list:users", "read:users:activity", "read:servers", "delete:servers"]
SPAWN_TIMEOUT = 120  # seconds: at the start of a lesson, a whole class logs in at once
KERNEL_CULL_INTERVAL = 60  # seconds between two looks for idle kernels


class HubRefused(Exception):
    """The hub must not start as configured; the message is one line."""


def load_into(config: Any, load_subconfig: Callable[[str], None]) -> None:
    """Configure ``config`` from the environment; exit with one line if unsafe (config file use)."""
    try:
        configure_hub(config, load_subconfig=load_subconfig, env=os.environ)
    except HubRefused as error:
        sys.exit(f"bmc-course hub: refusing to start: {error}")


def configure_hub(
    config: Any,
    *,
    load_subconfig: Callable[[str], None],
    env: Mapping[str, str],
    running_as_root: bool | None = None,
) -> HubSettings:
    """Set ``config`` up for the course from ``env``, load the local file, check; return settings.

    Raises :class:`HubRefused` (one line) for a bad setting or an unsafe result.
    """
    root = _running_as_root() if running_as_root is None else running_as_root
    try:
        settings = read_settings(env)
        apply_settings(config, settings, running_as_root=root)
        if settings.local_config is not None:
            if not settings.local_config.is_file():
                raise HubRefused(f"BMC_HUB_LOCAL_CONFIG: {settings.local_config} is not a file")
            load_subconfig(str(settings.local_config))
        check_hub_config(config, running_as_root=root)
    except (HubSettingsError, UnsafeHubConfig, LearnerFolderError) as error:
        raise HubRefused(str(error)) from None
    return settings


def apply_settings(config: Any, settings: HubSettings, *, running_as_root: bool) -> None:
    """Write ``settings`` into ``config`` (a traitlets Config): network, state, login, servers."""
    config.JupyterHub.ip = settings.ip
    config.JupyterHub.port = settings.port
    config.JupyterHub.hub_ip = "127.0.0.1"
    if settings.ssl_cert is not None and settings.ssl_key is not None:
        config.JupyterHub.ssl_cert = str(settings.ssl_cert)
        config.JupyterHub.ssl_key = str(settings.ssl_key)
    _apply_login(config, settings)
    _apply_state(config, settings)
    _apply_servers(config, settings, running_as_root=running_as_root)
    _apply_idle_culler(config, settings)


def _apply_state(config: Any, settings: HubSettings) -> None:
    """The hub's database, cookie secret and proxy pid file, in the state folder (never the cwd)."""
    state = settings.state_dir
    try:
        state.mkdir(mode=0o700, parents=True, exist_ok=True)
        if state.stat().st_uid == os.geteuid():
            state.chmod(0o700)  # the database holds token hashes: the hub's user only
    except OSError as error:
        raise HubSettingsError(
            f"BMC_HUB_STATE: {state} cannot be made ({error.strerror or error})"
        ) from None
    config.JupyterHub.db_url = f"sqlite:///{state / DB_FILE}"
    config.JupyterHub.cookie_secret_file = str(state / COOKIE_SECRET_FILE)
    config.ConfigurableHTTPProxy.pid_file = str(state / PROXY_PID_FILE)
    proxy = settings.proxy_command or state / PROXY_IN_STATE
    if settings.proxy_command is not None and not proxy.is_file():
        raise HubSettingsError(f"BMC_HUB_PROXY: {proxy} is not a file")
    if proxy.is_file():  # otherwise JupyterHub looks for configurable-http-proxy on PATH
        config.ConfigurableHTTPProxy.command = [str(proxy)]


def _apply_login(config: Any, settings: HubSettings) -> None:
    config.Authenticator.allow_all = False
    config.Authenticator.admin_users = set(settings.admins)
    config.Authenticator.blocked_users = {"root"}
    if settings.auth == "pam":
        try:
            grp.getgrnam(settings.learner_group)
        except KeyError:
            raise HubSettingsError(
                f"BMC_HUB_GROUP: the group {settings.learner_group!r} does not exist; create it "
                f"(groupadd {settings.learner_group}) and add the learners' accounts to it"
            ) from None
        config.JupyterHub.authenticator_class = "pam"
        config.PAMAuthenticator.allowed_groups = {settings.learner_group}
    elif settings.auth == "shared-password":
        config.JupyterHub.authenticator_class = "shared-password"
        config.SharedPasswordAuthenticator.user_password = settings.shared_password
        config.Authenticator.allowed_users = set(settings.learners)


def _apply_servers(config: Any, settings: HubSettings, *, running_as_root: bool) -> None:
    """How each learner's server is started, what it may do, and what it may use."""
    config.Spawner.args = server_arguments(settings)
    config.Spawner.disable_user_config = True  # a learner's ~/.jupyter cannot switch terminals on
    config.Spawner.start_timeout = SPAWN_TIMEOUT
    config.Spawner.http_timeout = SPAWN_TIMEOUT
    # Enforced by the spawners that can (systemd, Docker, Kubernetes); the local ones
    # pass them on as MEM_LIMIT / CPU_LIMIT only.
    config.Spawner.mem_limit = settings.mem_limit
    config.Spawner.cpu_limit = settings.cpu_limit
    if settings.spawner not in LOCAL_SPAWNERS:
        return  # custom: BMC_HUB_LOCAL_CONFIG sets the spawner and the image that runs the course
    config.JupyterHub.spawner_class = SPAWNER_CLASSES[settings.spawner]
    if running_as_root and settings.spawner != "simple":
        _check_learners_can_run_the_course()
    config.Spawner.cmd = [sys.executable, "-m", "bmc_course.app.hub.singleuser"]
    config.Spawner.pre_spawn_hook = learner_folder_hook(settings, running_as_root=running_as_root)
    if settings.spawner == "simple":
        # its default home is /tmp/{username}: Jupyter's runtime files go to the workspace instead
        config.SimpleLocalProcessSpawner.home_dir_template = str(settings.users_root / "{username}")
    if settings.spawner == "systemd":
        config.SystemdSpawner.isolate_tmp = True
        config.SystemdSpawner.isolate_devices = True
        config.SystemdSpawner.disable_user_sudo = True


def server_arguments(settings: HubSettings) -> list[str]:
    """Options for every learner's server: terminals (off unless enabled) and kernel culling."""
    return [
        f"--ServerApp.terminals_enabled={settings.terminals}",
        f"--MappingKernelManager.cull_idle_timeout={settings.kernel_idle_minutes * 60}",
        f"--MappingKernelManager.cull_interval={KERNEL_CULL_INTERVAL}",
        # A tab left open keeps its kernel connected; it is culled all the same once idle.
        "--MappingKernelManager.cull_connected=True",
        "--MappingKernelManager.cull_busy=False",
    ]


def learner_programs() -> list[Path]:
    """What every learner's server runs: this Python, and the installed bmc-course."""
    return [Path(sys.executable), Path(bmc_course.__file__).parent]


def _check_learners_can_run_the_course() -> None:
    for program in learner_programs():
        closed = closed_to_others(program)
        if closed is not None:
            raise HubSettingsError(
                f"learners' servers run {program} as the learners' own accounts, but {closed} "
                "is closed to other accounts; install the hub into a venv every account may "
                "read, e.g. /usr/bin/python3 -m venv /opt/bmc-course-hub"
            )


def learner_folder_hook(settings: HubSettings, *, running_as_root: bool) -> Callable[[Any], None]:
    """The ``pre_spawn_hook``: make the learner's folder and tell their server where it is."""

    def make_folder(spawner: Any) -> None:
        if running_as_root and not switches_user(type(spawner)):
            raise HubRefused(
                f"{type(spawner).__name__} would run {spawner.user.name}'s server as root"
            )
        name = spawner.user.name
        owner = None
        if running_as_root:
            account = learner_account(name)
            owner = (account.pw_uid, account.pw_gid)
        folder = make_learner_folder(settings.users_root, name, owner=owner)
        spawner.environment = {**spawner.environment, WORKSPACE_ENV_VAR: str(folder)}

    return make_folder


def _apply_idle_culler(config: Any, settings: HubSettings) -> None:
    """jupyterhub-idle-culler stops learners' servers idle for ``server_idle_minutes``."""
    services = list(config.JupyterHub.get("services", []))
    services.append(
        {
            "name": IDLE_CULLER,
            "command": [
                sys.executable,
                "-m",
                "jupyterhub_idle_culler",
                f"--timeout={settings.server_idle_minutes * 60}",
            ],
        }
    )
    config.JupyterHub.services = services
    roles = list(config.JupyterHub.get("load_roles", []))
    roles.append({"name": IDLE_CULLER, "scopes": IDLE_CULLER_SCOPES, "services": [IDLE_CULLER]})
    config.JupyterHub.load_roles = roles


def _running_as_root() -> bool:
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0
