"""The interface speaks French or English: which one, the translators, and the guard that keeps the
French .ts complete as the interface grows."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.model.labels import Lang
from orgdesigner.storage import save_project
from orgdesigner.ui import app as ui_app
from orgdesigner.ui import i18n
from orgdesigner.ui.i18n import (
    TsTranslator,
    effective_lang,
    install_translator,
    save_choice,
    saved_choice,
    system_lang,
    translations_dir,
)
from orgdesigner.ui.main_window import MainWindow

UI_SOURCES = Path(__file__).resolve().parents[2] / "src" / "orgdesigner" / "ui"


def remove_translators(app: QCoreApplication) -> None:
    """Puts the session's shared QApplication back in English for the tests that follow."""
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.setParent(None)


Speak = Callable[[Lang], list[QTranslator]]


@pytest.fixture
def speak(qapp: QApplication) -> Iterator[Speak]:
    """speak("fr") installs that language's translators (and number format) for one test."""
    before = QLocale()
    yield lambda lang: install_translator(qapp, lang)
    remove_translators(qapp)
    QLocale.setDefault(before)


def test_french_writes_numbers_with_a_decimal_comma(speak: Speak) -> None:
    speak("fr")
    assert QLocale().toString(0.8, "f", 1) == "0,8"
    speak("en")
    assert QLocale().toString(0.8, "f", 1) == "0.8"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def finding_count_text(n: int) -> str:
    return QCoreApplication.translate("MainWindow", "%n finding(s)", "", n)


# The translators ---------------------------------------------------------------------------------------


def test_the_french_translator_translates_the_window_menus_and_its_status(
        qtbot: QtBot, tmp_path: Path, speak: Speak) -> None:
    speak("fr")
    save_project(tmp_path / "demo.orgd", demo_project())
    window = MainWindow(Document.open(tmp_path / "demo.orgd"), "fr")
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:3] == ["&Fichier", "É&dition", "&Affichage"]
    assert window.save_as_action.text() == "Enregistrer &sous…"
    status = window.statusBar().findChild(QLabel)
    assert status is not None and status.text() == "6 constats"


def test_qt_own_buttons_are_french_too(qtbot: QtBot, speak: Speak) -> None:
    speak("fr")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert {button.text().replace("&", "") for button in buttons.buttons()} == {"Enregistrer", "Annuler"}


def test_without_a_translator_the_source_text_shows(qtbot: QtBot, tmp_path: Path) -> None:
    save_project(tmp_path / "demo.orgd", demo_project())
    window = MainWindow(Document.open(tmp_path / "demo.orgd"), "en")
    qtbot.addWidget(window)
    assert [action.text() for action in window.menuBar().actions()][:3] == ["&File", "&Edit", "&View"]


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", ["0 constat", "1 constat", "2 constats", "1000 constats"]),
    ("en", ["0 findings", "1 finding", "2 findings", "1000 findings"]),
])
def test_plural_forms_follow_each_language(lang: Lang, expected: list[str], speak: Speak) -> None:
    speak(lang)
    assert [finding_count_text(n) for n in (0, 1, 2, 1000)] == expected


