"""The prebuilt course extension in the package is the build of the sources in ``labextension/``.

Installing bmc-course needs no Node.js because the built extension is
committed. These checks need no Node either: ``labextension/build.py``
records a hash of the sources and one of the built files, and here both are
recomputed. Changing the TypeScript without rebuilding, or editing a built
file by hand, fails here with the command to run.
"""

from __future__ import annotations

import importlib.util
import json
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

from bmc_course.app.lab_server import COURSE_LABEXTENSION_NAME, COURSE_LABEXTENSIONS

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "labextension"
BUILT = COURSE_LABEXTENSIONS / COURSE_LABEXTENSION_NAME
REBUILD = "rebuild with `.venv/bin/python labextension/build.py` (needs Node.js >= 20 and npm)"


def load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("labextension_build", SOURCE / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def package(folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    return data


def test_the_built_files_are_where_the_build_script_puts_them() -> None:
    build = load_build_script()
    assert build.BUILT_DIR == BUILT
    assert build.NAME == COURSE_LABEXTENSION_NAME == package(SOURCE)["name"]


def test_the_sources_are_the_ones_the_extension_was_built_from() -> None:
    build = load_build_script()
    record = build.read_record()
    assert record["source_sha256"] == build.source_hash(), f"labextension/ changed: {REBUILD}"


def test_the_built_files_are_untouched_since_the_build() -> None:
    build = load_build_script()
    record = build.read_record()
    assert record["built_sha256"] == build.built_hash(), f"{BUILT} was changed by hand: {REBUILD}"


def test_a_changed_source_would_be_noticed(tmp_path: Path) -> None:
    build = load_build_script()
    files = build.source_paths()
    before = build.tree_hash(SOURCE, files)
    copy = tmp_path / "labextension"
    for path in files:
        target = copy / path.relative_to(SOURCE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    copied = [copy / path.relative_to(SOURCE) for path in files]
    assert build.tree_hash(copy, copied) == before  # same bytes, same hash
    index = copy / "src" / "index.ts"
    index.write_bytes(index.read_bytes() + b"\n")
    assert build.tree_hash(copy, copied) != before


def test_jupyterlab_finds_and_loads_the_built_extension() -> None:
    built = package(BUILT)
    lab = built["jupyterlab"]
    assert isinstance(lab, dict)
    load = lab["_build"]["load"]
    assert (BUILT / load).is_file(), f"{load} is missing: {REBUILD}"
    # every chunk the entry point names exists (a partial copy would fail in the browser)
    entry = (BUILT / load).read_text(encoding="utf-8")
    chunks = sorted(path.name for path in (BUILT / "static").glob("*.js"))
    assert [name for name in chunks if name.split(".")[0].isdigit()], chunks
    for name in chunks:
        if name.split(".")[0].isdigit():
            assert name.split(".")[1] in entry, f"{name} is not referenced by {load}"


def test_built_against_the_jupyterlab_the_package_pins() -> None:
    dev = package(SOURCE)["devDependencies"]
    assert isinstance(dev, dict)
    core = str(dev["@jupyterlab/core-meta"])
    # same major.minor as the installed JupyterLab (pyproject pins jupyterlab to one minor)
    assert core.split(".")[:2] == version("jupyterlab").split(".")[:2], (
        f"the extension is built against JupyterLab {core}, but {version('jupyterlab')} "
        f"is installed: update @jupyterlab/core-meta in labextension/package.json and {REBUILD}"
    )
    assert package(BUILT)["dependencies"] == package(SOURCE)["dependencies"]
