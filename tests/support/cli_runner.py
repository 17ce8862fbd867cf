"""Runs ``bmc-course`` in-process, nbgrader-style: ``run_cli(args, retcode=0)``."""

from __future__ import annotations

import io

from bmc_course.app.cli import main


def run_cli(args: list[str], retcode: int = 0) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, out=out, err=err)
    assert code == retcode, (code, out.getvalue(), err.getvalue())
    assert "Traceback" not in err.getvalue()
    return out.getvalue(), err.getvalue()
