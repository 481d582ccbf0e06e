"""Finding HPO terms in text: spans, morphology, word order, specificity, abbreviations, coordination."""

from __future__ import annotations

import json

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import Mention, annotate
from tests.conftest import shared_file


def found(mentions: list[Mention]) -> dict[str, bool]:
    """hpo_id → excluded, for the mentions about the patient."""
    return {m.hpo_id: m.excluded for m in mentions if not m.family}


def test_the_lay_example_sentence(knowledge: Knowledge) -> None:
    text = "my son's eyes dart around and he jerks, no fever"
    mentions = annotate(knowledge, text)
    assert found(mentions) == {"HP:0010543": False, "HP:0001336": False, "HP:0001945": True}
    opsoclonus = next(m for m in mentions if m.hpo_id == "HP:0010543")
    assert opsoclonus.label == "Opsoclonus" and opsoclonus.text == "eyes dart around"
    # Opsoclonus is an abnormal saccadic eye movement
    assert "HP:0000570" in knowledge.ancestors(opsoclonus.hpo_id)


def test_spans_are_exact_on_a_real_abstract(knowledge: Knowledge) -> None:
    path = shared_file("text-corpora", "gsc-plus-public.jsonl")
    with open(path, encoding="utf-8") as handle:
        documents = [json.loads(line) for _, line in zip(range(25), handle, strict=False)]
    total = 0
    for document in documents:
        text = document["text"]
        for m in annotate(knowledge, text):
            assert text[m.start : m.end] == m.text
            assert m.label == knowledge.terms[m.hpo_id].name
            total += 1
    assert total > 100


@pytest.mark.parametrize(
    ("text", "term_id"),
    [
        ("She had several seizures.", "HP:0001250"),
        ("Both kidneys were small and hypoplastic.", "HP:0012584"),  # Bilateral renal hypoplasia (word order)
        ("hypoplastic nails", "HP:0001792"),  # Small nail ← "Hypoplasia of the nails"
        ("nails were hypoplastic", "HP:0001792"),
        ("He was ataxic.", "HP:0001251"),
        ("the child was microcephalic", "HP:0000252"),
        ("anaemia and oedema", "HP:0001903"),
        ("thoracic scoliosis", "HP:0002943"),
        ("He is mildly hypotonic.", "HP:0001252"),
        ("autosomal-dominant inheritance", "HP:0000006"),
        ("the disorder is dominantly inherited", "HP:0000006"),
        ("brachydactyly type A-1", "HP:0009371"),
        ("Pre-auricular pits were seen.", "HP:0004467"),
    ],
)
def test_morphology_and_word_order(knowledge: Knowledge, text: str, term_id: str) -> None:
    assert term_id in found(annotate(knowledge, text))


def test_longest_and_most_specific_match_wins(knowledge: Knowledge) -> None:
    ids = found(
        annotate(knowledge, "He has severe intellectual disability and bilateral sensorineural hearing loss.")
    )
    assert "HP:0010864" in ids  # Intellectual disability, severe (not the general term)
    assert "HP:0001249" not in ids
    assert "HP:0008619" in ids  # Bilateral sensorineural hearing impairment
    assert "HP:0000365" not in ids


def test_surface_form_breaks_word_order_ties(knowledge: Knowledge) -> None:
    ids = found(annotate(knowledge, "Echocardiography showed a left-to-right shunt."))
    assert "HP:0012382" in ids and "HP:0001694" not in ids


def test_coordinated_heads_are_shared(knowledge: Knowledge) -> None:
    ids = found(annotate(knowledge, "The child had aplastic or hypoplastic nails."))
    assert {"HP:0001798", "HP:0001792"} <= set(ids)  # Anonychia, Small nail
    ids = found(annotate(knowledge, "anal, renal, limb and ear anomalies"))
    assert {"HP:0004378", "HP:0000077", "HP:0040064", "HP:0000598"} <= set(ids)


def test_abbreviations_are_case_sensitive(knowledge: Knowledge) -> None:
    assert "HP:0007018" in found(annotate(knowledge, "He was diagnosed with ADHD."))
    assert "HP:0001511" in found(annotate(knowledge, "There was IUGR."))
    assert found(annotate(knowledge, "He plays the iugr game.")) == {}


