"""The command line in Spanish: its output, the rules page and the errors of the store, of
reading records and of exporting, when the locale (or the setting) is Spanish."""

from __future__ import annotations

import ast
import base64
import datetime as dt
import io
import json
import sqlite3
import string
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from test_i18n import _english_phrases, _normal

from core.cli import main
from core.demo import DEMO_PATIENT_ID, demo_record
from core.i18n import Language, translator
from core.locales.es import COMPOSED
from core.record import ExamStatus
from core.recordio import Problem, RecordError
from core.store import Store, StoreError
from core.store.backup import server_backup_commands

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def spanish_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    assert main(["demo", "--out", str(tmp_path)]) == 0
    return tmp_path / "demo-patient.json"


def _no_english(text: str) -> None:
    left = [p for p in _english_phrases() if _normal(p) in _normal(text)]
    assert not left, f"English left: {left}\n{text}"


def test_output_is_spanish(demo_file: Path, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(demo_file)]) == 0
    assert "registro de paciente válido (3 exploraciones, 1 cirugías)" in capsys.readouterr().out
    assert main(["assess", str(demo_file), "--exam", "post-1"]) == 0
    out = capsys.readouterr().out
    assert "PRIORIDAD: URGENTE - cirujano o especialista en 24-48 horas" in out
    assert "flexión dorsal del tobillo izq. 5 → 3 (nuevo)" in out
    _no_english(out)
    database = ["--database", f"sqlite:///{tmp_path / 'cli.db'}"]
    assert main(["import", str(demo_file), *database]) == 0
    assert "importado 1 registro de paciente: 1 pacientes nuevos" in capsys.readouterr().out
    assert main(["backup", "--out", str(tmp_path / "b.db"), *database]) == 0
    out = capsys.readouterr().out
    assert out.startswith("copia de seguridad escrita y verificada: ")
    assert "una base de datos de NeuroExam íntegra" in out and "la suma de comprobación" in out


