"""The headless command line: `neuroexam <command>`. Never imports Qt.

Its output and error messages are in the clinician's language (the setting *Language*, else the
system locale; core.i18n): the lines it writes through ``_``, and errors raised by the store or
by reading records through ``_.message`` (their templates are in the catalogue's COMPOSED part).
The assessment document (``assess --json``) and the rules page in docs/ stay English.

Exit codes: 0 success; 1 the input is not valid (the problems are printed); 2 wrong usage;
3 a file could not be read or written.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from core import __version__
from core.crash import scrubbed_report
from core.exchange.export import ExportFormat
from core.exchange.pseudonyms import KeyFileError
from core.i18n import Translator, language_for, translator
from core.recordio import RecordError, dumps_schema, read_record, write_record
from core.store import Store, StoreError, open_store, restore

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_IO, EXIT_INTERNAL = 0, 1, 2, 3, 4
"""Exit codes; a failed database operation exits with its error's own code (5-15, README)."""

_: Translator = translator()
"""The command line's translator, set by ``main`` from the setting or the locale."""

EPILOG = ("exit codes: 0 success, 1 invalid input (problems listed), 2 wrong usage, "
          "3 file not readable or writable")


def _validate(args: argparse.Namespace) -> int:
    record = read_record(Path(args.file))
    print(_("{file}: valid patient record ({exams} exams, {surgeries} surgeries)").format(
        file=args.file, exams=len(record.exams), surgeries=len(record.surgeries)))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    sys.stdout.write(dumps_schema())
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from core.demo import demo_record
    from core.reports.files import write_reports
    from core.settings import Settings

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "demo-patient.json"
    record = demo_record()
    write_record(path, record)
    clinic = Settings(clinic_name="Riverside Spine Clinic (demo)",
                      clinic_contact="Spine nurse line 0100 000 000 (demo number)")
    write_reports(record, "post-1", clinic, out / "demo-report.pdf", out / "demo-handout.pdf")
    print(_("wrote {record}, {report} and {handout}").format(
        record=path, report=out / "demo-report.pdf", handout=out / "demo-handout.pdf"))
    return EXIT_OK


