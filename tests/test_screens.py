"""What the screens show a clinician: the first start, Help, words instead of identifiers,
colours that stay readable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from core.settings import load_settings
from core.store import Store
from gui import exam_control as exam_control_module
from gui import main_window as main_window_module
from gui.dialogs import SettingsDialog
from gui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(main_window_module, "show_error", lambda *args: None)
    monkeypatch.setattr(exam_control_module.QDesktopServices, "openUrl", lambda url: True)
    shown = MainWindow(Store(f"sqlite:///{tmp_path / 'screens.db'}", actor="tester"))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_the_first_start_asks_for_the_clinic_telephone_the_handout_prints(
        qtbot: Any, window: MainWindow) -> None:
    assert window.clinic_button.isVisible()
    assert "telephone number" in window.start_text.text()

    def fill_in() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, SettingsDialog) and w.isVisible())
        dialog.fields["clinic_name"].setText("Riverside Spine Clinic")
        dialog.fields["clinic_phone"].setText("0100 000 111")
        dialog.accept()

    QTimer.singleShot(200, fill_in)
    window.clinic_button.click()
    assert load_settings().clinic_phone == "0100 000 111"
    assert not window.clinic_button.isVisible()
    assert "telephone number" not in window.start_text.text()
