from __future__ import annotations

import pytest

from symptomdb.knowledge.importers.hpoa import HpoaFormatError, parse_frequency, parse_hpoa
from symptomdb.knowledge.importers.obo import OboFormatError, parse_obo
from tests.conftest import MINI_HPO


def test_obo_reads_terms_synonyms_graph_and_obsoletes() -> None:
    doc = parse_obo((MINI_HPO / "hp.obo").read_text().splitlines())
    terms = {t.id: t for t in doc.terms}
    assert doc.data_version == "hp/releases/2099-01-01"
    seizure = terms["HP:0001250"]
    assert seizure.parents == ["HP:0000707"]
    assert seizure.alt_ids == ["HP:0002279"]
    assert [(s.text, s.kind) for s in seizure.synonyms] == [
        ("Fits", "layperson"),
        ("Epileptic seizure", None),
    ]
    assert seizure.definition is not None and seizure.definition.startswith("A seizure")
    assert terms["HP:0010543"].parents == ["HP:0000478", "HP:0000707"]
    assert terms["HP:0009999"].is_obsolete and terms["HP:0009999"].replaced_by == "HP:0001250"
    assert "part_of" not in terms  # Typedef stanzas are not terms


@pytest.mark.parametrize(
    "text",
    [
        "",
        "this is not obo\nat all",
        "[Term]\nid: HP:1\nsynonym: unquoted EXACT []\n",
        "[Term]\nname: no id first\n",
    ],
)
def test_obo_rejects_malformed_files_with_a_clear_error(text: str) -> None:
    with pytest.raises(OboFormatError):
        parse_obo(text.splitlines())


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("HP:0040281", 0.895),
        ("HP:0040285", 0.0),
        ("3/4", 0.75),
        ("0/5", 0.0),
        ("25%", 0.25),
        ("", None),
        ("1/0", None),
    ],
)
def test_frequencies_in_every_published_form(raw: str, value: float | None) -> None:
    assert parse_frequency(raw) == value


def test_hpoa_rows_keep_negation_onset_sex_and_references() -> None:
    hpoa = parse_hpoa((MINI_HPO / "phenotype.hpoa").read_text().splitlines())
    assert hpoa.version == "2099-01-01"
    negated = [r for r in hpoa.rows if r.negated]
    assert len(negated) == 1 and negated[0].hpo_id == "HP:0001336"
    assert negated[0].references == "PMID:12345;OMIM:100001"
    seizure = next(r for r in hpoa.rows if r.condition_id == "OMIM:100001" and r.hpo_id == "HP:0001250")
    assert (seizure.frequency, seizure.onset_id, seizure.sex) == (0.75, "HP:0003593", "FEMALE")


def test_hpoa_rejects_wrong_header_and_bad_rows() -> None:
    with pytest.raises(HpoaFormatError, match="header"):
        parse_hpoa(["a\tb\tc"])
    lines = (MINI_HPO / "phenotype.hpoa").read_text().splitlines()
    with pytest.raises(HpoaFormatError, match="row"):
        parse_hpoa([*lines, "OMIM:1\tX\t\tHP:1\tPMID:1\tPCS\t\tsometimes\t\t\tP\tx"])
