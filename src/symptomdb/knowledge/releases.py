"""The data-release table: which source, which version, which licence; shown wherever data is shown."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from symptomdb.db import models


class ReleaseInfo(BaseModel):
    source: str
    title: str
    version: str
    licence: str
    url: str
    imported_at: str
    counts: dict[str, int]


def list_releases(engine: Engine) -> list[ReleaseInfo]:
    with Session(engine) as session:
        rows = session.execute(select(models.DataRelease).order_by(models.DataRelease.source)).scalars()
        return [
            ReleaseInfo(
                source=r.source,
                title=r.title,
                version=r.version,
                licence=r.licence,
                url=r.url,
                imported_at=r.imported_at.isoformat(timespec="seconds"),
                counts=dict(r.counts or {}),
            )
            for r in rows
        ]
