"""Spelling tolerance: misspelt symptom words are read, ordinary and technical words are left alone."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate
from symptomdb.text.lexicon import get_lexicon
from symptomdb.text.normalise import tokenize
from symptomdb.text.spelling import correct_tokens, skeleton, sound, spell_index

from .test_annotate import found

SEIZURE = "HP:0001250"
DIARRHEA = "HP:0002014"
VOMITING = "HP:0002013"
FEVER = "HP:0001945"
NAUSEA = "HP:0002018"
HEADACHE = "HP:0002315"
HYPOTONIA = "HP:0001252"
OPSOCLONUS = "HP:0010543"


def corrected(knowledge: Knowledge, text: str) -> dict[str, str]:
    """Surface word → the word it was read as, for the words the speller changed."""
    lexicon = get_lexicon(knowledge)
    tokens = tokenize(text)
    fixed = correct_tokens(lexicon, tokens)
    if len(fixed) != len(tokens):
        return {t.text: t.lower for t in fixed if " " in t.text}
    return {a.text: b.lower for a, b in zip(tokens, fixed, strict=True) if a != b}


def test_misspelt_symptoms_are_found(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "she has seizers and diarhea, no vomitting")) == {
        SEIZURE: False,
        DIARRHEA: False,
        VOMITING: True,
    }
    assert found(annotate(knowledge, "hes been throwing up and has a temprature")) == {
        VOMITING: False,
        FEVER: False,
    }
    assert found(annotate(knowledge, "Constant nausia and a headake since the weekend")) == {
        NAUSEA: False,
        HEADACHE: False,
    }
    assert HYPOTONIA in found(annotate(knowledge, "the neurologist wrote hypotonai on the form"))
    assert OPSOCLONUS in found(annotate(knowledge, "eye movements like opsoclonous were seen"))
    assert "HP:0002321" in found(annotate(knowledge, "he complains of dizzyness on standing"))


def test_spans_stay_on_the_original_text(knowledge: Knowledge) -> None:
    text = "Her son has diarhea again."
    (mention,) = annotate(knowledge, text)
    assert mention.hpo_id == DIARRHEA
    assert mention.text == "diarhea" == text[mention.start : mention.end]


def test_spelling_can_be_switched_off(knowledge: Knowledge) -> None:
    assert DIARRHEA not in found(annotate(knowledge, "diarhea for two days", spelling=False))


def test_contractions_without_apostrophe_negate(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "he doesnt have a fever")) == {FEVER: True}


def test_ordinary_english_words_are_left_alone(knowledge: Knowledge) -> None:
    text = "The linkage study of her daughter and the laughter of the lineage was recorded in English."
    assert corrected(knowledge, text) == {}
    # inflections, British spellings and compounds of known words are words too
    assert corrected(knowledge, "inverses of the homologue, a coactivator, the ureterovaginal tract") == {}


def test_abbreviations_gene_symbols_and_names_are_left_alone(knowledge: Knowledge) -> None:
    text = "Variants in COL1A1 and FBN1, DIARHEA, Mr Seizerson and Dr Nausia saw McArdle on p.Arg12."
    assert corrected(knowledge, text) == {}


def test_correct_medical_words_are_left_alone(knowledge: Knowledge) -> None:
    text = "Opsoclonus, myoclonus, hypotonia, microcephaly and ataxia with pericentric inversion, intronic"
    assert corrected(knowledge, text) == {}


def test_short_and_ambiguous_words_are_left_alone(knowledge: Knowledge) -> None:
    # four letters are too short; a five-letter word loses no letter ("spalt" is not "salt")
    assert corrected(knowledge, "a coff and a spalt") == {}


def test_two_edits_only_for_sound_alike_spellings(knowledge: Knowledge) -> None:
    index = spell_index(get_lexicon(knowledge))
    assert index.correction("microcefaly") == "microcephaly"
    assert index.correction("vomitted") in ("vomited", "vomiting")  # one edit
    assert index.correction("unresectable") is None  # two edits to "undetectable", not a sound-alike
    assert sound("headake") == sound("headache")
    assert skeleton("seizers") == skeleton("seizures")


def test_a_sentence_start_may_be_corrected_but_not_a_name_inside(knowledge: Knowledge) -> None:
    assert corrected(knowledge, "Diarhea since monday.") == {"Diarhea": "diarrhea"}
    assert corrected(knowledge, "We met Diarhea yesterday.") == {}


def test_a_word_written_as_two_is_read_as_one(knowledge: Knowledge) -> None:
    (mention,) = annotate(knowledge, "she is a bit over weight")
    assert mention.hpo_id == "HP:0025502"  # Overweight
    assert mention.text == "over weight"
    assert "HP:0002020" in found(annotate(knowledge, "heart burn after every meal"))  # reflux
    # stop words and capitalised words are never joined
    assert corrected(knowledge, "he went in to hospital; Over Weight") == {}


def test_two_neighbouring_letters_swapped_in_a_four_letter_word(knowledge: Knowledge) -> None:
    # session 13: phone slips in short words; the first letter stays, only one swap may make a word
    assert corrected(knowledge, "lower bakc and a pian in my lges") == {
        "bakc": "back",
        "pian": "pain",
        "lges": "legs",
    }
    assert corrected(knowledge, "wiht a hsi") == {}  # "with" is a word no finding needs; nothing else
    assert found(annotate(knowledge, "tummy ahce, dotn feel sick")).get("HP:0002027") is False


def test_the_same_letters_in_another_order(knowledge: Knowledge) -> None:
    # a letter typed in the wrong place, however far it moved ("diarreah"), and a tie broken by it
    assert corrected(knowledge, "diarreah and cant seelp") == {"diarreah": "diarrhea", "seelp": "sleep"}
    assert corrected(knowledge, "my poo is blakc") == {"blakc": "black"}  # not the name Blake


def test_silent_first_letters_and_sound_alike_spellings(knowledge: Knowledge) -> None:
    assert corrected(knowledge, "numonia and sore rists") == {"numonia": "pneumonia", "rists": "wrists"}
    assert corrected(knowledge, "bad ankziety and exzema") == {"ankziety": "anxiety", "exzema": "eczema"}


def test_run_together_words_are_read_as_two(knowledge: Knowledge) -> None:
    lexicon = get_lexicon(knowledge)
    fixed = correct_tokens(lexicon, tokenize("coughingup blood"))
    assert [(t.text, t.lower) for t in fixed[:2]] == [("coughing", "coughing"), ("up", "up")]
    assert (fixed[0].start, fixed[1].end) == (0, len("coughingup"))
    assert found(annotate(knowledge, "he wetthe bed again")).get("HP:0010677") is False
    # the pieces of a technical word or a brand are no two words
    assert corrected(knowledge, "urorenal anomalies and a fitbit") == {}


def test_misspelt_temperatures_are_read(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "a tempriture of 38.5 since yesterday")).get(FEVER) is False
    assert FEVER not in found(annotate(knowledge, "a temptation of 38 biscuits"))


def test_sounds_carried_over_from_another_first_language(knowledge: Knowledge) -> None:
    # b/p/v/f and j/y (Arabic, Spanish, Tagalog speakers), v/w (Hindi): an ordinary English word
    # letter for letter, preferred to a one-edit reading that sounds otherwise ("pever" is no "peter")
    assert corrected(knowledge, "he bomit twice and has pever") == {"bomit": "vomit", "pever": "fever"}
    assert corrected(knowledge, "skin is jellow and a wiral illness") == {
        "jellow": "yellow",
        "wiral": "viral",
    }
    assert corrected(knowledge, "a fiver for the bus") == {}  # an English word is left alone


def test_short_words_spelt_by_sound(knowledge: Knowledge) -> None:
    # three or four letters: only an ordinary English word that sounds the same, longer, same first letter
    assert corrected(knowledge, "my hed hurts and my legs are stif") == {"hed": "head", "stif": "stiff"}
    assert corrected(knowledge, "feet go num and i swet") == {"num": "numb", "swet": "sweat"}
    assert corrected(knowledge, "pt has a uti, hx of cva") == {}  # abbreviations stay


def test_text_speak(knowledge: Knowledge) -> None:
    # letters held for emphasis, a letter doubled in a short word, a dropped g, "dnt"
    assert corrected(knowledge, "sooo sorre and itchyyy") == {"sorre": "sore", "itchyyy": "itchy"}
    assert corrected(knowledge, "my nose keeps bleedin") == {"bleedin": "bleeding"}
    assert found(annotate(knowledge, "lil bumps down there, dnt hurt or itch")).get("HP:0000989") is True
    assert corrected(knowledge, "a spalt") == {}  # only a doubled letter is dropped from a short word


def test_a_findings_y_word_spelt_ey_or_ie(knowledge: Knowledge) -> None:
    # session 14: "-ey"/"-ie" for a finding's "-y" word, dictionary variants too ("shakey", "flakey")
    assert corrected(knowledge, "dizzie and giddey, hands shakey, skin flakey") == {
        "dizzie": "dizzy",
        "giddey": "giddy",
        "shakey": "shaky",
        "flakey": "flaky",
    }
    assert corrected(knowledge, "down the alley with a movie") == {}  # no finding's -y word
    assert found(annotate(knowledge, "I get dizzie spells")) == {"HP:0002321": False}


def test_five_and_six_letter_words_spelt_by_sound(knowledge: Knowledge) -> None:
    # session 14: two letters from an ordinary English word but the same sounds ("quezy", "exema")
    assert corrected(knowledge, "I feel quezy") == {"quezy": "queasy"}
    assert found(annotate(knowledge, "my son has exema all over")) == {"HP:0000964": False}


def test_a_doubled_letter_in_a_four_letter_word(knowledge: Knowledge) -> None:
    # session 14: read as the word without it, three-letter finding words too ("hipp", "wett")
    assert corrected(knowledge, "my hipp hurts and I wett myself") == {"hipp": "hip", "wett": "wet"}
    # a word as long that sounds the same when no longer one does ("numm"), the longer one first ("akes")
    assert corrected(knowledge, "toes go numm, body akes") == {"numm": "numb", "akes": "aches"}


def test_mirror_image_letters_swapped(knowledge: Knowledge) -> None:
    # session 14: b/d/p/q written for one another (dyslexia)
    assert corrected(knowledge, "I threw up dlood, my qeriods are heavy, I burq") == {
        "dlood": "blood",
        "qeriods": "periods",
        "burq": "burp",
    }


def test_a_finding_word_with_a_letter_dropped(knowledge: Knowledge) -> None:
    # session 14: a four-letter non-word one letter short of a word that names a finding alone
    assert corrected(knowledge, "bad coug and a fver") == {"coug": "cough", "fver": "fever"}
    assert corrected(knowledge, "it went on for 25 mins") == {}  # "mains" names no finding


def test_a_neighbouring_key_hit(knowledge: Knowledge) -> None:
    # session 14: a four-letter non-word one neighbouring key from a word ("paun", "rasj"); and the last
    # tie-break between readings as close ("fecer": fever, c beside v, not feces)
    assert corrected(knowledge, "a bad paun and a rasj") == {"paun": "pain", "rasj": "rash"}
    assert corrected(knowledge, "a high fecer") == {"fecer": "fever"}
    assert corrected(knowledge, "it lasted 25 mins") == {}


def test_a_doubled_plural_ending_is_a_slip(knowledge: Knowledge) -> None:
    # session 14: "anxiouss", "seizurees" are no plurals of anxious and seizure
    assert corrected(knowledge, "so anxiouss, more seizurees") == {
        "anxiouss": "anxious",
        "seizurees": "seizures",
    }


def test_the_first_two_letters_swapped(knowledge: Knowledge) -> None:
    # session 14: the search by first sound cannot find these; "form" stays (a word)
    assert corrected(knowledge, "back apin and a sore htroat") == {"apin": "pain", "htroat": "throat"}
    assert corrected(knowledge, "fill in the form") == {}


def test_a_non_word_read_by_its_neighbour(knowledge: Knowledge) -> None:
    # session 14: several words are a letter away; only one makes a phrase with the word beside it
    assert corrected(knowledge, "a sore throa for days") == {"throa": "throat"}
    assert corrected(knowledge, "a soe throat") == {"soe": "sore"}
    # a dropped g is no non-word: "sore goin down the stairs" is no sore groin
    assert corrected(knowledge, "they do be sore goin down the stairs") == {}


def test_a_rare_word_heard_as_its_sound_alike_beside_a_phrase_partner(knowledge: Knowledge) -> None:
    # session 14: a real word the lexicon never uses, sounding like a target that makes a phrase with its
    # neighbour ("soar throat", "heer people"); an everyday word stays as written ("quite normal")
    assert corrected(knowledge, "a soar throat") == {"soar": "sore"}
    assert corrected(knowledge, "my voice is quite normal") == {}


def test_no_ing_after_a_final_a(knowledge: Knowledge) -> None:
    # session 14: "heraing" is a slip for hearing, no "-ing" of the name Hera
    assert corrected(knowledge, "my heraing seems fine") == {"heraing": "hearing"}
