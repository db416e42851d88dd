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
    import datetime

    from orgdesigner.app.document import Document
    from orgdesigner.app.opening import OpenedScenario
    from orgdesigner.compare.scenario_diff import ScenarioDiff
    from orgdesigner.export.pdf_document import PdfSummary
    from orgdesigner.export.plan import PdfOptions
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
    "xlsx": lambda data: _is_xlsx_export(data),
}
_HEAD_BYTES = 512  # enough for an XML declaration and a comment before <graphml
# Any workbook starts as a zip: an XLSX export is recognised by its header row, read from the whole file.
_SIGNATURE_BYTES = {"xlsx": 64 * 2**20}


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
    from orgdesigner.app.instance import program_version

    return program_version()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orgdesigner",
        description="OrgDesigner: design social-housing agencies and check them against the reference models.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument("--repository", metavar="URL",
                        help="open the window on the projects of a shared PostgreSQL repository, "
                             "postgresql://USER@HOST[:PORT]/DATABASE; the password comes from PGPASSWORD, "
                             "~/.pgpass, or is asked for (never stored)")
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
                                                "CSV, XLSX or GraphML")
    export.add_argument("file", type=_path, metavar="FILE")
    outputs = export.add_mutually_exclusive_group(required=True)  # one output a run; more formats will join
    outputs.add_argument("--png", type=_path, metavar="OUT.png", help="a PNG image of the chart")
    outputs.add_argument("--pdf", type=_path, metavar="OUT.pdf",
                         help="the annotated PDF: cover, chart, legend, findings, a summary per agency")
    outputs.add_argument("--csv", type=_path, metavar="OUT.csv",
                         help="the positions as an Excel CSV (French, semicolons) that `import` reads back")
    outputs.add_argument("--xlsx", type=_path, metavar="OUT.xlsx",
                         help="the positions as an Excel workbook, the CSV's columns, that `import` reads back")
    outputs.add_argument("--graphml", type=_path, metavar="OUT.graphml",
                         help="the positions and links as a GraphML graph for yEd or Gephi")
    export.add_argument("--scenario", metavar="NAME", help="scenario of a project (default: its first)")
    export.add_argument("--agency", metavar="ID", nargs="+", action="extend",
                        help="only these agencies' cards (default: the whole scenario; --png takes one)")
    export.add_argument("--scale", type=_scale, default=None, metavar="S",
                        help="--png: pixels per unit of the canvas at 1:1 (default: 1; lowered for a very large "
                             "chart)")
    pdf = _pdf_options(export)
    pdf.add_argument("--no-findings", action="store_true", help="leave out the finding marks and table")
    export.add_argument("--lang", choices=("fr", "en"), help="language of the cards (default: from the locale)")
    export.add_argument("--force", action="store_true",
                        help="replace OUT when it is an existing file of the same format (never any other file)")

    import_ = commands.add_parser("import", help="import an HR extract (CSV or Excel) as a new scenario of a project")
    import_.add_argument("source", type=_path, metavar="SOURCE", help="a CSV file or an Excel workbook (.xlsx)")
    import_.add_argument("--into", type=_path, required=True, metavar="PROJECT.orgd",
                         help="the project to add the scenario to (created if absent)")
    import_.add_argument("--scenario", type=_text, metavar="NAME", help="the new scenario's name (default: SOURCE's "
                                                                        "name without its extension)")
    import_.add_argument("--mapping", type=_path, metavar="MAPPING.json",
                         help='columns and job titles set by hand: {"columns": {"id": "Matricule"}, '
                              '"roles": {"Gardienne": "caretaker"}}')
    import_.add_argument("--sheet", type=_text, metavar="NAME",
                         help="the workbook's sheet to read (default: the first with a recognised header)")
    import_.add_argument("--dry-run", action="store_true", help="report what would be imported; write nothing")
    import_.add_argument("--lang", choices=("fr", "en"), help="language of messages (default: from the locale)")

    diff = commands.add_parser("diff", help="compare two scenarios: positions, agencies against the models, "
                                            "findings resolved and introduced, guarding notices")
    diff.add_argument("file", type=_path, nargs="?", metavar="FILE",
                      help="the project (or scenario JSON) holding both scenarios")
    diff.add_argument("--from", dest="from_name", metavar="NAME", help="the source scenario (\"existant\")")
    diff.add_argument("--to", dest="to_name", metavar="NAME", help="the target scenario (\"cible\")")
    diff.add_argument("--from-file", type=_path, metavar="FILE",
                      help="take the source scenario from this file instead of FILE")
    diff.add_argument("--to-file", type=_path, metavar="FILE",
                      help="take the target scenario from this file instead of FILE")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument("--lang", choices=("fr", "en"), help="language of messages (default: from the locale)")
    diff.add_argument("--pdf", type=_path, metavar="OUT.pdf",
                      help="also write the comparison PDF: deltas per agency, the target chart with the changes, "
                           "the list of changes, the notices")
    _pdf_options(diff)
    diff.add_argument("--force", action="store_true", help="replace OUT.pdf when it is an existing PDF")

    open_ = commands.add_parser("open", help="open a project in the desktop window")
    open_.add_argument("target", type=_path, metavar="FILE")
    open_.add_argument("--lang", choices=("fr", "en"),
                       help="language of the window (default: the saved preference, else the system language)")

    demo = commands.add_parser("demo", help="write the bundled demonstration project")
    demo.add_argument("target", type=_path, metavar="OUT")
    demo.add_argument("--force", action="store_true", help="replace OUT if it exists")
    return parser


