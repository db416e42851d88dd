"""The interface language: which one to use, and the translators that make Qt speak it.

The translations' source of truth is the Qt Linguist file resources/translations/orgdesigner_<lang>.ts, and
the project never commits generated files, so there is no .qm: `TsTranslator` reads the .ts itself. English
is the source language; its .ts holds only the plural forms, which English needs too ("1 finding").
"""

from __future__ import annotations

import site
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal, get_args
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator

from orgdesigner.model.labels import Lang

LanguageChoice = Literal["system", "fr", "en"]
LANGUAGE_KEY = "ui/language"
_CHOICES: tuple[LanguageChoice, ...] = get_args(LanguageChoice)

# Which plural form a count takes (Qt's rules): French says "0 constat", "1 constat", "2 constats".
_PLURAL_FORM: dict[str, Callable[[int], int]] = {
    "fr": lambda n: 0 if n <= 1 else 1,
    "en": lambda n: 0 if n == 1 else 1,
}


def translations_dir() -> Path:
    """Where the .ts files are: in a source checkout, resources/translations beside src/; once installed,
    where the wheel's data files go (pyproject's data-files: share/orgdesigner/translations under the
    installation prefix, or under the user base after `pip install --user`)."""
    candidates = [Path(__file__).resolve().parents[3] / "resources" / "translations"]
    candidates += [Path(base) / "share" / "orgdesigner" / "translations" for base in (sys.prefix, site.getuserbase())]
    for candidate in candidates:
        if (candidate / "orgdesigner_fr.ts").is_file():
            return candidate
    raise FileNotFoundError("the translations are in none of " + ", ".join(str(c) for c in candidates))


class TsTranslator(QTranslator):
    """A QTranslator over a Linguist .ts file, read with defusedxml like every XML the program reads (an
    installed copy can be edited). Unfinished, vanished and obsolete messages are left out, as lrelease
    leaves them out, so the English source shows instead."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        root = ElementTree.fromstring(path.read_bytes())
        language = root.get("language", "").split("_")[0]
        if language not in _PLURAL_FORM:
            raise ValueError(f"{path}: no plural rule for the language {language!r}")
        self._plural_form = _PLURAL_FORM[language]
        self._messages: dict[tuple[str, str, str], str | tuple[str, ...]] = dict(_finished_messages(root))

    def translate(self, context: str, sourceText: str, /, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        """Qt calls this for every tr(). None (a null QString) means "not mine": Qt then asks the next
        translator, and PySide the base classes' contexts, before showing the source text; "" would show as
        a blank. Qt replaces %n itself, after this returns."""
        found = self._messages.get((context, sourceText, disambiguation or ""))
        if found is None:
            return None
        if isinstance(found, str):
            return found
        return found[min(self._plural_form(n), len(found) - 1)]

    def isEmpty(self) -> bool:
        """Qt sends the LanguageChange event only for a translator that says it is not empty."""
        return not self._messages


def _finished_messages(root: Element) -> Iterator[tuple[tuple[str, str, str], str | tuple[str, ...]]]:
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            if message.get("numerus") == "yes":
                forms = tuple(form.text or "" for form in translation.iter("numerusform"))
                if forms and all(forms):
                    yield key, forms
            elif translation.text:
                yield key, translation.text


def install_translator(app: QCoreApplication, lang: Lang) -> list[QTranslator]:
    """Makes every tr() after this call speak `lang`, Qt's own dialogs included (their buttons, the file
    dialog) when PySide6 ships Qt's translation for it, and numbers written as `lang` writes them. Call
    it before building any window: widgets built earlier keep their English text. Returns what was
    installed, for a caller that wants to remove it."""
    installed: list[QTranslator] = [TsTranslator(translations_dir() / f"orgdesigner_{lang}.ts", app)]
    if lang != "en":
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    # Numbers in fields as the language writes them (0,8 ETP in French), whatever the system's locale.
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France) if lang == "fr"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return installed


def app_settings() -> QSettings:
    """The user's settings, where every part of the application keeps its own keys."""
    return QSettings("OrgDesigner", "OrgDesigner")


def system_lang() -> Lang:
    """French on a French system (domain.md §1: the users are French landlords), English anywhere else."""
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def saved_choice(settings: QSettings) -> LanguageChoice:
    """The language the user chose in the preferences; a value edited into something unknown counts as
    "system" rather than stopping the start."""
    value = settings.value(LANGUAGE_KEY, "system")
    return next((choice for choice in _CHOICES if choice == value), "system")


def save_choice(settings: QSettings, choice: LanguageChoice) -> None:
    settings.setValue(LANGUAGE_KEY, choice)
    settings.sync()  # written now: the application may be killed rather than closed before the next start


def effective_lang(cli_lang: Lang | None, settings: QSettings) -> Lang:
    """The --lang of the command line wins (one run, on purpose), then the saved preference, then the system."""
    if cli_lang is not None:
        return cli_lang
    choice = saved_choice(settings)
    return system_lang() if choice == "system" else choice
