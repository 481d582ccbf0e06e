"""Server-rendered pages. Each route parses its input, calls one service through `Site`, renders a template.

Read-only pages are rendered once per data version and served from memory with an ETag.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from symptomdb.diagnosis.service import DiagnosisResult
from symptomdb.knowledge.store import UnknownIdError
from symptomdb.web import checker, presenters, services
from symptomdb.web.cache import Body
from symptomdb.web.responses import HTML, cached
from symptomdb.web.site import Site

router = APIRouter(include_in_schema=False)
T = TypeVar("T")
HEALTH = b'{"status":"ok"}'


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


async def _body(site: Site, key: tuple[Any, ...], build: Callable[[], str]) -> Body:
    """A rendered page from the cache, rendering it in a worker thread on a miss."""
    hit = site.pages.get((*key, site.version))
    if hit is not None:
        return hit
    return await run_in_threadpool(site.cached_body, key, lambda: build().encode())


async def _page(request: Request, key: tuple[Any, ...], build: Callable[[], str]) -> Response:
    site = site_of(request)
    return cached(request, await _body(site, key, build), HTML)


@router.get("/healthz")
async def healthz() -> Response:
    return Response(HEALTH, media_type="application/json", headers={"Cache-Control": "no-store"})


@router.get("/robots.txt")
async def robots() -> Response:
    return Response(
        "User-agent: *\nDisallow: /search\nDisallow: /checker\nDisallow: /api/\n", media_type="text/plain"
    )


@router.get("/favicon.ico")
async def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/")
async def home(request: Request) -> Response:
    site = site_of(request)

    def build() -> str:
        return site.render(
            "home.html",
            canonical="/",
            letters=services.letters(site.knowledge),
            condition_count=f"{len(site.knowledge.conditions):,}",
        )

    return await _page(request, ("home",), build)


@router.get("/search")
async def search(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> Response:
    site = site_of(request)
    query = " ".join(q.split())
    key = (query, site.version)
    outcome = site.search_pages.get(key)
    if outcome is None:
        outcome = await run_in_threadpool(
            site.search_pages.get_or_build, key, lambda: _search_outcome(site, query)
        )
    status, location, body = outcome
    if location:
        return RedirectResponse(location, status_code=303)
    return Response(body, status_code=status, media_type=HTML, headers={"Cache-Control": "no-store"})


def _search_outcome(site: Site, query: str) -> tuple[int, str, bytes]:
    """(status, redirect location or "", page) for a search; cached per query and data version."""
    from symptomdb.search.resolve import QueryError

    error = None
    matches = []
    if query:
        try:
            matches = site.resolve(query, 20)
        except QueryError as exc:
            error = str(exc)
    if matches and (best := services.confident_match(site.knowledge, matches)) is not None:
        return 303, site.match_url(best), b""
    if matches:
        # Listed by kind: a symptom with the exact name ("leukemia") must not crowd out the conditions
        # that carry it in theirs, and symptoms are also read as descriptions ("tummy ache").
        matches = site.resolve(query, 20, ("condition",)) + site.resolve(query, 10, ("symptom",))
    conditions = [{**m.model_dump(), "url": site.match_url(m)} for m in matches if m.kind == "condition"]
    symptoms = []
    for m in matches:
        if m.kind == "symptom":
            term = site.knowledge.terms.get(m.id)
            plain = term.plain_name if term else m.name
            symptoms.append({**m.model_dump(), "url": site.match_url(m), "plain_name": plain})
    html = site.render("search.html", q=query, conditions=conditions, symptoms=symptoms, error=error)
    return (422 if error else 200), "", html.encode()


@router.get("/conditions")
async def conditions(
    request: Request,
    letter: Annotated[str, Query(max_length=10)] = "",
    system: Annotated[str, Query(max_length=20)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    site = site_of(request)
    knowledge = site.knowledge
    try:
        listing = (
            services.list_conditions(
                knowledge, letter=letter or None, system=system or None, page=page, per_page=100
            )
            if letter or system
            else None
        )
    except services.InvalidListingError as exc:
        raise HTTPException(422, str(exc)) from exc
    heading = "Conditions A–Z"
    system_param = ""
    params = []
    if listing and listing.system:
        heading = f"Conditions affecting {listing.system.label.lower()}"
        system_param = f"&system={listing.system.id.replace(':', '-')}"
        params.append(f"system={listing.system.id.replace(':', '-')}")
    if listing and listing.letter:
        heading += f": {listing.letter}"
        params.append(f"letter={listing.letter}")
    pager_base = "/conditions?" + "".join(p + "&" for p in params)

    def build() -> str:
        return site.render(
            "conditions.html",
            heading=heading,
            page=listing,
            letters=services.letters(knowledge),
            system_param=system_param,
            pager_base=pager_base,
            canonical=pager_base.rstrip("&?") + (f"&page={page}" if page > 1 else "")
            if listing
            else "/conditions",
        )

    return await _page(request, ("conditions", letter.upper(), system.upper(), page), build)


@router.get("/systems")
async def systems(request: Request) -> Response:
    site = site_of(request)

    def build() -> str:
        return site.render(
            "systems.html", systems=services.organ_systems(site.knowledge), canonical="/systems"
        )

    return await _page(request, ("systems",), build)


def _canonical_condition(site: Site, condition_id: str) -> str:
    cid = site.knowledge.normalise_condition_id(condition_id)
    if cid is None:
        raise HTTPException(
            404,
            f"We know no condition with the id “{condition_id[:40]}”. "
            "Search for it by name, or browse the list.",
        )
    return cid


@router.get("/conditions/{condition_id}")
async def condition_short(request: Request, condition_id: str) -> RedirectResponse:
    site = site_of(request)
    cid = _canonical_condition(site, condition_id)
    return RedirectResponse(site.canonical_path("condition", cid), status_code=301)


async def _canonical_page(
    request: Request, kind: str, entity_id: str, build: Callable[[str], str]
) -> Response:
    """The page at its one readable address: other spellings of it redirect there (301)."""
    canonical = site_of(request).canonical_path(kind, entity_id)
    if request.scope["path"] != canonical:
        return RedirectResponse(canonical, status_code=301)
    return await _page(request, (kind, entity_id), lambda: build(canonical))


@router.get("/conditions/{condition_id}/{slug}")
async def condition(request: Request, condition_id: str, slug: str) -> Response:
    site = site_of(request)
    cid = _canonical_condition(site, condition_id)

    def build(canonical: str) -> str:
        a = site.answer(cid)
        release = site.knowledge.release("hpo")
        return site.render(
            "condition.html",
            a=a,
            canonical=canonical,
            description=presenters.condition_description(a),
            jsonld=presenters.condition_jsonld(a),
            other_names=presenters.other_names(a),
            letter=services.letter_of(a.name),
            updated=release.imported_at[:10] if release else "",
            hpo_version=release.version if release else "",
        )

    return await _canonical_page(request, "condition", cid, build)


@router.get("/symptoms")
async def symptoms_index(request: Request) -> Response:
    site = site_of(request)

    def build() -> str:
        from symptomdb.knowledge.symptoms import PHENOTYPE_ROOT

        knowledge = site.knowledge
        ids = knowledge.children.get(PHENOTYPE_ROOT, [])
        categories = sorted(
            (knowledge.terms[i] for i in ids),
            key=lambda t: services.SYSTEM_LABELS.get(t.id, t.plain_name).casefold(),
        )
        return site.render("symptoms.html", categories=categories, canonical="/symptoms")

    return await _page(request, ("symptoms",), build)


def _canonical_symptom(site: Site, term_id: str) -> str:
    tid = checker.term_id(site.knowledge, term_id)
    if tid is None:
        text = term_id.strip().upper().replace("_", ":")
        text = text if ":" in text else text.replace("-", ":", 1)
        try:
            tid = site.knowledge.primary_term_id(text)
        except UnknownIdError:
            raise HTTPException(
                404, f"We know no symptom with the id “{term_id[:40]}”. Search for it by name instead."
            ) from None
    return tid


@router.get("/symptoms/{term_id}")
async def symptom_short(request: Request, term_id: str) -> RedirectResponse:
    site = site_of(request)
    tid = _canonical_symptom(site, term_id)
    return RedirectResponse(site.canonical_path("symptom", tid), status_code=301)


@router.get("/symptoms/{term_id}/{slug}")
async def symptom(request: Request, term_id: str, slug: str) -> Response:
    site = site_of(request)
    tid = _canonical_symptom(site, term_id)

    def build(canonical: str) -> str:
        info = site.symptom(tid)
        return site.render(
            "symptom.html",
            s=info,
            canonical=canonical,
            description=presenters.symptom_description(info),
            jsonld=presenters.symptom_jsonld(info),
        )

    return await _canonical_page(request, "symptom", tid, build)


@router.get("/about")
async def about(request: Request) -> Response:
    site = site_of(request)

    def build() -> str:
        release = site.knowledge.release("hpo")
        return site.render(
            "about.html",
            section="about",
            canonical="/about",
            condition_count=f"{len(site.knowledge.conditions):,}",
            term_count=f"{len(site.knowledge.terms):,}",
            hpo_version=release.version if release else "unknown",
        )

    return await _page(request, ("about",), build)


@router.get("/checker")
async def checker_page(
    request: Request,
    present: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI copies defaults
    absent: Annotated[list[str], Query()] = [],  # noqa: B006
    q: Annotated[str, Query(max_length=200)] = "",
    side: Annotated[str, Query(alias="as", max_length=10)] = "present",
    add_id: Annotated[str, Query(max_length=20)] = "",
    remove: Annotated[str, Query(max_length=20)] = "",
    text: Annotated[str, Query(max_length=2000)] = "",
    sex: Annotated[str, Query(max_length=10)] = "",
    onset: Annotated[str, Query(max_length=20)] = "",
    update: Annotated[str, Query(max_length=5)] = "",
) -> Response:
    site = site_of(request)
    chosen_sex = sex if sex in SEXES else ""
    chosen_onset = onset if onset in dict(ONSETS) else ""
    if len(present) + len(absent) > 2 * checker.MAX_SYMPTOMS:
        raise HTTPException(422, f"The checker takes at most {checker.MAX_SYMPTOMS} symptoms.")

    def redirects(state: checker.CheckerState) -> bool:
        """After an action (or "update"), go to the clean, shareable address of the new state."""
        return (state.changed or bool(update)) and not state.choices

    def work() -> tuple[checker.CheckerState, DiagnosisResult | None]:
        state = checker.apply(
            site.knowledge,
            present,
            absent,
            side=side,
            query=q,
            add_id=add_id,
            remove=remove,
            text=text,
            resolver=lambda name: site.resolve(name, 10, ("symptom",)),
            annotator=site.annotate,
        )
        result = None
        if state.present and not state.choices and not (redirects(state) and not state.message):
            result = site.diagnose(
                [t.id for t in state.present],
                [t.id for t in state.absent],
                sex=chosen_sex or None,
                onset=chosen_onset or None,
            )
        return state, result

    state, result = await run_in_threadpool(work)
    if redirects(state) and not state.message:
        # Post/redirect/get: a clean, shareable address for the new list.
        about = urlencode([(k, v) for k, v in (("sex", chosen_sex), ("onset", chosen_onset)) if v])
        query = "&".join(part for part in (state.query_string(), about) if part)
        return RedirectResponse(f"/checker?{query}", status_code=303)
    html = site.render(
        "checker.html",
        section="checker",
        state=state,
        result=result,
        sex=chosen_sex,
        sexes=SEXES,
        onset=chosen_onset,
        onsets=ONSETS,
        canonical="/checker",
    )
    return Response(html, media_type=HTML, headers={"Cache-Control": "no-store"})


SEXES = ("female", "male")
ONSETS = (  # HPO onset terms a person can tell, oldest first
    ("HP:0030674", "Before birth"),
    ("HP:0003577", "At birth"),
    ("HP:0003623", "First month of life"),
    ("HP:0003593", "First year of life"),
    ("HP:0011463", "Childhood (1–5 years)"),
    ("HP:0003621", "Late childhood or teens (5–15 years)"),
    ("HP:0003581", "Adulthood (16 years or later)"),
)
