"""Times `orgdesigner import` on a synthetic HR extract: a Windows-1252 semicolon CSV with decimal
commas, as Excel on Windows writes it, and the same rows as an Excel workbook (numbers as numbers,
strings inline as openpyxl writes them; Excel's shared strings read a little faster). Prints reading
+ importing each, and the whole command with the project written (median of several runs).
Target: 50,000 rows under 10 s. Not run by CI.

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

import openpyxl
from timing import median_time

from orgdesigner.cli import main as cli
from orgdesigner.hr.importer import import_source

_TITLES = ("Gardienne", "Employé d'immeuble", "Chargée de clientèle", "Technicien patrimoine", "CESF",
           "Chargé d'accueil", "Comptable")


_TITLE_BLOCK = (["Extraction RH au 01/01/2026"], [])
_HEADER = ["Matricule", "Nom", "Prénom", "Emploi", "Matricule manager", "Agence", "ETP", "Résidence"]


def staff(rows: int) -> list[list[object]]:
    """Agencies of 100 people: a head, sector managers each over caretakers, officers under the head."""
    table: list[list[object]] = []
    for number in range(rows):
        agency, rank = divmod(number, 100)
        head = agency * 100
        if rank == 0:
            title, manager = "Responsable d'agence", None
        elif rank % 10 == 1:
            title, manager = "Responsable de secteur", head
        else:
            title, manager = _TITLES[rank % len(_TITLES)], head + rank - rank % 10 + 1
        table.append([number, f"Nom{number}", "Prénom", title, manager, f"Agence {agency}", 0.8,
                      f"Résidence {rank % 7}"])
    return table


def csv_extract(rows: list[list[object]]) -> bytes:
    lines = [";".join(map(str, row)) for row in (*_TITLE_BLOCK, _HEADER)]
    lines += [";".join("" if cell is None else str(cell).replace(".", ",") for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def xlsx_extract(rows: list[list[object]]) -> bytes:
    """Not write-only: that mode leaves out the sheet's dimension, which Excel always writes and
    without which openpyxl reads the whole sheet once more on opening."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Personnel"
    for row in (*_TITLE_BLOCK, _HEADER, *rows):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    table = staff(args.rows)
    files = {"csv": csv_extract(table), "xlsx": xlsx_extract(table)}
    print(f"{args.rows} rows; median (min-max) of {args.repeat} runs")
    with tempfile.TemporaryDirectory() as folder:
        for kind, data in files.items():
            source = Path(folder) / f"rh.{kind}"
            source.write_bytes(data)

            def command(source: Path = source) -> None:
                target = Path(folder) / "p.orgd"
                target.unlink(missing_ok=True)
                with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):  # its summary is not timed news
                    assert cli(["import", str(source), "--into", str(target)]) == 0

            rows = [("read + import", median_time(lambda data=data: import_source(data, "s"), args.repeat)),
                    ("import command", median_time(command, args.repeat))]
            print(f"{kind.upper()}, {len(data) / 1e6:.1f} MB")
            for name, (median, low, high) in rows:
                print(f"  {name:16} {median:7.2f} s  ({low:.2f}-{high:.2f})" + ("  over 10 s" if median > 10 else ""))


if __name__ == "__main__":
    main()
