"""The command line in Spanish: its output, the rules page and the errors of the store, of
reading records and of exporting, when the locale (or the setting) is Spanish."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from test_i18n import _english_phrases, _normal

from core.cli import main
from core.i18n import Language, translator
from core.locales.es import COMPOSED


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
    message = ("/data/x.db is empty (0 bytes), so it is not a NeuroExam database. It was not "
               "changed. Restore a backup, or choose another data folder.")
    assert _.message(message).startswith("/data/x.db está vacío (0 bytes), así que")
