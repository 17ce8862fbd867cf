"""Running JupyterLab on a workspace: the command, the environment, and one real server."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bmc_course.app import lab_server
from bmc_course.app.lab_server import (
    COURSE_LABEXTENSION_NAME,
    COURSE_LABEXTENSIONS,
    LAB_BOOTSTRAP,
    LOCALHOST,
    NOTIFICATION_PLUGIN,
    TOKEN_ENV_VAR,
    LabServerError,
    build_lab_command,
    build_lab_environment,
    check_port_free,
    find_free_port,
    http_status,
    lab_config_dir,
    run_lab,
    wait_until_ready,
    write_lab_settings,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and user ids")


def options(command: list[str]) -> dict[str, str]:
    """``--Name.trait=value`` arguments as a dict."""
    pairs = (arg[2:].split("=", 1) for arg in command if arg.startswith("--") and "=" in arg)
    return dict(pairs)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    workspace = tmp_path / "ws"
    workspace.mkdir()
    (workspace / "00_welcome.ipynb").write_text("{}", encoding="utf-8")
    return workspace


@pytest.fixture
def listening_port() -> Iterator[int]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOCALHOST, 0))
        sock.listen()
        yield sock.getsockname()[1]


# --- the command -----------------------------------------------------------------


def test_command_listens_on_localhost_in_the_workspace(ws: Path) -> None:
    command = build_lab_command(ws, port=8123, open_browser=False)
    opts = options(command)

    assert command[0] == sys.executable
    assert opts["ServerApp.ip"] == "127.0.0.1"
    assert opts["ServerApp.root_dir"] == str(ws.resolve())
    assert opts["ServerApp.port"] == "8123"
    assert opts["ServerApp.port_retries"] == "0"  # a taken port is an error, not a surprise
    assert opts["ServerApp.open_browser"] == "False"
    assert opts["ServerApp.answer_yes"] == "True"
    assert opts["LabApp.default_url"] == "/lab/tree/00_welcome.ipynb"
    assert opts["LabApp.workspaces_dir"] == str(ws.resolve() / ".bmc-course" / "lab-workspaces")


def test_command_turns_off_everything_that_goes_online(ws: Path) -> None:
    opts = options(build_lab_command(ws, port=8123, open_browser=True))

    assert opts["ServerApp.open_browser"] == "True"
    assert opts["LabApp.news_url"] == "None"
    assert opts["LabApp.check_for_updates_class"] == "jupyterlab.NeverCheckForUpdate"
    assert opts["LabApp.extension_manager"] == "readonly"


def test_command_loads_the_course_extension_from_the_package(ws: Path) -> None:
    opts = options(build_lab_command(ws, port=8123, open_browser=False))

    folder = Path(opts["LabApp.extra_labextensions_path"])
    assert folder == COURSE_LABEXTENSIONS
    # JupyterLab looks for <folder>/<name>/package.json
    built = json.loads((folder / "bmc-course-lab" / "package.json").read_text(encoding="utf-8"))
    assert built["name"] == COURSE_LABEXTENSION_NAME == "bmc-course-lab"
    assert (folder / "bmc-course-lab" / built["jupyterlab"]["_build"]["load"]).is_file()


def test_the_course_extension_is_installed_nowhere_jupyterlab_looks_by_itself() -> None:
    # only the course's server loads it: a plain `jupyter lab` of the same
    # environment (or Voilà) must not
    from jupyter_core.paths import jupyter_path

    for folder in jupyter_path("labextensions"):
        assert not (Path(folder) / COURSE_LABEXTENSION_NAME).exists(), folder


def test_command_without_port_lets_jupyter_choose(ws: Path) -> None:
    opts = options(build_lab_command(ws, port=None, open_browser=False))

    assert "ServerApp.port" not in opts and "ServerApp.port_retries" not in opts


def test_default_url_falls_back_when_welcome_is_gone(ws: Path) -> None:
    (ws / "00_welcome.ipynb").unlink()

    assert (
        options(build_lab_command(ws, port=1, open_browser=False))["LabApp.default_url"] == "/lab"
    )


@posix_only
@pytest.mark.parametrize(("euid", "expected"), [(0, True), (1000, False)])
def test_allow_root_only_as_root(
    ws: Path, monkeypatch: pytest.MonkeyPatch, euid: int, expected: bool
) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: euid)

    command = build_lab_command(ws, port=1, open_browser=False)

    assert ("--ServerApp.allow_root=True" in command) is expected


def test_token_is_in_the_environment_not_on_the_command_line(ws: Path) -> None:
    token = lab_server.new_token()
    command = build_lab_command(ws, port=1, open_browser=False)
    env = build_lab_environment(ws, token=token, base={"JUPYTER_CONFIG_PATH": "/elsewhere"})

    assert not any(token in arg for arg in command)
    assert env[TOKEN_ENV_VAR] == token
    # Our settings come first (highest priority); the learner's path is kept.
    assert env["JUPYTER_CONFIG_PATH"].split(os.pathsep) == [
        str(lab_config_dir(ws.resolve())),
        "/elsewhere",
    ]
    assert len(token) >= 40 and token != lab_server.new_token()


def test_bootstrap_puts_the_token_on_jupyters_own_argv(tmp_path: Path) -> None:
    # A stand-in for jupyterlab.labapp that reports what the real one would see.
    fake = tmp_path / "fake" / "jupyterlab"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("", encoding="utf-8")
    (fake / "labapp.py").write_text(
        "import json, os, sys\n"
        "def main():\n"
        f"    print(json.dumps([sys.argv[1:], {TOKEN_ENV_VAR!r} in os.environ]))\n"
        "    return 0\n",
        encoding="utf-8",
    )
    (fake.parent / "voila.py").write_text("", encoding="utf-8")  # skip the real, slow import
    env = dict(os.environ, PYTHONPATH=str(fake.parent), **{TOKEN_ENV_VAR: "s3cret"})

    done = subprocess.run(
        [sys.executable, "-c", LAB_BOOTSTRAP, "--ServerApp.ip=127.0.0.1"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    argv, token_still_in_env = json.loads(done.stdout)
    assert argv == ["--IdentityProvider.token=s3cret", "--ServerApp.ip=127.0.0.1"]
    assert token_still_in_env is False  # kernels and terminals do not inherit it


def test_settings_switch_off_news_and_update_checks(ws: Path) -> None:
    config_dir = write_lab_settings(ws)

    overrides = json.loads(
        (config_dir / "labconfig" / "default_setting_overrides.json").read_text(encoding="utf-8")
    )
    assert overrides[NOTIFICATION_PLUGIN] == {"fetchNews": "false", "checkForUpdates": False}


# --- ports and readiness -----------------------------------------------------------


def test_free_port_is_usable() -> None:
    port = find_free_port()
    assert 0 < port < 65536
    check_port_free(port)  # raises LabServerError when JupyterLab could not listen there
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind((LOCALHOST, port))
        server.listen()
        with socket.create_connection((LOCALHOST, port), timeout=5) as client:
            assert client.getpeername() == (LOCALHOST, port)


def test_taken_port_is_a_one_line_error(listening_port: int) -> None:
    with pytest.raises(LabServerError) as caught:
        check_port_free(listening_port)

    message = str(caught.value)
    assert f"port {listening_port}" in message and "in use" in message and "\n" not in message


def test_run_lab_on_a_taken_port_starts_nothing(
    ws: Path, listening_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_process(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("JupyterLab must not be started")

    monkeypatch.setattr(subprocess, "Popen", no_process)

    with pytest.raises(LabServerError, match="in use"):
        run_lab(ws, port=listening_port, open_browser=False)


def test_wait_gives_up_when_the_server_exits() -> None:
    process = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    try:
        with pytest.raises(LabServerError, match=r"exited \(code 3\)"):
            wait_until_ready(find_free_port(), "t", timeout=30, process=process)
    finally:
        process.wait()


def test_wait_times_out_when_nothing_answers() -> None:
    started = time.monotonic()
    with pytest.raises(LabServerError, match="did not answer"):
        wait_until_ready(find_free_port(), "t", timeout=0.3)
    assert time.monotonic() - started < 10


def test_http_status_is_none_when_nothing_listens() -> None:
    assert http_status(f"http://{LOCALHOST}:{find_free_port()}/api/status", timeout=1) is None


# --- one real server -----------------------------------------------------------------


def printed_until_address(process: subprocess.Popen[str], stderr: Path | None = None) -> list[str]:
    """The lines a ``start``/``teach`` process prints, up to the one with JupyterLab's address."""
    assert process.stdout is not None
    lines: list[str] = []
    while not any("running at" in line for line in lines):
        line = process.stdout.readline()
        said = stderr.read_text(encoding="utf-8") if stderr is not None else "(not kept)"
        assert line, f"no address printed; stderr:\n{said}"
        lines.append(line)
    return lines


