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

import importlib
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("bmc-course")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"


def lazy_exports(
    package: str, exports: dict[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package face that imports a module only when one of its names is used.

    ``exports`` maps each public name to the module (relative to ``package``)
    that defines it. Returns the ``__getattr__`` and ``__dir__`` a package's
    ``__init__`` assigns (PEP 562), so ``import bmc_course.charts.layered``
    loads that one module, not every chart.
    """

    def __getattr__(name: str) -> Any:
        module_name = exports.get(name)
        if module_name is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module_name}"), name)
        globals_of_package = importlib.import_module(package).__dict__
        globals_of_package[name] = value  # later look-ups skip __getattr__
        return value

    def __dir__() -> list[str]:
        return sorted([*exports, "__all__"])

    return __getattr__, __dir__


__all__ = ["__version__", "lazy_exports"]
