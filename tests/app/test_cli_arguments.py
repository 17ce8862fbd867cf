"""The arguments commands share: port and positive numbers, the FILE-or---case target."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from bmc_course.app.cli_arguments import CliParser, load_target, port, positive_int
from bmc_course.app.cli_errors import UsageError
from bmc_course.model.catalog import Catalog


@pytest.mark.parametrize(("text", "value"), [("1", 1), ("8888", 8888), ("65535", 65535)])
def test_port_accepts_1_to_65535(text: str, value: int) -> None:
    assert port(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0", "expected a port from 1 to 65535, found 0"),
        ("65536", "expected a port from 1 to 65535, found 65536"),
        ("http", "expected a port number, found 'http'"),
    ],
)
def test_port_refuses_the_rest(text: str, message: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match=message):
        port(text)


def test_positive_int() -> None:
    assert positive_int("1") == 1
    assert positive_int("2000000") == 2_000_000
    with pytest.raises(
        argparse.ArgumentTypeError, match="expected a number of at least 1, found 0"
    ):
        positive_int("0")
    with pytest.raises(argparse.ArgumentTypeError, match=r"expected a whole number, found '1\.5'"):
        positive_int("1.5")


def test_the_parser_raises_one_line_usage_errors() -> None:
    parser = CliParser(prog="bmc-course")
    with pytest.raises(
        UsageError, match=r"^unrecognized arguments: --nope \(see 'bmc-course --help'\)$"
    ):
        parser.parse_args(["--nope"])


def test_load_target_names_a_case_or_the_file(catalog: Catalog, tmp_path: Path) -> None:
    submission, source = load_target(argparse.Namespace(case="car-wash", file=None), catalog)
    assert source == "case car-wash"
    assert [s.id for s in submission.segments] == [s.id for s in catalog.cases["car-wash"].segments]
    path = tmp_path / "bo.json"
    path.write_text('{"schema_version": 1, "learner": "Bo"}', encoding="utf-8")
    submission, source = load_target(argparse.Namespace(case=None, file=path), catalog)
    assert (submission.learner, source) == ("Bo", str(path))


def test_load_target_refuses_an_unknown_case(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="unknown case 'nope'; expected one of: "):
        load_target(argparse.Namespace(case="nope", file=None), catalog)
