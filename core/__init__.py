"""NeuroExam's headless core: record models, knowledge tables, clinical engine, storage, export.

Nothing here imports Qt; everything works from scripts, tests and the command line.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("neuroexam")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