def test_abbreviations_defined_in_the_text(knowledge: Knowledge) -> None:
    text = "Patients had retinal hamartomas (RHs). Two RHs were large."
    mentions = annotate(knowledge, text)
    assert [m.text for m in mentions if m.hpo_id == "HP:0009594"] == ["retinal hamartomas", "RHs"]
    # An abbreviation the text defines as something else is not HPO's: "ID" is "imprinting defect" here.
    text = "an imprinting defect (ID) was found; ID was confirmed"
    assert "HP:0001249" not in found(annotate(knowledge, text))


def test_cytogenetic_arms_are_not_limbs(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "a deletion of the short arm of chromosome 4")) == {}
    assert found(annotate(knowledge, "informative short arm cytogenetic markers")) == {}
    # "affects" is a verb: no "Abnormal affect" in "a disorder that affects the skin"
    assert "HP:0025766" not in found(annotate(knowledge, "a disorder that affects the skin"))


def test_everyday_words_are_not_findings(knowledge: Knowledge) -> None:
    # "cutting", "ordering" and "collecting" are HPO synonyms (self-cutting, atypical sorting, collectionism);
    # their verbs are not.
    text = (
        "We cut the samples, ordered the results and collected data; cases fall into two groups. "
        "Families fitting the criteria were studied."  # "fits" (seizures) is a lay word, "fitting" is not
    )
    assert found(annotate(knowledge, text)) == {}


def test_empty_and_symbol_only_texts(knowledge: Knowledge) -> None:
    assert annotate(knowledge, "") == []
    assert annotate(knowledge, " ... ;; ()") == []


@pytest.mark.parametrize(
    ("text", "term_id", "span"),
    [
        ("he keeps getting chest infections", "HP:0002783", "keeps getting chest infections"),
        ("he had pneumonia three times this year", "HP:0006532", "pneumonia three times"),
        ("she was born without fingernails", "HP:0001817", "born without fingernails"),
        ("he has loads of moles", "HP:0001054", "loads of moles"),
        ("Hearing loss, sensorineural.", "HP:0000407", "Hearing loss, sensorineural"),
        ("genetic heterogeneity was shown", "HP:0000005", "genetic heterogeneity"),  # obsolete name
        ("there is locus heterogeneity", "HP:0000005", "heterogeneity"),  # "Heterogeneous" by morphology
        ("with striking intrafamilial variability", "HP:0003812", "variability"),  # "Phenotypic variability"
        ("her tummy hurts", "HP:0002027", "tummy hurts"),
    ],
)
def test_lay_and_structural_variants(knowledge: Knowledge, text: str, term_id: str, span: str) -> None:
    mentions = [m for m in annotate(knowledge, text) if m.hpo_id == term_id]
    assert [(m.text, m.excluded) for m in mentions] == [(span, False)]


def test_an_inverted_name_must_end_its_clause_part(knowledge: Knowledge) -> None:
    # "mental retardation, profound speech impairment": "profound" belongs to the next item of the list
    ids = found(annotate(knowledge, "mental retardation, profound speech impairment"))
    assert "HP:0001249" in ids and "HP:0002187" not in ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he was born with a cleft lip and palate", {"HP:0410030", "HP:0000175"}),  # head on the left
        ("palmar and plantar pits are frequent", {"HP:0010610", "HP:0010612"}),  # head on the right
        ("posterior subcapsular or capsular cataract", {"HP:0007787", "HP:0100017"}),  # two-word conjunct
        ("involvement of the lower limbs, genitalia, and nails", {"HP:0002814", "HP:0000078", "HP:0001597"}),
        # the head made findings with the bare items, so the first item of the list shares it too
        ("consisting of eye, ear, and craniofacial anomalies", {"HP:0000478", "HP:0000598"}),
        # the first word qualifies every item
        ("thin upper and lower lips", {"HP:0000219", "HP:0010282"}),
        # the last item goes on with its clause ("were repaired", "of the hands")
        ("cleft lip and palate were repaired early", {"HP:0410030", "HP:0000175"}),
        ("muscle weakness and wasting of the hands", {"HP:0001324", "HP:0003202"}),
    ],
)
def test_coordinations_share_their_head(knowledge: Knowledge, text: str, expected: set[str]) -> None:
    assert expected <= set(found(annotate(knowledge, text)))


def test_an_item_whose_own_words_go_on_borrows_no_head(knowledge: Knowledge) -> None:
    # "scaly like a fish": "scaly" is followed by its own words, not by the rest of the clause
    assert "HP:0040189" not in found(annotate(knowledge, "her skin is dry and scaly like a fish"))


