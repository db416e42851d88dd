"""The command line of interchange.md. Headless: nothing here imports Qt.

Every failure a user can cause (a missing file, a malformed document, a name that does not exist,
a full disk) ends with a message on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from orgdesigner.model.entities import Organisation, Scenario

if TYPE_CHECKING:
    from orgdesigner.app.document import Document
    from orgdesigner.app.opening import OpenedScenario
    from orgdesigner.hr.importer import ImportResult
from orgdesigner.model.labels import Lang

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2
FAIL_LEVELS = ("error", "warning", "info", "never")
MAX_EXPORT_SCALE = 8.0  # beyond this a card's text is drawn larger than any screen needs
# How each export format's files begin: --force replaces a file that starts so, never another one.
# A CSV is recognised by the header the export writes: any other text file may be the user's data.
_SIGNATURES: dict[str, Callable[[bytes], bool]] = {
    "png": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    "pdf": lambda head: head.startswith(b"%PDF-"),
    "csv": lambda head: head.startswith("\ufeffMatricule;Nom;".encode()),
    "graphml": lambda head: head.lstrip().startswith(b"<?xml") and b"<graphml" in head,
}
_HEAD_BYTES = 512  # enough for an XML declaration and a comment before <graphml


def default_lang() -> Lang:
    """French when the user's locale is French (domain.md §1), English otherwise."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def _path(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError("a file name cannot be empty")
    return Path(text)


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < value <= MAX_EXPORT_SCALE:
        raise argparse.ArgumentTypeError(f"{text} is not in (0, {MAX_EXPORT_SCALE:g}]")
    return value


_MAX_OVERLAP_MM = 50.0  # export.pagination.MAX_OVERLAP_MM, not imported: parsing stays light