def _pdf_options(command: argparse.ArgumentParser) -> argparse._ArgumentGroup:
    pdf = command.add_argument_group("PDF options")
    pdf.add_argument("--page", choices=("A4", "A3", "A2", "A1", "A0"), default=None, help="paper size (default: A4)")
    pdf.add_argument("--orientation", choices=("portrait", "landscape"), default=None,
                     help="default: landscape")
    pdf.add_argument("--mode", choices=("fit", "tile", "per-agency"), default=None,
                     help="fit: one page, or tiles when text would fall under 6 pt (default); tile: sheets to "
                          "assemble; per-agency: a page (or tiles) an agency")
    pdf.add_argument("--overlap", type=_overlap, default=None, metavar="MM",
                     help=f"tiles overlap by at least this (0 to {_MAX_OVERLAP_MM:g} mm, default: 10)")
    pdf.add_argument("--title", type=_text, metavar="TEXT", help="the document's title")
    pdf.add_argument("--author", type=_text, metavar="TEXT", help="the author named on the cover")
    return pdf


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from orgdesigner.app.opening import InputError

    _tolerate_any_text(sys.stderr)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "validate": _validate, "convert": _convert, "demo": _demo, "open": _open, "export": _export,
        "import": _import, "diff": _diff}
    if args.command is None:
        args.command, args.target, args.lang = "open", None, None
    if args.repository is not None:  # the window on the repository; with any other command, refused
        handlers[args.command] = _open_repository
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


def _backed_up(command: str) -> Callable[[Path], None]:
    """Given to whatever opens a project: an older one is upgraded in place, after a copy of it as it
    was is written beside it, and the user must learn where that copy is."""
    return lambda backup: _complain(command, "the project was written by an older OrgDesigner and now has this "
                                             f"version's format; the file as it was is backed up to {backup}")


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
    opened = open_scenario(args.file, args.scenario, _backed_up(args.command))
    report = validate(opened.scenario)
    threshold = SEVERITY_RANK.get(args.fail_on)
    failing = threshold is not None and any(SEVERITY_RANK[f.severity] <= threshold for f in report.findings)
    status = EXIT_FINDINGS if failing else EXIT_OK
    if args.format == "json":
        _print_output(report_to_json(report, lang), is_json=True)
    else:
        _print_output(report_to_text(report, {p.id: p for p in opened.scenario.positions}, lang), is_json=False)
    return status


def _print_output(text: str, *, is_json: bool) -> None:
    """JSON is UTF-8 by definition; text goes out in the console's encoding, a character it lacks
    becoming '?' rather than a crash."""
    output = text.encode("utf-8") if is_json else text.encode(sys.stdout.encoding or "utf-8", errors="replace")
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(output)
        sys.stdout.buffer.flush()
    except BrokenPipeError:  # the reader stopped early (`| head`): the verdict still stands
        _silence_closed_streams()


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
    opened = open_scenario(source, args.scenario, _backed_up(args.command))
    if writes_json:
        _write_json(target, opened)
    else:
        _add_to_project(target, opened.organisation, opened.scenario, _backed_up(args.command))
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


def _add_to_project(target: Path, organisation: Organisation, scenario: Scenario,
                    on_backup: Callable[[Path], None]) -> None:
    from orgdesigner.app.opening import InputError
    from orgdesigner.storage import ProjectFileError, add_scenario

    try:
        add_scenario(target, organisation, scenario, on_backup=on_backup)
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
    opened = open_scenario(source, args.scenario, _backed_up(args.command))
    if kind in ("csv", "xlsx", "graphml"):
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
    if kind in ("csv", "xlsx", "graphml"):  # the whole scenario, no drawing: no option of either drawing
        wrong += [f"--{name}" for name in _PDF_ONLY if getattr(args, name) is not None]
        wrong += ["--no-findings"] if args.no_findings else []
        wrong += ["--agency"] if args.agency is not None else []
    if wrong:
        raise InputError([f"{', '.join(wrong)}: not an option of --{kind}"])


