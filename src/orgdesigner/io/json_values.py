"""How a JSON reader names a value in a problem it reports: shared by the scenario reader and the
clipboard's fragment reader, so both speak of a bad value the same way."""

from __future__ import annotations


def quoted(value: object) -> str:
    """A value as a problem quotes it, cut short: a 300-digit number helps no one."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return {dict: "an object", list: "a list", str: "text", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)
