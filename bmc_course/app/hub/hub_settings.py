"""The hub's settings, read from ``BMC_HUB_*`` environment variables and checked at once.

Every setting has a safe default; a bad value is one :class:`HubSettingsError`
naming the variable, what it expects and what it found. Nothing here imports
JupyterHub: the settings are plain data, turned into JupyterHub configuration
by :mod:`bmc_course.app.hub.hub_setup`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# How learners log in. ``pam``: the machine's own accounts, each with its own
# password. ``shared-password``: one password for a quick demo (JupyterHub's
# SharedPasswordAuthenticator). ``custom``: the authenticator set in
# BMC_HUB_LOCAL_CONFIG (an OAuth or LTI login from the school).
AUTH_CHOICES = ("pam", "shared-password", "custom")
# Where learners' servers run. ``local``: as the learner's own account
# (LocalProcessSpawner); ``systemd``: the same in a systemd unit with enforced
# memory and CPU limits; ``simple``: as the hub's own account (demo only);
# ``custom``: the spawner set in BMC_HUB_LOCAL_CONFIG (DockerSpawner, ...).
SPAWNER_CHOICES = ("local", "systemd", "simple", "custom")
DEFAULT_SPAWNER = {"pam": "local", "shared-password": "simple", "custom": "custom"}

MIN_SHARED_PASSWORD = 8  # JupyterHub's SharedPasswordAuthenticator refuses shorter ones too
# A user name becomes a folder name: letters, digits and . _ - @ only, never starting with a dot.
USER_NAME = re.compile(r"[a-z0-9_][a-z0-9._@-]{0,63}")
MEMORY = re.compile(r"(\d+(?:\.\d+)?)([KMGT]?)")

# Kernels idle this long are shut down, even with their notebook still open in a
# tab: a learner who moved on leaves each earlier notebook's kernel (~80 MB)
# behind, and nothing else ever frees it. A learner who comes back runs the
# notebook again; every answer is in the progress file. The course's JupyterLab
# extension pauses a culled notebook (its widgets take no typing) until the
# learner clicks in it, which starts a kernel and runs it again; each pause costs
# the learner a few seconds, so the timeout is longer than a teacher's usual talk.
DEFAULT_KERNEL_IDLE_MINUTES = 20
# Learners' servers idle this long are stopped by jupyterhub-idle-culler;
# their work stays in their workspace and comes back at the next login.
DEFAULT_SERVER_IDLE_MINUTES = 60
DEFAULT_MEM_LIMIT = "1G"  # enforced by systemd / Docker / Kubernetes, not by the local spawners
DEFAULT_CPU_LIMIT = 1.0


class HubSettingsError(Exception):
    """A ``BMC_HUB_*`` variable has a value the hub cannot use; the message is one line."""


@dataclass(frozen=True)
class HubSettings:
    """Everything the shipped configuration needs to know, checked."""

    users_root: Path
    state_dir: Path
    ip: str
    port: int
    auth: str
    spawner: str
    learner_group: str
    admins: frozenset[str]
    learners: frozenset[str]
    shared_password: str | None
    terminals: bool
    kernel_idle_minutes: int
    server_idle_minutes: int
    mem_limit: str
    cpu_limit: float
    ssl_cert: Path | None
    ssl_key: Path | None
    proxy_command: Path | None
    local_config: Path | None


def read_settings(env: Mapping[str, str]) -> HubSettings:
    """The hub's settings from ``env`` (usually ``os.environ``); raise HubSettingsError if bad."""
    auth = _choice(env, "BMC_HUB_AUTH", AUTH_CHOICES, "pam")
    spawner = _choice(env, "BMC_HUB_SPAWNER", SPAWNER_CHOICES, DEFAULT_SPAWNER[auth])
    admins = _names(env, "BMC_HUB_ADMINS")
    learners = _names(env, "BMC_HUB_LEARNERS")
    password = env.get("BMC_HUB_PASSWORD") or None
    if auth == "shared-password":
        _check_shared_password_mode(password, admins, learners)
    elif password is not None:
        raise HubSettingsError(
            f"BMC_HUB_PASSWORD is set but BMC_HUB_AUTH is {auth!r}: a shared password is only "
            "used with BMC_HUB_AUTH=shared-password; unset it"
        )
    ssl_cert, ssl_key = _path(env, "BMC_HUB_SSL_CERT"), _path(env, "BMC_HUB_SSL_KEY")
    if (ssl_cert is None) != (ssl_key is None):
        raise HubSettingsError(
            "BMC_HUB_SSL_CERT and BMC_HUB_SSL_KEY go together: set both (HTTPS) or neither"
        )
    return HubSettings(
        users_root=_path(env, "BMC_HUB_USERS") or Path("/srv/bmc-course/users"),
        state_dir=_path(env, "BMC_HUB_STATE") or Path("/srv/bmc-course/hub"),
        ip=env.get("BMC_HUB_IP") or "127.0.0.1",
        port=_number(env, "BMC_HUB_PORT", 8000, low=1, high=65535),
        auth=auth,
        spawner=spawner,
        learner_group=env.get("BMC_HUB_GROUP") or "bmc-learners",
        admins=admins,
        learners=learners,
        shared_password=password,
        terminals=_switch(env, "BMC_HUB_TERMINALS"),
        kernel_idle_minutes=_number(
            env, "BMC_HUB_KERNEL_IDLE_MINUTES", DEFAULT_KERNEL_IDLE_MINUTES, low=1, high=24 * 60
        ),
        server_idle_minutes=_number(
            env, "BMC_HUB_SERVER_IDLE_MINUTES", DEFAULT_SERVER_IDLE_MINUTES, low=1, high=7 * 24 * 60
        ),
        mem_limit=_memory(env, "BMC_HUB_MEM_LIMIT", DEFAULT_MEM_LIMIT),
        cpu_limit=_cpus(env, "BMC_HUB_CPU_LIMIT", DEFAULT_CPU_LIMIT),
        ssl_cert=ssl_cert,
        ssl_key=ssl_key,
        proxy_command=_path(env, "BMC_HUB_PROXY"),
        local_config=_path(env, "BMC_HUB_LOCAL_CONFIG"),
    )


