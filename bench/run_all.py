"""Run every benchmark script in this folder and print their figures."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

for script in sorted(HERE.glob("*.py")):
    if script.name not in ("common.py", "run_all.py", "app.py"):
        runpy.run_path(str(script), run_name="__main__")

# The app benchmark ends the process itself (Qt teardown), so it runs last in its own process.
import subprocess  # noqa: E402

subprocess.run([sys.executable, str(HERE / "app.py")], check=True, cwd=HERE)
