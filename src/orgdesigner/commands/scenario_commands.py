"""Edits of a scenario as a whole rather than of one position or agency: its parameters (domain.md §10).

The checks here are the JSON reader's (`io.scenario_json`): an edit the reader would refuse must
not be done, or the user could save a project that no longer opens. The parameters dialog shows
the same messages, so that the dialog and the command cannot disagree on what is allowed.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from orgdesigner.commands.base import Command
from orgdesigner.model.chart import Chart, ChartError
from orgdesigner.model.labels import Label, bilingual_number
from orgdesigner.model.parameters import PARAMETER_CHOICES, PARAMETER_NAMES, Parameters

PARAMETER_MINIMUM: Final[Mapping[str, int]] = MappingProxyType({"gardiennage_dwellings_per_fte": 1})
PARAMETER_MAXIMUM: Final = 10**9  # the reader's cap on every count
_MAXIMUM_TEXT: Final = bilingual_number(PARAMETER_MAXIMUM)


def parameter_problems(parameters: Mapping[str, object]) -> tuple[Label, ...]:
    """What the reader would refuse in a scenario's overrides, in both languages; empty when none."""
    problems: list[Label] = []
    for name, value in parameters.items():
        if name not in PARAMETER_NAMES:
            problems.append(Label(f"Paramètre inconnu : {name}.", f"Unknown parameter: {name}."))
        elif name in PARAMETER_CHOICES:
            choices = PARAMETER_CHOICES[name]
            if value not in choices:
                listed = ", ".join(choices)
                problems.append(Label(f"{name} doit valoir {listed} (et non {value!r}).",
                                      f"{name} must be one of {listed} (not {value!r})."))
        else:
            minimum = PARAMETER_MINIMUM.get(name, 0)
            if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= PARAMETER_MAXIMUM:
                problems.append(Label(f"{name} doit être un nombre entier de {minimum} à {_MAXIMUM_TEXT.fr}.",
                                      f"{name} must be a whole number from {minimum} to {_MAXIMUM_TEXT.en}."))
    if problems:
        return tuple(problems)
    merged = Parameters.with_overrides(parameters)
    below, upto, above = merged.model1_below, merged.model2_upto, merged.model3_above
    if below > upto + 1:
        problems.append(Label(
            f"Le modèle 1 (effectif inférieur à {below}) empiète sur le modèle 2 (jusqu'à {upto}) : "
            f"model1_below doit valoir au plus {upto + 1}, ou relevez model2_upto.",
            f"Model 1 (headcount below {below}) overlaps model 2 (up to {upto}): model1_below must be "
            f"at most {upto + 1}, or raise model2_upto.",
        ))
    if upto > above:
        problems.append(Label(
            f"Le modèle 2 (jusqu'à {upto}) empiète sur le modèle 3 (au-delà de {above}) : model2_upto "
            f"doit valoir au plus {above}, ou relevez model3_above.",
            f"Model 2 (up to {upto}) overlaps model 3 (above {above}): model2_upto must be at most "
            f"{above}, or raise model3_above.",
        ))
    return tuple(problems)


class EditParameters(Command):
    """Replaces a scenario's parameter overrides with new ones: one dialog accepted, one undo step.

    The overrides are stored as given (names absent take their defaults), which is how the reader
    and the writer hold them, so a saved and reopened scenario compares equal.
    """

    def __init__(self, chart: Chart, parameters: Mapping[str, object]) -> None:
        self._chart = chart
        self._new: Mapping[str, object] = MappingProxyType(dict(parameters))
        self._old: Mapping[str, object] | None = None
        self._text = _describe(chart.parameters, self._new)

    @property
    def text(self) -> Label:
        return self._text

    def redo(self) -> None:
        problems = parameter_problems(self._new)
        if problems:
            raise ChartError(" ".join(problem.en for problem in problems))
        self._text = _describe(self._chart.parameters, self._new)
        self._old = self._chart.replace_parameters(self._new)

    def undo(self) -> None:
        assert self._old is not None, "undo before redo"
        self._chart.replace_parameters(self._old)


def _describe(old: Mapping[str, object], new: Mapping[str, object]) -> Label:
    """Names the parameters whose value in force changes, in report order, as reports name them."""
    before, after = Parameters.with_overrides(old).as_dict(), _in_force(new)
    changed = [name for name in PARAMETER_NAMES if before[name] != after.get(name)]
    if not changed:
        return Label("Modifier les paramètres", "Edit the parameters")
    names = ", ".join(changed)
    return Label(f"Modifier les paramètres : {names}", f"Edit the parameters: {names}")


def _in_force(parameters: Mapping[str, object]) -> dict[str, object]:
    """The values in force, or nothing to compare when the overrides are not valid (redo refuses them)."""
    return {} if parameter_problems(parameters) else Parameters.with_overrides(parameters).as_dict()