def check_user_name(name: str) -> None:
    """Refuse a user name that could not safely be a folder name (``..``, ``/``, a dot-file)."""
    if not USER_NAME.fullmatch(name):
        raise HubSettingsError(
            f"user name {name!r} cannot be a workspace folder: expected lower-case letters, "
            "digits and . _ - @ (at most 64), not starting with a dot or dash"
        )


def _check_shared_password_mode(
    password: str | None, admins: frozenset[str], learners: frozenset[str]
) -> None:
    if password is None:
        raise HubSettingsError(
            "BMC_HUB_AUTH=shared-password needs BMC_HUB_PASSWORD (at least "
            f"{MIN_SHARED_PASSWORD} characters); it is empty or unset"
        )
    if len(password) < MIN_SHARED_PASSWORD:
        raise HubSettingsError(
            f"BMC_HUB_PASSWORD must be at least {MIN_SHARED_PASSWORD} characters, "
            f"found {len(password)}"
        )
    if admins:
        raise HubSettingsError(
            "BMC_HUB_ADMINS is refused with a shared password: whoever knows it could log in "
            "as the teacher; use BMC_HUB_AUTH=pam (each account its own password) for admins"
        )
    if not learners:
        raise HubSettingsError(
            "BMC_HUB_AUTH=shared-password needs BMC_HUB_LEARNERS (the class's user names, "
            "comma-separated): nobody else may log in"
        )


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    value = env.get(name) or default
    if value not in choices:
        raise HubSettingsError(f"{name} must be one of {', '.join(choices)}; found {value!r}")
    return value


def _names(env: Mapping[str, str], name: str) -> frozenset[str]:
    names = frozenset(part.strip() for part in env.get(name, "").split(",") if part.strip())
    for user in names:
        try:
            check_user_name(user)
        except HubSettingsError as error:
            raise HubSettingsError(f"{name}: {error}") from None
    return names


def _path(env: Mapping[str, str], name: str) -> Path | None:
    value = env.get(name)
    return Path(value) if value else None


def _number(env: Mapping[str, str], name: str, default: int, *, low: int, high: int) -> int:
    text = env.get(name)
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise HubSettingsError(f"{name} must be a whole number; found {text!r}") from None
    if not low <= value <= high:
        raise HubSettingsError(f"{name} must be from {low} to {high}; found {value}")
    return value


def _switch(env: Mapping[str, str], name: str) -> bool:
    text = (env.get(name) or "0").lower()
    if text not in {"0", "1", "yes", "no", "true", "false"}:
        raise HubSettingsError(f"{name} must be 1 or 0 (yes or no); found {text!r}")
    return text in {"1", "yes", "true"}


def _memory(env: Mapping[str, str], name: str, default: str) -> str:
    text = (env.get(name) or default).upper()
    if not MEMORY.fullmatch(text):
        raise HubSettingsError(f"{name} must be a size such as 800M or 1G; found {text!r}")
    return text


def _cpus(env: Mapping[str, str], name: str, default: float) -> float:
    text = env.get(name)
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        raise HubSettingsError(
            f"{name} must be a number of cores such as 1 or 0.5; found {text!r}"
        ) from None
    if not 0.1 <= value <= 64:
        raise HubSettingsError(f"{name} must be from 0.1 to 64 cores; found {value}")
    return value
