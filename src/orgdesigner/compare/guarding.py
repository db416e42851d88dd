"""The notice a change of guarding arrangement calls for (domain.md §5b, CSI R271-3).

Any change to who guards an ensemble subject to the obligation — the caretakers and building
attendants assigned to it, their FTE, or a contractor declared as providing the guarding — must be
put to the tenant consultation council. The notice says so, and counts the blocks of dwellings
still covered and no longer covered, which is what the council will ask; when the ensemble leaves
the obligation or the scenario, or enters it, it says that instead.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from orgdesigner.model.entities import Position
from orgdesigner.model.labels import Label, Lang, counted, number
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
    """An ensemble as one scenario has it: whether the obligation applies, the blocks it asks for
    (of `block_size` dwellings, that scenario's parameter) and who guards it, with their names."""

    name: str
    dwellings: int
    subject: bool
    blocks: int
    block_size: int
    arrangement: Arrangement
    names: Mapping[str, Label]  # post id → how the notice names it

    @property
    def covered(self) -> int:
        return self.arrangement.covered(self.blocks) if self.subject else 0


def guarding_side(status: GuardingStatus, positions: Mapping[str, Position], block_size: int) -> GuardingSide:
    posts = (*status.staff, *status.guarding_providers)
    return GuardingSide(
        name=status.site.name,
        dwellings=status.site.dwellings,
        subject=status.applies,
        blocks=status.blocks_required if status.applies else 0,
        block_size=block_size,
        arrangement=Arrangement(tuple((i, positions[i].fte) for i in sorted(status.staff)),
                                tuple(sorted(status.guarding_providers))),
        names={i: Label(positions[i].display_name("fr"), positions[i].display_name("en")) for i in posts},
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
        """Blocks covered before and after, when the obligation applies on both sides."""
        return _kept_and_lost(self.before, self.after)[0]

    @property
    def no_longer_covered(self) -> int:
        """Blocks covered before and not after, the obligation still applying: what the council
        will want answered. An ensemble that leaves the obligation or the scenario loses none."""
        return _kept_and_lost(self.before, self.after)[1]


def _kept_and_lost(before: GuardingSide | None, after: GuardingSide | None) -> tuple[int, int]:
    if before is None or after is None or not (before.subject and after.subject):
        return 0, 0
    kept = min(before.covered, after.covered)
    return kept, before.covered - kept


def guarding_notice(agency_id: str, agency_name: str, site_id: str, before: GuardingSide | None,
                    after: GuardingSide | None) -> GuardingNotice | None:
    """A notice when the ensemble is subject to the obligation on either side and who guards it
    changed; None otherwise."""
    if not any(side is not None and side.subject for side in (before, after)):
        return None
    old = before.arrangement if before is not None else NO_ARRANGEMENT
    new = after.arrangement if after is not None else NO_ARRANGEMENT
    if old == new:
        return None
    message = Label(*(_message(agency_name, before, after, lang) for lang in ("fr", "en")))
    return GuardingNotice(agency_id, site_id, before, after, message)


def _message(agency_name: str, before: GuardingSide | None, after: GuardingSide | None, lang: Lang) -> str:
    fr = lang == "fr"
    old = before.arrangement if before is not None else NO_ARRANGEMENT
    new = after.arrangement if after is not None else NO_ARRANGEMENT
    side = after or before
    assert side is not None
    dwellings = number(side.dwellings, lang)
    if before is not None and after is not None and before.dwellings != after.dwellings:
        dwellings = f"{number(before.dwellings, lang)} → {number(after.dwellings, lang)}"
    names = {**(before.names if before else {}), **(after.names if after else {})}
    gone = [names[i].in_(lang) for i in sorted(old.posts() - new.posts())]
    come = [names[i].in_(lang) for i in sorted(new.posts() - old.posts())]
    posts = []
    if gone:
        posts.append(("ne gardent plus : " if fr else "no longer guarding: ") + ", ".join(gone))
    if come:
        posts.append(("gardent désormais : " if fr else "now guarding: ") + ", ".join(come))
    detail = f" ({' ; '.join(posts) if fr else '; '.join(posts)})" if posts else ""
    head = (f"{agency_name}, ensemble {side.name} ({dwellings} logements) — gardiennage avant : "
            f"{_describe(old, lang)} ; après : {_describe(new, lang)}{detail}." if fr else
            f"{agency_name}, estate {side.name} ({dwellings} dwellings) — guarding before: "
            f"{_describe(old, lang)}; after: {_describe(new, lang)}{detail}.")
    council = ("Ce changement doit être soumis au conseil de concertation locative (CSI R271-3)." if fr else
               "The change must be put to the tenant consultation council (CSI R271-3).")
    return f"{head} {_blocks(before, after, lang)} {council}"


def _describe(arrangement: Arrangement, lang: Lang) -> str:
    fr = lang == "fr"
    parts = []
    if arrangement.staff:
        parts.append(f"{number(arrangement.fte, lang)} " + (
            "ETP de gardiens et employés d'immeuble" if fr else "FTE of caretakers and building attendants"))
    if arrangement.providers:
        parts.append("un prestataire de gardiennage" if fr else "a guarding contractor")
    if not parts:
        return "personne" if fr else "no one"
    return (" et " if fr else " and ").join(parts)


_BLOCK = (Label("tranche", "block"), Label("tranches", "blocks"))


def _blocks(before: GuardingSide | None, after: GuardingSide | None, lang: Lang) -> str:
    """What happens to the blocks the law counts."""
    fr = lang == "fr"
    if after is None or not after.subject:
        assert before is not None
        why = ("L'ensemble ne figure plus dans la cible" if after is None else
               "L'ensemble n'est plus soumis à l'obligation (moins de 100 logements ou hors zone)") if fr else (
               "The estate is no longer in the target" if after is None else
               "The estate is no longer subject to the obligation (under 100 dwellings or outside the zone)")
        return (f"{why} ; {_block_words(before, lang)} couvertes avant : {before.covered} sur {before.blocks}."
                if fr else f"{why}; {_block_words(before, lang)} covered before: {before.covered} of {before.blocks}.")
    if before is None or not before.subject:
        why = ("L'ensemble est nouveau dans la cible" if before is None else
               "L'ensemble devient soumis à l'obligation") if fr else (
               "The estate is new in the target" if before is None else
               "The estate becomes subject to the obligation")
        return (f"{why} ; {_block_words(after, lang)} couvertes : {after.covered} sur {after.blocks}." if fr else
                f"{why}; {_block_words(after, lang)} covered: {after.covered} of {after.blocks}.")
    if before.block_size == after.block_size:
        text = (f"{_block_words(after, lang).capitalize()} couvertes : {before.covered} sur {before.blocks} "
                f"avant, {after.covered} sur {after.blocks} après" if fr else
                f"{_block_words(after, lang).capitalize()} covered: {before.covered} of {before.blocks} before, "
                f"{after.covered} of {after.blocks} after")
    else:
        text = (f"Tranches couvertes : {before.covered} sur {before.blocks} ({_block_words(before, lang)}) avant, "
                f"{after.covered} sur {after.blocks} ({_block_words(after, lang)}) après" if fr else
                f"Blocks covered: {before.covered} of {before.blocks} ({_block_words(before, lang)}) before, "
                f"{after.covered} of {after.blocks} ({_block_words(after, lang)}) after")
    kept, lost = _kept_and_lost(before, after)
    if lost:
        text += (f" ; {counted(lost, *_BLOCK, lang)} " + ("n'est plus couverte" if lost == 1 else
                 "ne sont plus couvertes") if fr else
                 f"; {counted(lost, *_BLOCK, lang)} {'is' if lost == 1 else 'are'} no longer covered")
    elif after.covered > kept:
        gained = after.covered - kept
        text += (f" ; {counted(gained, *_BLOCK, lang)} de plus " + ("est couverte" if gained == 1 else
                 "sont couvertes") if fr else
                 f"; {gained} more {'block is' if gained == 1 else 'blocks are'} covered")
    elif kept:
        text += (" ; " + ("la tranche couverte le reste" if kept == 1 else
                          f"les {kept} tranches couvertes le restent") if fr else
                 "; " + ("the covered block stays covered" if kept == 1 else
                         f"the {kept} covered blocks stay covered"))
    return text + "."


def _block_words(side: GuardingSide, lang: Lang) -> str:
    size = number(side.block_size, lang)
    return f"tranches de {size} logements" if lang == "fr" else f"blocks of {size} dwellings"
