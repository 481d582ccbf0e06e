"""The running site: the database context, the template environment and per-data-version caches.

Routes call services through this object and only format results; nothing here decides medical
content. Rendered condition pages and JSON answers are cached per (condition, data version).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from symptomdb import __version__
from symptomdb.context import SymptomDB
from symptomdb.diagnosis.service import DiagnosisResult, diagnose, get_engine
from symptomdb.knowledge.answer import DISCLAIMER, ConditionAnswer, answer, slugify
from symptomdb.knowledge.store import Knowledge, Release
from symptomdb.knowledge.symptoms import SymptomInfo, symptom_info
from symptomdb.text.annotate import annotate
from symptomdb.web.cache import LRU, Body
from symptomdb.web.services import SYSTEM_LABELS

if TYPE_CHECKING:
    from symptomdb.search.resolve import Match, NameIndex

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
SEARCH_KINDS = ("condition", "symptom")


def condition_path(condition_id: str, slug: str) -> str:
    return f"/conditions/{condition_id.replace(':', '-')}/{slug}"


def symptom_path(term_id: str, slug: str) -> str:
    return f"/symptoms/{term_id.replace(':', '-')}/{slug}"


def url_id(identifier: str) -> str:
    """'ORPHA:1183' -> 'ORPHA-1183' (the form used in addresses)."""
    return identifier.replace(":", "-")


def json_script(value: Any) -> Markup:
    """JSON safe to embed in a <script type="application/ld+json"> block."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def share(probability: float) -> str:
    """A model probability as a percentage a reader can take in ("< 1 %" rather than "0 %")."""
    percent = probability * 100
    if percent < 1:
        return "< 1 %"
    return f"{percent:.0f} %"


def frequency_class(value: float | None) -> str:
    """A CSS width class in steps of 5% (inline styles are forbidden by the CSP)."""
    if value is None:
        return "freq-unknown"
    return f"freq-{round(max(0.0, min(1.0, value)) * 20) * 5}"


def _static_versions() -> dict[str, str]:
    return {
        p.name: hashlib.blake2b(p.read_bytes(), digest_size=6).hexdigest()
        for p in STATIC.iterdir()
        if p.is_file()
    }