def _diff(args: argparse.Namespace) -> int:
    """Each side is the named scenario of FILE, or of --from-file / --to-file (two HR extracts a
    year apart). The comparison is printed; --pdf also writes it as a document, checked before any
    work like export's output."""
    import datetime

    from orgdesigner.app.opening import InputError, is_project_file, open_scenario, open_scenarios
    from orgdesigner.compare.scenario_diff import compare_scenarios
    from orgdesigner.io.diff_output import diff_to_json, diff_to_text

    lang: Lang = args.lang or default_lang()
    if sys.stdout is None:
        raise InputError(["there is no standard output to print the comparison on"])
    source: Path | None = args.from_file or args.file
    target: Path | None = args.to_file or args.file
    if source is None or target is None:
        raise InputError(["name FILE with --from NAME --to NAME, or the two files with --from-file and --to-file"])
    if args.file is not None and args.from_file is not None and args.to_file is not None:
        raise InputError([f"{args.file}: not used when both --from-file and --to-file are given"])
    if source == target and not is_project_file(source):
        raise InputError([f"{source}: a scenario JSON holds one scenario; compare it with another file "
                          "(--from-file A --to-file B)"])
    if source == target and (args.from_name is None or args.to_name is None):
        raise InputError([f"{source}: name the two scenarios to compare with --from NAME and --to NAME"])
    if source == target and args.from_name == args.to_name:
        _say(f"--from and --to name the same scenario, {args.from_name!r}: the comparison finds no change")
    if args.pdf is None:
        wrong = [f"--{name}" for name in _PDF_ONLY if getattr(args, name) is not None]
        if wrong or args.force:
            raise InputError([f"{', '.join(wrong or ['--force'])}: options of --pdf, which was not given"])
    else:
        for side in dict.fromkeys((source, target)):
            _check_replaceable(side, args.pdf, "pdf", args.force)
    if source == target and is_project_file(source):  # read once, not once a side
        before, after = open_scenarios(source, (args.from_name, args.to_name), _backed_up(args.command))
    else:
        before, after = (open_scenario(source, args.from_name, _backed_up(args.command)),
                         open_scenario(target, args.to_name, _backed_up(args.command)))
    for path, opened, name in ((source, before, args.from_name), (target, after, args.to_name)):
        if name is None and opened.scenarios_in_file > 1:
            _say(f"{path} holds {opened.scenarios_in_file} scenarios; compared its first, {opened.scenario.name!r} "
                 "(--from NAME / --to NAME for another)")
    diff = compare_scenarios(before.scenario, after.scenario)
    if args.pdf is not None:
        _diff_pdf(args, diff, after.organisation.name, lang, datetime.date.today())
    if args.format == "json":
        _print_output(diff_to_json(diff, lang), is_json=True)
    else:
        _print_output(diff_to_text(diff, lang), is_json=False)
    return EXIT_OK


def _diff_pdf(args: argparse.Namespace, diff: ScenarioDiff, organisation: str, lang: Lang,
              date: datetime.date) -> None:
    from orgdesigner.export.comparison_pdf import write_comparison_pdf

    target: Path = args.pdf
    options = _pdf_options_of(args, lang)
    summary = _pdf_written(lambda: write_comparison_pdf(diff, organisation, target, options, date),
                           target, options.size, "the target chart", "")
    _say(f"wrote {target} ({summary.pages} pages: {summary.chart_pages} of chart; "
         f"{diff.before.name!r} → {diff.after.name!r})")


def _pdf_written(write: Callable[[], PdfSummary], target: Path, size: str, drawing: str,
                 where: str) -> PdfSummary:
    """Runs `write` (export's PDF or diff's), turning what it refuses into a message naming
    `where` (or the target it cannot write), and says when fit had to tile."""
    from orgdesigner.app.opening import InputError

    try:
        summary = write()
    except ValueError as exc:
        raise InputError([f"{where}{exc}; nothing was written"]) from exc
    except OSError as exc:
        raise InputError([f"{target}: cannot write ({exc.strerror or exc}); nothing was changed"]) from exc
    if summary.switched_to_tile:
        _say(f"{drawing} does not fit on one {size} page with text of 6 pt or more: "
             f"tiled over {summary.chart_pages} sheets instead"
             + (" (a larger --page, or --mode per-agency, for fewer)" if size != "A0" else ""))
    return summary


