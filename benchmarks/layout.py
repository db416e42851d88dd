"""Times the canvas layout of the synthetic organisation (benchmarks/synthetic.py): the whole scenario,
one agency, and the tidy tree alone on a chain and a star. Prints a table (median of several runs). Not
run by CI. The product's target for the whole scenario of 100 agencies (10,001 positions) is 0.2 s.

    python benchmarks/layout.py [--agencies 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_project
from timing import median_time, print_table

from orgdesigner.layout import layout_agency, layout_chart, tidy_tree
from orgdesigner.model.chart import Chart


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agencies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    chart = Chart(synthetic_project(args.agencies).scenarios[0])
    positions = sum(1 for _ in chart.positions())
    chain = {i: [i + 1] for i in range(9_999)}
    star = {0: list(range(1, 10_000))}
    sizes = {i: (180.0, 64.0) for i in range(10_000)}
    rows = [
        ("layout_chart", median_time(lambda: layout_chart(chart), args.repeat), 0.2),
        ("layout_agency", median_time(lambda: layout_agency(chart, "a000"), args.repeat), None),
        ("tidy chain 10k", median_time(lambda: tidy_tree([0], chain, sizes), args.repeat), None),
        ("tidy star 10k", median_time(lambda: tidy_tree([0], star, sizes), args.repeat), None),
    ]
    print(f"{positions} positions, {args.agencies} agencies; median of {args.repeat} runs")
    print_table(rows)


if __name__ == "__main__":
    main()
