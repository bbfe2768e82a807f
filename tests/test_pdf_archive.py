"""PDF metadata, paper size and the PDF/A-2b archived copy of a signed exam."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from core.assets import asset_path
from core.cli import main
from core.demo import demo_record
from core.recordio import record_from_document, write_record
from core.reports.clinician import clinician_report
from core.reports.layout import page_size
from core.settings import Settings

SIGNED = "post-1"
MM = 72 / 25.4


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


@pytest.mark.parametrize(("setting", "size_mm"), [("A4", (210, 297)), ("Letter", (215.9, 279.4))])
def test_the_paper_size_setting_decides_every_page(setting: str, size_mm: tuple[float, float]) -> None:
    pdf = read(clinician_report(demo_record(), SIGNED, Settings(page_size=setting)))
    for page in pdf.pages:
        width, height = float(page.mediabox.width) / MM, float(page.mediabox.height) / MM
        assert (round(width, 1), round(height, 1)) == size_mm


@pytest.mark.parametrize(("environment", "expected"), [
    ("en_US.UTF-8", "Letter"), ("es_MX.UTF-8", "Letter"), ("de_DE.UTF-8", "A4"),
    ("en_GB.UTF-8", "A4"), ("C", "A4")])
def test_without_a_setting_the_locale_chooses_the_paper(
        monkeypatch: pytest.MonkeyPatch, environment: str, expected: str) -> None:
    monkeypatch.setenv("LC_ALL", environment)
    monkeypatch.setattr("locale.getlocale", lambda *a: (None, None))
    assert page_size("") == page_size(expected)
    assert page_size("A4") == page_size("A4") != page_size("Letter")


def test_every_pdf_names_its_language_title_author_and_creator() -> None:
    pdf = read(clinician_report(demo_record(), SIGNED, Settings(page_size="A4")))
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    info = pdf.metadata
    assert info is not None
    assert info.title == ("Clinician report: Exam 2026-03-09 (postoperative) · examiner "
                          "Dr Demo Examiner")
    assert info.author == "Dr Demo Examiner" and info.creator.startswith("NeuroExam ")


def test_the_archived_copy_carries_the_pdfa_markers() -> None:
    data = clinician_report(demo_record(), SIGNED, Settings(page_size="A4"), archival=True)
    pdf = read(data)
    root = pdf.trailer["/Root"]
    (intent,) = root["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3
    assert profile.get_data() == asset_path("icc", "sRGB.icc").read_bytes()
    metadata = root["/Metadata"].get_object()
    assert "/Filter" not in metadata
    xmp = metadata.get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    info = pdf.metadata
    assert info is not None and f">{info.title}</rdf:li>" in xmp and f">{info.producer}<" in xmp
    # no transparency anywhere: no soft masks, no constant alpha below 1
    assert b"/SMask" not in data
    assert not re.search(rb"/(ca|CA) (0?\.\d+|0)\b", data)
    # fonts embedded: every font has a font file
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor


def test_the_ordinary_copy_is_not_marked_pdfa_and_keeps_its_transparency() -> None:
    data = clinician_report(demo_record(), SIGNED, Settings(page_size="A4"))
    root = read(data).trailer["/Root"]
    assert "/OutputIntents" not in root and "/Metadata" not in root
    assert re.search(rb"/ca 0?\.85", data), "the key-point chips are translucent on screen copies"


def test_a_draft_has_no_archived_copy() -> None:
    document = demo_record().to_json_dict()
    document["exams"][1]["status"] = "draft"
    document["exams"][1].pop("signed_at", None)
    with pytest.raises(ValueError, match="only a signed exam"):
        clinician_report(record_from_document(document), document["exams"][1]["id"], Settings(),
                         archival=True)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler's pdfinfo is not installed")
def test_pdfinfo_shows_the_title_and_the_chosen_page_size(tmp_path: Path) -> None:
    record_file, out = tmp_path / "record.json", tmp_path / "report.pdf"
    write_record(record_file, demo_record())
    assert main(["report", str(record_file), "--exam", SIGNED, "--out", str(out),
                 "--page-size", "Letter", "--archival"]) == 0
    shown = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True,
                           check=True).stdout
    assert "Title:           Clinician report: Exam 2026-03-09" in shown
    assert "(letter)" in shown and "Metadata Stream: yes" in shown


def test_the_archived_copy_meets_the_other_pdfa_2b_file_rules_we_can_check() -> None:
    """What a PDF/A-2b validator would check besides the markers, as far as pypdf can read it
    (no PDF/A validator is packaged for Debian or PyPI; veraPDF is not, see the README): the
    header and its binary comment, a file identifier, no encryption, no JavaScript, launch
    actions, embedded files or LZW, and the document information matching the XMP metadata."""
    data = clinician_report(demo_record(), SIGNED, Settings(page_size="A4"), archival=True)
    assert re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", data)
    pdf = read(data)
    trailer = pdf.trailer
    assert "/Encrypt" not in trailer and len(trailer["/ID"]) == 2
    for forbidden in (b"/JavaScript", b"/JS ", b"/Launch", b"/EmbeddedFiles", b"/LZWDecode"):
        assert forbidden not in data
    xmp = trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    info = pdf.metadata
    assert info is not None
    assert f"<dc:creator><rdf:Seq><rdf:li>{info.author}</rdf:li>" in xmp
    assert f">{info.subject}</rdf:li>" in xmp and f"<xmp:CreatorTool>{info.creator}<" in xmp
    created = info.creation_date
    assert created is not None
    assert f"<xmp:CreateDate>{created.isoformat()}</xmp:CreateDate>" in xmp
