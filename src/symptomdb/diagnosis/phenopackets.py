"""GA4GH Phenopacket v2 (JSON) input: a single file, a directory of them, or a ZIP of them.

`read_phenopackets` yields what ranking may use (observed and excluded HPO terms, sex, onset) and never
the diagnosis. `diagnosis_ids` reads the diagnosis (for benchmarks only), from
`interpretations[].diagnosis.disease.id` and `diseases[].term.id`. A malformed file gives a
`PhenopacketError` for that case; reading goes on with the next one.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 20 * 1024 * 1024
_PMID = re.compile(r"PMID[_:](\d+)", re.IGNORECASE)
_AGE = re.compile(
    r"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T.*)?$"
)


@dataclass(frozen=True)
class PhenopacketCase:
    """What the ranking may see of a phenopacket."""

    id: str
    present: tuple[str, ...]
    excluded: tuple[str, ...] = ()
    sex: str | None = None  # "male" / "female"
    onset: str | None = None  # an HPO onset term id or an ISO 8601 age such as "P2Y6M"
    source: str | None = None  # the publication (e.g. "PMID:12345678"), to hold out cases by paper
    location: str = ""  # file (or archive member) it came from


@dataclass(frozen=True)
class PhenopacketError:
    """A file that could not be read as a phenopacket."""

    id: str
    error: str
    location: str = ""


@dataclass(frozen=True)
class Document:
    """One JSON document from a phenopacket source (or why it could not be parsed)."""

    location: str
    data: dict[str, Any] | None = None
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def iter_documents(path: str | Path) -> Iterator[Document]:
    """JSON documents of a file, a directory (recursively, *.json) or a ZIP archive, in a stable order."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no such file or directory: {path}")
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*.json") if p.is_file()):
            yield _document(str(file.relative_to(path)), lambda file=file: file.read_bytes())
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                if info.is_dir() or not info.filename.lower().endswith(".json"):
                    continue
                if "__MACOSX/" in info.filename:
                    continue
                if info.file_size > MAX_FILE_BYTES:
                    yield Document(info.filename, error=f"file too large ({info.file_size:,} bytes)")
                    continue
                yield _document(info.filename, lambda info=info: archive.read(info))
    else:
        yield _document(path.name, path.read_bytes)


def _document(location: str, read: Any) -> Document:
    try:
        raw = read()
        if len(raw) > MAX_FILE_BYTES:
            return Document(location, error=f"file too large ({len(raw):,} bytes)")
        data = json.loads(raw)
    except (OSError, zipfile.BadZipFile) as error:
        return Document(location, error=f"cannot read: {error}")
    except UnicodeDecodeError:
        return Document(location, error="not UTF-8 text")
    except json.JSONDecodeError as error:
        return Document(
            location, error=f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        )
    if not isinstance(data, dict):
        return Document(location, error="not a phenopacket: the JSON is not an object")
    return Document(location, data=data)


def parse_case(document: Document) -> PhenopacketCase | PhenopacketError:
    """The observed/excluded terms, sex, onset and publication of one phenopacket (no diagnosis)."""
    fallback_id = Path(document.location).stem or document.location
    if document.data is None:
        return PhenopacketError(fallback_id, document.error or "unreadable", document.location)
    data = document.data
    raw_id = data.get("id")
    case_id = raw_id if isinstance(raw_id, str) and raw_id.strip() else fallback_id
    features = data.get("phenotypicFeatures")
    if features is None:
        return PhenopacketError(case_id, "no phenotypicFeatures", document.location)
    if not isinstance(features, list):
        return PhenopacketError(case_id, "phenotypicFeatures is not a list", document.location)
    present: list[str] = []
    excluded: list[str] = []
    onsets: list[str] = []
    for number, feature in enumerate(features, start=1):
        term = feature.get("type") if isinstance(feature, dict) else None
        term_id = term.get("id") if isinstance(term, dict) else None
        if not isinstance(term_id, str) or not term_id.strip():
            return PhenopacketError(
                case_id, f"phenotypicFeatures[{number}] has no type.id", document.location
            )
        if not term_id.strip().upper().startswith(("HP:", "HP_")):
            continue  # another ontology: not used for ranking
        if feature.get("excluded") is True:
            excluded.append(term_id.strip())
        else:
            present.append(term_id.strip())
            if onset := _onset(feature.get("onset")):
                onsets.append(onset)
    if not present and not excluded:
        return PhenopacketError(case_id, "no HPO phenotypic features", document.location)
    subject = _dict(data.get("subject"))
    sex = {"MALE": "male", "FEMALE": "female"}.get(str(subject.get("sex", "")).upper())
    # the age at onset of the illness may come with the disease entry; only its onset is read here
    for disease in data.get("diseases") or []:
        if isinstance(disease, dict) and (onset := _onset(disease.get("onset"))):
            onsets.append(onset)
    return PhenopacketCase(
        id=case_id,
        present=tuple(dict.fromkeys(present)),
        excluded=tuple(dict.fromkeys(excluded)),
        sex=sex,
        onset=_earliest(onsets),
        source=_source(data, case_id),
        location=document.location,
    )


