"""The checker page and /api/v1/diagnose against the diagnosis service's interface.

`diagnose(knowledge, present, absent=(), sex=None, onset=None, limit=20) -> DiagnosisResult` with
`.results: list[RankedCondition(rank, id, name, score, explanation)]`. A stand-in module with that
interface is installed for these tests, so that the pages are checked whether or not the real service
is there yet (and exactly what the pages received is recorded).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from symptomdb.context import SymptomDB
from symptomdb.web.app import create_app


class Feature(BaseModel):
    id: str
    plain_name: str
    frequency_label: str | None = None


class Explanation(BaseModel):
    summary: str
    matched: list[Feature] = []
    contradicted: list[Feature] = []


class RankedCondition(BaseModel):
    rank: int
    id: str
    name: str
    score: float
    explanation: Explanation | str


class DiagnosisResult(BaseModel):
    results: list[RankedCondition]


CALLS: list[dict[str, Any]] = []


def fake_diagnose(
    knowledge: Any,
    present: Sequence[str],
    absent: Sequence[str] = (),
    sex: str | None = None,
    onset: str | None = None,
    limit: int = 20,
) -> DiagnosisResult:
    CALLS.append(
        {"present": list(present), "absent": list(absent), "sex": sex, "onset": onset, "limit": limit}
    )
    explanation = Explanation(
        summary="Matches 2 of your 2 symptoms.",
        matched=[Feature(id="HP:0001336", plain_name="Jerking", frequency_label="very frequent")],
        contradicted=[Feature(id="HP:0001945", plain_name="Fever")],
    )
    return DiagnosisResult(
        results=[
            RankedCondition(
                rank=1,
                id="ORPHA:1183",
                name="Opsoclonus-myoclonus syndrome",
                score=12.5,
                explanation=explanation,
            ),
            RankedCondition(
                rank=2, id="OMIM:154700", name="Marfan syndrome", score=1.25, explanation="<b>plain</b> text"
            ),
        ][:limit]
    )


@pytest.fixture
def client(shared_db: SymptomDB, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    module = types.ModuleType("symptomdb.diagnosis.service")
    module.diagnose = fake_diagnose  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "symptomdb.diagnosis.service", module)
    CALLS.clear()
    with TestClient(create_app(shared_db), follow_redirects=False) as test_client:
        yield test_client


def test_checker_shows_the_ranked_explained_differential(client: TestClient) -> None:
    response = client.get(
        "/checker", params={"present": ["HP:0001336", "HP:0001251"], "absent": "HP:0001945", "sex": "female"}
    )
    assert response.status_code == 200
    assert CALLS == [
        {
            "present": ["HP:0001336", "HP:0001251"],
            "absent": ["HP:0001945"],
            "sex": "female",
            "onset": None,
            "limit": 20,
        }
    ]
    html = response.text
    results = html[html.index('<section id="results"') :]
    assert '<ol class="differential">' in results
    assert results.index("Opsoclonus-myoclonus syndrome") < results.index("Marfan syndrome")
    assert 'href="/conditions/ORPHA-1183/opsoclonus-myoclonus-syndrome"' in results
    assert "Match score 12.5" in results and "Matches 2 of your 2 symptoms." in results
    assert "Jerking" in results and "very frequent" in results and "Fever" in results
    assert "&lt;b&gt;plain&lt;/b&gt; text" in results  # explanations are escaped like everything else


def test_checker_passes_sex_and_onset_and_update_gives_a_clean_address(client: TestClient) -> None:
    params = {
        "present": "HP:0001336",
        "sex": "male",
        "onset": "HP:0003593",
        "q": "",
        "add_id": "",
        "update": "1",
    }
    response = client.get("/checker", params=params)
    assert response.status_code == 303
    assert response.headers["location"] == "/checker?present=HP%3A0001336&sex=male&onset=HP%3A0003593"
    html = client.get(response.headers["location"]).text
    assert CALLS[-1]["sex"] == "male" and CALLS[-1]["onset"] == "HP:0003593"
    assert '<option value="male" selected>' in html and '<option value="HP:0003593" selected>' in html
    client.get("/checker", params={"present": "HP:0001336", "sex": "other", "onset": "HP:0001336"})
    assert CALLS[-1]["sex"] is None and CALLS[-1]["onset"] is None  # unknown values are ignored


def test_checker_asks_nothing_without_present_symptoms(client: TestClient) -> None:
    html = client.get("/checker", params={"absent": "HP:0001945"}).text
    assert CALLS == [] and "Add at least one symptom" in html


def test_api_diagnose(client: TestClient) -> None:
    request = {
        "present": ["HP-0001336"],
        "absent": ["HP:0001945"],
        "sex": "male",
        "onset": "HP:0003593",
        "limit": 1,
    }
    response = client.post("/api/v1/diagnose", json=request)
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    body = response.json()
    assert [r["id"] for r in body["results"]] == ["ORPHA:1183"]
    assert body["results"][0]["explanation"]["matched"][0]["plain_name"] == "Jerking"
    expected = {
        "present": ["HP:0001336"],
        "absent": ["HP:0001945"],
        "sex": "male",
        "onset": "HP:0003593",
        "limit": 1,
    }
    assert CALLS[-1] == expected
    wrong_onset = client.post("/api/v1/diagnose", json={"present": ["HP:0001336"], "onset": "HP:0001336"})
    assert wrong_onset.status_code == 422 and wrong_onset.json()["error"]["code"] == "unknown_term"
