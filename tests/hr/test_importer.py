"""HR extracts as real files come: the encodings, separators and layouts Excel and HR systems write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.hr.columns import ImportMapping, MappingError, mapping_to_json, read_mapping, recognise
from orgdesigner.hr.csv_source import Row
from orgdesigner.hr.importer import ImportResult, import_rows, import_source
from orgdesigner.hr.roles import RoleMatcher
from orgdesigner.hr.values import ValueProblem, parse_fte
from orgdesigner.io.scenario_json import read_scenario_data, scenario_to_data
from orgdesigner.model.entities import Agency, Organisation, Site

BOM_COMMA = ("\ufeffEmployee ID,Name,Job title,Manager ID,Agency,FTE\r\n"
             "E1,Marie Dupont,Agency manager,,North,1\r\n"
             "E2,Paul Martin,Caretaker,E3,North,0.5\r\n"
             "E3,Léa Roux,Sector manager,E1,North,1\r\n").encode("utf-8")
CP1252_SEMICOLON = ("Matricule;Nom;Prénom;Libellé emploi;Matricule manager;Établissement;Taux d'activité;Résidence\n"
                    "100;Dupont;Marie;Directrice d'agence;;Agence Sud;100;\n"
                    "101;Lefèvre;Hélène;Gardienne d'immeuble;102;Agence Sud;80 %;Les Tilleuls\n"
                    "102;Noël;Zoé;Responsable de secteur;100;agence sud;0,8;\n"
                    "103;Bé;Jo;Chargé(e) de clientèle;100;Agence Sud;0,5;\n").encode("cp1252")
TAB = ("Matricule\tNom prénom\tIntitulé de poste\tN+1\tAgence\tETP\n"
       "a1\tAnne\tCESF\t\tEst\t1\n"
       "a2\tBob\tEmployé d'immeuble\ta1\tEst\t0.8\n").encode()
TITLE_BLOCK = ("Extraction RH;;;\nHabitat Exemple au 01/01/2026;;;\n"
               "Matricule;Nom;Emploi;Responsable\n"
               "1;A;Conseillère sociale;\n"
               "2;B;Comptable;1\n").encode()
BLANKS = ("\n\nMatricule,Nom,Emploi,Responsable,ETP   \n"
          "1  ,A  ,Technicien  ,  ,1  \n"
          "\n  ,  ,  \n"
          "2,B,Chargé d'accueil,1  ,1\n").encode()


def positions(result: ImportResult) -> dict[str, tuple[str, str | None, float, str | None]]:
    assert result.scenario is not None, result.problems
    agencies = {a.id: a.name for a in result.scenario.agencies}
    return {p.id: (p.role, agencies.get(p.agency or ""), p.fte, p.holder) for p in result.scenario.positions}


def managers(result: ImportResult) -> dict[str, str]:
    assert result.scenario is not None
    return {link.target: link.source for link in result.scenario.links}


def test_utf8_bom_comma() -> None:
    result = import_source(BOM_COMMA, "s")
    assert (result.encoding, result.separator, result.header_line) == ("UTF-8 (BOM)", ",", 1)
    assert positions(result) == {"E1": ("agency_head", "North", 1.0, "Marie Dupont"),
                                 "E2": ("caretaker", "North", 0.5, "Paul Martin"),
                                 "E3": ("sector_manager", "North", 1.0, "Léa Roux")}
    assert managers(result) == {"E2": "E3", "E3": "E1"}
    assert result.problems == ()


def test_windows_1252_semicolon_decimal_commas_and_percentages() -> None:
    result = import_source(CP1252_SEMICOLON, "s")
    assert (result.encoding, result.separator) == ("Windows-1252", ";")
    assert positions(result) == {"100": ("agency_head", "Agence Sud", 1.0, "Marie Dupont"),
                                 "101": ("caretaker", "Agence Sud", 0.8, "Hélène Lefèvre"),
                                 "102": ("sector_manager", "Agence Sud", 0.8, "Zoé Noël"),
                                 "103": ("client_officer", "Agence Sud", 0.5, "Jo Bé")}
    assert managers(result) == {"101": "102", "102": "100", "103": "100"}
    assert result.scenario is not None
    (agency,) = result.scenario.agencies  # « agence sud » is the same agency
    assert agency.sites == (Site("les-tilleuls", "Les Tilleuls", 0),)
    assert {p.id: p.site for p in result.scenario.positions}["101"] == "les-tilleuls"
    assert result.agencies_created == ("Agence Sud",)


def test_tab_separated() -> None:
    result = import_source(TAB, "s")
    assert result.separator == "\t"
    assert positions(result) == {"a1": ("social_adviser", "Est", 1.0, "Anne"),
                                 "a2": ("building_worker", "Est", 0.8, "Bob")}


def test_header_under_a_title_block_and_unmapped_titles() -> None:
    result = import_source(TITLE_BLOCK, "s")
    assert result.header_line == 3
    assert positions(result)["2"] == ("other", None, 1.0, "B")
    assert result.scenario is not None
    other = next(p for p in result.scenario.positions if p.id == "2")
    assert (other.title, other.family) == ("Comptable", "management")
    assert result.unmapped_titles == {"Comptable": 1}
    read_scenario_data(scenario_to_data(Organisation("o"), result.scenario))  # the strict reader accepts it


def test_blank_lines_and_trailing_spaces() -> None:
    result = import_source(BLANKS, "s")
    assert result.header_line == 3
    assert positions(result) == {"1": ("technical_officer", None, 1.0, "A"), "2": ("receptionist", None, 1.0, "B")}
    assert managers(result) == {"2": "1"}


def test_the_line_with_fte_0_8_after_decimal_comma_split() -> None:
    """A comma file with a decimal comma splits the cell: the extra cell is ignored, the FTE reads « 0 »."""
    result = import_source(b"Matricule,Emploi,ETP\n1,Gardien,0,8\n", "s")
    assert [(p.line, p.column) for p in result.problems] == [(2, "ETP")]


def test_existing_agencies_are_matched_by_name() -> None:
    existing = [Agency("nord", "Agence du Nord", sites=(Site("t", "Les Tilleuls", 120),))]
    data = b"Matricule;Agence;Emploi;Site\n1;AGENCE DU NORD;Gardien;les tilleuls\n2;Sud;Gardien;\n"
    result = import_source(data, "s", existing)
    assert result.scenario is not None
    assert [a.id for a in result.scenario.agencies] == ["nord", "sud"]
    assert result.scenario.agencies[0].sites == existing[0].sites
    assert result.scenario.positions[0].site == "t"
    assert (result.agencies_matched, result.agencies_created) == (("Agence du Nord",), ("Sud",))


def test_manager_in_another_agency_is_kept() -> None:
    result = import_source(b"Matricule,Agence,Emploi,N+1\n1,Nord,Gardien,2\n2,Sud,Responsable de secteur,\n", "s")
    assert managers(result) == {"1": "2"}


@pytest.mark.parametrize(("csv", "expected"), [
    ("Matricule,Emploi,N+1\n1,Gardien,9\n", [(2, "N+1", "unknown manager '9'")]),
    ("Matricule,Emploi,N+1\n1,Gardien,\n1,Gardien,\n", [(3, "Matricule", "duplicate employee id '1'")]),
    ("Matricule,Emploi,ETP\n1,Gardien,150\n", [(2, "ETP", "'150': FTE out of range")]),
    ("Matricule,Emploi,ETP\n1,Gardien,huit\n", [(2, "ETP", "'huit' is not a readable FTE")]),
    ("Matricule,Emploi,N+1\n1,Gardien,3\n2,Gardien,1\n3,Gardien,2\n",
     [(2, "N+1", "a cycle of managers: 1 → 3 → 2 → 1")]),
    ("Matricule,Emploi,N+1\n1,Gardien,1\n", [(2, "N+1", "a cycle of managers: 1 → 1")]),
    ("Matricule,Emploi\n,Gardien\n", [(2, "Matricule", "missing employee id")]),
    ("Nom,Emploi\nA,Gardien\n", [(1, None, "no employee id column")]),
    ("nothing,here\n1,2\n", [(None, None, "no header row")]),
])
def test_blocking_problems_name_line_and_column(csv: str, expected: list[tuple[int | None, str | None, str]]) -> None:
    result = import_source(csv.encode(), "s")
    assert result.scenario is None
    assert [(p.line, p.column) for p in result.problems] == [(line, column) for line, column, _ in expected]
    for problem, (_, _, text) in zip(result.problems, expected, strict=True):
        assert problem.message.en.startswith(text), problem.message.en
        assert problem.message.fr


def test_a_mapping_names_columns_and_titles(tmp_path: Path) -> None:
    mapping = ImportMapping({"id": "Code", "title": "Métier", "manager": "Chef"}, {"Comptable": "assistant"})
    path = tmp_path / "mapping.json"
    path.write_text(mapping_to_json(mapping), encoding="utf-8")
    loaded = read_mapping(path)
    assert loaded == mapping
    result = import_source("CODE;métier;chef\nx;Comptable;\ny;Gardien;x\n".encode(), "s", mapping=loaded)
    assert positions(result) == {"x": ("assistant", None, 1.0, None), "y": ("caretaker", None, 1.0, None)}


def test_a_bad_mapping_is_refused_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps({"columns": {"idd": "X", "title": 3}, "roles": {"a": "chef"}, "x": 1}))
    with pytest.raises(MappingError) as caught:
        read_mapping(path)
    assert len(caught.value.problems) == 4


def test_a_mapped_column_missing_from_the_file_blocks() -> None:
    result = import_source(b"Matricule,Emploi\n1,Gardien\n", "s", mapping=ImportMapping({"manager": "Chef"}))
    assert result.scenario is None and result.problems[0].line == 1


@pytest.mark.parametrize(("title", "role"), [
    ("GARDIENNE", "caretaker"), ("Gardien d'immeuble", "caretaker"), ("Employée d’immeuble", "building_worker"),
    ("Responsable de secteur Nord", "sector_manager"), ("Chargé(e) de clientèle", "client_officer"),
    ("CHARGEE DE CLIENTELE H/F", "client_officer"), ("cesf", "social_adviser"),
    ("Conseillère sociale", "social_adviser"), ("Directeur d'agence", "agency_head"),
    ("Responsable d'agence", "agency_head"), ("Adjoint au responsable d'agence", "deputy_general"),
    ("Chargé d'accueil", "receptionist"), ("Chargée d'accueil et d'assistance", "reception_assistant"),
    ("Technicien patrimoine", "technical_officer"), ("Précontentieux / contentieux", "arrears_litigation_officer"),
    ("Caretaker", "caretaker"), ("Comptable", None), ("Gardiennage", None),
    # A head's title that says « adjoint » is a deputy's, the kind said when the title says it.
    ("Responsable d'agence adjointe", "deputy_general"), ("Directeur d'agence adjoint", "deputy_general"),
    ("Directrice d'agence adjointe technique", "deputy_technical"),
    ("Responsable d'agence adjoint(e) gestion locative", "deputy_tenancy"),
    ("Adjoint technique au responsable d'agence", "deputy_technical"), ("Directeur adjoint", "deputy_general"),
    ("Responsable d'agence technique", "agency_head"),
    ("Chargé.e de clientèle", "client_officer"), ("Chargé-e d'accueil", "receptionist"),
    ("Chargé(e) des attributions", "allocation_officer"), ("Hôte(sse) d'accueil", "receptionist"),
    ("Hôtesse d'accueil", "receptionist"), ("Agent de médiation", "mediator"), ("Conseillère ESF", "social_adviser"),
    ("Conseiller ESF", "social_adviser"), ("Employé(e) polyvalent(e) d'immeuble", "building_worker"),
])
def test_titles_become_roles(title: str, role: str | None) -> None:
    """None: no keyword, imported as `other` and listed for the user to map."""
    assert RoleMatcher({}).role(title) == role


@pytest.mark.parametrize(("text", "fte"), [
    ("0.8", 0.8), ("0,8", 0.8), ("80 %", 0.8), ("80%", 0.8), ("80\u00a0%", 0.8), ("100", 1.0), ("1", 1.0),
    ("50", 0.5), ("0,5", 0.5), ("100 %", 1.0), ("10", 0.1), ("1,5 %", 0.015)])
def test_fte_forms(text: str, fte: float) -> None:
    """A bare number from 10 to 100 is a « taux d'activité » without its % sign."""
    assert parse_fte(text) == fte


