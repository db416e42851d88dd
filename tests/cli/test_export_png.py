"""`orgdesigner export --png`: the canvas drawn headless into a PNG, read back and looked at."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from command_runs import digest
from command_runs import run_err as run
from orgdesigner import palette
from orgdesigner.app.opening import open_scenario
from orgdesigner.cli import main
from orgdesigner.layout.chart_layout import layout_chart
from orgdesigner.model.chart import Chart
from orgdesigner.rules.engine import validate
from orgdesigner.rules.findings import SEVERITY_RANK, Severity
from orgdesigner.ui import render

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

# No coordinates: the export must lay it out as opening it in the window does.
SMALL = {
    "format": "orgdesigner-scenario", "version": 1,
    "organisation": {"name": "Petit bailleur"}, "scenario": {"name": "Existant"},
    "agencies": [{"id": "nord", "name": "Agence Nord"}],
    "positions": [{"id": "p1", "agency": "nord", "role": "agency_head", "holder": "Marie Dupont"},
                  {"id": "p2", "agency": "nord", "role": "caretaker"}],
    "links": [{"from": "p1", "to": "p2"}],
}


def colours(path: Path) -> set[int]:
    """Every distinct pixel value of the image, as 0xAARRGGBB."""
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable image"
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return set(memoryview(image.constBits()).cast("I"))


def argb(hex_colour: str) -> int:
    return QColor(hex_colour).rgba()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.orgd"
    assert main(["demo", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def whole(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's first scenario at half scale: every card still drawn in full (text, band, badge)."""
    out = tmp_path_factory.mktemp("whole") / "whole.png"
    assert main(["export", str(demo), "--png", str(out), "--scale", "0.5", "--lang", "fr"]) == 0
    return out


def test_the_whole_scenario_shows_every_family_and_badge_colour(demo: Path, whole: Path) -> None:
    image = QImage(str(whole))
    assert 2000 < image.width() <= render.MAX_SIDE and 300 < image.height() <= render.MAX_SIDE
    scenario = open_scenario(demo, None).scenario
    report = validate(scenario)
    worst: dict[str, Severity] = {}  # the badge of a card takes the colour of its most severe finding
    for finding in report.findings:
        for position_id in finding.positions:
            if position_id not in worst or SEVERITY_RANK[finding.severity] < SEVERITY_RANK[worst[position_id]]:
                worst[position_id] = finding.severity
    assert worst, "the demo has findings: their badges must be visible"
    expected = {argb(palette.FAMILY_COLOURS[p.family_code]) for p in scenario.positions}
    expected |= {argb(palette.SEVERITY_COLOURS[severity]) for severity in worst.values()}
    expected |= {argb(palette.CANVAS_BACKGROUND), argb(palette.CARD_FILL)}
    found = colours(whole)
    assert expected <= found, {f"#{c & 0xFFFFFF:06x}" for c in expected - found}
    assert len(found) > 50  # antialiased text and lines: far from a blank or flat image


def test_the_margin_is_background(whole: Path) -> None:
    image = QImage(str(whole))
    background = argb(palette.CANVAS_BACKGROUND)
    for x in range(image.width()):
        assert image.pixel(x, 0) == background and image.pixel(x, image.height() - 1) == background
    for y in range(image.height()):
        assert image.pixel(0, y) == background and image.pixel(image.width() - 1, y) == background


def test_one_agency_is_a_smaller_image_of_its_own_cards(demo: Path, whole: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nord.png"
    code, err = run(capsys, "export", demo, "--png", out, "--agency", "nord", "--scale", "0.5")
    assert code == 0, err
    part, full = QImage(str(out)), QImage(str(whole))
    assert part.width() < full.width() / 2 and part.height() <= full.height()
    scenario = open_scenario(demo, None).scenario
    nord_families = {p.family_code for p in scenario.positions if p.agency == "nord"}
    expected = {argb(palette.FAMILY_COLOURS[f]) for f in nord_families} | {argb(palette.HEADER_FILL)}
    assert expected <= colours(out)  # its cards, and the header that names the agency
    background = argb(palette.CANVAS_BACKGROUND)
    # No line to head office runs across the margin and off the picture to nothing.
    assert all(part.pixel(x, y) == background for x in range(part.width()) for y in range(15))


def test_scale_sets_the_size(demo: Path, whole: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "quarter.png"
    assert run(capsys, "export", demo, "--png", out, "--scale", "0.25")[0] == 0
    half, quarter = QImage(str(whole)), QImage(str(out))
    assert abs(quarter.width() - half.width() / 2) <= 1 and abs(quarter.height() - half.height() / 2) <= 1


def test_a_chart_too_large_for_the_scale_is_scaled_down_with_a_note(
        demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "MAX_SIDE", 1000)
    out = tmp_path / "capped.png"
    code, err = run(capsys, "export", demo, "--png", out, "--scale", "2")
    assert code == 0
    image = QImage(str(out))
    assert max(image.width(), image.height()) == 1000
    assert "too large for scale 2" in err and "1000 pixels a side" in err


def test_a_json_without_coordinates_is_laid_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL), encoding="utf-8")
    out = tmp_path / "small.png"
    code, err = run(capsys, "export", source, "--png", out, "--lang", "en")
    assert code == 0, err
    image = QImage(str(out))
    assert image.height() > image.width() / 2  # the caretaker stands under the head, not on top of it
    assert {argb(palette.FAMILY_COLOURS["management"]), argb(palette.FAMILY_COLOURS["site"])} <= colours(out)


