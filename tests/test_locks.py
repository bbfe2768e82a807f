"""Working together on one database: edit locks ("being edited by ... since ...") and the feed of
changes other workstations see. Each test runs on SQLite and on PostgreSQL with both collations
(conftest); each "workstation" is a Store of its own, as each app process opens one."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from core.demo import DEMO_PATIENT_ID, demo_record
from core.record import ExamStatus
from core.store import LoginRefusedError, PermissionDeniedError, Store, StoreError
from core.store.drafts import discard_draft, retired_exam_ids
from core.store.locks import LOCK_EXPIRY
from core.store.notify import ListeningFeed, open_feed
from core.store.schema import exam_locks


def draft_id(store: Store) -> str:
    record = store.load_record(DEMO_PATIENT_ID)
    exam = next(e for e in record.exams if e.status is ExamStatus.SIGNED)
    draft = exam.model_copy(update={"id": "E-DRAFT", "status": ExamStatus.DRAFT,
                                    "signed_at": None})
    store.save_draft(DEMO_PATIENT_ID, draft, 0)
    return draft.id


@pytest.fixture
def ada(db_url: str) -> Store:
    store = Store(db_url, actor="ada")
    store.import_record(demo_record())
    return store


@pytest.fixture
def ben(db_url: str, ada: Store) -> Store:
    return Store(db_url, actor="ben")


def age_lock(url: str, exam_id: str, by: dt.timedelta) -> None:
    """Make a lock's last sign of life older, as a workstation that crashed that long ago."""
    engine = create_engine(url)
    with engine.begin() as connection:
        key = exam_locks.c.exam_id == exam_id
        for seen in connection.execute(select(exam_locks.c.seen).where(key)).scalars().all():
            connection.execute(exam_locks.update().where(key).values(seen=seen - by,
                                                                     since=seen - by))
    engine.dispose()


def test_an_exam_open_at_one_workstation_shows_who_and_since_when_at_another(
        ada: Store, ben: Store) -> None:
    exam_id = draft_id(ada)
    mine = ada.take_lock(DEMO_PATIENT_ID, exam_id)
    assert mine.mine and mine.holder == "ada" and not mine.stale
    theirs = ben.take_lock(DEMO_PATIENT_ID, exam_id)
    assert not theirs.mine and theirs.holder == "ada" and theirs.since == mine.since
    local = mine.since.astimezone()
    assert theirs.describe().startswith(f"being edited by ada at {theirs.workstation} since "
                                        f"{local:%H:%M}")
    assert ben.edit_locks(DEMO_PATIENT_ID) == {exam_id: theirs}
    # The holder's heartbeat keeps it; closing the editor frees it for the colleague.
    assert ada.renew_lock(DEMO_PATIENT_ID, exam_id) is not None
    ada.release_lock(DEMO_PATIENT_ID, exam_id)
    assert ben.edit_lock(DEMO_PATIENT_ID, exam_id) is None
    assert ben.take_lock(DEMO_PATIENT_ID, exam_id).mine
    actions = [(row["actor"], row["action"]) for row in ada.audit_entries(DEMO_PATIENT_ID)
               if row["action"].startswith("exam_lock")]
    assert actions == [("ada", "exam_lock_taken"), ("ada", "exam_lock_released"),
                       ("ben", "exam_lock_taken")]


def test_a_crashed_workstations_lock_expires_and_can_be_taken_over(
        ada: Store, ben: Store, db_url: str) -> None:
    exam_id = draft_id(ada)
    ada.take_lock(DEMO_PATIENT_ID, exam_id)
    # Ada's workstation stops (no release, no heartbeat); a minute later the lock still holds.
    age_lock(db_url, exam_id, dt.timedelta(minutes=1))
    assert not ben.take_lock(DEMO_PATIENT_ID, exam_id, take_over=True).mine
    age_lock(db_url, exam_id, LOCK_EXPIRY)
    stale = ben.take_lock(DEMO_PATIENT_ID, exam_id)
    assert stale.stale and not stale.mine  # shown as expired, taken over only on request
    assert "the lock has expired and editing can be taken over" in stale.describe()
    taken = ben.take_lock(DEMO_PATIENT_ID, exam_id, take_over=True)
    assert taken.mine and taken.holder == "ben" and not taken.stale
    # Ada's workstation comes back: its heartbeat says the lock is lost, and it cannot release
    # Ben's lock by closing.
    assert ada.renew_lock(DEMO_PATIENT_ID, exam_id) is None
    ada.release_lock(DEMO_PATIENT_ID, exam_id)
    assert ben.edit_lock(DEMO_PATIENT_ID, exam_id) == taken
    [row] = [r for r in ben.audit_entries(DEMO_PATIENT_ID) if r["action"] == "exam_lock_taken_over"]
    assert row["actor"] == "ben" and row["detail"].startswith(f"from ada at {stale.workstation}")


