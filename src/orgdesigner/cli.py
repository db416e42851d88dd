"""The command line of interchange.md. Headless: nothing here imports Qt.

Every failure a user can cause (a missing file, a malformed document, a name that does not exist)
ends with a message on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from orgdesigner.model.labels import Lang

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2
FAIL_LEVELS = ("error", "warning", "info", "never")


def default_lang() -> Lang:
    """French when the user's locale is French (domain.md §1), English otherwise."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orgdesigner",
        description="OrgDesigner: design social-housing agencies and check them against the reference models.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser("validate", help="validate a scenario JSON or a project file")
    validate.add_argument("file", type=Path, metavar="FILE")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument("--scenario", metavar="NAME", help="scenario of a project (default: its first)")
    validate.add_argument("--fail-on", choices=FAIL_LEVELS, default="error",
                          help="exit 1 when a finding reaches this severity (default: error)")
    validate.add_argument("--lang", choices=("fr", "en"), help="language of messages (default: from the locale)")

    convert = commands.add_parser("convert", help="scenario JSON ↔ project file")
    convert.add_argument("source", type=Path, metavar="IN")
    convert.add_argument("target", type=Path, metavar="OUT")
    convert.add_argument("--scenario", metavar="NAME",
                         help="scenario to write out of a project (default: its first)")

    demo = commands.add_parser("demo", help="write the bundled demonstration project")
    demo.add_argument("target", type=Path, metavar="OUT")
    demo.add_argument("--force", action="store_true", help="replace OUT if it exists")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"validate": _validate, "convert": _convert, "demo": _demo}
    if args.command is None:
        print("orgdesigner: the desktop window is not part of this version yet; "
              "see 'orgdesigner --help' for the commands that are.", file=sys.stderr)
        return EXIT_UNUSABLE
    from orgdesigner.app.documents import InputError

    try:
        return handlers[args.command](args)
    except InputError as exc:
        for line in exc.lines:
            print(f"orgdesigner {args.command}: {line}", file=sys.stderr)
        return EXIT_UNUSABLE


def _validate(args: argparse.Namespace) -> int:
    from orgdesigner.app.documents import open_scenario
    from orgdesigner.io.report_output import report_to_json, report_to_text
    from orgdesigner.rules.engine import validate
    from orgdesigner.rules.findings import SEVERITY_RANK

    lang: Lang = args.lang or default_lang()
    opened = open_scenario(args.file, args.scenario)
    report = validate(opened.scenario)
    if args.format == "json":
        sys.stdout.write(report_to_json(report, lang))
    else:
        positions = {p.id: p for p in opened.scenario.positions}
        sys.stdout.write(report_to_text(report, positions, lang))
    if args.fail_on == "never":
        return EXIT_OK
    threshold = SEVERITY_RANK[args.fail_on]
    failing = any(SEVERITY_RANK[f.severity] <= threshold for f in report.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    from orgdesigner.app.documents import InputError, is_project_file, open_project, open_scenario
    from orgdesigner.io.scenario_json import scenario_to_json
    from orgdesigner.storage import ProjectFileError, add_scenario

    source: Path = args.source
    target: Path = args.target
    if source.resolve() == target.resolve():
        raise InputError([f"{target}: is the source file too; name another file to write"])
    if is_project_file(source):
        project = open_project(source)
        opened = open_scenario(source, args.scenario)
        if args.scenario is None and len(project.scenarios) > 1:
            print(f"orgdesigner convert: writing scenario {opened.scenario.name!r}, the first of "
                  f"{len(project.scenarios)}; choose another with --scenario", file=sys.stderr)
        _write_text(target, scenario_to_json(opened.organisation, opened.scenario))
        return EXIT_OK
    opened = open_scenario(source, args.scenario)
    if target.exists() and not is_project_file(target):
        raise InputError([f"{target}: exists and is not a project file; it was left as it is"])
    try:
        add_scenario(target, opened.organisation, opened.scenario)
    except ProjectFileError as exc:
        raise InputError([str(exc)]) from exc
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from orgdesigner.app.demo import demo_project
    from orgdesigner.app.documents import InputError
    from orgdesigner.storage import ProjectFileError, save_project

    target: Path = args.target
    if target.exists() and not args.force:
        raise InputError([f"{target}: exists already; use --force to replace it"])
    try:
        save_project(target, demo_project())
    except ProjectFileError as exc:
        raise InputError([str(exc)]) from exc
    print(f"orgdesigner demo: wrote {target}", file=sys.stderr)
    return EXIT_OK


def _write_text(target: Path, text: str) -> None:
    """Writes beside the target then renames, so an interrupted write never leaves half a file."""
    from orgdesigner.app.documents import InputError

    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InputError([f"{target}: cannot write ({exc.strerror})"]) from exc