def _assess(args: argparse.Namespace) -> int:
    from core.engine import assess
    from core.engine.summary import assessment_text

    record = read_record(Path(args.record))
    try:
        result = assess(record, args.exam)
    except LookupError as error:
        print(f"{args.record}: {_.message(str(error.args[0]))}", file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(assessment_text(result, _))
    return EXIT_OK


def _store(args: argparse.Namespace) -> Store:
    """The database of ``--database`` (else the configured one). A clinic login named without
    a password, on a terminal, is asked for it (as the app's login dialog does) when neither
    ~/.pgpass nor PGPASSWORD gives one."""
    from core.settings import database_url
    from core.store import LoginRefusedError
    from core.store.connection import needs_login, where

    url = database_url(args.database)
    try:
        return open_store(url)
    except LoginRefusedError:
        if not (needs_login(url) and sys.stdin.isatty()):
            raise
    import getpass

    return open_store(url, password=getpass.getpass(
        _("password for {where}: ").format(where=where(url))))


def _import(args: argparse.Namespace) -> int:
    from core.exchange.records_file import stream_records

    path = Path(args.file)
    size = max(path.stat().st_size, 1) if path.is_file() else 1

    def progress(records: int, done: int) -> None:
        """Records read, checked and stored so far, on a terminal's stderr."""
        if sys.stderr.isatty() and records % 100 == 0:
            print(_("{count} patient records read and stored ({percent}% of the file; committed "
                    "when all are in)").format(count=f"{records:,}", percent=done * 100 // size),
                  end="\r", file=sys.stderr)

    with _store(args) as store:
        report = store.import_records(stream_records(path, progress))
    print(_("imported {count} patient records: {created} new patients, {added} new exams"
            if report.records != 1 else
            "imported {count} patient record: {created} new patients, {added} new exams").format(
        count=report.records, created=report.patients_created, added=report.exams_added)
        + (_("; already present: {ids}").format(ids=", ".join(map(_.message, report.already)))
           if report.already else ""))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from core.exchange.export import ExportFormat, ExportRequest, export
    from core.settings import load_settings

    request = ExportRequest(None if args.all else [args.patient], ExportFormat(args.format),
                            Path(args.out), args.deidentify,
                            Path(args.key_file) if args.key_file else None, args.fhir_bundle,
                            args.with_pdf)
    settings = load_settings()
    if args.lang:
        settings.language = args.lang

    def progress(done: int, total: int) -> None:
        """Patients written so far, on stderr (the terminal's line is rewritten in place)."""
        if sys.stderr.isatty() or done == total:
            end = "\n" if done == total else "\r"
            print(_("exported {done} of {total} patients").format(
                done=f"{done:,}", total=f"{total:,}"), end=end, file=sys.stderr)

    try:
        with _store(args) as store:
            summary = export(store, request, settings, progress)
    except ValueError as error:
        print(f"neuroexam export: {_.message(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    print(_("wrote {path}: {patients} patients, {exams} exams ({format}, de-identified)"
            if request.deidentify else
            "wrote {path}: {patients} patients, {exams} exams ({format})").format(
        path=summary.path, patients=summary.patients, exams=summary.exams,
        format=request.format.value))
    return EXIT_OK


def _registry(args: argparse.Namespace) -> int:
    from core.exchange.export import export_registry

    with _store(args) as store:
        counts = export_registry(store, Path(args.out),
                                 Path(args.key_file) if args.key_file else None)
    print(_("wrote {path}: {files}").format(path=args.out, files=", ".join(
        _("{name} {rows} rows").format(name=name, rows=rows) for name, rows in counts.items())))
    return EXIT_OK


def _reidentify(args: argparse.Namespace) -> int:
    from core.exchange.pseudonyms import Pseudonymiser, clinic_key, default_key_path

    wanted = set(args.pseudonym)
    with _store(args) as store:
        key_path = Path(args.key_file) if args.key_file else default_key_path()
        if store.path is not None and not key_path.exists():
            print(_("neuroexam: no pseudonym key at {path}; nothing was ever de-identified "
                    "with it").format(path=key_path), file=sys.stderr)
            return EXIT_INVALID
        pseudonyms = Pseudonymiser(clinic_key(store, Path(args.key_file) if args.key_file
                                              else None))
        found = {pseudonyms.pseudonym(pid): pid for pid in store.patient_ids()}
        matched = [found[p] for p in args.pseudonym if p in found]
        store.log_access("reidentified", matched, f"{len(matched)} pseudonyms re-identified")
    for pseudonym in args.pseudonym:
        print(f"{pseudonym}\t{found.get(pseudonym, _('(no stored patient)'))}")
    return EXIT_OK if wanted <= found.keys() else EXIT_INVALID


def _backup(args: argparse.Namespace) -> int:
    from core.store import verify_backup

    if args.verify:
        print(_.message(verify_backup(Path(args.verify)).summary()))
        return EXIT_OK
    if args.if_due:
        return _scheduled_backup(args)
    if not args.out:
        print(_("neuroexam backup: give --out FILE to write a backup, --if-due for the "
                "automatic one, or --verify FILE"), file=sys.stderr)
        return EXIT_USAGE
    with _store(args) as store:
        made = store.backup(Path(args.out))
    print(_("backup written and verified: {summary}").format(summary=_.message(made.summary())))
    return EXIT_OK


def _scheduled_backup(args: argparse.Namespace) -> int:
    """The automatic backup, for cron or a systemd timer when the app is not open all day."""
    from core.settings import load_settings
    from core.store.scheduled import backup_if_due, schedule_for

    with _store(args) as store:
        schedule = schedule_for(store, load_settings())
        if schedule is None:
            print(_("neuroexam backup: automatic backups are off (backup_every_hours is 0) or "
                    "the database is a server"), file=sys.stderr)
            return EXIT_USAGE
        run = backup_if_due(store, schedule)
    if run.made is None:
        print(_("no backup due; the next one is due at {when} UTC").format(
            when=f"{run.next_due:%Y-%m-%d %H:%M}"))
    else:
        print(_("backup written and verified: {summary}").format(
            summary=_.message(run.made.summary())))
        for path in run.pruned:
            print(_("older automatic backup deleted: {name}").format(name=path.name))
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from core.settings import database_url

    found, kept = restore(Path(args.file), database_url(args.database))
    print(_("restored: {summary}").format(summary=_.message(found.summary())))
    print(_("the previous database was kept as {path}").format(path=kept) if kept
          else _("there was no database before"))
    return EXIT_OK


def _db(args: argparse.Namespace) -> int:
    from core.settings import database_url
    from core.store.connection import upgrade_database, where
    from core.store.schema import SCHEMA_VERSION

    url = database_url(args.database)
    if args.action == "upgrade":
        before, after = upgrade_database(url)
        print(_("{where}: schema {version} (it was already)").format(where=where(url),
                                                                      version=after)
              if before == after else
              _("{where}: upgraded from schema {before} to {after}").format(
                  where=where(url), before=before, after=after))
        return EXIT_OK
    with open_store(url) as store:
        print(_("{where}: schema {version}, up to date; {patients} patients").format(
            where=where(url), version=SCHEMA_VERSION, patients=store.count_patients()))
    return EXIT_OK


def _patients(args: argparse.Namespace) -> int:
    with _store(args) as store:
        for patient in store.search_patients(args.query, args.limit):
            born = patient.birth_date.isoformat() if patient.birth_date else ""
            print(f"{patient.id}\t{patient.family_name}, {patient.given_name}\t{born}")
    return EXIT_OK


def _users(args: argparse.Namespace) -> int:
    import getpass

    with _store(args) as store:
        if args.action == "list":
            for user in store.users():
                state = _("active") if user.active else _("disabled")
                print(f"{user.login}\t{user.role}\t{user.name}\t{state}")
            return EXIT_OK
        if not args.login:
            print(_("neuroexam users: name the login"), file=sys.stderr)
            return EXIT_USAGE
        if args.action == "disable":
            if not store.disable_user(args.login):
                print(_("neuroexam users: no NeuroExam login {login}").format(
                    login=repr(args.login)), file=sys.stderr)
                return EXIT_INVALID
            print(_("{login}: disabled (cannot log in; its records and audit stay)").format(
                login=args.login))
            return EXIT_OK
        store.users()  # a workstation's database is refused before a password is asked
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass(_("password for {login}: ").format(login=args.login))
            if getpass.getpass(_("again: ")) != password:
                print(_("neuroexam users: the passwords differ; nothing was changed"),
                      file=sys.stderr)
                return EXIT_INVALID
        try:
            store.add_user(args.login, args.name or args.login, args.role, password)
        except ValueError as error:
            print(f"neuroexam users: {_.message(str(error))}", file=sys.stderr)
            return EXIT_INVALID
    print(_("{login}: added as {role}").format(login=args.login, role=args.role))
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from core.i18n import Language
    from core.reports.files import write_reports
    from core.reports.handout import handout_languages as handout_languages_of
    from core.settings import load_settings

    record = read_record(Path(args.record))
    if args.exam is not None and record.exam(args.exam) is None:
        raise LookupError(f"no exam {args.exam!r} in this record; exams: "
                          f"{', '.join(e.id for e in record.exams_by_date())}")
    settings = load_settings()
    if args.page_size:
        settings.page_size = args.page_size
    if args.lang:
        settings.language = args.lang
    if args.handout_lang in (None, "both"):
        handout_languages = handout_languages_of(record, settings, args.handout_lang == "both"
                                                 or None)
    else:
        handout_languages = [Language(args.handout_lang)]
    try:
        write_reports(record, args.exam, settings, Path(args.out),
                      Path(args.handout) if args.handout else None, args.deterministic,
                      args.archival, handout_languages=handout_languages)
    except ValueError as error:
        print(f"neuroexam report: {_.message(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    print(_("wrote {report} and {handout}").format(report=args.out, handout=args.handout)
          if args.handout else _("wrote {report}").format(report=args.out))
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from core.engine.summary import rules_markdown, rules_text

    sys.stdout.write(rules_markdown(_=_) if args.markdown else rules_text(_))
    return EXIT_OK


Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command, each with --help, in the language of ``_`` (build it inside
    ``argparse_words``, so that argparse's own words are in that language too)."""
    parser = argparse.ArgumentParser(
        prog="neuroexam", epilog=_(EPILOG),
        description=_("NeuroExam: document and compare the neurological exam of the legs. "
                      "Without a command, starts the app."))
    parser.add_argument("--version", action="version", version=f"neuroexam {__version__}",
                        help=_("show program's version number and exit"))
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    def command(name: str, handler: Command, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, epilog=_(EPILOG))
        sub.set_defaults(handler=handler)
        return sub

    command("validate", _validate, _("Check a patient record file against the format.")) \
        .add_argument("file", metavar=_("file"), help=_("the record (JSON)"))
    command("schema", _schema, _("Print the JSON Schema of the patient record."))
    command("demo", _demo, _("Write the demo patient's record and PDFs to a folder.")) \
        .add_argument("--out", default="demo", metavar=_("FOLDER"), help=_("the folder (default: demo)"))
    assess_parser = command("assess", _assess, _("Assess an exam against the patient's history."))
    assess_parser.add_argument("record", metavar=_("record"), help=_("the record (JSON)"))
    assess_parser.add_argument("--exam", metavar="ID", help=_("the exam id (default: the latest exam)"))
    assess_parser.add_argument("--json", action="store_true",
                               help=_("print the assessment document instead of text"))
    rules = command("rules", _rules, _("Print the triage rules with their sources."))
    rules.add_argument("--markdown", action="store_true", help=_("as the Markdown page in docs/"))
    rules.add_argument("--lang", choices=["en", "es"],
                       help=_("the language (default: the setting, else the system locale's)"))
    report = command("report", _report,
                     _("Write the clinician report (and the patient handout) as PDF."))
    report.add_argument("record", metavar=_("record"), help=_("the record (JSON)"))
    report.add_argument("--exam", metavar="ID", help=_("the exam id (default: the latest exam)"))
    report.add_argument("--out", required=True, metavar=_("FILE"), help=_("the clinician report PDF"))
    report.add_argument("--archival", action="store_true",
                        help=_("write the clinician report as PDF/A-2b, the archived copy of a "
                               "signed exam"))
    report.add_argument("--page-size", choices=["A4", "Letter"],
                        help=_("paper size (default: the setting, else the system locale's)"))
    report.add_argument("--handout", metavar=_("FILE"), help=_("also write the patient handout PDF here"))
    report.add_argument("--lang", choices=["en", "es"],
                        help=_("the clinician report's language, and the handout's when the record "
                               "names no preferred language (default: the setting, else the "
                               "system locale's)"))
    report.add_argument("--handout-lang", choices=["en", "es", "both"],
                        help=_("the handout's language (default: the patient's preferred "
                               "language); both: the patient's, then the other on new pages"))
    report.add_argument("--deterministic", action="store_true",
                        help=_("fixed creation date and ids: the same record gives identical "
                               "bytes"))
    command("import", _import, _("Import patient records (JSON: one record or a collection) into "
                                 "the database, all or nothing.")) \
        .add_argument("file", metavar=_("file"), help=_("the records (JSON)"))
    export = command("export", _export, _("Export one patient or all as JSON, CSV or FHIR R4."))
    who = export.add_mutually_exclusive_group(required=True)
    who.add_argument("--patient", metavar="ID", help=_("the patient's record id"))
    who.add_argument("--all", action="store_true", help=_("every patient in the database"))
    export.add_argument("--format", choices=[f.value for f in ExportFormat], default="json",
                        help=_("json (the patient record), csv (one row per exam), fhir (an R4 "
                               "Bundle) or fhir-ndjson (bulk: one Bundle per patient per line); "
                               "default json"))
    export.add_argument("--deidentify", action="store_true",
                        help=_("CSV only: leave out names and notes, birth year only, ids replaced "
                               "by keyed pseudonyms (see docs/csv-columns.md)"))
    export.add_argument("--key-file", metavar=_("FILE"),
                        help=_("the pseudonym key (default: pseudonym.key in the data folder)"))
    export.add_argument("--fhir-bundle", choices=["transaction", "collection"],
                        default="transaction",
                        help=_("FHIR only: transaction (default; for a FHIR server, conditional "
                               "create/update, posting it twice changes nothing) or collection "
                               "(an archive)"))
    export.add_argument("--lang", choices=["en", "es"],
                        help=_("the language of the FHIR reports' narrative and of their "
                               "attached PDFs (default: the setting, else the system locale's)"))
    export.add_argument("--with-pdf", action="store_true",
                        help=_("FHIR only: attach each exam's clinician report PDF"))
    export.add_argument("--out", required=True, metavar=_("FILE"), help=_("the file to write"))
    registry = command("registry", _registry,
                       _("Write the de-identified registry files: one CSV per follow-up interval with "
                         "recovery rates and pain (docs/registry-export.md)."))
    registry.add_argument("--out", required=True, metavar=_("FOLDER"),
                          help=_("the folder to write to"))
    registry.add_argument("--key-file", metavar=_("FILE"),
                          help=_("the pseudonym key (default: pseudonym.key in the data folder)"))
    reidentify = command("reidentify", _reidentify,
                         _("Find the stored patients behind pseudonyms of a de-identified CSV."))
    reidentify.add_argument("pseudonym", nargs="+", help=_("pseudonyms (P-...)"))
    reidentify.add_argument("--key-file", metavar=_("FILE"),
                            help=_("the pseudonym key (default: pseudonym.key in the data folder)"))
    backup = command("backup", _backup,
                     _("Write a verified copy of the database while it is in use (with a .sha256 checksum "
                       "file), or check one."))
    backup.add_argument("--out", metavar=_("FILE"), help=_("the backup file to write (must not exist)"))
    backup.add_argument("--if-due", action="store_true",
                        help=_("the automatic backup: written into the backup folder of the "
                               "settings when the newest is older than the interval, older ones "
                               "beyond the number kept deleted"))
    backup.add_argument("--verify", metavar=_("FILE"),
                        help=_("check a backup without changing it: integrity, schema, counts, "
                               "checksum"))
    db = command("db", _db,
                 _("The database's schema: `upgrade` brings it to this version's (in clinic mode, run "
                   "by the login that owns the database; the app never migrates a shared database on "
                   "its own); `status` checks it."))
    db.add_argument("action", choices=["upgrade", "status"])
    patients = command("patients", _patients,
                       _("The app's patient search, headless: record id, name and birth date per line, "
                         "tab-separated (family-name matches first, then given-name, then record-id "
                         "matches)."))
    patients.add_argument("query", nargs="?", default="",
                          help=_("the start of a family name, given name or record id (case and "
                                 "accents ignored); none lists the first patients by name"))
    patients.add_argument("--limit", type=int, default=50, metavar="N",
                          help=_("at most this many (default 50)"))
    users = command("users", _users,
                    _("Clinic mode: the logins of clinicians and staff (run by the administrator or the "
                      "database's owner): add one with its role, list them, disable one."))
    users.add_argument("action", choices=["add", "list", "disable"])
    users.add_argument("login", nargs="?", help=_("the login name (add, disable)"))
    users.add_argument("--role", choices=["clinician", "nurse", "administrator", "read-only"],
                       default="clinician", help=_("add: the role (default clinician)"))
    users.add_argument("--name", metavar=_("NAME"), help=_("add: the display name printed on signatures"))
    users.add_argument("--password-stdin", action="store_true",
                       help=_("add: read the password from standard input (else asked twice)"))
    command("restore", _restore, _("Replace the database by a backup (the old one is kept).")) \
        .add_argument("file", metavar=_("file"), help=_("the backup file"))
    for sub in commands.choices.values():
        sub.add_argument("--database", metavar="URL",
                         help=_("database URL (default: $NEUROEXAM_DATABASE_URL, the setting, "
                                "or the file in the data folder)"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code."""
    global _
    from core.settings import load_settings

    argv = sys.argv[1:] if argv is None else list(argv)
    _ = translator(language_for(_requested_language(argv) or load_settings().language))
    with argparse_words(_):
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
    try:
        result: int = args.handler(args)
        return result
    except RecordError as error:
        print(_.message(str(error)), file=sys.stderr)
        return EXIT_INVALID
    except StoreError as error:
        print(f"neuroexam: {_.message(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyFileError as error:
        print(f"neuroexam: {_.message(str(error))}", file=sys.stderr)
        return EXIT_INVALID
    except LookupError as error:
        print(f"neuroexam: {_.message(str(error.args[0]) if error.args else str(error))}",
              file=sys.stderr)
        return EXIT_INVALID
    except OSError as error:
        print(f"neuroexam: {_.message(error.strerror or str(error))}: {error.filename or ''}",
              file=sys.stderr)
        return EXIT_IO
    except Exception as error:  # noqa: BLE001 (the last resort must not print patient data)
        print(_("neuroexam: internal error.") + f" {scrubbed_report(error)}", file=sys.stderr)
        return EXIT_INTERNAL


def _requested_language(argv: Sequence[str]) -> str | None:
    """The ``--lang`` of the command line, read before parsing it: the help and argparse's
    errors are written in that language too."""
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--lang="):
            return word.partition("=")[2]
    return None


@contextlib.contextmanager
def argparse_words(_: Translator) -> Iterator[None]:
    """argparse's own words ("usage:", "options", "show this help message and exit", its error
    messages) from the catalogue while the parser is built and used. argparse looks them up
    through gettext, by the module's ``_`` and ``ngettext``, when it builds a parser, writes
    help or reports an error; NeuroExam's catalogue is not a gettext one, so those two are
    replaced for that time and restored after."""
    words = vars(argparse)
    saved = words["_"], words["ngettext"]
    words["_"] = _
    words["ngettext"] = lambda one, many, count: _(one if count == 1 else many)
    try:
        yield
    finally:
        words["_"], words["ngettext"] = saved
