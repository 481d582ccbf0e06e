"""Every row of the reviewed lay lexicon reads its own phrase as its term (or a descendant of it): a row
that some other rule hides (a figure of speech, a name of HPO's that wins its key, a lexicon exclusion)
is dead data. Session 15 found one that had not read since session 14 ("tummy looks swollen", hidden by
the figure "[looks] swollen"). The rows listed here are known not to read as themselves, each for a reason
noted; a new row that does not read fails the test (session 16: a row with a filler that says how often,
"constantly" or "too", never reads, as the matching window skips it)."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate_with
from symptomdb.text.lexicon import get_lexicon, read_lay_lexicon

# phrase → why it does not read as its own term (left for a later round to settle)
KNOWN_NOT_READ = {
    # an HPO name or synonym wins the key with a closer or more specific term
    "slurred speech": "HPO's Slurred speech (a child of Dysarthria)",
    "glue ear": "HPO's Glue ear",
    "puffy eyes": "HPO's Periorbital fullness",
    "curved spine": "HPO's Abnormal curvature of the vertebral column",
    "bow legs": "HPO's Bowing of the legs",
    "staring episodes": "HPO's Staring gaze",
    "head lag": "HPO's Persistent head lag",
    "thin hair": "HPO's Fine hair",
    "eyelid twitching": "HPO's Blepharospasm synonym",
    "eyelid's been twitching": "HPO's Blepharospasm synonym",
    "fingers change colour in the cold": "a shorter finger phrase wins",
    "fingers change color in the cold": "a shorter finger phrase wins",
    # hidden by a figure of speech, a strict word form or a reading
    "lower lip turns out": "not read",
    "have to change the sheets": "the figure 'to [change]'",
    "straight lines look bent": "the figures of 'look'",
    "straight lines look crooked": "the figures of 'look'",
    # session 20: a big toe said swollen is Joint swelling unless the text says gout (readings.joints_swell)
    "big toe swells up": "Podagra only in a text about gout",
    "big toe swelled up": "Podagra only in a text about gout",
    "big toe red hot and swollen": "Podagra only in a text about gout",
}


def test_every_lay_row_reads_its_own_phrase(knowledge: Knowledge) -> None:
    lexicon = get_lexicon(knowledge)
    not_read = set()
    for entry in read_lay_lexicon():
        term = knowledge.alt_ids.get(entry.hpo_id, entry.hpo_id)
        if term not in lexicon.scope:
            continue
        mentions = annotate_with(lexicon, entry.phrase, include_family=True)
        if not any(
            (m.hpo_id == term or term in knowledge.ancestors(m.hpo_id)) and not m.excluded for m in mentions
        ):
            not_read.add(entry.phrase)
    assert not_read - KNOWN_NOT_READ.keys() == set()
    assert KNOWN_NOT_READ.keys() - not_read == set(), "a listed row reads now: take it off the list"