def test_installing_english_changes_only_the_plural_forms(speak: Speak) -> None:
    speak("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert finding_count_text(1) == "1 finding"


def test_the_ts_reader_keeps_only_finished_messages(tmp_path: Path, qapp: QApplication) -> None:
    path = tmp_path / "orgdesigner_fr.ts"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>Panel</name>
    <message><source>Done</source><translation>Fait</translation></message>
    <message><source>Pending</source><translation type="unfinished">Brouillon</translation></message>
    <message><source>Gone</source><translation type="vanished">Parti</translation></message>
    <message><source>Empty</source><translation></translation></message>
    <message><source>Open</source><comment>verb</comment><translation>Ouvrir</translation></message>
    <message><source>Open</source><comment>state</comment><translation>Ouvert</translation></message>
    <message numerus="yes"><source>%n item(s)</source>
        <translation><numerusform>%n élément</numerusform><numerusform>%n éléments</numerusform></translation>
    </message>
    <message numerus="yes"><source>%n half(s)</source>
        <translation><numerusform>%n moitié</numerusform><numerusform></numerusform></translation>
    </message>
</context>
</TS>
""", encoding="utf-8")
    translator = TsTranslator(path)
    assert translator.translate("Panel", "Done") == "Fait"
    assert translator.translate("Other", "Done") is None  # the context is part of the key, as in Qt
    assert [translator.translate("Panel", source) for source in ("Pending", "Gone", "Empty")] == [None] * 3
    assert translator.translate("Panel", "Open", "verb") == "Ouvrir"
    assert translator.translate("Panel", "Open", "state") == "Ouvert"
    assert translator.translate("Panel", "Open") is None
    assert [translator.translate("Panel", "%n item(s)", "", n) for n in (0, 1, 2)] == [
        "%n élément", "%n élément", "%n éléments"]
    assert translator.translate("Panel", "%n half(s)", "", 2) is None  # a form missing: the English shows
    assert not translator.isEmpty()


def test_a_ts_for_a_language_without_a_plural_rule_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "orgdesigner_pl.ts"
    path.write_text('<TS version="2.1" language="pl_PL"></TS>', encoding="utf-8")
    with pytest.raises(ValueError, match="pl"):
        TsTranslator(path)


def test_the_translations_are_found_in_the_source_checkout() -> None:
    assert translations_dir() == UI_SOURCES.parents[2] / "resources" / "translations"


# Which language ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "expected"), [
    (QLocale.Language.French, "fr"), (QLocale.Language.English, "en"), (QLocale.Language.German, "en")])
def test_the_system_language_is_french_only_on_a_french_system(
        monkeypatch: pytest.MonkeyPatch, language: QLocale.Language, expected: Lang) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(language)))
    assert system_lang() == expected


@pytest.mark.parametrize(("cli", "saved", "system", "expected"), [
    ("en", "fr", "fr", "en"),      # the command line wins
    ("fr", "system", "en", "fr"),
    (None, "en", "fr", "en"),      # then the preference
    (None, "fr", "en", "fr"),
    (None, "system", "fr", "fr"),  # then the system
    (None, None, "en", "en"),      # nothing saved yet
])
def test_effective_language_precedence(monkeypatch: pytest.MonkeyPatch, settings: QSettings, cli: Lang | None,
                                       saved: i18n.LanguageChoice | None, system: Lang, expected: Lang) -> None:
    monkeypatch.setattr(i18n, "system_lang", lambda: system)
    if saved is not None:
        save_choice(settings, saved)
    assert effective_lang(cli, settings) == expected


def test_the_preference_persists_across_settings_objects(tmp_path: Path, settings: QSettings) -> None:
    assert saved_choice(settings) == "system"
    save_choice(settings, "en")
    reopened = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert saved_choice(reopened) == "en"
    assert "language=en" in (tmp_path / "settings.ini").read_text()


def test_an_unknown_saved_value_counts_as_system(settings: QSettings) -> None:
    settings.setValue(i18n.LANGUAGE_KEY, "klingon")
    assert saved_choice(settings) == "system"


def test_run_installs_the_language_before_building_the_window(
        monkeypatch: pytest.MonkeyPatch, qapp: QApplication, settings: QSettings) -> None:
    save_choice(settings, "fr")
    monkeypatch.setattr(ui_app, "app_settings", lambda: settings)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    # run() names the application; left so, QSettings() would reach the user's real settings in later tests.
    names = QApplication.applicationName(), QApplication.organizationName()
    try:
        assert ui_app.run(None) == 0
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1
        window = windows[0]
        assert window.menuBar().actions()[0].text() == "&Fichier"
        assert window.document.current_scenario == "Existant"  # the new project is named in French too
        window.close()
        window.deleteLater()
    finally:
        remove_translators(qapp)
        QApplication.setApplicationName(names[0])
        QApplication.setOrganizationName(names[1])


# The .ts stays complete --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrCall:
    file: str
    line: int
    context: str | None  # the class whose tr() it is: Qt's context
    source: str | None   # None: not a literal, so lupdate cannot extract it
    disambiguation: str
    numerus: bool
    in_f_string: bool  # lupdate does not look inside f-strings


    def where(self) -> str:
        return f"{self.file}:{self.line}"


def tr_calls() -> Iterator[TrCall]:
    """Every `<x>.tr(...)` of the UI, with the class it is written in (what lupdate uses as context)."""
    for path in sorted(UI_SOURCES.glob("*.py")):
        yield from _calls_in(ast.parse(path.read_text(encoding="utf-8")), path.name, None, False)


def _calls_in(node: ast.AST, file: str, context: str | None, in_f_string: bool) -> Iterator[TrCall]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef):
            yield from _calls_in(child, file, child.name, in_f_string)
            continue
        if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and child.func.attr == "tr":
            args = child.args
            literal = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in args]
            yield TrCall(file, child.lineno, context, literal[0] if literal else None,
                         (literal[1] or "") if len(literal) > 1 else "",
                         len(args) > 2 or any(k.arg == "n" for k in child.keywords), in_f_string)
        yield from _calls_in(child, file, context, in_f_string or isinstance(child, ast.JoinedStr))


def french_messages() -> dict[tuple[str, str, str], ElementTree.Element]:
    root = ElementTree.parse(translations_dir() / "orgdesigner_fr.ts").getroot()
    return {(context.findtext("name", ""), message.findtext("source", ""), message.findtext("comment", "")): message
            for context in root.iter("context") for message in context.iter("message")}


def translated_texts(message: ElementTree.Element) -> list[str]:
    """The finished translation(s) of a message; empty when a translator still has work to do."""
    translation = message.find("translation")
    if translation is None or translation.get("type") is not None:  # unfinished, vanished, obsolete
        return []
    forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
    return forms if all(forms) else []


def test_the_extraction_sees_the_window_strings() -> None:
    """Guards the guard: an extraction that found nothing would make the completeness test pass vacuously."""
    found = {(call.context, call.source, call.numerus) for call in tr_calls()}
    assert ("MainWindow", "&File", False) in found
    assert ("MainWindow", "%n finding(s)", True) in found


def test_every_tr_call_is_one_lupdate_extracts() -> None:
    """lupdate takes only a literal, written in a class (the class is the context), and not inside an
    f-string: any other tr() would stay English forever without anyone noticing. Put the whole sentence,
    punctuation included, in the tr(): self.tr("Context: {text}").format(text=...), since French writes
    "Contexte : ..." and other languages order words differently."""
    problems: dict[str, Callable[[TrCall], bool]] = {
        "not a literal": lambda call: call.source is None, "outside a class": lambda call: call.context is None,
        "inside an f-string": lambda call: call.in_f_string}
    wrong = [f"{call.where()} {call.source!r}: {problem}"
             for call in tr_calls() for problem, test in problems.items() if test(call)]
    assert not wrong


def test_every_tr_string_has_a_finished_french_translation() -> None:
    messages = french_messages()
    missing = []
    for call in tr_calls():
        if call.source is None or call.context is None or call.in_f_string:
            continue  # test_every_tr_call_is_one_lupdate_extracts reports these
        message = messages.get((call.context, call.source, call.disambiguation))
        if message is None or not translated_texts(message):
            missing.append(f"{call.where()} {call.context}: {call.source!r}")
        elif (message.get("numerus") == "yes") != call.numerus:
            missing.append(f"{call.where()} {call.context}: {call.source!r} plural forms or not, unlike the code")
    assert not missing, "run tools/update_translations.py, then translate:\n" + "\n".join(missing)


_PLACEHOLDERS = re.compile(r"\{\w*\}|%n|%\d")


@pytest.mark.parametrize("key_message", list(french_messages().items()), ids=lambda item: f"{item[0][0]}:{item[0][1]}")
def test_a_french_translation_keeps_the_placeholders_and_one_shortcut_letter(
        key_message: tuple[tuple[str, str, str], ElementTree.Element]) -> None:
    (_context, source, _comment), message = key_message
    for text in translated_texts(message):
        assert sorted(_PLACEHOLDERS.findall(text)) == sorted(_PLACEHOLDERS.findall(source))
        assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&")
        assert "'" not in text, "French typography writes the apostrophe ’"
        assert not re.search(r"[^\u00a0][:?!;]( |$)", text), "a non-breaking space goes before : ? ! ;"
