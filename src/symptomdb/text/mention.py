"""``Mention``: one HPO term found in a text, the annotator's output."""

from __future__ import annotations

from pydantic import BaseModel


class Mention(BaseModel):
    """One HPO term found in a text, with its character span (``text[start:end] == mention.text``)."""

    hpo_id: str
    label: str
    start: int
    end: int
    text: str
    excluded: bool = False  # stated as absent ("no fever")
    family: bool = False  # about a relative ("his father has epilepsy"), not the patient
    uncertain: bool = False  # possible, suspected or to be ruled out; still reported as not excluded
