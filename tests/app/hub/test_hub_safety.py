"""The safety rules, checked on a final JupyterHub configuration."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from traitlets.config import Config

from bmc_course.app.hub.hub_safety import (
    UnsafeHubConfig,
    check_hub_config,
    resolve_class,
    switches_user,
    unsafe_reasons,
)


def config(**sections: Mapping[str, object]) -> Config:
    made = Config()
    for section, values in sections.items():
        for key, value in values.items():
            made[section][key] = value
    return made


PAM_LOCAL = {"authenticator_class": "pam", "spawner_class": "localprocess"}


def test_pam_accounts_with_the_local_spawner_pass_as_root() -> None:
    assert unsafe_reasons(config(JupyterHub=PAM_LOCAL), running_as_root=True) == []


def test_jupyterhubs_own_defaults_pass_as_root() -> None:
    # PAM and LocalProcessSpawner are JupyterHub's defaults
    assert unsafe_reasons(Config(), running_as_root=True) == []


@pytest.mark.parametrize("spawner", ["simple", "jupyterhub.spawner.SimpleLocalProcessSpawner"])
def test_the_simple_spawner_is_refused_when_the_hub_is_root(spawner: str) -> None:
    hub = config(JupyterHub={**PAM_LOCAL, "spawner_class": spawner})
    with pytest.raises(UnsafeHubConfig, match="would start every learner's server as root"):
        check_hub_config(hub, running_as_root=True)
    assert unsafe_reasons(hub, running_as_root=False) == []


def test_only_user_switching_spawners_switch() -> None:
    local = resolve_class("localprocess", "jupyterhub.spawners")
    simple = resolve_class("simple", "jupyterhub.spawners")
    assert switches_user(local)
    assert not switches_user(simple)

    class DockerSpawner(simple):  # type: ignore[misc,valid-type]
        """Named like a container spawner, but still built on the simple one."""

    assert not switches_user(DockerSpawner)

    class KubeSpawner:
        """A container spawner (matched by name; the package need not be installed)."""

    assert switches_user(KubeSpawner)


def test_the_dummy_authenticator_is_refused() -> None:
    hub = config(JupyterHub={**PAM_LOCAL, "authenticator_class": "dummy"})
    assert any("dummy" in reason for reason in unsafe_reasons(hub, running_as_root=False))


@pytest.mark.parametrize("section", ["Authenticator", "PAMAuthenticator"])
def test_allow_all_is_refused(section: str) -> None:
    hub = config(JupyterHub=PAM_LOCAL, **{section: {"allow_all": True}})
    with pytest.raises(UnsafeHubConfig, match="allow_all"):
        check_hub_config(hub, running_as_root=True)


@pytest.mark.parametrize("password", [None, "", "short"])
def test_an_empty_or_short_shared_password_is_refused(password: str | None) -> None:
    hub = config(
        JupyterHub={"authenticator_class": "shared-password", "spawner_class": "simple"},
        SharedPasswordAuthenticator={"user_password": password},
    )
    with pytest.raises(UnsafeHubConfig, match="at least 8 characters"):
        check_hub_config(hub, running_as_root=False)


def test_a_long_shared_password_passes_when_not_root() -> None:
    hub = config(
        JupyterHub={"authenticator_class": "shared-password", "spawner_class": "simple"},
        SharedPasswordAuthenticator={"user_password": "eight-ch"},
    )
    assert unsafe_reasons(hub, running_as_root=False) == []


def test_allow_root_in_the_servers_arguments_is_refused() -> None:
    hub = config(JupyterHub=PAM_LOCAL, Spawner={"args": ["--ServerApp.allow_root=True"]})
    with pytest.raises(UnsafeHubConfig, match="allow_root"):
        check_hub_config(hub, running_as_root=False)


def test_every_broken_rule_is_named_on_one_line() -> None:
    hub = config(
        JupyterHub={"authenticator_class": "dummy", "spawner_class": "simple"},
        Authenticator={"allow_all": True},
    )
    with pytest.raises(UnsafeHubConfig) as error:
        check_hub_config(hub, running_as_root=True)
    message = str(error.value)
    assert "\n" not in message
    assert "as root" in message and "dummy" in message and "allow_all" in message


def test_an_unknown_class_is_one_clear_error() -> None:
    with pytest.raises(UnsafeHubConfig, match="is its package installed"):
        resolve_class("nosuchpackage.NoSpawner", "jupyterhub.spawners")