def test_coordinated_findings_that_are_complete_share_nothing(knowledge: Knowledge) -> None:
    # "glaucoma" is a finding on its own: no "developmental glaucoma"
    ids = found(annotate(knowledge, "developmental delay, brain malformation and glaucoma"))
    assert "HP:0001087" not in ids and "HP:0000501" in ids
    # "head circumference at birth" is no finding, so "large" does not borrow its head
    text = "head circumference at birth, and a large, wide mouth"
    assert "HP:0000256" not in found(annotate(knowledge, text))


def test_words_naming_a_term_and_its_ancestor_read_as_the_ancestor(knowledge: Knowledge) -> None:
    # "symptoms" ≈ "abnormality" ≈ "malformation": the name "Cerebellar malformation" and the synonym
    # "Abnormality of the cerebellum" share these words; the span supports only the general term.
    assert found(annotate(knowledge, "cerebellar symptoms")) == {"HP:0001317": False}
    # a name written as such stays itself
    assert found(annotate(knowledge, "Cerebellar malformation")) == {"HP:0002438": False}


@pytest.mark.parametrize(
    ("text", "term_id"),
    [
        ("His speech is severely delayed.", "HP:0000750"),  # a degree word the phrase does not need
        ("flexion contracture of the right knee", "HP:0006380"),  # a side word
        ("hypertonia affecting upper limbs", "HP:0200049"),
        ("a bicornuate unicollis uterus", "HP:0000813"),  # one word no phrase uses
    ],
)
def test_windows_skip_modifiers_and_one_unknown_word(knowledge: Knowledge, text: str, term_id: str) -> None:
    assert term_id in found(annotate(knowledge, text))


def test_a_noun_starting_a_longer_finding_is_also_the_head_before_it(knowledge: Knowledge) -> None:
    ids = found(annotate(knowledge, "a malformed nose with broad bridge"))
    assert {"HP:0000366", "HP:0000431"} <= set(ids)  # Abnormality of the nose, Wide nasal bridge
    assert {"HP:0003196", "HP:0000455"} <= set(found(annotate(knowledge, "a short nose with a broad tip")))


def test_a_window_with_an_unknown_word_does_not_steal_a_finding(knowledge: Knowledge) -> None:
    # "dysmorphic features include facial" would be "Dysmorphic facial features" across "include"
    ids = found(annotate(knowledge, "Dysmorphic features include facial asymmetry."))
    assert "HP:0000324" in ids


def test_a_generic_word_is_no_conjunct(knowledge: Knowledge) -> None:
    # "this disorder, bifid ribs": not "disorder of the ribs" (and so no list for the family history)
    text = "a positive family history for this disorder, bifid ribs, calcification of the falx cerebri"
    assert found(annotate(knowledge, text)) == {"HP:0000892": False, "HP:0005462": False}


@pytest.mark.parametrize(
    ("text", "term_id"),
    [
        ("Hole in the back of the eye", "HP:0000480"),  # many stop words, none more than 3 in a row
        ("she has dislocated lenses", "HP:0001083"),  # "Lens dislocation"
        ("intercostal recession", "HP:0030864"),  # British "recession" = "retraction"
        ("white matter changes", "HP:0002500"),
        ("her cortisol levels were low", "HP:0008163"),  # "Decreased circulating cortisol level"
        ("serum ferritin was elevated", "HP:0003281"),  # "Increased circulating ferritin concentration"
        ("he has mild autistic features", "HP:0000729"),  # "Autistic behavior"
        ("wide phenotypic variation", "HP:0003812"),  # "Phenotypic variability"
        ("brain stem symptoms", "HP:0002363"),  # compound written in two words: "brainstem"
        ("thin finger nails", "HP:0012742"),  # "Thin fingernail"
    ],
)
def test_long_names_participles_and_generic_heads(knowledge: Knowledge, text: str, term_id: str) -> None:
    assert term_id in found(annotate(knowledge, text))


def test_onset_periods_need_a_preposition(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "seizures began in early childhood")) == {
        "HP:0001250": False,
        "HP:0011463": False,  # Childhood onset ("Symptoms begin in childhood")
    }
    assert found(annotate(knowledge, "since infancy")) == {"HP:0003593": False}
    assert found(annotate(knowledge, "childhood vaccines")) == {}


