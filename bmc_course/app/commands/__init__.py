"""The ``bmc-course`` commands, one module each.

Every module defines ``add_parser(commands)``, which adds its sub-parser (with
its help text and arguments) and sets ``run`` as the function that does the
work: ``run(args, out) -> int``, the exit code. A module imports heavy
libraries (Jupyter, pandas, matplotlib) inside ``run``, so that building the
parser stays light.
"""
