"""What the program's own source must never do with what it reads, checked on the syntax tree, so that
a new module cannot quietly bring it back: evaluate file content (eval, exec, pickle, marshal, shelve,
yaml), parse XML without defusedxml, or build SQL text out of values."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "src" / "orgdesigner").rglob("*.py"))
TOOLS = sorted((ROOT / "tools").glob("*.py"))

# Modules that turn bytes into live objects or run them: none of them may read a file of ours.
EVALUATING_MODULES = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "jsonpickle", "marshal", "shelve", "yaml",
                      "ruamel", "code", "codeop"}
EVALUATING_BUILTINS = {"eval", "exec", "compile", "__import__"}
# The standard library's XML parsers expand entities (the billion laughs); defusedxml refuses them.
# These names of xml.etree.ElementTree only build or write a tree, and may be used from it.
XML_BUILDING = {"Element", "SubElement", "tostring", "register_namespace", "indent", "QName"}
XML_PARSERS_ELSEWHERE = {"lxml", "xml.dom", "xml.sax", "xml.parsers", "xmlrpc", "xml.etree.cElementTree"}
QT_XML_READERS = {"QXmlStreamReader", "QDomDocument", "QXmlSimpleReader"}
SQL_METHODS = {"execute", "exec_driver_sql", "executescript", "executemany"}
# A name in SQL text may only be a module constant: `f"PRAGMA application_id = {_APPLICATION_ID}"`.
CONSTANT = re.compile(r"_?[A-Z][A-Z0-9_]*")


Check = Callable[[str, list[ast.AST]], list[str]]


@cache
def nodes(path: Path) -> list[ast.AST]:
    """Every node of a file, parsed and walked once for the three checks: a second or two for the source."""
    return list(ast.walk(ast.parse(path.read_text(encoding="utf-8"))))


def problems(check: Check, paths: list[Path]) -> list[str]:
    return [problem for path in paths for problem in check(str(path.relative_to(ROOT)), nodes(path))]


def probe(check: Check, source: str) -> list[str]:
    return check("probe.py", list(ast.walk(ast.parse(source))))


def imported_modules(module: list[ast.AST]) -> Iterator[tuple[ast.stmt, str, list[ast.alias]]]:
    for node in module:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name, [alias]
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            yield node, node.module, node.names


def within(module: str, packages: set[str]) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


def evaluating(where: str, module: list[ast.AST]) -> list[str]:
    found = []
    for node, name, _aliases in imported_modules(module):
        if within(name, EVALUATING_MODULES):
            found.append(f"{where}:{node.lineno} imports {name}")
    for node in module:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in EVALUATING_BUILTINS:
            found.append(f"{where}:{node.lineno} calls {node.func.id}()")
    return found


def unsafe_xml(where: str, module: list[ast.AST]) -> list[str]:
    found = []
    etree_aliases: set[str] = set()
    for node, name, aliases in imported_modules(module):
        line = f"{where}:{node.lineno}"
        if within(name, XML_PARSERS_ELSEWHERE):
            found.append(f"{line} imports {name}; parse with defusedxml")
        elif name == "xml.etree.ElementTree" and isinstance(node, ast.ImportFrom):
            found += [f"{line} imports {alias.name} from {name}; parse with defusedxml"
                      for alias in aliases if alias.name not in XML_BUILDING]
        elif name == "xml.etree.ElementTree":
            etree_aliases |= {alias.asname or alias.name for alias in aliases}
        elif name == "xml.etree" and isinstance(node, ast.ImportFrom):
            etree_aliases |= {alias.asname or alias.name for alias in aliases if alias.name == "ElementTree"}
        elif name == "xml" and isinstance(node, ast.Import):
            etree_aliases.add("xml.etree.ElementTree")
        if isinstance(node, ast.ImportFrom) and name.startswith("PySide6"):
            found += [f"{line} imports {alias.name}; parse with defusedxml"
                      for alias in aliases if alias.name in QT_XML_READERS]
    for node in module:
        if isinstance(node, ast.Attribute) and ast.unparse(node.value) in etree_aliases \
                and node.attr not in XML_BUILDING:
            found.append(f"{where}:{node.lineno} uses {ast.unparse(node)}; parse with defusedxml")
    return found


def formatted_sql(where: str, module: list[ast.AST]) -> list[str]:
    """SQL passed as an f-string, a %-formatted or concatenated string or a .format() call, unless
    every value put in is a module constant: values go in as bound parameters."""
    found = []
    text_names = {alias.asname or alias.name for node, name, aliases in imported_modules(module)
                  if within(name, {"sqlalchemy"}) for alias in aliases if alias.name == "text"}
    for node in module:
        if not isinstance(node, ast.Call) or not node.args:
            continue
        function = node.func
        is_sql = (isinstance(function, ast.Attribute) and function.attr in SQL_METHODS) or \
                 (isinstance(function, ast.Name) and function.id in text_names)
        if is_sql and built_from_values(node.args[0]):
            found.append(f"{where}:{node.lineno} builds SQL text: {ast.unparse(node.args[0])[:80]}")
    return found


def built_from_values(argument: ast.expr) -> bool:
    if isinstance(argument, ast.JoinedStr):
        return any(not (isinstance(part.value, ast.Name) and CONSTANT.fullmatch(part.value.id))
                   for part in argument.values if isinstance(part, ast.FormattedValue))
    if isinstance(argument, ast.BinOp) and isinstance(argument.op, ast.Mod | ast.Add):
        return True
    return isinstance(argument, ast.Call) and isinstance(argument.func, ast.Attribute) \
        and argument.func.attr == "format"


def test_there_is_source_to_check() -> None:
    assert len(SOURCES) > 50 and TOOLS


def test_nothing_the_program_reads_is_evaluated() -> None:
    assert problems(evaluating, SOURCES) == []


def test_every_xml_is_parsed_with_defusedxml() -> None:
    assert problems(unsafe_xml, SOURCES + TOOLS) == []


def test_sql_takes_values_as_bound_parameters() -> None:
    assert problems(formatted_sql, SOURCES) == []


@pytest.mark.parametrize(("source", "check", "expected"), [
    ("import pickle\npickle.loads(b'')", evaluating, "imports pickle"),
    ("from yaml import load", evaluating, "imports yaml"),
    ("eval(open('f').read())", evaluating, "calls eval()"),
    ("import marshal", evaluating, "imports marshal"),
    ("import xml.etree.ElementTree as ET\nET.parse('f')", unsafe_xml, "uses ET.parse"),
    ("from xml.etree.ElementTree import fromstring", unsafe_xml, "imports fromstring"),
    ("from xml.etree import ElementTree\nElementTree.iterparse('f')", unsafe_xml, "uses ElementTree.iterparse"),
    ("from xml.dom import minidom", unsafe_xml, "imports xml.dom"),
    ("import xml.sax", unsafe_xml, "imports xml.sax"),
    ("from PySide6.QtCore import QXmlStreamReader", unsafe_xml, "imports QXmlStreamReader"),
    ("connection.exec_driver_sql(f'SELECT * FROM t WHERE name = {name}')", formatted_sql, "builds SQL text"),
    ("db.execute('SELECT * FROM ' + table)", formatted_sql, "builds SQL text"),
    ("db.execute('SELECT %s' % value)", formatted_sql, "builds SQL text"),
    ("from sqlalchemy import text\ntext('SELECT {}'.format(value))", formatted_sql, "builds SQL text"),
])
def test_the_checks_catch_what_they_are_for(source: str, check: Check, expected: str) -> None:
    found = probe(check, source)
    assert len(found) == 1 and expected in found[0], found


@pytest.mark.parametrize(("source", "check"), [
    ("import xml.etree.ElementTree as ET\nET.tostring(ET.Element('a'))", unsafe_xml),
    ("from xml.etree.ElementTree import Element\nfrom defusedxml import ElementTree\nElementTree.parse('f')",
     unsafe_xml),
    ("op.execute(f'PRAGMA application_id = {_APPLICATION_ID}')", formatted_sql),
    ("connection.execute(text('SELECT 1 WHERE a = :a'), {'a': value})", formatted_sql),
    ("dialog.exec()", evaluating),
])
def test_the_checks_let_safe_code_pass(source: str, check: Check) -> None:
    assert probe(check, source) == []
