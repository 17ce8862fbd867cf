"""``bmc-course hub-config``: the JupyterHub configuration shipped for teaching a class.

Prints the file (default), writes a copy (``-o FILE``), prints where the
installed one is (``--path``, for ``jupyterhub -f "$(bmc-course hub-config --path)"``),
or loads it as JupyterHub would with the current ``BMC_HUB_*`` variables and
says whether the hub would start (``--check``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bmc_course.app.cli_errors import EXIT_OK, CommandFailed, UsageError
from bmc_course.app.output_paths import check_output_path
from bmc_course.state.safe_files import atomic_write_bytes

if TYPE_CHECKING:
    from bmc_course.app.cli_arguments import Subcommands

CONFIG_FILE = Path(__file__).resolve().parents[1] / "hub" / "jupyterhub_config.py"
SETTINGS_HELP = """\
settings (environment variables read when the hub starts):
  BMC_HUB_AUTH          pam (default: the machine's accounts) | shared-password (demo) | custom
  BMC_HUB_SPAWNER       local (default with pam) | systemd | simple (default with
                        shared-password; refused as root) | custom
  BMC_HUB_GROUP         the learners' Unix group with pam (default bmc-learners)
  BMC_HUB_ADMINS        teachers' account names, comma-separated (not with a shared password)
  BMC_HUB_PASSWORD      the shared password (at least 8 characters), with BMC_HUB_LEARNERS
  BMC_HUB_USERS         the learners' workspaces (default /srv/bmc-course/users)
  BMC_HUB_STATE         the hub's database, cookie secret, proxy (default /srv/bmc-course/hub)
  BMC_HUB_IP, BMC_HUB_PORT             where the hub listens (default 127.0.0.1, 8000)
  BMC_HUB_SSL_CERT, BMC_HUB_SSL_KEY    HTTPS
  BMC_HUB_TERMINALS     1 lets learners open terminals (default 0)
  BMC_HUB_KERNEL_IDLE_MINUTES, BMC_HUB_SERVER_IDLE_MINUTES   culling (default 20, 60)
  BMC_HUB_MEM_LIMIT, BMC_HUB_CPU_LIMIT  per learner, where the spawner enforces them (1G, 1)
  BMC_HUB_PROXY         configurable-http-proxy (default $BMC_HUB_STATE/proxy/..., else PATH)
  BMC_HUB_LOCAL_CONFIG  your own config file, loaded after these and before the safety check
See docs/teaching-with-jupyterhub.md."""


def add_parser(commands: Subcommands) -> None:
    """Add ``hub-config`` and its arguments."""
    parser = commands.add_parser(
        "hub-config",
        help="print, write or check the JupyterHub configuration for teaching a class",
        description="Print the JupyterHub configuration shipped with bmc-course (a class on one "
        "server: each learner their own account and workspace). Run the hub with "
        "'jupyterhub -f \"$(bmc-course hub-config --path)\"'.",
        epilog=SETTINGS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help="write the configuration to FILE (a new file, unless --force)",
    )
    action.add_argument(
        "--path", action="store_true", help="print the path of the installed configuration file"
    )
    action.add_argument(
        "--check",
        action="store_true",
        help="load the configuration as JupyterHub would, with the BMC_HUB_* variables set now, "
        "and say whether the hub would start (makes the state folder if missing; needs jupyterhub)",
    )
    parser.add_argument("--force", action="store_true", help="with -o: replace an existing file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print, write, locate or check the configuration."""
    if args.force and args.output is None:
        raise UsageError("--force only goes with -o FILE (see 'bmc-course hub-config --help')")
    if args.path:
        print(CONFIG_FILE, file=out)
    elif args.check:
        print(check_config(CONFIG_FILE), file=out)
    elif args.output is not None:
        write_config(args.output, force=args.force)
        print(f"wrote {args.output}; start the hub with: jupyterhub -f {args.output}", file=out)
    else:
        out.write(CONFIG_FILE.read_text(encoding="utf-8"))
    return EXIT_OK


def write_config(target: Path, *, force: bool) -> None:
    """Write the shipped configuration to ``target`` (a new file, or any regular file if ``force``)."""
    check_output_path(target, inputs=[CONFIG_FILE])
    if target.exists() and not force:
        raise CommandFailed(f"{target}: exists; add --force to replace it")
    atomic_write_bytes(target, CONFIG_FILE.read_bytes())


def check_config(config_file: Path) -> str:
    """Load ``config_file`` as JupyterHub does; return a summary, or raise with the refusal."""
    try:
        from traitlets.config.loader import PyFileConfigLoader
    except ImportError:  # pragma: no cover -- traitlets comes with jupyterlab
        raise CommandFailed("traitlets is missing; install jupyterhub") from None
    if importlib.util.find_spec("jupyterhub") is None:  # the configuration names its classes
        raise CommandFailed(
            "jupyterhub is not installed in this Python: pip install 'bmc-course[hub]'"
        )
    loader = PyFileConfigLoader(config_file.name, path=str(config_file.parent))
    try:
        config = loader.load_config()
    except SystemExit as refused:
        raise CommandFailed(str(refused.code).removeprefix("bmc-course hub: ")) from None
    hub = config.JupyterHub
    spawner = hub.get("spawner_class", "localprocess (JupyterHub's default)")
    lines = [
        f"OK: the hub would start as user id {os.geteuid()}"
        if hasattr(os, "geteuid")
        else "OK: the hub would start",
        f"  login: {hub.get('authenticator_class', '(set in BMC_HUB_LOCAL_CONFIG)')}",
        f"  learners' servers: {spawner}",
        f"  listens on: {'https' if 'ssl_cert' in hub else 'http'}://{hub.ip}:{hub.port}",
        f"  database: {hub.db_url}",
    ]
    return "\n".join(lines)
