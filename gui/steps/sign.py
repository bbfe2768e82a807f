"""Step 8, sign: the examiner's name, signing or saving an amendment, the PDFs, discarding."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from core.i18n import format_moment
from core.record import Exam
from gui.actions import ActionId, key_text
from gui.translation import language


class SignStep(QWidget):
    """The sign step's buttons; what they do is the window's (gui/exam_control.py)."""

    sign_requested = Signal(str)
    """The examiner's name as typed ("" for the default examiner)."""
    amend_requested = Signal()
    reports_requested = Signal()
    print_requested = Signal()
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.examiner = QLineEdit()
        self.examiner.setPlaceholderText(self.tr("Examiner's name"))
        self.examiner.setAccessibleName(self.tr("Examiner signing"))
        self.sign_button = QPushButton()
        self.sign_button.clicked.connect(self.request_signing)
        self.amend_button = QPushButton(self.tr("Amend signed exam… ({keys})").format(
            keys=key_text(ActionId.AMEND)))
        self.amend_button.clicked.connect(self.amend_requested.emit)
        self.reports_button = QPushButton(self.tr(
            "Create clinician report and patient handout ({keys})").format(keys=key_text(ActionId.REPORTS)))
        self.reports_button.clicked.connect(self.reports_requested.emit)
        self.print_button = QPushButton(self.tr("Print both ({keys})").format(
            keys=key_text(ActionId.PRINT)))
        self.print_button.clicked.connect(self.print_requested.emit)
        self.discard_button = QPushButton(self.tr("Discard this draft…"))
        self.discard_button.clicked.connect(self.discard_requested.emit)
        self.sign_button.setText(self.tr("Sign exam ({keys})").format(keys=key_text(ActionId.SIGN)))
        for widget in (self.status, self.examiner, self.sign_button, self.amend_button,
                       self.reports_button, self.print_button, self.discard_button):
            layout.addWidget(widget)
        layout.addStretch()

    def request_signing(self) -> None:
        """Ask to sign with the name typed here."""
        self.sign_requested.emit(self.examiner.text().strip())

    def show_exam(self, exam: Exam, signed: bool, amendment_reason: str | None) -> None:
        """What the exam's state allows: sign, save an amendment, amend, discard."""
        amending = amendment_reason is not None
        if amending:
            self.status.setText(self.tr(
                "Amending the signed exam: {reason}. Edits are saved together as a new signed "
                "revision; the earlier one is kept.").format(reason=amendment_reason))
        else:
            signer = exam.signed_by.text() if exam.signed_by is not None else exam.examiner
            self.status.setText(
                self.tr("Signed by {signer} at {when}.").format(
                    signer=signer, when=format_moment(exam.signed_at, language()))
                if signed and exam.signed_at else self.tr("Not signed yet."))
        self.sign_button.setText((self.tr("Save amendment ({keys})") if amending
                                  else self.tr("Sign exam ({keys})")).format(keys=key_text(ActionId.SIGN)))
        self.sign_button.setEnabled(not signed)
        self.amend_button.setVisible(signed)
        self.discard_button.setVisible(not signed and not amending)
        if not self.examiner.text():
            self.examiner.setText(exam.examiner)
