"""Brings resources/translations/*.ts up to date with the tr() strings of src/orgdesigner/ui, then lists
what still needs a translator.

    .venv/bin/python tools/update_translations.py

lupdate keeps every existing translation, adds new strings as unfinished, and drops strings the code no
longer has (-no-obsolete: git keeps the history). Source locations are left out (-locations none) so that
moving code does not rewrite the file. English is the source language: its file holds only the plural forms
(-pluralonly). Translate the unfinished entries in Qt Linguist or in a text editor, removing
type="unfinished"; tests/ui/test_i18n.py fails while any French entry is missing.

Exit status: 0 when every entry is translated, 1 when some are unfinished, 2 when lupdate failed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from defusedxml import ElementTree

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "orgdesigner" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
# file name → lupdate options that file needs beyond the common ones
TARGETS = {
    "orgdesigner_fr.ts": ["-target-language", "fr_FR"],
    "orgdesigner_en.ts": ["-target-language", "en", "-pluralonly"],
}


def lupdate_command() -> str:
    """The lupdate of the interpreter running this script (the project's venv), so that its version matches
    the PySide6 the application runs on."""
    found = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")
    if found is None:
        raise SystemExit("pyside6-lupdate not found: run this script with the project's virtual environment")
    return found


def unfinished(ts_file: Path) -> list[str]:
    """'context: source' of every entry a translator still has to write."""
    missing = []
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            forms = [form.text for form in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") == "unfinished" or not all(forms):
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def main() -> int:
    lupdate = lupdate_command()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    status = 0
    for file_name, options in TARGETS.items():
        ts_file = TRANSLATIONS / file_name
        command = [lupdate, "-extensions", "py", "-locations", "none", "-no-obsolete", "-source-language", "en",
                   *options, str(SOURCES), "-ts", str(ts_file)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            print(result.stdout + result.stderr, file=sys.stderr)
            return 2
        missing = unfinished(ts_file)
        print(f"{ts_file.relative_to(ROOT)}: {len(missing)} unfinished")
        for entry in missing:
            print(f"    {entry}")
        status = status or (1 if missing else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
