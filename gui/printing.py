"""Printing the PDFs through the operating system's own print path.

Windows prints a PDF with the registered viewer's "print" verb; macOS and Linux hand it to CUPS
(`lp`, or `lpr`). The app never renders PDFs itself, so what is printed is exactly the file that
was written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


class PrintError(OSError):
    """The files could not be sent to a printer; the message says what to do instead."""


def print_files(paths: list[Path]) -> str:
    """Send ``paths`` to the default printer; return what was done, in words."""
    if sys.platform == "win32":
        for path in paths:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]  # Windows only
        return f"Sent {len(paths)} PDFs to the default printer."
    command = shutil.which("lp") or shutil.which("lpr")
    if command is None:
        raise PrintError("No print command (lp or lpr) was found: open the PDFs and print them "
                         "from the viewer.")
    result = subprocess.run([command, *map(str, paths)], capture_output=True, text=True,
                            timeout=30, check=False)
    if result.returncode != 0:
        raise PrintError(f"The printer refused the job: {result.stderr.strip() or result.stdout}")
    return f"Sent {len(paths)} PDFs to the default printer ({Path(command).name})."
