"""JSON API, version 1: the same services as the pages, as data.

Read-only answers carry a strong ETag and Cache-Control and are served from memory per data version.
Every error has the body `{"error": {"code": ..., "message": ...}}`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from symptomdb import __version__
from symptomdb.api.schemas import (
    AnnotateRequest,
    ApiIndex,
    ConditionList,
    ConditionListItem,
    DiagnoseRequest,
    ErrorBody,
    Health,
    Link,
    SearchHit,
    SearchResponse,
)
from symptomdb.knowledge.answer import DISCLAIMER, ConditionAnswer
from symptomdb.knowledge.store import Release, UnknownIdError
from symptomdb.knowledge.symptoms import SymptomInfo
from symptomdb.text.annotate import annotate as annotate_text
from symptomdb.web import checker, services
from symptomdb.web.responses import API_MAX_AGE, JSON, ApiError, cached
from symptomdb.web.site import SEARCH_KINDS, Site, condition_path, symptom_path

PREFIX = "/api/v1"
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "Unknown id."},
    422: {"model": ErrorBody, "description": "Invalid parameters."},
}
router = APIRouter(
    prefix=PREFIX, tags=["v1"], responses={422: {"model": ErrorBody, "description": "Invalid parameters."}}
)


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def _dump(value: BaseModel | list[Any]) -> bytes:
    if isinstance(value, BaseModel):
        return value.model_dump_json().encode()
    return json.dumps([v.model_dump(mode="json") if isinstance(v, BaseModel) else v for v in value]).encode()


async def _cached_json(
    request: Request, key: tuple[Any, ...], build: Callable[[], BaseModel | list[Any]]
) -> Response:
    site = site_of(request)
    body = site.pages.get((*key, site.version))
    if body is None:
        body = await run_in_threadpool(site.cached_body, key, lambda: _dump(build()))
    return cached(request, body, JSON, API_MAX_AGE)


def _kinds(kind: list[str]) -> tuple[str, ...]:
    chosen = [k.strip() for value in kind for k in value.split(",") if k.strip()]
    bad = [k for k in chosen if k not in SEARCH_KINDS]
    if bad:
        raise ApiError(422, "invalid_request", f"kind must be 'condition' or 'symptom', not {bad[0][:20]!r}")
    return tuple(dict.fromkeys(chosen)) or SEARCH_KINDS


def _hit(site: Site, match: Any) -> SearchHit:
    term = site.knowledge.terms.get(match.id) if match.kind == "symptom" else None
    return SearchHit(
        id=match.id,
        name=match.name,
        plain_name=term.plain_name if term else match.name,
        matched_name=match.matched_name,
        matched_by=match.matched_by,
        score=match.score,
        kind=match.kind,
        url=site.match_url(match),
        api_url=f"{PREFIX}/{'conditions' if match.kind == 'condition' else 'symptoms'}/{match.id}",
    )


def _search(
    request: Request, q: str, limit: int, kinds: tuple[str, ...], suggest: bool
) -> Callable[[], SearchResponse]:
    from symptomdb.search.resolve import QueryError

    site = site_of(request)

    def build() -> SearchResponse:
        try:
            matches = site.suggest(q, limit, kinds) if suggest else site.resolve(q, limit, kinds)
        except QueryError as exc:
            raise ApiError(422, "invalid_query", str(exc)) from exc
        return SearchResponse(query=q, matches=[_hit(site, m) for m in matches])

    return build


@router.get("", response_model=ApiIndex, summary="What this API offers")
async def index(request: Request) -> ApiIndex:
    site = site_of(request)
    return ApiIndex(
        name="symptomdb",
        version=__version__,
        data_version=site.version,
        disclaimer=DISCLAIMER,
        links=[
            Link(rel="docs", href="/api/docs"),
            Link(rel="openapi", href="/api/openapi.json"),
            Link(rel="conditions", href=f"{PREFIX}/conditions"),
            Link(rel="condition", href=f"{PREFIX}/conditions/{{id}}"),
            Link(rel="resolve", href=f"{PREFIX}/resolve?q={{query}}"),
            Link(rel="suggest", href=f"{PREFIX}/suggest?q={{prefix}}"),
            Link(rel="symptoms", href=f"{PREFIX}/symptoms?q={{query}}"),
            Link(rel="symptom", href=f"{PREFIX}/symptoms/{{id}}"),
            Link(rel="systems", href=f"{PREFIX}/systems"),
            Link(rel="releases", href=f"{PREFIX}/releases"),
            Link(rel="diagnose", href=f"{PREFIX}/diagnose", method="POST"),
            Link(rel="annotate", href=f"{PREFIX}/annotate", method="POST"),
        ],
    )


@router.get("/health", response_model=Health, summary="Liveness and data version")
async def health(request: Request) -> Health:
    return Health(status="ok", version=__version__, data_version=site_of(request).version)


@router.get(
    "/conditions", response_model=ConditionList, responses=ERRORS, summary="List conditions (A–Z, paginated)"
)
async def list_conditions(
    request: Request,
    letter: Annotated[str | None, Query(max_length=10, description="First letter A–Z, or 0-9.")] = None,
    system: Annotated[
        str | None, Query(max_length=20, description="Organ system HPO id, e.g. HP:0000707.")
    ] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=services.MAX_PER_PAGE)] = 50,
) -> Response:
    site = site_of(request)

    def build() -> ConditionList:
        try:
            listing = services.list_conditions(site.knowledge, letter, system, page, per_page)
        except services.InvalidListingError as exc:
            raise ApiError(422, "invalid_request", str(exc)) from exc
        params = {
            k: v
            for k, v in (
                ("letter", listing.letter),
                ("system", listing.system.id if listing.system else None),
            )
            if v
        }

        def link(number: int) -> str:
            return f"{PREFIX}/conditions?" + urlencode({**params, "page": number, "per_page": per_page})

        return ConditionList(
            **listing.model_dump(exclude={"items"}),
            items=[
                ConditionListItem(
                    **c.model_dump(), url=condition_path(c.id, c.slug), api_url=f"{PREFIX}/conditions/{c.id}"
                )
                for c in listing.items
            ],
            next=link(page + 1) if page < listing.pages else None,
            prev=link(page - 1) if page > 1 else None,
        )

    return await _cached_json(request, ("api-conditions", letter, system, page, per_page), build)


@router.get(
    "/conditions/{condition_id}",
    response_model=ConditionAnswer,
    responses=ERRORS,
    summary="The full answer for one condition",
    description="Overview, symptoms by organ system with frequencies, diagnosis, treatment, course, "
    "research, support and sources. Ids: OMIM:…, ORPHA:…, DECIPHER:…, MONDO:… ('-' for ':' works too).",
)
async def get_condition(request: Request, condition_id: str) -> Response:
    site = site_of(request)
    cid = site.knowledge.normalise_condition_id(condition_id)
    if cid is None:
        raise ApiError(404, "not_found", f"unknown condition id {condition_id[:40]!r}")
    return await _cached_json(request, ("api-condition", cid), lambda: site.answer(cid))


@router.get(
    "/resolve",
    response_model=SearchResponse,
    responses=ERRORS,
    summary="Find conditions and symptoms by name",
)
async def resolve(
    request: Request,
    q: Annotated[
        str, Query(min_length=1, max_length=500, description="A name, abbreviation, misspelling or question.")
    ],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    kind: Annotated[
        list[str] | None,
        Query(
            description="Restrict to conditions or symptoms: condition, symptom, or both (comma-separated)."
        ),
    ] = None,
) -> Response:
    kinds = _kinds(list(kind or []))
    return await _cached_json(
        request, ("api-resolve", q, limit, kinds), _search(request, q, limit, kinds, False)
    )


@router.get("/search", response_model=SearchResponse, responses=ERRORS, summary="Alias of /resolve")
async def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    kind: Annotated[list[str] | None, Query()] = None,
) -> Response:
    return await resolve(request, q, limit, kind)


@router.get(
    "/suggest", response_model=SearchResponse, responses=ERRORS, summary="Autocomplete names from a prefix"
)
async def suggest(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=20)] = 8,
    kind: Annotated[
        list[str] | None, Query(description="condition, symptom, or both (comma-separated).")
    ] = None,
) -> Response:
    kinds = _kinds(list(kind or []))
    return await _cached_json(
        request, ("api-suggest", q, limit, kinds), _search(request, q, limit, kinds, True)
    )


@router.get("/symptoms", response_model=SearchResponse, responses=ERRORS, summary="Find symptoms by name")
async def find_symptoms(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Everyday or medical words.")],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Response:
    kinds = ("symptom",)
    return await _cached_json(
        request, ("api-resolve", q, limit, kinds), _search(request, q, limit, kinds, False)
    )


@router.get(
    "/symptoms/{term_id}",
    response_model=SymptomInfo,
    responses=ERRORS,
    summary="One symptom: definition, synonyms, conditions where it is frequent",
)
async def get_symptom(request: Request, term_id: str) -> Response:
    site = site_of(request)
    text = term_id.strip().upper().replace("_", ":")
    text = text if ":" in text else text.replace("-", ":", 1)
    try:
        tid = site.knowledge.primary_term_id(text)
    except UnknownIdError:
        raise ApiError(404, "not_found", f"unknown HPO term {term_id[:40]!r}") from None
    return await _cached_json(request, ("api-symptom", tid), lambda: site.symptom(tid))


@router.get(
    "/systems", response_model=list[services.OrganSystem], summary="Organ systems with condition counts"
)
async def systems(request: Request) -> Response:
    site = site_of(request)
    return await _cached_json(request, ("api-systems",), lambda: services.organ_systems(site.knowledge))


@router.get("/releases", response_model=list[Release], summary="Data sources: versions and licences")
async def releases(request: Request) -> Response:
    site = site_of(request)
    return await _cached_json(
        request, ("api-releases",), lambda: [_release(r) for r in site.knowledge.releases]
    )


def _release(r: Release) -> dict[str, str]:
    return {
        "source": r.source,
        "title": r.title,
        "version": r.version,
        "licence": r.licence,
        "url": r.url,
        "imported_at": r.imported_at,
    }


@router.post(
    "/diagnose",
    responses=ERRORS,
    summary="Rank conditions by how well they match present and absent features",
)
async def diagnose(request: Request, body: DiagnoseRequest) -> Response:
    site = site_of(request)
    present: list[str] = []
    absent: list[str] = []
    unknown: list[str] = []
    for raw, target in [(p, present) for p in body.present] + [(a, absent) for a in body.absent]:
        tid = checker.term_id(site.knowledge, raw)
        (target if tid else unknown).append(tid or raw)
    if unknown:
        raise ApiError(
            422, "unknown_term", f"unknown HPO phenotype id(s): {', '.join(u[:20] for u in unknown[:5])}"
        )
    onset = checker.onset_id(site.knowledge, body.onset) if body.onset else None
    if body.onset and onset is None:
        raise ApiError(422, "unknown_term", f"not an HPO onset term: {body.onset[:20]!r}")
    result = await run_in_threadpool(site.diagnose, present, absent, body.sex, onset, body.limit)
    return Response(_dump(result), media_type=JSON, headers={"Cache-Control": "no-store"})


@router.post(
    "/annotate",
    responses=ERRORS,
    summary="Find HPO symptoms mentioned in free text",
)
async def annotate(request: Request, body: AnnotateRequest) -> Response:
    site = site_of(request)
    mentions = await run_in_threadpool(annotate_text, site.knowledge, body.text)
    return Response(_dump(list(mentions)), media_type=JSON, headers={"Cache-Control": "no-store"})


__all__ = ["router", "symptom_path"]
