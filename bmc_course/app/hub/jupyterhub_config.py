"""JupyterHub configuration for a class taking bmc-course (JupyterHub 5.3 or later).

Run ``jupyterhub -f "$(bmc-course hub-config --path)"``, or write a copy with
``bmc-course hub-config -o jupyterhub_config.py``. Everything is set by
``BMC_HUB_*`` environment variables (``bmc-course hub-config --help`` lists
them; docs/teaching-with-jupyterhub.md explains them). Safe by default: real
accounts (PAM), every learner's server as the learner's own account, terminals
off, idle kernels and servers stopped. The hub refuses to start, in one line,
if the result would let a learner run as root or in without an identity.

Your own additions (an OAuth or LTI login, DockerSpawner, ...) go in a file of
your own named by ``BMC_HUB_LOCAL_CONFIG``: it is loaded after these settings
and before the safety check.
"""

from bmc_course.app.hub.hub_setup import load_into

load_into(get_config(), load_subconfig)  # type: ignore[name-defined]  # noqa: F821 -- JupyterHub provides both
