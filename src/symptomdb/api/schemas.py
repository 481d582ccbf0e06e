"""Request and response models of the JSON API (v1) that are not already service models."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from symptomdb.web.services import ConditionSummary, OrganSystem

Kind = Literal["condition", "symptom"]


class ErrorDetail(BaseModel):
    code: str = Field(description="Machine-readable: not_found, invalid_request, invalid_query, ...")
    message: str = Field(description="A sentence for people.")


class ErrorBody(BaseModel):
    """Every error response of the API has this shape."""

    error: ErrorDetail


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    data_version: str


class SearchHit(BaseModel):
    id: str
    name: str
    plain_name: str = Field(
        description="Everyday name (for symptoms, HPO's layperson synonym where there is one)."
    )
    matched_name: str = Field(description="The name or synonym that matched the query.")
    matched_by: Literal["name", "gene"] = Field(
        "name", description='"gene" when the query is a gene symbol associated with the condition.'
    )
    score: float = Field(ge=0, le=100)
    kind: Kind
    url: str = Field(description="The page of this condition or symptom on this site.")
    api_url: str


class SearchResponse(BaseModel):
    query: str
    matches: list[SearchHit]


class ConditionListItem(ConditionSummary):
    url: str
    api_url: str


class ConditionList(BaseModel):
    items: list[ConditionListItem]
    total: int
    page: int
    per_page: int
    pages: int
    letter: str | None = None
    system: OrganSystem | None = None
    next: str | None = Field(default=None, description="Address of the next page, if any.")
    prev: str | None = Field(default=None, description="Address of the previous page, if any.")


class DiagnoseRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    present: list[str] = Field(min_length=1, max_length=40, description="HPO ids of features the person has.")
    absent: list[str] = Field(
        default=[], max_length=40, description="HPO ids of features the person does not have."
    )
    sex: Literal["female", "male"] | None = None
    onset: str | None = Field(default=None, max_length=20, description="HPO onset term id, e.g. HP:0003593.")
    limit: int = Field(default=20, ge=1, le=100)


class AnnotateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=5000)


class Link(BaseModel):
    rel: str
    href: str
    method: str = "GET"


class ApiIndex(BaseModel):
    name: str
    version: str
    data_version: str
    disclaimer: str
    links: list[Link]
