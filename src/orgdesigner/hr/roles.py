"""Job titles → role codes: the keyword table, meant to be read and extended by hand.

HR systems write job titles freely (« Gardienne d'immeuble », « CHARGEE DE CLIENTELE H/F »,
« Responsable de secteur Nord »), so a title is matched on the keywords it contains, as whole
words, case, accents and punctuation ignored (text.words). The longest keyword found wins, so that
« adjoint au responsable d'agence » is a deputy and not a head. A title that contains no keyword
becomes `other`, keeping its title, and is listed for the user to map in the mapping file; the
user's mapping (exact titles) always wins over this table.

To add a keyword: add it to the role's line below, as it would be written, accents and all.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from orgdesigner.hr.text import words
from orgdesigner.model.catalogue import OTHER_ROLE

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
    "building_worker": ("employé d'immeuble", "employée d'immeuble", "agent d'immeuble", "agente d'immeuble",
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
    "social_adviser": ("CESF", "conseiller social", "conseillère sociale",
                       "conseiller en économie sociale et familiale",
                       "conseillère en économie sociale et familiale", "travailleur social",
                       "travailleuse sociale", "social adviser", "social worker"),
    "mediator": ("médiateur", "médiatrice", "mediator"),
    "dsu_officer": ("DSU", "développement social urbain", "community development officer"),
    "receptionist": ("chargé d'accueil", "chargée d'accueil", "agent d'accueil", "agente d'accueil",
                     "hôte d'accueil", "hôtesse d'accueil", "receptionist"),
    "assistant": ("assistant", "assistante", "assistant de gestion", "assistante de gestion", "secrétaire",
                  "management assistant"),
    "reception_assistant": ("chargé d'accueil et d'assistance", "chargée d'accueil et d'assistance",
                            "reception and admin assistant"),
    "provider": ("prestataire", "sous-traitant", "contractor"),
})

# Whole-word search: each keyword and title padded with spaces.
_TABLE: Final = sorted(((f" {words(keyword)} ", role) for role, keywords in KEYWORDS.items() for keyword in keywords),
                       key=lambda entry: -len(entry[0]))


class RoleMatcher:
    """Titles repeat thousands of times in an extract: each distinct one is matched once."""

    def __init__(self, chosen: Mapping[str, str]) -> None:
        self._cache: dict[str, str] = {words(title): role for title, role in chosen.items()}

    def role(self, title: str) -> str:
        key = words(title)
        role = self._cache.get(key)
        if role is None:
            padded = f" {key} "
            role = next((code for keyword, code in _TABLE if keyword in padded), OTHER_ROLE)
            self._cache[key] = role
        return role
