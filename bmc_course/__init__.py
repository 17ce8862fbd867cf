"""bmc-course: an interactive course on the Customer Relationships block of the
Business Model Canvas.

Importing the package stays light: no matplotlib, ipywidgets or pandas here.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bmc-course")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
