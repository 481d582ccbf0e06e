"""Statements of normality as excluded findings: "his hearing is fine" excludes Hearing impairment,
"normal tone and power" excludes Hypotonia, Hypertonia and Muscle weakness.

The subjects and what they exclude are reviewed data (``data/normal-findings.tsv``); a statement is a
normality word ("normal", "fine", "intact", …) after its subject ("X is/was (completely) normal",
"hears fine") or before it ("normal X", "normal X and Y"). "not normal" is no such statement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from symptomdb.text.normalise import Token, tokenize

NORMAL_WORDS = frozenset(
    {
        "normal",
        "fine",
        "intact",
        "unremarkable",
        "ok",
        "okay",
        "good",
        "clear",
        "unaffected",
        "preserved",
        "well",
        "normally",  # session 18: "eating normally", "sleeping normally"
        "alright",  # session 18: "eating alright though"
    }
)
_BETWEEN = frozenset(
    {
        "own",
        "completely",
        "perfectly",
        "totally",
        "entirely",
        "quite",
        "all",
        "always",
        "still",
        "now",
        "been",
        "really",  # "she feeds really well"
        "pretty",
        "both",  # round 15: "echo and ECG both normal"
        "otherwise",  # round 29: "hearing otherwise fine"
        # round 13: how the subject was found normal ("her heart is structurally normal")
        "structurally",
        "anatomically",
        "functionally",
        # verbs of seeming stand for "is" ("my hearing seems fine", "his eyes look normal"); not "sounds":
        # "heart sounds were normal" says nothing of the heart's structure
        "seems",
        "seem",
        "seemed",
        "looks",
        "look",
        "looked",
        "appears",
        "appear",
        "appeared",
    }
)
_COME = frozenset({"came", "come", "comes", "coming"})  # a result that "came back" normal
_NOT = frozenset({"not", "never", "no", "cannot"})  # "cannot" is the key of "can't", "unable"
MAX_GAP = 4


@dataclass(frozen=True, slots=True)
class NormalStatement:
    first: int  # token index of the first word (subject or normality word)
    last: int
    ids: tuple[str, ...]


@lru_cache(maxsize=1)
def normal_subjects() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Subject keys (content-word keys in order) → excluded HPO ids."""
    text = resources.files("symptomdb.text").joinpath("data/normal-findings.tsv").read_text(encoding="utf-8")
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        subject, ids = line.split("\t")[:2]
        key = tuple(t.key for t in tokenize(subject) if t.kind == "word" and not t.stop)
        table[key] = tuple(i.strip() for i in ids.split(","))
    return table


@lru_cache(maxsize=1)
def absence_phrases() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """The reviewed absences said as a contrast (``data/absence-phrases.tsv``): pattern → excluded ids."""
    text = resources.files("symptomdb.text").joinpath("data/absence-phrases.tsv").read_text(encoding="utf-8")
    phrases: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, ids = line.split("\t")[:2]
        phrases.append((re.compile(pattern), tuple(i.strip() for i in ids.split(","))))
    return tuple(phrases)


def find_absence_phrases(text: str, tokens: Sequence[Token]) -> list[NormalStatement]:
    """Absences stated as a contrast ("wets the bed, but is dry during the day"): each match's "span"
    group as a statement over the tokens it covers."""
    folded = text.lower().replace("\u2019", "'")
    found: list[NormalStatement] = []
    for pattern, ids in absence_phrases():
        for match in pattern.finditer(folded):
            start, end = match.span("span")
            inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
            if inside:
                found.append(NormalStatement(inside[0], inside[-1], ids))
    return found


