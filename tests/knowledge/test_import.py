from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from symptomdb.db import migrate, models
from symptomdb.db.engine import make_engine
from symptomdb.knowledge.importers.hpoa import HpoaFormatError
from symptomdb.knowledge.importers.run import ImportInputs, import_all
from symptomdb.knowledge.store import load_knowledge
from tests.conftest import MINI_HPO


def _mini_inputs(directory: Path) -> ImportInputs:
    shutil.copytree(MINI_HPO, directory, dirs_exist_ok=True)
    return ImportInputs(
        hpo_dir=directory,
        mondo_paths=[directory / "mondo.sssom.tsv"],
        maxo_actions=None,
        maxo_diagnostics=None,
        do_diseases=None,
        do_symptoms=None,
        hpo_newer=None,
        mondo_version="test",
    )


def _table_counts(engine: object) -> dict[str, int]:
    with Session(engine) as session:  # type: ignore[call-overload]
        return {
            m.__tablename__: session.scalar(select(func.count()).select_from(m))
            for m in models.KNOWLEDGE_TABLES
        }


def test_import_is_complete_idempotent_and_transactional(empty_database_url: str, tmp_path: Path) -> None:
    engine = make_engine(empty_database_url)
    migrate.upgrade(engine)
    inputs = _mini_inputs(tmp_path / "hpo")

    first = import_all(engine, inputs)
    assert not first.skipped and first.hpo_version == "2099-01-01"
    counts = _table_counts(engine)
    assert counts["condition"] == 3 and counts["annotation"] == 7 and counts["condition_gene"] == 1

    assert import_all(engine, inputs).skipped  # same files: nothing to do
    forced = import_all(engine, inputs, force=True)
    assert not forced.skipped and _table_counts(engine) == counts  # re-running changes nothing

    # A broken file fails the import and leaves the previous data serving.
    hpoa = inputs.hpo_dir / "phenotype.hpoa"
    hpoa.write_text(hpoa.read_text() + "OMIM:2\tBroken\t\tHP:0001250\tPMID:1\tPCS\t\tsometimes\t\t\tP\tx\n")
    with pytest.raises(HpoaFormatError):
        import_all(engine, inputs)
    assert _table_counts(engine) == counts

    knowledge = load_knowledge(engine)
    omim = knowledge.condition("OMIM:100001")
    assert omim.mondo_id == "MONDO:0000001"
    assert {n.name for n in omim.names} == {
        "Test epilepsy, type 1",
        "test epilepsy",
        "EPILEPSY, TEST, TYPE 1",
    }
    assert knowledge.condition("ORPHA-1183").xrefs == [
        ("GARD:0010009", "hasDbXref"),
        ("MONDO:0015247", "exactMatch"),
    ]
    assert knowledge.condition("MONDO:0015247").id == "ORPHA:1183"
    assert knowledge.terms["HP:0010543"].categories == ["HP:0000478", "HP:0000707"]
    assert knowledge.primary_term_id("HP:0002279") == "HP:0001250"  # alt id
    assert knowledge.primary_term_id("hp_0009999") == "HP:0001250"  # obsolete -> replacement
    engine.dispose()


def test_missing_input_file_is_a_clear_error(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    migrate.upgrade(engine)
    with pytest.raises(FileNotFoundError, match=r"hp\.obo"):
        import_all(engine, ImportInputs(hpo_dir=tmp_path, mondo_paths=[MINI_HPO / "mondo.sssom.tsv"]))


NEWER_HEADER = (
    "#version: {version}\n"
    "database_id\tdisease_name\tqualifier\thpo_id\treference\tevidence\tonset\tfrequency\tsex\tmodifier\taspect"
    "\tbiocuration\n"
)


def _newer_file(path: Path, version: str) -> Path:
    rows = [
        "OMIM:620001\tNew jerking disorder\t\tHP:0001336\tOMIM:620001\t\t\t\t\t\tP\t",
        "OMIM:620001\tNew jerking disorder\t\tHP:0009999\tOMIM:620001\t\t\t\t\t\tP\t",  # not a current term
        "OMIM:100001\tTest epilepsy, renamed later\t\tHP:0010543\tOMIM:100001\t\t\t\t\t\tP\t",  # main has it
    ]
    path.write_text(NEWER_HEADER.format(version=version) + "\n".join(rows) + "\n")
    return path


def test_a_newer_release_adds_only_the_diseases_the_main_one_lacks(
    empty_database_url: str, tmp_path: Path
) -> None:
    engine = make_engine(empty_database_url)
    migrate.upgrade(engine)
    inputs = _mini_inputs(tmp_path / "hpo")
    inputs.hpo_newer = _newer_file(tmp_path / "newer.hpoa", "2099-06-01")
    result = import_all(engine, inputs)
    assert result.versions["hpo-newer"] == "2099-06-01"
    knowledge = load_knowledge(engine)
    new = knowledge.condition("OMIM:620001")
    assert new.name == "New jerking disorder" and new.annotation_source == "hpo-newer"
    assert [(a.hpo_id, a.frequency) for a in new.annotations] == [("HP:0001336", None)]
    old = knowledge.condition("OMIM:100001")  # the main release's record is kept as it is
    assert old.annotation_source == "hpo" and old.name == "Test epilepsy, type 1"
    assert "HP:0010543" not in {a.hpo_id for a in old.annotations}
    with Session(engine) as session:
        counts = dict(session.execute(select(models.DataRelease.source, models.DataRelease.counts)).all())
    assert counts["hpo-newer"] == {"condition": 1, "annotation": 1}
    assert counts["hpo"]["condition"] == 3 and counts["hpo"]["annotation"] == 7  # the main release's own

    # once the main release is as new (after `data update`), the extract is not used
    inputs.hpo_newer = _newer_file(tmp_path / "older.hpoa", "2099-01-01")
    result = import_all(engine, inputs)
    assert "not used" in result.versions["hpo-newer"]
    assert "OMIM:620001" not in load_knowledge(engine).conditions
    engine.dispose()
