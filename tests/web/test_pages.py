"""HTTP tests of every page route and error path (FastAPI TestClient, no browser)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from fastapi import FastAPI
from fastapi.testclient import TestClient

from symptomdb.context import SymptomDB
from symptomdb.web.app import create_app

OMS = "/conditions/ORPHA-1183/opsoclonus-myoclonus-syndrome"
XSS = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


class _Scripts(HTMLParser):
    """Collects <script> tags and inline style attributes, to check the pages against the CSP."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.inline_styles = 0
        self.event_handlers = 0
        self.json_ld: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes)
            self._in_json = attributes.get("type") == "application/ld+json"
        if "style" in attributes or tag == "style":
            self.inline_styles += 1
        self.event_handlers += sum(1 for name, _ in attrs if name.startswith("on"))

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.json_ld.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json = False


def parse(html: str) -> _Scripts:
    parser = _Scripts()
    parser.feed(html)
    return parser


def assert_csp_clean(html: str) -> None:
    page = parse(html)
    for script in page.scripts:
        assert script.get("src", "").startswith("/static/") or script.get("type") == "application/ld+json"
    assert page.inline_styles == 0
    assert page.event_handlers == 0


def assert_common_layout(html: str) -> None:
    assert '<html lang="en">' in html
    assert 'class="skip-link" href="#main"' in html
    assert (
        '<main id="main"' in html and "<header" in html and "<footer" in html and 'aria-label="Main"' in html
    )
    assert "Not medical advice." in html
    assert re.search(r"<title>[^<]+ · symptomdb</title>", html)
    assert '<meta name="description" content="' in html
    assert_csp_clean(html)