def find_normal_statements(tokens: Sequence[Token]) -> list[NormalStatement]:
    table = normal_subjects()
    longest = max((len(k) for k in table), default=0)
    words = [i for i, t in enumerate(tokens) if t.kind == "word"]
    position = {index: n for n, index in enumerate(words)}
    found: list[NormalStatement] = []
    for i, token in enumerate(tokens):
        if token.kind == "word" and token.lower == "nothing":
            found.extend(_nothing_wrong(tokens, words, position[i], table, longest))
        if token.kind != "word" or token.lower not in NORMAL_WORDS:
            continue
        n = position[i]
        if n > 0 and tokens[words[n - 1]].key in _NOT:
            continue
        if token.lower == "well" and (n == 0 or tokens[words[n - 1]].lower in ("as", "very", "not")):
            continue  # "… as well", "not very well"
        everything = _everything_checked(tokens, words, n, table, longest)
        if everything:  # "they checked his heart, kidneys and eyes and everything was normal"
            found.extend(everything)
            continue
        # "<subject> is (completely) normal", "hears fine"
        end = n - 1
        gap = 0
        while end >= 0 and gap < MAX_GAP:
            lower = tokens[words[end]].lower
            if lower == "back" and end > 0 and tokens[words[end - 1]].lower in _COME:
                end -= 2  # "his hearing test came back normal", "the scans have come back clear"
            elif tokens[words[end]].stop or lower in _BETWEEN:
                end -= 1
            else:
                break
            gap += 1
        anchor = i
        form = _form_answer(tokens, words, n) or _form_checked(tokens, words, end, n)
        if form is not None:
            end, anchor = form
        else:
            end = _before_checked(tokens, words, end)  # "her hearing was checked and is normal"
        subject = _subject_ending(tokens, words, end, table, longest, anchor)
        if subject is not None and n > 0 and tokens[words[n - 1]].lower in ("a", "an"):
            subject = None  # "his speech is a good year behind": a noun phrase's adjective, no predicate
        if subject is not None:
            before = position[subject[0]] - 1
            negator = before - 1 if before > 0 and tokens[words[before]].lower == "to" else before
            if negator < 0 or tokens[words[negator]].key not in _NOT:  # not "she is not sleeping well"
                found.append(NormalStatement(subject[0], i, subject[1]))
                found.extend(_coordinated_subjects(tokens, words, before, table, longest, subject[0]))
            continue
        # "normal <subject> (and <subject>)"
        start = n + 1
        first = i
        while start < len(words):
            match = _subject_starting(tokens, words, start, table, longest)
            if match is None or not _contiguous(tokens, first, words[start + match[0] - 1]):
                break
            length, ids = match
            found.append(NormalStatement(first, words[start + length - 1], ids))
            start += length
            if start < len(words) and tokens[words[start]].lower in ("and", "or"):
                start += 1
                first = words[start] if start < len(words) else first
                continue
            break
    return found


# "her hearing has been checked and is normal", "his hips were scanned and they're fine": the check
# between the subject and its statement
_CHECKED = frozenset(
    {"checked", "tested", "examined", "scanned", "assessed", "measured", "reviewed", "looked", "seen"}
)
_CHECK_AUXILIARIES = frozenset(
    {"has", "have", "had", "been", "was", "were", "is", "are", "got", "at", "both", "all"}
)
MAX_CHECK_WORDS = 4  # "has been checked twice and": the words before "and" back to the subject


def _before_checked(tokens: Sequence[Token], words: list[int], end: int) -> int:
    """If the words up to ``end`` are "<aux> checked/tested/… and" (the "and" may have been skipped as a
    stop word), the index of the word before the auxiliaries (the subject's last word); else ``end``."""
    k = end
    if k >= 0 and tokens[words[k]].lower == "and":
        k -= 1
    elif k + 1 >= len(words) or tokens[words[k + 1]].lower != "and":
        return end
    if k >= 1 and tokens[words[k]].lower == "at":  # "looked at and is fine"
        k -= 1
    if k < 1 or tokens[words[k]].lower not in _CHECKED:
        return end
    last = k + 1
    k -= 1
    steps = 0
    while k >= 0 and steps < MAX_CHECK_WORDS and tokens[words[k]].lower in _CHECK_AUXILIARIES:
        k -= 1
        steps += 1
    if not steps or k < 0 or not _contiguous(tokens, words[k], words[last]):
        return end
    return k


_EVERYTHING = frozenset({"everything", "all"})
_EVERYTHING_LINKS = frozenset(
    {"was", "were", "is", "are", "came", "come", "back", "looked", "looks", "seemed"}
)


def _everything_checked(
    tokens: Sequence[Token],
    words: list[int],
    n: int,
    table: dict[tuple[str, ...], tuple[str, ...]],
    longest: int,
) -> list[NormalStatement]:
    """'they checked his heart, kidneys and eyes and everything was normal': "everything/all … normal"
    after a check of listed subjects in the same sentence states each of them normal."""
    k = n - 1
    while k >= 0 and tokens[words[k]].lower in _EVERYTHING_LINKS:
        k -= 1
    if k < 0 or tokens[words[k]].lower not in _EVERYTHING or not _contiguous(tokens, words[k], words[n]):
        return []
    check = k - 1
    while check >= 0 and tokens[words[check]].lower not in _CHECKED:
        if any(t.kind == "break" for t in tokens[words[check] + 1 : words[check + 1]]):
            return []  # the sentence ended before any check
        check -= 1
    found: list[NormalStatement] = []
    start = check + 1
    while 0 < start < k:
        match = _subject_starting(tokens, words, start, table, longest)
        if match is None:
            start += 1
            continue
        length, ids = match
        found.append(NormalStatement(words[start], words[start + length - 1], ids))
        start += length
    return found


_FORM_MARKS = frozenset({":", "?"})
_QUOTES = frozenset({"'", '"', "‘", "’", "“", "”", "-"})


