"""`data update`: newer releases of every source, from their official URLs or a local directory.

Files are found by their official names; a source whose files are not given keeps its bundled
extract. The import itself is one transaction: readers keep the old data until it commits, and a
broken file leaves the old data serving.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from symptomdb.knowledge import sources
from symptomdb.knowledge.importers.mondo import sssom_release
from symptomdb.knowledge.importers.run import ImportInputs, ImportResult, StepCallback, import_all

HPO_RELEASES = "https://github.com/obophenotype/human-phenotype-ontology/releases/latest/download/"
MONDO_MAPPINGS = "https://raw.githubusercontent.com/monarch-initiative/mondo/master/src/ontology/mappings/"
MAXO_DATA = "https://raw.githubusercontent.com/monarch-initiative/maxo-annotations/master/data/"
DO_REPORTS = "https://raw.githubusercontent.com/DiseaseOntology/HumanDiseaseOntology/main/DOreports/"
HPO_FILES = ("hp.obo", "phenotype.hpoa", "genes_to_phenotype.txt")
MONDO_FILES = (
    "mondo_exactmatch_omim.sssom.tsv",
    "mondo_exactmatch_orphanet.sssom.tsv",
    "mondo_exactmatch_doid.sssom.tsv",
    "mondo_hasdbxref_gard.sssom.tsv",
    "mondo_hasdbxref_nord.sssom.tsv",
)
OFFICIAL_URLS: dict[str, str] = {
    **{name: HPO_RELEASES + name for name in HPO_FILES},
    **{name: MONDO_MAPPINGS + name for name in MONDO_FILES},
    "maxo-annotations.tsv": MAXO_DATA + "maxo-annotations.tsv",
    "maxo_diagnostic_annotations.tsv": MAXO_DATA + "poet/maxo_diagnostic_annotations.tsv",
    "HumanDO.tsv": DO_REPORTS + "HumanDO.tsv",
    "disease-symptom.tsv": DO_REPORTS + "requested/disease-symptom.tsv",
}


@dataclass
class UpdatePlan:
    inputs: ImportInputs
    found: dict[str, Path]  # official file name -> local path used


def find_files(directory: Path) -> dict[str, Path]:
    """Official source files under a directory (any depth), by name; the first found wins."""
    if not directory.is_dir():
        raise FileNotFoundError(f"not a directory: {directory}")
    found: dict[str, Path] = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.name in OFFICIAL_URLS:
            found.setdefault(path.name, path)
    return found


def plan_from_directory(directory: Path) -> UpdatePlan:
    found = find_files(directory)
    if not found:  # a wrong directory is an error, not "already up to date"
        raise FileNotFoundError(
            f"no source files under {directory}; the official names are: {', '.join(OFFICIAL_URLS)}"
        )
    inputs = ImportInputs()
    hpo = [found.get(name) for name in HPO_FILES]
    if any(hpo):
        missing = [name for name, path in zip(HPO_FILES, hpo, strict=True) if path is None]
        if missing or len({p.parent for p in hpo if p}) != 1:
            raise FileNotFoundError(f"HPO files must be together in one directory; missing: {missing}")
        inputs.hpo_dir = hpo[0].parent  # type: ignore[union-attr]
    mondo = [found[name] for name in MONDO_FILES if name in found]
    if mondo:
        inputs.mondo_paths = mondo
        inputs.mondo_version = sssom_release(mondo) or "local files"
    inputs.maxo_actions = found.get("maxo-annotations.tsv", inputs.maxo_actions)
    inputs.maxo_diagnostics = found.get("maxo_diagnostic_annotations.tsv", inputs.maxo_diagnostics)
    if ("HumanDO.tsv" in found) != ("disease-symptom.tsv" in found):
        raise FileNotFoundError("the Disease Ontology needs both HumanDO.tsv and disease-symptom.tsv")
    inputs.do_diseases = found.get("HumanDO.tsv", inputs.do_diseases)
    inputs.do_symptoms = found.get("disease-symptom.tsv", inputs.do_symptoms)
    return UpdatePlan(inputs, found)


def download_official(workdir: Path, on_step: StepCallback) -> Path:
    """Download every source's current official release into workdir (mirrors their names)."""
    for name, url in OFFICIAL_URLS.items():
        on_step(f"Downloading {name}")
        target = sources.local_copy(url, workdir)
        if target.name != name:
            target.rename(workdir / name)
    return workdir


def update(
    engine: Engine, from_dir: Path | None, *, force: bool = False, on_step: StepCallback = lambda _: None
) -> tuple[ImportResult, UpdatePlan]:
    with sources.temporary_workdir() as workdir:
        directory = from_dir if from_dir is not None else download_official(Path(workdir), on_step)
        plan = plan_from_directory(directory)
        return import_all(engine, plan.inputs, force=force, on_step=on_step), plan
