"""The core's translations: every text the PDFs and the CLI print has its Spanish, the Spanish
PDFs carry no English, the handout reads easily in both languages, and the patient's preferred
language travels with the record."""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from readability import fernandez_huerta, flesch_kincaid_grade, inflesz
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table
from vignettes import CASES, build_record

from core import normal
from core.cli import main
from core.demo import demo_record
from core.dermatome_map import KEY_POINT_LABEL, UNMAPPED_LABEL, VALUE_STYLES, load_geometry
from core.engine import assess, wording
from core.engine.assessment import Assessment
from core.engine.findings import UmnSign
from core.engine.flags import FLAG_TEXT
from core.engine.localisation import CAUDA_EQUINA_WEIGHTS
from core.engine.summary import assessment_text
from core.engine.triage import (
    LEVEL_MEANING,
    NEEDS,
    NOT_ASSESSED_TEXT,
    NOT_RECORDED_HEADING,
    ROUTINE_TEXT,
    RULES,
    Level,
)
from core.engine.undecided import ABNORMAL_WORD
from core.exam_items import SIDE_TESTS
from core.i18n import (
    CONTEXT_SEPARATOR,
    Language,
    catalogue,
    language_for,
    parse_language,
    translator,
)
from core.knowledge import (
    ADJACENT_ROOT_PAIRS,
    DERMATOMES,
    GAIT_TESTS,
    LESION_LABELS,
    LESION_PROFILES,
    MOTOR_ITEMS,
    NOT_TESTABLE_REASON_LABELS,
    RED_FLAGS,
    REFLEXES,
    TENSION_TEST_LABELS,
    Involvement,
    SensoryModality,
    combined_profile,
)
from core.record import PatientRecord
from core.recordio import RecordError, parse_record
from core.reports import handout_text
from core.reports.clinician import clinician_report
from core.reports.handout import handout_story, patient_handout
from core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CLINIC = Settings(clinic_name="Clínica de Columna", clinic_contact="Enfermería 0100 000 000")
SPANISH = catalogue(Language.ES)