# --- security headers and static files ---------------------------------------------------------------
def test_security_headers_on_pages_api_errors_and_static(client: TestClient) -> None:
    for path in ("/", "/api/v1/conditions/ORPHA:1183", "/nowhere", "/static/site.css"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-frame-options"] == "DENY"


def test_static_files_are_versioned_and_cached(client: TestClient) -> None:
    html = client.get("/").text
    css = re.search(r'href="(/static/site\.css\?v=[0-9a-f]+)"', html)
    js = re.search(r'src="(/static/site\.js\?v=[0-9a-f]+)"', html)
    assert css and js
    response = client.get(css.group(1))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/css")
    assert "immutable" in response.headers["cache-control"]
    assert (
        client.get(js.group(1))
        .headers["content-type"]
        .startswith(("text/javascript", "application/javascript"))
    )
    assert client.get("/static/nope.js").status_code == 404


def test_healthz_robots_favicon(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert "Disallow: /search" in client.get("/robots.txt").text
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 301 and favicon.headers["location"] == "/static/favicon.svg"


# --- home and search -------------------------------------------------------------------------------
def test_home_page(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert_common_layout(html)
    assert '<label for="q">Search for a condition or a symptom</label>' in html
    assert 'action="/search"' in html and 'role="search"' in html
    assert 'href="/conditions?letter=O"' in html and 'href="/checker"' in html


def test_search_with_a_misspelling_lists_the_condition(client: TestClient) -> None:
    response = client.get("/search", params={"q": "opsoclonus myoclonis"})
    assert response.status_code == 200
    assert f'href="{OMS}"' in response.text
    assert_common_layout(response.text)


def test_confident_search_redirects_to_the_page(client: TestClient) -> None:
    response = client.get("/search", params={"q": "seizures"})
    assert response.status_code == 303
    assert response.headers["location"].startswith("/symptoms/HP-0001250/")


def test_search_with_equivalent_ids_still_redirects(client: TestClient) -> None:
    # "Cystic fibrosis" is both ORPHA:586 and OMIM:219700: the same disease, so still one confident answer.
    response = client.get("/search", params={"q": "cystic fibrosis"})
    assert response.status_code in (200, 303)
    if response.status_code == 303:
        assert response.headers["location"].startswith(("/conditions/ORPHA-586/", "/conditions/OMIM-219700/"))


def test_search_by_gene_symbol_lists_its_conditions(client: TestClient) -> None:
    response = client.get("/search", params={"q": "CFTR"})
    assert response.status_code == 200  # several conditions: a list, not a redirect
    assert "Cystic fibrosis" in response.text and "gene CFTR" in response.text
    api = client.get("/api/v1/resolve", params={"q": "CFTR"}).json()
    assert api["matches"][0]["matched_by"] == "gene"


def test_empty_and_absurd_searches(client: TestClient) -> None:
    empty = client.get("/search")
    assert empty.status_code == 200 and "Type a condition name" in empty.text
    absurd = client.get("/search", params={"q": "!!!"})
    assert absurd.status_code == 422
    assert 'role="alert"' in absurd.text
    nothing = client.get("/search", params={"q": "qqqqzzzzxxxx"})
    assert nothing.status_code in (200, 422)


def test_hostile_query_strings_are_escaped(client: TestClient) -> None:
    for path in ("/search", "/checker", "/conditions", "/nowhere"):
        response = client.get(path, params={"q": XSS, "letter": XSS})
        assert "<script>alert(1)" not in response.text
        assert "onerror=alert" not in response.text.replace("onerror=alert(2)&gt;", "")
        assert_csp_clean(response.text)
    response = client.get("/search", params={"q": XSS})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    bad_id = client.get("/conditions/" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert bad_id.status_code == 404 and "<script>alert(1)" not in bad_id.text


# --- condition pages -------------------------------------------------------------------------------
def test_condition_short_addresses_redirect_to_the_canonical_one(client: TestClient) -> None:
    for path in ("/conditions/ORPHA-1183", "/conditions/ORPHA:1183", "/conditions/orpha_1183",
                 "/conditions/ORPHA-1183/wrong-slug", "/conditions/MONDO:0015247"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 301, path
        assert response.headers["location"] == OMS


def test_condition_page_has_all_sections_and_sources(client: TestClient) -> None:
    response = client.get(OMS)
    assert response.status_code == 200
    html = response.text
    assert_common_layout(html)
    assert '<h1 id="title">Opsoclonus-myoclonus syndrome</h1>' in html
    for section in ("symptoms", "diagnosis", "treatment", "course", "research", "support", "sources"):
        assert f'<section id="{section}"' in html and f'href="#{section}"' in html
    assert ">Ataxia</a>" in html and "Very frequent (80-99%)" in html
    assert ">Jerking</a>" in html and "Myoclonus" in html  # plain name with the clinical name
    assert 'class="fill freq-90"' in html  # frequency bar (0.895 -> 90%)
    assert "Human Phenotype Ontology annotations, release" in html
    assert "CC0 1.0" in html  # the MONDO release and its licence
    assert "Last updated" in html
    assert "No curated treatment data" in html  # an empty section says so plainly
    assert f'<link rel="canonical" href="{OMS}">' in html


def test_condition_page_json_ld(client: TestClient) -> None:
    page = parse(client.get(OMS).text)
    assert len(page.json_ld) == 1
    data = json.loads(page.json_ld[0])
    assert data["@type"] == "MedicalCondition" and data["name"] == "Opsoclonus-myoclonus syndrome"
    assert {"@type": "MedicalCode", "codeValue": "1183", "codingSystem": "ORPHA"} in data["code"]
    assert "Ataxia" in [s["name"] for s in data["signOrSymptom"]]


def test_condition_page_etag_and_304(client: TestClient) -> None:
    first = client.get(OMS)
    etag = first.headers["etag"]
    assert "max-age" in first.headers["cache-control"]
    again = client.get(OMS, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.get(OMS, headers={"If-None-Match": '"other"'}).status_code == 200


def test_pages_are_compressed_for_clients_that_accept_gzip(client: TestClient) -> None:
    plain = client.get(OMS, headers={"Accept-Encoding": "identity"})
    packed = client.get(OMS, headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers and packed.headers["content-encoding"] == "gzip"
    assert packed.content == plain.content  # the client unpacks it to the same page
    assert int(packed.headers["content-length"]) < len(plain.content) / 3
    assert plain.headers["vary"] == packed.headers["vary"] == "Accept-Encoding"
    assert plain.headers["etag"] != packed.headers["etag"]  # two representations, two strong ETags
    again = client.get(OMS, headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["etag"]})
    assert again.status_code == 304
    api = client.get("/api/v1/conditions/ORPHA:1183", headers={"Accept-Encoding": "gzip"})
    assert api.headers["content-encoding"] == "gzip" and api.json()["id"] == "ORPHA:1183"


def test_head_answers_like_get_without_a_body(client: TestClient) -> None:
    for path in (OMS, "/", "/api/v1/conditions/ORPHA:1183", "/no/such/page"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code, path
        assert head.content == b"" and get.content, path
        assert head.headers.get("content-length") == get.headers.get("content-length"), path
        assert head.headers.get("etag") == get.headers.get("etag"), path
    assert client.head("/conditions/ORPHA:1183").status_code == 301  # redirects stay redirects


def test_unknown_condition_is_a_helpful_404(client: TestClient) -> None:
    response = client.get("/conditions/ORPHA-99999999")
    assert response.status_code == 404
    assert "We know no condition with the id" in response.text
    assert 'action="/search"' in response.text and 'href="/conditions"' in response.text
    assert_common_layout(response.text)


def test_condition_with_genes_and_inheritance(client: TestClient) -> None:
    response = client.get("/conditions/OMIM-154700", follow_redirects=True)
    assert response.status_code == 200
    assert "FBN1" in response.text and "Autosomal dominant" in response.text


# --- symptom pages ---------------------------------------------------------------------------------
def test_symptom_page(client: TestClient) -> None:
    redirect = client.get("/symptoms/HP:0001336")
    assert redirect.status_code == 301 and redirect.headers["location"] == "/symptoms/HP-0001336/jerking"
    html = client.get("/symptoms/HP-0001336/jerking").text
    assert_common_layout(html)
    assert '<h1 id="title">Jerking</h1>' in html and "Myoclonus" in html
    assert "Very brief, involuntary random muscular contractions" in html  # the definition
    assert "Myoclonic jerks" in html  # a synonym
    assert f'href="{OMS}"' in html  # a condition where it is frequent
    assert json.loads(parse(html).json_ld[0])["@type"] == "MedicalSignOrSymptom"


def test_symptom_page_alt_id_wrong_slug_and_unknown(client: TestClient) -> None:
    assert client.get("/symptoms/HP-0001336/whatever").headers["location"] == "/symptoms/HP-0001336/jerking"
    unknown = client.get("/symptoms/HP-9999999")
    assert unknown.status_code == 404 and "We know no symptom" in unknown.text
    inheritance = client.get("/symptoms/HP-0000006", follow_redirects=True)
    assert inheritance.status_code == 200 and "not a symptom" in inheritance.text


def test_symptoms_index(client: TestClient) -> None:
    html = client.get("/symptoms").text
    assert "Brain and nerves" in html and "/symptoms/HP-0000707/" in html


# --- browsing ---------------------------------------------------------------------------------------
def test_conditions_a_to_z(client: TestClient) -> None:
    index = client.get("/conditions")
    assert index.status_code == 200 and 'href="/conditions?letter=O"' in index.text
    page = client.get("/conditions", params={"letter": "o"})
    assert page.status_code == 200
    assert f'href="{OMS}"' in page.text or 'rel="next"' in page.text
    assert 'aria-current="page">O</a>' in page.text


def test_conditions_pagination_reaches_the_condition(client: TestClient) -> None:
    found = False
    for number in range(1, 20):
        response = client.get("/conditions", params={"letter": "O", "page": number})
        if response.status_code != 200:
            break
        if f'href="{OMS}"' in response.text:
            found = True
            break
    assert found


def test_conditions_by_organ_system(client: TestClient) -> None:
    systems = client.get("/systems")
    assert systems.status_code == 200 and "Brain and nerves" in systems.text
    assert 'href="/conditions?system=HP-0000707"' in systems.text
    page = client.get("/conditions", params={"system": "HP-0000707", "letter": "O"})
    assert page.status_code == 200 and "Conditions affecting brain and nerves: O" in page.text


def test_invalid_listing_parameters_are_422_pages(client: TestClient) -> None:
    for params in (
        {"letter": "Ä"},
        {"system": "HP-0000001"},
        {"letter": "A", "page": "9999"},
        {"page": "abc"},
    ):
        response = client.get("/conditions", params=params)
        assert response.status_code == 422, params
        assert "text/html" in response.headers["content-type"]
        assert 'action="/search"' in response.text


def test_about_page_lists_releases(client: TestClient, app: FastAPI) -> None:
    html = client.get("/about").text
    for release in app.state.site.knowledge.releases:
        assert release.version in html
    assert "Sources and licences" in html and "not medical advice" in html.lower()


# --- checker ----------------------------------------------------------------------------------------
def test_checker_empty(client: TestClient) -> None:
    response = client.get("/checker")
    assert response.status_code == 200
    html = response.text
    assert_common_layout(html)
    assert '<label for="symptom-q">Symptom name</label>' in html
    assert "<legend>The person</legend>" in html
    # The "Add" button must come first: Enter in the text box presses the first submit button.
    assert html.index('id="add-button"') < html.index('name="remove"') if 'name="remove"' in html else True


def test_checker_add_by_name_redirects_to_a_clean_address(client: TestClient) -> None:
    response = client.get("/checker", params={"q": "jerking", "as": "present"})
    assert response.status_code == 303
    assert response.headers["location"] == "/checker?present=HP%3A0001336"


def test_checker_adds_symptoms_by_everyday_words(client: TestClient) -> None:
    for words, term in [("tummy ache", "HP%3A0002027"), ("floppy baby", "HP%3A0001252")]:
        response = client.get("/checker", params={"q": words, "as": "present"})
        assert response.status_code == 303, words
        assert response.headers["location"] == f"/checker?present={term}", words


def test_checker_add_by_id_absent_and_remove(client: TestClient) -> None:
    added = client.get("/checker", params={"present": "HP:0001336", "add_id": "HP:0001945", "as": "absent"})
    assert added.status_code == 303
    assert added.headers["location"] == "/checker?present=HP%3A0001336&absent=HP%3A0001945"
    removed = client.get(
        "/checker", params={"present": "HP:0001336", "absent": "HP:0001945", "remove": "HP:0001336"}
    )
    assert removed.headers["location"] == "/checker?absent=HP%3A0001945"


def test_checker_lists_and_results_section(client: TestClient) -> None:
    html = client.get(
        "/checker", params={"present": ["HP:0001336", "HP:0001251"], "absent": "HP:0001945"}
    ).text
    assert ">Jerking</a>" in html and ">Ataxia</a>" in html and ">Fever</a>" in html
    assert '<section id="results"' in html
    assert html.count('name="present" value="HP:') == 2 and 'name="absent" value="HP:0001945"' in html
    assert '<ol class="differential">' in html


def test_checker_ambiguous_name_offers_choices(client: TestClient) -> None:
    response = client.get("/checker", params={"q": "myoclonus seizure"})
    if response.status_code == 303:  # the resolver found one clear winner: also fine
        return
    assert "Which one did you mean" in response.text
    assert 'name="add_id" value="HP:' in response.text


def test_checker_unknown_input(client: TestClient) -> None:
    nothing = client.get("/checker", params={"q": "qqqqzzzzxxxx"})
    assert nothing.status_code == 200 and 'role="alert"' in nothing.text
    unknown = client.get("/checker", params={"present": ["HP:9999999", "HP:0001336"]})
    assert "Ignored 1 unknown symptom id" in unknown.text
    too_many = client.get("/checker", params={"present": [f"HP:{i:07d}" for i in range(100)]})
    assert too_many.status_code == 422


# --- errors -----------------------------------------------------------------------------------------
def test_unknown_address_and_method(client: TestClient) -> None:
    missing = client.get("/no/such/page")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    assert "There is no page at this address." in missing.text
    method = client.post("/")
    assert method.status_code == 405 and "text/html" in method.headers["content-type"]


def test_limits_on_request_size(client: TestClient) -> None:
    too_long = client.get("/search", params={"q": "a" * 5000})
    assert too_long.status_code == 414
    too_big = client.post(
        "/api/v1/diagnose", content=b"{" + b" " * 100_000 + b"}", headers={"content-type": "application/json"}
    )
    assert too_big.status_code == 413
    assert too_big.json()["error"]["code"] == "payload_too_large"


def test_a_crash_is_a_500_page_with_the_headers(shared_db: SymptomDB) -> None:
    def boom() -> None:
        raise RuntimeError("test crash")

    app = create_app(shared_db)
    app.add_api_route("/test-crash", boom)
    app.add_api_route("/api/v1/test-crash", boom)
    with TestClient(app, raise_server_exceptions=False) as crashing:
        page = crashing.get("/test-crash")
        assert page.status_code == 500 and "Something went wrong" in page.text
        assert "test crash" not in page.text and "Traceback" not in page.text
        assert page.headers["x-content-type-options"] == "nosniff"
        api = crashing.get("/api/v1/test-crash")
        assert api.status_code == 500 and api.json()["error"]["code"] == "internal_error"


def test_condition_page_shows_treatments_and_reported_symptoms(client: TestClient, app: FastAPI) -> None:
    knowledge = app.state.site.knowledge
    treated = next(r for r in knowledge.conditions.values() if getattr(r, "medical_actions", None))
    html = client.get(f"/conditions/{treated.id}", follow_redirects=True).text
    assert 'class="fact-group">Treatment</h3>' in html and "ontologies/maxo/" in html
    reported = next((r for r in knowledge.conditions.values() if getattr(r, "reported_symptoms", None)), None)
    if reported is not None:
        page = client.get(f"/conditions/{reported.id}", follow_redirects=True).text
        assert "Symptoms listed by the Disease Ontology" in page
        assert reported.reported_symptoms[0].symptom_id in page


def test_condition_page_has_the_editorial_marker(client: TestClient, app: FastAPI) -> None:
    # The cached page carries the marker; the editorial middleware fills it per request with articles.
    client.get(OMS)
    site = app.state.site
    body = site.pages.get(("condition", "ORPHA:1183", site.version))
    assert body is not None and body.content.count(b"<!-- editorial:articles -->") == 1


def test_checker_reads_symptoms_from_free_text(client: TestClient) -> None:
    text = "She has an unsteady walk, but no fever."
    response = client.get("/checker", params={"present": "HP:0001336", "text": text, "read": "1"})
    assert response.status_code == 303
    location = response.headers["location"]
    assert "present=HP%3A0001336" in location and "absent=HP%3A0001945" in location
    nothing = client.get("/checker", params={"text": "the weather is nice", "read": "1"})
    assert nothing.status_code == 200 and "No symptoms recognised" in nothing.text
