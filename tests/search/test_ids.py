"""Ids typed as queries: Disease Ontology ids find their page like OMIM, Orphanet and MONDO ids do."""

from __future__ import annotations

from symptomdb.context import SymptomDB
from symptomdb.search.resolve import resolve


def test_a_disease_ontology_id_finds_its_condition(shared_db: SymptomDB) -> None:
    index = shared_db.name_index
    for query in ("DOID:8469", "doid-8469", "DOID 8469"):
        found = resolve(index, query)
        assert [(m.id, m.score) for m in found] == [("DOID:8469", 100.0)], query  # influenza, a DO page
    # A DO disease merged with an HPO condition: the page that its MONDO id finds.
    marfan = resolve(index, "DOID:14323")
    assert [m.id for m in marfan] == [resolve(index, "MONDO:0007947")[0].id]
    assert marfan[0].name == "Marfan syndrome"
