"""An article's references: one per line, a PMID, DOI, URL or database record, then the citation text.

    PMID:12345678 Author A, et al. Title. Journal. 2020.
    doi:10.1000/xyz123 Title of the paper
    https://www.orpha.net/en/disease/detail/1183 Orphanet: Opsoclonus-myoclonus syndrome
    ORPHA:1183 Orphanet record

Clinical sections of an article cite references by number, `[1]`, in the order of this list.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel

from symptomdb.editorial.errors import InvalidInput
from symptomdb.knowledge.answer import xref_url

MAX_REFERENCES = 100
_LIST_MARK = re.compile(r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+|\[\d{1,3}\]\s*)")
_PMID = re.compile(r"^(?:PMID:?\s*)(\d{1,9})\b\.?\s*(.*)$", re.IGNORECASE)
_DOI = re.compile(
    r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/\S+?)[.,;]?(?:\s+(.*))?$", re.IGNORECASE
)
_RECORD = re.compile(r"^(ORPHA|OMIM):\s*(\d{1,7})\b\.?\s*(.*)$", re.IGNORECASE)
_URL = re.compile(r"^(https?://\S+)(?:\s+(.*))?$", re.IGNORECASE)

Kind = Literal["pmid", "doi", "url", "record"]
# The kinds that support a clinical claim (all of them, today; kept explicit for the publish check).
CITABLE: tuple[Kind, ...] = ("pmid", "doi", "url", "record")
CLINICAL_SECTIONS = ("symptoms", "diagnosis", "treatment options", "prognosis and ongoing research")


class Reference(BaseModel):
    number: int
    kind: Kind
    identifier: str  # PMID:123, DOI:10.x/y, ORPHA:1183, or the URL itself
    url: str
    text: str


def parse_references(text: str) -> list[Reference]:
    """Parse the references field; raise InvalidInput naming every line that is not a reference."""
    references: list[Reference] = []
    problems: list[str] = []
    for line_number, raw in enumerate(text.split("\n"), start=1):
        line = _LIST_MARK.sub("", raw).strip()
        if not line:
            continue
        reference = _parse_line(line, len(references) + 1)
        if reference is None:
            problems.append(f"line {line_number} (“{line[:60]}”)")
        else:
            references.append(reference)
    if problems:
        raise InvalidInput(
            "Each reference must start with a PMID (PMID:12345678), a DOI (doi:10.1000/xyz), "
            "a web address (https://…) or a database record (ORPHA:1183, OMIM:123456); "
            f"not understood: {'; '.join(problems[:5])}."
        )
    if len(references) > MAX_REFERENCES:
        raise InvalidInput(f"An article can have at most {MAX_REFERENCES} references.")
    return references


def _parse_line(line: str, number: int) -> Reference | None:
    if match := _PMID.match(line):
        pmid = match.group(1)
        return Reference(
            number=number,
            kind="pmid",
            identifier=f"PMID:{pmid}",
            url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
            text=match.group(2).strip(),
        )
    if match := _DOI.match(line):
        doi = match.group(1)
        return Reference(
            number=number,
            kind="doi",
            identifier=f"DOI:{doi}",
            url=f"https://doi.org/{doi}",
            text=(match.group(2) or "").strip(),
        )
    if match := _RECORD.match(line):
        identifier = f"{match.group(1).upper()}:{match.group(2)}"
        url = xref_url(identifier)
        if url is None:
            return None
        return Reference(
            number=number, kind="record", identifier=identifier, url=url, text=match.group(3).strip()
        )
    if match := _URL.match(line):
        url = match.group(1).rstrip(".,;")
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname or "." not in parts.hostname:
            return None
        if any(c in url for c in "<>\"'`\\"):
            return None
        return Reference(
            number=number, kind="url", identifier=url, url=url, text=(match.group(2) or "").strip()
        )
    return None


def citation_problems(body: str, references: list[Reference]) -> list[str]:
    """Why the article cannot go to review or be published yet (empty when it can).

    - it has at least one PMID, DOI, URL or record reference;
    - every `[n]` in the text points to a reference;
    - each clinical section (symptoms, diagnosis, treatment options, prognosis) with text cites one.
    """
    problems: list[str] = []
    if not any(r.kind in CITABLE for r in references):
        problems.append(
            "Add at least one reference (a PMID, DOI or web address) that supports the clinical statements."
        )
    cited = {int(n) for n in re.findall(r"\[(\d{1,3})\]", body)}
    missing = sorted(n for n in cited if not 1 <= n <= len(references))
    if missing:
        problems.append(
            "The text cites reference"
            f"{'s' if len(missing) > 1 else ''} {', '.join(f'[{n}]' for n in missing)}, "
            f"but the list has {len(references)}."
        )
    for heading, text in sections(body):
        if heading.lower() in CLINICAL_SECTIONS and text.strip() and not re.search(r"\[\d{1,3}\]", text):
            problems.append(
                f"The section “{heading}” makes clinical statements without citing a reference, e.g. [1]."
            )
    return problems


def sections(body: str) -> list[tuple[str, str]]:
    """(heading, text) for each `#`/`##` section of the Markdown body."""
    result: list[tuple[str, list[str]]] = []
    heading = ""
    lines: list[str] = []
    fence = False
    for line in body.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        match = None if fence else re.match(r"^#{1,2}\s+(.*?)\s*#*\s*$", line)
        if match:
            result.append((heading, lines))
            heading, lines = match.group(1), []
        else:
            lines.append(line)
    result.append((heading, lines))
    return [(h, "\n".join(text)) for h, text in result if h or "".join(text).strip()]