@pytest.mark.parametrize("text", ["0", "150", "101", "150 %", "-1", "-0.5", "-0,5 %", "1.5", "1,5", "2", "9.99",
                                  "0 %"])
def test_fte_out_of_range_says_how_to_write_it(text: str) -> None:
    """A bare 1.5 is neither a fraction nor a plausible percentage: refused, never read as 1.5 %."""
    with pytest.raises(ValueProblem) as caught:
        parse_fte(text)
    assert caught.value.en == f"{text!r}: FTE out of range; give it between 0 and 1 (0.8) or as a percentage (80 %)"
    assert caught.value.fr == f"{text!r} : ETP hors limites ; donnez-le entre 0 et 1 (0,8) ou en pourcentage (80 %)"


@pytest.mark.parametrize("text", ["x", "", "1e3", "0.8 h", "--1"])
def test_fte_unreadable(text: str) -> None:
    with pytest.raises(ValueProblem, match="is not a readable FTE"):
        parse_fte(text)


def test_weekly_hours_are_not_read_as_an_fte() -> None:
    """« Temps de travail » is usually hours (35): 35 % would be a plausible, wrong FTE."""
    result = import_source(b"Matricule;Emploi;Temps de travail\n1;Gardien;35\n", "s")
    assert "fte" not in result.columns
    assert positions(result)["1"][2] == 1.0


