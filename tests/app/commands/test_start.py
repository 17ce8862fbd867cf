"""``bmc-course start``: failures before JupyterLab starts are one line, and nothing is prepared."""

from __future__ import annotations

from pathlib import Path

from tests.support.cli_runner import run_cli


def test_start_on_a_taken_port_is_a_one_line_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        _, err = run_cli(
            ["start", "--workspace", str(tmp_path / "ws"), "--port", str(port), "--no-browser"],
            retcode=1,
        )
    assert err.count("\n") == 1 and f"port {port}" in err
    assert not (tmp_path / "ws").exists()  # nothing prepared for a server that cannot start


def test_start_with_a_file_as_workspace_is_a_one_line_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine", encoding="utf-8")
    _, err = run_cli(["start", "--workspace", str(not_a_folder), "--no-browser"], retcode=1)
    assert err.count("\n") == 1 and "notes.txt" in err
    assert not_a_folder.read_text(encoding="utf-8") == "mine"
