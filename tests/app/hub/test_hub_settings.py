"""The hub's BMC_HUB_* settings: safe defaults, and one clear refusal per bad value."""

from __future__ import annotations

from pathlib import Path

import pytest

from bmc_course.app.hub.hub_settings import HubSettingsError, check_user_name, read_settings

DEMO = {
    "BMC_HUB_AUTH": "shared-password",
    "BMC_HUB_PASSWORD": "eight-ch",
    "BMC_HUB_LEARNERS": "alice, bob",
}


def test_defaults_are_real_accounts_on_localhost_with_terminals_off() -> None:
    settings = read_settings({})
    assert settings.auth == "pam"
    assert settings.spawner == "local"
    assert settings.ip == "127.0.0.1"
    assert settings.port == 8000
    assert settings.admins == frozenset()
    assert settings.terminals is False
    assert settings.users_root == Path("/srv/bmc-course/users")
    assert settings.state_dir == Path("/srv/bmc-course/hub")
    assert settings.kernel_idle_minutes == 20
    assert settings.server_idle_minutes == 60


def test_shared_password_mode_defaults_to_the_simple_spawner() -> None:
    settings = read_settings(DEMO)
    assert settings.spawner == "simple"
    assert settings.learners == frozenset({"alice", "bob"})
    assert settings.shared_password == "eight-ch"  # noqa: S105 -- a test value


@pytest.mark.parametrize("password", ["", "seven-c"])
def test_an_empty_or_short_shared_password_is_refused(password: str) -> None:
    with pytest.raises(HubSettingsError, match="BMC_HUB_PASSWORD"):
        read_settings({**DEMO, "BMC_HUB_PASSWORD": password})


def test_a_shared_password_cannot_make_anyone_admin() -> None:
    with pytest.raises(HubSettingsError, match="could log in as the teacher"):
        read_settings({**DEMO, "BMC_HUB_ADMINS": "teacher"})


def test_a_shared_password_needs_the_class_list() -> None:
    with pytest.raises(HubSettingsError, match="BMC_HUB_LEARNERS"):
        read_settings({**DEMO, "BMC_HUB_LEARNERS": " , "})


def test_a_password_without_shared_password_mode_is_refused() -> None:
    # a leftover BMC_HUB_PASSWORD must not look like it protects a PAM hub
    with pytest.raises(HubSettingsError, match="only used with BMC_HUB_AUTH=shared-password"):
        read_settings({"BMC_HUB_PASSWORD": "long-enough-password"})


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("BMC_HUB_AUTH", "dummy", "one of pam, shared-password, custom"),
        ("BMC_HUB_SPAWNER", "root", "one of local, systemd, simple, custom"),
        ("BMC_HUB_PORT", "eighty", "whole number"),
        ("BMC_HUB_PORT", "70000", "from 1 to 65535"),
        ("BMC_HUB_TERMINALS", "maybe", "1 or 0"),
        ("BMC_HUB_KERNEL_IDLE_MINUTES", "0", "from 1 to"),
        ("BMC_HUB_MEM_LIMIT", "lots", "800M or 1G"),
        ("BMC_HUB_CPU_LIMIT", "two", "number of cores"),
        ("BMC_HUB_CPU_LIMIT", "0", "from 0.1 to 64"),
        ("BMC_HUB_ADMINS", "../etc", "cannot be a workspace folder"),
        ("BMC_HUB_SSL_CERT", "/etc/hub.crt", "go together"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str, says: str) -> None:
    with pytest.raises(HubSettingsError, match=name) as error:
        read_settings({name: value})
    assert says in str(error.value)
    assert "\n" not in str(error.value)


def test_values_are_read() -> None:
    settings = read_settings(
        {
            "BMC_HUB_ADMINS": "teacher,assistant",
            "BMC_HUB_TERMINALS": "yes",
            "BMC_HUB_MEM_LIMIT": "800m",
            "BMC_HUB_CPU_LIMIT": "0.5",
            "BMC_HUB_SSL_CERT": "/etc/hub.crt",
            "BMC_HUB_SSL_KEY": "/etc/hub.key",
            "BMC_HUB_SPAWNER": "systemd",
        }
    )
    assert settings.admins == frozenset({"teacher", "assistant"})
    assert settings.terminals is True
    assert settings.mem_limit == "800M"
    assert settings.cpu_limit == 0.5
    assert settings.ssl_cert == Path("/etc/hub.crt")
    assert settings.spawner == "systemd"


@pytest.mark.parametrize("name", ["alice", "bob.smith", "a_b-c", "alice@school.example"])
def test_plain_user_names_pass(name: str) -> None:
    check_user_name(name)


@pytest.mark.parametrize("name", ["..", ".hidden", "a/b", "", "-rf", "Alice", "a" * 65])
def test_user_names_that_are_not_plain_folder_names_are_refused(name: str) -> None:
    with pytest.raises(HubSettingsError, match="cannot be a workspace folder"):
        check_user_name(name)
