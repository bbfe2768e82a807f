"""The app in clinic mode on a real PostgreSQL server: the login dialog and its errors, the
password asked again to sign, a patient's audit history, and the administrator's Users dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from clinic_logins import PASSWORD, demo_clinic
from sqlalchemy.engine import make_url

from core.edits import PainSite, SetPain
from core.record import ExamStatus
from core.store import Store, open_store
from core.store.connection import with_login
from gui import exam_control as exam_control_module
from gui import login as login_module
from gui import main_window as main_window_module
from gui import store_opening as store_opening_module
from gui import users as users_module
from gui.audit_history import AuditHistoryDialog
from gui.login import LoginDialog
from gui.main_window import MainWindow
from gui.users import NewUserDialog, UsersDialog

on_postgres = pytest.mark.parametrize("engine_name", ["postgresql-icu"], indirect=True)



@pytest.fixture
def clinic(db_url: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The demo patient and a login per role (tests/clinic_logins.py)."""
    return demo_clinic(db_url, ("clinician", "administrator"), monkeypatch)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for module in (main_window_module, exam_control_module, users_module, store_opening_module):
        monkeypatch.setattr(module, "show_error",
                            lambda parent, title, message: shown.append(f"{title}: {message}"))
    return shown


def clinic_window(qtbot: Any, store: Store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    return window


@on_postgres
def test_the_login_dialog_says_why_it_refuses_and_stays_open(
        qtbot: Any, clinic: dict[str, str], tmp_path: Path) -> None:
    dialog = LoginDialog(clinic["clinician"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.login.text() == make_url(clinic["clinician"]).username
    dialog.password.setText("not the password")
    dialog.accept()
    assert dialog.isVisible() and dialog.store is None
    assert "wrong user name or password" in dialog.error.text()
    assert dialog.password.text() == ""  # typed again, never kept
    dialog.password.setText(PASSWORD)
    dialog.accept()
    assert not dialog.isVisible() and dialog.store is not None
    assert dialog.store.login == (make_url(clinic["clinician"]).username, "Dr Clinician")
    dialog.store.close()
    unreachable = LoginDialog(make_url(clinic["clinician"]).set(port=1)
                              .render_as_string(hide_password=False))
    qtbot.addWidget(unreachable)
    unreachable.password.setText(PASSWORD)
    unreachable.accept()
    assert "cannot be reached" in unreachable.error.text()


@on_postgres
def test_the_app_logs_in_or_offers_it_again(qtbot: Any, clinic: dict[str, str],
                                            monkeypatch: pytest.MonkeyPatch,
                                            messages: list[str]) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(login_module, "log_in", lambda parent, url: None)
    window.opening.open_store(clinic["clinician"])
    assert window.store is None and window.login_button.isVisible()
    assert "Not logged in" in window.start_text.text()
    monkeypatch.setattr(login_module, "log_in",
                        lambda parent, url: open_store(url, password=PASSWORD))
    window.login_button.click()
    assert window.store is not None and not window.login_button.isVisible()
    assert "logged in as Dr Clinician" in window.statusBar().currentMessage()
    assert window.users_action.isVisible()  # File, Users: the clinic's logins
    window.store.close()


def test_a_workstation_has_no_users_menu(qtbot: Any, tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'w.db'}", actor="jdoe") as store:
        window = clinic_window(qtbot, store)
        assert not window.users_action.isVisible()


@on_postgres
def test_signing_asks_the_password_and_the_audit_history_shows_it(
        qtbot: Any, clinic: dict[str, str], monkeypatch: pytest.MonkeyPatch,
        messages: list[str]) -> None:
    login = make_url(clinic["clinician"]).username
    store = open_store(clinic["clinician"], password=PASSWORD)
    window = clinic_window(qtbot, store)
    window.open_patient("DEMO-0001")
    window.new_exam()
    session = window.session
    assert session is not None
    from core.normal import Section

    for section in Section:
        session.fill_normal(section)
    asked: list[str] = []

    def typed(answer: str | None) -> None:
        def ask(parent: Any, title: str, text: str) -> str | None:
            asked.append(text)
            return answer
        monkeypatch.setattr(login_module, "ask_password", ask)

    typed(None)  # cancelled: nothing happens
    window.exams.sign_exam("")
    assert session.exam.status is ExamStatus.DRAFT and not messages
    assert asked == [f"Your password, to sign as Dr Clinician ({login}):"]
    typed("a guess")
    window.exams.sign_exam("")
    assert session.exam.status is ExamStatus.DRAFT
    assert "wrong user name or password" in messages[-1]
    typed(PASSWORD)
    window.exams.sign_exam("")
    assert session.exam.status is ExamStatus.SIGNED
    assert session.exam.signed_by is not None and session.exam.signed_by.login == login
    assert f"Signed by Dr Clinician ({login}) at" in window.editor.sign.status.text()
    exam_id = session.exam.id
    monkeypatch.setattr(window, "ask_text", lambda title, label: "wrong side")
    window.exams.amend_exam()
    assert session.apply(SetPain(PainSite.LEG, 7))
    typed("a guess")
    window.exams.sign_exam("")  # saving the amendment asks the password again
    assert session.amending and "wrong user name or password" in messages[-1]
    typed(PASSWORD)
    window.exams.sign_exam("")
    assert not session.amending and session.exam.pain is not None
    assert session.exam.pain.leg == 7
    assert len(asked) == 5
    window.close_exam()
    window.show_audit_history()
    dialog: AuditHistoryDialog = window.audit_dialog
    qtbot.addWidget(dialog)
    rows = [[dialog.model.item(row, column).text() for column in range(5)]
            for row in range(dialog.model.rowCount())]
    # Newest first (the edit lock's own rows aside: opened and closed for editing around each act).
    acts = [r for r in rows if r[2] not in ("exam opened for editing", "exam closed after editing")]
    assert [r[1:4] for r in acts[:2]] == [[login, "signed exam amended", exam_id],
                                          [login, "exam signed", exam_id]]
    assert [r[2] for r in rows if r[2] == "record opened"][:1] == ["record opened"]
    assert all(not r[2].startswith("database:") for r in rows)
    assert dialog.server_rows.isVisible()
    dialog.server_rows.setChecked(True)
    assert dialog.model.rowCount() > len(rows)
    assert any(dialog.model.item(row, 2).text() == "database: exams update"
               for row in range(dialog.model.rowCount()))
    store.close()


@on_postgres
def test_an_administrator_adds_a_user_in_the_app_a_clinician_is_refused(
        qtbot: Any, clinic: dict[str, str], db_url: str, monkeypatch: pytest.MonkeyPatch,
        messages: list[str]) -> None:
    new_login = f"nurse_{make_url(db_url).database}"

    def fill(dialog: NewUserDialog) -> NewUserDialog:
        dialog.login.setText(new_login)
        dialog.name.setText("Nurse Grace")
        dialog.role.setCurrentText("nurse")
        dialog.password.setText("a long password")
        dialog.again.setText("a long password")
        monkeypatch.setattr(dialog, "exec", lambda: (dialog.accept(), dialog.result())[1])
        return dialog

    with open_store(clinic["clinician"], password=PASSWORD) as doctor:
        users = UsersDialog(doctor)
        qtbot.addWidget(users)
        users.add_user(fill(NewUserDialog(users)))
        assert "no permission" in messages[-1]
    with open_store(clinic["administrator"], password=PASSWORD) as admin:
        users = UsersDialog(admin)
        qtbot.addWidget(users)
        users.add_user(fill(NewUserDialog(users)))
        listed = {users.model.item(row, 0).text(): users.model.item(row, 1).text()
                  for row in range(users.model.rowCount())}
        assert listed[new_login] == "nurse"
    with open_store(with_login(db_url, new_login), password="a long password") as nurse:
        assert nurse.login == (new_login, "Nurse Grace")


def test_a_new_user_needs_two_equal_passwords(qtbot: Any) -> None:
    dialog = NewUserDialog()
    qtbot.addWidget(dialog)
    dialog.login.setText("ada")
    dialog.password.setText("a long password")
    dialog.again.setText("a long passwort")
    dialog.accept()
    assert dialog.result() == 0 and "differ" in dialog.error.text()
