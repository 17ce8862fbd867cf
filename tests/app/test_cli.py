"""The command line, run in-process: output, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bmc_course import __version__
from bmc_course.app.cli import main
from bmc_course.model.catalog import Catalog
from bmc_course.model.paths import content_dir
from tests.support.cli_runner import run_cli


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_help_for_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ["start", "types", "cases", "check-content", "review"]:
        assert main([command, "--help"]) == 0
        assert "usage: bmc-course" in capsys.readouterr().out


def test_types_lists_all_six(catalog: Catalog) -> None:
    out, _ = run_cli(["types"])
    for relationship in catalog.types.values():
        assert relationship.id in out and relationship.name in out
    assert "teaching assumptions" in out


def test_types_json(catalog: Catalog) -> None:
    out, _ = run_cli(["types", "--json"])
    assert [t["id"] for t in json.loads(out)] == list(catalog.types)


def test_cases_lists_ids(catalog: Catalog) -> None:
    out, _ = run_cli(["cases"])
    assert all(case_id in out for case_id in catalog.cases)


def test_check_content_ok(tmp_path: Path) -> None:
    out, _ = run_cli(["check-content", str(tmp_path)])
    assert "OK" in out


def test_check_content_three_mistakes(tmp_path: Path) -> None:
    (tmp_path / "dimensions.toml").write_text("= nope", encoding="utf-8")
    (tmp_path / "cases").mkdir()
    case = (content_dir() / "cases" / "car-wash.toml").read_text(encoding="utf-8")
    (tmp_path / "cases" / "car-wash.toml").write_text(
        case.replace("customers = ", "customers = -", 1), encoding="utf-8"
    )
    (tmp_path / "motivations.toml").write_text("schema_version = 7\n", encoding="utf-8")
    out, err = run_cli(["check-content", str(tmp_path)], retcode=1)
    lines = err.strip().splitlines()
    assert len(lines) == 3, lines
    assert any("dimensions.toml: (file): -: expected valid TOML" in line for line in lines)
    assert any("car-wash.toml: segments[0]" in line and ": customers: " in line for line in lines)
    assert any("motivations.toml: (file): schema_version:" in line for line in lines)
    assert out == ""


def test_check_content_missing_folder(tmp_path: Path) -> None:
    _, err = run_cli(["check-content", str(tmp_path / "nope")], retcode=1)
    assert "no such folder" in err


@pytest.mark.parametrize("case_id", ["cleat-maker", "online-retailer", "car-wash", "first-draft"])
def test_review_each_case_text(catalog: Catalog, case_id: str) -> None:
    out, _ = run_cli(["review", "--case", case_id])
    case = catalog.cases[case_id]
    assert case.business in out
    for segment in case.segments:
        assert segment.name in out
    for code in case.expected_findings:
        assert code in out


def test_review_every_case_json(catalog: Catalog) -> None:
    for case in catalog.cases.values():
        out, _ = run_cli(["review", "--case", case.id, "--json"])
        data = json.loads(out)
        found = {f["code"] for f in data["findings"]}
        assert set(case.expected_findings) <= found, case.id
        assert [s["id"] for s in data["segments"]] == [s.id for s in case.segments]
        assert data["assumptions"], "every case yields assumptions to test"


def test_review_submission_file(tmp_path: Path) -> None:
    path = tmp_path / "ada.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "learner": "Ada",
                "business": "Bakery",
                "segments": [
                    {
                        "id": "locals",
                        "name": "Locals",
                        "archetype": "mass_market",
                        "revenue_per_customer": 300,
                        "customers": 800,
                        "validated": False,
                        "relationships": ["website"],
                        "motivations": ["retention"],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    out, _ = run_cli(["review", str(path), "--json"])
    assert "channel_not_relationship" in {f["code"] for f in json.loads(out)["findings"]}


def test_review_bad_file_is_one_line_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{ nope", encoding="utf-8")
    _, err = run_cli(["review", str(path)], retcode=1)
    assert err.count("\n") == 1 and str(path) in err and "valid JSON" in err


def test_review_missing_file(tmp_path: Path) -> None:
    _, err = run_cli(["review", str(tmp_path / "none.json")], retcode=1)
    assert "none.json" in err


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


def test_start_on_a_taken_port_is_a_one_line_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        _, err = run_cli(
            ["start", "--workspace", str(tmp_path / "ws"), "--port", str(port), "--no-browser"],
            retcode=1,
        )
    assert err.count("\n") == 1 and f"port {port}" in err
    assert not (tmp_path / "ws").exists()  # nothing prepared for a server that cannot start


def test_start_with_a_file_as_workspace_is_a_one_line_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine", encoding="utf-8")
    _, err = run_cli(["start", "--workspace", str(not_a_folder), "--no-browser"], retcode=1)
    assert err.count("\n") == 1 and "notes.txt" in err
    assert not_a_folder.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("fmt", ["md", "html", "png", "json"])
def test_export_a_case_in_each_format(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"block.{fmt}"
    out, _ = run_cli(["export", "--case", "cleat-maker", "--format", fmt, "-o", str(target)])
    assert str(target) in out
    data = target.read_bytes()
    assert data
    if fmt == "json":
        assert json.loads(data)["segments"][0]["id"] == "athletes"
    if fmt == "png":
        assert data.startswith(b"\x89PNG")
    if fmt in ("md", "html"):
        assert "Individual athletes" in data.decode("utf-8")


def test_export_a_file_round_trips(tmp_path: Path) -> None:
    first = tmp_path / "a.json"
    run_cli(["export", "--case", "car-wash", "--format", "json", "-o", str(first)])
    second = tmp_path / "b.json"
    run_cli(["export", str(first), "--format", "json", "-o", str(second)])
    assert json.loads(first.read_text(encoding="utf-8")) == json.loads(
        second.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["export", "--case", "cleat-maker", "-o", "x.md"], 2),  # no --format
        (["export", "--case", "cleat-maker", "--format", "docx", "-o", "x.docx"], 2),
        (["export", "--case", "nope", "--format", "md", "-o", "x.md"], 2),
    ],
)
def test_export_bad_usage(args: list[str], code: int) -> None:
    _, err = run_cli(args, retcode=code)
    assert err.count("\n") == 1 and err.startswith("bmc-course: error:")


def test_export_into_a_folder_or_from_a_broken_file(tmp_path: Path) -> None:
    _, err = run_cli(
        ["export", "--case", "cleat-maker", "--format", "md", "-o", str(tmp_path)], retcode=1
    )
    assert "is a folder" in err and err.count("\n") == 1
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    _, err = run_cli(
        ["export", str(broken), "--format", "md", "-o", str(tmp_path / "x.md")], retcode=1
    )
    assert "broken.json" in err and err.count("\n") == 1
    assert not (tmp_path / "x.md").exists()