def test_known_headers_are_recognised_in_any_case_or_accent() -> None:
    found = recognise(["MATRICULE", "nom", "prenom", "intitule de poste", "N + 1", "etablissement", "taux d activite",
                       "RESIDENCE", "Observations"], ImportMapping())
    assert set(found) == {"id", "last_name", "first_name", "title", "manager", "agency", "fte", "site", "notes"}


@pytest.mark.parametrize(("header", "expected"), [
    (["Matricule", "Responsable", "Matricule responsable"], {"id": 0, "manager": 2}),
    (["Matricule", "Emploi", "Libellé emploi"], {"id": 0, "title": 2}),
    (["Matricule", "Manager", "N+1", "Intitulé de poste", "Poste"], {"id": 0, "manager": 2, "title": 3}),
    (["Identifiant", "Matricule", "Établissement", "Agence"], {"id": 1, "agency": 3}),
    (["Matricule", "Emploi", "Emploi"], {"id": 0, "title": 1}),  # of the same name, the first
])
def test_of_several_columns_for_a_field_the_most_specific_header_is_read(header: list[str],
                                                                         expected: dict[str, int]) -> None:
    """« Responsable » often holds the manager's name and « Emploi » a job code: the columns named more
    precisely are the ones to read, wherever they are."""
    assert recognise(header, ImportMapping()) == expected


