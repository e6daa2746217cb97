"""What the NHS.UK field partials (templates/includes/fields/) draw a choice from: the
directory's filters and the navigator's questions both build these."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    """One radio, checkbox or select option."""

    id: str
    value: str
    label: str
    checked: bool
    hint: str = ""
    divider_before: bool = False
