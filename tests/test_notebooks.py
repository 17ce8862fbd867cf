"""Every course notebook runs top to bottom in a fresh kernel; notebooks in git carry no outputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from bmc_course.model.catalog import Catalog, load_catalog
from bmc_course.model.paths import notebooks_dir
from bmc_course.state.session import open_session
from tests.support.classroom_corpus import write_class

COURSE_NOTEBOOKS = sorted(notebooks_dir().glob("*.ipynb"))
# plus the notebooks that are not course steps: the facilitator demo
NOTEBOOKS = [
    *COURSE_NOTEBOOKS,
    notebooks_dir() / "demo" / "dashboard.ipynb",
    notebooks_dir() / "teacher" / "class_summary.ipynb",
]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def test_notebooks_are_stored_without_outputs() -> None:
    assert NOTEBOOKS
    for path in NOTEBOOKS:
        book = json.loads(path.read_text(encoding="utf-8"))
        for cell in book["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [], path.name
                assert cell["execution_count"] is None, path.name


def test_lessons_and_notebooks_match(catalog: Catalog) -> None:
    listed = [lesson.notebook for lesson in catalog.lessons.values()]
    assert listed == [path.name for path in COURSE_NOTEBOOKS]


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_shows_its_widgets(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = tmp_path / "ws"
    workspace.mkdir()
    shutil.copy(path, workspace / path.name)
    monkeypatch.setenv("BMC_COURSE_PROGRESS", str(workspace / "progress.json"))
    monkeypatch.setenv("MPLBACKEND", "agg")
    class_folder = tmp_path / "submissions"  # for the teacher's notebook
    write_class(class_folder, load_catalog(), valid=12)
    monkeypatch.setenv("BMC_CLASS_FOLDER", str(class_folder))
    book = nbformat.read(workspace / path.name, as_version=4)
    client = NotebookClient(
        book,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(workspace)}},
    )
    client.execute()
    for cell in book.cells:
        if cell.cell_type != "code":
            continue
        assert not [o for o in cell.outputs if o.output_type == "error"], cell.source
        streams = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert "Traceback" not in streams and "Error" not in streams, streams
        if "course." in cell.source:
            shown = [o for o in cell.outputs if WIDGET_VIEW in o.get("data", {})]
            assert shown, f"{path.name}: no widget shown by {cell.source!r}"


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


@pytest.mark.notebook
def test_teacher_notebook_summarises_the_class_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The teacher's notebook, run headless on a folder of valid and broken submissions."""
    catalog = load_catalog()
    class_folder = tmp_path / "submissions"
    broken = write_class(class_folder, catalog, valid=7)
    monkeypatch.setenv("BMC_CLASS_FOLDER", str(class_folder))
    monkeypatch.setenv("MPLBACKEND", "agg")
    book = nbformat.read(notebooks_dir() / "teacher" / "class_summary.ipynb", as_version=4)
    client = NotebookClient(
        book, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    models = book.metadata["widgets"][WIDGET_STATE]["state"].values()

    def shown(css_class: str) -> str:
        [value] = [
            m["state"]["value"] for m in models if css_class in m["state"].get("_dom_classes", ())
        ]
        return str(value)

    rejected = [name for name in broken if name.endswith(".json")]  # the view reads *.json
    assert "7 learners" in shown("bmc-class-status")
    assert f"{len(rejected)} files rejected" in shown("bmc-class-status")
    assert "Learner 00006" in shown("bmc-class-body")
    [bar] = [m["state"] for m in models if m["model_name"] == "IntProgressModel"]
    assert bar["value"] == bar["max"] == 7 + len(rejected)


@pytest.mark.notebook
def test_an_open_notebook_follows_what_another_notebook_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14 item 2: a rename made in one kernel shows in another's widgets, no re-run."""
    progress = tmp_path / "progress.json"
    monkeypatch.setenv("BMC_COURSE_PROGRESS", str(progress))
    other = open_session(progress)  # notebook 02, in this process
    segment_id = other.state.add_segment("Walk-ins", "mass_market")
    rows = "print([c.children[0].value for c in picker.segment_list.children])"
    book = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "from bmc_course import course\npicker = course.segment_picker()"
            ),
            nbformat.v4.new_code_cell(rows),
            # the kernel's loop runs while the cell awaits (a learner's idle kernel does the same)
            nbformat.v4.new_code_cell(f"import asyncio\nawait asyncio.sleep(3)\n{rows}"),
        ]
    )
    client = NotebookClient(book, timeout=120, kernel_name="python3")
    with client.setup_kernel():
        client.execute_cell(book.cells[0], 0)
        client.execute_cell(book.cells[1], 1)
        other.state.update_segment(segment_id, name="Walk-in commuters")
        client.execute_cell(book.cells[2], 2)
    before, after = ("".join(o.get("text", "") for o in c.outputs) for c in book.cells[1:])
    assert "<strong>Walk-ins</strong>" in before
    assert "<strong>Walk-in commuters</strong>" in after