def test_the_header_is_the_row_with_the_id_column_and_the_most_fields() -> None:
    """A grouping row above the header names known columns too (« Poste », « Agence »)."""
    data = ("Extraction RH;;;\nIdentité;;Poste;Agence\nMatricule;Nom;Emploi;Agence\n1;Roy;Gardien;Nord\n"
            "2;Bé;Responsable de secteur;Nord\n").encode()
    result = import_source(data, "s")
    assert result.header_line == 3 and result.rows == 2
    assert positions(result) == {"1": ("caretaker", "Nord", 1.0, "Roy"), "2": ("sector_manager", "Nord", 1.0, "Bé")}
    # The id column a mapping names makes the header as a known one does.
    renamed = import_source(data.replace(b"Matricule", b"Code"), "s", mapping=ImportMapping({"id": "Code"}))
    assert renamed.header_line == 3 and list(positions(renamed)) == ["1", "2"]
    # Without an id column anywhere, the row naming the most fields is read, and the import says what it lacks.
    unidentified = import_source(data.replace(b"Matricule", b"Code"), "s")
    assert unidentified.header_line == 3
    assert [p.message.en for p in unidentified.problems] == ["no employee id column (Matricule, Employee ID)"]


def test_utf16_text_as_excel_saves_unicode_text() -> None:
    """Excel's « Texte Unicode »: tab-separated UTF-16 with a BOM, little-endian (or, rarely, big-endian)."""
    text = "Matricule\tNom\tEmploi\tAgence\r\n1\tŒuvray Zoé\tEmployée d’immeuble\tCœur de ville\r\n"
    for bom, codec, name in ((b"\xff\xfe", "utf-16-le", "UTF-16 LE (BOM)"),
                             (b"\xfe\xff", "utf-16-be", "UTF-16 BE (BOM)")):
        result = import_source(bom + text.encode(codec), "s")
        assert (result.encoding, result.separator) == (name, "\t")
        assert positions(result) == {"1": ("building_worker", "Cœur de ville", 1.0, "Œuvray Zoé")}


