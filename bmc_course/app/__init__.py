"""App: how the course is started and driven from outside Python.

The ``bmc-course`` command line (``cli``), the workspace it prepares
(``workspace``), the JupyterLab and Voilà servers it launches (``lab_server``,
``demo_server``) and their process handling (``server_process``).
"""
