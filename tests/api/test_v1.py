"""HTTP tests of the JSON API v1: every route, pagination, caching headers and error bodies."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def assert_error(response: object, status: int, code: str | None = None) -> dict[str, str]:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith("application/json")  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return dict(body["error"])


def test_index_and_health(client: TestClient) -> None:
    index = client.get("/api/v1").json()
    assert index["name"] == "symptomdb" and "not medical advice" in index["disclaimer"].lower()
    assert {"rel": "docs", "href": "/api/docs", "method": "GET"} in index["links"]
    health = client.get("/api/v1/health").json()
    assert health["status"] == "ok" and len(health["data_version"]) == 16


def test_condition_answer(client: TestClient) -> None:
    response = client.get("/api/v1/conditions/ORPHA:1183")
    assert response.status_code == 200
    answer = response.json()
    assert answer["id"] == "ORPHA:1183" and answer["slug"] == "opsoclonus-myoclonus-syndrome"
    names = [s["plain_name"] for g in answer["symptoms"]["groups"] for s in g["symptoms"]]
    assert "Ataxia" in names and "Jerking" in names
    for section in ("diagnosis", "treatment", "course", "research", "support"):
        assert answer[section]["title"]
    assert {r["source"] for r in answer["sources"]} >= {"hpo", "mondo"}
    assert "not medical advice" in answer["disclaimer"]
    assert client.get("/api/v1/conditions/ORPHA-1183").json()["id"] == "ORPHA:1183"


def test_condition_answer_etag_and_cache_control(client: TestClient) -> None:
    first = client.get("/api/v1/conditions/ORPHA:1183")
    assert first.headers["cache-control"].startswith("public, max-age=")
    etag = first.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"')
    assert client.get("/api/v1/conditions/ORPHA:1183", headers={"If-None-Match": etag}).status_code == 304
    assert (
        client.get("/api/v1/conditions/ORPHA:1183", headers={"If-None-Match": f'W/{etag}, "x"'}).status_code
        == 304
    )
    other = client.get("/api/v1/conditions/ORPHA:558")
    assert other.headers["etag"] != etag


def test_unknown_condition(client: TestClient) -> None:
    error = assert_error(client.get("/api/v1/conditions/ORPHA:99999999"), 404, "not_found")
    assert "ORPHA:99999999" in error["message"]


def test_conditions_pagination(client: TestClient) -> None:
    first = client.get("/api/v1/conditions", params={"letter": "O", "per_page": 5}).json()
    assert first["page"] == 1 and first["per_page"] == 5 and len(first["items"]) == 5
    assert first["total"] > 5 and first["pages"] == -(-first["total"] // 5)
    assert first["prev"] is None and first["next"] == "/api/v1/conditions?letter=O&page=2&per_page=5"
    assert all(item["name"].upper().startswith("O") for item in first["items"])
    second = client.get(first["next"]).json()
    assert second["prev"] is not None
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})
    item = first["items"][0]
    assert item["url"].startswith("/conditions/") and item["api_url"] == f"/api/v1/conditions/{item['id']}"
    everything = client.get("/api/v1/conditions", params={"per_page": 200}).json()
    assert everything["total"] >= 12_000


def test_conditions_by_system(client: TestClient) -> None:
    page = client.get("/api/v1/conditions", params={"system": "HP:0000707", "per_page": 3}).json()
    assert page["system"]["id"] == "HP:0000707" and page["system"]["label"] == "Brain and nerves"
    assert page["next"] == "/api/v1/conditions?system=HP%3A0000707&page=2&per_page=3"


@pytest.mark.parametrize(
    "params",
    [
        {"per_page": 1000},
        {"page": 0},
        {"letter": "??"},
        {"system": "HP:0000001"},
        {"letter": "A", "page": 99999},
    ],
)
def test_conditions_invalid_parameters(client: TestClient, params: dict[str, object]) -> None:
    assert_error(client.get("/api/v1/conditions", params=params), 422)


def test_resolve(client: TestClient) -> None:
    body = client.get("/api/v1/resolve", params={"q": "opsoclonus myoclonus syndrome"}).json()
    assert body["query"] == "opsoclonus myoclonus syndrome"
    top = body["matches"][0]
    assert top["id"] == "ORPHA:1183" and top["kind"] == "condition" and 0 <= top["score"] <= 100
    assert top["url"] == "/conditions/ORPHA-1183/opsoclonus-myoclonus-syndrome"
    assert top["api_url"] == "/api/v1/conditions/ORPHA:1183"
    oms = client.get("/api/v1/search", params={"q": "OMS"}).json()
    assert "ORPHA:1183" in [m["id"] for m in oms["matches"]]


def test_resolve_kind_filter_and_limit(client: TestClient) -> None:
    body = client.get("/api/v1/resolve", params={"q": "myoclonus", "kind": "symptom", "limit": 3}).json()
    assert 1 <= len(body["matches"]) <= 3 and {m["kind"] for m in body["matches"]} == {"symptom"}
    assert_error(client.get("/api/v1/resolve", params={"q": "x", "kind": "gene"}), 422, "invalid_request")


def test_resolve_errors(client: TestClient) -> None:
    assert_error(client.get("/api/v1/resolve"), 422, "invalid_request")
    assert_error(client.get("/api/v1/resolve", params={"q": ""}), 422)
    assert_error(client.get("/api/v1/resolve", params={"q": "!!!"}), 422, "invalid_query")
    assert_error(client.get("/api/v1/resolve", params={"q": "x", "limit": 0}), 422)


def test_suggest(client: TestClient) -> None:
    body = client.get("/api/v1/suggest", params={"q": "opsoclonus-my"}).json()
    assert "ORPHA:1183" in [m["id"] for m in body["matches"]]
    symptoms = client.get("/api/v1/suggest", params={"q": "jerk", "kind": "symptom"}).json()
    assert symptoms["matches"] and {m["kind"] for m in symptoms["matches"]} == {"symptom"}
    assert "HP:0001336" in [m["id"] for m in symptoms["matches"]]
    jerking = next(m for m in symptoms["matches"] if m["id"] == "HP:0001336")
    assert jerking["plain_name"] == "Jerking"
    both = client.get("/api/v1/suggest", params={"q": "myo", "kind": "condition,symptom"})
    assert both.status_code == 200


def test_symptoms(client: TestClient) -> None:
    found = client.get("/api/v1/symptoms", params={"q": "jerking"}).json()
    assert found["matches"][0]["id"] == "HP:0001336"
    info = client.get("/api/v1/symptoms/HP:0001336").json()
    assert info["plain_name"] == "Jerking" and info["name"] == "Myoclonus" and info["definition"]
    assert "ORPHA:1183" in [c["id"] for c in info["frequent_in"]]
    assert (
        info["frequent_total"] >= len(info["frequent_in"])
        and info["annotated_total"] >= info["frequent_total"]
    )
    assert client.get("/api/v1/symptoms/HP-0001336").json()["id"] == "HP:0001336"
    assert_error(client.get("/api/v1/symptoms/HP:9999999"), 404, "not_found")


def test_systems_and_releases(client: TestClient) -> None:
    systems = client.get("/api/v1/systems").json()
    assert "Brain and nerves" in [s["label"] for s in systems]
    releases = client.get("/api/v1/releases").json()
    hpo = next(r for r in releases if r["source"] == "hpo")
    assert hpo["version"] and hpo["licence"] and hpo["url"].startswith("https://")


def test_diagnose(client: TestClient) -> None:
    response = client.post("/api/v1/diagnose", json={"present": ["HP:0010543", "HP:0001336", "HP:0001251"]})
    assert response.status_code == 200
    results = response.json()["results"]
    assert results and results[0]["rank"] == 1
    assert "ORPHA:1183" in [r["id"] for r in results[:10]]


def test_diagnose_validation(client: TestClient) -> None:
    assert_error(client.post("/api/v1/diagnose", json={"present": []}), 422, "invalid_request")
    assert_error(client.post("/api/v1/diagnose", json={"present": ["HP:9999999"]}), 422, "unknown_term")
    assert_error(client.post("/api/v1/diagnose", json={"present": ["HP:0001336"], "bogus": 1}), 422)
    assert_error(client.post("/api/v1/diagnose", json={"present": ["HP:0001336"], "sex": "x"}), 422)
    assert_error(
        client.post("/api/v1/diagnose", content=b"not json", headers={"content-type": "application/json"}),
        422,
    )
    assert_error(client.post("/api/v1/diagnose", json={"present": ["HP:0001336"] * 41}), 422)


def test_annotate(client: TestClient) -> None:
    text = "Jerky movements and unsteady gait, no fever."
    response = client.post("/api/v1/annotate", json={"text": text})
    assert response.status_code == 200
    mentions = response.json()
    assert all({"hpo_id", "label", "start", "end", "excluded"} <= set(m) for m in mentions)
    assert all(text[m["start"] : m["end"]] == m["text"] for m in mentions)
    assert {"hpo_id": "HP:0001945", "excluded": True}.items() <= next(
        m for m in mentions if m["hpo_id"] == "HP:0001945"
    ).items()
    assert_error(client.post("/api/v1/annotate", json={"text": ""}), 422)


def test_unknown_route_and_method_have_json_error_bodies(client: TestClient) -> None:
    assert_error(client.get("/api/v1/nothing-here"), 404, "not_found")
    assert_error(client.delete("/api/v1/conditions/ORPHA:1183"), 405, "method_not_allowed")


def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    paths = spec["paths"]
    expected = ["/api/v1/conditions", "/api/v1/conditions/{condition_id}", "/api/v1/resolve"]
    expected += ["/api/v1/suggest"]
    expected += ["/api/v1/symptoms", "/api/v1/symptoms/{term_id}", "/api/v1/diagnose", "/api/v1/releases"]
    for path in expected:
        assert path in paths, path
    assert "ErrorBody" in spec["components"]["schemas"] and "ConditionAnswer" in spec["components"]["schemas"]
    assert not any(p.startswith(("/conditions", "/search", "/checker")) for p in paths)  # pages are not API
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "text/html" in docs.headers["content-type"]
    assert "/api/v1/conditions/{condition_id}" in docs.text and 'id="schema-ConditionAnswer"' in docs.text
    assert "<script>" not in docs.text and "cdn" not in docs.text.lower()
    assert client.get("/api").status_code == 200
