"""Round 12 of the annotator: everyday idioms (British and American, parents, patients, carers) and their
siblings, asserted on made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the glands in her neck are up again", "HP:0025289"),  # Cervical lymphadenopathy
        ("my daughter has been farting non-stop since Sunday", "HP:0033589"),  # Flatulence
        ("grandad shuffles along the corridor now", "HP:0002362"),  # Shuffling gait
        ("the baby makes a crowing noise when breathing in", "HP:0005348"),  # Inspiratory stridor
        ("she woke up with a croupy cough", "HP:0033121"),  # Barking cough
        ("I keep getting boils on my back", "HP:0011132"),  # Chronic furunculosis
        ("I've been feeling low since the summer", "HP:0000716"),  # Depression
        ("she says nothing gives her pleasure now", "HP:0012154"),  # Anhedonia
        ("he told the nurse he wants to end it all", "HP:0031589"),  # Suicidal ideation
        ("my eyes feel gritty every evening", "HP:0001097"),  # Keratoconjunctivitis sicca
        ("there's yellow gunk in the eye most mornings", "HP:0034427"),  # Purulent eye discharge
        ("I'm puffed out on the stairs these days", "HP:0002875"),  # Exertional dyspnea
        ("his heart is thumping even when he sits still", "HP:0001962"),  # Palpitations
        ("she felt swimmy in the queue at the bank", "HP:0031972"),  # Presyncope
        ("I have a hissing in my ears at night", "HP:0000360"),  # Tinnitus
        ("she's frightened to go out on her own now", "HP:0000756"),  # Agoraphobia
        ("he has had loin pain on the right since Monday", "HP:0030157"),  # Flank pain
        ("it stings when I wee", "HP:0100518"),  # Dysuria
        ("our eight-year-old still wees the bed", "HP:0010677"),  # Enuresis nocturna
        ("my nipples are leaking milk and I've never had a baby", "HP:0100829"),  # Galactorrhea
        ("she has scales like a fish on her legs", "HP:0008064"),  # Ichthyosis
        ("my teenage son is covered in zits", "HP:0001061"),  # Acne
        ("there's blood on the toilet paper most mornings", "HP:0002573"),  # Hematochezia
        ("the little one cries when she poos", "HP:6000222"),  # Painful defecation
        ("his poos are like rabbit droppings", "HP:0002019"),  # Constipation
        ("I'm coughing up green phlegm", "HP:0031245"),  # Productive cough
        ("my wife says I snore like a freight train", "HP:0025372"),  # Loud snoring
        ("I have a creepy crawly feeling in my legs when I lie down", "HP:0012452"),  # Restless legs
        ("he has thread veins on his cheeks", "HP:0007380"),  # Facial telangiectasia
        ("my breath stinks whatever I do", "HP:0100812"),  # Halitosis
        ("my fingernails keep breaking", "HP:0001808"),  # Fragile nails
        ("she can't taste anything since the flu", "HP:0041051"),  # Ageusia
        ("he can't see the board at school", "HP:0000545"),  # Myopia
        ("the doctor said she has silvery scales on her knees", "HP:0003765"),  # Psoriasiform dermatitis
        ("she has a flat red birthmark on her neck", "HP:0001052"),  # Nevus flammeus
        ("my shoulder keeps popping out when I swim", "HP:0031610"),  # Recurrent shoulder dislocation
    ],
)
def test_everyday_idioms(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is False, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she has never had thoughts of ending it", "HP:0031589"),
        ("no gunk in his eyes", "HP:0034427"),
        ("there's no crowing noise when she breathes in", "HP:0005348"),
    ],
)
def test_new_idioms_can_be_negated(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is True, text


def test_lost_all_colour_is_vitiligo_and_lost_colour_hypopigmentation(knowledge: Knowledge) -> None:
    text = "white patches where the skin has lost all its colour"
    assert found(annotate(knowledge, text)).get("HP:0001045") is False
    text = "white patches where the skin has lost its colour"
    assert found(annotate(knowledge, text)).get("HP:0001053") is False


def test_everyday_words_other_phrases_skip_stay_out_of_the_rows(knowledge: Knowledge) -> None:
    # a row with "goes" ("heart goes like the clappers") broke "his pee goes dark": such rows were left out
    assert found(annotate(knowledge, "her pee goes dark orange")).get("HP:0040319") is False
