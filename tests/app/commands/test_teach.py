"""``bmc-course teach``: a teacher's workspace with the class summary, served like the course."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bmc_course.app.lab_server import find_free_port, wait_until_ready
from tests.app.test_lab_server import isolated_jupyter_env, printed_until_address
from tests.support.cli_runner import run_cli


def test_teach_on_a_file_is_a_one_line_error_and_changes_nothing(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "class.txt"
    not_a_folder.write_text("mine", encoding="utf-8")
    _, err = run_cli(["teach", "--workspace", str(not_a_folder), "--no-browser"], retcode=1)
    assert err.count("\n") == 1 and "class.txt" in err
    assert not_a_folder.read_text(encoding="utf-8") == "mine"


def test_teach_help_says_where_submissions_go(capsys: pytest.CaptureFixture[str]) -> None:
    run_cli(["teach", "--help"])
    out = capsys.readouterr().out
    assert "class_summary.ipynb" in out and "submissions" in out


@pytest.mark.server
def test_teach_opens_the_class_summary_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    workspace = tmp_path / "my class"
    port = find_free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bmc_course",
            "teach",
            "--workspace",
            str(workspace),
            "--port",
            str(port),
            "--no-browser",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=isolated_jupyter_env(tmp_path / "home"),
    )
    try:
        lines = printed_until_address(process)
        url = lines[-1].split("running at ", 1)[1].strip()
        assert url.startswith(f"http://127.0.0.1:{port}/lab/tree/class_summary.ipynb?token=")
        assert any("submissions" in line for line in lines)
        wait_until_ready(port, url.rsplit("token=", 1)[1], timeout=60, process=process)
        assert (workspace / "class_summary.ipynb").is_file()
        assert (workspace / "submissions").is_dir()
        assert not (workspace / "00_welcome.ipynb").exists()  # a teacher's, not a learner's
    finally:
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=60)
    assert process.returncode == 0 and "JupyterLab stopped." in out
