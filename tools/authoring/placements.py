"""Where charts put each zone (placement claims) and where charts disagree (disagreements).

The words of the chart's placements live here, beside ``text.py`` (metadata, caveats, article
claims, teaching notes) and ``sources.py`` (the chart pages, studies and histories cited).

* :data:`PLACEMENTS` - for every body area, the placement claim that opens its claims: kind
  ``placement``, citing only ``chart`` sources from ``sources.py`` that were read and say what
  the claim says. Where no chart page read for this project describes a zone, the claim says
  so and cites the ``conventional`` record alone.
* :data:`DISAGREEMENTS` - documented differences between charts (schema v2
  ``footmap.disagreements``): each names the zones it concerns and has at least two variants,
  each citing the chart or study sources that give that variant.

Texts are the project's own words (no run of eight or more words taken from any source) and
read as claims ("charts put", "one school places"), never as anatomy or medical fact.
"""

from __future__ import annotations

__all__ = ["CONVENTIONAL", "DISAGREEMENTS", "PLACEMENTS", "placement"]

CONVENTIONAL = "conventional"


def placement(text: str, *sources: str) -> dict[str, object]:
    """Return one placement claim (kind ``placement``) citing chart ``sources``."""
    return {"kind": "placement", "text": text, "sources": list(sources)}


def _unread(what: str, where: str) -> dict[str, object]:
    """A placement no chart page read for this project describes: say exactly that."""
    return placement(
        f"Conventional charts place {what} {where}; no chart page read for this map "
        "describes this zone, so the placement rests on the general layout alone.",
        CONVENTIONAL,
    )


_FEET = "sportsrec"  # an overview that places most regions of the foot
_LEFT = "netplaces-left-foot"

