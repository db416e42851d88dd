"""The notice a change of guarding arrangement calls for (domain.md §5b, CSI R271-3).

Any change to who guards an ensemble subject to the obligation — the caretakers and building
attendants assigned to it, their FTE, or a contractor declared as providing the guarding — must be
put to the tenant consultation council. The notice says so, and counts the blocks of dwellings
still covered and no longer covered, which is what the council will ask.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from orgdesigner.model.entities import Position
from orgdesigner.model.labels import Label, Lang, number
from orgdesigner.rules.classify import GuardingStatus

_FTE_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class Arrangement:
    """Who guards an ensemble: its site staff with their FTE, and the contractors declaring it."""

    staff: tuple[tuple[str, float], ...]
    providers: tuple[str, ...]

    @property
    def fte(self) -> float:
        return round(sum(fte for _, fte in self.staff), 6)

    def posts(self) -> set[str]:
        return {position_id for position_id, _ in self.staff} | set(self.providers)

    def covered(self, blocks: int) -> int:
        """Blocks covered: all of them by a guarding contractor, else one per whole FTE."""
        if self.providers:
            return blocks
        return min(blocks, math.floor(self.fte + _FTE_TOLERANCE))


NO_ARRANGEMENT = Arrangement((), ())


@dataclass(frozen=True, slots=True)
class GuardingSide:
    """An ensemble as one scenario has it: the blocks the law asks for (0 when not subject) and
    who guards it."""

    name: str
    dwellings: int
    blocks: int
    arrangement: Arrangement

    @property
    def covered(self) -> int:
        return self.arrangement.covered(self.blocks)


def guarding_side(status: GuardingStatus, positions: Mapping[str, Position]) -> GuardingSide:
    return GuardingSide(
        name=status.site.name,
        dwellings=status.site.dwellings,
        blocks=status.blocks_required if status.applies else 0,
        arrangement=Arrangement(tuple((i, positions[i].fte) for i in sorted(status.staff)),
                                tuple(sorted(status.guarding_providers))),
    )


@dataclass(frozen=True, slots=True)
class GuardingNotice:
    agency: str
    site: str
    before: GuardingSide | None  # None: the ensemble is not in that scenario
    after: GuardingSide | None
    message: Label

    @property
    def still_covered(self) -> int:
        return _kept_and_lost(self.before, self.after)[0]

    @property
    def no_longer_covered(self) -> int:
        return _kept_and_lost(self.before, self.after)[1]


def _covered(side: GuardingSide | None) -> int:
    return side.covered if side is not None else 0


def _kept_and_lost(before: GuardingSide | None, after: GuardingSide | None) -> tuple[int, int]:
    """Blocks covered before that are still covered after, and those no longer covered."""
    kept = min(_covered(before), _covered(after))
    return kept, _covered(before) - kept


def _blocks_of(side: GuardingSide | None) -> int:
    return side.blocks if side is not None else 0


def guarding_notice(agency_id: str, agency_name: str, site_id: str, before: GuardingSide | None,
                    after: GuardingSide | None, block_size: int) -> GuardingNotice | None:
    """A notice when the ensemble is subject to the obligation on either side and who guards it
    changed; None otherwise."""
    if not any(side is not None and side.blocks > 0 for side in (before, after)):
        return None
    old = before.arrangement if before is not None else NO_ARRANGEMENT
    new = after.arrangement if after is not None else NO_ARRANGEMENT
    if old == new:
        return None
    message = Label(*(_message(agency_name, before, after, block_size, lang) for lang in ("fr", "en")))
    return GuardingNotice(agency_id, site_id, before, after, message)


def _message(agency_name: str, before: GuardingSide | None, after: GuardingSide | None, block_size: int,
             lang: Lang) -> str:
    fr = lang == "fr"
    old = before.arrangement if before is not None else NO_ARRANGEMENT
    new = after.arrangement if after is not None else NO_ARRANGEMENT
    side = after or before
    assert side is not None
    removed, added = sorted(old.posts() - new.posts()), sorted(new.posts() - old.posts())
    posts = []
    if removed:
        posts.append(("retirés : " if fr else "removed: ") + ", ".join(removed))
    if added:
        posts.append(("ajoutés : " if fr else "added: ") + ", ".join(added))
    head = (f"{agency_name}, ensemble {side.name} ({number(side.dwellings, lang)} logements) : le gardiennage "
            f"change, de {_describe(old, lang)} à {_describe(new, lang)}" if fr else
            f"{agency_name}, ensemble {side.name} ({number(side.dwellings, lang)} dwellings): the guarding "
            f"changes from {_describe(old, lang)} to {_describe(new, lang)}")
    if posts:
        head += f" ({' ; '.join(posts) if fr else '; '.join(posts)})"
    return f"{head}. {_blocks(before, after, block_size, lang)} " + (
        "Ce changement doit être soumis au conseil de concertation locative (CSI R271-3)." if fr else
        "The change must be put to the tenant consultation council (CSI R271-3).")


def _describe(arrangement: Arrangement, lang: Lang) -> str:
    fr = lang == "fr"
    parts = []
    if arrangement.staff:
        parts.append(f"{number(arrangement.fte, lang)} " + (
            "ETP de gardiens et employés d'immeuble" if fr else "FTE of caretakers and building attendants"))
    if arrangement.providers:
        parts.append(("un prestataire de gardiennage (" if fr else "a guarding contractor (")
                     + ", ".join(arrangement.providers) + ")")
    if not parts:
        return "aucun gardien" if fr else "no one"
    return (" et " if fr else " and ").join(parts)


def _blocks(before: GuardingSide | None, after: GuardingSide | None, block_size: int, lang: Lang) -> str:
    fr = lang == "fr"
    before_covered, after_covered = _covered(before), _covered(after)
    unit = f"{number(block_size, lang)} logements" if fr else f"{number(block_size, lang)} dwellings"
    text = (f"Tranches de {unit} couvertes : {before_covered} sur {_blocks_of(before)} avant, "
            f"{after_covered} sur {_blocks_of(after)} après" if fr else
            f"Blocks of {unit} covered: {before_covered} of {_blocks_of(before)} before, "
            f"{after_covered} of {_blocks_of(after)} after")
    kept, lost = _kept_and_lost(before, after)
    if lost:
        text += (f" ; {lost} {'tranche n’est plus couverte' if lost == 1 else 'tranches ne sont plus couvertes'}"
                 if fr else f"; {lost} {'block is' if lost == 1 else 'blocks are'} no longer covered")
    elif after_covered > kept:
        gained = after_covered - kept
        text += (f" ; {gained} {'tranche de plus est couverte' if gained == 1 else 'tranches de plus sont couvertes'}"
                 if fr else f"; {gained} more {'block is' if gained == 1 else 'blocks are'} covered")
    elif kept:
        stays = (("la tranche couverte le reste" if kept == 1 else f"les {kept} tranches couvertes le restent")
                 if fr else ("the covered block stays covered" if kept == 1 else
                             f"the {kept} covered blocks stay covered"))
        text += f" ; {stays}" if fr else f"; {stays}"
    return text + "."