def test_notes_are_read_whole_several_lines_included() -> None:
    data = ('Matricule;Emploi;Commentaire\n1;Gardien;"Départ en retraite en juin.\nRemplacement à prévoir."\n'
            "2;Gardienne;\n").encode()
    result = import_source(data, "s")
    assert result.columns["notes"] == "Commentaire"
    assert result.scenario is not None
    assert [p.notes for p in result.scenario.positions] == [
        "Départ en retraite en juin.\nRemplacement à prévoir.", None]


def test_problems_are_listed_by_line() -> None:
    """The manager of line 2 is checked after every row is read, yet is said before line 3's FTE."""
    result = import_source(b"Matricule;Emploi;N+1;ETP\n1;Gardien;9;1\n2;Gardien;;150\n", "s")
    assert [(p.line, p.column) for p in result.problems] == [(2, "N+1"), (3, "ETP")]


def test_the_mapping_s_keywords_come_before_the_table_and_other_is_a_choice(tmp_path: Path) -> None:
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps({"roles": {"Gardien remplaçant": "other"},
                                "keywords": {"référent": "tenant_relations_officer", "stagiaire": "other"}}),
                    encoding="utf-8")
    mapping = read_mapping(path)
    assert mapping == ImportMapping(roles={"Gardien remplaçant": "other"},
                                    keywords={"référent": "tenant_relations_officer", "stagiaire": "other"})
    again = tmp_path / "again.json"
    again.write_text(mapping_to_json(mapping), encoding="utf-8")
    assert read_mapping(again) == mapping  # saved by the dialog, read back
    data = "Matricule;Emploi\n1;Référent(e) de site\n2;Stagiaire gardien\n3;Gardien remplaçant\n4;Comptable\n".encode()
    result = import_source(data, "s", mapping=mapping)
    assert result.scenario is not None
    assert [(p.role, p.title, p.family) for p in result.scenario.positions] == [
        ("tenant_relations_officer", "Référent(e) de site", None), ("other", "Stagiaire gardien", "management"),
        ("other", "Gardien remplaçant", "management"), ("other", "Comptable", "management")]
    assert result.unmapped_titles == {"Comptable": 1}  # the others were given `other` on purpose


def test_a_mapping_s_keywords_must_be_words_and_role_codes(tmp_path: Path) -> None:
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps({"keywords": {"!!": "caretaker", "chef": "boss", "x": None}}))
    with pytest.raises(MappingError) as caught:
        read_mapping(path)
    assert sorted(caught.value.problems) == sorted([
        f"{path}: keywords.x: expected a non-empty text", f"{path}: keywords.chef: 'boss' is not a role code",
        f"{path}: keywords.!!: no word to look for"])


_CELL = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8) | st.sampled_from(
    ["1", "2", "3", "", "80 %", "0,8", "Gardien", "Nord", "x"])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_only_documented_problems(data: bytes) -> None:
    result = import_source(data, "s")
    assert (result.scenario is None) == bool(result.blocking)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CELL, max_size=7), max_size=12))
