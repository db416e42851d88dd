"""Times the annotated PDF export (what `orgdesigner export --pdf` does once the project is open:
validate, lay out the pages, draw, write the file) on the demonstration project and on the synthetic
organisation (benchmarks/synthetic.py; 100 agencies = 10,001 positions), in `fit` on A4 (which
tiles) and `per-agency` on A4. Prints a table of medians beside the product's targets, with the page
counts. Not run by CI.

    python benchmarks/pdf.py [--agencies 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_project
from timing import median_time

from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.export.pdf_document import PdfSummary, write_pdf
from orgdesigner.export.plan import PdfOptions
from orgdesigner.model.entities import Project

Spread = tuple[float, float, float]  # median, min, max seconds
DATE = datetime.date(2026, 3, 14)
MODES = ("fit", "per-agency")
# The product's targets (issue 4), seconds: the demo, and the large organisation.
DEMO_TARGET = 2.0
LARGE_TARGET = 15.0


@dataclasses.dataclass(frozen=True, slots=True)
class Row:
    chart: str
    mode: str
    spread: Spread
    summary: PdfSummary
    megabytes: float
    target: float


def export_once(document: Document, path: Path, mode: str) -> PdfSummary:
    return write_pdf(document.chart, document.validate(), document.organisation_name, path,
                     PdfOptions(size="A4", mode=mode), DATE)  # type: ignore[arg-type]


def measure(agencies: int, runs: int, folder: Path) -> list[Row]:
    charts: list[tuple[str, Project, float]] = [("demo", demo_project(), DEMO_TARGET),
                                                 (f"synthetic {agencies}", synthetic_project(agencies), LARGE_TARGET)]
    rows = []
    for name, project, target in charts:
        document = Document(project)
        for mode in MODES:
            path = folder / f"{name.replace(' ', '-')}-{mode}.pdf"
            summary = export_once(document, path, mode)
            spread = median_time(lambda document=document, path=path, mode=mode: export_once(document, path, mode),
                                 runs)
            rows.append(Row(f"{name} ({sum(1 for _ in document.chart.positions())} positions)", mode, spread,
                            summary, path.stat().st_size / 1e6, target))
    return rows


def table(rows: list[Row], runs: int) -> str:
    lines = [f"PDF export on A4 (validate, paginate, draw, write); median of {runs} runs",
             f"{'chart':<32} {'mode':<11} {'pages':>6} {'chart pp':>8} {'MB':>6} {'median s':>9} {'min s':>7} "
             f"{'max s':>7} {'target s':>9}"]
    for row in rows:
        median, low, high = row.spread
        mode = f"{row.mode}→tile" if row.summary.switched_to_tile else row.mode
        lines.append(f"{row.chart:<32} {mode:<11} {row.summary.pages:>6} {row.summary.chart_pages:>8} "
                     f"{row.megabytes:>6.1f} {median:>9.3f} {low:>7.3f} {high:>7.3f} {'< ' + f'{row.target:g}':>9}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agencies", type=int, default=100, help="agencies of the synthetic organisation "
                                                                  "(default: 100, 10,001 positions)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (default: 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print(table(measure(args.agencies, args.runs, Path(folder)), args.runs))


if __name__ == "__main__":
    main()