def _form_answer(tokens: Sequence[Token], words: list[int], n: int) -> tuple[int, int] | None:
    """A form's 'Hearing: normal', 'Temp? "fine"': only a colon or question mark (and quotes) between the
    subject's last word and the normality word; the subject's last word and its token index, or None."""
    if n < 1:
        return None
    between = tokens[words[n - 1] + 1 : words[n]]
    marks = [t for t in between if t.text in _FORM_MARKS]
    if len(marks) != 1 or any(t.text not in _FORM_MARKS and t.text not in _QUOTES for t in between):
        return None
    return n - 1, words[n - 1]


def _form_checked(tokens: Sequence[Token], words: list[int], end: int, n: int) -> tuple[int, int] | None:
    """'Eyes checked - fine', 'Hearing and eyes checked, both fine', 'Kidneys scanned - normal': the check
    word right before the normality word (a dash or comma between, no "and"); the subject's last word and
    the check word's token index, or None."""
    if end < 1 or end + 1 > n or tokens[words[end]].lower not in _CHECKED:
        return None
    between = tokens[words[end] + 1 : words[n]]
    if not any(t.kind in ("soft", "comma") for t in between) or any(t.kind == "break" for t in between):
        return None
    if any(t.kind == "word" and t.lower != "both" for t in between):
        return None
    return end - 1, words[end]


def _nothing_wrong(
    tokens: Sequence[Token],
    words: list[int],
    n: int,
    table: dict[tuple[str, ...], tuple[str, ...]],
    longest: int,
) -> list[NormalStatement]:
    """'there's nothing wrong with her hearing': "nothing wrong with" before the subject."""
    lowers = [tokens[w].lower for w in words[n : n + 3]]
    if lowers[1:] != ["wrong", "with"] or not _contiguous(tokens, words[n], words[n + 2]):
        return []
    start = n + 3
    while start < len(words) and tokens[words[start]].stop:
        start += 1
    match = _subject_starting(tokens, words, start, table, longest) if start < len(words) else None
    if match is None or not _contiguous(tokens, words[n], words[start + match[0] - 1]):
        return []
    return [NormalStatement(words[n], words[start + match[0] - 1], match[1])]


MAX_COORDINATED_SUBJECTS = 4


def _coordinated_subjects(
    tokens: Sequence[Token],
    words: list[int],
    before: int,
    table: dict[tuple[str, ...], tuple[str, ...]],
    longest: int,
    first: int,
) -> list[NormalStatement]:
    """'Hearing and vision were normal', 'tone, power and reflexes are normal': the subjects coordinated
    before the one next to the normality word share it (a list of subjects only: any other word ends it)."""
    found: list[NormalStatement] = []
    while before >= 0 and len(found) < MAX_COORDINATED_SUBJECTS:
        joiner = tokens[words[before]].lower in ("and", "or")
        if not joiner and tokens[first - 1].kind != "comma":
            break
        end = before - 1 if joiner else before
        gap = [t.kind for t in tokens[words[end] + 1 : first]]
        if any(kind not in ("word", "comma", "soft") for kind in gap) or gap.count("comma") > 1:
            break
        subject = _subject_ending(tokens, words, end, table, longest, words[end])
        if subject is None or tokens[words[end]].lower in ("and", "or"):
            break
        found.append(NormalStatement(subject[0], words[end], subject[1]))
        first = subject[0]
        before = words.index(first) - 1
    return found


def _contiguous(tokens: Sequence[Token], a: int, b: int) -> bool:
    return all(tokens[j].kind in ("word", "soft") for j in range(a, b + 1))


def _subject_ending(
    tokens: Sequence[Token],
    words: list[int],
    end: int,
    table: dict[tuple[str, ...], tuple[str, ...]],
    longest: int,
    normal_index: int,
) -> tuple[int, tuple[str, ...]] | None:
    if end < 0:
        return None
    for length in range(min(longest, end + 1), 0, -1):
        span = [words[k] for k in range(end - length + 1, end + 1)]
        if tokens[span[0]].stop or tokens[span[-1]].stop:
            continue
        key = tuple(tokens[j].key for j in span if not tokens[j].stop)
        ids = table.get(key)
        if ids and _contiguous(tokens, span[0], normal_index):
            return span[0], ids
    return None


def _subject_starting(
    tokens: Sequence[Token],
    words: list[int],
    start: int,
    table: dict[tuple[str, ...], tuple[str, ...]],
    longest: int,
) -> tuple[int, tuple[str, ...]] | None:
    for length in range(min(longest, len(words) - start), 0, -1):
        span = [words[k] for k in range(start, start + length)]
        if tokens[span[0]].stop or tokens[span[-1]].stop or not _contiguous(tokens, span[0], span[-1]):
            continue
        ids = table.get(tuple(tokens[j].key for j in span if not tokens[j].stop))
        if ids:
            return length, ids
    return None
