"""Findings read from what word keys cannot carry: a measured temperature or blood pressure, a weight
change in numbers, British "be sick" and "the runs", a fit described as stiffening then jerking, and what
people do and say about a finding without naming it ("3 falls this month", "came round after 20 secs",
"coughs on every drink").

``find_readings(text, tokens)`` runs the word scans (``temp_words``, ``vomiting``, ``the_runs``) and then
each scan of ``_SCANS`` whose words are in the text; the order of ``_SCANS`` decides which reading comes
first. The readings live by what they are about:

- ``_base``: ``Reading`` and the helpers every scan uses (``_read``, ``_each_match``, ``_sentence_around``,
  ``_off_topic``);
- ``vital_signs``: temperatures (and "a temp"), blood pressures lying and standing, heart and breathing
  rates, oxygen saturations, Glasgow coma scores, blood glucose;
- ``numbers``: weight changes, centiles crossed, body mass indices, cycle lengths, counted falls;
- ``bowels_and_bladder``: the bowels, urine and vomiting ("the runs", "be sick", D&V, bowels not opened,
  loose stools, painful defecation, bowel urgency, passing urine often or at night, a slow, urgent or
  burning stream, incontinence, a sore bottom, little urine, dark or smelly urine, urine held back, feeling
  sick, urine that does not burn, blood denied in phlegm or stools, a urine infection counted, cramps of the
  gut, passing a lot of urine beside thirst);
- ``skin``: scratching, flaking and dry skin, a rash the sun brings on, sweating that stopped, chilblains,
  an ulcer on the leg or a sore that won't heal, yellow nails, thinning hair, lighter or darker patches, a
  person gone grey, the skin round a nail, skin that cracks,
  a red patch, bruises with and without a cause, a person gone yellow or said not yellow, clammy skin;
- ``sleep``: stopping breathing at night, waking in the night, waking early and staying awake, long sleep,
  falling asleep late, waking soaked, restless legs;
- ``mind_and_nerves``: fits, faints and staring spells, tics, sight fading, light that hurts, confusion,
  memory, hallucinations, being on edge, anhedonia, a child's few words, a fall, crying often, low mood;
- ``joints_and_limbs``: morning stiffness, joints that click or grind, pain down the back of the leg, a calf
  that cramps on walking and eases on stopping, a low back or a knee that hurts, cold hands or feet, an
  arm that cannot be lifted above the head, swelling denied beside a joint, a knee or big toe that swells, a
  bone said broken, a part that cannot bear the bedclothes;
- ``head_and_neck``: coughing on drinks, a child pulling at an ear, food that tastes wrong, eyes that water,
  a lump on the side of the neck, a pain at the back of the throat or neck, a head held in a tight band;
- ``heart_and_lungs``: a heartbeat felt racing or pounding, stopping to catch one's breath, the heart
  racing on standing, phlegm brought up, blood coughed up, a peak flow below its best, waking gasping;
- ``other``: eating what is not food, a described vaginal discharge, a baby that feeds with trouble, a
  crash after doing too much;
- ``ears_and_balance``: spinning that is the room's, a head that is turning, dizziness that is not
  spinning, noises in the ears, muffled hearing, sounds too loud or painful, a world that bounces, low or
  high notes lost;
- ``diabetes``: a low of the blood sugar, meter and sensor readings, the type of diabetes, HbA1c, ketones;
- ``blood_tests``: the blood tests people quote by name, with a number or said high, low or normal (CRP,
  ESR, urate, creatinine, urea, eGFR, potassium, sodium, PTH, PSA, liver tests, CK, TSH, calcium).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from symptomdb.text.normalise import Token

from ._base import Reading
from .blood_tests import blood_test_results
from .bowels_and_bladder import (
    blood_denied,
    bowel_urgency,
    bowels_not_opened,
    burning_urine,
    counted_utis,
    d_and_v,
    dark_urine,
    feels_sick,
    frequent_urination,
    gut_cramps,
    incontinence,
    little_urine,
    loose_stools,
    nocturia,
    not_burning,
    painful_defecation,
    retention,
    sore_bottom,
    the_runs,
    thirsty_and_weeing,
    urinary_hesitancy_and_urgency,
    urine_smells,
    vomiting,
)
from .diabetes import (
    blood_sugar_lows,
    diabetes_types,
    hba1c_levels,
    ketone_levels,
    meter_readings,
)
from .ears_and_balance import (
    ear_noises,
    head_turning,
    muffled_hearing,
    noise_intolerance,
    not_spinning,
    oscillopsia,
    pitch_lost,
    spinning,
)
from .head_and_neck import (
    band_round_the_head,
    coughs_on_drinks,
    eyes_water,
    neck_lump,
    pain_at_the_back_of,
    pulls_at_ear,
    red_eye,
    tastes_wrong,
)
from .heart_and_lungs import (
    blood_coughed_up,
    heart_felt,
    peak_flows,
    phlegm_brought_up,
    racing_on_standing,
    stops_for_breath,
    wakes_gasping,
)
from .joints_and_limbs import (
    broken_bones,
    cannot_bear_the_covers,
    claudication,
    cold_parts,
    joint_crepitus,
    joint_swelling_denied,
    joints_swell,
    knee_hurts,
    low_back_pain,
    morning_stiffness,
    sciatica,
    shoulder_limited,
)
from .mind_and_nerves import (
    a_fall,
    anhedonia,
    automatisms,
    came_round,
    crying_often,
    disoriented,
    few_words,
    forgets,
    light_hurts,
    low_mood,
    on_edge,
    sees_things,
    stiff_then_jerking,
    tic_movements,
    tic_noises,
    vision_fades,
)
from .numbers import (
    body_mass_indices,
    centile_drops,
    cycle_lengths,
    frequent_falls,
    late_milestones,
    weight_changes,
)
from .other import crashes, infant_feeding, penile_discharge, pica, spotting, vaginal_discharge
from .skin import (
    bruises,
    chilblains,
    clammy,
    dry_skin,
    looks_grey,
    paronychia,
    person_yellow,
    photosensitivity,
    red_skin,
    scaling_skin,
    scratching,
    skin_colour_patches,
    skin_cracks,
    skin_ulcer,
    stopped_sweating,
    thinning_hair,
    yellow_nails,
)
from .sleep import (
    long_sleep,
    night_sweats,
    night_wakings,
    restless_legs,
    sleep_apnoea,
    sleep_latencies,
    waking_early,
)
from .vital_signs import (
    FEVER,
    LOW_GRADE_FEVER,
    bare_temperatures,
    blood_pressures,
    breathing_rates,
    coma_scores,
    glucose_levels,
    heart_rates,
    saturations,
    temp_words,
    temperatures,
)

__all__ = ["FEVER", "LOW_GRADE_FEVER", "Reading", "find_readings", "stiff_then_jerking"]


def find_readings(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Every reading of the text (see the module docstring), the word scans sharing one pass's words; a
    pattern runs only where a word it needs is in the text (most documents have none of them)."""
    lowers = [t.lower if t.kind == "word" else "" for t in tokens]
    folded = text.lower()
    found = temp_words(tokens, lowers) + vomiting(lowers) + the_runs(lowers)
    for scan, needs in _SCANS:
        if any(word in folded for word in needs):
            found += scan(text, tokens)
    return found