@pytest.mark.parametrize(
    ("text", "term_id"),
    [
        ("auditory manifestations", "HP:0000364"),  # auditory ≈ hearing: "Hearing abnormality"
        ("atactic gait", "HP:0002066"),  # Greek "atactic" = ataxic
        ("myoclonias", "HP:0001336"),
        ("She was hypotonic at birth.", "HP:0001319"),  # "at birth" = congenital: Neonatal hypotonia
        ("he lost weight", "HP:0001824"),  # lose/lost/losing = loss
        ("she began to lose her ability to walk", "HP:0002505"),  # "Loss of ability to walk"
        ("cranial meningiomas", "HP:0100009"),  # Intracranial meningioma
        ("an intrascleral schwannoma", "HP:0100011"),  # Scleral schwannoma
        ("deglutition disorder", "HP:0002015"),  # deglutition ≈ swallowing: Dysphagia
        ("swallowing dysfunction", "HP:0002015"),
        ("abnormally small eyes", "HP:0000568"),  # eyeball ≈ eye: Microphthalmia
        ("new neurologic deficits", "HP:0000707"),  # deficit ≈ abnormality
        ("the palate is highly arched", "HP:0000218"),  # High palate
        ("prominence of the forehead", "HP:0011220"),  # Prominent forehead
        ("fusion of the cervical vertebrae", "HP:0002949"),  # "Fused cervical vertebrae"
        ("up-slanting palpebral fissures", "HP:0000582"),  # "up-" joined like "down-"
        ("CK was elevated", "HP:0003236"),  # "Increased serum CK" without the sample word
        ("his head is too big", "HP:0000256"),  # "too" is a degree word, big ≈ large: Macrocephaly
        ("aplasia of the fifth finger", "HP:0009238"),  # fifth ≈ 5th
        ("muscle tone was decreased", "HP:0001252"),  # "Low muscle tone": low ≈ decreased in names
        ("poor visual fixation", "HP:0025404"),  # no term for "poor": "Abnormal visual fixation"
        ("severity of the speech impairment", "HP:0002167"),  # "Abnormal speech pattern"
    ],
)
def test_adjectives_and_variants(knowledge: Knowledge, text: str, term_id: str) -> None:
    assert term_id in found(annotate(knowledge, text))


def test_an_organ_adjective_before_a_noun_belongs_to_that_noun(knowledge: Knowledge) -> None:
    # "poor visual fixation" is not "poor vision"; "enlarged cardiac silhouette" is not "enlarged heart"
    assert "HP:0000505" not in found(annotate(knowledge, "poor visual fixation"))
    assert "HP:0001640" not in found(annotate(knowledge, "an enlarged cardiac silhouette"))


@pytest.mark.parametrize(
    ("text", "term_id"),
    [
        ("he has never been able to smell anything", "HP:0000458"),  # never been able to = cannot
        ("she is unable to walk", "HP:0002540"),
        ("she still doesn't say a single word", "HP:0001344"),
        ("he can't sit still", "HP:0000752"),
    ],
)
def test_inability_phrasings(knowledge: Knowledge, text: str, term_id: str) -> None:
    assert term_id in found(annotate(knowledge, text))


def test_lay_verb_phrases_keep_their_word_order(knowledge: Knowledge) -> None:
    # "can't sit still" is hyperactivity; "still unable to sit" is not
    assert "HP:0000752" not in found(annotate(knowledge, "at two he is still unable to sit"))
    # "cold" alone is the weather, not Coldness
    assert "HP:0033850" not in found(annotate(knowledge, "her fingers turn white in the cold"))


def test_stature_said_of_a_person(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "she's short but her head is fine")).get("HP:0004322") is False
    assert "HP:0000098" in found(annotate(knowledge, "my son has always been very tall"))
    for text in ("the interval was short", "he is short of breath", "a short time"):
        assert "HP:0004322" not in found(annotate(knowledge, text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my eyes feel dry and gritty", "HP:0001097"),  # Keratoconjunctivitis sicca
        ("my joints feel stiff in the morning", "HP:0001387"),  # Joint stiffness
        ("my legs feel restless at night", "HP:0012452"),  # Restless legs, not Restlessness
        ("his eyes look yellow", "HP:0032106"),  # Conjunctival icterus (session 18)
        ("my joints get stiff in the cold", "HP:0001387"),  # a verb of becoming too
        ("my heart goes all over the place", "HP:0001962"),  # the lexicon's own phrase keeps the verb
    ],
)
def test_a_linking_verb_after_a_body_part_reads_as_is(knowledge: Knowledge, text: str, expected: str) -> None:
    # session 14: "feel", "look", "seem" between a body part and how it is, as "are" ("my eyes are dry")
    assert found(annotate(knowledge, text)).get(expected) is False