def _pdf_options_of(args: argparse.Namespace, lang: Lang, *, findings: bool = True,
                    agencies: tuple[str, ...] | None = None) -> PdfOptions:
    from orgdesigner.export.plan import PdfOptions

    return PdfOptions(
        size=args.page or "A4", orientation=args.orientation or "landscape", mode=args.mode or "fit",
        overlap_mm=10.0 if args.overlap is None else args.overlap, lang=lang, findings=findings,
        title=args.title, author=args.author, agencies=agencies)


def _export_pdf(args: argparse.Namespace, source: Path, target: Path, document: Document, lang: Lang) -> None:
    """The annotated PDF, dated today; says when fit had to tile and how many pages were written."""
    import datetime

    from orgdesigner.export.pdf_document import write_pdf

    options = _pdf_options_of(args, lang, findings=not args.no_findings,
                              agencies=tuple(dict.fromkeys(args.agency)) if args.agency else None)
    summary = _pdf_written(lambda: write_pdf(document.chart, document.validate(), document.organisation_name,
                                             target, options, datetime.date.today()),
                           target, options.size, "the chart", f"{source}: ")
    _say(f"wrote {target} ({summary.pages} pages: {summary.chart_pages} of chart, mode {summary.mode_used}; "
         f"scenario {document.current_scenario!r})")


def _export_table(target: Path, kind: str, opened: OpenedScenario, lang: Lang) -> None:
    """The data, not the drawing: no Document and no layout, so a large scenario exports at once."""
    from orgdesigner.app.files import write_bytes_safely
    from orgdesigner.app.opening import InputError
    from orgdesigner.hr.csv_export import scenario_to_csv
    from orgdesigner.hr.graphml_export import scenario_to_graphml
    from orgdesigner.hr.xlsx_export import scenario_to_xlsx
    from orgdesigner.rules.engine import validate

    scenario = opened.scenario
    if kind == "csv":
        data = scenario_to_csv(scenario, validate(scenario), lang).encode("utf-8")
    elif kind == "xlsx":
        import datetime

        data = scenario_to_xlsx(scenario, validate(scenario), datetime.date.today(), lang)
    else:
        data = scenario_to_graphml(scenario, lang)
    try:
        write_bytes_safely(target, data)
    except OSError as exc:
        raise InputError([f"{target}: cannot write ({exc.strerror or exc}); nothing was changed"]) from exc
    _say(f"wrote {target} ({len(scenario.positions)} positions, {len(scenario.links)} links; "
         f"scenario {scenario.name!r})")


def _is_xlsx_export(data: bytes) -> bool:
    from orgdesigner.hr.xlsx_export import is_export  # openpyxl loads only when a workbook is in play

    return is_export(data)


def _check_replaceable(source: Path, target: Path, kind: str, force: bool) -> None:
    from orgdesigner.app.opening import InputError

    if not target.exists():
        return
    if source.exists() and source.samefile(target):
        raise InputError([f"{target}: is the source file too; name another file to write"])
    try:
        with target.open("rb") as handle:
            same_format = _SIGNATURES[kind](handle.read(_SIGNATURE_BYTES.get(kind, _HEAD_BYTES)))
    except OSError:
        same_format = False
    if not same_format:
        what = "an XLSX export" if kind == "xlsx" else f"a {kind.upper()} file"
        raise InputError([f"{target}: exists and is not {what}; it was left as it is"])
    if not force:
        raise InputError([f"{target}: exists already; use --force to replace it"])


def _open(args: argparse.Namespace) -> int:
    """The desktop window, on FILE or on a new project. A file that cannot be used is reported here,
    before any window, like every other command."""
    from orgdesigner.app.document import Document

    document = Document.open(args.target, _backed_up(args.command)) if args.target is not None else None
    from orgdesigner.ui.app import run

    return run(document, args.lang)  # None: the saved preference, else the system's language


