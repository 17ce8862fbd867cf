"""bmc-course: an interactive course on the Customer Relationships block of the
Business Model Canvas.

The package is built in layers; each imports only from the layers below it,
and an import-linter contract in ``pyproject.toml`` (run by the test suite)
keeps it that way::

    course (the notebook API) | app (CLI, servers, workspace)
    widgets        thin ipywidgets views over the state
    reports        export of one canvas block, the classroom summary
    charts         data -> matplotlib Figure, each with a table twin
    state          the learner's course state, its progress file, the session
    logic          pure judgement: checks, assumption plan, canvas block, demo scenes
    formats        the submission/progress file: schema, upgrades, reading
    model          content models, the validated catalog, input errors, paths

``content/`` holds the course's data files (TOML and Markdown). Model, formats,
logic and state never import ipywidgets, matplotlib, pandas or IPython, and
importing the package stays light: sub-packages load their modules only when
a name is first used (PEP 562, see :func:`lazy_exports`).
"""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

try:
    __version__ = version("bmc-course")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"


def lazy_exports(
    package: str, init_file: str
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package face that imports a module only when one of its names is first used.

    The names and their modules are read from the ``if TYPE_CHECKING:`` block
    of the package's ``__init__`` (``init_file``): type checkers see real
    imports, and at run time nothing is imported until it is used. Returns the
    ``__getattr__`` and ``__dir__`` the ``__init__`` assigns (PEP 562), so
    ``import bmc_course.charts.layered`` loads that one module, not every chart.
    """
    exports = _type_checking_imports(Path(init_file))

    def __getattr__(name: str) -> Any:
        module_name = exports.get(name)
        if module_name is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module_name), name)
        setattr(sys.modules[package], name, value)  # later look-ups skip __getattr__
        return value

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__


def _type_checking_imports(init_file: Path) -> dict[str, str]:
    """``{name: module}`` for every ``from module import name`` under ``if TYPE_CHECKING:``."""
    tree = ast.parse(init_file.read_text(encoding="utf-8"), filename=str(init_file))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    for alias in statement.names:
                        found[alias.asname or alias.name] = statement.module
    return found


__all__ = ["__version__", "lazy_exports"]
