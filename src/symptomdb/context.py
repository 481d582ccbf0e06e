"""The one object every entry point (CLI, web, API) builds: settings, database, loaded knowledge.

Heavy derived structures (knowledge snapshot, name index, ranking matrices) are built lazily and
once per process; services receive what they need from here explicitly.
"""

from __future__ import annotations

import threading
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.cache import cached_pickle
from symptomdb.config import Settings, load_settings
from symptomdb.db import migrate, models
from symptomdb.db.engine import make_engine, make_session_factory
from symptomdb.knowledge.importers.run import (
    ImportInputs,
    ImportResult,
    StepCallback,
    import_all,
    stored_checksums,
)
from symptomdb.knowledge.store import Knowledge, load_knowledge

if TYPE_CHECKING:
    from symptomdb.search.resolve import NameIndex


class SymptomDB:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self._lock = threading.Lock()

    @cached_property
    def engine(self) -> Engine:
        return make_engine(self.settings.database_url)

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        return make_session_factory(self.engine)

    def migrate(self) -> None:
        migrate.upgrade(self.engine)

    def has_data(self) -> bool:
        if not migrate.is_up_to_date(self.engine):
            return False
        with self.sessions() as session:
            return (
                session.scalar(select(models.DataRelease.source).where(models.DataRelease.source == "hpo"))
                is not None
            )

    def needs_import(self) -> bool:
        """No data yet, or a source this version bundles is missing (added by an upgrade).

        Data from `data update` is never replaced by the bundled extracts on start-up.
        """
        if not self.has_data():
            return True
        return bool(set(ImportInputs().files_by_source()) - set(stored_checksums(self.engine)))

    def ensure_ready(self, on_step: StepCallback | None = None) -> ImportResult | None:
        """Migrate, and import the bundled data on first run (or when a bundled source is missing)."""
        self.migrate()
        if not self.needs_import():
            return None
        result = import_all(self.engine, force=True, on_step=on_step or (lambda _: None))
        self.reload()
        return result

    def reload(self) -> None:
        """Forget derived structures (after an import), so that they are rebuilt from the new data."""
        for name in ("knowledge", "name_index"):
            self.__dict__.pop(name, None)

    @cached_property
    def knowledge(self) -> Knowledge:
        with self._lock:
            return load_knowledge(self.engine, self.settings.cache_dir)

    @cached_property
    def name_index(self) -> NameIndex:
        from symptomdb.search.resolve import INDEX_FORMAT, NameIndex

        knowledge = self.knowledge
        return cached_pickle(
            self.settings.cache_dir,
            f"name-index-v{INDEX_FORMAT}",
            knowledge.checksum,
            lambda: NameIndex.build(knowledge),
        )
