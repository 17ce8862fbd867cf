"""The rules a hub configuration must pass before any learner may log in.

Checked on the *final* configuration (after the teacher's own
``BMC_HUB_LOCAL_CONFIG``), so no later line can quietly undo them:

* learners' servers never run as root: a hub running as root needs a spawner
  that switches to the learner's own account or container;
* nobody gets in without an identity: no dummy authenticator, no
  ``allow_all``, no shared password shorter than 8 characters;
* no ``--allow-root`` handed to learners' servers.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Any

# Spawners that start each learner's server as that learner's own account or in
# their own container. Matched by class name along the MRO, so subclasses count
# and the optional packages need not be installed to read this list.
USER_SWITCHING_SPAWNERS = frozenset(
    {"LocalProcessSpawner", "SystemdSpawner", "SudoSpawner", "DockerSpawner", "KubeSpawner"}
)
# Subclasses of the above that do *not* switch: every server runs as the hub's own user.
SHARED_ACCOUNT_SPAWNERS = frozenset({"SimpleLocalProcessSpawner"})
JUPYTERHUB_DEFAULT_SPAWNER = "localprocess"
JUPYTERHUB_DEFAULT_AUTHENTICATOR = "pam"
MIN_SHARED_PASSWORD = 8


class UnsafeHubConfig(Exception):
    """The configuration breaks a safety rule; the message is one line saying which and why."""


def resolve_class(value: object, group: str) -> type[Any]:
    """The class a JupyterHub ``*_class`` setting names: a class, an entry-point alias
    (``"simple"``, ``"pam"``) or a dotted name (``"dockerspawner.DockerSpawner"``)."""
    if isinstance(value, type):
        return value
    name = str(value)
    for point in entry_points(group=group):
        if point.name == name:
            loaded: type[Any] = point.load()
            return loaded
    module_name, _, class_name = name.rpartition(".")
    try:
        found: type[Any] = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError, ValueError):
        raise UnsafeHubConfig(
            f"cannot load {name!r} ({group}): is its package installed in the hub's Python?"
        ) from None
    return found


def switches_user(spawner: type[Any]) -> bool:
    """Whether ``spawner`` starts each server as the learner's own account or container."""
    names = {cls.__name__ for cls in spawner.__mro__}
    return not names & SHARED_ACCOUNT_SPAWNERS and bool(names & USER_SWITCHING_SPAWNERS)


def check_hub_config(config: Any, *, running_as_root: bool) -> None:
    """Raise :class:`UnsafeHubConfig` if ``config`` (a traitlets Config) breaks a rule."""
    reasons = unsafe_reasons(config, running_as_root=running_as_root)
    if reasons:
        raise UnsafeHubConfig("; ".join(reasons))


def unsafe_reasons(config: Any, *, running_as_root: bool) -> list[str]:
    """Every safety rule ``config`` breaks, one short sentence each (empty: safe)."""
    reasons: list[str] = []
    spawner = resolve_class(
        config.JupyterHub.get("spawner_class", JUPYTERHUB_DEFAULT_SPAWNER), "jupyterhub.spawners"
    )
    authenticator = resolve_class(
        config.JupyterHub.get("authenticator_class", JUPYTERHUB_DEFAULT_AUTHENTICATOR),
        "jupyterhub.authenticators",
    )
    if running_as_root and not switches_user(spawner):
        reasons.append(
            f"the hub runs as root and {spawner.__name__} would start every learner's server "
            "as root too; use a spawner that switches to the learner's own account or container "
            "(BMC_HUB_SPAWNER=local or systemd with PAM accounts, or DockerSpawner/KubeSpawner)"
        )
    auth_names = {cls.__name__ for cls in authenticator.__mro__}
    if "DummyAuthenticator" in auth_names:
        reasons.append(
            "the dummy authenticator lets anyone in as anyone; use PAM accounts, "
            "an OAuth/LTI login or (for a short demo) BMC_HUB_AUTH=shared-password"
        )
    for section in _authenticator_sections(config):
        if config[section].get("allow_all") is True:
            reasons.append(
                f"{section}.allow_all lets anyone who can log in create an account; "
                "allow learners by group or by name instead"
            )
    if "SharedPasswordAuthenticator" in auth_names:
        password = config.SharedPasswordAuthenticator.get("user_password") or ""
        if len(password) < MIN_SHARED_PASSWORD:
            reasons.append(
                f"the shared password must be at least {MIN_SHARED_PASSWORD} characters, "
                f"found {len(password)}"
            )
    args = [str(arg) for arg in config.Spawner.get("args", [])]
    if any("allow_root" in arg or "allow-root" in arg for arg in args):
        reasons.append("Spawner.args must not let learners' servers run as root (allow_root)")
    return reasons


def _authenticator_sections(config: Any) -> list[str]:
    return sorted(name for name in config if name.endswith("Authenticator"))
