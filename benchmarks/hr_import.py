"""Times `orgdesigner import` on a synthetic HR extract: a Windows-1252 semicolon CSV with decimal
commas, as Excel on Windows writes it. Prints reading + importing, and the whole command with the
project written (median of several runs). Target: 50,000 rows under 10 s. Not run by CI.

    python benchmarks/hr_import.py [--rows 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import median_time

from orgdesigner.cli import main as cli
from orgdesigner.hr.importer import import_csv

_TITLES = ("Gardienne", "Employé d'immeuble", "Chargée de clientèle", "Technicien patrimoine", "CESF",
           "Chargé d'accueil", "Comptable")


def extract(rows: int) -> bytes:
    """Agencies of 100 people: a head, sector managers each over caretakers, officers under the head."""
    lines = ["Extraction RH au 01/01/2026", "", "Matricule;Nom;Prénom;Emploi;Matricule manager;Agence;ETP;Résidence"]
    for number in range(rows):
        agency, rank = divmod(number, 100)
        head = agency * 100
        if rank == 0:
            title, manager = "Responsable d'agence", ""
        elif rank % 10 == 1:
            title, manager = "Responsable de secteur", str(head)
        else:
            title, manager = _TITLES[rank % len(_TITLES)], str(head + rank - rank % 10 + 1)
        lines.append(f"{number};Nom{number};Prénom;{title};{manager};Agence {agency};0,8;Résidence {rank % 7}")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = extract(args.rows)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "rh.csv"
        source.write_bytes(data)

        def command() -> None:
            target = Path(folder) / "p.orgd"
            target.unlink(missing_ok=True)
            with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):  # its summary is not timed news
                assert cli(["import", str(source), "--into", str(target)]) == 0

        rows = [("read + import", median_time(lambda: import_csv(data, "s"), args.repeat)),
                ("import command", median_time(command, args.repeat))]
    print(f"{args.rows} rows, {len(data) / 1e6:.1f} MB; median (min-max) of {args.repeat} runs")
    for name, (median, low, high) in rows:
        print(f"{name:16} {median:7.2f} s  ({low:.2f}-{high:.2f})" + ("  over 10 s" if median > 10 else ""))


if __name__ == "__main__":
    main()
