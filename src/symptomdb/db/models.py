"""SQLAlchemy models. Knowledge tables are replaced as a whole by an import; nothing else writes them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class DataRelease(Base):
    """One imported source: what it is, which release, under which licence, from where."""

    __tablename__ = "data_release"

    source: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(64))
    licence: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(500))
    checksum: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)


class HpoTerm(Base):
    __tablename__ = "hpo_term"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    definition: Mapped[str | None] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)
    is_obsolete: Mapped[bool] = mapped_column(Boolean, default=False)
    replaced_by: Mapped[str | None] = mapped_column(String(16))
    # Organ-system categories: the children of "Phenotypic abnormality" this term descends from.
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)


class HpoSynonym(Base):
    __tablename__ = "hpo_synonym"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    term_id: Mapped[str] = mapped_column(String(16), index=True)
    text: Mapped[str] = mapped_column(String(500))
    scope: Mapped[str] = mapped_column(String(16))  # EXACT, RELATED, BROAD, NARROW
    kind: Mapped[str | None] = mapped_column(String(32))  # layperson, abbreviation, plural_form, ...


class HpoIsA(Base):
    __tablename__ = "hpo_is_a"

    child_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    parent_id: Mapped[str] = mapped_column(String(16), primary_key=True, index=True)


class HpoAltId(Base):
    __tablename__ = "hpo_alt_id"

    alt_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    term_id: Mapped[str] = mapped_column(String(16), index=True)


class HpoXref(Base):
    __tablename__ = "hpo_xref"

    term_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    xref: Mapped[str] = mapped_column(String(100), primary_key=True)


class Condition(Base):
    __tablename__ = "condition"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # OMIM:123456, ORPHA:1183, DECIPHER:1
    database: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(500))
    mondo_id: Mapped[str | None] = mapped_column(String(32), index=True)
    # the data release its annotations come from, where not the main HPO one (e.g. "hpo-newer")
    annotation_source: Mapped[str | None] = mapped_column(String(32))


class ConditionName(Base):
    """Every name a condition is known by, with where the name comes from."""

    __tablename__ = "condition_name"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    condition_id: Mapped[str] = mapped_column(ForeignKey("condition.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(32))  # HPO, MONDO, OMIM, ORPHA
    kind: Mapped[str] = mapped_column(String(32))  # preferred, label, synonym


class ConditionXref(Base):
    """Identifiers of the same condition elsewhere (MONDO, and OMIM<->ORPHA through MONDO)."""

    __tablename__ = "condition_xref"

    condition_id: Mapped[str] = mapped_column(
        ForeignKey("condition.id", ondelete="CASCADE"), primary_key=True
    )
    xref: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    relation: Mapped[str] = mapped_column(String(32))  # exactMatch, sameMondo, hasDbXref


class Annotation(Base):
    """One line of phenotype.hpoa: a condition has (or, if negated, does not have) a feature."""

    __tablename__ = "annotation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    condition_id: Mapped[str] = mapped_column(ForeignKey("condition.id", ondelete="CASCADE"))
    hpo_id: Mapped[str] = mapped_column(String(16), index=True)
    aspect: Mapped[str] = mapped_column(String(1))  # P phenotype, I inheritance, C course, M modifier
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    frequency_raw: Mapped[str | None] = mapped_column(String(32))
    frequency: Mapped[float | None] = mapped_column(Float)
    onset_id: Mapped[str | None] = mapped_column(String(16))
    sex: Mapped[str | None] = mapped_column(String(8))
    modifiers: Mapped[str | None] = mapped_column(String(200))
    evidence: Mapped[str | None] = mapped_column(String(8))
    references: Mapped[str | None] = mapped_column(Text)  # ';'-separated PMID:/OMIM:/ORPHA: ids
    biocuration: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_annotation_condition", "condition_id", "aspect"),)


class ConditionGene(Base):
    __tablename__ = "condition_gene"

    condition_id: Mapped[str] = mapped_column(
        ForeignKey("condition.id", ondelete="CASCADE"), primary_key=True
    )
    gene_symbol: Mapped[str] = mapped_column(String(32), primary_key=True)
    ncbi_gene_id: Mapped[str | None] = mapped_column(String(16))


class MedicalAction(Base):
    """A curated medical action for a condition (MAxO annotations): treats, prevents, contraindicated."""

    __tablename__ = "medical_action"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    condition_id: Mapped[str] = mapped_column(ForeignKey("condition.id", ondelete="CASCADE"), index=True)
    disease_id: Mapped[str] = mapped_column(String(32))  # as curated: MONDO (mostly), OMIM or ORPHA
    maxo_id: Mapped[str] = mapped_column(String(32))
    maxo_label: Mapped[str] = mapped_column(String(300))
    relation: Mapped[str] = mapped_column(String(32))
    hpo_id: Mapped[str | None] = mapped_column(String(16))
    evidence: Mapped[str | None] = mapped_column(String(16))
    reference: Mapped[str | None] = mapped_column(String(64))
    extension_id: Mapped[str | None] = mapped_column(String(64))
    extension_label: Mapped[str | None] = mapped_column(String(300))
    last_updated: Mapped[str | None] = mapped_column(String(16))


class DiagnosticObservation(Base):
    """A finding (HPO term) is observable through a diagnostic procedure (MAxO)."""

    __tablename__ = "diagnostic_observation"

    hpo_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    predicate: Mapped[str] = mapped_column(String(64), primary_key=True)
    maxo_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    maxo_label: Mapped[str] = mapped_column(String(300))


class ConditionSymptom(Base):
    """A Disease Ontology condition's symptom from the Symptom Ontology (no frequency in the source)."""

    __tablename__ = "condition_symptom"

    condition_id: Mapped[str] = mapped_column(
        ForeignKey("condition.id", ondelete="CASCADE"), primary_key=True
    )
    symptom_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    symptom_label: Mapped[str] = mapped_column(String(300))
    source_id: Mapped[str] = mapped_column(String(32))  # the DOID the statement was made for


# Replaced as a whole by an import, children before parents.
KNOWLEDGE_TABLES: tuple[type[Base], ...] = (
    MedicalAction,
    ConditionSymptom,
    DiagnosticObservation,
    Annotation,
    ConditionGene,
    ConditionXref,
    ConditionName,
    Condition,
    HpoXref,
    HpoAltId,
    HpoIsA,
    HpoSynonym,
    HpoTerm,
)
from symptomdb.db import editorial_models as editorial_models  # noqa: E402
