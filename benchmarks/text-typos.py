"""How often a typing slip in a common symptom word still reads as the finding.

    python benchmarks/text-typos.py [--show N] [--sounds]

For each of 30 everyday symptom words and phrases, every one-letter slip after the first letter is made
(a letter dropped, doubled, swapped with the next, or replaced by a neighbouring key on a QWERTY
keyboard) and put in "I have <slip> since Monday". With --sounds, the spellings of writers whose first
language (Chinese, Japanese, Korean, Vietnamese, Thai, Arabic, Spanish) does not tell some English sounds
apart are made instead, one change at a time: l for r and r for l, th as t, s or d, b for v and v for b,
p for f and f for p, a vowel added after a final consonant ("coughu"), a final consonant dropped. A slip
counts as read when the annotator reports the word's HPO term or a descendant of it. Prints the share
read per kind of slip (and, with --show, the first N slips missed of each kind). Real words are made too
("tried" from "tired", "pin" from "pain"): they are meant to stay as written, so no kind can reach 1.0.
Uses the knowledge base of the current settings (SYMPTOMDB_DATA_DIR).
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from symptomdb.context import SymptomDB
from symptomdb.text.annotate import annotate

WORDS = {
    "headache": "HP:0002315",
    "fever": "HP:0001945",
    "cough": "HP:0012735",
    "rash": "HP:0000988",
    "diarrhoea": "HP:0002014",
    "vomiting": "HP:0002013",
    "dizzy": "HP:0002321",
    "nausea": "HP:0002018",
    "seizures": "HP:0001250",
    "tired": "HP:0012378",
    "itchy": "HP:0000989",
    "wheezing": "HP:0030828",
    "constipated": "HP:0002019",
    "migraine": "HP:0002076",
    "palpitations": "HP:0001962",
    "anxious": "HP:0000739",
    "depressed": "HP:0000716",
    "breathless": "HP:0002094",
    "swollen ankles": "HP:0001785",
    "nosebleeds": "HP:0000421",
    "sore throat": "HP:0033050",
    "back pain": "HP:0003418",
    "chest pain": "HP:0100749",
    "blurred vision": "HP:0000622",
    "insomnia": "HP:0100785",
    "numbness": "HP:0033748",
    "tremor": "HP:0001337",
    "jaundice": "HP:0000952",
    "sneezing": "HP:0025095",
    "bloated": "HP:0003270",
}
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def neighbours() -> dict[str, str]:
    """Each letter → the letters beside it on its keyboard row."""
    beside: dict[str, str] = {}
    for row in KEYBOARD_ROWS:
        for i, letter in enumerate(row):
            beside[letter] = row[max(i - 1, 0) : i] + row[i + 1 : i + 2]
    return beside


def slips(word: str) -> dict[str, set[str]]:
    """Kind of slip → the misspellings of that kind (the first letter is kept, as people mostly do)."""
    beside = neighbours()
    made: dict[str, set[str]] = defaultdict(set)
    for i in range(1, len(word)):
        if not word[i].isalpha():
            continue
        made["drop"].add(word[:i] + word[i + 1 :])
        made["double"].add(word[:i] + word[i] + word[i:])
        if i + 1 < len(word) and word[i + 1].isalpha():
            made["swap"].add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        for key in beside.get(word[i], ""):
            made["neighbour"].add(word[:i] + key + word[i + 1 :])
    return {kind: forms - {word} for kind, forms in made.items()}


def sound_slips(word: str) -> dict[str, set[str]]:
    """Kind of second-language spelling → the spellings of that kind, one change each (first letter kept
    but for th)."""
    made: dict[str, set[str]] = defaultdict(set)
    pairs = {"l/r": ("lr", "rl"), "b/v": ("bv", "vb"), "p/f": ("pf", "fp")}
    for kind, swaps in pairs.items():
        for a, b in swaps:
            for i in range(1, len(word)):
                if word[i] == a:
                    made[kind].add(word[:i] + b + word[i + 1 :])
    for i in range(len(word) - 1):
        if word[i : i + 2] == "th":
            for sound in "tsd":
                made["th"].add(word[:i] + sound + word[i + 2 :])
    for end in (i for i in range(1, len(word) + 1) if i == len(word) or not word[i].isalpha()):
        if word[end - 1] not in "aeiouy" and word[end - 1].isalpha():
            for vowel in "uo":
                made["vowel added"].add(word[:end] + vowel + word[end:])
            if end >= 4:
                made["end dropped"].add(word[: end - 1] + word[end:])
    return {kind: forms - {word} for kind, forms in made.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print this many missed slips of each kind")
    parser.add_argument("--sounds", action="store_true", help="second-language spellings instead of slips")
    args = parser.parse_args()
    knowledge = SymptomDB().knowledge
    read: dict[str, int] = defaultdict(int)
    made: dict[str, int] = defaultdict(int)
    missed: dict[str, list[str]] = defaultdict(list)
    for word, term in WORDS.items():
        for kind, forms in (sound_slips(word) if args.sounds else slips(word)).items():
            for form in sorted(forms):
                found = {m.hpo_id for m in annotate(knowledge, f"I have {form} since Monday")}
                made[kind] += 1
                if any(term == f or term in knowledge.ancestors(f) for f in found):
                    read[kind] += 1
                else:
                    missed[kind].append(form)
    for kind in made:
        print(f"{kind:10} {read[kind]:4} of {made[kind]:4} read  {read[kind] / made[kind]:.3f}")
        if args.show:
            print("           missed:", ", ".join(missed[kind][: args.show]))
    total_read, total = sum(read.values()), sum(made.values())
    print(f"{'all':10} {total_read:4} of {total:4} read  {total_read / total:.3f}")


if __name__ == "__main__":
    main()
