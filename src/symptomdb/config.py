"""Settings read from the environment, with defaults for a laptop install."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "symptomdb"


@dataclass(frozen=True)
class Settings:
    """Where data lives. `SYMPTOMDB_DATA_DIR` and `SYMPTOMDB_DATABASE_URL` override the defaults."""

    data_dir: Path
    database_url: str

    @property
    def cache_dir(self) -> Path:
        """Derived structures (indexes, matrices) keyed by data version live here."""
        return self.data_dir / "cache"


def load_settings() -> Settings:
    data_dir = Path(os.environ.get("SYMPTOMDB_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))
    database_url = os.environ.get("SYMPTOMDB_DATABASE_URL") or f"sqlite:///{data_dir / 'symptomdb.sqlite3'}"
    return Settings(data_dir=data_dir, database_url=database_url)
