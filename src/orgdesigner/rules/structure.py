"""Structure rules (domain.md §9, `structure.*`): the chart must be a sound hierarchy."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from itertools import chain

import networkx as nx

from orgdesigner.model import queries
from orgdesigner.model.catalogue import SECTOR_MANAGER_ROLE
from orgdesigner.model.chart import LINK_TYPE_ORDER, Chart
from orgdesigner.model.labels import Label
from orgdesigner.rules.context import Scope
from orgdesigner.rules.findings import Finding


def cycle(chart: Chart) -> Iterator[Finding]:
    """§9 structure.cycle: each set of positions that manage each other in a circle, once.

    Strongly connected components find every cycle in linear time, where listing simple cycles
    could take exponential time on a badly broken chart. They run only on the positions left once
    those that cannot be on a cycle are peeled off (`_cycle_candidates`): usually none."""
    line = chart.graph("line")
    candidates = _cycle_candidates(line)
    if not candidates:
        return
    order = {p.id: i for i, p in enumerate(chart.positions()) if p.id in candidates}
    components = [
        sorted(c, key=order.__getitem__)
        for c in nx.strongly_connected_components(line.subgraph(candidates))
        if len(c) > 1
    ]
    for members in sorted(components, key=lambda c: order[c[0]]):
        agencies = {chart.position(p).agency for p in members}
        names = Label(
            ", ".join(chart.position(p).display_name("fr") for p in members),
            ", ".join(chart.position(p).display_name("en") for p in members),
        )
        yield Finding(
            "structure.cycle", "error", agencies.pop() if len(agencies) == 1 else None, tuple(members),
            Label(
                f"Ces postes se managent en boucle : {names.fr}. Une ligne hiérarchique doit remonter "
                "jusqu'à un responsable sans jamais revenir sur elle-même. Supprimez ou inversez l'un "
                "des liens hiérarchiques de la boucle.",
                f"These positions manage each other in a loop: {names.en}. A reporting line must lead "
                "up to a top manager without coming back on itself. Remove or reverse one of the "
                "hierarchical links in the loop.",
            ),
        )


def _cycle_candidates(line: nx.DiGraph) -> set[str]:
    """The positions that may be on a cycle: what is left once every position with no manager left
    is peeled off, again and again (Kahn), then every one with no report left. A position on a cycle
    always keeps a manager and a report on it, so it is never peeled; a sound chart peels whole.
    Linear, over plain dicts of the adjacency (no networkx view per position), a whole level of the
    chart at a time."""
    succ: dict[str, dict[str, object]] = dict(line.adjacency())
    pred: dict[str, dict[str, object]] = dict(line.reverse(copy=False).adjacency())
    level = [n for n, above in pred.items() if not above]
    # A position with several managers (an error of its own) waits for the last; counted only when
    # there is one, that is when there are more lines than positions with a manager.
    waiting = ({n: len(above) for n, above in pred.items() if len(above) > 1}
               if sum(map(len, pred.values())) > len(pred) - len(level) else {})
    peeled: list[list[str]] = []
    while level:
        peeled.append(level)
        below = list(chain.from_iterable(map(succ.__getitem__, level)))
        if waiting and not waiting.keys().isdisjoint(below):
            level = []
            for n in below:
                left = waiting.pop(n, 1) - 1
                if left:
                    waiting[n] = left
                else:
                    level.append(n)
        else:
            level = below
    if sum(map(len, peeled)) == len(pred):
        return set()
    candidates = set(pred).difference(*peeled)
    # Below a cycle, whole teams keep their manager: peel them off from the bottom. Every report of a
    # position left is left too (its manager was never peeled).
    reports_left = {n: len(succ[n]) for n in candidates}
    bottom = [n for n, left in reports_left.items() if not left]
    while bottom:
        candidates.discard(n := bottom.pop())
        for above in pred[n]:
            if above in candidates:
                left = reports_left[above] - 1
                reports_left[above] = left
                if not left:
                    bottom.append(above)
    return candidates


def cycle_unchanged(chart: Chart, touched: Collection[str], previous: Sequence[Finding]) -> bool:
    """Whether an edit that touched these positions (the chart as it stands after it) leaves the
    cycle findings `previous` as they were, so that `LiveReport` may keep them: true when no
    position of a previous cycle was touched and no touched position is on a cycle now.

    Why it holds: an edit adds or removes only links whose both ends it touched, and positions it
    touched. A cycle now that goes through no touched position was there before; a cycle before went
    through no touched position, so it is still there, its positions unchanged and in the same
    relative order (positions are only inserted and removed). So the cycles, their members, names
    and agencies, and the order they are reported in, are the same."""
    if any(p in touched for finding in previous for p in finding.positions):
        return False
    line = chart.graph("line")
    return not any(chart.has_position(p) and _on_cycle(line, p) for p in touched)


def _on_cycle(line: nx.DiGraph, position_id: str) -> bool:
    """Whether a position manages itself through a chain of line managers: a walk up its reporting
    lines, the length of its chain in a sound chart."""
    seen = {position_id}
    walk = [position_id]
    while walk:
        for above in line.predecessors(walk.pop()):
            if above == position_id:
                return True
            if above not in seen:
                seen.add(above)
                walk.append(above)
    return False


def multiple_managers(scope: Scope) -> Iterator[Finding]:
    """§9 structure.multiple-managers: a position has one hierarchical manager at most."""
    for position in scope.positions:
        above = queries.managers(scope.chart, position.id)
        if len(above) > 1:
            names = scope.names(above)
            yield Finding(
                "structure.multiple-managers", "error", scope.agency_id, (position.id, *above),
                Label(
                    f"{position.display_name('fr')} a {len(above)} responsables hiérarchiques "
                    f"({names.fr}). Chaque poste a un seul responsable hiérarchique ; gardez-en un et "
                    "changez les autres en liens fonctionnels (pointillés).",
                    f"{position.display_name('en')} has {len(above)} hierarchical managers ({names.en}). "
                    "Each position has a single line manager; keep one and turn the others into "
                    "functional (dotted) links.",
                ),
                subject=position.id,
            )


def no_head(scope: Scope) -> Iterator[Finding]:
    """§9 structure.no-head: every agency has an agency head."""
    if scope.agency is not None and not scope.heads:
        name = scope.agency.name
        yield Finding(
            "structure.no-head", "error", scope.agency_id, (),
            Label(
                f"L'agence « {name} » n'a pas de responsable d'agence. Tous les modèles de management "
                "d'agence reposent sur un responsable d'agence : ajoutez un poste « Responsable "
                "d'agence » (même vacant).",
                f"Agency '{name}' has no agency manager. Every agency management model rests on one: "
                "add an 'Agency manager' position (even vacant).",
            ),
        )


def multiple_heads(scope: Scope) -> Iterator[Finding]:
    """§9 structure.multiple-heads: an agency has one head at most."""
    if scope.agency is not None and len(scope.heads) > 1:
        ids = tuple(p.id for p in scope.heads)
        names = scope.names(ids)
        yield Finding(
            "structure.multiple-heads", "error", scope.agency_id, ids,
            Label(
                f"L'agence « {scope.agency.name} » a {len(ids)} responsables d'agence ({names.fr}). Une "
                "agence a un seul responsable ; changez le rôle des autres (adjoint, par exemple) ou "
                "déplacez-les dans une autre agence.",
                f"Agency '{scope.agency.name}' has {len(ids)} agency managers ({names.en}). An agency "
                "has a single manager; change the others' role (to a deputy, say) or move them to "
                "another agency.",
            ),
            subject="",
        )


def provider_link(scope: Scope) -> Iterator[Finding]:
    """§9 structure.provider-link: a provider is a contract, never a manager nor managed (§2)."""
    chart = scope.chart
    for provider in scope.with_role("provider"):
        for link_type in LINK_TYPE_ORDER:
            for target in chart.graph(link_type).successors(provider.id):
                yield Finding(
                    "structure.provider-link", "error", scope.agency_id, (provider.id, target),
                    Label(
                        f"{provider.display_name('fr')} encadre "
                        f"{chart.position(target).display_name('fr')}. Un prestataire est un contrat, "
                        "pas une personne : il ne manage ni ne pilote personne. Rattachez ce poste à "
                        "un responsable salarié.",
                        f"{provider.display_name('en')} manages "
                        f"{chart.position(target).display_name('en')}. A contractor is a contract, not "
                        "a person: it manages and pilots no one. Attach this position to a staff "
                        "manager.",
                    ),
                )
        for link_type in LINK_TYPE_ORDER[:2]:
            for source in chart.graph(link_type).predecessors(provider.id):
                yield Finding(
                    "structure.provider-link", "error", scope.agency_id, (provider.id, source),
                    Label(
                        f"{provider.display_name('fr')} est relié à "
                        f"{chart.position(source).display_name('fr')} par un lien hiérarchique ou "
                        "fonctionnel. Un prestataire n'est pas un salarié : il est piloté par un lien "
                        "« contrat ». Changez le type du lien en contrat.",
                        f"{provider.display_name('en')} is linked to "
                        f"{chart.position(source).display_name('en')} by a hierarchical or functional "
                        "line. A contractor is not staff: it is piloted through a 'contract' link. "
                        "Change the link's type to contract.",
                    ),
                )


def orphan(scope: Scope) -> Iterator[Finding]:
    """§9 structure.orphan: agency staff other than the head report to someone."""
    if scope.agency is None:
        return
    graph = scope.chart.graph("line")
    for position in scope.positions:
        if position.is_provider or position.role == "agency_head" or graph.in_degree(position.id):
            continue
        yield Finding(
            "structure.orphan", "warning", scope.agency_id, (position.id,),
            Label(
                f"{position.display_name('fr')} n'a pas de responsable hiérarchique. Dans une agence, "
                "chaque poste hors responsable d'agence est rattaché à un manager. Reliez-le à son "
                "responsable.",
                f"{position.display_name('en')} has no line manager. In an agency, every position but "
                "the agency manager reports to someone. Link it to its manager.",
            ),
        )


def cross_agency(scope: Scope) -> Iterator[Finding]:
    """§9 structure.cross-agency: a line between two agencies (head office excepted)."""
    if scope.agency is None:
        return
    chart = scope.chart
    for position in scope.positions:
        for manager_id in chart.graph("line").predecessors(position.id):
            manager = chart.position(manager_id)
            if manager.agency is not None and manager.agency != position.agency:
                other = chart.agency(manager.agency)
                other_name = other.name if other else manager.agency
                yield Finding(
                    "structure.cross-agency", "warning", scope.agency_id, (position.id, manager_id),
                    Label(
                        f"{position.display_name('fr')} ({scope.agency.name}) est rattaché à "
                        f"{manager.display_name('fr')} de l'agence « {other_name} ». Une ligne "
                        "hiérarchique reste dans l'agence (le siège excepté). Rattachez le poste à un "
                        "manager de son agence, ou déplacez-le dans l'agence de son responsable.",
                        f"{position.display_name('en')} ({scope.agency.name}) reports to "
                        f"{manager.display_name('en')} of agency '{other_name}'. A reporting line stays "
                        "within its agency (head office excepted). Attach the position to a manager of "
                        "its agency, or move it to its manager's agency.",
                    ),
                )


def span(scope: Scope) -> Iterator[Finding]:
    """§9 structure.span: too many direct reports for one manager (a working assumption, §10)."""
    limit = scope.params.max_direct_reports
    for position in scope.positions:
        if position.role == SECTOR_MANAGER_ROLE or position.is_provider:  # a provider is no manager (§2)
            continue
        below = queries.reports(scope.chart, position.id)
        if len(below) > limit:
            plural = "s" if len(below) > 1 else ""
            yield Finding(
                "structure.span", "warning", scope.agency_id, (position.id,),
                Label(
                    f"{position.display_name('fr')} a {len(below)} collaborateur{plural} en direct, au-delà "
                    f"de {limit} (max_direct_reports, hypothèse de travail sans norme publiée). "
                    "Regroupez une partie de l'équipe sous un adjoint ou un responsable intermédiaire.",
                    f"{position.display_name('en')} has {len(below)} direct report{plural}, more than {limit} "
                    "(max_direct_reports, a working assumption with no published norm). Group part of "
                    "the team under a deputy or a team leader.",
                ),
            )


def single_report(scope: Scope) -> Iterator[Finding]:
    """§9 structure.single-report: a manager of one person is a layer worth questioning."""
    for position in scope.positions:
        if position.role == "agency_head" or position.is_provider:  # a provider is no manager (§2)
            continue
        below = queries.reports(scope.chart, position.id)
        if len(below) == 1:
            report = scope.chart.position(below[0])
            yield Finding(
                "structure.single-report", "info", scope.agency_id, (position.id, report.id),
                Label(
                    f"{position.display_name('fr')} n'encadre qu'une personne "
                    f"({report.display_name('fr')}). Un niveau hiérarchique pour un seul collaborateur "
                    "allonge la ligne sans élargir l'encadrement : envisagez de rattacher ce poste "
                    "plus haut ou de regrouper des équipes.",
                    f"{position.display_name('en')} manages a single person "
                    f"({report.display_name('en')}). A layer for one report lengthens the line without "
                    "widening management: consider attaching that post higher up or merging teams.",
                ),
            )