def test_an_unknown_agency_is_named_with_the_known_ones(demo: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.png"
    code, err = run(capsys, "export", demo, "--png", out, "--agency", "sud")
    assert code == 2
    assert "'sud'" in err and "nord, centre, vallee, coteaux, est" in err
    assert not out.exists()


@pytest.mark.parametrize("extra", [["--scenario", "Nulle part"], ["--agency", "nord", "--scenario", "Inconnu"]])
def test_an_unknown_scenario_is_refused(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        extra: list[str]) -> None:
    out = tmp_path / "out.png"
    code, err = run(capsys, "export", demo, "--png", out, *extra)
    assert code == 2 and "no scenario named" in err and "Existant 2026" in err
    assert not out.exists()


def test_a_malformed_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({**SMALL, "positions": [{"id": "p1", "role": "agency_head", "fte": 3}]}))
    out = tmp_path / "out.png"
    code, err = run(capsys, "export", source, "--png", out)
    assert code == 2 and "positions[0].fte" in err and "Traceback" not in err
    assert not out.exists()
    code, err = run(capsys, "export", tmp_path / "missing.orgd", "--png", out)
    assert code == 2 and "no such file" in err
    assert not out.exists()


def test_an_existing_png_is_kept_without_force_and_replaced_with_it(
        demo: Path, whole: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.png"
    out.write_bytes(whole.read_bytes())
    before = digest(out)
    code, err = run(capsys, "export", demo, "--png", out, "--agency", "est")
    assert code == 2 and "--force" in err
    assert digest(out) == before
    code, err = run(capsys, "export", demo, "--png", out, "--agency", "est", "--force")
    assert code == 0, err
    assert digest(out) != before and QImage(str(out)).width() < QImage(str(whole)).width()
    assert [p.name for p in tmp_path.iterdir()] == ["out.png"]  # no temporary file left behind


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_file_of_another_kind_is_never_replaced(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  force: list[str]) -> None:
    out = tmp_path / "chart.png"  # a project saved under a misleading name
    out.write_bytes(demo.read_bytes())
    code, err = run(capsys, "export", demo, "--png", out, *force)
    assert code == 2 and "is not a PNG file" in err
    assert digest(out) == digest(demo)
    code, err = run(capsys, "export", out, "--png", out, *force)
    assert code == 2 and "is the source file too" in err
    assert digest(out) == digest(demo)


def test_an_unwritable_output_is_refused(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "export", demo, "--png", tmp_path / "no-such-folder" / "out.png")
    assert code == 2 and "cannot write" in err and "nothing was changed" in err
    assert not (tmp_path / "no-such-folder").exists()


@pytest.mark.parametrize("args", [[], ["--png", ""], ["--png", "x.png", "--scale", "0"],
                                  ["--png", "x.png", "--scale", "huge"], ["--png", "x.png", "--lang", "de"]])
def test_bad_arguments_exit_2(demo: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["export", str(demo), *args])
    assert stopped.value.code == 2
    assert "orgdesigner export: error:" in capsys.readouterr().err


def test_as_a_command_without_a_display(demo: Path, tmp_path: Path) -> None:
    """The command chooses the offscreen platform itself: no display, no variable set by the caller."""
    out = tmp_path / "out.png"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, "-m", "orgdesigner", "export", str(demo), "--png", str(out),
                             "--agency", "centre", "--scenario", "Cible 2027", "--lang", "en"],
                            capture_output=True, text=True, env=env, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"wrote {out}" in result.stderr and "Traceback" not in result.stderr
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert argb(palette.FAMILY_COLOURS["site"]) in colours(out)
    refused = subprocess.run([sys.executable, "-m", "orgdesigner", "export", str(demo), "--png", str(out)],
                             capture_output=True, text=True, env=env, check=False, timeout=120)
    assert refused.returncode == 2 and "exists already" in refused.stderr


@pytest.mark.slow
def test_a_10000_position_chart_is_drawn_within_the_caps(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("synthetic", BENCHMARKS / "synthetic.py")
    assert spec is not None and spec.loader is not None
    synthetic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synthetic)
    scenario = synthetic.synthetic_project(100).scenarios[0]
    chart = Chart(scenario)
    for position_id, xy in layout_chart(chart).items():
        chart.set_position_xy(position_id, xy)
    out = tmp_path / "big.png"
    rendered = render.render_png(chart, validate(chart), "fr", out, scale=4.0)
    assert rendered.scaled_down and rendered.width <= render.MAX_SIDE and rendered.height <= render.MAX_SIDE
    assert rendered.width * rendered.height <= render.MAX_PIXELS
    image = QImage(str(out))
    assert (image.width(), image.height()) == (rendered.width, rendered.height)