def _overlap(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value <= _MAX_OVERLAP_MM:
        raise argparse.ArgumentTypeError(f"{text} is not in [0, {_MAX_OVERLAP_MM:g}] mm")
    return value


def _text(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("cannot be empty")
    return text.strip()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("orgdesigner")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "(not installed)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orgdesigner",
        description="OrgDesigner: design social-housing agencies and check them against the reference models.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser("validate", help="validate a scenario JSON or a project file")
    validate.add_argument("file", type=_path, metavar="FILE")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument("--scenario", metavar="NAME", help="scenario of a project (default: its first)")
    validate.add_argument("--fail-on", choices=FAIL_LEVELS, default="error",
                          help="exit 1 when a finding reaches this severity (default: error)")
    validate.add_argument("--lang", choices=("fr", "en"), help="language of messages (default: from the locale)")

    convert = commands.add_parser(
        "convert", help="scenario JSON → project file (new, or a scenario added), or project → JSON or project")
    convert.add_argument("source", type=_path, metavar="IN")
    convert.add_argument("target", type=_path, metavar="OUT")
    convert.add_argument("--scenario", metavar="NAME", help="scenario to take out of a project (default: its first)")
    convert.add_argument("--force", action="store_true",
                         help="replace OUT when it is an existing scenario JSON (never any other file)")

    export = commands.add_parser("export", help="draw a scenario's chart into a file, or write its positions as "
                                                "CSV or GraphML")
    export.add_argument("file", type=_path, metavar="FILE")
    outputs = export.add_mutually_exclusive_group(required=True)  # one output a run; more formats will join
    outputs.add_argument("--png", type=_path, metavar="OUT.png", help="a PNG image of the chart")
    outputs.add_argument("--pdf", type=_path, metavar="OUT.pdf",
                         help="the annotated PDF: cover, chart, legend, findings, a summary per agency")
    outputs.add_argument("--csv", type=_path, metavar="OUT.csv",
                         help="the positions as an Excel CSV (French, semicolons) that `import` reads back")
    outputs.add_argument("--graphml", type=_path, metavar="OUT.graphml",
                         help="the positions and links as a GraphML graph for yEd or Gephi")
    export.add_argument("--scenario", metavar="NAME", help="scenario of a project (default: its first)")
    export.add_argument("--agency", metavar="ID", nargs="+", action="extend",
                        help="only these agencies' cards (default: the whole scenario; --png takes one)")
    export.add_argument("--scale", type=_scale, default=None, metavar="S",
                        help="--png: pixels per unit of the canvas at 1:1 (default: 1; lowered for a very large "
                             "chart)")
    pdf = export.add_argument_group("PDF options")
    pdf.add_argument("--page", choices=("A4", "A3", "A2", "A1", "A0"), default=None, help="paper size (default: A4)")
    pdf.add_argument("--orientation", choices=("portrait", "landscape"), default=None,
                     help="default: landscape")
    pdf.add_argument("--mode", choices=("fit", "tile", "per-agency"), default=None,
                     help="fit: one page, or tiles when text would fall under 6 pt (default); tile: sheets to "
                          "assemble; per-agency: a page (or tiles) an agency")
    pdf.add_argument("--overlap", type=_overlap, default=None, metavar="MM",
                     help=f"tiles overlap by at least this (0 to {_MAX_OVERLAP_MM:g} mm, default: 10)")
    pdf.add_argument("--no-findings", action="store_true", help="leave out the finding marks and table")
    pdf.add_argument("--title", type=_text, metavar="TEXT", help="the document's title")
    pdf.add_argument("--author", type=_text, metavar="TEXT", help="the author named on the cover")
    export.add_argument("--lang", choices=("fr", "en"), help="language of the cards (default: from the locale)")
    export.add_argument("--force", action="store_true",
                        help="replace OUT when it is an existing file of the same format (never any other file)")

    import_ = commands.add_parser("import", help="import an HR extract (CSV) as a new scenario of a project")
    import_.add_argument("source", type=_path, metavar="SOURCE", help="a .csv file (.xlsx is not yet supported)")
    import_.add_argument("--into", type=_path, required=True, metavar="PROJECT.orgd",
                         help="the project to add the scenario to (created if absent)")
    import_.add_argument("--scenario", type=_text, metavar="NAME", help="the new scenario's name (default: SOURCE's "
                                                                        "name without its extension)")
    import_.add_argument("--mapping", type=_path, metavar="MAPPING.json",
                         help='columns and job titles set by hand: {"columns": {"id": "Matricule"}, '
                              '"roles": {"Gardienne": "caretaker"}}')
    import_.add_argument("--dry-run", action="store_true", help="report what would be imported; write nothing")
    import_.add_argument("--lang", choices=("fr", "en"), help="language of messages (default: from the locale)")

    open_ = commands.add_parser("open", help="open a project in the desktop window")
    open_.add_argument("target", type=_path, metavar="FILE")
    open_.add_argument("--lang", choices=("fr", "en"),
                       help="language of the window (default: the saved preference, else the system language)")

    demo = commands.add_parser("demo", help="write the bundled demonstration project")
    demo.add_argument("target", type=_path, metavar="OUT")
    demo.add_argument("--force", action="store_true", help="replace OUT if it exists")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from orgdesigner.app.opening import InputError

    _tolerate_any_text(sys.stderr)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "validate": _validate, "convert": _convert, "demo": _demo, "open": _open, "export": _export,
        "import": _import}
    if args.command is None:
        args.command, args.target, args.lang = "open", None, None
    try:
        return handlers[args.command](args)
    except InputError as exc:
        _complain(args.command, *exc.lines)
    except OSError as exc:
        _complain(args.command, f"cannot write the output ({exc.strerror or exc})")
    except Exception as exc:  # a defect of ours: say so plainly rather than with a traceback
        _complain(args.command, f"internal error ({type(exc).__name__}: {exc}); "
                                "please report it with the file that caused it")
    return EXIT_UNUSABLE


def _complain(command: str, *lines: str) -> None:
    """Problems go to stderr; if nobody reads it any more (`2>&1 | head`), the exit status still says."""
    try:
        for line in lines:
            print(f"orgdesigner {command}: {line}", file=sys.stderr)
        sys.stderr.flush()
    except (BrokenPipeError, ValueError, AttributeError):
        _silence_closed_streams()


def _silence_closed_streams() -> None:
    """Points stdout and stderr at /dev/null so the interpreter's final flush finds nothing to break on."""
    null = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with suppress(AttributeError, ValueError, OSError):
            os.dup2(null, stream.fileno())


def _tolerate_any_text(stream: object) -> None:
    """A console or a redirect in a legacy encoding (cp1252) must not crash on a character it lacks."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")


def _validate(args: argparse.Namespace) -> int:
    from orgdesigner.app.opening import InputError, open_scenario
    from orgdesigner.io.report_output import report_to_json, report_to_text
    from orgdesigner.rules.engine import validate
    from orgdesigner.rules.findings import SEVERITY_RANK

    lang: Lang = args.lang or default_lang()
    if sys.stdout is None:
        raise InputError(["there is no standard output to print the report on"])
    opened = open_scenario(args.file, args.scenario)
    report = validate(opened.scenario)
    threshold = SEVERITY_RANK.get(args.fail_on)
    failing = threshold is not None and any(SEVERITY_RANK[f.severity] <= threshold for f in report.findings)
    status = EXIT_FINDINGS if failing else EXIT_OK
    if args.format == "json":
        output = report_to_json(report, lang).encode("utf-8")  # JSON is UTF-8 by definition
    else:  # in the console's encoding; a character it lacks becomes '?' rather than a crash
        positions = {p.id: p for p in opened.scenario.positions}
        output = report_to_text(report, positions, lang).encode(sys.stdout.encoding or "utf-8", errors="replace")
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(output)
        sys.stdout.buffer.flush()
    except BrokenPipeError:  # the reader stopped early (`| head`): the verdict still stands
        _silence_closed_streams()
    return status


def _convert(args: argparse.Namespace) -> int:
    """What OUT becomes follows what it is: an existing project gains the scenario; a new file is a
    project, unless its name ends in .json; an existing JSON is replaced only with --force; any
    other existing file is never touched."""
    from orgdesigner.app.opening import InputError, is_project_file, looks_like_json, open_scenario

    source: Path = args.source
    target: Path = args.target
    if target.exists() and source.exists() and source.samefile(target):
        raise InputError([f"{target}: is the source file too; name another file to write"])
    writes_json = target.suffix.lower() == ".json" if not target.exists() else not is_project_file(target)
    if writes_json and target.exists():
        if not looks_like_json(target):
            raise InputError([f"{target}: exists and is neither a project nor a JSON document; "
                              "it was left as it is"])
        if not args.force:
            raise InputError([f"{target}: exists already; use --force to replace it"])
    if writes_json and not is_project_file(source):
        raise InputError([f"{target}: a scenario JSON converts into a project file; name the output with "
                          "another extension, such as .orgd"])
    opened = open_scenario(source, args.scenario)
    if writes_json:
        _write_json(target, opened)
    else:
        _add_to_project(target, opened.organisation, opened.scenario)
        _say(f"added scenario {opened.scenario.name!r} to {target}")
    if args.scenario is None and opened.scenarios_in_file > 1:
        _say(f"{source} holds {opened.scenarios_in_file} scenarios; this was the first (--scenario NAME for another)")
    return EXIT_OK


def _write_json(target: Path, opened: OpenedScenario) -> None:
    from orgdesigner.app.files import write_text_safely
    from orgdesigner.app.opening import InputError
    from orgdesigner.io.scenario_json import scenario_to_json

    try:
        write_text_safely(target, scenario_to_json(opened.organisation, opened.scenario))
    except OSError as exc:
        raise InputError([f"{target}: cannot write ({exc.strerror or exc}); nothing was changed"]) from exc
    _say(f"wrote scenario {opened.scenario.name!r} to {target}")


def _add_to_project(target: Path, organisation: Organisation, scenario: Scenario) -> None:
    from orgdesigner.app.opening import InputError
    from orgdesigner.storage import ProjectFileError, add_scenario

    try:
        add_scenario(target, organisation, scenario)
    except ProjectFileError as exc:
        raise InputError([str(exc)]) from exc


def _export(args: argparse.Namespace) -> int:
    """Draws the scenario as the window would show it on opening: laid out the same way where the
    file has no coordinates, with the validation badges. OUT is checked before any work, like
    convert's: an existing file is replaced only with --force, and only when it is of the format
    being written, so that a slip of the keyboard cannot destroy a project."""
    from orgdesigner.app.document import Document
    from orgdesigner.app.opening import InputError, open_scenario
    from orgdesigner.model.entities import Project

    source: Path = args.file
    kind, target = next((kind, getattr(args, kind)) for kind in _SIGNATURES if getattr(args, kind) is not None)
    _check_options_fit(kind, args)
    _check_replaceable(source, target, kind, args.force)
    opened = open_scenario(source, args.scenario)
    if kind in ("csv", "graphml"):
        _export_table(target, kind, opened, args.lang or default_lang())
        if args.scenario is None and opened.scenarios_in_file > 1:
            _say(f"{source} holds {opened.scenarios_in_file} scenarios; this was the first "
                 "(--scenario NAME for another)")
        return EXIT_OK
    document = Document(Project(opened.organisation, (opened.scenario,)))
    known = [agency.id for agency in document.chart.agencies()]
    unknown = [agency for agency in dict.fromkeys(args.agency or ()) if agency not in known]
    if unknown:
        raise InputError([f"{source}: scenario {opened.scenario.name!r} has no agency with id {agency!r} "
                          f"(its agencies: {', '.join(known) or 'none'})" for agency in unknown])
    lang: Lang = args.lang or default_lang()
    if kind == "pdf":
        _export_pdf(args, source, target, document, lang)
        if args.scenario is None and opened.scenarios_in_file > 1:
            _say(f"{source} holds {opened.scenarios_in_file} scenarios; this was the first "
                 "(--scenario NAME for another)")
        return EXIT_OK
    from orgdesigner.ui.render import MAX_PIXELS, MAX_SIDE, NothingToDraw, render_png

    try:
        rendered = render_png(document.chart, document.validate(), lang, target,
                              agency=args.agency[0] if args.agency else None, scale=args.scale or 1.0)
    except NothingToDraw as exc:
        raise InputError([f"{source}: {exc}; nothing was written"]) from exc
    except MemoryError as exc:
        raise InputError([f"{source}: {exc or 'out of memory'}; try a smaller --scale"]) from exc
    except OSError as exc:
        raise InputError([f"{target}: cannot write ({exc.strerror or exc}); nothing was changed"]) from exc
    if rendered.scaled_down:
        _say(f"the chart is too large for scale {rendered.asked_scale:g}: drawn at scale {rendered.scale:.3g} "
             f"to stay within {MAX_SIDE} pixels a side and {MAX_PIXELS / 1e6:.0f} million pixels")
    _say(f"wrote {target} ({rendered.width} × {rendered.height} pixels, scenario {opened.scenario.name!r})")
    if args.scenario is None and opened.scenarios_in_file > 1:
        _say(f"{source} holds {opened.scenarios_in_file} scenarios; this was the first (--scenario NAME for another)")
    return EXIT_OK


_PDF_ONLY = ("page", "orientation", "mode", "overlap", "title", "author")


def _check_options_fit(kind: str, args: argparse.Namespace) -> None:
    """An option of the other format is a mistake worth saying, not something to ignore silently."""
    from orgdesigner.app.opening import InputError

    if kind == "png":
        wrong = [f"--{name}" for name in _PDF_ONLY if getattr(args, name) is not None]
        wrong += ["--no-findings"] if args.no_findings else []
        if args.agency is not None and len(args.agency) > 1:
            raise InputError(["--png draws one agency or the whole scenario: give one --agency ID"])
    else:
        wrong = ["--scale"] if args.scale is not None else []
    if kind in ("csv", "graphml"):  # the whole scenario, no drawing: no option of either drawing
        wrong += [f"--{name}" for name in _PDF_ONLY if getattr(args, name) is not None]
        wrong += ["--no-findings"] if args.no_findings else []
        wrong += ["--agency"] if args.agency is not None else []
    if wrong:
        raise InputError([f"{', '.join(wrong)}: not an option of --{kind}"])


def _export_pdf(args: argparse.Namespace, source: Path, target: Path, document: Document, lang: Lang) -> None:
    """The annotated PDF, dated today; says when fit had to tile and how many pages were written."""
    import datetime

    from orgdesigner.app.opening import InputError
    from orgdesigner.export.pdf_document import write_pdf
    from orgdesigner.export.plan import PdfOptions

    options = PdfOptions(
        size=args.page or "A4", orientation=args.orientation or "landscape", mode=args.mode or "fit",
        overlap_mm=10.0 if args.overlap is None else args.overlap, lang=lang, findings=not args.no_findings,
        title=args.title, author=args.author, agencies=tuple(dict.fromkeys(args.agency)) if args.agency else None)
    try:
        summary = write_pdf(document.chart, document.validate(), document.organisation_name, target, options,
                            datetime.date.today())
    except ValueError as exc:
        raise InputError([f"{source}: {exc}; nothing was written"]) from exc
    except OSError as exc:
        raise InputError([f"{target}: cannot write ({exc.strerror or exc}); nothing was changed"]) from exc
    if summary.switched_to_tile:
        _say(f"the chart does not fit on one {options.size} page with text of 6 pt or more: "
             f"tiled over {summary.chart_pages} sheets instead"
             + (" (a larger --page, or --mode per-agency, for fewer)" if options.size != "A0" else ""))
    _say(f"wrote {target} ({summary.pages} pages: {summary.chart_pages} of chart, mode {summary.mode_used}; "
         f"scenario {document.current_scenario!r})")


def _export_table(target: Path, kind: str, opened: OpenedScenario, lang: Lang) -> None:
    """The data, not the drawing: no Document and no layout, so a large scenario exports at once."""
    from orgdesigner.app.files import write_bytes_safely
    from orgdesigner.app.opening import InputError
    from orgdesigner.hr.csv_export import scenario_to_csv
    from orgdesigner.hr.graphml_export import scenario_to_graphml
    from orgdesigner.rules.engine import validate

    scenario = opened.scenario
    data = (scenario_to_csv(scenario, validate(scenario), lang).encode("utf-8") if kind == "csv"
            else scenario_to_graphml(scenario, lang))
    try:
        write_bytes_safely(target, data)
    except OSError as exc:
        raise InputError([f"{target}: cannot write ({exc.strerror or exc}); nothing was changed"]) from exc
    _say(f"wrote {target} ({len(scenario.positions)} positions, {len(scenario.links)} links; "
         f"scenario {scenario.name!r})")


def _check_replaceable(source: Path, target: Path, kind: str, force: bool) -> None:
    from orgdesigner.app.opening import InputError

    if not target.exists():
        return
    if source.exists() and source.samefile(target):
        raise InputError([f"{target}: is the source file too; name another file to write"])
    try:
        with target.open("rb") as handle:
            same_format = _SIGNATURES[kind](handle.read(_HEAD_BYTES))
    except OSError:
        same_format = False
    if not same_format:
        raise InputError([f"{target}: exists and is not a {kind.upper()} file; it was left as it is"])
    if not force:
        raise InputError([f"{target}: exists already; use --force to replace it"])


def _open(args: argparse.Namespace) -> int:
    """The desktop window, on FILE or on a new project. A file that cannot be used is reported here,
    before any window, like every other command."""
    from orgdesigner.app.document import Document

    document = Document.open(args.target) if args.target is not None else None
    from orgdesigner.ui.app import run

    return run(document, args.lang)  # None: the saved preference, else the system's language


def _demo(args: argparse.Namespace) -> int:
    from orgdesigner.app.demo import demo_project
    from orgdesigner.app.opening import InputError
    from orgdesigner.storage import ProjectFileError, save_project

    target: Path = args.target
    if target.exists() and not args.force:
        raise InputError([f"{target}: exists already; use --force to replace it"])
    try:
        save_project(target, demo_project())
    except ProjectFileError as exc:
        raise InputError([str(exc)]) from exc
    _say(f"wrote {target}")
    return EXIT_OK


_ZIP_SIGNATURE = b"PK\x03\x04"  # an .xlsx is a zip archive, whatever its name says


def _import(args: argparse.Namespace) -> int:
    """The project is written once, whole, and only when the extract has no blocking problem and
    this is not a dry run: an import that stopped half-way would leave a plausible, wrong chart."""
    from orgdesigner.app.opening import MAX_DOCUMENT_BYTES, InputError, open_project
    from orgdesigner.hr.columns import ImportMapping, MappingError, read_mapping
    from orgdesigner.hr.importer import import_csv

    lang: Lang = args.lang or default_lang()
    source: Path = args.source
    target: Path = args.into

    def say(fr: str, en: str) -> str:
        return fr if lang == "fr" else en

    try:
        with source.open("rb") as handle:
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise InputError([f"{source}: {say('illisible', 'cannot read')} ({exc.strerror or exc})"]) from None
    if source.suffix.lower() in (".xlsx", ".xlsm", ".xls") or data.startswith(_ZIP_SIGNATURE):
        raise InputError([f"{source}: " + say(
            "l'import des classeurs Excel n'est pas encore disponible ; enregistrez la feuille au format CSV "
            "(Fichier > Enregistrer sous > CSV) et importez ce fichier",
            "importing Excel workbooks is not yet supported; save the sheet as CSV (File > Save As > CSV) and "
            "import that file")])
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError([f"{source}: " + say("fichier trop grand pour un extrait RH", "too large for an HR extract")])
    if target.exists() and source.samefile(target):
        raise InputError([f"{target}: " + say("est aussi le fichier source", "is the source file too")])
    try:
        mapping = read_mapping(args.mapping) if args.mapping is not None else ImportMapping()
    except MappingError as exc:
        raise InputError(exc.problems) from None
    project = open_project(target) if target.exists() else None
    name: str = args.scenario or source.stem.strip() or "Import"
    if project is not None and project.scenario(name) is not None:
        raise InputError([f"{target}: " + say(f"a déjà un scénario nommé {name!r} ; choisissez un autre nom "
                                              "avec --scenario NOM", f"already has a scenario named {name!r}; "
                                              "choose another with --scenario NAME")])
    existing = [agency for scenario in (project.scenarios if project else ()) for agency in scenario.agencies]
    result = import_csv(data, name, existing, mapping)
    _print_import_summary(source, result, lang)
    if result.scenario is None:
        _complain("import", say(f"rien n'a été importé ; {target} n'a pas été modifié",
                                f"nothing was imported; {target} was left as it is"))
        return EXIT_UNUSABLE
    if args.dry_run:
        _say(say(f"essai (--dry-run) : {target} n'a pas été modifié", f"dry run: {target} was left as it is"))
        return EXIT_OK
    organisation = project.organisation if project else Organisation(target.stem or name)
    _check_importable(organisation, result.scenario)
    _add_to_project(target, organisation, result.scenario)
    _say(say(f"scénario {name!r} ajouté à {target}", f"added scenario {name!r} to {target}"))
    return EXIT_OK


def _check_importable(organisation: Organisation, scenario: Scenario) -> None:
    """The scenario JSON reader's checks, the same every saved project passes on opening: a
    scenario the importer built wrong must be refused here, not discovered in the project later."""
    from orgdesigner.app.opening import InputError
    from orgdesigner.io.scenario_json import DocumentError, read_scenario_data, scenario_to_data

    try:
        read_scenario_data(scenario_to_data(organisation, scenario))
    except DocumentError as exc:
        raise InputError([f"internal error, nothing was imported: {problem}" for problem in exc.problems]) from None


def _print_import_summary(source: Path, result: ImportResult, lang: Lang) -> None:
    """What was recognised on stdout; each problem on stderr, by line and column, as a spreadsheet
    shows them."""
    from orgdesigner.model.catalogue import ROLES

    fr = lang == "fr"
    lines: list[str] = []
    if result.header_line is not None:
        separator = {"\t": "tab" if not fr else "tabulation"}.get(result.separator, repr(result.separator))
        lines.append(f"{source}: {result.encoding}, " + (f"séparateur {separator}, en-tête ligne {result.header_line}"
                     if fr else f"separator {separator}, header on line {result.header_line}"))
        lines.append(("colonnes : " if fr else "columns: ")
                     + ", ".join(f"{field} = {header!r}" for field, header in result.columns.items()))
        lines.append(", ".join([f"{result.rows} " + ("lignes" if fr else "rows"), *(
            f"{count} {ROLES[role].label.in_(lang)}" for role, count in sorted(
                result.roles.items(), key=lambda item: (-item[1], item[0])))]))
        for label, names in ((("agences créées", "agencies created"), result.agencies_created),
                             (("agences existantes", "existing agencies"), result.agencies_matched)):
            if names:
                lines.append(f"{label[0] + ' :' if fr else label[1] + ':'} {', '.join(names)}")
        if result.unmapped_titles:
            lines.append("intitulés importés en « autre poste » (à associer à un rôle dans la correspondance, "
                         "--mapping) :" if fr else "titles imported as `other` (map them to a role with --mapping):")
            lines += [f"  {title!r}: {count}" for title, count in result.unmapped_titles.items()]
    try:
        for line in lines:
            print(line)
        sys.stdout.flush()
    except (BrokenPipeError, ValueError, AttributeError):
        _silence_closed_streams()
    for problem in result.problems:
        where = ", ".join(part for part in (
            (f"ligne {problem.line}" if fr else f"line {problem.line}") if problem.line is not None else "",
            (f"colonne {problem.column!r}" if fr else f"column {problem.column!r}") if problem.column else "")
            if part)
        kind = "" if problem.blocking else ("avertissement : " if fr else "warning: ")
        _complain("import", f"{source}{', ' + where if where else ''}: {kind}{problem.message.in_(lang)}")


def _say(message: str) -> None:
    print(f"orgdesigner: {message}", file=sys.stderr)
