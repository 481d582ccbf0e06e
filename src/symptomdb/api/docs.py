"""API documentation at /api/docs, rendered on the server from the OpenAPI description.

No CDN and no inline script (the site's CSP forbids both), so instead of Swagger UI this is a plain,
accessible HTML page; the machine-readable description is at /api/openapi.json.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from symptomdb.web.responses import HTML, cached
from symptomdb.web.site import Site

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def type_label(schema: dict[str, Any]) -> str:
    """A short human label for a JSON schema: 'string', 'list of Symptom', 'integer or null'."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(type_label(s) for s in schema["anyOf"])
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return type_label(schema["allOf"][0])
    if "enum" in schema:
        return " | ".join(repr(v) for v in schema["enum"])
    if "const" in schema:
        return repr(schema["const"])
    kind = schema.get("type")
    if kind == "array":
        return "list of " + type_label(schema.get("items", {}))
    if kind == "object" and "additionalProperties" in schema:
        return "map to " + type_label(schema["additionalProperties"])
    return str(kind or "any")


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    result = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            responses = []
            for status, response in op.get("responses", {}).items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                responses.append(
                    {
                        "status": status,
                        "description": response.get("description", ""),
                        "type": type_label(schema) if schema else "",
                    }
                )
            result.append(
                {
                    "anchor": f"{method}-{path}".replace("/", "-")
                    .replace("{", "")
                    .replace("}", "")
                    .strip("-"),
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "type": type_label(p.get("schema", {})),
                            "description": p.get("description") or p.get("schema", {}).get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": type_label(body) if body else None,
                    "responses": responses,
                }
            )
    return result


def schemas(spec: dict[str, Any]) -> list[dict[str, Any]]:
    result = []
    for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        result.append(
            {
                "name": name,
                "description": schema.get("description", ""),
                "fields": [
                    {
                        "name": field,
                        "type": type_label(sub),
                        "required": field in required,
                        "description": sub.get("description", ""),
                    }
                    for field, sub in schema.get("properties", {}).items()
                ],
            }
        )
    return result


@router.get("/api/docs")
@router.get("/api")
async def api_docs(request: Request) -> Response:
    site: Site = request.app.state.site
    spec = request.app.openapi()

    def build() -> bytes:
        return site.render(
            "api_docs.html",
            spec=spec,
            operations=operations(spec),
            schemas=schemas(spec),
            canonical="/api/docs",
        ).encode()

    return cached(request, site.cached_body(("api-docs",), build), HTML)
