"""Crash reports that carry no patient data.

An exception's message can quote anything: SQL parameters, a name in a validation error, a
note. A report names the exception's type and the code path that raised it (file, line,
function), which is what support needs to find the bug, and leaves every message out.
"""

from __future__ import annotations

import traceback
from types import TracebackType


def scrubbed_frames(trace: TracebackType | None) -> list[str]:
    """The code path, innermost last: "core/store/store.py:212 in save_draft"."""
    frames = traceback.extract_tb(trace) if trace is not None else []
    return [f"{_short(frame.filename)}:{frame.lineno} in {frame.name}" for frame in frames]


def _short(filename: str) -> str:
    for marker in ("/core/", "/gui/", "\\core\\", "\\gui\\"):
        if marker in filename:
            return marker.strip("/\\") + "/" + filename.split(marker, 1)[1]
    return filename.rsplit("/", 1)[-1]


def scrubbed_report(error: BaseException) -> str:
    """The error as support may see it: type and code path, every message left out (a message
    may hold patient data). Chained causes are listed the same way."""
    lines = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append(f"{type(current).__module__}.{type(current).__qualname__} "
                     "(message withheld: it may contain patient data)")
        lines += [f"  at {frame}" for frame in scrubbed_frames(current.__traceback__)]
        current = current.__cause__ or current.__context__
    return "\n".join(lines)
