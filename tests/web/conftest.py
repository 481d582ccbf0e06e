"""One app and client over the shared imported knowledge base for all web and API tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from symptomdb.context import SymptomDB
from symptomdb.web.app import create_app


@pytest.fixture(scope="session")
def app(shared_db: SymptomDB) -> FastAPI:
    application = create_app(shared_db)
    application.state.site.warm_up()
    return application


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client