def _literal_messages() -> Iterator[tuple[str, str]]:
    """Every ``_("...")`` and ``_.context("...", "...")`` literal in core, as catalogue keys."""
    for path in sorted((ROOT / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            args = [a.value for a in node.args if isinstance(a, ast.Constant)
                    and isinstance(a.value, str)]
            if isinstance(node.func, ast.Name) and node.func.id == "_" and len(args) == 1:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", args[0]
            elif (isinstance(node.func, ast.Attribute) and node.func.attr == "context"
                  and isinstance(node.func.value, ast.Name) and node.func.value.id == "_"
                  and len(args) == 2):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", CONTEXT_SEPARATOR.join(args)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _has_words(template: str) -> bool:
    """A template with words of its own (not only fields and punctuation) needs a translation."""
    return bool(re.search(r"[A-Za-z]", re.sub(r"\{[^}]*\}", "", template)))


def _engine_words() -> Iterator[str]:
    """The engine's templates (core/engine/wording.py) and the words its fields take."""
    for module in (wording, normal):
        yield from (v for name, v in vars(module).items() if name.isupper()
                    for v in _strings(v) if _has_words(v))
    yield from (info.how_to_test.rstrip(".") for info in MOTOR_ITEMS.values())
    yield from (category.value for category in Involvement)
    yield from ABNORMAL_WORD.values()
    yield from (sign.value for sign in UmnSign)
    yield from TENSION_TEST_LABELS.values()
    yield from CAUDA_EQUINA_WEIGHTS
    lesions = [p.label for p in LESION_PROFILES.values()]
    lesions += [combined_profile(a, b).label for a, b in ADJACENT_ROOT_PAIRS]
    yield from (f"{context}{CONTEXT_SEPARATOR}{label}" for label in lesions
                for context in ("of", "in"))
    yield from (f"{context}{CONTEXT_SEPARATOR}{side}" for side in ("left", "right", "bilateral")
                for context in ("side", "abbreviation"))


def _table_messages() -> Iterator[str]:
    """Texts the PDFs take from tables and pass through ``_`` by variable."""
    yield from (v for name, v in vars(handout_text).items() if name.isupper()
                for v in _strings(v))
    yield from _engine_words()
    for info in MOTOR_ITEMS.values():
        yield from (info.movement, info.muscle)
    yield from (info.label for info in REFLEXES.values())
    for flag in RED_FLAGS.values():
        yield from (flag.label, flag.lay_label)
    yield from LESION_LABELS.values()
    yield from (name for name, _ in GAIT_TESTS.values())
    for test in SIDE_TESTS:
        yield from (test.label, *([test.report_note] if test.report_note else []))
    yield from (m.label for m in SensoryModality)
    yield from (level.words for level in Level)
    yield from LEVEL_MEANING.values()
    yield from (rule.text for rule in RULES)
    yield from (ROUTINE_TEXT, NOT_ASSESSED_TEXT, NOT_RECORDED_HEADING)
    yield from (need.text for need in NEEDS)
    yield from FLAG_TEXT.values()
    yield from NOT_TESTABLE_REASON_LABELS.values()
    geometry = load_geometry()
    yield from (text for text, _, _ in geometry.labels)
    yield from (f"mark{CONTEXT_SEPARATOR}{text}" for text, _, _ in geometry.side_marks)
    yield from (style.label for style in VALUE_STYLES.values())
    yield from (UNMAPPED_LABEL, KEY_POINT_LABEL)
    yield from (info.key_point for info in DERMATOMES.values())
    for side in ("left", "right"):
        yield from (side, f"feminine{CONTEXT_SEPARATOR}{side}")


def test_every_text_of_the_pdfs_has_its_spanish() -> None:
    missing = [f"{where}: {text!r}" for where, text in _literal_messages() if text not in SPANISH]
    missing += [repr(text) for text in _table_messages() if text not in SPANISH]
    assert not missing, "no Spanish for:\n" + "\n".join(missing)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _base(field: str) -> str:
    """A field as the English names it: ``{side_abbreviation}`` is the ``side`` field in the
    context "abbreviation" (see core.i18n.Phrase); ``side_f`` the handout's feminine side."""
    return field.rpartition("_")[0] or field


def test_translations_keep_their_placeholders() -> None:
    for english, spanish in SPANISH.items():
        fields = _fields(english)
        assert {f if f in fields else _base(f) for f in _fields(spanish)} <= fields, \
            (english, spanish)
        assert fields <= {_base(f) for f in _fields(spanish)} | _fields(spanish), \
            (english, spanish)


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


def _english_phrases() -> list[str]:
    """English texts that differ in Spanish, split at their placeholders into phrases of three
    words or more (shorter pieces, such as "NT" or "LEMS", are shared)."""
    phrases = []
    for english, spanish in SPANISH.items():
        if english == spanish or CONTEXT_SEPARATOR in english:
            continue
        for piece in re.split(r"\{[a-z_]+\}", english):
            piece = piece.strip(" .,:;()")
            if len(piece.split()) >= 3 and _normal(piece) not in _normal(spanish):
                phrases.append(piece)
    return phrases


@pytest.fixture(scope="module")
def spanish_pdfs() -> dict[str, str]:
    record = demo_record()
    return {"report": _pdf_text(clinician_report(record, "post-1", CLINIC, deterministic=True,
                                                 language="es")),
            "handout": _pdf_text(patient_handout(record, "post-1", CLINIC, deterministic=True,
                                                 languages=[Language.ES]))}


@pytest.mark.parametrize("document", ["report", "handout"])
def test_the_spanish_pdfs_carry_no_english_phrase(spanish_pdfs: dict[str, str],
                                                  document: str) -> None:
    """The engine's sentences included: findings behind each rule, terms for and against,
    residual findings, what is undecided, the notes and their details."""
    text = _normal(spanish_pdfs[document])
    left = [p for p in _english_phrases() if _normal(p) in text]
    assert not left, f"English left in the Spanish {document}: {left}"


def _assessments() -> Iterator[tuple[str, Assessment]]:
    """Every exam of the demo patient and every shared case (all the engine's sentences)."""
    for exam in demo_record().exams:
        yield f"demo {exam.id}", assess(demo_record(), exam.id)
    for case in CASES:
        yield case["id"], assess(build_record(case))


def test_the_spanish_assessment_text_carries_no_english_phrase() -> None:
    """The app's review step and `neuroexam assess` in Spanish: every case's whole summary."""
    phrases = [_normal(p) for p in _english_phrases()]
    for name, assessment in _assessments():
        text = _normal(assessment_text(assessment, translator(Language.ES)))
        left = [p for p in phrases if p in text]
        assert not left, f"{name}: English left: {left}"


def test_the_engines_sentences_read_in_spanish() -> None:
    """One sentence of each kind, as a Spanish clinician reads it; English is unchanged."""
    _ = translator(Language.ES)
    post = assess(demo_record(), "post-1")
    findings = [f.render(_) for reason in post.triage.reasons for f in reason.findings]
    assert "flexión dorsal del tobillo izq. 5 → 3 (nuevo)" in findings
    assert "left ankle dorsiflexion 5 -> 3 (new)" in map(str, post.triage.reasons[0].findings)
    lead = post.localisation_of_change[0]
    reasons = [r.render(_) for r in lead.reasons_for]
    assert "extensión del primer dedo 1/5 (nuevo o peor) (típico en la raíz L5) [+3,5]" in reasons
    assert any("(raíz L5 transitante en L4-L5); explica 7 de 7 hallazgos anormales" in r
               for r in reasons)
    residual = [r.text.render(_) for r in post.residual]
    assert residual == ["L5 tacto ligero izq. 1 → 1", "L5 pinchazo izq. 1 → 1"]
    undecided = [d.text.render(_) for _name, a in _assessments() for d in a.undecided]
    assert undecided and all(u.startswith("Explorar ") for u in undecided)
    assert any(" o " in u and "más probable" in u for u in undecided), undecided


def test_every_line_of_the_spanish_handout_differs_from_the_english(
        spanish_pdfs: dict[str, str]) -> None:
    english = _pdf_text(patient_handout(demo_record(), "post-1", CLINIC, deterministic=True,
                                        languages=[Language.EN]))
    spanish_lines = {_normal(line) for line in spanish_pdfs["handout"].splitlines()}
    same = [line for line in english.splitlines() if _normal(line) in spanish_lines
            and re.search(r"[a-z]{3}", line) and "DEMO-0001" not in line
            and "Clínica de Columna" not in line and "Enfermería" not in line
            and line.strip() != "NeuroExam"]
    assert not same, same


def test_the_spanish_report_reads_as_spanish(spanish_pdfs: dict[str, str]) -> None:
    text = spanish_pdfs["report"]
    for phrase in ("informe clínico", "Balance muscular (fuerza, MRC)", "Reflejo aquíleo",
                   "Signos de alarma", "raíz L5, lado izquierdo", "Página 1 de",
                   "Exploración 09/03/2026 (postoperatoria)", "flexión dorsal del tobillo",
                   "Sensibilidad", "Tacto ligero", "BORRADOR" if "Firmado" not in text
                   else "Firmado"):
        assert phrase in text, phrase


def _handouts(language: Language) -> list[str]:
    """The text of every handout the demo patient and the shared vignette cases give (without
    the page header and footer). Paragraphs are run together, so only . ! ? : end a sentence: a
    heading or a list item without a full stop counts as part of the next sentence, which
    measures the text as harder than a reader finds it, never easier."""
    cases: list[tuple[PatientRecord, str | None]] = [
        (demo_record(), e.id) for e in demo_record().exams]
    cases += [(build_record(case), None) for case in CASES]
    texts = []
    for record, exam_id in cases:
        story = handout_story(assess(record, exam_id), Settings(), translator(language))
        texts.append(" ".join(_paragraphs(story)))
    return texts


def _paragraphs(flowables: list[Flowable]) -> Iterator[str]:
    for flowable in flowables:
        if isinstance(flowable, Paragraph):
            yield flowable.getPlainText()
        elif isinstance(flowable, KeepTogether):
            yield from _paragraphs(flowable._content)
        elif isinstance(flowable, Table):
            yield from _paragraphs([cell for row in flowable._cellvalues for cell in row])


def test_the_longest_spanish_handout_is_fairly_easy_to_read() -> None:
    longest = max(_handouts(Language.ES), key=lambda t: len(t.split()))
    score = inflesz(longest)
    print(f"Spanish handout, {len(longest.split())} words: INFLESZ {score:.1f}, "
          f"Fernández-Huerta {fernandez_huerta(longest):.1f}")
    assert score >= 65, f"INFLESZ {score:.1f}: below 'bastante fácil' (65)"


def test_the_longest_english_handout_is_grade_8_or_easier() -> None:
    longest = max(_handouts(Language.EN), key=lambda t: len(t.split()))
    grade = flesch_kincaid_grade(longest)
    print(f"English handout, {len(longest.split())} words: Flesch-Kincaid grade {grade:.1f}")
    assert grade <= 8, f"Flesch-Kincaid grade {grade:.1f}: harder than grade 8"


def test_the_handout_follows_the_patients_language_and_can_print_both() -> None:
    record = demo_record()
    record.patient.preferred_language = Language.ES
    english_clinic = Settings(language="en")
    text = _pdf_text(patient_handout(record, None, english_clinic, deterministic=True))
    assert "La revisión de los nervios de sus piernas" in text
    assert "Your leg nerve check" not in text
    both = _pdf_text(patient_handout(record, None, english_clinic.model_copy(
        update={"handout_both_languages": True}), deterministic=True))
    assert 0 < both.index("La revisión de los nervios") < both.index("Your leg nerve check")
    record.patient.preferred_language = None
    assert "Your leg nerve check" in _pdf_text(patient_handout(record, None, english_clinic,
                                                                deterministic=True))


def test_the_clinicians_language_comes_from_the_setting_else_the_locale(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert language_for("") is Language.ES
    assert language_for("en") is Language.EN
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert language_for("") is Language.EN
    assert parse_language("es-MX") is Language.ES and parse_language("C") is None


def test_the_preferred_language_is_an_optional_field_of_the_record() -> None:
    document = json.loads(demo_record().model_dump_json(exclude_none=True))
    assert "preferred_language" not in document["patient"]
    document["patient"]["preferred_language"] = "es"
    assert parse_record(json.dumps(document).encode()).patient.preferred_language is Language.ES
    document["patient"]["preferred_language"] = "fr"
    with pytest.raises(RecordError, match=r"patient\.preferred_language.*'en'.*'es'"):
        parse_record(json.dumps(document).encode())


def test_the_command_line_writes_spanish_pdfs(tmp_path: Path) -> None:
    record = tmp_path / "record.json"
    record.write_text(demo_record().model_dump_json(exclude_none=True))
    report, handout = tmp_path / "informe.pdf", tmp_path / "hoja.pdf"
    assert main(["report", str(record), "--lang", "es", "--out", str(report), "--handout",
                 str(handout), "--deterministic"]) == 0
    for path, title in ((report, "informe clínico"), (handout, "La revisión de los nervios")):
        reader = PdfReader(path)
        assert reader.trailer["/Root"]["/Lang"] == "es"
        assert title in "\n".join(p.extract_text() for p in reader.pages)


def test_the_csv_carries_the_preferred_language_after_every_earlier_column() -> None:
    """Added last, so a reader that goes by position finds every earlier column where it was."""
    from core.exchange.csv_table import csv_text
    from core.exchange.pseudonyms import Pseudonymiser

    spanish, unknown = demo_record(), demo_record()
    spanish.patient.preferred_language = Language.ES
    for key in (None, Pseudonymiser(b"k" * 32)):
        rows = list(csv.reader(io.StringIO(csv_text([spanish, unknown], key).removeprefix(
            "\ufeff"))))
        assert rows[0][-1] == "preferred_language"
        per_exam = len(spanish.exams)
        assert [row[-1] for row in rows[1:]] == ["es"] * per_exam + [""] * per_exam
