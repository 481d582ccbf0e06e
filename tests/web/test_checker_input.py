"""The symptom checker's name box with input that has nothing to search for: a message, not a 500."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_checker_name_without_letters_is_a_message_and_keeps_the_list(client: TestClient) -> None:
    for typed in ("???", "!!", "\x00"):
        response = client.get("/checker", params={"q": typed, "present": "HP:0001336"})
        assert response.status_code == 200, typed
        assert 'role="alert"' in response.text and "no letters or digits" in response.text
        assert 'name="present" value="HP:0001336"' in response.text
