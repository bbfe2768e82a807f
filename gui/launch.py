"""The `neuroexam` entry point: the app with no arguments, `--self-test` to check an installation,
the headless command line otherwise.

This module must not import Qt at module level: the command line runs on machines with no display
and never loads PySide6.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def private_files() -> None:
    """Every file and folder NeuroExam creates (database, log, settings, window state, reports,
    exports, backups) is readable by its owner only: patient data never lands in a file another
    user of the workstation can read."""
    os.umask(0o077)


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the command line or start the app."""
    args = list(sys.argv[1:] if argv is None else argv)
    private_files()
    if args == ["--self-test"]:
        from gui.self_test import run_self_test

        return run_self_test()
    if args:
        from core.cli import main as cli_main

        return cli_main(args)
    from gui.app import run

    return run()


if __name__ == "__main__":
    sys.exit(main())
