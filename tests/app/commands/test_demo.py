"""``bmc-course demo``: its help and its usage errors (the server itself: tests/app/test_demo_server.py)."""

from __future__ import annotations

import pytest

from bmc_course.app.cli import main
from tests.support.cli_runner import run_cli


def test_help_says_how_to_bookmark_a_scene(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    for piece in ("--port", "--no-browser", "--theme", "&case=cleat-maker&step=5&theme=dark"):
        assert piece in text


@pytest.mark.parametrize(
    ("args", "piece"),
    [
        (["--theme", "blue"], "invalid choice: 'blue'"),
        (["--port", "0"], "expected a port from 1 to 65535, found 0"),
        (["--port", "eighty"], "expected a port number, found 'eighty'"),
    ],
)
def test_bad_usage_is_one_line_exit_2(args: list[str], piece: str) -> None:
    _, err = run_cli(["demo", *args], retcode=2)
    assert err.count("\n") == 1 and err.startswith("bmc-course: error: ")
    assert piece in err
