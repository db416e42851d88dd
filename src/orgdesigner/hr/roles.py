"""Job titles → role codes: the keyword table, meant to be read and extended by hand.

HR systems write job titles freely (« Gardienne d'immeuble », « CHARGEE DE CLIENTELE H/F »,
« Responsable de secteur Nord »), so a title is matched on the keywords it contains, as whole
words, case, accents, punctuation and inclusive endings ignored (text.words: « Chargé.e » is
« chargé »). The longest keyword found wins, so that « adjoint au responsable d'agence » is a deputy
and not a head. Then DEPUTY_WORDS make a head's title a deputy's (« Responsable d'agence adjointe »)
and DEPUTY_KINDS say which deputy. A title that contains no keyword becomes `other`, keeping its
title, and is listed for the user to map.

The user's mapping file (columns.ImportMapping) comes first: its "roles" give exact titles a role,
then its "keywords", matched as this table's (whole words, longest first, the deputy rule left out:
the user's keyword names the role), e.g. {"keywords": {"adjointe": "deputy_general"}}. That is the
way to teach the import a house title without changing the program.

To add a keyword to the program: add it to the role's line below, as it would be written, accents
and all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

from orgdesigner.hr.text import words

KEYWORDS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "agency_head": ("responsable d'agence", "directeur d'agence", "directrice d'agence", "chef d'agence",
                    "agency manager", "branch manager", "head of agency"),
    "deputy_technical": ("adjoint technique", "adjointe technique", "responsable technique adjoint",
                         "deputy manager technical", "deputy technical manager"),
    "deputy_tenancy": ("adjoint gestion locative", "adjointe gestion locative", "adjoint de gestion locative",
                       "adjointe de gestion locative", "deputy manager tenancy", "deputy tenancy manager"),
    "deputy_general": ("adjoint au responsable d'agence", "adjointe au responsable d'agence", "responsable adjoint",
                       "responsable adjointe", "adjoint d'agence", "adjointe d'agence", "directeur adjoint",
                       "directrice adjointe", "deputy manager", "deputy agency manager"),
    "sector_manager": ("responsable de secteur", "responsable secteur", "chef de secteur", "manager de proximité",
                       "responsable de proximité", "sector manager"),
    "caretaker": ("gardien", "gardienne", "concierge", "caretaker"),
    "building_worker": ("employé d'immeuble", "employée d'immeuble", "employé polyvalent d'immeuble",
                        "employée polyvalente d'immeuble", "agent d'immeuble", "agente d'immeuble",
                        "agent d'entretien", "agente d'entretien", "building attendant"),
    "technical_officer": ("technicien", "technicienne", "technicien patrimoine", "property technician",
                          "technician"),
    "client_officer": ("chargé de clientèle", "chargée de clientèle", "conseiller clientèle",
                       "conseillère clientèle", "gestionnaire clientèle", "gestionnaire locatif",
                       "gestionnaire locative", "customer officer"),
    "allocation_officer": ("chargé d'attribution", "chargée d'attribution", "chargé des attributions",
                           "chargée des attributions", "allocation officer"),
    "tenant_relations_officer": ("chargé de relation locataire", "chargée de relation locataire",
                                 "chargé de relations locataires", "chargée de relations locataires",
                                 "tenant relations officer"),
    "arrears_officer": ("précontentieux", "chargé de recouvrement", "chargée de recouvrement",
                        "arrears officer"),
    "litigation_officer": ("contentieux", "juriste contentieux", "litigation officer"),
    "arrears_litigation_officer": ("précontentieux / contentieux", "précontentieux et contentieux",
                                   "arrears and litigation officer"),
    "social_adviser": ("CESF", "conseiller ESF", "conseillère ESF", "conseiller social", "conseillère sociale",
                       "conseiller en économie sociale et familiale",
                       "conseillère en économie sociale et familiale", "travailleur social",
                       "travailleuse sociale", "social adviser", "social worker"),
    "mediator": ("médiateur", "médiatrice", "agent de médiation", "agente de médiation", "mediator"),
    "dsu_officer": ("DSU", "développement social urbain", "community development officer"),
    "receptionist": ("chargé d'accueil", "chargée d'accueil", "agent d'accueil", "agente d'accueil",
                     "hôte d'accueil", "hôtesse d'accueil", "receptionist"),
    "assistant": ("assistant", "assistante", "assistant de gestion", "assistante de gestion", "secrétaire",
                  "management assistant"),
    "reception_assistant": ("chargé d'accueil et d'assistance", "chargée d'accueil et d'assistance",
                            "reception and admin assistant"),
    "provider": ("prestataire", "sous-traitant", "contractor"),
})

# A title the table gives to the agency head but that has one of these words is a deputy's: « Responsable
# d'agence adjointe », « Directeur d'agence adjoint », « Adjoint technique au responsable d'agence ».
DEPUTY_WORDS: Final = ("adjoint", "adjointe", "deputy")
# Which deputy, when a deputy's title says it; a title that says none is deputy_general's.
DEPUTY_KINDS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "deputy_technical": ("technique", "technical"),
    "deputy_tenancy": ("gestion locative", "tenancy"),
})
_HEAD, _DEPUTY = "agency_head", "deputy_general"


def _table(keywords: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(keyword, role) pairs for a whole-word search, longest first: keywords and titles padded with spaces."""
    return sorted(((f" {words(keyword)} ", role) for keyword, role in keywords), key=lambda entry: -len(entry[0]))


_KEYWORDS: Final = _table((keyword, role) for role, keywords in KEYWORDS.items() for keyword in keywords)
_DEPUTY_WORDS: Final = tuple(f" {words(word)} " for word in DEPUTY_WORDS)
_DEPUTY_KINDS: Final = _table((word, role) for role, kind_words in DEPUTY_KINDS.items() for word in kind_words)


class RoleMatcher:
    """Titles repeat thousands of times in an extract: each distinct one is matched once. `chosen`
    (exact titles) and `keywords` are the user's, and come before the table."""

    def __init__(self, chosen: Mapping[str, str], keywords: Mapping[str, str] | None = None) -> None:
        self._cache: dict[str, str | None] = {words(title): role for title, role in chosen.items()}
        self._own = _table((keywords or {}).items())

    def role(self, title: str) -> str | None:
        """None when nothing knows the title: it is imported as `other` and listed for the user to map,
        unlike a title the user gave `other` on purpose."""
        key = words(title)
        if key not in self._cache:
            padded = f" {key} "
            self._cache[key] = _first(self._own, padded) or _deputy(_first(_KEYWORDS, padded), padded)
        return self._cache[key]


def _first(table: list[tuple[str, str]], padded: str) -> str | None:
    return next((role for keyword, role in table if keyword in padded), None)


def _deputy(role: str | None, padded: str) -> str | None:
    """The table's match, made a deputy's by DEPUTY_WORDS and the right deputy's by DEPUTY_KINDS: the
    head's keywords are longer than « adjoint », so the longest match alone would make a head."""
    if role == _DEPUTY or (role == _HEAD and any(word in padded for word in _DEPUTY_WORDS)):
        return _first(_DEPUTY_KINDS, padded) or _DEPUTY
    return role
