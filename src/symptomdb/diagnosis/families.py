"""Look-alike forms among the ranked conditions: numbered forms of one named condition.

Many rare conditions come in numbered forms that share their features and differ by the gene involved
(long QT syndrome 1, 2, … 15; Kabuki syndrome 1 and 2). A list of findings rarely separates them, so a
differential that ranks several of them says so instead of implying that their order is meaningful
(held out, about a third of the engine's rank 2-10 errors are such a pair: `benchmarks/diagnosis-errors.py`).

Only what the data states is used: the conditions' names (forms whose names differ only by their
numbers, letters and "type" words) and HPO's gene links for each of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pydantic import BaseModel

# Trailing subtype designators: "15", "2JJ", "type 1A", "type IV", "II"; several may follow each other.
_DESIGNATORS = re.compile(
    r"(?:[\s,]+(?:types?\s+[a-z0-9]{1,4}|\d+[a-z]{0,3}|(?:i{1,3}|iv|vi{0,3}|ix|xi{0,2})[a-z]?))+\s*$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[\s,;:()/-]+")
# Numbered names that are not forms of one condition (trisomy 13 / 18 / 21, chromosome 7q deletion …)
_NOT_FORMS = re.compile(r"\b(?:trisomy|monosomy|tetrasomy|chromosome|deletion|duplication|ring)\b", re.I)


class LookAlikeGroup(BaseModel):
    name: str  # the name the forms share, e.g. "Long QT syndrome"
    ranks: list[int]  # their positions in the differential
    genes: dict[int, list[str]]  # rank -> the genes HPO links to that form
    note: str  # one plain sentence for readers


def family_key(name: str) -> str | None:
    """The name without its trailing subtype designators, or None when it has none ("Kabuki syndrome 2"
    -> "kabuki syndrome"; "Dravet syndrome" -> None; "Trisomy 21" -> None)."""
    stripped = _DESIGNATORS.sub("", name)
    if stripped == name or not stripped.strip() or _NOT_FORMS.search(name):
        return None
    return _SEPARATORS.sub(" ", stripped.lower()).strip()


def look_alike_groups(
    ranked: Sequence[tuple[int, str, str]], genes_of: Callable[[str], list[str]]
) -> list[LookAlikeGroup]:
    """Groups of two or more (rank, condition id, name) whose names differ only by subtype designators,
    in the order of their best rank."""
    members: dict[str, list[tuple[int, str, str]]] = {}
    for rank, condition_id, name in ranked:
        key = family_key(name)
        if key is not None:
            members.setdefault(key, []).append((rank, condition_id, name))
    groups = []
    for forms in members.values():
        if len(forms) < 2 or len({name.lower() for _, _, name in forms}) < 2:
            continue
        shared = _shared_name(forms[0][2])
        genes = {rank: sorted(set(genes_of(condition_id))) for rank, condition_id, _ in forms}
        ranks = [r for r, _, _ in forms]
        groups.append(LookAlikeGroup(name=shared, ranks=ranks, genes=genes, note=_note(shared, genes)))
    return sorted(groups, key=lambda g: g.ranks[0])


def _shared_name(name: str) -> str:
    """ "Long QT syndrome 15" -> "Long QT syndrome" (the form's own words without its designators)."""
    return _DESIGNATORS.sub("", name).strip(" ,;-")


def _note(shared: str, genes: dict[int, list[str]]) -> str:
    ranks = sorted(genes)
    listed = ", ".join(str(r) for r in ranks[:-1]) + f" and {ranks[-1]}"
    sentence = f"Ranks {listed} are numbered forms of {shared}."
    known = [f"{', '.join(g)} (rank {r})" for r, g in sorted(genes.items()) if g]
    if len({tuple(g) for g in genes.values() if g}) > 1:
        sentence += f" HPO records different genes for them: {'; '.join(known)}."
    return sentence + (
        " Where such forms look alike, a list of symptoms cannot tell them apart, and their order here "
        "says little."
    )
