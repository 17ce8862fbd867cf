"""Copying the course into a learner's workspace without ever losing their work."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

import bmc_course
from bmc_course.app import workspace as workspace_module
from bmc_course.app.workspace import (
    MANIFEST_SCHEMA_VERSION,
    PlacedBeside,
    WorkspaceError,
    manifest_path,
    notebook_fingerprint,
    prepare_workspace,
)
from bmc_course.model.paths import notebooks_dir

WELCOME = "00_welcome.ipynb"
LESSON = "01_what_relationships_are.ipynb"


def write_notebook(path: Path, *sources: str) -> bytes:
    """A small course notebook: a Markdown cell and code cells, no outputs."""
    notebook = new_notebook(
        cells=[new_markdown_cell(sources[0]), *(new_code_cell(s) for s in sources[1:])],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    )
    nbformat.write(notebook, path)
    return path.read_bytes()


def run_notebook_in_place(path: Path) -> None:
    """What JupyterLab does when the learner runs a notebook: outputs and metadata only."""
    notebook = nbformat.read(path, as_version=4)
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type == "code":
            cell.execution_count = number
            cell.outputs = [new_output("stream", name="stdout", text="ran\n")]
            cell.metadata["execution"] = {"iopub.status.idle": "2026-01-01T00:00:00Z"}
    notebook.metadata["language_info"] = {"name": "python", "version": "3.11"}
    nbformat.write(notebook, path)


def edit_notebook(path: Path, note: str) -> None:
    """What a learner's own edit looks like: a cell they added."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(new_markdown_cell(note))
    nbformat.write(notebook, path)


@pytest.fixture
def course(tmp_path: Path) -> Path:
    source = tmp_path / "course"
    source.mkdir()
    write_notebook(source / WELCOME, "# Welcome", "print('hi')")
    write_notebook(source / LESSON, "# Relationships", "x = 1")
    (source / "README.md").write_text("not a notebook", encoding="utf-8")
    return source


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return tmp_path / "learner" / "bmc-course-workspace"


def manifest(ws: Path) -> dict[str, object]:
    data = json.loads(manifest_path(ws).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_first_start_copies_every_notebook(course: Path, ws: Path) -> None:
    result = prepare_workspace(ws, source=course, course_version="0.1.0")

    assert result.copied == [WELCOME, LESSON]
    assert not (result.updated or result.restored or result.placed_beside or result.kept)
    for name in (WELCOME, LESSON):
        assert (ws / name).read_bytes() == (course / name).read_bytes()
    assert not (ws / "README.md").exists()  # only notebooks are course files
    data = manifest(ws)
    assert data["schema_version"] == MANIFEST_SCHEMA_VERSION
    assert data["course_version"] == "0.1.0"
    files = data["files"]
    assert isinstance(files, dict)
    assert files[WELCOME]["sha256"] == hashlib.sha256((course / WELCOME).read_bytes()).hexdigest()
    assert files[WELCOME]["course_version"] == "0.1.0"
    assert result.report_lines() == [f"Copied {WELCOME}", f"Copied {LESSON}"]


def test_rerun_is_a_no_op(course: Path, ws: Path) -> None:
    prepare_workspace(ws, source=course, course_version="0.1.0")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in ws.rglob("*") if p.is_file()}

    result = prepare_workspace(ws, source=course, course_version="0.1.0")

    assert not result.changed_anything
    assert result.report_lines() == []
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in ws.rglob("*") if p.is_file()}
    assert after == before  # not even the manifest is rewritten


def test_running_a_notebook_is_not_an_edit(course: Path, ws: Path) -> None:
    prepare_workspace(ws, source=course, course_version="0.1.0")
    run_notebook_in_place(ws / WELCOME)
    ran = (ws / WELCOME).read_bytes()

    result = prepare_workspace(ws, source=course, course_version="0.1.0")

    assert result.report_lines() == []
    assert (ws / WELCOME).read_bytes() == ran  # the learner's outputs stay


