"""Rebuild bmc-course's JupyterLab extension and record what it was built from.

The extension ships prebuilt in ``bmc_course/labextension/bmc-course-lab`` so
that installing bmc-course needs no Node.js. Rebuilding needs Node.js >= 20
with npm (and the npm registry, or a filled npm cache) and the project's
``.venv`` (its ``jupyter-builder`` comes with JupyterLab)::

    .venv/bin/python labextension/build.py           # npm ci, tsc, jupyter-builder build
    .venv/bin/python labextension/build.py --check   # only compare the record with the files

The build is reproducible: the same sources and lock file give the same files
byte for byte. ``bmc_course/labextension/build-record.json`` holds a hash of
the sources and one of the built files; tests/app/test_lab_extension_build.py
recomputes both (no Node needed), so sources changed without a rebuild, or
built files changed by hand, fail the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NAME = "bmc-course-lab"
EXTENSIONS_DIR = REPO / "bmc_course" / "labextension"
BUILT_DIR = EXTENSIONS_DIR / NAME
RECORD = EXTENSIONS_DIR / "build-record.json"
# Everything the built files depend on (node_modules is pinned by the lock file).
SOURCE_FILES = ("build.py", "package.json", "package-lock.json", "tsconfig.json")
SOURCE_DIRS = ("src", "style")


def tree_hash(root: Path, paths: list[Path]) -> str:
    """A hash over the files' paths (relative to ``root``) and bytes, in a fixed order."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix()):
        data = path.read_bytes()
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()


def source_paths() -> list[Path]:
    """The source files the built extension comes from."""
    files = [HERE / name for name in SOURCE_FILES]
    for folder in SOURCE_DIRS:
        files += [path for path in (HERE / folder).rglob("*") if path.is_file()]
    return files


def source_hash() -> str:
    """The hash of the sources as they are now."""
    return tree_hash(HERE, source_paths())


def built_hash() -> str:
    """The hash of the built extension as it is now."""
    return tree_hash(BUILT_DIR, [path for path in BUILT_DIR.rglob("*") if path.is_file()])


def read_record() -> dict[str, str]:
    """The hashes the last build recorded."""
    data: dict[str, str] = json.loads(RECORD.read_text(encoding="utf-8"))
    return data


def check() -> list[str]:
    """What disagrees between the record and the files (empty: all agree)."""
    record = read_record()
    problems = []
    if record.get("source_sha256") != source_hash():
        problems.append("labextension/ sources changed since the last build: run build.py")
    if record.get("built_sha256") != built_hash():
        problems.append(f"{BUILT_DIR.relative_to(REPO)} differs from what build.py produced")
    return problems


def run(command: list[str]) -> None:
    """Run one build step in labextension/, stopping on failure."""
    print("+", " ".join(command), flush=True)
    subprocess.run(command, cwd=HERE, check=True)


def build() -> None:
    """Install the locked packages, compile, bundle, and record the hashes."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if npm is None or node is None:
        sys.exit("npm not found: rebuilding the extension needs Node.js >= 20 with npm")
    builder = Path(sys.executable).with_name("jupyter-builder")
    if not builder.is_file():
        sys.exit(f"{builder} not found: run this with the project's .venv/bin/python")
    run([npm, "ci", "--no-audit", "--no-fund"])
    shutil.rmtree(HERE / "lib", ignore_errors=True)
    (HERE / "tsconfig.tsbuildinfo").unlink(missing_ok=True)
    run([str(HERE / "node_modules" / ".bin" / "tsc")])
    shutil.rmtree(BUILT_DIR, ignore_errors=True)  # no stale chunks left behind
    run([str(builder), "build", "."])
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=True)
    record = {
        "source_sha256": source_hash(),
        "built_sha256": built_hash(),
        "built_with_node": version.stdout.strip(),
    }
    RECORD.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"built {BUILT_DIR.relative_to(REPO)}; record in {RECORD.relative_to(REPO)}")


def main() -> int:
    """Build (unless --check), then check; 1 if the record disagrees with the files."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare only; build nothing")
    args = parser.parse_args()
    if not args.check:
        build()
    problems = check()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
