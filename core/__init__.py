"""NeuroExam's headless core: record models, knowledge tables, clinical engine, storage, export.

Nothing here imports Qt; everything works from scripts, tests and the command line.
"""

from __future__ import annotations

from functools import cache


@cache
def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("neuroexam")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    """``core.__version__``, read from the installed metadata on first use (importlib.metadata
    costs tens of milliseconds, too much to pay before the first window)."""
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module 'core' has no attribute {name!r}")