def test_the_setting_or_the_option_wins_over_the_locale(demo_file: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["rules", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("NeuroExam triage rules")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(["report", str(demo_file), "--lang", "es", "--out",
                 str(demo_file.with_name("r.pdf"))]) == 0
    assert capsys.readouterr().out.startswith("escrito ")


@pytest.mark.parametrize("markdown", [False, True])
def test_the_rules_page_is_spanish(markdown: bool, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", *(["--markdown"] if markdown else [])]) == 0
    out = capsys.readouterr().out
    assert ("# Reglas clínicas de NeuroExam" if markdown else
            "Reglas de prioridad de NeuroExam") in out
    assert "Signo de alarma de síndrome de cola de caballo presente" in out
    _no_english(out)


def test_record_errors_are_spanish(tmp_path: Path, demo_file: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    text = demo_file.read_text().replace('"hip_flexion": "5"', '"hip_flexion": "6"', 1)
    broken.write_text(text.replace('"kind": "preoperative"', '"kind": "preop"', 1))
    assert main(["validate", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "no es un registro de paciente válido (2 problemas):" in err
    assert '"6" no es un valor válido' in err and "no se admite aquí" in err
    _no_english(err)
    broken.write_text("{not json")
    assert main(["validate", str(broken)]) == 1
    assert "el archivo no es JSON (línea 1, columna 2)" in capsys.readouterr().err
    assert main(["validate", str(tmp_path / "missing.json")]) == 3
    assert "No existe el archivo o la carpeta" in capsys.readouterr().err


def test_store_and_export_errors_are_spanish(tmp_path: Path, demo_file: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert main(["patients", "--database", f"sqlite:///{empty}"]) == 10
    err = capsys.readouterr().err
    assert "está vacío (0 bytes), así que no es una base de datos de NeuroExam" in err
    _no_english(err)
    assert main(["backup", "--verify", str(tmp_path / "nothing.db")]) == 1
    err = capsys.readouterr().err
    assert "no es un archivo de copia de seguridad" in err
    _no_english(err)
    assert main(["export", "--patient", "DEMO-0001", "--format", "json", "--deidentify",
                 "--out", str(tmp_path / "x.json")]) == 2
    err = capsys.readouterr().err
    assert "la seudonimización solo existe para las exportaciones CSV" in err
    _no_english(err)
    assert main(["assess", str(demo_file), "--exam", "nope"]) == 1
    assert "no hay ninguna exploración 'nope' en este registro" in capsys.readouterr().err


def _sample(template: str) -> dict[str, str]:
    return {name: f"<{name}>" for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_composed_message_is_recognised_as_its_own_template() -> None:
    """Formatted with any field values, each English template reads back as its Spanish: no
    other template takes its messages."""
    _ = translator(Language.ES)
    for english, spanish in COMPOSED.items():
        fields = _sample(english)
        assert _.message(english.format(**fields)) == spanish.format(**fields), english
    assert _.message("a message no template knows") == "a message no template knows"


def test_composed_fields_are_translated_too() -> None:
    _ = translator(Language.ES)
    differences = ("Patient P-1: stored and imported demographics differ; nothing was imported. "
                   "Differences:\n  - sex: stored \"female\", imported \"male\"\n"
                   "  - ... and 3 more")
    assert _.message(differences) == (
        "Paciente P-1: los datos personales de la base de datos y del archivo importado no "
        "coinciden; no se importó nada. Diferencias:\n"
        "  - sex: en la base de datos \"female\", en el archivo \"male\"\n  - ... y 3 más")
    # A record error as the app shows it (str): the head, then each problem after its path.
    error = RecordError([Problem("exams[0].kind", "'preop' is not allowed here; allowed: "
                                 "'preoperative'")], "the import")
    assert _.message(str(error)) == (
        "la importación no es un registro de paciente válido (1 problema):\n"
        "  - exams[0].kind: 'preop' no se admite aquí; se admiten: 'preoperative'")
    message = ("/data/x.db is empty (0 bytes), so it is not a NeuroExam database. It was not "
               "changed. Restore a backup, or choose another data folder.")
    assert _.message(message).startswith("/data/x.db está vacío (0 bytes), así que")


def test_the_help_is_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("uso: neuroexam [-h] [--version] ORDEN ...")
    assert "opciones:\n  -h, --help  muestra esta ayuda y termina" in out
    assert "Importa registros de pacientes" in out and "códigos de salida: 0 correcto" in out
    _no_english(out)
    for word in ("usage:", "options:", "show this help message"):
        assert word not in out
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    assert "--deidentify" in out and "solo CSV: sin nombres ni notas" in out
    _no_english(out)


def test_usage_errors_are_spanish_and_english_stays_english(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit) as done:
        main(["validate"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "error: faltan estos argumentos obligatorios: archivo" in err
    with pytest.raises(SystemExit):
        main(["export", "--all", "--format", "xml", "--out", "x"])
    assert "argumento --format: opción no válida: 'xml'" in capsys.readouterr().err
    # The option of one command line does not leak into the next one's words.
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    with pytest.raises(SystemExit):
        main(["validate"])
    assert "error: the following arguments are required: file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["rules", "--lang", "es", "--help"])
    assert capsys.readouterr().out.startswith("uso: neuroexam rules")


def _failure(argv: list[str], code: int, capsys: pytest.CaptureFixture[str]) -> str:
    """The error a failing command prints, checked to carry no English sentence."""
    assert main(argv) == code
    err = capsys.readouterr().err
    _no_english(err)
    return err


def test_the_usual_failures_are_told_in_spanish(tmp_path: Path, demo_file: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    database = ["--database", f"sqlite:///{tmp_path / 'clinic.db'}"]
    # A malformed import file: nothing is imported, every problem is listed.
    broken = tmp_path / "broken.json"
    broken.write_text(demo_file.read_text().replace('"hip_flexion": "5"',
                                                    '"hip_flexion": "6"', 1))
    err = _failure(["import", str(broken), *database], 1, capsys)
    assert "no es un registro de paciente válido (1 problema):" in err
    assert main(["import", str(demo_file), *database]) == 0
    # The same patient again, with an exam that differs from the stored one.
    changed = json.loads(demo_file.read_text())
    changed["exams"][0]["motor"]["left"]["hip_flexion"] = "4"
    changed["exams"][-1]["motor"]["left"]["hip_flexion"] = "4"
    broken.write_text(json.dumps(changed))
    capsys.readouterr()
    err = _failure(["import", str(broken), *database], 1, capsys)
    assert f"Paciente {DEMO_PATIENT_ID}: la exploración " in err
    assert "no coinciden; no se importó nada. Diferencias:" in err
    assert "motor.left.hip_flexion: en la base de datos \"5\", en el archivo \"4\"" in err
    # An unknown patient.
    err = _failure(["export", "--patient", "NOBODY", "--out", str(tmp_path / "x.json"),
                    *database], 1, capsys)
    assert "no hay ningún paciente con el identificador 'NOBODY'" in err
    # A pseudonym key that is not one.
    (tmp_path / "short.key").write_bytes(b"0123")
    err = _failure(["registry", "--out", str(tmp_path / "reg"), "--key-file",
                    str(tmp_path / "short.key"), *database], 1, capsys)
    assert "no es una clave de seudónimos (tiene 4 bytes y hacen falta al menos 16)" in err
    # A database written by a newer NeuroExam.
    with sqlite3.connect(tmp_path / "clinic.db") as connection:
        connection.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    connection.close()
    err = _failure(["patients", *database], 11, capsys)
    assert "la escribió un NeuroExam más reciente (esquema 999" in err


@pytest.mark.parametrize("engine_name", ["postgresql-glibc"])
def test_a_shared_database_to_upgrade_is_told_in_spanish(
        empty_db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    err = _failure(["patients", "--database", empty_db_url], 15, capsys)
    assert "La base de datos compartida " in err and " está vacía; este NeuroExam necesita" in err
    assert "No se cambió nada." in err


def test_an_exam_edited_at_another_workstation_is_told_in_spanish(
        tmp_path: Path, qapp: QApplication) -> None:
    from gui.session import ExamSession

    _ = translator(Language.ES)
    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    ada, ben = Store(url, actor="ada"), Store(url, actor="ben")
    ada.import_record(demo_record())
    record = ben.load_record(DEMO_PATIENT_ID)
    signed = next(e for e in record.exams if e.status is ExamStatus.SIGNED)
    lock = ada.take_lock(DEMO_PATIENT_ID, signed.id)
    since = lock.since.astimezone()
    stored = ben.load_exam(DEMO_PATIENT_ID, signed.id)
    session = ExamSession(ben, record, stored.exam, stored.revision)
    with pytest.raises(StoreError) as refused:
        session.begin_amendment("wrong side recorded")
    text = _.message(str(refused.value))
    assert text == (f"Esta exploración: la está editando ada en {lock.workstation} desde las "
                    f"{since:%H:%M}. Podrá corregirse aquí cuando la cierre.")
    expired = replace(lock, stale=True, seen=lock.since - dt.timedelta(minutes=5))
    text = _.message(expired.describe())
    assert "ese puesto no da señales de vida" in text and "se puede tomar el relevo" in text
    _no_english(text)


def _reports(bundle_file: Path) -> list[dict[str, Any]]:
    document = json.loads(bundle_file.read_text(encoding="utf-8"))
    return [entry["resource"] for entry in document["entry"]
            if entry["resource"]["resourceType"] == "DiagnosticReport"]


def _narrative(report: dict[str, Any]) -> str:
    """The text a FHIR viewer shows, read as XHTML (it must parse), without its tags."""
    div = ElementTree.fromstring(report["text"]["div"])
    assert div.tag == "{http://www.w3.org/1999/xhtml}div" and report["text"]["status"] == \
        "generated"
    return " ".join(" ".join(element.itertext()) for element in div)


def test_the_fhir_narrative_is_in_the_clinicians_language(
        tmp_path: Path, demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = ["--database", f"sqlite:///{tmp_path / 'clinic.db'}"]
    assert main(["import", str(demo_file), *database]) == 0
    spanish, english = tmp_path / "es.json", tmp_path / "en.json"
    assert main(["export", "--patient", DEMO_PATIENT_ID, "--format", "fhir", "--with-pdf",
                 "--out", str(spanish), *database]) == 0
    assert main(["export", "--patient", DEMO_PATIENT_ID, "--format", "fhir", "--lang", "en",
                 "--out", str(english), *database]) == 0
    capsys.readouterr()
    reports = {report["identifier"][-1]["value"]: report for report in _reports(spanish)}
    post = reports["post-1"]
    text = _narrative(post)
    assert 'lang="es"' in post["text"]["div"]
    assert text.startswith("Prioridad: urgente (reglas ")
    assert "déficit motor nuevo o peor" in text and "LEMS: izquierdo 19, derecho 25" in text
    for report in reports.values():
        _no_english(_narrative(report))
    # The conclusion, read by programs, stays English; the attached PDF is the Spanish report.
    assert post["conclusion"].startswith("Triage: urgent (rules ")
    [form] = post["presentedForm"]
    assert form["language"] == "es" and form["title"] == "Informe clínico, exploración post-1"
    pdf = PdfReader(io.BytesIO(base64.b64decode(form["data"])))
    assert "Informe clínico" in pdf.pages[0].extract_text()
    english_post = next(r for r in _reports(english) if r["identifier"][-1]["value"] == "post-1")
    assert 'lang="en"' in english_post["text"]["div"]
    assert _narrative(english_post).startswith("Triage: urgent (rules ")


INTERNAL = {
    "module 'core' has no attribute {}",
    "{} is not in code system {}",
    "the schema refers to {}, which is not shipped (nothing is fetched)",
    "a pseudonym key needs at least 16 bytes",
    "a single-record document holds exactly one record",
    "NT has no MRC value",
    "{} is not testable and has no rank",
    "a stored moment needs a time zone",
    "bool_grade",
    "naive_datetime",
}
"""Messages of core no user reads: a programming error's (a wrong call, a code the program
itself made up), or a validation code the record reader turns into a message of its own."""


def _literal_text(node: ast.expr) -> str | None:
    """The English of a message literal, each f-string field written as {} (None: not one)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "{}"
                       for part in node.values)
    return None


def _raised_messages() -> list[tuple[str, str]]:
    """(where, English) of every message core raises or reports as a problem of a record, and
    of the store errors the app raises itself (shown through the same catalogue)."""
    found = []
    paths = [p for p in sorted((ROOT / "core").rglob("*.py")) if p.parent.name != "locales"]
    for path in paths + sorted((ROOT / "gui").rglob("*.py")):
        in_core = path.is_relative_to(ROOT / "core")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = ast.unparse(node.func)
            arguments = node.args[1:2] if name == "Problem" else \
                node.args[:1] if name.endswith("Error") and (in_core or name == "StoreError") \
                else []
            for argument in arguments:
                text = _literal_text(argument)
                if text is not None:
                    found.append((f"{path.relative_to(ROOT)}:{node.lineno}", text))
    return found


def test_every_message_core_raises_has_its_spanish() -> None:
    """A new error message without its Spanish fails here: any field values, it must read back
    in Spanish (core/locales/es.py, COMPOSED), not in English."""
    _ = translator(Language.ES)
    messages = _raised_messages()
    assert len(messages) > 60
    untranslated = [f"{where}: {text}" for where, text in messages if text not in INTERNAL
                    and _.message(text.replace("{}", "<x>")) == text.replace("{}", "<x>")]
    assert not untranslated, "no Spanish for:\n" + "\n".join(untranslated)
    commands = _.message(server_backup_commands("postgresql://ana@db.clinic/neuroexam",
                                                Path("c.dump")))
    assert "es un servidor de base de datos: NeuroExam no copia" in commands
    assert "  pg_dump --host db.clinic --port 5432 --username ana --format=custom" in commands
    _no_english(commands)
