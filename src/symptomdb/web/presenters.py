"""Turn service results into what a page shows: meta descriptions, schema.org JSON-LD, name lists.

Formatting only; every fact comes from the answer / symptom services unchanged.
"""

from __future__ import annotations

from typing import Any

from symptomdb.knowledge.answer import ConditionAnswer, frequent_symptoms
from symptomdb.knowledge.symptoms import SymptomInfo
from symptomdb.web.site import condition_path, symptom_path


def other_names(a: ConditionAnswer) -> list[str]:
    seen = {a.name.casefold()}
    names = []
    for n in a.overview.names:
        if n.name.casefold() not in seen:
            seen.add(n.name.casefold())
            names.append(n.name)
    return names


def _top_symptoms(a: ConditionAnswer, count: int) -> list[str]:
    ranked = sorted(
        (s for g in a.symptoms.groups for s in g.symptoms),
        key=lambda s: -(s.frequency if s.frequency is not None else -1.0),
    )
    return [s.plain_name for s in ranked[:count]]


def condition_description(a: ConditionAnswer) -> str:
    release = next((r for r in a.sources if r.source == "hpo"), None)
    parts = [f"{a.name} ({a.id}): symptoms, how often they occur, diagnosis, treatment and sources."]
    top = _top_symptoms(a, 4)
    if top:
        parts.append(f"{a.symptoms.count} features recorded, including {', '.join(top).lower()}.")
    if release:
        parts.append(f"HPO release {release.version}.")
    return " ".join(parts)[:300]


def condition_jsonld(a: ConditionAnswer) -> dict[str, Any]:
    def code(identifier: str) -> dict[str, str]:
        system, _, value = identifier.partition(":")
        return {"@type": "MedicalCode", "codeValue": value, "codingSystem": system}

    signs = list(frequent_symptoms(a)) or [s for g in a.symptoms.groups for s in g.symptoms][:30]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalCondition",
        "name": a.name,
        "url": condition_path(a.id, a.slug),
        "description": condition_description(a),
        "code": [code(a.id), *(code(e) for e in a.overview.equivalent_ids)],
        "signOrSymptom": [
            {"@type": "MedicalSignOrSymptom", "name": s.plain_name, "code": code(s.hpo_id)}
            for s in signs[:40]
        ],
    }
    names = other_names(a)
    if names:
        data["alternateName"] = names
    same_as = [x.url for x in a.overview.xrefs if x.url]
    if same_as:
        data["sameAs"] = same_as
    return data


def symptom_description(s: SymptomInfo) -> str:
    text = (
        f"{s.plain_name} ({s.name}, {s.id})"
        if s.plain_name.casefold() != s.name.casefold()
        else f"{s.name} ({s.id})"
    )
    definition = f" {s.definition}" if s.definition else ""
    return f"{text}: what it means and the {s.frequent_total} conditions where it is frequent.{definition}"[
        :300
    ]


def symptom_jsonld(s: SymptomInfo) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalSignOrSymptom",
        "name": s.plain_name,
        "url": symptom_path(s.id, s.slug),
        "code": {"@type": "MedicalCode", "codeValue": s.id.partition(":")[2], "codingSystem": "HPO"},
    }
    names = [n.text for n in s.synonyms if n.text.casefold() != s.plain_name.casefold()]
    if s.name.casefold() != s.plain_name.casefold():
        names.insert(0, s.name)
    if names:
        data["alternateName"] = names
    if s.definition:
        data["description"] = s.definition
    return data
