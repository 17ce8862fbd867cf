"""Teaching a class on JupyterHub: the shipped hub configuration and what it runs.

``jupyterhub_config.py`` is the file JupyterHub loads (``bmc-course hub-config``
prints or writes it); ``hub_settings`` reads its environment variables;
``hub_safety`` refuses unsafe set-ups; ``learner_folder`` makes each learner's
workspace folder before their server starts; ``singleuser`` is the command the
hub runs for each learner (prepare the course, then Jupyter's single-user
server); ``hub_check`` checks a running hub the way a class uses it.
"""
