"""Where packaged files live: the content folder, and the notebooks in a wheel or a checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from bmc_course.model import paths
from bmc_course.model.paths import content_dir, notebooks_dir

REPO = Path(__file__).resolve().parents[2]


def test_content_dir_is_inside_the_package() -> None:
    assert content_dir() == REPO / "bmc_course" / "content"
    assert (content_dir() / "relationship_types.toml").is_file()


def test_a_source_checkout_uses_the_top_level_notebooks_folder() -> None:
    assert notebooks_dir() == REPO / "notebooks"
    assert (notebooks_dir() / "00_welcome.ipynb").is_file()


def test_a_wheel_uses_the_notebooks_packaged_inside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "bmc_course"
    (package / "notebooks").mkdir(parents=True)
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    assert notebooks_dir() == package / "notebooks"
    assert content_dir() == package / "content"


def test_without_packaged_notebooks_the_folder_beside_the_package_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "checkout" / "bmc_course"
    package.mkdir(parents=True)
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    assert notebooks_dir() == tmp_path / "checkout" / "notebooks"