def read_phenopackets(path: str | Path) -> Iterator[PhenopacketCase | PhenopacketError]:
    """Cases (or per-case errors) from a phenopacket file, directory or ZIP."""
    for document in iter_documents(path):
        yield parse_case(document)


def diagnosis_ids(document: Document) -> list[str]:
    """The diagnosed conditions of a phenopacket (for benchmarks; never used to rank)."""
    data = document.data or {}
    ids: list[str] = []
    for interpretation in data.get("interpretations") or []:
        disease = ((interpretation or {}).get("diagnosis") or {}).get("disease") or {}
        if isinstance(disease.get("id"), str):
            ids.append(disease["id"].strip())
    for disease in data.get("diseases") or []:
        term = (disease or {}).get("term") or {}
        if isinstance(term.get("id"), str) and not disease.get("excluded"):
            ids.append(term["id"].strip())
    return list(dict.fromkeys(ids))


def diagnosis_label(document: Document, condition_id: str) -> str | None:
    data = document.data or {}
    for interpretation in data.get("interpretations") or []:
        disease = ((interpretation or {}).get("diagnosis") or {}).get("disease") or {}
        if disease.get("id") == condition_id and isinstance(disease.get("label"), str):
            return str(disease["label"])
    for disease in data.get("diseases") or []:
        term = (disease or {}).get("term") or {}
        if term.get("id") == condition_id and isinstance(term.get("label"), str):
            return str(term["label"])
    return None


def _onset(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("ontologyClass"), dict) and isinstance(value["ontologyClass"].get("id"), str):
        return str(value["ontologyClass"]["id"])
    if isinstance(value.get("age"), dict) and isinstance(value["age"].get("iso8601duration"), str):
        return str(value["age"]["iso8601duration"])
    if isinstance(value.get("gestationalAge"), dict):
        return "HP:0030674"  # antenatal onset
    return None


def age_in_days(iso: str) -> float | None:
    """Days of an ISO 8601 duration such as 'P1Y6M' (None if it is not one)."""
    match = _AGE.match(iso.strip().upper())
    if not match or not any(match.groups()):
        return None
    years, months, weeks, days = (float(x) if x else 0.0 for x in match.groups())
    return years * 365.25 + months * 30.44 + weeks * 7 + days


def _earliest(onsets: list[str]) -> str | None:
    """The earliest onset: HPO terms by their order, ages by length; an HPO term wins over an age."""
    from symptomdb.diagnosis.model import ONSET_CLASSES

    order = {tid: i for i, (tid, _) in enumerate(ONSET_CLASSES)}
    terms = [o for o in onsets if o.upper().startswith("HP:")]
    if terms:
        return min(terms, key=lambda t: order.get(t, len(order)))
    ages = [(d, o) for o in onsets if (d := age_in_days(o)) is not None]
    return min(ages)[1] if ages else None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _source(data: dict[str, Any], case_id: str) -> str | None:
    meta = _dict(data.get("metaData"))
    for ref in meta.get("externalReferences") or []:
        ref_id = (ref or {}).get("id") if isinstance(ref, dict) else None
        if isinstance(ref_id, str) and (match := _PMID.search(ref_id)):
            return f"PMID:{match.group(1)}"
    if match := _PMID.search(case_id):
        return f"PMID:{match.group(1)}"
    return None
