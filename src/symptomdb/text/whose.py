"""Whose findings a message tells, where one sentence cannot say (session 20).

A message that sets the writer's own findings against someone else's ("He had a temp of 38.5 and a chesty
cough but I just have a sore throat", "My wife and me both have diarrhoea. She is vomiting also, but me I did
not vomit", "His is chesty, mine is just a tickly dry one") is the writer's: what a clause whose subject is
that other person says is theirs, not the patient's (read sets: 33 such findings had been read as the
writer's). Only with such a contrast: a message about a child or a parent is the carer writing, and the
child's or the parent's findings are the patient's (`annotate` reads those).
"""

from __future__ import annotations

import re

from symptomdb.text.mention import Mention

_WRITER_AGAINST_ANOTHER_RE = re.compile(
    r"\b(?:me|i|i'?ve|ive|i have)\s+(?:only|just)\s+(?:have|has|had|got|get)\b|\bme only\b"
    r"|\bi have only\b|\bme not\b|\bi(?:'ve| have)? had nothing\b"
    r"|\bmine\s+(?:is|was|were|are|'s)\s+(?:only|just)\b|\bas for me\b|\bme,\s*i\b"
    r"|\b(?:i'?m|i am)\s+(?:ok|okay|fine|alright|well)(?: in myself)?\s+(?:apart from|except)\b"
    r"|\bi'?ve\s+(?:only\s+)?got\b[^.;!?\n]{0,30}\bmyself\b"
    r"|\bbut (?:me\s+)?i\s+(?:haven'?t|have not|didn'?t|did not|don'?t|do not|am not|'m not)\b"
    r"|\bme,?\s+i\s+(?:did not|didn'?t|do not|don'?t|dont|only|just)\b"
    r"|\basking (?:for|about) (?:me|myself)\b",  # session 23: "My mum is 65, she has … I am asking for me"
    re.IGNORECASE,
)
_ANOTHER_PERSON = (
    r"(?:my|our)\s+(?:(?:\d+\s*(?:yo|yr old|year old)|little|big|older|younger|best|baby|new)\s+)*"
    r"(?:son|daughter|husband|hubby|wife|partner|sister|brother|mum|mom|dad|mother|father|friend|flatmate|"
    r"roommate|colleague|cousin|baby|child|kid|boy|girl|grandmother|grandfather|nan|gran|grandma|grandad)s?"
    r"|he|she|his|hers|papa|mummy|daddy"
)
_CLAUSE_OF_ANOTHER_RE = re.compile(
    rf"(?:^|[.;!?\n:\-–]|,\s*but\b|\bbut\b|,)\s*(?:(?:and|so|then|also|now)\s+)?(?:{_ANOTHER_PERSON})\b"
    rf"(?![^.;!?\n,]{{0,15}}\b(?:and|&)\s+(?:i|me|myself)\b)"  # not "my wife and me both have …"
    # to "but", "and I", ", me", or the sentence's end
    rf"(?:[^.;!?\n]|\.(?=\d))*?(?=,\s*but\b|\bbut\b|\band (?:i|me)\b|,\s*(?:i|me|mine)\b|[;!?\n]|\.(?!\d)|$)",
    re.IGNORECASE,
)


def someone_elses(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with those in a clause about someone else marked family where the message sets the
    writer's own findings against that person's."""
    if not _WRITER_AGAINST_ANOTHER_RE.search(text):
        return mentions
    theirs = [(m.start(), m.end()) for m in _CLAUSE_OF_ANOTHER_RE.finditer(text)]
    return [
        m.model_copy(update={"family": True})
        if not m.family and any(start <= m.start and m.end <= end for start, end in theirs)
        else m
        for m in mentions
    ]