def test_random_rows_give_a_valid_scenario_or_problems(cells: list[list[str]]) -> None:
    header = Row(1, ("Matricule", "Nom", "Emploi", "N+1", "Agence", "ETP", "Site"))
    rows = [Row(number, tuple(row)) for number, row in enumerate(cells, start=2)]
    result = import_rows(header, rows, "s")
    assert (result.scenario is None) == bool(result.blocking)
    if result.scenario is not None:  # whatever came in, what comes out is a scenario the strict reader accepts
        read_scenario_data(scenario_to_data(Organisation("o"), result.scenario))


def test_a_role_code_column_wins_over_the_title_and_an_unknown_code_blocks() -> None:
    data = ("Matricule;Nom;Libellé emploi;Code fonction\n"
            "1;'=A1;Gardien;agency_head\n2;'Tino;Gardien;\n3;;Responsable d'agence;agency_head\n").encode()
    result = import_source(data, "S")
    assert result.scenario is not None
    assert [(p.role, p.holder, p.title) for p in result.scenario.positions] == [
        ("agency_head", "=A1", "Gardien"), ("caretaker", "'Tino", "Gardien"), ("agency_head", None, None)]
    refused = import_source(b"Matricule;Code fonction\n1;chef\n", "S")
    assert refused.scenario is None and refused.blocking[0].column == "Code fonction"


def test_a_column_left_out_on_purpose_is_not_read_even_with_a_known_header(tmp_path: Path) -> None:
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps({"columns": {"site": None, "fte": "Quotité horaire"}}), encoding="utf-8")
    mapping = read_mapping(path)
    assert mapping == ImportMapping({"site": None, "fte": "Quotité horaire"})
    assert json.loads(mapping_to_json(mapping))["columns"] == {"site": None, "fte": "Quotité horaire"}
    result = import_source("Matricule;Emploi;Site;Quotité horaire\n1;Gardien;Les Tilleuls;50\n".encode(), "s",
                           mapping=mapping)
    assert result.columns == {"id": "Matricule", "title": "Emploi", "fte": "Quotité horaire"}
    assert result.scenario is not None
    assert [(p.site, p.fte) for p in result.scenario.positions] == [(None, 0.5)]


def test_a_role_cannot_be_left_out_with_null(tmp_path: Path) -> None:
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps({"roles": {"Comptable": None}}))
    with pytest.raises(MappingError) as caught:
        read_mapping(path)
    assert caught.value.problems == [f"{path}: roles.Comptable: expected a non-empty text"]


def test_each_distinct_title_is_listed_once_with_its_role_and_count() -> None:
    data = (b"Matricule;Emploi;Code fonction\n1;Gardienne;\n2;GARDIENNE;\n3;Comptable;\n4;Comptable;agency_head\n"
            b"5;;\n")
    result = import_source(data, "s", mapping=ImportMapping(roles={"comptable": "assistant"}))
    # A role code column's row is not a guess to check; an empty title is the problem list's business.
    assert result.titles == {"Gardienne": ("caretaker", 2), "Comptable": ("assistant", 1)}


def test_an_other_post_s_family_and_a_contractor_s_guarding_are_read_back() -> None:
    data = ("Matricule;Libellé emploi;Code fonction;Famille;Gardiennage\n"
            "1;Chargée de mission;other;Accompagnement et animation sociale;\n"
            "2;Référent patrimoine;other;technical;\n"
            "3;Conseiller;other;Social support;non\n"
            "4;Gardiennage SARL;provider;;oui\n"
            "5;Gardien;caretaker;Prestataires;x\n"
            "6;Chargé de projet;other;Cuisine;peut-être\n").encode()
    result = import_source(data, "S")
    assert result.scenario is not None
    assert [(p.family, p.guarding) for p in result.scenario.positions] == [
        ("social", False), ("technical", False), ("social", False), (None, True), (None, False),
        ("management", False)]
    assert [(p.line, p.column, p.blocking) for p in result.problems] == [
        (6, "Gardiennage", False), (7, "Famille", False), (7, "Gardiennage", False)]
    assert "only a contractor provides the guarding" in result.problems[0].message.en
