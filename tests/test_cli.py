"""The headless command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import main
from core.engine.summary import rules_markdown

ROOT = Path(__file__).parents[1]
ASSESSMENT_KEYS = {"exam_id", "baseline_exam_id", "previous_exam_id", "rules_version", "triage",
                   "localisation", "changes", "recovery_rates", "lems", "flags",
                   "localisation_of_change", "residual", "undecided"}


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    assert main(["demo", "--out", str(tmp_path)]) == 0
    return tmp_path / "demo-patient.json"


def test_demo_writes_a_valid_record(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(demo_file)]) == 0
    assert "valid patient record (3 exams" in capsys.readouterr().out


def test_validate_lists_problems_and_exits_1(tmp_path: Path, demo_file: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(demo_file.read_text())
    document["exams"][0]["motor"]["left"]["hip_flexion"] = "7"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document))
    assert main(["validate", str(bad)]) == 1
    assert 'exams[0].motor.left.hip_flexion: "7" is not a valid MRC grade' in capsys.readouterr().err


def test_a_missing_file_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "/nonexistent/record.json"]) == 3
    assert "No such file" in capsys.readouterr().err


def test_assess_json_is_the_assessment_document(demo_file: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(demo_file), "--exam", "post-1", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == ASSESSMENT_KEYS
    assert document["triage"]["level"] == "urgent"
    assert document["localisation"][0]["lesion"] == "L5_root"
    assert document["baseline_exam_id"] == "pre-1"


def test_assess_text_reads_as_a_clinical_note(demo_file: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(demo_file)]) == 0
    text = capsys.readouterr().out
    assert "TRIAGE: PROMPT" in text and "L5 root, left" in text
    assert "decision-support aid" in text


def test_assess_unknown_exam_names_the_known_ones(demo_file: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(demo_file), "--exam", "nope"]) == 1
    assert "exams: pre-1, post-1, fu-7w" in capsys.readouterr().err


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "PatientRecord"


def test_rules_page_in_docs_is_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text() == rules_markdown(), "run `make docs`"


def test_every_command_has_help() -> None:
    for command in ("validate", "schema", "demo", "assess", "rules", "import", "export", "backup",
                    "restore"):
        with pytest.raises(SystemExit) as exited:
            main([command, "--help"])
        assert exited.value.code == 0


def test_the_command_line_never_loads_qt(demo_file: Path) -> None:
    script = ("import sys; from gui.launch import main; "
              f"code = main(['assess', {str(demo_file)!r}]); "
              "assert 'PySide6' not in sys.modules, 'Qt was imported'; sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr


def test_import_export_backup_restore_through_the_store(tmp_path: Path, demo_file: Path) -> None:
    database = ["--database", f"sqlite:///{tmp_path / 'cli.db'}"]
    assert main(["import", str(demo_file), *database]) == 0
    out = tmp_path / "exported.json"
    assert main(["export", "--patient", "DEMO-0001", "--out", str(out), *database]) == 0
    assert json.loads(out.read_text()) == json.loads(demo_file.read_text())
    assert main(["backup", "--out", str(tmp_path / "b.db"), *database]) == 0
    assert main(["restore", str(tmp_path / "b.db"), *database]) == 0
    assert main(["export", "--patient", "NOBODY", "--out", str(out), *database]) == 1


def test_the_database_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                 demo_file: Path) -> None:
    monkeypatch.setenv("NEUROEXAM_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert main(["import", str(demo_file)]) == 0
    assert (tmp_path / "env.db").exists()