#: The placement claim of every body area (the first claim of each of its zones).
PLACEMENTS: dict[str, list[dict[str, object]]] = {
    # --- toes -----------------------------------------------------------------------------------
    "head and brain": [
        placement(
            "Charts give the head and brain to the big toes, and the rest of the head to the "
            "other toes.",
            "bliss-toes",
            "netplaces-great-toe",
            "reflexologyplus2025",
        )
    ],
    "pituitary gland": [
        placement(
            "Charts mark the pituitary as a small point in the middle of the big toe's pad.",
            "bliss-toes",
            "massage-bodywork-2018",
        )
    ],
    "hypothalamus": [
        placement(
            "Charts count the hypothalamus among the reflexes of the big toe; the pages read do "
            "not fix the spot, so this map draws it beside the pituitary.",
            "netplaces-great-toe",
        )
    ],
    "pineal gland": [
        placement(
            "Charts put the pineal on the pad of the big toe; one magazine feature places it "
            "just beyond the pituitary, as drawn here.",
            "massage-bodywork-2018",
            "netplaces-great-toe",
        )
    ],
    "neck": [
        placement(
            "Charts assign the neck to the base of the big toe, where the toe joins the foot.",
            "bliss-toes",
            "netplaces-map",
        )
    ],
    "sinuses": [
        placement(
            "Charts assign the sinuses to the pads of the four small toes.",
            "bliss-toes",
            "healthy-ojas-respiratory",
            "reflexologyplus2025",
        )
    ],
    "eyes": [
        placement(
            "Western charts put the eyes under the second and third toes, at their bases or on "
            "the toes themselves.",
            "bliss-toes",
            "marquardt-ch2",
        )
    ],
    "ears": [
        placement(
            "Western charts put the ears at the bases of the fourth and fifth toes.",
            "bliss-toes",
            "kunz-vision",
        )
    ],
    "thyroid": [
        placement(
            "Charts put the thyroid in the neck of the big toe, along its inner half and down "
            "into the joint at the toe's base, on the sole.",
            "netplaces-thyroid",
            "bliss-toes",
        )
    ],
    "parathyroid glands": [
        placement(
            "One chart page draws the parathyroids as small spots beside and just under the "
            "thyroid area, near the big toe's joint.",
            "netplaces-parathyroid",
        )
    ],
    "cerebellum and brain stem": [
        placement(
            "Chinese-school charts put the cerebellum and brain stem on the inner side of the "
            "big toe, below the trigeminal area.",
            "koukouan",
        )
    ],
    "inner ear and balance": [
        placement(
            "A Chinese-school chart series puts the balance organ on the top of the foot, "
            "leading into the web between the fourth and fifth toes.",
            "koukouan",
        )
    ],
    "nose": [
        placement(
            "A reflexology guide's chart puts the nose on the top of the big toe, in line with "
            "the root of the nail.",
            "healthy-ojas-respiratory",
        )
    ],
    "throat and tonsils": [
        placement(
            "A Chinese-school chart series puts the throat and windpipe on the top of the big "
            "toe, as two spots either side of its joint.",
            "koukouan",
        )
    ],
    "face": [
        placement(
            "One practitioner's top-of-foot routine gives the head and face to the tops of the "
            "small toes.",
            "couples-massage-top",
        )
    ],
    "teeth and jaw": [
        placement(
            "A practitioner's top-of-foot routine divides the big toe: upper jaw and teeth nearest "
            "the nail, lower jaw and teeth below them.",
            "couples-massage-top",
        )
    ],
    "upper lymph nodes": [
        placement(
            "A Japanese practitioner's lymph routine puts the lymph of the head and neck in "
            "round areas at the roots between the toes, on the top of the foot.",
            "tsubokouza-lymph",
        )
    ],
    # --- ball of the foot -------------------------------------------------------------------------
    "esophagus": [_unread("the esophagus", "in a thin strip on the ball below the big toe")],
    "trapezius": [
        placement(
            "Chinese and Japanese charts put the trapezius in a band just below the small "
            "toes, with the lung area below it.",
            "koukouan",
            "chart-54852",
            "asimomi",
        )
    ],
    "bronchi": [
        placement(
            "Charts run the bronchi from under the toes into the lung area; one Japanese page "
            "starts them under the second and third toes, as drawn here.",
            "seitai-enjoint",
            "healthy-ojas-respiratory",
            "netplaces-map",
        )
    ],
    "thymus": [
        placement(
            "A reflexology blog's chart puts the thymus on the sole next to the lung area.",
            "healthcare-natural-thymus",
        )
    ],
    "lungs and chest": [
        placement(
            "Charts assign the lungs and chest to the ball of the foot below the small toes, "
            "and the chest to the band behind the toes on the top of the foot.",
            "bliss-ball",
            "riverview",
            _FEET,
            "healthy-ojas-respiratory",
        )
    ],
    "heart": [
        placement(
            "Chinese and Japanese charts put the heart on the left sole only, towards the outer "
            "side between the fourth and fifth metatarsals, just below the little toe's base.",
            "koukouan",
            "peekme-649289",
            "footmiyake-heart",
        )
    ],
    "shoulder": [
        placement(
            "Charts place the shoulder under the little toe, on the outer edge of the ball, "
            "wrapping round onto the top and the outer side of the foot at the little toe's joint.",
            "bliss-ball",
            "netplaces-map",
            "onedemayu",
        )
    ],
    "breast": [
        placement(
            "A Japanese practitioner page puts the chest muscles and breast on the top of the "
            "foot, from the bases of the third and fourth toes back towards the ankle.",
            "lolipop-chest",
            _FEET,
        )
    ],
    "diaphragm": [
        placement(
            "Charts draw the diaphragm as a line across the sole just below the ball; a "
            "Chinese-school series puts it on the top of the foot at its highest point.",
            "bliss-ball",
            "massage-bodywork-2018",
            "tcmwindow-maps",
            "koukouan",
        )
    ],
    "upper back": [
        placement(
            "Charts give the upper back to the middle of the top of the foot, between the "
            "shoulder-blade areas, behind the toes.",
            _FEET,
            "netplaces-map",
            "couples-massage-top",
        )
    ],
    "shoulder blade": [
        placement(
            "A Chinese-school chart series runs the shoulder blade on the top of the foot from "
            "between the fourth and fifth toes back to the foot's highest point.",
            "koukouan",
        )
    ],
    "ribs": [
        placement(
            "A Chinese-school chart series puts the ribs in two hollows on the top of the foot, "
            "just behind its highest point, one towards each ankle.",
            "koukouan",
        )
    ],
    # --- arch -----------------------------------------------------------------------------------
    "solar plexus": [
        placement(
            "Charts put the solar plexus in the centre of the sole just below the diaphragm "
            "line, in zones 2 and 3, on both feet.",
            "netplaces-solar-plexus",
            "balance-holistics",
        )
    ],
    "adrenal glands": [
        placement(
            "Charts put the adrenals on both soles just above the waistline, beside the kidney "
            "area and a little towards the inner side.",
            "netplaces-adrenals",
        )
    ],
    "kidneys": [
        placement(
            "Chinese-school charts put the kidneys on both soles where the arch begins, straight "
            "down from between the second and third toes.",
            "koukouan",
            "peekme-649289",
        )
    ],
    "ureters": [
        placement(
            "Charts draw the ureters as a line on both soles from the kidney area to the "
            "bladder area.",
            "peekme-649289",
        )
    ],
    "bladder": [
        placement(
            "Charts put the bladder on the inner edge of both feet just in front of the heel.",
            "peekme-649289",
        )
    ],
    "liver": [
        placement(
            "Charts put the liver on the right foot only, on the outer part of the sole just "
            "below the diaphragm line.",
            "massage-bodywork-2018",
            "dervalingleton",
            "peekme-649289",
        )
    ],
    "gallbladder": [
        placement(
            "Charts put the gallbladder on the right foot only, inside or beside the liver area.",
            "massage-bodywork-2018",
            "peekme-649289",
        )
    ],
    "spleen": [
        placement(
            "Charts put the spleen on the left foot only, at the outer corner just below the "
            "diaphragm line, under the heart area.",
            "netplaces-spleen",
            "massage-bodywork-2018",
            "koukouan",
        )
    ],
    "stomach": [
        placement(
            "Charts put the stomach on the inner part of the upper arch, part of it on each "
            "foot; one feature puts its upper part on the left foot, its lower part on the right.",
            "massage-bodywork-2018",
            "peekme-649289",
        )
    ],
    "pancreas": [
        placement(
            "Charts put the pancreas on both soles under the stomach area.",
            "massage-bodywork-2018",
            "peekme-649289",
        )
    ],
    "duodenum": [_unread("the duodenum", "on both soles just below the stomach area")],
    "transverse colon": [
        placement(
            "Charts run the transverse colon across both soles along the waistline, half of it "
            "on each foot.",
            _LEFT,
            "peekme-649289",
        )
    ],
    "small intestine": [
        placement(
            "Charts fill the hollow of both soles below the waistline with the small intestine.",
            "peekme-649289",
        )
    ],
    "ascending colon": [
        placement(
            "Charts put the ascending colon on the right foot only, up its outer edge.",
            "peekme-649289",
            "murao18",
        )
    ],
    "appendix and ileocecal valve": [
        placement(
            "Charts put the appendix and the start of the large bowel on the right foot only, "
            "at the outer edge just in front of the heel.",
            "peekme-649289",
            "marquardt-ch2",
        )
    ],
    "descending colon": [
        placement(
            "Charts put the descending colon on the left foot only, down its outer edge.",
            _LEFT,
            "peekme-649289",
            "murao18",
        )
    ],
    "sigmoid colon": [
        placement(
            "Charts put the sigmoid colon on the left foot only, across the sole just in front "
            "of the heel.",
            _LEFT,
            "peekme-649289",
        )
    ],
    "rectum": [
        placement(
            "Charts usually put the rectum on the left foot, at the end of the sigmoid colon in "
            "front of the heel.",
            _LEFT,
            "peekme-649289",
        ),
        placement(
            "Chinese-school charts add a strip for the rectum and anus on the inner side of both "
            "legs: from the inner ankle bone up behind the shin bone. The inner profile draws "
            "its lower end, above the ankle bone and in front of the sciatic strip.",
            "yesae-rectum",
            "zhangyue-lateral",
            "peekme-649289",
        ),
    ],
    "urethra": [
        placement(
            "Charts run the urethra on the inner side of both feet from the bladder area up and "
            "back towards the inner ankle bone.",
            "peekme-649289",
            "chiyo-urethra",
        )
    ],
    # --- heel, spine and lower body -------------------------------------------------------------
    "spine": [
        placement(
            "Charts run the spine along the inner edge of both feet, from the heel to the side "
            "of the big toe; charts that divide it put the thoracic part along the first "
            "metatarsal and the lumbar part from there to below the inner ankle bone.",
            _FEET,
            "riverview",
            "dervalingleton",
            "tcmwindow-spine",
            "koukouan",
        )
    ],
    "sacro-iliac joint": [
        placement(
            "A German practitioner's page puts the sacro-iliac joint's reflex on the sole, "
            "between the navicular and the talus; a Japanese page says to work roughly the whole "
            "heel for it. The map draws the first on both feet, each foot standing for its own "
            "side of the body.",
            "moor-isg",
            "ashimomi-soken-isg",
            "riverview",
        )
    ],
    "pelvis and lower back": [
        placement(
            "Western charts give the heel to the pelvis and lower back; this map draws that "
            "area on the sole of the heel and round its rim on the outer side.",
            "reflexologyplus2025",
            _FEET,
        )
    ],
    "lower back": [
        placement(
            "Charts give the lower back to the top of the foot from just below the ankle to the "
            "high point of the instep, as well as to the heel.",
            _FEET,
            "netplaces-map",
        )
    ],
    "sciatic nerve": [
        placement(
            "Charts draw the sciatic nerve as a band across the heel; a Japanese page also "
            "runs it up the inner side of the Achilles tendon, as the inner profile shows.",
            _FEET,
            "bodybalance-2019",
            "heel-lolipop",
        )
    ],
    "hip": [
        placement(
            "Charts put the hip along the lower edge of the outer ankle bone; Japanese pages add "
            "a matching inner hip area round the inner ankle bone.",
            "marquardt-ch2",
            "koukouan",
            "kyonotsubo-hip",
        )
    ],
    "knee": [
        placement(
            "Charts put the knee on the outer side of the foot, in the hollow in front of the "
            "heel bone.",
            _FEET,
            "zhangyue-lateral",
        )
    ],
    "elbow": [
        placement(
            "Charts line up shoulder, upper arm and elbow along the outer edge of the foot from "
            "the little toe back towards the heel, with the knee below the elbow.",
            "onedemayu",
        )
    ],
    "arm": [
        placement(
            "Charts put the upper arm on the outer edge of the foot between the shoulder and "
            "the elbow.",
            "onedemayu",
            "bliss-ball",
        )
    ],
    "lymphatic system": [
        placement(
            "Chinese-school charts put the lymph nodes of the upper body in the hollow in front "
            "of the outer ankle bone.",
            "peekme-649289",
            "wakailog-lymph",
        )
    ],
    "groin lymph nodes": [
        placement(
            "Charts put the groin and its lymph nodes in a band over the front of the ankle and "
            "in the hollow in front of the inner ankle bone.",
            _FEET,
            "peekme-649289",
            "koukouan",
        )
    ],
    "fallopian tube or vas deferens": [
        placement(
            "Charts draw the fallopian tubes (or the vas deferens) as a band over the top of the "
            "ankle from one ankle bone to the other.",
            _FEET,
        )
    ],
    "uterus or prostate": [
        placement(
            "Charts put the uterus or prostate on the inner side of the heel, below the ankle "
            "bone.",
            "healthcare-natural-female",
            "onedemayu",
            "kunz-heels-2008",
        )
    ],
    "ovary or testis": [
        placement(
            "Charts put the ovary or testis on the outer side of the heel.",
            "solidavis-2011",
            "onedemayu",
            "kunz-heels-2008",
        )
    ],
}