class Site:
    def __init__(self, db: SymptomDB) -> None:
        self.db = db
        self.pages: LRU[Body] = LRU(
            max_entries=4096, max_bytes=96 * 1024 * 1024, size=lambda b: len(b.content)
        )
        self.answers: LRU[ConditionAnswer] = LRU(max_entries=512)
        self.symptoms: LRU[SymptomInfo] = LRU(max_entries=512)
        self.searches: LRU[list[Match]] = LRU(max_entries=2048)
        self.diagnoses: LRU[DiagnosisResult] = LRU(max_entries=256)
        self.search_pages: LRU[tuple[int, str, bytes]] = LRU(
            max_entries=4096, max_bytes=32 * 1024 * 1024, size=lambda outcome: len(outcome[2])
        )
        self._paths: dict[tuple[str, str, str], str] = {}

    # --- data -------------------------------------------------------------------------------
    @property
    def knowledge(self) -> Knowledge:
        return self.db.knowledge

    @property
    def index(self) -> NameIndex:
        return self.db.name_index

    @property
    def version(self) -> str:
        return self.knowledge.checksum[:16]

    def warm_up(self) -> None:
        """Build the snapshot, the name index and the listings now rather than on the first request."""
        from symptomdb.knowledge.symptoms import conditions_with_symptom
        from symptomdb.web import services

        _ = self.knowledge, self.index
        services.letters(self.knowledge)
        conditions_with_symptom(self.knowledge, "HP:0000118", limit=1)  # builds the term -> conditions index
        from symptomdb.text.lexicon import get_lexicon

        get_lexicon(self.knowledge, cache_dir=self.db.settings.cache_dir)  # the checker's free-text box
        # the checker's differential, with its frequent terms built
        get_engine(self.knowledge, cache_dir=self.db.settings.cache_dir, warm=True)

    def answer(self, condition_id: str) -> ConditionAnswer:
        """The answer for a canonical condition id (UnknownIdError if unknown)."""
        return self.answers.get_or_build(
            (condition_id, self.version), lambda: answer(self.knowledge, condition_id)
        )

    def symptom(self, term_id: str) -> SymptomInfo:
        return self.symptoms.get_or_build(
            (term_id, self.version), lambda: symptom_info(self.knowledge, term_id)
        )

    def resolve(self, query: str, limit: int = 10, kinds: Sequence[str] = SEARCH_KINDS) -> list[Match]:
        """Matches for a search; a search for symptoms alone also reads the query as a description."""
        from symptomdb.search.resolve import resolve
        from symptomdb.search.symptoms import find_symptoms

        key = ("resolve", query, limit, tuple(kinds), self.version)
        if tuple(kinds) == ("symptom",):
            return self.searches.get_or_build(
                key, lambda: find_symptoms(self.knowledge, self.index, query, limit)
            )
        return self.searches.get_or_build(
            key, lambda: resolve(self.index, query, limit=limit, kinds=tuple(kinds))
        )

    def suggest(self, prefix: str, limit: int = 8, kinds: Sequence[str] = SEARCH_KINDS) -> list[Match]:
        from symptomdb.search.resolve import suggest

        key = ("suggest", prefix, limit, tuple(kinds), self.version)
        return self.searches.get_or_build(
            key, lambda: suggest(self.index, prefix, limit=limit, kinds=tuple(kinds))
        )

    def diagnose(
        self,
        present: list[str],
        absent: list[str],
        sex: str | None = None,
        onset: str | None = None,
        limit: int = 20,
    ) -> DiagnosisResult:
        """The ranked differential (cached per query and data version)."""
        key = ("diagnose", tuple(present), tuple(absent), sex, onset, limit, self.version)

        def build() -> DiagnosisResult:
            return diagnose(
                self.knowledge,
                present,
                absent,
                sex=sex,
                onset=onset,
                limit=limit,
                cache_dir=self.db.settings.cache_dir,
            )

        return self.diagnoses.get_or_build(key, build)

    def annotate(self, text: str) -> list[tuple[str, bool]]:
        """Free text -> (HPO id, excluded) for each finding the text mentions."""
        return [(m.hpo_id, m.excluded) for m in annotate(self.knowledge, text)]

    def cached_body(self, key: tuple[Any, ...], build: Any) -> Body:
        """A rendered body (HTML or JSON bytes) cached per data version."""
        return self.pages.get_or_build((*key, self.version), lambda: Body.of(build()))

    def canonical_path(self, kind: str, identifier: str) -> str:
        """The readable address of a condition or symptom page (memoised: it is on every page view)."""
        key = (kind, identifier, self.version)
        path = self._paths.get(key)
        if path is None:
            if kind == "condition":
                path = condition_path(identifier, slugify(self.knowledge.conditions[identifier].name))
            else:
                path = symptom_path(identifier, slugify(self.knowledge.terms[identifier].plain_name))
            if len(self._paths) > 100_000:
                self._paths.clear()
            self._paths[key] = path
        return path

    def match_url(self, match: Match) -> str:
        return self.canonical_path(match.kind, match.id)

    # --- templates --------------------------------------------------------------------------
    @cached_property
    def templates(self) -> Environment:
        env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(["html", "xml"], default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        versions = _static_versions()
        env.globals.update(
            static=lambda name: f"/static/{name}?v={versions.get(name, __version__)}",
            disclaimer=DISCLAIMER,
            app_version=__version__,
            year=date.today().year,
            condition_path=condition_path,
            symptom_path=symptom_path,
            url_id=url_id,
            slug=slugify,
            system_labels=SYSTEM_LABELS,
            share=share,
        )
        env.filters["json_script"] = json_script
        env.filters["frequency_class"] = frequency_class
        env.filters["percent"] = lambda v: "" if v is None else f"{v:.0%}"
        return env

    def releases(self) -> list[Release]:
        return list(self.knowledge.releases)

    def render(self, template: str, **context: Any) -> str:
        context.setdefault("releases", self.releases())
        return self.templates.get_template(template).render(**context)
