"""Find HPO terms in free text: ``annotate(knowledge, text) -> list[Mention]``.

1. Tokenise and normalise the text (``normalise.tokenize``).
2. Every window of consecutive words inside a clause part (no sentence punctuation or comma inside; stop
   words and hyphens may sit between words) is looked up by its sorted stems in the lexicon; a window
   stops growing at the first word no lexicon phrase uses.
3. Candidates are chosen longest first (most words), then by name priority; a chosen span blocks the
   candidates overlapping it. A key shared by several terms keeps the most specific one.
4. Coordinations share their head: "aplastic or hypoplastic nails" also yields "aplastic nails",
   "short and broad thumbs" yields "short thumb" and "broad thumb".
5. Abbreviations: HPO's (case-sensitive, "IUGR") and those a document defines ("... palsy (CP)").
6. Negation and family history (``negation.classify``) mark mentions excluded / about a relative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from symptomdb.knowledge.store import Knowledge
from symptomdb.text import negation
from symptomdb.text.lexicon import Key, Lexicon, get_lexicon, surface_form
from symptomdb.text.normal import find_normal_statements
from symptomdb.text.normalise import FILLER_WORDS, Token, tokenize

MAX_STOP_WORDS_IN_WINDOW = 3
_CONJUNCTIONS = frozenset({"and", "or", "and/or", "nor", "&"})


class Mention(BaseModel):
    """One HPO term found in a text, with its character span (``text[start:end] == mention.text``)."""

    hpo_id: str
    label: str
    start: int
    end: int
    text: str
    excluded: bool = False  # stated as absent ("no fever")
    family: bool = False  # about a relative ("his father has epilepsy"), not the patient


@dataclass(slots=True)
class _Candidate:
    first: int  # token index, inclusive
    last: int  # token index, inclusive
    words: int
    priority: int
    ids: tuple[str, ...]
    positions: tuple[int, ...]  # token indexes of the content words
    negated: bool = False  # the window skipped a negator ("joints aren't swollen")


def annotate(knowledge: Knowledge, text: str, *, include_family: bool = False) -> list[Mention]:
    """HPO mentions in ``text``, in text order. Negated findings come back with ``excluded=True``;
    findings about relatives are left out unless ``include_family`` (then ``family=True``)."""
    return annotate_with(get_lexicon(knowledge), text, include_family=include_family)


def annotate_with(lexicon: Lexicon, text: str, *, include_family: bool = False) -> list[Mention]:
    tokens = tokenize(text)
    candidates = _find_candidates(lexicon, tokens)
    chosen = [c for c in _select(candidates, len(tokens)) if not _chromosome_context(tokens, c)]
    chosen += _expand_coordinations(lexicon, tokens, chosen)
    chosen += _document_abbreviations(lexicon, tokens, chosen)
    for statement in find_normal_statements(tokens):  # "his hearing is fine"
        for term_id in statement.ids:
            if term_id in lexicon.scope:
                chosen.append(
                    _Candidate(statement.first, statement.last, 0, 99, (term_id,), (), negated=True)
                )
    chosen.sort(key=lambda c: (c.first, c.last))
    spans = [negation.Span(c.first, c.last) for c in chosen]
    negated, family = negation.classify(tokens, spans)
    mentions: list[Mention] = []
    seen: set[tuple[str, int, int]] = set()
    for candidate, is_negated, is_family in zip(chosen, negated, family, strict=True):
        is_negated = is_negated or candidate.negated
        if is_family and not include_family:
            continue
        start, end = tokens[candidate.first].start, tokens[candidate.last].end
        term_id = candidate.ids[0]
        if (term_id, start, end) in seen:
            continue
        seen.add((term_id, start, end))
        mentions.append(
            Mention(
                hpo_id=term_id,
                label=lexicon.labels.get(term_id, term_id),
                start=start,
                end=end,
                text=text[start:end],
                excluded=is_negated,
                family=is_family,
            )
        )
    return mentions


_NEGATORS = frozenset({"not", "never"})


def _find_candidates(lexicon: Lexicon, tokens: Sequence[Token]) -> list[_Candidate]:
    """Every lexicon phrase found in a window of the text. A window may also skip one negator between
    its words ("blood pressure isn't high", "joints aren't swollen"): that candidate is negated."""
    vocabulary = lexicon.vocabulary
    abbreviations = lexicon.abbreviations
    max_words = lexicon.max_words
    n = len(tokens)
    found: list[_Candidate] = []
    for i in range(n):
        token = tokens[i]
        if token.kind != "word" or token.stop:
            continue
        ids = abbreviations.get(token.text)
        if ids:
            found.append(_Candidate(i, i, 1, 1, ids, (i,)))
            continue
        if token.key not in vocabulary:
            continue
        words: list[str] = []
        positions: list[int] = []
        skipped_words: list[str] | None = None  # the same window without its negator
        skipped_positions: list[int] = []
        stops = 0
        crossed: set[str] = set()
        for j in range(i, n):
            t = tokens[j]
            kind = t.kind
            if kind == "soft":
                continue
            if kind == "comma" and words and "," not in crossed:
                crossed.add(",")  # "mental retardation, profound" (only names written with a comma)
                continue
            if kind != "word":
                break
            if t.stop or (t.lower in FILLER_WORDS and words):
                stops += 1
                if stops > MAX_STOP_WORDS_IN_WINDOW:
                    break
                if t.lower in ("and", "or") and words:
                    crossed.add(t.lower)
                continue
            if t.key in _NEGATORS and words and skipped_words is None:
                skipped_words, skipped_positions = list(words), list(positions)
            elif skipped_words is not None:
                skipped_words.append(t.key)
                skipped_positions.append(j)
            if t.key not in vocabulary:
                if skipped_words is None or t.key not in _NEGATORS:
                    break
                continue
            words.append(t.key)
            positions.append(j)
            if len(words) > max_words:
                break
            candidate = _lookup_window(lexicon, tokens, words, positions, crossed, i, j)
            if candidate is None and skipped_words is not None and skipped_positions[-1] == j:
                candidate = _lookup_window(lexicon, tokens, skipped_words, skipped_positions, crossed, i, j)
                if candidate is not None:
                    candidate.negated = True
            if candidate is not None:
                found.append(candidate)
    return found


def _lookup_window(
    lexicon: Lexicon,
    tokens: Sequence[Token],
    words: list[str],
    positions: list[int],
    crossed: set[str],
    first: int,
    last: int,
) -> _Candidate | None:
    key = tuple(sorted(words)) if len(words) > 1 else (words[0],)
    ids = lexicon.phrases.get(key)
    if not ids:
        return None
    if crossed and not crossed <= lexicon.conjunctive.get(key, frozenset()):
        return None
    if "," in crossed and not _ends_clause_part(tokens, last):
        return None  # "delay, severe" only as an inverted name, not "delay, severe intellectual disability"
    if len(words) == 1 and key[0] in lexicon.strict_single:
        forms = lexicon.strict_single[key[0]]
        lower = tokens[positions[0]].lower
        if lower not in forms and surface_form(lower) not in forms:
            return None
    exact_ids = lexicon.exact.get(tuple(surface_form(tokens[p].lower) for p in positions))
    return _Candidate(first, last, len(words), lexicon.priorities[key], exact_ids or ids, tuple(positions))


def _ends_clause_part(tokens: Sequence[Token], last: int) -> bool:
    following = next((t for t in tokens[last + 1 :] if t.kind != "soft"), None)
    return following is None or following.kind in ("break", "comma") or following.lower in _CONJUNCTIONS


def _select(candidates: list[_Candidate], n_tokens: int) -> list[_Candidate]:
    """Longest first, then best priority, then leftmost; no two chosen candidates share a token."""
    taken = [False] * n_tokens
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-c.words, c.priority, c.last - c.first, c.first)):
        if any(taken[candidate.first : candidate.last + 1]):
            continue
        for k in range(candidate.first, candidate.last + 1):
            taken[k] = True
        chosen.append(candidate)
    return chosen


def _chromosome_context(tokens: Sequence[Token], candidate: _Candidate) -> bool:
    """'short arm of chromosome 3', 'chromosomal deletion': cytogenetics, not a phenotype."""
    following = [t.lower for t in tokens[candidate.last + 1 : candidate.last + 4] if t.kind == "word"]
    if following[:2] == ["of", "chromosome"] or following[:3] == ["of", "the", "chromosome"]:
        return True
    previous = next((t.lower for t in reversed(tokens[: candidate.first]) if t.kind == "word"), "")
    return previous in ("chromosome", "chromosomal")


def _lookup(lexicon: Lexicon, words: list[str]) -> tuple[Key, tuple[str, ...]]:
    key = tuple(sorted(words))
    return key, lexicon.phrases.get(key, ())


def _expand_coordinations(
    lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]
) -> list[_Candidate]:
    """'A and B X' → also 'A X'; 'X A and B' → also 'X B' (the head is shared by the conjuncts)."""
    extra: list[_Candidate] = []
    occupied = {k for c in chosen for k in range(c.first, c.last + 1)}
    for candidate in chosen:
        if candidate.words < 2:
            continue
        # Backwards: "<w>, <w> (,|and|or) <w> … <candidate>"
        position = candidate.first
        for step in range(5):  # lists of up to 5 more conjuncts
            separators, word = _previous_conjunct(tokens, position)
            if word is None or word in occupied or (step > 0 and "," not in separators):
                break
            for replaced in range(1, candidate.words):
                key_words = [tokens[word].key] + [tokens[p].key for p in candidate.positions[replaced:]]
                key, ids = _lookup(lexicon, key_words)
                if ids and ids != candidate.ids:
                    extra.append(
                        _Candidate(word, candidate.last, len(key), lexicon.priorities[key], ids, (word,))
                    )
                    break
            position = word
        # Forwards: "<candidate> (and|or) <w>"
        _, word = _next_conjunct(tokens, candidate.last)
        if word is not None and word not in occupied:
            for replaced in range(1, candidate.words):
                key_words = [tokens[p].key for p in candidate.positions[:-replaced]] + [tokens[word].key]
                key, ids = _lookup(lexicon, key_words)
                if ids and ids != candidate.ids:
                    extra.append(
                        _Candidate(candidate.first, word, len(key), lexicon.priorities[key], ids, (word,))
                    )
                    break
    return extra


def _previous_conjunct(tokens: Sequence[Token], position: int) -> tuple[set[str], int | None]:
    """For 'A, and B…' with B at ``position``: ({',', 'and'}, index of A)."""
    i = position - 1
    separators: set[str] = set()
    while i >= 0 and (tokens[i].lower in _CONJUNCTIONS or tokens[i].kind == "comma" or tokens[i].text == "/"):
        separators.add("," if tokens[i].kind == "comma" else tokens[i].lower)
        i -= 1
    if not separators or i < 0:
        return separators, None
    t = tokens[i]
    if t.kind != "word" or t.stop:
        return separators, None
    return separators, i


def _next_conjunct(tokens: Sequence[Token], position: int) -> tuple[int | None, int | None]:
    """For '…X and (his) Y' ending at ``position``: (index of the conjunction, index of Y) when Y ends the
    clause part ("… X and Y." / "… X and Y,"); "X and Y Z" is a phrase of its own."""
    i = position + 1
    if i < len(tokens) and (tokens[i].lower in _CONJUNCTIONS or tokens[i].text == "/"):
        j = i + 1
        while j < len(tokens) and tokens[j].kind == "word" and tokens[j].stop:
            j += 1
        if j < len(tokens) and tokens[j].kind == "word":
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is None or nxt.kind in ("break", "comma") or nxt.lower in _CONJUNCTIONS:
                return i, j
    return None, None


def _document_abbreviations(
    lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]
) -> list[_Candidate]:
    """'long form (ABBR)': later ABBRs get the long form's term; an ABBR defined as something else in
    this text is not read as HPO's abbreviation."""
    by_last = {c.last: c for c in chosen}
    defined: dict[str, tuple[str, ...]] = {}
    definition_tokens: set[int] = set()
    for i in range(2, len(tokens) - 1):
        if tokens[i - 1].text != "(" or tokens[i + 1].text != ")":
            continue
        abbr = tokens[i].text
        if not (2 <= len(abbr) <= 10 and sum(ch.isupper() for ch in abbr) >= 2):
            continue
        definition_tokens.add(i)
        long_form = by_last.get(i - 2)
        if long_form is not None and long_form.words > 1:
            defined[abbr] = long_form.ids
        else:
            defined.setdefault(abbr, ())
    if not defined:
        return []
    extra: list[_Candidate] = []
    remove: set[int] = set()
    for candidate in chosen:
        if candidate.first == candidate.last and tokens[candidate.first].text in defined:
            remove.add(id(candidate))
    if remove:
        chosen[:] = [c for c in chosen if id(c) not in remove]
    for i, token in enumerate(tokens):
        ids = defined.get(token.text)
        if ids and i not in definition_tokens:
            extra.append(_Candidate(i, i, 1, 1, ids, (i,)))
    return extra
