"""Benchmark the annotator on annotated corpora (JSON lines), against an in-run exact-name baseline.

Corpus lines: ``{"id", "text", "hpo_ids", ...}`` (GSC+/ID-68 format: ``hpo_ids`` are the document's
present terms, negated mentions left out) or the lay-set format with ``excluded_hpo_ids`` as well.
Scores are document-level micro precision/recall/F1 on exact HPO ids (alt ids mapped to primary ids);
predicted excluded (negated) terms and family-history terms never count as positives.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from symptomdb.knowledge.store import Knowledge, UnknownIdError
from symptomdb.text.annotate import Mention, annotate_with
from symptomdb.text.lexicon import Lexicon, get_lexicon, term_scope
from symptomdb.text.normalise import fold
from symptomdb.text.spelling import spell_index

TOKEN_SPLIT = str.split


class Scores(BaseModel):
    precision: float
    recall: float
    f1: float
    true_positives: int
    false_positives: int
    false_negatives: int


class SystemResult(BaseModel):
    name: str
    present: Scores
    excluded: Scores | None = None  # negation: predicted excluded ids vs the gold excluded ids
    ms_per_document: float  # CPU time of this process (one core), robust to other load on the machine
    documents_per_second: float
    wall_ms_per_document: float


class BenchResult(BaseModel):
    corpus: str
    documents: int
    gold_ids: int
    engine: SystemResult
    baseline: SystemResult
    has_excluded: bool


@dataclass
class Document:
    id: str
    text: str
    present: set[str]
    excluded: set[str] | None


class CorpusError(ValueError):
    """The corpus file is missing or malformed."""


def read_corpus(path: Path, knowledge: Knowledge) -> list[Document]:
    if not path.is_file():
        raise CorpusError(f"no such file: {path}")
    documents: list[Document] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = row["text"]
                present = {_primary(knowledge, h) for h in row.get("hpo_ids", [])}
                excluded = (
                    {_primary(knowledge, h) for h in row["excluded_hpo_ids"]}
                    if "excluded_hpo_ids" in row
                    else None
                )
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise CorpusError(f"{path}:{number}: not a corpus line ({error})") from error
            documents.append(Document(str(row.get("id", number)), text, present, excluded))
    if not documents:
        raise CorpusError(f"{path}: no documents")
    return documents


def _primary(knowledge: Knowledge, term_id: str) -> str:
    try:
        return knowledge.primary_term_id(term_id)
    except UnknownIdError:
        return term_id


def _scores(tp: int, fp: int, fn: int) -> Scores:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
    )


Annotator = Callable[[str], list[Mention]]


def evaluate(
    documents: list[Document], annotator: Annotator, name: str
) -> tuple[SystemResult, list[list[Mention]]]:
    outputs: list[list[Mention]] = []
    started, wall_started = time.process_time(), time.perf_counter()
    for document in documents:
        outputs.append(annotator(document.text))
    elapsed = max(time.process_time() - started, 1e-9)
    wall = time.perf_counter() - wall_started
    tp = fp = fn = 0
    etp = efp = efn = 0
    has_excluded = any(d.excluded is not None for d in documents)
    for document, mentions in zip(documents, outputs, strict=True):
        predicted = {m.hpo_id for m in mentions if not m.excluded and not m.family}
        tp += len(predicted & document.present)
        fp += len(predicted - document.present)
        fn += len(document.present - predicted)
        if document.excluded is not None:
            predicted_excluded = {m.hpo_id for m in mentions if m.excluded and not m.family} - predicted
            etp += len(predicted_excluded & document.excluded)
            efp += len(predicted_excluded - document.excluded)
            efn += len(document.excluded - predicted_excluded)
    result = SystemResult(
        name=name,
        present=_scores(tp, fp, fn),
        excluded=_scores(etp, efp, efn) if has_excluded else None,
        ms_per_document=round(1000 * elapsed / len(documents), 3),
        documents_per_second=round(len(documents) / elapsed, 1),
        wall_ms_per_document=round(1000 * wall / len(documents), 3),
    )
    return result, outputs


class ExactNameBaseline:
    """Case-insensitive exact matching of HPO term names (no synonyms, no morphology), longest first."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.names: dict[tuple[str, ...], str] = {}
        for term_id in term_scope(knowledge):
            words = tuple(fold(knowledge.terms[term_id].name).replace(",", " ").split())
            if words:
                self.names.setdefault(words, term_id)
        self.labels = {tid: knowledge.terms[tid].name for tid in self.names.values()}
        self.max_words = max(len(k) for k in self.names)

    def __call__(self, text: str) -> list[Mention]:
        import re

        spans = [(m.start(), m.end(), fold(m.group())) for m in re.finditer(r"[\w'-]+", text)]
        words = [s[2] for s in spans]
        mentions: list[Mention] = []
        i = 0
        while i < len(words):
            for length in range(min(self.max_words, len(words) - i), 0, -1):
                term_id = self.names.get(tuple(words[i : i + length]))
                if term_id:
                    start, end = spans[i][0], spans[i + length - 1][1]
                    mentions.append(
                        Mention(
                            hpo_id=term_id,
                            label=self.labels[term_id],
                            start=start,
                            end=end,
                            text=text[start:end],
                        )
                    )
                    i += length
                    break
            else:
                i += 1
        return mentions


def run_bench(path: Path, knowledge: Knowledge, lexicon: Lexicon | None = None) -> BenchResult:
    documents = read_corpus(path, knowledge)
    lexicon = lexicon or get_lexicon(knowledge)
    annotate_with(lexicon, "warm-up")
    spell_index(lexicon)  # built once per lexicon, as the lexicon is loaded once: not per document
    engine, _ = evaluate(documents, lambda text: annotate_with(lexicon, text), "symptomdb")
    baseline, _ = evaluate(documents, ExactNameBaseline(knowledge), "exact-name baseline")
    return BenchResult(
        corpus=path.name,
        documents=len(documents),
        gold_ids=sum(len(d.present) for d in documents),
        engine=engine,
        baseline=baseline,
        has_excluded=any(d.excluded is not None for d in documents),
    )


def iter_errors(
    documents: Iterable[Document], outputs: Iterable[list[Mention]]
) -> Iterable[tuple[Document, set[str], set[str]]]:
    """(document, false-positive ids, false-negative ids) per document, for error analysis."""
    for document, mentions in zip(documents, outputs, strict=True):
        predicted = {m.hpo_id for m in mentions if not m.excluded and not m.family}
        yield document, predicted - document.present, document.present - predicted