# Each text scan with the (lower-case) words without which its pattern cannot match.
_SCANS: tuple[tuple[Callable[[str, Sequence[Token]], list[Reading]], tuple[str, ...]], ...] = (
    (temperatures, ("temp", "fev", "feev", "few", "fiv", "thermometer")),
    (bare_temperatures, ("36", "37", "38", "39", "40", "41", "99", "100", "101", "102", "103", "104")),
    (
        blood_pressures,
        (
            "bp",
            "pressure",
            "presure",
            "presion",
            "pression",
            "tension",
            "preshur",
            "pritisak",
            "reading",
            "measured",
        ),
    ),
    (frequent_falls, ("fall", "fell")),
    (a_fall, ("fell", "fall", "gone down", "went down", "gone over", "go down")),
    (crying_often, ("cry", "cri", "sob", "greetin", "teary", "weepy", "tears")),
    (low_mood, ("low", "down")),
    (weight_changes, ("lost", "los", "dropped", "down", "put on", "piled on", "gain", "up ", "lighter")),
    (centile_drops, ("centile",)),
    (
        frequent_urination,
        (
            "every",
            "evry",
            "constantly",
            "all the time",
            "often",
            "frequent",
            "many",
            "times",
            "lesson",
            "stop",
        ),
    ),
    (sleep_apnoea, ("breath",)),
    (night_wakings, ("wak", "woke")),
    (waking_early, ("wak", "woke", "awake", "up ", "sleep past", "sleep after")),
    (heart_rates, ("rate", "pulse", "hr", "heart")),
    (cycle_lengths, ("period", "cycle")),
    (d_and_v, ("v",)),
    (bowels_not_opened, ("poo", "bowel", "been for", "bo ", "bno", "motion")),
    (painful_defecation, ("poo", "bowel", "constipat", "stool", "pellet")),
    (loose_stools, ("loose", "watery", "runny")),
    (scratching, ("scratch",)),
    (stopped_sweating, ("stopped sweat",)),
    (chilblains, ("purple", "red")),
    (bruises, ("brui", "brue", "brus", "bruz", "purple", "blue")),
    (skin_ulcer, ("ulc", "ulser", "sore")),
    (scaling_skin, ("flak", "scal", "peel")),
    (dry_skin, ("dry", "drier")),
    (on_edge, ("edge", "egde")),
    (long_sleep, ("sleep",)),
    (vision_fades, ("black", "grey", "gray", "dark", "dim", "fuzzy")),
    (came_round, ("out ", "round", "came to", "come to", "comes to", "coming to")),
    (automatisms, ("smack", "chew", "pick", "fiddl", "fumbl", "pluck")),
    (disoriented, ("who ", "where ", "what ", "lost")),
    (forgets, ("forg",)),
    (sees_things, ("see", "saw", "seing", "there")),
    (coughs_on_drinks, ("cough",)),
    (morning_stiffness, ("stiff",)),
    (joint_crepitus, ("click", "creak", "crack", "grind", "crunch", "clunk")),
    (sore_bottom, ("bum", "bottom", "backside", "back passage", "anus", "down there")),
    (little_urine, ("napp", "diaper", "peed", "weed", "urine", "water", "wee", "pee")),
    (pulls_at_ear, ("ear", "eer")),
    (dark_urine, ("cola", "coke", "tea", "orange", "brown")),
    (urine_smells, ("smell", "stink", "whiff", "pong")),
    (tic_movements, ("blink", "shrug", "sholder", "shoulder", "head keeps")),
    (restless_legs, ("leg", "calf", "calves")),
    (tastes_wrong, ("tast",)),
    (sciatica, ("down",)),
    (eyes_water, ("water", "stream", "tears")),
    (red_eye, ("red", "bloodshot")),
    (neck_lump, ("neck", "nek")),
    (cold_parts, ("cold", "freez", "ice", "icy")),
    (retention, ("pass", "wee", "pee", "urinate", "go at all", "empt", "bladder")),
    (shoulder_limited, ("lift", "raise", "reach", "get my arm", "get his arm", "get her arm")),
    (yellow_nails, ("yel",)),
    (heart_felt, ("heart", "hart")),
    (racing_on_standing, ("stand", "stood")),
    (crashes, ("crash",)),
    (spinning, ("spin", "spun")),
    (
        not_spinning,
        (
            "boat",
            "ship",
            "ferry",
            "rocking",
            "sway",
            "swimm",
            "floor",
            "ground",
            "pavement",
            "walking on",
            "bouncy",
        ),
    ),
    (
        ear_noises,
        (
            "ring",
            "hiss",
            "roar",
            "whoosh",
            "buzz",
            "hum",
            "whistl",
            "whin",
            "pulse",
            "heart",
            "thump",
            "throb",
        ),
    ),
    (muffled_hearing, ("muff", "mufl", "dull", "water", "tunnel", "barrel")),
    (noise_intolerance, ("noise", "sound")),
    (oscillopsia, ("bounc", "jump", "jiggl", "judder", "jolt", "wobbl", "bob")),
    (pitch_lost, ("tone", "note", "frequenc", "pitch")),
    (band_round_the_head, ("band", "vice", "vise", "squeez")),
    (clammy, ("clam",)),
    (phlegm_brought_up, ("phle", "phel", "flem", "fleg", "sputum", "sputem", " up ")),
    (blood_coughed_up, ("blood",)),
    (peak_flows, ("peak",)),
    (wakes_gasping, ("wak", "woke")),
    (head_turning, ("head",)),
    (pain_at_the_back_of, ("back of",)),
    (joint_swelling_denied, ("swell", "swollen")),
    (joints_swell, ("swell", "swol", "sullen", "puff", "blown", "blew", "balloon")),
    (skin_colour_patches, ("patch", "mark", "spot", "area")),
    (looks_grey, ("grey", "gray", "ashen", "washed")),
    (person_yellow, ("yel",)),
    (paronychia, ("nail",)),
    (skin_cracks, ("crack", "split", "fissur")),
    (red_skin, ("red",)),
    (stops_for_breath, ("stop",)),
    (claudication, ("walk",)),
    (low_back_pain, ("back", "bakc", "bak")),
    (knee_hurts, ("knee",)),
    (broken_bones, ("broke", "break", "fractur", "crack")),
    (cannot_bear_the_covers, ("sheet", "duvet", "blanket", "covers", "bedclothes", "quilt")),
    (blood_sugar_lows, ("low",)),
    (
        meter_readings,
        ("meter", "cgm", "libre", "dexcom", "sensor", "finger", "mmol", "mg/dl", "mg dl", "fasting"),
    ),
    (diabetes_types, ("type", "t1", "t2")),
    (hba1c_levels, ("a1c", "glycated")),
    (ketone_levels, ("keton",)),
    (
        blood_test_results,
        (
            "crp",
            "reactive",
            "esr",
            "sed",
            "viscosity",
            "uric",
            "urate",
            "creat",
            "urea",
            "bun",
            "gfr",
            "kidney function",
            "potassium",
            "sodium",
            "pth",
            "parathyroid",
            "psa",
            "alt",
            "ast",
            "liver",
            "lft",
            "ck",
            "cpk",
            "tsh",
            "calcium",
        ),
    ),
    (feels_sick, ("sick", "sik", "queasy", "queezy")),
    (thinning_hair, ("thin",)),
    (
        pica,
        (
            "soil",
            "dirt",
            "sand",
            "paint",
            "plaster",
            "chalk",
            "stone",
            "clay",
            "paper",
            "carpet",
            "stuff",
            "ice",
        ),
    ),
    (light_hurts, ("light", "dark")),
    (urinary_hesitancy_and_urgency, ("wee", "pee", "urin", "bladder", "water")),
    (bowel_urgency, ("urgent", "desperate", "run for it", "running to")),
    (burning_urine, ("burn", "sting")),
    (not_burning, ("burn", "sting", "pain", "hurt")),
    (blood_denied, ("blood", "bleeding", "blud")),
    (vaginal_discharge, ("discharge",)),
    (penile_discharge, ("discharge",)),
    (spotting, ("spotting",)),
    (counted_utis, ("uti", "infection")),
    (gut_cramps, ("cramp", "kram")),
    (thirsty_and_weeing, ("thirst", "drink", "water bottle")),
    (infant_feeding, ("feed", "bottle", "breast", "latch", "finish")),
    (few_words, ("words",)),
    (tic_noises, ("sniff", "grunt", "squeak", "throat", "noise", "sound")),
    (late_milestones, ("walk", "sat", "sit")),
    (night_sweats, ("soak", "drench", "wringing", "wet", "sweat", "swet")),
    (incontinence, ("poo", "make it", "accident")),
    (anhedonia, ("enjoy", "used to", "fun", "interest", "joy", "pleasure")),
    (photosensitivity, ("sun",)),
    (breathing_rates, ("rr", "resp")),
    (saturations, ("spo2", "sp02", "sats", "o2", "oxygen")),
    (coma_scores, ("gcs",)),
    (glucose_levels, ("bm", "sugar", "glucose", "cbg")),
    (nocturia, ("pee", "wee", "urin", "pass water", "washroom", "toilet", "loo", "bathroom", "waterworks")),
    (body_mass_indices, ("bmi",)),
    (sleep_latencies, ("asleep", "sleep", "drop off", "nod off", "get off", "till", "until", "before")),
)