def test_two_workstations_taking_one_lock_at_once_get_one_holder(db_url: str, ada: Store) -> None:
    exam_id = draft_id(ada)
    stores = [Store(db_url, actor=f"user{n}") for n in range(4)]
    results = {}
    start = threading.Barrier(len(stores))

    def take(store: Store) -> None:
        start.wait()
        results[store.actor] = store.take_lock(DEMO_PATIENT_ID, exam_id)

    threads = [threading.Thread(target=take, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    holders = {lock.holder for lock in results.values()}
    assert len(holders) == 1
    assert [actor for actor, lock in results.items() if lock.mine] == list(holders)
    for store in stores:
        store.close()


def test_other_workstations_hear_of_new_exams_signatures_and_locks(ada: Store, ben: Store,
                                                                   engine_name: str) -> None:
    feed = open_feed(ben.backend)
    assert isinstance(feed, ListeningFeed) == (engine_name != "sqlite")
    try:
        assert feed.wait(0.1) == []  # what was there before the feed opened is not news
        exam_id = draft_id(ada)
        ada.take_lock(DEMO_PATIENT_ID, exam_id)
        exam = ada.load_exam(DEMO_PATIENT_ID, exam_id)
        ada.sign_exam(DEMO_PATIENT_ID, exam.exam, exam.revision, "Dr Ada")
        seen: list[tuple[str, str | None]] = []
        for _ in range(20):
            seen += [(c.action, c.exam_id) for c in feed.wait(1.0) if c.patient_id == DEMO_PATIENT_ID]
            if len(seen) >= 3:
                break
        assert seen == [("exam_created", exam_id), ("exam_lock_taken", exam_id),
                        ("exam_signed", exam_id)]
    finally:
        feed.close()


@pytest.mark.parametrize("engine_name", ["postgresql-glibc", "postgresql-icu"], indirect=True)
def test_a_change_committed_after_a_later_one_is_not_missed(ada: Store, ben: Store,
                                                            db_url: str) -> None:
    feed = open_feed(ben.backend)
    engine = create_engine(db_url)
    insert = text("INSERT INTO audit_log (at, actor, action, patient_id, detail) VALUES "
                  "(now(), 'x', :action, :patient, '')")
    try:
        with engine.connect() as slow:
            slow.begin()
            slow.execute(insert, {"action": "slow", "patient": DEMO_PATIENT_ID})  # the smaller id
            with engine.begin() as fast:
                fast.execute(insert, {"action": "fast", "patient": DEMO_PATIENT_ID})
            assert [c.action for c in feed.wait(5.0)] == ["fast"]
            slow.commit()
        assert [c.action for c in feed.wait(5.0)] == ["slow"]
    finally:
        feed.close()
        engine.dispose()


@pytest.mark.parametrize("engine_name", ["postgresql-glibc"], indirect=True)
def test_discarding_a_draft_on_a_database_gone_is_a_classified_error(ada: Store,
                                                                     db_url: str) -> None:
    exam_id = draft_id(ada)
    name = make_url(db_url).database
    admin = create_engine(make_url(db_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()
    with pytest.raises(LoginRefusedError, match="refused the login"):
        retired_exam_ids(ada, DEMO_PATIENT_ID)
    with pytest.raises(StoreError) as caught:
        discard_draft(ada, DEMO_PATIENT_ID, exam_id, 1)
    assert "SELECT" not in str(caught.value)


@pytest.mark.parametrize("engine_name", ["postgresql-glibc"], indirect=True)
def test_clinic_logins_see_each_others_locks_by_display_name(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_clinic_roles import add

    suffix = make_url(db_url).database
    with Store(db_url, actor="setup") as owner:
        owner.import_record(demo_record())
        exam_id = draft_id(owner)
    urls = {role: add(db_url, f"{role.replace('-', '')}_{suffix}", role, f"Dr {role.title()}",
                      monkeypatch) for role in ("clinician", "nurse", "read-only")}
    with Store(urls["nurse"]) as nurse, Store(urls["clinician"]) as clinician, \
            Store(urls["read-only"]) as reader:
        feed = open_feed(clinician.backend)
        try:
            assert nurse.take_lock(DEMO_PATIENT_ID, exam_id).mine
            heard = feed.wait(5.0)
        finally:
            feed.close()
        assert [(c.action, c.actor) for c in heard] == [("exam_lock_taken", nurse.actor)]
        theirs = clinician.take_lock(DEMO_PATIENT_ID, exam_id)
        assert not theirs.mine and theirs.describe().startswith("being edited by Dr Nurse at ")
        with pytest.raises(PermissionDeniedError):
            reader.take_lock(DEMO_PATIENT_ID, "post-1")
