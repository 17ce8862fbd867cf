"""Each kind of failure a command can have maps to its documented exit code and one line."""

from __future__ import annotations

from bmc_course.app.cli_errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, CommandFailed, UsageError
from tests.support.cli_runner import run_cli


def test_exit_codes_are_the_documented_ones() -> None:
    assert (EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE) == (0, 1, 2)


def test_usage_errors_exit_2_with_one_line() -> None:
    _, err = run_cli(["review", "--case", "no-such-case"], retcode=EXIT_USAGE)
    assert err.count("\n") == 1
    assert err.startswith("bmc-course: error: unknown case 'no-such-case'")


def test_a_failed_command_exits_1_with_one_line() -> None:
    _, err = run_cli(["class-summary", "/no/such/folder"], retcode=EXIT_BAD_INPUT)
    assert (
        err
        == "bmc-course: error: /no/such/folder: not a folder (expected the folder of submissions)\n"
    )


def test_the_two_failures_are_distinct_exceptions() -> None:
    assert not issubclass(UsageError, CommandFailed)
    assert not issubclass(CommandFailed, UsageError)
