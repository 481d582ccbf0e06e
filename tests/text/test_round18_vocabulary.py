"""Round 18 of the lay lexicon: families of everyday wording, asserted on made-up sentences (none is copied
from a benchmark). Each sentence says its finding in words the lexicon lacked before this round."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found


@pytest.mark.parametrize(
    ("text", "hpo_id"),
    [
        # newborn jaundice that lasts
        ("our second baby was yellow for weeks after she was born", "HP:0006579"),
        ("his jaundice went on for weeks and he needed the lights", "HP:0006579"),
        # hearing
        ("he wears hearing aids in both ears", "HP:0000365"),
        ("my hearing has got worse every year since college", "HP:0001730"),
        ("the audiologist said I've lost the low tones on the right", "HP:0008542"),
        # falls, feet and knees
        ("she trips and falls a lot more than other kids", "HP:0002359"),
        ("the physio said he has pigeon toes", "HP:6001054"),
        ("when he stands up straight his knees bend backwards", "HP:0002816"),
        ("the x-ray showed both hips are out of joint", "HP:0002827"),
        # infants
        ("the midwife said he was floppy at birth", "HP:0001319"),
        ("she couldn't suck properly for the first week", "HP:0002033"),
        ("at four months there was no head control", "HP:0002421"),
        ("our daughter doesn't follow toys with her eyes", "HP:0025152"),
        ("in some flash photos there is a white reflection in her eye", "HP:0000555"),
        ("he keeps his fists clenched most of the day", "HP:0001188"),
        # sleep
        ("my toddler hardly sleeps", "HP:0100785"),
        ("our youngest takes ages to settle at bedtime", "HP:0031354"),
        ("she wakes several times a night", "HP:0031355"),
        ("I am awake from 4am every day", "HP:0031356"),
        ("he is up all night and sleeps all day", "HP:0031849"),
        # vision
        ("my side vision is closing in", "HP:0001133"),
        ("at the optician I said colors look washed out", "HP:0000551"),
        ("the door frame looks odd, straight lines look wavy", "HP:0012508"),
        ("her night vision is terrible", "HP:0000662"),
        # hands, hair, teeth, nails
        ("I can't feel my toes any more", "HP:0002936"),
        ("I get burning pain in my hands and feet when it's hot", "HP:0031006"),
        ("after a handshake he is slow to let go of things", "HP:0012899"),
        ("her hair barely grows, she has never had a haircut", "HP:0100038"),
        ("his baby teeth came through late", "HP:0000680"),
        ("the dentist says her teeth have thin enamel", "HP:0006297"),
        ("my nails have little pits in them", "HP:0001803"),
        # body, gut and urine
        ("one side of his body looks bigger than the other", "HP:0001528"),
        ("since the accident he is weak down his left side", "HP:0001269"),
        ("the GP said it was a belly button hernia", "HP:0001537"),
        ("since the antibiotics she has had greasy poos", "HP:0002570"),
        ("the baby has chalky poos", "HP:0011985"),
        ("the dipstick found sugar in her urine", "HP:0003076"),
        ("she still wears a nappy at night and she is ten", "HP:0010677"),
        ("my bladder is urgent and I can't wait", "HP:0000012"),
        # eating, weight and behaviour
        ("he chokes on his food at every meal", "HP:0030842"),
        ("my son is obsessed with food", "HP:0002591"),
        ("since the chemo her appetite is terrible", "HP:0004396"),
        ("I have lost 3 stone this year without trying", "HP:0001824"),
        ("his weight keeps creeping up", "HP:0004324"),
        ("the paediatrician said he is globally delayed", "HP:0001263"),
        ("she rocks back and forth on the sofa", "HP:0012172"),
        ("he checks light switches over and over", "HP:5200050"),
        ("she is overly friendly with everyone", "HP:0100025"),
        ("since the spring she has become more and more forgetful", "HP:0007017"),
        ("at night she sees things that are not there", "HP:0002367"),
        ("he doesn't know what day it is", "HP:0001289"),
        ("her moods are all over the place", "HP:0000712"),
        ("I get really low in the winter", "HP:0000716"),
        ("I have had no sex drive for years", "HP:0046504"),
        # pain, blood and skin
        ("she is in pain every day", "HP:0012532"),
        ("my legs get cramps when I run", "HP:0003710"),
        ("his lips and fingers look blue after a bath", "HP:0000961"),
        ("the scan showed a bleed on the brain", "HP:0002170"),
        ("the nurse said his white cells are low", "HP:0001882"),
        ("she gets a red rash across her cheeks and nose", "HP:0025300"),
        ("gout again, my big toe swells up at night", "HP:0001854"),
        ("his lower jaw sticks out more than before", "HP:0000303"),
        ("the skin on her fingers is tight and shiny", "HP:0011838"),
        ("he bled for days after having a tooth out", "HP:0006298"),
        ("my ferritin was sky high", "HP:0003281"),
        ("at the GP my cholesterol was through the roof", "HP:0003124"),
        ("the GP said his CK was raised", "HP:0003236"),
    ],
)
def test_round18_family_member_is_found(knowledge: Knowledge, text: str, hpo_id: str) -> None:
    assert found(annotate(knowledge, text)).get(hpo_id) is False


def test_round18_words_keep_their_negation(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "she does not wear hearing aids")).get("HP:0000365") is True
    assert found(annotate(knowledge, "no greasy poos")).get("HP:0002570") is True


def test_round18_a_known_word_does_not_swallow_a_longer_phrase(knowledge: Knowledge) -> None:
    # "most" stays a word no phrase uses, so "lost most of my hearing" still reads as hearing loss
    assert found(annotate(knowledge, "I lost most of my hearing as a teenager")).get("HP:0000365") is False
