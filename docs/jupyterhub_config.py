"""JupyterHub configuration for running bmc-course with a class (JupyterHub 5 or 6).

Each learner gets their own workspace, ``$BMC_HUB_USERS/<username>``, prepared
with the course notebooks when their server starts (a notebook a learner
changed is never overwritten). Their progress file,
``bmc-course-progress.json``, lives in that workspace, so every learner's
answers stay their own. A teacher collects everything at once with::

    bmc-course class-summary "$BMC_HUB_USERS" --include '*.json' -o class-report.html

Try it on one machine (see docs/teaching-with-jupyterhub.md)::

    BMC_HUB_USERS=/tmp/bmc-hub-users BMC_HUB_PASSWORD=try-it jupyterhub -f docs/jupyterhub_config.py

As written this uses JupyterHub's built-in *dummy* authenticator (one shared
password) and *simple local process* spawner (every learner's server runs as
the user running the hub): right for trying it out and for a closed
classroom network, not for the internet. For real accounts switch the two
marked settings (e.g. PAM or an OAuth login, and LocalProcessSpawner,
SystemdSpawner or DockerSpawner) — the workspace preparation below stays.
"""

import os
from pathlib import Path

from bmc_course.app.lab_server import write_lab_settings
from bmc_course.app.workspace import prepare_workspace

c = get_config()  # noqa: F821 -- provided by JupyterHub when it loads this file

USERS_ROOT = Path(os.environ.get("BMC_HUB_USERS", "/srv/bmc-course/users"))

c.JupyterHub.ip = os.environ.get("BMC_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("BMC_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"

# --- who may log in (replace for real accounts) ------------------------------------
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ.get("BMC_HUB_PASSWORD", "")
c.Authenticator.allow_all = True
c.Authenticator.admin_users = set(filter(None, os.environ.get("BMC_HUB_ADMINS", "").split(",")))

# --- where each learner's server runs (replace for real accounts) --------------------
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(USERS_ROOT / "{username}")

# --- the course: every learner opens the welcome notebook in JupyterLab ---------------
c.Spawner.default_url = "/lab/tree/00_welcome.ipynb"
if hasattr(os, "geteuid") and os.geteuid() == 0:
    c.Spawner.args = ["--ServerApp.allow_root=True"]  # containers and test machines run as root


def prepare_learner_workspace(spawner):  # type: ignore[no-untyped-def]
    """Before a learner's server starts: copy the course into their workspace, set JupyterLab's
    offline defaults (no news, no update check) and start there."""
    workspace = USERS_ROOT / spawner.user.name
    workspace.mkdir(parents=True, exist_ok=True)
    prepare_workspace(workspace)
    config_dir = write_lab_settings(workspace)
    spawner.notebook_dir = str(workspace)
    spawner.environment["JUPYTER_CONFIG_PATH"] = str(config_dir)


c.Spawner.pre_spawn_hook = prepare_learner_workspace
