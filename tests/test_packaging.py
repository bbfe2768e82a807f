"""Packaging: the self-test, from source and (when built) from the PyInstaller folder; the spec
reads the project's name and version."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from gui import self_test

ROOT = Path(__file__).resolve().parents[1]
BUILT = ROOT / "dist" / "neuroexam" / ("neuroexam-cli.exe" if sys.platform == "win32" else "neuroexam")
"""The built program that prints: on Windows the console companion of the windowed app."""


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


def test_the_self_test_passes_from_source() -> None:
    result = run([sys.executable, "-c",
                  "from gui.launch import main; raise SystemExit(main(['--self-test']))"])
    assert result.returncode == 0, result.stdout + result.stderr
    for step in ("assets", "main window", "demo patient", "assessment", "PDFs", "printing",
                 "FHIR export"):
        assert f"self-test ok: {step}" in result.stdout
    assert result.stdout.rstrip().endswith("self-test passed")


def test_a_failing_step_is_named_and_exits_1(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    monkeypatch.setattr("core.assets.assets_folder", lambda: tmp_path / "nowhere")
    assert self_test.run_self_test() == 1
    out = capsys.readouterr().out
    assert "self-test FAILED at assets" in out and "DejaVuSans.ttf" in out


@pytest.mark.skipif(not BUILT.exists(), reason="no build in dist/ (make dist builds one)")
def test_the_built_program_passes_its_self_test() -> None:
    result = run([str(BUILT), "--self-test"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "_internal" in result.stdout  # the assets came from the frozen folder
    assert result.stdout.rstrip().endswith("self-test passed")


def test_the_build_spec_takes_name_and_version_from_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'PROJECT["name"], PROJECT["version"]' in spec and "name=NAME" in spec
    assert project["name"] == "neuroexam"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {project['version']}" in changelog


def test_the_wheel_carries_everything_the_installed_program_needs(tmp_path: Path) -> None:
    """`pip install .` / `pipx install .`: the wheel alone (not the checkout) passes the
    self-test and writes the demo patient. The wheel is installed into its own folder and run
    from another one, with the test environment's libraries beside it but not its source."""
    wheels, target, elsewhere = tmp_path / "wheels", tmp_path / "installed", tmp_path / "cwd"
    elsewhere.mkdir()
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels),
                 str(ROOT)])
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next(wheels.glob("neuroexam-*.whl"))
    installed = run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet",
                     "--target", str(target), str(wheel)])
    assert installed.returncode == 0, installed.stderr[-2000:]
    libraries = [p for p in sys.path if p.endswith("site-packages")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NEUROEXAM_HOME": str(tmp_path / "home"),
           "PYTHONPATH": os.pathsep.join([str(target), *libraries])}
    env.pop("NEUROEXAM_DATABASE_URL", None)

    def installed_program(*arguments: str) -> subprocess.CompletedProcess[str]:
        # -S: no site processing, so the checkout's editable install (a .pth file) stays out.
        return subprocess.run([sys.executable, "-S", "-m", "gui", *arguments], cwd=elsewhere,
                              capture_output=True, text=True, env=env, timeout=300)

    checked = installed_program("--self-test")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert str(target) in checked.stdout, "the assets must come from the installed wheel"
    demo = installed_program("demo", "--out", str(tmp_path / "demo"))
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert list((tmp_path / "demo").glob("*.json"))


def _spec() -> dict[str, Any]:
    """build.spec run with stand-ins for PyInstaller's classes, so nothing is built: what the
    Analysis was given, the data it keeps after the spec's own filter, and that filter."""
    given: dict[str, Any] = {}

    class Analysis:
        def __init__(self, scripts: list[str], **options: Any) -> None:
            given.update(options)
            self.binaries: list[tuple[str, str, str]] = []
            self.datas = [(f"{target}/{Path(source).name}", source, "DATA")
                          for source, target in options["datas"]]
            self.pure: list[Any] = []
            self.scripts: list[Any] = []

    def nothing(*args: Any, **kwargs: Any) -> None:
        return None

    namespace: dict[str, Any] = {"SPECPATH": str(ROOT), "Analysis": Analysis, "PYZ": nothing,
                                 "EXE": nothing, "COLLECT": nothing}
    exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"),
         namespace)
    return {**given, "kept": {name for name, _, _ in namespace["analysis"].datas},
            "wanted": namespace["wanted"]}


def test_the_build_spec_carries_both_languages_without_building() -> None:
    """The frozen build's translations, from the spec alone (`make check-dist-translations`):
    the app's compiled Spanish (assets/translations/*.qm, built by `make`), the core's
    catalogues (imported by the language's name at run time, so PyInstaller must be told), and
    Qt's own qtbase_es kept by the spec's filter while Qt's other languages are left out."""
    spec = _spec()
    compiled = sorted((ROOT / "assets" / "translations").glob("*.qm"))
    assert [qm.name for qm in compiled] == ["neuroexam_es.qm"], "run make"
    assert all(f"assets/translations/{qm.name}" in spec["kept"] for qm in compiled)
    catalogues = {f"core.locales.{p.stem}" for p in (ROOT / "core" / "locales").glob("*.py")
                  if p.stem != "__init__"}
    assert catalogues == {"core.locales.es"} and catalogues <= set(spec["hiddenimports"])
    for qt in ("PySide6/Qt/translations", "PySide6/translations"):  # Linux and macOS, Windows
        assert spec["wanted"]((f"{qt}/qtbase_es.qm", "", "DATA"))
        assert spec["wanted"]((f"{qt}/qtbase_en.qm", "", "DATA"))
        assert not spec["wanted"]((f"{qt}/qtbase_de.qm", "", "DATA"))
