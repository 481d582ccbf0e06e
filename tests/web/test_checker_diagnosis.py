"""The checker page and /api/v1/diagnose over the real diagnosis service.

Each page is compared with a direct call of `symptomdb.diagnosis.service.diagnose` on the same knowledge
base: the page must show what the service ranks, in its order, with the query the user gave.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from markupsafe import escape

from symptomdb.context import SymptomDB
from symptomdb.diagnosis.service import DiagnosisResult, diagnose
from symptomdb.web.site import share

OPSOCLONUS, MYOCLONUS, ATAXIA, FEVER = "HP:0010543", "HP:0001336", "HP:0001251", "HP:0001945"
NEONATAL = "HP:0003623"


def expected(db: SymptomDB, present: list[str], absent: tuple[str, ...] = (), **kw: Any) -> DiagnosisResult:
    return diagnose(db.knowledge, present, absent, cache_dir=db.settings.cache_dir, **kw)


def test_share_is_a_readable_percentage() -> None:
    assert [share(p) for p in (0.0, 0.004, 0.0123, 0.476, 1.0)] == ["< 1 %", "< 1 %", "1 %", "48 %", "100 %"]


def differential(html: str) -> str:
    return html[html.index('<ol class="differential">') :]


def test_checker_shows_the_services_ranked_explained_differential(
    client: TestClient, shared_db: SymptomDB
) -> None:
    present, absent = [OPSOCLONUS, MYOCLONUS], [FEVER]
    response = client.get("/checker", params={"present": present, "absent": absent, "sex": "female"})
    assert response.status_code == 200
    results = differential(response.text)
    ranked = expected(shared_db, present, tuple(absent), sex="female").results
    assert ranked[0].id == "ORPHA:1183"
    positions = [results.index(f'<span class="id">{r.id}</span>') for r in ranked[:5]]
    assert positions == sorted(positions)  # the service's order
    assert 'href="/conditions/ORPHA-1183/opsoclonus-myoclonus-syndrome"' in results
    assert f"Match score {ranked[0].score:.1f}" in results
    assert ranked[0].probability is not None  # the shipped engine is calibrated on published cases
    assert f"Share {escape(share(ranked[0].probability))} ·" in results
    assert ranked[0].explanation.summary in results
    assert "Jerking" in results  # matched findings in plain words


def test_checker_passes_sex_and_onset_and_update_gives_a_clean_address(
    client: TestClient, shared_db: SymptomDB
) -> None:
    params = {"present": MYOCLONUS, "sex": "male", "onset": NEONATAL, "q": "", "add_id": "", "update": "1"}
    response = client.get("/checker", params=params)
    assert response.status_code == 303
    assert response.headers["location"] == f"/checker?present=HP%3A0001336&sex=male&onset=HP%3A{NEONATAL[3:]}"
    html = client.get(response.headers["location"]).text
    assert '<option value="male" selected>' in html and f'<option value="{NEONATAL}" selected>' in html
    with_context = expected(shared_db, [MYOCLONUS], sex="male", onset=NEONATAL).results
    without = expected(shared_db, [MYOCLONUS]).results
    assert [r.id for r in with_context[:10]] != [r.id for r in without[:10]]  # the context matters
    assert f'<span class="id">{with_context[0].id}</span>' in differential(html).split("</li>")[0]
    ignored = client.get("/checker", params={"present": MYOCLONUS, "sex": "other", "onset": MYOCLONUS}).text
    assert f'<span class="id">{without[0].id}</span>' in differential(ignored).split("</li>")[0]


def test_checker_asks_nothing_without_present_symptoms(client: TestClient) -> None:
    html = client.get("/checker", params={"absent": FEVER}).text
    assert "Add at least one symptom" in html and 'class="differential"' not in html


def test_checker_reads_a_description_into_present_and_absent_symptoms(client: TestClient) -> None:
    response = client.get(
        "/checker", params={"text": "my son's eyes dart around and he jerks, no fever", "read": "1"}
    )
    html = client.get(response.headers["location"]).text if response.status_code == 303 else response.text
    assert MYOCLONUS in html and FEVER in html
    assert '<span class="id">ORPHA:1183</span>' in differential(html)


def test_api_diagnose_returns_what_the_service_ranks(client: TestClient, shared_db: SymptomDB) -> None:
    request = {"present": ["HP-0001336", OPSOCLONUS], "absent": [FEVER], "sex": "male", "limit": 3}
    response = client.post("/api/v1/diagnose", json=request)
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    body = response.json()
    service = expected(shared_db, [MYOCLONUS, OPSOCLONUS], (FEVER,), sex="male", limit=3)
    assert [r["id"] for r in body["results"]] == [r.id for r in service.results]
    assert [t["id"] for t in body["query"]["absent"]] == [FEVER]
    assert body["results"][0]["explanation"]["summary"] == service.results[0].explanation.summary
    wrong_onset = client.post("/api/v1/diagnose", json={"present": [MYOCLONUS], "onset": MYOCLONUS})
    assert wrong_onset.status_code == 422 and wrong_onset.json()["error"]["code"] == "unknown_term"


def test_checker_and_api_point_out_numbered_forms_of_one_condition(
    client: TestClient, shared_db: SymptomDB
) -> None:
    present = ["HP:0001657", "HP:0001279"]  # prolonged QT interval, fainting
    service = expected(shared_db, present)
    assert service.look_alikes, "several numbered forms of long QT syndrome rank high"
    html = client.get("/checker", params={"present": present}).text
    for group in service.look_alikes:
        assert f'<p class="note look-alike">{escape(group.note)}</p>' in html
    body = client.post("/api/v1/diagnose", json={"present": present}).json()
    assert body["look_alikes"] == [g.model_dump(mode="json") for g in service.look_alikes]
