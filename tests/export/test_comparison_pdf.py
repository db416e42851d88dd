"""The comparison PDF (issue 5) read back as a committee member's viewer reads it: the summary of
deltas per agency, the target chart with its change accents, the list of changes, the notices."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str

from command_runs import digest, run_err
from comparison_pairs import ROSERAIE, base, edited, target
from orgdesigner import palette
from orgdesigner.app.demo import demo_project
from orgdesigner.compare.overlay import overlay
from orgdesigner.compare.scenario_diff import ScenarioDiff, compare_scenarios
from orgdesigner.export.chart_pdf import faded
from orgdesigner.export.comparison_pdf import render_comparison_pdf, write_comparison_pdf
from orgdesigner.export.pagination import MIN_TEXT_PT
from orgdesigner.export.plan import PdfOptions, plan_pages
from orgdesigner.io.diff_output import FIGURES, change_lines, figure_text
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Agency, Link, Position, Scenario, Site
from pdf_reading import fonts_used, page_texts, qpdf_check

DATE = datetime.date(2026, 3, 14)
EXISTANT, CIBLE = "Existant 2026", "Cible 2027"
NOTICE_FR = "Ce changement doit être soumis au conseil de concertation locative (CSI R271-3)."


def demo_diff() -> ScenarioDiff:
    project = demo_project()
    before, after = project.scenario(EXISTANT), project.scenario(CIBLE)
    assert before is not None and after is not None
    return compare_scenarios(before, after)


def written(diff: ScenarioDiff, path: Path, organisation: str = "Habitat Exemple", **options: object) -> Path:
    write_comparison_pdf(diff, organisation, path, PdfOptions(**options), DATE)  # type: ignore[arg-type]
    qpdf_check(path)
    return path


def flat(text: str) -> str:
    """Text with its line breaks and runs of spaces as single spaces (a table cell wraps)."""
    return " ".join(text.split())


def caption(diff: ScenarioDiff, organisation: str = "Habitat Exemple") -> str:
    return f"{organisation} — {diff.before.name} → {diff.after.name}"


def chart_pages(texts: list[str], diff: ScenarioDiff, organisation: str = "Habitat Exemple") -> list[str]:
    """The chart pages: each carries the comparison's caption above the drawing."""
    return [text for text in texts if caption(diff, organisation) in text]


@pytest.fixture(scope="module")
def diff() -> ScenarioDiff:
    return demo_diff()


