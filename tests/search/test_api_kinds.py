"""/api/v1/resolve (and /search) take kinds as /suggest does: repeated, or comma-separated."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import app, client

__all__ = ["app", "client"]


def test_resolve_accepts_comma_separated_kinds(client: TestClient) -> None:
    for path in ("/api/v1/resolve", "/api/v1/search"):
        both = client.get(path, params={"q": "myoclonus", "kind": "condition,symptom", "limit": 20})
        assert both.status_code == 200, both.text
        assert {m["kind"] for m in both.json()["matches"]} == {"condition", "symptom"}
        one = client.get(path, params={"q": "myoclonus", "kind": "symptom,"})
        assert one.status_code == 200 and {m["kind"] for m in one.json()["matches"]} == {"symptom"}
        bad = client.get(path, params={"q": "myoclonus", "kind": "condition,gene"})
        assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"
