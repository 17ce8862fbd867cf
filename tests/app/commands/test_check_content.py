"""``bmc-course check-content``: a content folder checked, every error on its own line."""

from __future__ import annotations

from pathlib import Path

from bmc_course.model.paths import content_dir
from tests.support.cli_runner import run_cli


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
