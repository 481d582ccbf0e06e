"""Reading GA4GH phenopackets: real published cases, and malformed files that must not stop a batch."""

from __future__ import annotations

import itertools
import json
import zipfile
from pathlib import Path

import pytest

from symptomdb.diagnosis.phenopackets import (
    PhenopacketCase,
    PhenopacketError,
    age_in_days,
    diagnosis_ids,
    iter_documents,
    parse_case,
    read_phenopackets,
)
from tests.conftest import shared_file

GOOD = {
    "id": "PMID_123_patient_1",
    "subject": {"id": "patient 1", "sex": "FEMALE"},
    "phenotypicFeatures": [
        {
            "type": {"id": "HP:0000570", "label": "Abnormal saccadic eye movements"},
            "onset": {"age": {"iso8601duration": "P2Y"}},
        },
        {"type": {"id": "HP:0001336", "label": "Myoclonus"}, "onset": {"age": {"iso8601duration": "P1Y6M"}}},
        {"type": {"id": "HP:0001250", "label": "Seizure"}, "excluded": True},
    ],
    "interpretations": [
        {"id": "x", "diagnosis": {"disease": {"id": "OMIM:256700", "label": "Neuroblastoma"}}}
    ],
    "diseases": [{"term": {"id": "ORPHA:1183", "label": "OMS"}}],
    "metaData": {"externalReferences": [{"id": "PMID:123", "description": "a paper"}]},
}


def test_real_phenopackets_from_the_store_zip() -> None:
    path = shared_file("phenopacket-store", "phenopackets-public.zip")
    cases = list(itertools.islice(read_phenopackets(path), 40))
    assert len(cases) == 40
    assert all(isinstance(c, PhenopacketCase) for c in cases)
    first = cases[0]
    assert isinstance(first, PhenopacketCase)
    assert first.id == "PMID_15266616_100" and first.source == "PMID:15266616"
    assert first.sex == "female" and "HP:0000348" in first.present and "HP:0000243" in first.excluded
    documents = list(itertools.islice(iter_documents(path), 3))
    assert all(diagnosis_ids(d)[0].startswith("OMIM:") for d in documents)


def test_the_case_never_carries_the_diagnosis(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(GOOD))
    other = dict(GOOD, interpretations=[], diseases=[])
    (tmp_path / "b.json").write_text(json.dumps(other))
    a, b = (c for c in read_phenopackets(tmp_path))
    assert isinstance(a, PhenopacketCase) and isinstance(b, PhenopacketCase)
    assert (a.present, a.excluded, a.sex, a.onset, a.source) == (
        b.present,
        b.excluded,
        b.sex,
        b.onset,
        b.source,
    )
    assert a.present == ("HP:0000570", "HP:0001336") and a.excluded == ("HP:0001250",)
    assert a.onset == "P1Y6M"  # the earliest onset
    assert "OMIM" not in repr(a) and "ORPHA" not in repr(a)


def test_diagnosis_ids_come_from_interpretations_and_diseases(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(GOOD))
    (document,) = iter_documents(tmp_path / "a.json")
    assert diagnosis_ids(document) == ["OMIM:256700", "ORPHA:1183"]


def test_malformed_files_give_per_case_errors_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "1-good.json").write_text(json.dumps(GOOD))
    (tmp_path / "2-broken.json").write_text('{"id": "broken", "phenotypicFeatures": [')
    (tmp_path / "3-list.json").write_text("[1, 2]")
    (tmp_path / "4-nofeatures.json").write_text(json.dumps({"id": "nofeatures", "subject": {}}))
    (tmp_path / "5-noid.json").write_text(json.dumps({"id": "noid", "phenotypicFeatures": [{"type": {}}]}))
    (tmp_path / "6-binary.json").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "7-good.json").write_text(json.dumps(dict(GOOD, id="second")))
    results = list(read_phenopackets(tmp_path))
    assert [type(r).__name__ for r in results] == [
        "PhenopacketCase",
        "PhenopacketError",
        "PhenopacketError",
        "PhenopacketError",
        "PhenopacketError",
        "PhenopacketError",
        "PhenopacketCase",
    ]
    errors = {r.id: r.error for r in results if isinstance(r, PhenopacketError)}
    assert "not valid JSON" in errors["2-broken"]
    assert "not an object" in errors["3-list"]
    assert errors["nofeatures"] == "no phenotypicFeatures"
    assert "has no type.id" in errors["noid"]


def test_a_zip_and_a_single_file(tmp_path: Path) -> None:
    archive = tmp_path / "cases.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("cohort/a.json", json.dumps(GOOD))
        z.writestr("cohort/b.json", "not json")
        z.writestr("cohort/readme.txt", "ignored")
    results = list(read_phenopackets(archive))
    assert isinstance(results[0], PhenopacketCase) and isinstance(results[1], PhenopacketError)
    assert len(results) == 2
    single = tmp_path / "one.json"
    single.write_text(json.dumps(GOOD))
    (case,) = read_phenopackets(single)
    assert isinstance(case, PhenopacketCase) and case.id == "PMID_123_patient_1"
    with pytest.raises(FileNotFoundError):
        list(read_phenopackets(tmp_path / "missing"))


def test_ages_and_source_fallback() -> None:
    assert age_in_days("P1Y") == pytest.approx(365.25)
    assert age_in_days("P3M2W") == pytest.approx(3 * 30.44 + 14)
    assert age_in_days("P") is None and age_in_days("two years") is None
    case = parse_case(
        next(iter([_doc({"id": "PMID_99_x", "phenotypicFeatures": [{"type": {"id": "HP:0000570"}}]})]))
    )
    assert isinstance(case, PhenopacketCase) and case.source == "PMID:99"


def _doc(data: dict[str, object]):  # type: ignore[no-untyped-def]
    from symptomdb.diagnosis.phenopackets import Document

    return Document("x.json", data=data)