def _open_repository(args: argparse.Namespace) -> int:
    """The window on a shared repository's project chooser. The address, the server, the password
    and the right to connect are checked here, before any window, like a file given to `open`."""
    import getpass

    from orgdesigner.app.opening import InputError
    from orgdesigner.app.shared import connect_repository
    from orgdesigner.storage.repository import PasswordRequired, RepositoryError

    if args.command != "open" or args.target is not None:
        raise InputError(["--repository opens the window on the repository's projects: give it without a COMMAND"])

    def ask(address: str, wrong: bool) -> str | None:
        """Once, at a terminal (as psql does); a script must use PGPASSWORD or ~/.pgpass."""
        if wrong or sys.stdin is None or not sys.stdin.isatty():
            return None
        return getpass.getpass(f"Password for {address}: ")

    try:
        repository = connect_repository(args.repository, ask)
    except RepositoryError as exc:
        hint = (["set PGPASSWORD, put the password in ~/.pgpass (or the file PGPASSFILE names), "
                 "or run orgdesigner from a terminal to type it"]
                if isinstance(exc, PasswordRequired) and not exc.wrong else [])
        raise InputError([str(exc), *hint]) from None
    from orgdesigner.ui.app import run

    return run(None, args.lang, repository)


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


def _import(args: argparse.Namespace) -> int:
    """The project is written once, whole, and only when the extract has no blocking problem and
    this is not a dry run: an import that stopped half-way would leave a plausible, wrong chart. A
    CSV and a workbook are told apart by content, not by the name's extension."""
    from orgdesigner.app.opening import InputError, open_project
    from orgdesigner.hr.columns import ImportMapping, MappingError, read_mapping
    from orgdesigner.hr.csv_source import SourceError
    from orgdesigner.hr.importer import import_source, read_extract

    lang: Lang = args.lang or default_lang()
    source: Path = args.source
    target: Path = args.into

    def say(fr: str, en: str) -> str:
        return fr if lang == "fr" else en

    try:
        data = read_extract(source)
    except SourceError as exc:
        raise InputError([f"{source}: {say(exc.fr, exc.en)}"]) from None
    if target.exists() and source.samefile(target):
        raise InputError([f"{target}: " + say("est aussi le fichier source", "is the source file too")])
    try:
        mapping = read_mapping(args.mapping) if args.mapping is not None else ImportMapping()
    except MappingError as exc:
        raise InputError(exc.problems) from None
    project = open_project(target, _backed_up(args.command)) if target.exists() else None
    name: str = args.scenario or source.stem.strip() or "Import"
    if project is not None and project.scenario(name) is not None:
        raise InputError([f"{target}: " + say(f"a déjà un scénario nommé {name!r} ; choisissez un autre nom "
                                              "avec --scenario NOM", f"already has a scenario named {name!r}; "
                                              "choose another with --scenario NAME")])
    existing = [agency for scenario in (project.scenarios if project else ()) for agency in scenario.agencies]
    result = import_source(data, name, existing, mapping, args.sheet)
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
    _add_to_project(target, organisation, result.scenario, _backed_up(args.command))
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
    """What was recognised on stdout; each problem on stderr, by sheet, line and column, as a
    spreadsheet shows them. A workbook's other sheets are named, in case the data is on one of them."""
    from orgdesigner.hr.columns import FIELD_NAMES
    from orgdesigner.model.catalogue import ROLES
    from orgdesigner.model.labels import Label, counted

    fr = lang == "fr"
    lines: list[str] = []
    if result.header_line is not None:
        if result.sheet is not None:
            others = ", ".join(repr(sheet) for sheet in result.sheets if sheet != result.sheet)
            read = (f"feuille {result.sheet!r}" + (f" (autres feuilles : {others})" if others else "") if fr
                    else f"sheet {result.sheet!r}" + (f" (other sheets: {others})" if others else ""))
        else:
            separator = {"\t": "tab" if not fr else "tabulation"}.get(result.separator, repr(result.separator))
            read = f"{result.encoding}, " + (f"séparateur {separator}" if fr else f"separator {separator}")
        lines.append(f"{source}: {read}, " + (f"en-tête ligne {result.header_line}" if fr
                                              else f"header on line {result.header_line}"))
        lines.append(("colonnes : " if fr else "columns: ") + ", ".join(
            f"{FIELD_NAMES[field].in_(lang)} = {header!r}" for field, header in result.columns.items()))
        lines.append(", ".join([counted(result.rows, Label("ligne", "row"), Label("lignes", "rows"), lang), *(
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
            (f"feuille {result.sheet!r}" if fr else f"sheet {result.sheet!r}") if result.sheet is not None else "",
            (f"ligne {problem.line}" if fr else f"line {problem.line}") if problem.line is not None else "",
            (f"colonne {problem.column!r}" if fr else f"column {problem.column!r}") if problem.column else "")
            if part)
        kind = "" if problem.blocking else ("avertissement : " if fr else "warning: ")
        _complain("import", f"{source}{', ' + where if where else ''}: {kind}{problem.message.in_(lang)}")


def _say(message: str) -> None:
    print(f"orgdesigner: {message}", file=sys.stderr)
