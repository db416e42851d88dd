"""The annotated PDF read back as a committee member's viewer reads it: text, pages, fonts."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.export.annotations import finding_marks
from orgdesigner.export.fonts import REGULAR, register_fonts
from orgdesigner.export.pagination import MIN_TEXT_PT
from orgdesigner.export.pdf_document import FIRST_CHART_PAGE, render_pdf, write_pdf
from orgdesigner.export.plan import PdfOptions, plan_pages
from orgdesigner.export.wording import typeset
from orgdesigner.model.catalogue import FAMILIES, LINK_TYPES
from orgdesigner.model.entities import Agency, Link, Organisation, Position, Project, Scenario
from pdf_reading import fonts_used, page_texts, qpdf_check

DATE = datetime.date(2026, 3, 14)
FRENCH = "é è ê à ù ç œ Œ « » ’ €"


def literal_project() -> Project:
    """Names a PDF could mangle: markup characters, and every French character the issue lists."""
    agency = Agency("oeuvre", f"Agence de l’Œuvre « Côté » {FRENCH}", dwellings=900)
    positions = (
        Position("h", "agency_head", "oeuvre", holder="Dupont & Fils <SARL>"),
        Position("c", "caretaker", "oeuvre", holder="Zoé Mûrier-Lœvenbruck"),
        Position("v", "client_officer", "oeuvre"),
    )
    links = (Link("h", "c"), Link("h", "v"))
    return Project(Organisation("Bailleur & Cie <test>"), (Scenario("Été 2026", agencies=(agency,),
                                                                    positions=positions, links=links),))


def export(project: Project, path: Path, **options: object) -> Path:
    document = Document(project)
    write_pdf(document.chart, document.validate(), document.organisation_name, path,
              PdfOptions(**options), DATE)  # type: ignore[arg-type]
    qpdf_check(path)
    return path


@pytest.fixture(scope="module")
def demo() -> Document:
    return Document(demo_project())


@pytest.fixture(scope="module")
def per_agency(demo: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(demo_project(), tmp_path_factory.mktemp("pdf") / "per-agency.pdf", mode="per-agency")


def test_every_page_is_numbered_page_x_of_n(per_agency: Path) -> None:
    texts = page_texts(per_agency)
    assert len(texts) > 3
    for n, text in enumerate(texts, start=1):
        assert f"page {n} / {len(texts)}" in text


def test_the_chart_names_every_agency_and_holder(demo: Document, per_agency: Path) -> None:
    chart_text = "\n".join(page_texts(per_agency)[FIRST_CHART_PAGE - 1:])
    for agency in demo.chart.agencies():
        assert agency.name in chart_text
    holders = [p.holder for p in demo.chart.positions() if p.holder]
    assert holders and [h for h in holders if h not in chart_text] == []


def test_findings_table_numbers_match_the_marks(demo: Document, per_agency: Path) -> None:
    report = demo.validate()
    assert report.findings
    texts = page_texts(per_agency)
    table = "\n".join(t for t in texts if "Constats" in t and "Règle" in t)
    for number, finding in enumerate(report.findings, start=1):
        assert re.search(rf"(^|\n){number}\s*{re.escape(finding.rule)}", table), (number, finding.rule)
    marks = finding_marks(report.findings)
    chart_text = "\n".join(texts[FIRST_CHART_PAGE - 1:])
    for mark in marks.positions.values():  # each card's mark prints the numbers of its findings
        assert mark.text in chart_text
    numbered = {n for mark in [*marks.positions.values(), *marks.agencies.values()] for n in mark.numbers}
    assert numbered == {n for n, f in enumerate(report.findings, start=1) if f.positions or f.agency}


def test_the_cover_holds_parameters_assumptions_and_the_legend(per_agency: Path) -> None:
    cover = page_texts(per_agency)[0]
    for words in ("Habitat Exemple", "Existant 2026", "14 mars 2026", "Paramètres en vigueur", "max_direct_reports",
                  "hypothèse de travail", "Légende", *(f.fr for f in FAMILIES.values()),
                  *(t.fr for t in LINK_TYPES.values()), "Poste vacant", "Repères de constats"):
        assert words in cover, words


def test_per_agency_lines_say_where_they_continue(per_agency: Path) -> None:
    texts = page_texts(per_agency)
    head_office = texts[FIRST_CHART_PAGE - 1]
    assert "Siège" in head_office
    continued = re.search(r"suite pages? ([\d, ]+)", head_office)
    assert continued is not None
    for n in map(int, continued.group(1).replace(" ", "").split(",")):
        assert "suite page" in texts[n - 1] and f"{FIRST_CHART_PAGE}" in texts[n - 1]


def test_summary_per_agency(per_agency: Path) -> None:
    summary = "\n".join(page_texts(per_agency)[-6:])
    for words in ("Synthèse par agence", "Management d'agence", "Périmètre", "Gestion locative", "Gardiennage",
                  "ETP requis", "ETP affectés"):
        assert words in summary, words


def test_fonts_are_embedded_truetype_subsets(per_agency: Path) -> None:
    fonts = fonts_used(per_agency)
    assert fonts
    for name, font in fonts.items():
        assert font["/Subtype"] == "/TrueType", name
        assert re.fullmatch(r"/?[A-Z]{6}\+.+", name), name
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name
        assert "Helvetica" not in name and "Times" not in name


def test_no_text_is_set_under_6_pt(per_agency: Path, tmp_path: Path) -> None:
    fitted = export(demo_project(), tmp_path / "fit.pdf", mode="fit", size="A0")
    for path in (per_agency, fitted):
        for page in PdfReader(path).pages:
            sizes = [float(s) for s in re.findall(rb"/F\d+(?:\+\d+)? ([\d.]+) Tf", page.get_contents().get_data())]
            assert sizes and min(sizes) >= MIN_TEXT_PT - 1e-6


def test_user_text_prints_literally_with_french_characters(tmp_path: Path) -> None:
    text = "\n".join(page_texts(export(literal_project(), tmp_path / "literal.pdf", mode="fit")))
    assert "Dupont & Fils <SARL>" in text
    assert "Bailleur & Cie <test>" in text
    assert "Zoé Mûrier-Lœvenbruck" in text
    assert FRENCH in text


def test_english_document(tmp_path: Path) -> None:
    texts = page_texts(export(literal_project(), tmp_path / "en.pdf", lang="en", title="Board pack",
                              author="O’Brien & Co"))
    assert "Board pack" in texts[0] and "O’Brien & Co" in texts[0] and "Parameters in force" in texts[0]
    assert "working assumption" in texts[0] and "Legend" in texts[0]
    assert f"page 1 / {len(texts)}" in texts[0]


def test_no_findings_leaves_out_marks_and_table(demo: Document, tmp_path: Path) -> None:
    texts = page_texts(export(demo_project(), tmp_path / "quiet.pdf", findings=False, size="A0"))
    whole = "\n".join(texts)
    assert "Règle" not in whole and "Repères de constats" not in whole
    assert not any(f.rule in whole for f in demo.validate().findings)


def test_same_input_and_date_give_the_same_bytes(demo: Document) -> None:
    def once(date: datetime.date) -> bytes:
        document = Document(demo_project())
        return render_pdf(document.chart, document.validate(), document.organisation_name,
                          PdfOptions(mode="tile"), date)[0]

    first = once(DATE)
    assert first == once(DATE)
    assert first != once(datetime.date(2026, 3, 15))
    assert b"D:20260314000000" in first


def test_tile_pages_carry_a_page_map_and_the_switch_is_said(tmp_path: Path) -> None:
    document = Document(demo_project())
    data, summary = render_pdf(document.chart, document.validate(), document.organisation_name,
                               PdfOptions(mode="fit"), DATE)
    assert summary.switched_to_tile and summary.mode_used == "tile" and summary.chart_pages > 1
    path = tmp_path / "fit.pdf"
    path.write_bytes(data)
    qpdf_check(path)
    texts = page_texts(path)
    assert len(texts) == summary.pages
    assert "découpé en" in texts[0]
    assert all("feuille" in t for t in texts[FIRST_CHART_PAGE - 1:FIRST_CHART_PAGE - 1 + summary.chart_pages])


def test_french_punctuation_never_starts_a_line(tmp_path: Path) -> None:
    """The PDF's own words and the rules' messages keep a no-break space before « : ; ? ! » and
    inside guillemets, so that a wrapped line never starts with the sign."""
    register_fonts()
    assert typeset("Note : voir « ici » ; pourquoi ? Oui !", "fr") == (
        "Note\u00a0: voir «\u00a0ici\u00a0»\u00a0; pourquoi\u00a0? Oui\u00a0!")
    assert typeset("Note: see it; why?", "en") == "Note: see it; why?"
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=8.0)
    message = typeset(next(f for f in Document(demo_project()).validate().findings
                           if " : " in f.message.fr).message.fr, "fr")
    for width in range(40, 400, 7):
        paragraph = Paragraph(message, style)
        paragraph.wrap(width, 10_000)
        for line in paragraph.blPara.lines:
            words = line[1] if isinstance(line, tuple) else line.words
            first = str(words[0]) if isinstance(line, tuple) else str(words[0].text)
            assert first[:1] not in ":;?!»", (width, first)
    cover = page_texts(export(demo_project(), tmp_path / "fr.pdf", size="A0"))[0]
    assert "Modèle de management 1 : effectif" in cover  # read back, the no-break space is a space


def test_long_titles_print_whole_on_two_lines(demo: Document, per_agency: Path) -> None:
    count = len(plan_pages(demo.chart, PdfOptions(mode="per-agency"))[1].pages)
    chart_pages = page_texts(per_agency)[FIRST_CHART_PAGE - 1:FIRST_CHART_PAGE - 1 + count]
    flat = " ".join(" ".join(text.split()) for text in chart_pages)
    assert "…" not in flat
    long_titles = {p.display_title("fr") for p in demo.chart.positions() if len(p.display_title("fr")) > 30}
    assert long_titles
    for title in long_titles:
        assert title in flat, title


def test_a_page_map_is_drawn_once_per_grid_and_used_by_every_tiled_page(demo: Document, per_agency: Path) -> None:
    _, pagination = plan_pages(demo.chart, PdfOptions(mode="per-agency"))
    grids = {id(page.grid) for page in pagination.pages if page.tiled}
    assert len(grids) > 1
    reader = PdfReader(per_agency)
    used = []
    for page in reader.pages[FIRST_CHART_PAGE - 1:FIRST_CHART_PAGE - 1 + len(pagination.pages)]:
        xobjects = page["/Resources"].get("/XObject")
        used.append({ref.idnum for ref in xobjects.get_object().values()} if xobjects is not None else set())
    assert [bool(u) for u in used] == [page.tiled for page in pagination.pages]
    assert len(set().union(*used)) == len(grids)


def test_parameters_that_are_words_are_said_in_the_document_language(per_agency: Path, tmp_path: Path) -> None:
    cover = page_texts(per_agency)[0]
    assert re.search(r"\(headcount_basis\)\s*postes", cover) and "à l'inférieur" in cover
    english = page_texts(export(demo_project(), tmp_path / "en.pdf", lang="en", size="A0"))[0]
    assert re.search(r"\(headcount_basis\)\s*positions", english) and "rounded down" in english


def test_the_agencies_chosen_are_named_above_the_chart(tmp_path: Path) -> None:
    texts = page_texts(export(demo_project(), tmp_path / "two.pdf", agencies=("nord", "est")))
    chart_pages = [t for t in texts if "feuille" in t]
    assert chart_pages and all("Agence Nord, Agence Est" in t for t in chart_pages)
    assert not any("Organisation entière" in t for t in texts)