def test_course_update_replaces_untouched_and_places_beside_edited(
    course: Path, ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bmc_course, "__version__", "0.1.0")
    prepare_workspace(ws, source=course)
    edit_notebook(ws / LESSON, "My notes on channels.")
    edited = (ws / LESSON).read_bytes()

    # The course moves to 0.2.0 and changes both notebooks.
    monkeypatch.setattr(bmc_course, "__version__", "0.2.0")
    new_welcome = write_notebook(course / WELCOME, "# Welcome back", "print('hi')")
    new_lesson = write_notebook(course / LESSON, "# Relationships, revised", "x = 2")
    result = prepare_workspace(ws, source=course)

    assert result.updated == [WELCOME]
    assert (ws / WELCOME).read_bytes() == new_welcome
    beside = "01_what_relationships_are (course 0.2.0).ipynb"
    assert result.placed_beside == [PlacedBeside(LESSON, beside)]
    assert (ws / LESSON).read_bytes() == edited  # never overwritten
    assert (ws / beside).read_bytes() == new_lesson
    assert result.report_lines() == [
        f"Updated {WELCOME} to course version 0.2.0",
        f"Kept your changes to {LESSON}; the course version 0.2.0 is beside it as {beside}",
    ]
    assert manifest(ws)["course_version"] == "0.2.0"

    # Starting again offers nothing new: no second copy beside, no lines.
    again = prepare_workspace(ws, source=course)
    assert again.report_lines() == []
    assert again.kept == [LESSON]
    assert sorted(p.name for p in ws.glob("*.ipynb")) == sorted([WELCOME, LESSON, beside])


def test_update_replaces_a_notebook_the_learner_only_ran(course: Path, ws: Path) -> None:
    prepare_workspace(ws, source=course, course_version="0.1.0")
    run_notebook_in_place(ws / WELCOME)
    new_welcome = write_notebook(course / WELCOME, "# Welcome, v2", "print('hi')")

    result = prepare_workspace(ws, source=course, course_version="0.2.0")

    assert result.updated == [WELCOME]
    assert (ws / WELCOME).read_bytes() == new_welcome


def test_learner_edit_without_course_change_is_kept_silently(course: Path, ws: Path) -> None:
    prepare_workspace(ws, source=course, course_version="0.1.0")
    edit_notebook(ws / LESSON, "mine")
    edited = (ws / LESSON).read_bytes()

    result = prepare_workspace(ws, source=course, course_version="0.1.1")

    assert result.kept == [LESSON]
    assert result.report_lines() == []
    assert (ws / LESSON).read_bytes() == edited


def test_deleted_notebook_is_restored(course: Path, ws: Path) -> None:
    prepare_workspace(ws, source=course, course_version="0.1.0")
    (ws / LESSON).unlink()

    result = prepare_workspace(ws, source=course, course_version="0.1.0")

    assert result.restored == [LESSON]
    assert result.copied == []
    assert (ws / LESSON).read_bytes() == (course / LESSON).read_bytes()
    assert result.report_lines() == [f"Restored {LESSON} (it was missing)"]


def test_file_without_a_record_is_never_overwritten(course: Path, ws: Path) -> None:
    ws.mkdir(parents=True)
    (ws / WELCOME).write_text("the learner's own file", encoding="utf-8")

    result = prepare_workspace(ws, source=course, course_version="0.1.0")

    assert (ws / WELCOME).read_text(encoding="utf-8") == "the learner's own file"
    assert result.placed_beside == [PlacedBeside(WELCOME, "00_welcome (course 0.1.0).ipynb")]
    assert result.copied == [LESSON]


def test_beside_name_is_numbered_when_taken(course: Path, ws: Path) -> None:
    ws.mkdir(parents=True)
    (ws / WELCOME).write_text("mine", encoding="utf-8")
    (ws / "00_welcome (course 0.1.0).ipynb").write_text("also mine", encoding="utf-8")

    result = prepare_workspace(ws, source=course, course_version="0.1.0")

    assert result.placed_beside == [PlacedBeside(WELCOME, "00_welcome (course 0.1.0, 2).ipynb")]
    assert (ws / "00_welcome (course 0.1.0).ipynb").read_text(encoding="utf-8") == "also mine"


def test_unreadable_manifest_is_moved_aside(course: Path, ws: Path) -> None:
    prepare_workspace(ws, source=course, course_version="0.1.0")
    manifest_path(ws).write_text("{ not json", encoding="utf-8")

    result = prepare_workspace(ws, source=course, course_version="0.1.0")

    assert result.manifest_moved_to is not None
    assert result.manifest_moved_to.read_text(encoding="utf-8") == "{ not json"
    assert "moved to" in result.report_lines()[0]
    assert manifest(ws)["schema_version"] == MANIFEST_SCHEMA_VERSION
    # The notebooks equal the course, so nothing else happened.
    assert not result.changed_anything