def _zones(*names: str, feet: tuple[str, ...] = ("left", "right")) -> list[str]:
    """Zone ids ``{foot}.{view.slug}`` for each name ``view.slug`` on each foot."""
    return [f"{foot}.{name}" for name in names for foot in feet]


def _variant(text: str, *sources: str) -> dict[str, object]:
    return {"text": text, "sources": list(sources)}


#: Documented differences between charts, each variant with the sources that give it.
DISAGREEMENTS: list[dict[str, object]] = [
    {
        "id": "heart-one-or-both-feet",
        "topic": "Heart on the left foot only, or on both feet",
        "text": (
            "Charts split on whether the heart has a zone on the right foot as well as the "
            "left. This map follows the charts that keep it on the left foot only."
        ),
        "zones": _zones("plantar.heart", feet=("left",)),
        "variants": [
            _variant(
                "Left foot only, like other organs left of the body's midline.",
                "jakuseki",
                "murao18",
                "koukouan",
                "footmiyake-heart",
            ),
            _variant(
                "On both feet, as an organ near the middle of the body.",
                "marquardt-ch2",
                "yst39-heart",
            ),
            _variant(
                "Mainly on the left foot; a practitioner notes that some charts also show it on "
                "the right and some do not.",
                "bliss-ball",
            ),
        ],
    },
    {
        "id": "heart-position",
        "topic": "Where on the sole the heart zone lies",
        "text": (
            "Even charts that agree on the foot put the heart in different places on the ball."
        ),
        "zones": _zones("plantar.heart", feet=("left",)),
        "variants": [
            _variant(
                "Towards the outer side, between the fourth and fifth metatarsals below the lung "
                "area, just below the little toe's base (as drawn here).",
                "peekme-649289",
                "koukouan",
                "footmiyake-heart",
            ),
            _variant("Under the big toe.", "bliss-ball"),
            _variant(
                "Between the second and third metatarsals (on both soles).",
                "yst39-heart",
            ),
        ],
    },
    {
        "id": "head-crossed-or-same-side",
        "topic": "Head zones crossed to the other foot, or on the same side",
        "text": (
            "Rwo-Shr and Chinese charts cross everything above the throat to the other foot; "
            "Western charts keep each side of the head on its own foot."
        ),
        "zones": _zones("plantar.head-brain", "plantar.eyes", "plantar.ears", "plantar.sinuses"),
        "variants": [
            _variant(
                "Crossed: the right eye, right ear and right half of the brain are on the left "
                "foot.",
                "jakuseki",
                "murao18",
                "peekme-649289",
                "winterbell-900",
                "tmwt-486413",
            ),
            _variant(
                "Same side: the right eye is on the right big toe; course notes say there is "
                "generally no crossover.",
                "netplaces-great-toe",
                "nvcentre",
            ),
        ],
    },
    {
        "id": "eyes-and-ears",
        "topic": "Where the eye and ear zones sit on the toes",
        "text": (
            "Charts agree the eyes and ears are on the toes but not where: at the toe bases, "
            "on the toes, on the big toe or in the webs between toes."
        ),
        "zones": _zones("plantar.eyes", "plantar.ears"),
        "variants": [
            _variant(
                "At the bases of toes 2-3 (eyes) and 4-5 (ears); the Kunzes call these spots an "
                "anomaly of the map.",
                "bliss-toes",
                "kunz-vision",
            ),
            _variant("On the second and third toes themselves (eyes).", "marquardt-ch2"),
            _variant(
                "Main eye and ear zones on the big toes; one page gives the eyes the centre of "
                "the big toe's pad.",
                "netplaces-great-toe",
                "netplaces-pineal",
            ),
            _variant(
                "In the webs: between toes 2 and 3 (eyes) and between toes 4 and 5 (ears).",
                "winterbell-900",
            ),
        ],
    },
    {
        "id": "heel-pelvis-or-gonads",
        "topic": "Sole of the heel: pelvis and lower back, or the reproductive glands",
        "text": (
            "Western charts give the sole of the heel to the pelvis and lower back, crossed by "
            "the sciatic band, and the reproductive organs to the heel's sides; Chinese and "
            "Japanese charts put the gonads on the sole of the heel."
        ),
        "zones": _zones(
            "plantar.pelvis", "plantar.sciatic", "medial.uterus-prostate", "lateral.ovary-testis"
        ),
        "variants": [
            _variant(
                "Pelvis and lower back on the sole of the heel; the reproductive organs on its "
                "inner and outer sides.",
                "reflexologyplus2025",
                "sportsrec",
                "kunz-heels-2008",
                "solidavis-2011",
            ),
            _variant(
                "The reproductive organs or gonads on the sole of the heel.",
                "koukouan",
                "chart-54852",
                "onedemayu",
            ),
            _variant(
                "Lower back at the heel's surface, the gonads deeper; one author reports the "
                "Rwo-Shr founder calling this a correction.",
                "heel-lolipop",
            ),
            _variant(
                "An extra reproductive area where the heel meets the arch, found on one "
                "Canadian chart only.",
                "kunz-heels-2008",
            ),
        ],
    },
    {
        "id": "sciatic-band",
        "topic": "Where the sciatic zone crosses the heel",
        "text": "Charts draw the sciatic nerve's zone across the heel at different heights.",
        "zones": _zones("plantar.sciatic", "medial.sciatic-nerve"),
        "variants": [
            _variant(
                "A short crosswise stripe in the middle of the heel.",
                "sportsrec",
                "bodybalance-2019",
            ),
            _variant(
                "Across the width of the foot just in front of the heel bone.",
                "leaf-sciatica",
            ),
            _variant(
                "Round the edge of the heel and up the inner side of the Achilles tendon.",
                "heel-lolipop",
            ),
        ],
    },
    {
        "id": "thyroid-position",
        "topic": "Where the thyroid zone lies",
        "text": (
            "A teaching video says outright that chart versions differ on the thyroid; another "
            "chart gives a third shape. This map follows the first variant."
        ),
        "zones": _zones("plantar.thyroid"),
        "variants": [
            _variant(
                "At the neck and base of the big toe.",
                "netplaces-thyroid",
                "bliss-toes",
                "massage-monday-425",
            ),
            _variant(
                "Around the sesamoid bone under the big toe's joint.",
                "massage-monday-425",
            ),
            _variant(
                "Along the pads at the bases of the first three toes.",
                "leaf-thyroid",
            ),
        ],
    },
    {
        "id": "spine-path",
        "topic": "The path of the spine zone along the inner edge",
        "text": ("Charts agree the spine runs along the inner edge but draw two different paths."),
        "zones": _zones(
            "plantar.spine-thoracic",
            "plantar.spine-lumbar",
            "plantar.spine-sacrum",
            "medial.spine-thoracic",
            "medial.spine-lumbar",
            "medial.spine-sacral",
        ),
        "variants": [
            _variant(
                "Along the inner edge of the sole from the heel bone to the side of the big toe.",
                "putyourbestfeetforward",
                "dervalingleton",
            ),
            _variant(
                "Starting just below the inner ankle bone and following the arch to the big toe.",
                "putyourbestfeetforward",
                "sportsrec",
            ),
            _variant(
                "Divided into segments: thoracic along the first metatarsal to the navicular, "
                "lumbar on to below the inner ankle bone (as drawn here).",
                "tcmwindow-spine",
                "koukouan",
            ),
        ],
    },
    {
        "id": "pineal-position",
        "topic": "Where the pineal zone sits on the big toe",
        "text": "Four chart pages put the pineal in four different spots on the big toe.",
        "zones": _zones("plantar.pineal"),
        "variants": [
            _variant(
                "In the very centre of the big toe's pad, the same spot as the eyes.",
                "netplaces-pineal",
            ),
            _variant("Just beyond the pituitary, towards the tip.", "massage-bodywork-2018"),
            _variant("On the toe's edge, level with the nail bed.", "reroot-pineal"),
            _variant("At the corner of the big toe on the second-toe side.", "doa-story"),
        ],
    },
    {
        "id": "thymus-position",
        "topic": "Thymus on the sole or on the side of the big-toe joint",
        "text": "Charts put the thymus either on the sole or on the inner side of the foot.",
        "zones": _zones("plantar.thymus"),
        "variants": [
            _variant("On the sole next to the lung area.", "healthcare-natural-thymus"),
            _variant("On the bulge of the big-toe joint, on the side of the foot.", "doa-story"),
        ],
    },
    {
        "id": "bronchi-position",
        "topic": "Where the bronchi zone starts",
        "text": "Charts start the bronchi under different toes.",
        "zones": _zones("plantar.bronchi"),
        "variants": [
            _variant(
                "From under the second and third toes into the middle of the lung area.",
                "seitai-enjoint",
            ),
            _variant("From the base of the big toe.", "healthy-ojas-respiratory"),
            _variant(
                "In one band with the lungs, just below the trapezius band.",
                "asimomi",
                "koukouan",
            ),
        ],
    },
    {
        "id": "head-on-big-toe-or-third-toe",
        "topic": "A different map: the head on the third toe",
        "text": (
            "A 1994 paper judged the existing schools' maps inaccurate and proposed another, "
            "using a test that is itself unvalidated."
        ),
        "zones": _zones("plantar.head-brain", "plantar.sinuses"),
        "variants": [
            _variant(
                "The big toes hold the head and brain, the other toes the rest of the head.",
                "bliss-toes",
                "reflexologyplus2025",
            ),
            _variant(
                "The third toe holds the head, face and neck; toes 2 and 4 the arms; toes 1 and "
                "5 the legs.",
                "omura1994",
            ),
        ],
    },
    {
        "id": "sacro-iliac-place",
        "topic": "Sacro-iliac joint between navicular and talus, or the whole heel",
        "text": (
            "Two practitioner pages put the sacro-iliac joint's reflex in different places on "
            "the sole."
        ),
        "zones": _zones("plantar.sacro-iliac-joint"),
        "variants": [
            _variant("Between the navicular and the talus, as drawn here.", "moor-isg"),
            _variant("Roughly the whole heel.", "ashimomi-soken-isg"),
        ],
    },
    {
        "id": "cerebellum-side",
        "topic": "Cerebellum on the inner or the outer side of the big toe",
        "text": "Two Chinese-school sources put the cerebellum on opposite sides of the big toe.",
        "zones": _zones("medial.cerebellum"),
        "variants": [
            _variant("On the inner side of the big toe, as drawn here.", "koukouan"),
            _variant("At the root and the outer side of the big toe.", "tmwt-486413"),
        ],
    },
    {
        "id": "kidney-level",
        "topic": "Kidney zone at the waistline, or higher",
        "text": (
            "Western charts place the kidneys around the waistline of the foot; Chinese-school "
            "charts put them higher, where the arch begins, as drawn here. A measurement on two "
            "people found the zone level with the thoracic spine."
        ),
        "zones": _zones("plantar.kidney"),
        "variants": [
            _variant(
                "Around the waistline, with the adrenals just above it.",
                "netplaces-adrenals",
            ),
            _variant(
                "Higher: where the arch begins, about a third of the way from the toes.",
                "koukouan",
                "peekme-649289",
            ),
            _variant(
                "Measured against the spine of two people, the kidney zone matched the thoracic "
                "spine, not the lumbar spine.",
                "jtcm2015",
            ),
        ],
    },
]
