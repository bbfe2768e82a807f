"""Make the screenshots and PDF previews in docs/ from the demo patient.

Run with `make screenshots` (offscreen Qt; PDF pages need pdftoppm from poppler-utils).
Every screen the README shows is produced here, so the pictures stay current.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402
from reportlab.graphics import renderPDF  # noqa: E402

from core.demo import demo_record  # noqa: E402
from core.dermatome_map import before_after_drawing, values_from_exam  # noqa: E402
from core.knowledge import Side  # noqa: E402
from gui.widgets.dermatome_map import DermatomeMapWidget  # noqa: E402

DOCS = Path(__file__).parent
SHOTS = DOCS / "screenshots"


def pdf_page_png(pdf: Path, out: Path, resolution: int = 80) -> None:
    """The first page of a PDF as PNG, when pdftoppm is installed."""
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils); skipped", out.name)
        return
    stem = out.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-singlefile", str(pdf),
                    str(stem)], check=True)


def dermatome_map(app: QApplication) -> None:
    """The map widget with the demo patient's day-7 light touch, changes outlined."""
    record = demo_record()
    before, now = record.exams[0], record.exams[1]
    widget = DermatomeMapWidget()
    values = values_from_exam(now.light_touch)
    changed = frozenset((side, d) for side in Side for d, g in values[side].items()
                        if (before.light_touch.get(side) or {}).get(d) != g)
    widget.set_values(values, changed)
    widget.resize(1000, 780)
    widget.show()
    app.processEvents()
    widget.grab().save(str(SHOTS / "dermatome-map.png"))
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "map.pdf"
        drawing = before_after_drawing(values_from_exam(before.light_touch), values, 760,
                                       changed, ("Before surgery", "Day 7"))
        renderPDF.drawToFile(drawing, str(pdf))
        pdf_page_png(pdf, DOCS / "dermatome-map-pdf.png", 110)


def main() -> None:
    """Make every picture."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    dermatome_map(app)
    print(f"screenshots written to {SHOTS}")
    os._exit(0)  # skip Qt's teardown of widgets at interpreter exit


if __name__ == "__main__":
    main()