def test_manifest_from_a_newer_bmc_course_is_an_error(course: Path, ws: Path) -> None:
    prepare_workspace(ws, source=course, course_version="0.1.0")
    manifest_path(ws).write_text(json.dumps({"schema_version": 99, "files": {}}), encoding="utf-8")

    with pytest.raises(WorkspaceError, match="newer bmc-course"):
        prepare_workspace(ws, source=course, course_version="0.1.0")


def test_workspace_that_is_a_file_is_an_error(course: Path, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("hello", encoding="utf-8")

    with pytest.raises(WorkspaceError) as caught:
        prepare_workspace(not_a_folder, source=course, course_version="0.1.0")

    message = str(caught.value)
    assert str(not_a_folder) in message and "\n" not in message
    assert not_a_folder.read_text(encoding="utf-8") == "hello"


def test_state_folder_that_is_a_file_is_an_error(course: Path, ws: Path) -> None:
    ws.mkdir(parents=True)
    (ws / ".bmc-course").write_text("x", encoding="utf-8")

    with pytest.raises(WorkspaceError, match=r"\.bmc-course"):
        prepare_workspace(ws, source=course, course_version="0.1.0")


def test_write_failure_is_a_workspace_error_naming_the_path(
    course: Path, ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated rather than chmod-ed: the suite also runs as root, which ignores permissions.
    def refuse(path: Path, _data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(workspace_module, "atomic_write_bytes", refuse)

    with pytest.raises(WorkspaceError) as caught:
        prepare_workspace(ws, source=course, course_version="0.1.0")

    message = str(caught.value)
    assert str(ws / WELCOME) in message and "Permission denied" in message
    assert "\n" not in message


def test_missing_course_notebooks_is_an_error(tmp_path: Path, ws: Path) -> None:
    with pytest.raises(WorkspaceError, match="no course notebooks"):
        prepare_workspace(ws, source=tmp_path / "nowhere", course_version="0.1.0")


def test_writes_leave_no_temporary_files(course: Path, ws: Path) -> None:
    prepare_workspace(ws, source=course, course_version="0.1.0")
    write_notebook(course / WELCOME, "# changed", "print('hi')")
    prepare_workspace(ws, source=course, course_version="0.2.0")

    assert not [p for p in ws.rglob("*") if p.name.endswith(".tmp")]


def test_copied_notebooks_get_ordinary_permissions(course: Path, ws: Path) -> None:
    prepare_workspace(ws, source=course, course_version="0.1.0")
    if os.name == "posix":
        umask = os.umask(0)
        os.umask(umask)
        assert (ws / WELCOME).stat().st_mode & 0o777 == 0o666 & ~umask


def test_fingerprint_ignores_outputs_but_not_sources(tmp_path: Path) -> None:
    path = tmp_path / "n.ipynb"
    original = notebook_fingerprint(write_notebook(path, "# T", "x = 1"))
    run_notebook_in_place(path)
    assert notebook_fingerprint(path.read_bytes()) == original
    edit_notebook(path, "mine")
    assert notebook_fingerprint(path.read_bytes()) != original
    assert notebook_fingerprint(b"\xff not a notebook").startswith("raw:")


def test_default_source_is_the_packaged_course(ws: Path) -> None:
    result = prepare_workspace(ws)

    assert WELCOME in result.copied
    assert manifest(ws)["course_version"] == bmc_course.__version__


def test_packaged_notebooks_are_stored_clean() -> None:
    notebooks = sorted(notebooks_dir().glob("*.ipynb"))
    assert WELCOME in [p.name for p in notebooks]
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        assert (notebook.nbformat, notebook.nbformat_minor) >= (4, 5), path.name
        assert notebook.metadata["kernelspec"]["name"] == "python3", path.name
        for cell in notebook.cells:
            assert cell.get("id"), path.name
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, path.name


def test_a_teachers_workspace_holds_the_class_summary_and_a_submissions_folder(
    tmp_path: Path,
) -> None:
    from bmc_course.app.lab_server import default_url
    from bmc_course.app.workspace import prepare_teacher_workspace

    root = tmp_path / "teacher"
    result = prepare_teacher_workspace(root)
    assert sorted(p.name for p in root.iterdir() if not p.name.startswith(".")) == [
        "class_summary.ipynb",
        "submissions",
    ]
    assert result.changed_anything
    assert default_url(root) == "/lab/tree/class_summary.ipynb"
    (root / "class_summary.ipynb").write_text("my own notes", encoding="utf-8")
    prepare_teacher_workspace(root)  # a notebook the teacher changed is never overwritten
    assert (root / "class_summary.ipynb").read_text(encoding="utf-8") == "my own notes"
