"""Times what a user waits for in the window, on the synthetic organisation (benchmarks/synthetic.py;
100 agencies = 10,001 positions): the canvas layout, opening a project up to the first painted frame,
repainting the view at 1:1 and fitted, and an edit up to the updated findings. Prints a table (median
of several runs) beside the product's targets. Runs on the offscreen platform unless told otherwise
(QT_QPA_PLATFORM), so figures are for painting into memory: a real screen adds compositing. Not run
by CI.

    python benchmarks/ui.py [--sizes 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QGraphicsItem
from synthetic import synthetic_project
from timing import median_time

from orgdesigner.app.document import Document
from orgdesigner.commands.chart_commands import EditPosition
from orgdesigner.layout.chart_layout import layout_chart
from orgdesigner.model.chart import Chart
from orgdesigner.ui.main_window import MainWindow

Spread = tuple[float, float, float]  # median, min, max seconds

# The product's targets, seconds.
TARGETS = {"layout": 0.2, "open → first frame": 3.0, "repaint 1:1": 0.03, "repaint fitted": 0.3,
           "edit → findings": 0.1}
_PATIENCE = 300.0  # seconds to wait for a first frame before calling the run broken


@dataclasses.dataclass(frozen=True, slots=True)
class Row:
    task: str
    spread: Spread

    @property
    def target(self) -> float:
        return TARGETS[self.task]


class _FirstPaint(QObject):
    """Notes the first paint event of the widget it watches. The paint itself runs after the filter
    returns, inside the same processEvents call, so whoever waits for `seen` and then for that call
    to return has waited for a painted frame."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def _spread(times: Sequence[float]) -> Spread:
    return statistics.median(times), min(times), max(times)


def _timed(prepare: Callable[[int], object], action: Callable[[], object], runs: int) -> Spread:
    """Like timing.median_time, with an untimed step before each run (run number given)."""
    times = []
    for run in range(runs):
        prepare(run)
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return _spread(times)


def _settle() -> None:
    """Everything queued is done: posted events, paints, and deletions asked with deleteLater."""
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def close_window(window: MainWindow) -> None:
    if window.document.is_modified:  # closing would wait for an answer to "save the changes?"
        raise RuntimeError("the benchmark left unsaved changes in the window")
    window.close()
    window.deleteLater()
    _settle()


def open_window(path: Path) -> tuple[MainWindow, float]:
    """The window on `path`, shown and painted once, and the seconds that took from the file."""
    start = time.perf_counter()
    window = MainWindow(Document.open(path), "fr")
    watcher = _FirstPaint()
    window.view.viewport().installEventFilter(watcher)
    window.show()
    while not watcher.seen:
        QCoreApplication.processEvents()
        if time.perf_counter() - start > _PATIENCE:
            raise RuntimeError(f"no frame painted within {_PATIENCE:.0f} s")
    elapsed = time.perf_counter() - start
    window.view.viewport().removeEventFilter(watcher)
    _settle()  # the fit queued at opening, and its paint, are not the next measure's business
    return window, elapsed


def opening_times(path: Path, runs: int) -> list[float]:
    """Seconds from the file to the first painted frame, `runs` times, each window closed and let go
    before the next opens: a window's Python wrapper kept by a variable here would keep its document
    and canvas alive beside the next, which the app never does (it replaces its document)."""
    times = []
    for _ in range(runs):
        window, elapsed = open_window(path)
        times.append(elapsed)
        close_window(window)
        del window
    return times


def measure(agencies: int, runs: int, folder: Path) -> tuple[str, list[Row]]:
    """The table's rows for one size, and a line describing what was measured. Needs a
    QApplication."""
    document = Document(synthetic_project(agencies))  # laid out here, once, as a saved project is
    path = folder / f"bench-{agencies}.orgd"
    document.save(path)
    chart: Chart = document.chart
    positions = sum(1 for _ in chart.positions())
    rows = [Row("layout", median_time(lambda: layout_chart(chart), runs))]

    rows.append(Row("open → first frame", _spread(opening_times(path, runs))))

    window, _ = open_window(path)
    try:
        rows += window_rows(window, runs)
        findings = len(window.document.validate().findings)
        size = window.view.viewport().size()
    finally:
        close_window(window)
    described = (f"{positions} positions, {agencies} agencies, {findings} findings; viewport {size.width()} × "
                 f"{size.height()} px; median of {runs} runs, platform {QApplication.platformName()}")
    return described, rows


def window_rows(window: MainWindow, runs: int) -> list[Row]:
    view, scene, document = window.view, window.scene, window.document
    assert scene is not None
    heads = [p.id for p in document.chart.positions() if p.role == "agency_head"]

    def pan_at_1_to_1(run: int) -> None:
        """Somewhere not painted yet: the cards' device caches are cold, as after a real pan. Zoomed as
        a user zooms (ChartView.zoom), so that the scene leaves its zoomed-out drawing."""
        view.resetTransform()
        view.zoom(1.0)
        card = scene.card(heads[run % len(heads)])
        view.centerOn(card)
        if card.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents:
            raise RuntimeError("at 1:1 the cards are still drawn zoomed out: the figure would time the wrong drawing")

    def fit_after_1_to_1(run: int) -> None:
        """Zoomed in and painted, then fitted: the frame after pressing F. The agencies' maps keep their
        drawings while zoomed in and nothing was edited meanwhile: drawing them all is in the first
        frame's figure, and one agency's in the edit's."""
        pan_at_1_to_1(run)
        view.viewport().repaint()
        view.fit()

    repaint = view.viewport().repaint
    rows = [Row("repaint 1:1", _timed(pan_at_1_to_1, repaint, runs)),
            Row("repaint fitted", _timed(fit_after_1_to_1, repaint, runs))]

    chart = document.chart
    edited = next(p for p in chart.positions() if p.role == "caretaker")

    def undo_last(run: int) -> None:
        if run:
            document.stack.undo()
            _settle()

    def edit_role() -> None:
        """Until the window's handlers of the document's `changed` (validation, scene, findings
        panel, history) have returned and what they queued has been processed."""
        document.stack.push(EditPosition(chart, dataclasses.replace(edited, role="building_worker")))
        QCoreApplication.processEvents()

    rows.append(Row("edit → findings", _timed(undo_last, edit_role, runs)))
    if chart.position(edited.id).role != "building_worker":
        raise RuntimeError("the edit did not reach the chart: the figure would time nothing")
    document.stack.undo()  # unmodified again, so that closing the window asks nothing
    _settle()
    return rows


def table(described: str, rows: Sequence[Row]) -> str:
    lines = [described, f"{'task':<20} {'median s':>9} {'min s':>7} {'max s':>7} {'target s':>9}  met"]
    for row in rows:
        median, low, high = row.spread
        met = "yes" if median < row.target else "NO"
        lines.append(f"{row.task:<20} {median:>9.3f} {low:>7.3f} {high:>7.3f} {'< ' + format(row.target, 'g'):>9}"
                     f"  {met}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100], metavar="AGENCIES",
                        help="organisation sizes, in agencies of about 100 positions (default: 100)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (default: 3)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QApplication(sys.argv[:1])  # kept alive until the end
    with tempfile.TemporaryDirectory() as folder:
        for agencies in args.sizes:
            print(table(*measure(agencies, args.runs, Path(folder))), end="\n\n", flush=True)


if __name__ == "__main__":
    main()
