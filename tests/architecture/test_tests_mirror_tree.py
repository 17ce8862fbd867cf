"""Tests mirror the package: every module ``bmc_course/<path>/<name>.py`` has ``tests/<path>/test_<name>.py``.

The tree says where a module's tests are, so nobody has to guess, and a module
added without tests shows up here by name. Package ``__init__`` files (lazy
faces, tested by ``test_package_faces``) and ``__main__`` (it only calls the
CLI's ``main``) are not modules of their own.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "bmc_course"
TESTS = REPO / "tests"
NOT_MODULES = {"__init__.py", "__main__.py"}


def expected_test_file(module: Path) -> Path:
    """``bmc_course/reports/classroom/intake.py`` → ``tests/reports/classroom/test_intake.py``."""
    relative = module.relative_to(PACKAGE)
    return TESTS / relative.parent / f"test_{relative.name}"


def package_modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if path.name not in NOT_MODULES and "__pycache__" not in path.parts
    )


def test_the_mapping_follows_the_tree() -> None:
    assert expected_test_file(PACKAGE / "course.py") == TESTS / "test_course.py"
    assert expected_test_file(PACKAGE / "charts" / "style.py") == TESTS / "charts" / "test_style.py"
    assert (
        expected_test_file(PACKAGE / "reports" / "classroom" / "intake.py")
        == TESTS / "reports" / "classroom" / "test_intake.py"
    )


def test_the_walk_sees_every_layer() -> None:
    layers = {path.relative_to(PACKAGE).parts[0] for path in package_modules()}
    expected = {"model", "formats", "logic", "state", "charts", "reports", "widgets", "app"}
    assert expected <= layers
    assert "course.py" in layers


def test_every_module_has_its_test_file() -> None:
    missing = [
        f"{module.relative_to(REPO).as_posix()} -> {test.relative_to(REPO).as_posix()}"
        for module in package_modules()
        if not (test := expected_test_file(module)).is_file()
    ]
    assert not missing, "modules without their test file:\n  " + "\n  ".join(missing)


def test_test_folders_are_packages() -> None:
    # tests import each other as ``tests.support...``; a folder without __init__.py breaks that
    folders = {path.parent for path in TESTS.rglob("test_*.py")} | {TESTS / "support"}
    missing = sorted(
        folder.relative_to(REPO).as_posix()
        for folder in folders
        if not (folder / "__init__.py").is_file() and "__pycache__" not in folder.parts
    )
    assert not missing, missing
