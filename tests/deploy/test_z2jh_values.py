"""deploy/z2jh-values.yaml: valid for the Zero to JupyterHub chart, and the course's own rules.

Helm merges the user's values over the chart's defaults and validates the result
against the chart's values schema; this does the same offline, with the chart's
files kept in tests/deploy/z2jh_chart/ (see SOURCE.md there). Nothing here runs
Kubernetes.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from bmc_course.app.hub.hub_settings import read_settings
from bmc_course.app.hub.hub_setup import server_arguments

REPO = Path(__file__).resolve().parents[2]
VALUES = REPO / "deploy" / "z2jh-values.yaml"
CHART = Path(__file__).resolve().parent / "z2jh_chart"


def helm_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Helm's rule: maps merge key by key, anything else (lists too) replaces."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = helm_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def load_yaml(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def values() -> dict[str, Any]:
    return load_yaml(VALUES)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((CHART / "values.schema.json").read_text("utf-8"))
    return loaded


def test_our_values_over_the_charts_defaults_pass_the_charts_schema(
    values: dict[str, Any], schema: dict[str, Any]
) -> None:
    merged = helm_merge(load_yaml(CHART / "values.yaml"), values)
    jsonschema.validate(merged, schema)


def test_the_schema_check_catches_a_misspelt_key(
    values: dict[str, Any], schema: dict[str, Any]
) -> None:
    broken = helm_merge(values, {"singleuser": {"memmory": {"limit": "1G"}}})
    with pytest.raises(jsonschema.ValidationError, match="memmory"):
        jsonschema.validate(helm_merge(load_yaml(CHART / "values.yaml"), broken), schema)


def test_learners_servers_get_the_same_options_as_on_one_machine(values: dict[str, Any]) -> None:
    assert values["hub"]["config"]["KubeSpawner"]["args"] == server_arguments(read_settings({}))


def test_the_course_is_prepared_by_the_learners_own_pod(values: dict[str, Any]) -> None:
    singleuser = values["singleuser"]
    assert singleuser["cmd"] == ["python", "-m", "bmc_course.app.hub.singleuser"]
    assert singleuser["extraEnv"]["BMC_HUB_WORKSPACE"].startswith(
        singleuser["storage"]["homeMountPath"] + "/"
    )
    assert singleuser["uid"] != 0
    assert singleuser["allowPrivilegeEscalation"] is False


def test_nobody_gets_in_without_the_schools_login(values: dict[str, Any]) -> None:
    config = values["hub"]["config"]
    assert config["Authenticator"]["allow_all"] is False
    assert config["JupyterHub"]["authenticator_class"] not in {"dummy", "shared-password"}
    assert config["GenericOAuthenticator"]["admin_groups"] == ["bmc-teachers"]
    assert "admin_users" not in config.get("Authenticator", {})


def test_limits_culling_and_https_are_on(values: dict[str, Any]) -> None:
    singleuser = values["singleuser"]
    assert singleuser["memory"]["limit"] and singleuser["cpu"]["limit"]
    assert values["cull"]["enabled"] is True
    assert values["proxy"]["https"]["enabled"] is True
    assert singleuser["networkPolicy"]["egressAllowRules"]["nonPrivateIPs"] is False


def test_the_image_runs_the_learners_server_command() -> None:
    dockerfile = (REPO / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    assert 'CMD ["python", "-m", "bmc_course.app.hub.singleuser"]' in dockerfile
    assert "USER 1000" in dockerfile
    assert "ENV BMC_HUB_WORKSPACE=/home/jovyan/bmc-course" in dockerfile