@pytest.fixture(scope="module")
def demo_pdf(diff: ScenarioDiff, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CLI's defaults: A4 landscape, fit (which tiles the demo), French."""
    return written(diff, tmp_path_factory.mktemp("cmp") / "demo.pdf")


@pytest.fixture(scope="module")
def demo_texts(demo_pdf: Path) -> list[str]:
    return page_texts(demo_pdf)


@pytest.fixture(scope="module")
def english_pdf(diff: ScenarioDiff, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return written(diff, tmp_path_factory.mktemp("cmp") / "en.pdf", lang="en", mode="per-agency", size="A3",
                   orientation="portrait", title="Board pack <draft> & notes", author="O’Brien & Co")


def test_the_summary_lists_every_agency_with_its_deltas(diff: ScenarioDiff, demo_texts: list[str]) -> None:
    summary = flat("\n".join(demo_texts[:2]))
    assert "Comparaison de scénarios" in summary and "Écarts par agence" in summary
    assert "Existant 2026" in summary and "Cible 2027" in summary and "14 mars 2026" in summary
    assert re.search(r"Agence Nord \(nord\) 33 → 34 33 → 34 36 → 37", summary)
    shown = 0
    for delta in diff.agencies:
        assert f"{delta.name} ({delta.id})" in summary
        for figure in FIGURES:
            pair = figure.pair(delta)
            if pair.changed:
                assert flat(f"{figure_text(figure, pair.before, 'fr')} → {figure_text(figure, pair.after, 'fr')}") \
                    in summary, (delta.id, figure.key)
                shown += 1
    assert shown >= 5
    assert summary.count("chiffres et constats inchangés") == sum(not d.changed for d in diff.agencies) > 0


def test_the_summary_counts_changes_findings_and_notices(diff: ScenarioDiff, demo_texts: list[str]) -> None:
    cover = flat(demo_texts[0])
    changes = diff.positions
    assert (f"+ {len(changes.added)} ajoutés, − {len(changes.removed)} supprimé, → {len(changes.moved)} changés "
            f"de responsable, ~ {len(changes.changed)} modifié") in cover
    assert f"résolus : {len(diff.resolved)} ; introduits : {len(diff.introduced)}" in cover
    assert f"Avis au conseil de concertation locative (CSI R271-3) {len(diff.notices)}" in cover


def test_the_target_chart_shows_every_changed_position_ghosts_included(diff: ScenarioDiff,
                                                                       demo_texts: list[str]) -> None:
    drawn = overlay(diff)
    assert drawn.ghosts, "the demo's target removes a position"
    _, pagination = plan_pages(Chart(drawn.scenario), PdfOptions())
    charts = chart_pages(demo_texts, diff)
    assert len(charts) == len(pagination.pages) > 1
    text = flat("\n".join(charts))
    for position_id in diff.positions.kinds():
        assert position_id in text  # printed in the card's corner
    for position in drawn.scenario.positions:
        if position.id in drawn.ghosts or position.id in diff.positions.added:
            assert position.display_title("fr") in text, position.id
    first_chart = demo_texts.index(charts[0])
    assert "Légende" in "\n".join(demo_texts[:first_chart])  # before the chart it explains


def test_a_ghost_is_faded_and_outlined_in_the_removed_colour(tmp_path: Path) -> None:
    """The removed caretaker's green band is drawn lighter, under a red outline; with nothing removed
    neither colour is on the chart (the legend draws both)."""
    start = base()
    gone = compare_scenarios(start, target(start, positions=[p for p in start.positions if p.id != "c2"],
                                           links=[link for link in start.links if link.target != "c2"]))
    kept = compare_scenarios(start, target(start, positions=edited(start, "t1", holder="Nouvelle")))
    ghost_band = f"{fp_str(faded(HexColor(palette.FAMILY_COLOURS['site'])).rgb())} rg".encode()
    removed_outline = f"{fp_str(HexColor(palette.CHANGE_COLOURS['removed']).rgb())} RG".encode()
    for pair, expected in ((gone, True), (kept, False)):
        path = written(pair, tmp_path / f"{expected}.pdf", "Bailleur")
        streams = b"".join(page.get_contents().get_data() for page in PdfReader(path).pages
                           if caption(pair, "Bailleur") in (page.extract_text() or ""))
        assert (ghost_band in streams) is expected
        assert (removed_outline in streams) is expected
    assert "Ben" in "\n".join(page_texts(tmp_path / "True.pdf"))  # the ghost still names its holder


def test_the_list_of_changes_names_every_change_and_the_findings(diff: ScenarioDiff, demo_texts: list[str]) -> None:
    last_chart = max(i for i, text in enumerate(demo_texts) if caption(diff) in text)
    after_chart = flat("\n".join(demo_texts[last_chart + 1:]))
    lines = change_lines(diff, "fr")
    assert f"Changements de postes ({len(lines)})" in after_chart
    for kind, position_id, _ in lines:
        assert position_id in after_chart, (kind, position_id)
    assert "→ Changé de responsable" in after_chart and "− Supprimé" in after_chart
    assert f"Constats résolus ({len(diff.resolved)})" in after_chart
    for finding in diff.resolved:
        assert finding.rule in after_chart
    assert "Constats introduits (0) aucun" in after_chart


def test_agencies_created_and_dropped_are_marked_and_drawn(tmp_path: Path) -> None:
    """A dropped agency keeps its header and posts on the target's chart, as ghosts."""
    start = base()
    sud = Agency("sud", "Agence Sud", dwellings=500)
    before = replace(start, agencies=(*start.agencies, sud),
                     positions=(*start.positions, Position("s1", "agency_head", "sud", holder="Zoé Sudre")))
    after = target(before, agencies=(start.agencies[0], Agency("est", "Agence Est")),
                   positions=[*start.positions, Position("e1", "agency_head", "est", holder="Éric Estève")])
    diff = compare_scenarios(before, after)
    texts = page_texts(written(diff, tmp_path / "agencies.pdf", "Bailleur", mode="per-agency"))
    summary = flat(texts[0])
    assert "Agence Est (est) agence créée" in summary and "Agence Sud (sud) agence supprimée" in summary
    charts = flat("\n".join(chart_pages(texts, diff, "Bailleur")))
    for words in ("Agence Sud", "Zoé Sudre", "s1", "Agence Est", "Éric Estève", "e1"):
        assert words in charts, words


def test_a_guarding_change_gets_a_notice_and_other_changes_none(tmp_path: Path) -> None:
    start = base()
    moved_off_site = compare_scenarios(start, target(start, positions=edited(start, "c2", site=None)))
    holder_only = compare_scenarios(start, target(start, positions=edited(start, "t1", holder="Nouvelle")))
    assert len(moved_off_site.notices) == 1 and holder_only.notices == ()
    notices = flat(page_texts(written(moved_off_site, tmp_path / "notice.pdf", "Bailleur"))[-1])
    assert "Avis au conseil de concertation locative (CSI R271-3) (1)" in notices
    assert "La Roseraie" in notices and NOTICE_FR in notices
    quiet = flat("\n".join(page_texts(written(holder_only, tmp_path / "quiet.pdf", "Bailleur"))))
    assert "Avis au conseil de concertation locative (CSI R271-3) (0) aucun" in quiet
    assert NOTICE_FR not in quiet


def test_english_wording(english_pdf: Path) -> None:
    texts = page_texts(english_pdf)
    whole = flat("\n".join(texts))
    assert "Board pack <draft> & notes" in texts[0] and "O’Brien & Co" in texts[0]
    for words in ("Source scenario", "Target scenario", "14 March 2026", "Changes by agency", "Legend",
                  "New manager", "Position changes", "Findings resolved", "Findings introduced",
                  "Notices for the tenant consultation council (CSI R271-3)",
                  "The change must be put to the tenant consultation council (CSI R271-3)."):
        assert words in whole, words
    assert "Écarts" not in whole and "Constats" not in whole
    for n, text in enumerate(texts, start=1):
        assert f"page {n} / {len(texts)}" in text


def test_per_agency_markers_point_at_chart_pages(diff: ScenarioDiff, english_pdf: Path) -> None:
    """The summary's length varies with the agencies, so chart page numbers come from the document."""
    texts = page_texts(english_pdf)
    charts = {n for n, text in enumerate(texts, start=1) if caption(diff) in text}
    referred = {int(n) for text in texts for pages in re.findall(r"continued on pages? ([\d, ]+)", text)
                for n in pages.replace(" ", "").split(",") if n}
    assert referred and referred <= charts


@pytest.mark.parametrize(("mode", "size"), [("tile", "A4"), ("per-agency", "A4"), ("fit", "A3")])
def test_page_options_shape_the_chart_pages(mode: str, size: str, tmp_path: Path) -> None:
    diff = compare_scenarios(base(), target(base(), positions=edited(base(), "c2", site=None)))
    options = PdfOptions(mode=mode, size=size)  # type: ignore[arg-type]
    data, summary = render_comparison_pdf(diff, "Bailleur", options, DATE)
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    qpdf_check(path)
    _, pagination = plan_pages(Chart(overlay(diff).scenario), options)
    assert summary.chart_pages == len(pagination.pages) and summary.mode_used == pagination.mode_used
    reader = PdfReader(path)
    assert summary.pages == len(reader.pages)
    width = float(reader.pages[0].mediabox.width)
    assert width == pytest.approx(pagination.frame.width)


def test_no_text_under_6_pt_and_fonts_embedded(demo_pdf: Path, english_pdf: Path) -> None:
    for path in (demo_pdf, english_pdf):
        for page in PdfReader(path).pages:
            sizes = [float(s) for s in re.findall(rb"/F\d+(?:\+\d+)? ([\d.]+) Tf", page.get_contents().get_data())]
            assert sizes and min(sizes) >= MIN_TEXT_PT - 1e-6
        fonts = fonts_used(path)
        assert any("Arrow" in name for name in fonts)  # "→" has its own glyph, Vera having none
        for name, font in fonts.items():
            assert font["/Subtype"] == "/TrueType", name
            assert re.fullmatch(r"/?[A-Z]{6}\+.+", name), name
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), name
            assert "Helvetica" not in name and "Times" not in name and "Symbol" not in name


def test_same_bytes_for_the_same_date() -> None:
    diff = compare_scenarios(base(), target(base(), positions=edited(base(), "c2", site=None)))

    def once(date: datetime.date) -> bytes:
        return render_comparison_pdf(diff, "Bailleur", PdfOptions(), date)[0]

    first = once(DATE)
    assert first == once(DATE)
    assert first != once(datetime.date(2026, 3, 15))
    assert b"D:20260314000000" in first


def test_the_same_scenario_twice_says_there_is_no_change(tmp_path: Path) -> None:
    diff = compare_scenarios(base(), base())
    texts = page_texts(written(diff, tmp_path / "same.pdf", "Bailleur"))
    whole = flat("\n".join(texts))
    assert "Aucun changement" in whole
    assert "Changements de postes (0) aucun" in whole
    assert "Avis au conseil de concertation locative (CSI R271-3) (0) aucun" in whole
    assert chart_pages(texts, diff, "Bailleur")


def test_user_text_prints_literally(tmp_path: Path) -> None:
    start = base()
    odd = (replace(start.agencies[0], name="R&D <Nord>"),)
    before = replace(start, name="Avant <1> & co", agencies=odd)
    after = target(before, positions=[*edited(before, "t1", holder="Dupont & Fils <SARL>"),
                                      Position("n", "receptionist", "nord", title="Accueil <pôle> & co")],
                   links=[*before.links, Link("h", "n")])
    diff = compare_scenarios(before, replace(after, name="Après > 2"))
    whole = "\n".join(page_texts(written(diff, tmp_path / "odd.pdf", "Bailleur & Cie <test>",
                                         title="Avant & <après>")))
    for text in ("R&D <Nord>", "Dupont & Fils <SARL>", "Accueil <pôle> & co", "Bailleur & Cie <test>",
                 "Avant & <après>", "Avant <1> & co", "Après > 2"):
        assert text in whole, text


def test_many_agencies_flow_over_pages_with_the_header_repeated(tmp_path: Path) -> None:
    agencies = tuple(Agency(f"a{i:02d}", f"Agence {i}", dwellings=1000 + i) for i in range(40))
    before = Scenario("Avant", agencies=agencies,
                      positions=tuple(Position(f"h{i:02d}", "agency_head", a.id) for i, a in enumerate(agencies)))
    after = replace(before, name="Après", positions=(*before.positions, Position("x", "client_officer", "a07")),
                    links=(Link("h07", "x"),))
    diff = compare_scenarios(before, after)
    texts = page_texts(written(diff, tmp_path / "many.pdf", "Bailleur"))
    first_chart = next(i for i, text in enumerate(texts) if caption(diff, "Bailleur") in text)
    summary = [flat(text) for text in texts[:first_chart] if re.search(r"\(a\d\d\)", text)]
    assert len(summary) >= 2
    assert all("Effectif hors personnels de site" in text for text in summary)
    assert "Agence 39 (a39)" in flat("\n".join(texts[:first_chart]))


def test_a_failed_render_leaves_the_file_as_it_was(diff: ScenarioDiff, tmp_path: Path) -> None:
    out = tmp_path / "kept.pdf"
    out.write_bytes(b"%PDF-1.4 the committee's previous version")
    before = digest(out)
    with pytest.raises(ValueError):
        write_comparison_pdf(diff, "Habitat Exemple", out, PdfOptions(overlap_mm=80.0), DATE)
    with pytest.raises(OSError):
        write_comparison_pdf(diff, "Habitat Exemple", tmp_path / "no such folder" / "x.pdf", PdfOptions(), DATE)
    assert digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.pdf"]


def test_the_command_line_writes_the_comparison(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo = tmp_path / "demo.orgd"
    assert run_err(capsys, "demo", demo)[0] == 0
    out = tmp_path / "out.pdf"
    code, err = run_err(capsys, "diff", demo, "--from", EXISTANT, "--to", CIBLE, "--pdf", out, "--lang", "fr")
    assert code == 0, err
    qpdf_check(out)
    assert f"wrote {out} ({len(page_texts(out))} pages" in err
    notes = tmp_path / "notes.txt"
    notes.write_text("not a PDF", encoding="utf-8")
    before = digest(notes)
    for force in ([], ["--force"]):
        code, err = run_err(capsys, "diff", demo, "--from", EXISTANT, "--to", CIBLE, "--pdf", notes, *force)
        assert code == 2 and "is not a PDF file" in err and "Traceback" not in err
        assert digest(notes) == before


def test_an_ensemble_grown_past_100_dwellings_is_not_called_no_change(tmp_path: Path) -> None:
    start = base()
    hauts = Site("s2", "Les Hauts", 90, guarding_zone=True)
    before = target(start, agencies=(replace(start.agencies[0], sites=(ROSERAIE, hauts)),))
    after = target(before, agencies=(replace(before.agencies[0], sites=(ROSERAIE, replace(hauts, dwellings=150))),))
    whole = flat("\n".join(page_texts(written(compare_scenarios(before, after), tmp_path / "grown.pdf"))))
    assert "Aucun changement" not in whole
    assert "Autres changements (1)" in whole and "ensemble Les Hauts : logements 90 → 150" in whole