def isolated_jupyter_env(home: Path) -> dict[str, str]:
    """The test's environment with Jupyter's per-user folders moved into ``home``.

    Settings, workspaces and runtime files of whoever runs the tests must not
    leak in (or be written to).
    """
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "lab-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "lab-workspaces"),
    )
    env.pop("JUPYTER_CONFIG_PATH", None)
    return env


@posix_only
@pytest.mark.server
def test_start_serves_the_workspace_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    workspace = tmp_path / "my workspace"  # a space, as learners' folders often have
    port = find_free_port()
    stderr_path = tmp_path / "stderr.txt"
    with stderr_path.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bmc_course",
                "start",
                "--workspace",
                str(workspace),
                "--port",
                str(port),
                "--no-browser",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=isolated_jupyter_env(tmp_path / "home"),
        )
        try:
            lines = printed_until_address(process, stderr_path)
            url = lines[-1].split("running at ", 1)[1].strip()
            assert url.startswith(f"http://127.0.0.1:{port}/lab/tree/00_welcome.ipynb?token=")
            token = url.rsplit("token=", 1)[1]
            base = f"http://{LOCALHOST}:{port}"

            wait_until_ready(port, token, timeout=60, process=process)
            assert http_status(f"{base}/api/status?token={token}") == 200
            assert http_status(f"{base}/api/status") == 403
            assert http_status(f"{base}/api/status?token=wrong") == 403
            assert (workspace / "00_welcome.ipynb").is_file()
            assert (workspace / ".bmc-course" / "manifest.json").is_file()

            # Offline: no news feed, no update check, and the page is told so.
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

            def get_json(path: str) -> dict[str, Any]:
                with opener.open(f"{base}{path}?token={token}", timeout=10) as response:
                    data = json.load(response)
                assert isinstance(data, dict)
                return data

            settings = get_json(f"/lab/api/settings/{NOTIFICATION_PLUGIN}")
            defaults = settings["schema"]["properties"]
            assert defaults["fetchNews"]["default"] == "false"
            assert defaults["checkForUpdates"]["default"] is False
            assert get_json("/lab/api/news") == {"news": []}

            # The page loads the course's extension (see test_lab_extension_build.py).
            with opener.open(f"{base}/lab?token={token}", timeout=10) as response:
                page = response.read().decode("utf-8")
            config = json.loads(
                page.split('id="jupyter-config-data"', 1)[1].split(">", 1)[1].split("</script>")[0]
            )
            loaded = [ext["name"] for ext in config["federated_extensions"]]
            assert COURSE_LABEXTENSION_NAME in loaded, loaded
            assert get_json("/lab/api/update") == {"notification": None}

            # The token is on no process's visible command line.
            proc = Path("/proc")
            if proc.is_dir():
                for cmdline in proc.glob("[0-9]*/cmdline"):
                    try:
                        assert token not in cmdline.read_text(errors="replace"), cmdline
                    except OSError:
                        continue  # the process ended meanwhile

            started = time.monotonic()
            process.send_signal(signal.SIGINT)  # what Ctrl-C sends to the foreground process
            code = process.wait(timeout=15)
            assert time.monotonic() - started < 15
            assert process.stdout is not None
            rest = process.stdout.read()
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    err = stderr_path.read_text(encoding="utf-8")
    assert code == 0, err
    assert "Traceback" not in err
    assert "JupyterLab stopped." in rest
    check_port_free(port)  # the server is really gone
