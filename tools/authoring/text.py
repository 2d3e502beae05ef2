"""Every word the footmap chart shows: metadata, sources, caveats, claims and teaching notes.

This module is the single home of the chart's words. The tools that build
``data/zones.geojson`` and the teaching notebook take their text from here and nowhere else,
so wording can be reviewed, checked and changed in one place.

Rules every text here follows:

* Own words. Everything is paraphrased in the project's own words; no sentence or distinctive
  phrase is copied from the five source documents in ``../shared/seeds`` (no run of six or
  more words is shared with any of them, checked by ``tools.authoring.originality``).
* Every claim has a kind, and a kind may cite only some kinds of source (schema v2, checked
  when footmap loads the chart): ``placement`` (where charts put a zone) cites ``chart``
  sources only; ``article`` (what a seed article says) cites ``article`` sources only, and
  :data:`ARTICLE_TOPICS` records the word each cited article uses for the topic (a test
  checks the word is there); ``history`` cites ``history`` or ``chart`` sources;
  ``evidence`` (what studies found) cites ``study`` sources only.
* Claims stay claims. Nothing is stated as medical fact: texts say "charts assign",
  "is claimed to", "the article suggests", "practitioners believe".
* Chart placement first. The first claim of every body area is where the charts put it
  (:data:`placements.PLACEMENTS`), citing the chart pages read for it (``sources.py``); where
  no page read describes a zone, the claim says so and cites ``conventional`` (a tradition,
  not one book). None of the seed articles places any zone, so none is cited for a placement.
  Further claims are only what a cited article actually says about that area; where the
  articles say nothing, the placement is the only claim.
* Every text cites its sources by id; every id is defined in ``SOURCES``.
* Each claim, system note and history item is one or two plain sentences of at most 220
  characters, readable by a lay person. Each caveat also has a one-line ``short`` form for
  figure footers (the evidence caveat's is ``SHORT_CAVEAT``).

Source documents are referred to in the texts by a short description (for example "a foot
clinician's article" for ``doc003``) rather than by file number, so a reader can tell them
apart; the ``sources`` list of each text gives the exact ids.

Exports: ``META``, ``SOURCES``, ``CAVEATS``, ``SHORT_CAVEAT``, ``CLAIMS``, ``SYSTEM_NOTES``,
``HISTORY``, ``DISAGREEMENTS`` (documented differences between charts, each with at least two
variants citing chart or study sources), ``ARTICLE_TOPICS``; ``EXTRA_BODY_AREAS`` lists the
body areas added beyond the agreed list.
"""

from __future__ import annotations

from .placements import DISAGREEMENTS as _DISAGREEMENTS
from .placements import PLACEMENTS
from .sources import chart_records

__all__ = [
    "META",
    "SOURCES",
    "CAVEATS",
    "SHORT_CAVEAT",
    "CLAIMS",
    "EXTRA_BODY_AREAS",
    "SYSTEM_NOTES",
    "HISTORY",
    "DISAGREEMENTS",
    "ARTICLE_TOPICS",
]

# ---------------------------------------------------------------------------------------------
# Chart metadata
# ---------------------------------------------------------------------------------------------

META: dict[str, str] = {
    "title": "Reflexology foot map (schematic)",
    "description": (
        "A schematic foot chart of the body areas that reflexology claims are linked to zones "
        "of the feet. It is a synthesis of conventional reflexology charts, which disagree "
        "with each other about where many zones lie and how big they are. The links it shows "
        "are claims of reflexology, not established facts."
    ),
    "units": "mm",
    "frame": (
        "Coordinates are not geographic. They are millimetres in a foot-chart frame, with one "
        "frame per panel (one foot in one view). Plantar (sole) and dorsal (top) panels: x "
        "points to the right of the page and y up the page, with the origin at the back of the "
        "heel on the foot's long axis and the toes pointing up. Medial (inner) and lateral "
        "(outer) profiles: x runs from the back of the heel (x = 0) towards the tip of the "
        "toes, and y is the height above the floor (the sole is at y = 0)."
    ),
    "orientation": (
        "Soles are drawn as footprints seen from above, as if looking down through the foot, "
        "which is how most reflexology charts arrange them: the left foot is on the left of "
        "the page with its big toe on its inner (right) side, and the right foot is its mirror "
        "image. A practitioner facing a client's soles sees the whole picture mirrored: the "
        "client's left sole is on their right, with its big toe on its left side."
    ),
}

# ---------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------

SOURCES: list[dict[str, str]] = [
    {
        "id": "doc000",
        "kind": "article",
        "title": "Benefits of a Foot Massage",
        "citation": "Benefits of a Foot Massage. Web article, author and date not given.",
        "file": "000_3a13d20e6fa33b65.txt",
        "note": (
            "A general foot-care article. It notes that massage styles each claim their own "
            "effects and advises checking what has been shown to work."
        ),
    },
    {
        "id": "doc001",
        "kind": "article",
        "title": "The Many Benefits of Foot Massage",
        "citation": (
            "The Many Benefits of Foot Massage. Web article by a seller of home massage "
            "devices, author and date not given."
        ),
        "file": "001_306ff32fec502007.txt",
        "note": (
            "Calls reflexology (zone therapy) a theory and reports some effects only as "
            "suggested by research or believed by its followers."
        ),
    },
    {
        "id": "doc002",
        "kind": "article",
        "title": (
            'Untitled article opening "A foot massage is much more than a feel good way to relax"'
        ),
        "citation": (
            "Untitled web article on foot massage, author and date not given; identified by "
            "its opening sentence."
        ),
        "file": "002_cf3fb0589f630576.txt",
        "note": "A how-to article; advises seeing a professional about foot pain or after surgery.",
    },
    {
        "id": "doc003",
        "kind": "article",
        "title": "Benefits of Foot Massage for Foot and Ankle Health",
        "citation": (
            "Benefits of Foot Massage for Foot and Ankle Health. Web article written from a "
            "foot clinician's point of view, author and date not given."
        ),
        "file": "003_15eafb2fdb191801.txt",
        "note": (
            "Says reflex points are believed to match parts of the body; advises asking a "
            "podiatrist first in some conditions."
        ),
    },
    {
        "id": "doc004",
        "kind": "article",
        "title": (
            'Untitled article opening "In Eastern philosophy, the foot is called the main '
            'instrument"'
        ),
        "citation": (
            "Untitled web article on foot massage in Chinese medicine, author and date not "
            "given; identified by its opening sentence."
        ),
        "file": "004_7f2f767e5b5e9515.txt",
        "note": (
            "Presents the link between organs and foot points as the theory (hypothesis) of "
            "oriental medicine; lists contraindications."
        ),
    },
    {
        "id": "ernst2009",
        "kind": "study",
        "title": (
            "Is reflexology an effective intervention? A systematic review of randomised "
            "controlled trials"
        ),
        "citation": (
            "Ernst E. Is reflexology an effective intervention? A systematic review of "
            "randomised controlled trials. Medical Journal of Australia 2009;191(5):263-266. "
            "doi:10.5694/j.1326-5377.2009.tb02780.x. PMID 19740047."
        ),
        "url": "https://pubmed.ncbi.nlm.nih.gov/19740047/",
        "note": (
            "The best evidence did not convincingly show reflexology to be an effective "
            "treatment for any medical condition. The abstract (read 2026-12-07 at PubMed) "
            "says no more; the journal's press release on the paper (medicalnewstoday.com/"
            "releases/163145, read 2026-12-07) reports the author warning that reflexology "
            "used to diagnose gives false positives and false negatives, and that using it "
            "instead of treatment for serious illness can be dangerous."
        ),
    },
    {
        "id": "ernst2011",
        "kind": "study",
        "title": "Reflexology: an update of a systematic review of randomised clinical trials",
        "citation": (
            "Ernst E, Posadzki P, Lee MS. Reflexology: an update of a systematic review of "
            "randomised clinical trials. Maturitas 2011;68(2):116-120. "
            "doi:10.1016/j.maturitas.2010.10.011. PMID 21111551."
        ),
        "url": "https://pubmed.ncbi.nlm.nih.gov/21111551/",
        "note": "The updated review came to the same conclusion as the 2009 review.",
    },
    {
        "id": "white2000",
        "kind": "study",
        "title": "A blinded investigation into the accuracy of reflexology charts",
        "citation": (
            "White AR, Williamson J, Hart A, Ernst E. A blinded investigation into the "
            "accuracy of reflexology charts. Complementary Therapies in Medicine "
            "2000;8(3):166-172. doi:10.1054/ctim.2000.0380. PMID 11068346."
        ),
        "url": "https://pubmed.ncbi.nlm.nih.gov/11068346/",
        "note": (
            "Reflexologists examining patients' feet did not reliably tell which patients had "
            "which diagnosed conditions."
        ),
    },
    {
        "id": "aus2015",
        "kind": "study",
        "title": (
            "Review of the Australian Government Rebate on Natural Therapies for Private "
            "Health Insurance"
        ),
        "citation": (
            "Australian Government Department of Health. Review of the Australian Government "
            "Rebate on Natural Therapies for Private Health Insurance. 2015."
        ),
        "url": (
            "http://www.health.gov.au/internet/main/publishing.nsf/Content/phi-natural-therapies"
        ),
        "note": "Found no clear evidence that reflexology is effective for any clinical condition.",
    },
    {
        "id": "fitzgerald1917",
        "kind": "history",
        "title": "Zone Therapy",
        "citation": "Fitzgerald WH, Bowers EF. Zone Therapy. 1917.",
        "note": (
            "The American physician William H. Fitzgerald's account of zone therapy, which "
            "divided the body into ten lengthwise zones."
        ),
    },
    {
        "id": "ingham1938",
        "kind": "chart",
        "title": "Stories the Feet Can Tell",
        "citation": "Ingham ED. Stories the Feet Can Tell. 1938.",
        "note": (
            "Eunice Ingham mapped the zones onto the feet in the 1930s; most modern foot "
            "charts descend from her maps. Cited for that history, not for any one placement: "
            "the project has not read the book's placement text."
        ),
    },
    {
        "id": "conventional",
        "kind": "chart",
        "title": "Conventional reflexology foot charts in the Ingham tradition",
        "citation": (
            "Conventional reflexology foot charts in the Ingham tradition, as commonly "
            "reproduced in reflexology teaching material; a general description of what such "
            "charts show, not one published chart, book, page or edition."
        ),
        "note": (
            "The map follows the common layout of these charts: toes for the head and neck, "
            "the ball for the chest, the arch for the abdomen, the heel for the pelvis, the "
            "inner edge for the spine. Cited alone only where no chart page read for this map "
            "describes a zone. Individual charts differ in detail (see the disagreements)."
        ),
    },
    # the chart pages, studies and histories read for the placements and disagreements
    *chart_records(),
]

# ---------------------------------------------------------------------------------------------
# Caveats
# ---------------------------------------------------------------------------------------------

SHORT_CAVEAT: str = (
    "Zone-organ links are claims of reflexology, not science: reviews found no convincing "
    "evidence it treats any condition (Ernst 2009; Ernst et al. 2011), and reflexologists "
    "failed a blinded test (White et al. 2000)."
)

CAVEATS: list[dict[str, object]] = [
    {
        "id": "evidence",
        "kind": "evidence",
        "text": (
            "The idea that each zone of the foot is linked to an organ or body part is a belief "
            "of reflexology, not an established fact. Most of the articles this chart draws on "
            "hedge it: the three that describe it call it a theory, a hypothesis or something "
            "practitioners believe. Yet one of those three, a foot clinician's article, also "
            "states as fact that working the digestive reflex points improves digestion. "
            "Systematic reviews of clinical trials found no convincing evidence that "
            "reflexology treats any medical condition, and in a blinded test reflexologists "
            "could not reliably tell from patients' feet which conditions they had. The "
            "benefit generally agreed on is that a foot massage is relaxing."
        ),
        "sources": [
            "doc001",
            "doc003",
            "doc004",
            "ernst2009",
            "ernst2011",
            "white2000",
            "aus2015",
        ],
        "short": SHORT_CAVEAT,
    },
    {
        "id": "safety",
        "kind": "safety",
        "text": (
            "Foot massage is not for everyone. A foot clinician's article advises asking a "
            "podiatrist first if you have diabetes (feeling in the feet may be reduced), "
            "plantar warts (rubbing them can spread them) or open wounds or cuts; another "
            "article advises asking a doctor after foot surgery (massage may slow healing). "
            "An article on Chinese foot massage names being prone to blood clots, cancer, "
            "fever, active tuberculosis, skin or infectious disease, inflamed joints and open "
            "wounds as reasons not to massage, and advises against massage just after a meal "
            "or on an empty stomach. Two articles say foot pain or problems that keep coming "
            "back should be seen by a professional. Reflexology must not be used to diagnose "
            "an illness, nor instead of medical treatment: a review of the trials (Ernst 2009) "
            "warns that it gives false positive and false negative findings, and that relying "
            "on it for a serious illness can delay treatment that is needed."
        ),
        "sources": ["doc000", "doc002", "doc003", "doc004", "ernst2009"],
        "short": (
            "Ask a doctor first: diabetes, plantar warts, open wounds, foot surgery. Not with "
            "blood clots, cancer, fever, active tuberculosis, skin or infectious disease, "
            "inflamed joints, after a meal or on an empty stomach. Recurring pain: see a "
            "professional. Never use it to diagnose or instead of treatment."
        ),
    },
    {
        "id": "chart",
        "kind": "chart",
        "text": (
            "This map is a schematic synthesis of conventional reflexology charts, which "
            "descend from Eunice Ingham's foot maps of the 1930s and, before them, from "
            "Fitzgerald's zone therapy. Published charts disagree with one another about where "
            "many zones lie and how large they are, so no outline here is exact."
        ),
        "sources": ["ingham1938", "fitzgerald1917", "balancingtouch", "jones2013"],
        "short": "A schematic synthesis of conventional charts, which disagree with each other.",
    },
]

# ---------------------------------------------------------------------------------------------
# Claims, keyed by body area
# ---------------------------------------------------------------------------------------------

_REVIEWS = ["ernst2009", "ernst2011"]

#: For every article claim, the word (a lower-case stem) each cited article uses for the
#: claim's topic: the content test checks that the article really does discuss it.
ARTICLE_TOPICS: dict[str, dict[str, str]] = {}


def _claim(text: str, sources: list[str], kind: str) -> dict[str, object]:
    return {"kind": kind, "text": text, "sources": list(sources)}


def _article(text: str, topics: dict[str, str]) -> dict[str, object]:
    """An article claim citing each article in ``topics`` (id -> the topic word it uses)."""
    ARTICLE_TOPICS[text] = dict(topics)
    return _claim(text, list(topics), "article")


def _evidence(text: str, sources: list[str]) -> dict[str, object]:
    """What published studies found (cites only study sources)."""
    return _claim(text, sources, "evidence")


def _history(text: str, sources: list[str]) -> dict[str, object]:
    return _claim(text, sources, "history")


# Recurring document claims, written once and reused where the brief of an area fits.
_DIGESTION = _article(
    "A foot clinician's article claims that pressing the reflex points for the digestive "
    "system helps digestion and eases bloating and constipation.",
    {"doc003": "digestion"},
)
_VAGUS = _article(
    "Followers of reflexology are said to believe that foot massage acts on the vagus nerve, "
    "which serves the gut, and so may ease nausea (a massage-device seller's article).",
    {"doc001": "vagus nerve"},
)
_DIGESTIVE_SYSTEM = _article(
    "An article on Chinese foot massage credits foot massage with helping digestive "
    "conditions and the work of the internal organs in general, not this zone in particular.",
    {"doc004": "digestive"},
)
_JOINT_PAIN = _article(
    "An article on Chinese foot massage claims foot massage eases aching joints by loosening "
    "the muscles and connective tissue that hold them; it does not single out this zone.",
    {"doc004": "joint pain"},
)
_FOOT_ARTHRITIS = _article(
    "A massage-device seller's article says massage eases stiffness and pain from arthritis "
    "in the feet themselves, a direct effect on the foot rather than a reflex one.",
    {"doc001": "arthritis"},
)
_BACK = _article(
    "An article on Chinese foot massage claims foot massage eases back discomfort, and that "
    "regular leg massage helps posture, including a poorly aligned lower back and hips.",
    {"doc004": "back pain"},
)
_PMS = _article(
    "An article on Chinese foot massage claims a leg massage eases premenstrual symptoms "
    "such as mood swings, tension and headaches, and that regular leg and foot massage helps.",
    {"doc004": "premenstrual"},
)
_LYMPH = _article(
    "Three of the articles claim foot massage moves lymph, the fluid that drains the tissues, "
    "which they say reduces swelling and helps the body clear waste and fight infection.",
    {"doc001": "lymph", "doc003": "lymph", "doc004": "lymph"},
)

#: Article, evidence and other claims of each body area; the placement claims that open
#: every area come from placements.py (see CLAIMS below).
_OTHER_CLAIMS: dict[str, list[dict[str, object]]] = {
    # --- toes and ball of the foot ------------------------------------------------------------
    "head and brain": [
        _article(
            "A massage-device seller's article presents reflexology as a theory that pressing "
            "points on the feet can help other parts of the body, including sleep problems "
            "such as insomnia; it names no particular zone.",
            {"doc001": "insomnia"},
        ),
        _article(
            "An article on Chinese foot massage claims benefits for conditions of the nervous "
            "system and for headaches and migraines that come with premenstrual syndrome.",
            {"doc004": "neurological"},
        ),
    ],
    "pituitary gland": [],
    "neck": [],
    "sinuses": [],
    "eyes": [],
    "ears": [],
    "thyroid": [],
    "parathyroid glands": [],
    "lungs and chest": [
        _article(
            "An article on Chinese foot massage says massage is credited with good effects in "
            "conditions of the breathing (respiratory) system.",
            {"doc004": "respiratory"},
        ),
        _evidence(
            "Reviews of clinical trials found no convincing evidence that reflexology treats "
            "any medical condition, lung and chest problems included.",
            _REVIEWS,
        ),
    ],
    "shoulder": [_JOINT_PAIN],
    "heart": [
        _article(
            "An article on Chinese foot massage claims benefits in heart and circulation "
            "(cardiovascular) conditions, and says a relaxing leg massage can slow the pulse.",
            {"doc004": "cardiovascular"},
        ),
        _article(
            "A massage-device seller's article claims foot massage may help lower high blood "
            "pressure by improving circulation and easing stress; another says better "
            "circulation spares the heart work.",
            {"doc001": "blood pressure", "doc002": "heart"},
        ),
    ],
    "esophagus": [_VAGUS],
    "diaphragm": [],
    "solar plexus": [
        _article(
            "A foot clinician's article says reflexology is believed to help people relax; "
            "a massage-device seller's article notes that relaxation is the benefit "
            "researchers generally agree on.",
            {"doc003": "relaxation", "doc001": "relaxation"},
        ),
    ],
    # --- arch ---------------------------------------------------------------------------------
    "liver": [_DIGESTIVE_SYSTEM],
    "gallbladder": [_DIGESTIVE_SYSTEM],
    "stomach": [_DIGESTION, _VAGUS],
    "pancreas": [
        _article(
            "The articles do not link this zone to diabetes. One says foot massage can help "
            "people with diabetes avoid complications; another advises them to ask a "
            "podiatrist first, as feeling may be reduced.",
            {"doc002": "diabetes", "doc003": "diabetes"},
        ),
    ],
    "duodenum": [_DIGESTION],
    "spleen": [
        _article(
            "Two articles claim foot massage boosts the immune system, one saying it raises "
            "white blood cell production; neither connects this to the spleen zone.",
            {"doc003": "immune", "doc004": "immune"},
        ),
    ],
    "adrenal glands": [
        _article(
            "A massage-device seller's article says massage in general lowers the stress "
            "hormone cortisol (an adrenal hormone); it makes no claim about this zone.",
            {"doc001": "cortisol"},
        ),
    ],
    "kidneys": [],
    "ureters": [],
    "bladder": [],
    "transverse colon": [_DIGESTION],
    "small intestine": [_DIGESTION, _VAGUS],
    "ascending colon": [_DIGESTION],
    "appendix and ileocecal valve": [],
    "descending colon": [_DIGESTION],
    "sigmoid colon": [
        _DIGESTION,
    ],
    # --- heel and inner edge ------------------------------------------------------------------
    "rectum": [_DIGESTION],
    "spine": [_BACK],
    "sciatic nerve": [],
    "pelvis and lower back": [_BACK],
    # --- dorsal, medial and lateral views -----------------------------------------------------
    "lymphatic system": [_LYMPH],
    "upper lymph nodes": [
        _LYMPH,
    ],
    "breast": [],
    "groin lymph nodes": [
        _article(
            "A foot clinician's article claims massage moves lymphatic fluid and so eases "
            "swollen feet and ankles.",
            {"doc003": "lymphatic fluid"},
        ),
    ],
    "uterus or prostate": [_PMS],
    "ovary or testis": [_PMS],
    "elbow": [_JOINT_PAIN],
    "knee": [_JOINT_PAIN, _FOOT_ARTHRITIS],
    "hip": [_BACK, _JOINT_PAIN],
    "arm": [
        _article(
            "An article on Chinese foot massage claims that massage keeps lymph from building "
            "up, and says such build-up tends to collect in the arms and legs.",
            {"doc004": "arms and legs"},
        ),
    ],
    "fallopian tube or vas deferens": [],
    "teeth and jaw": [],
    "face": [],
    "inner ear and balance": [
        _article(
            "A massage-device seller's article claims foot massage can aid balance, but by "
            "stretching and strengthening the foot's own muscles, not through a reflex.",
            {"doc001": "balance"},
        ),
    ],
    "upper back": [_BACK],
    "ribs": [],
    # --- added body areas (see EXTRA_BODY_AREAS) ----------------------------------------------
    "throat and tonsils": [],
    "nose": [],
    # --- added with the chart pages read for issue 11 (see placements.py) -----------------------
    "hypothalamus": [],
    "pineal gland": [],
    "trapezius": [],
    "bronchi": [
        _article(
            "An article on Chinese foot massage credits massage with good effects in breathing "
            "(respiratory) conditions; it does not name the bronchi or any zone.",
            {"doc004": "respiratory"},
        ),
    ],
    "thymus": [
        _article(
            "Two articles claim foot massage strengthens the immune system; neither mentions "
            "the thymus or ties the effect to a zone.",
            {"doc003": "immune", "doc004": "immune"},
        ),
    ],
    "shoulder blade": [_JOINT_PAIN],
    "cerebellum and brain stem": [],
    "urethra": [],
    "sacro-iliac joint": [_JOINT_PAIN],
    "lower back": [_BACK],
}

EXTRA_BODY_AREAS: tuple[str, ...] = (
    "throat and tonsils",
    "nose",
    "hypothalamus",
    "pineal gland",
    "trapezius",
    "bronchi",
    "thymus",
    "lower back",
    "breast",
    "shoulder blade",
    "cerebellum and brain stem",
    "urethra",
    "sacro-iliac joint",
)

#: Every body area's claims: its placement claims (placements.py), then the others.
CLAIMS: dict[str, list[dict[str, object]]] = {
    area: [*PLACEMENTS[area], *others] for area, others in _OTHER_CLAIMS.items()
}
if set(PLACEMENTS) != set(_OTHER_CLAIMS):  # a body area without its placement, or vice versa
    raise ValueError(
        "placements.py and text.py disagree on the body areas: "
        + ", ".join(sorted(set(PLACEMENTS) ^ set(_OTHER_CLAIMS)))
    )

# ---------------------------------------------------------------------------------------------
# Talking points per body system (for a teacher)
# ---------------------------------------------------------------------------------------------

SYSTEM_NOTES: dict[str, list[dict[str, object]]] = {
    "nervous": [
        _article(
            "One article lists nervous-system conditions among those foot massage is said to "
            "help; another says massage sends positive signals to the brain by way of the "
            "nerves and lifts mood.",
            {"doc004": "neurological", "doc002": "nervous system"},
        ),
        _article(
            "A massage-device seller's article reports suggestions that massage may ease "
            "restless legs and that reflexology helps sleep, while noting that research on "
            "reflexology is still going on.",
            {"doc001": "restless leg"},
        ),
        _article(
            "Relaxation is the benefit researchers agree on, a massage-device seller's article "
            "notes; that does not show that pressing one zone acts on one part of the nervous "
            "system.",
            {"doc001": "relaxation"},
        ),
        _evidence(
            "Reviews of clinical trials found no convincing evidence that reflexology treats "
            "any medical condition, nervous-system ones included.",
            _REVIEWS,
        ),
    ],
    "sensory": [
        _claim(
            "The eye, ear and sinus zones come from the charts alone: none of the articles "
            "makes a claim about sight, hearing or smell.",
            ["bliss-toes", "netplaces-great-toe"],
            "placement",
        ),
        _article(
            "One article claims foot massage can help balance, but through the strength of the "
            "foot's own muscles rather than through the inner ear.",
            {"doc001": "balance"},
        ),
    ],
    "endocrine": [
        _article(
            "Articles claim massage lowers the stress hormone cortisol and raises endorphins, "
            "the body's feel-good chemicals; they describe massage in general, not the gland "
            "zones of the chart.",
            {"doc001": "cortisol", "doc002": "endorphins"},
        ),
        _article(
            "On diabetes the articles differ: one says regular foot massage helps avoid "
            "complications; another advises asking a podiatrist first, as feeling in the feet "
            "may be reduced; a third says a diabetic needs a special massager aimed at "
            "neuropathic points.",
            {"doc002": "diabetes", "doc003": "diabetes", "doc000": "diabetic"},
        ),
    ],
    "respiratory": [
        _article(
            "Only one article mentions breathing: it lists respiratory conditions among those "
            "foot massage is said to help, without details.",
            {"doc004": "respiratory"},
        ),
        _evidence(
            "Reviews of clinical trials found no convincing evidence that reflexology treats "
            "any medical condition, breathing problems included.",
            ["ernst2009", "ernst2011", "aus2015"],
        ),
    ],
    "cardiovascular": [
        _article(
            "Articles claim foot massage lowers high blood pressure through relaxation and better "
            "circulation, which lightens the heart's work, and that leg massage slows the pulse.",
            {"doc001": "blood pressure", "doc002": "heart", "doc004": "pulse"},
        ),
        _article(
            "Most circulation claims concern blood flow in the feet and legs themselves, a "
            "direct effect of rubbing rather than a reflex to the heart.",
            {"doc000": "circulation", "doc003": "circulation", "doc004": "circulation"},
        ),
        _article(
            "One article lists being prone to blood clots as a reason not to have a foot massage.",
            {"doc004": "blood clots"},
        ),
    ],
    "digestive": [
        _article(
            "A foot clinician's article claims that working the digestive reflex points helps "
            "digestion, bloating and constipation; another lists digestive conditions among "
            "those massage is said to help.",
            {"doc003": "digestion", "doc004": "digestive"},
        ),
        _article(
            "Reflexology followers are said to believe foot massage acts on the vagus nerve, "
            "which serves the gut, and so eases nausea; the article presents this as a belief.",
            {"doc001": "vagus nerve"},
        ),
        _article(
            "One article advises against foot massage just after a meal or when the stomach "
            "is empty.",
            {"doc004": "after eating"},
        ),
    ],
    "urinary": [
        _claim(
            "The kidney and bladder zones come from the charts alone: none of the articles "
            "makes a claim about the kidneys or the bladder.",
            ["koukouan", "peekme-649289"],
            "placement",
        ),
        _evidence(
            "In a blinded test, reflexologists examining feet could not reliably tell which "
            "patients had which diagnosed conditions.",
            ["white2000"],
        ),
    ],
    "lymphatic": [
        _article(
            "Three articles claim foot massage moves lymph, reducing swelling and helping the "
            "body clear waste; one says it keeps fluid from pooling in the arms and legs.",
            {"doc001": "lymph", "doc003": "lymph", "doc004": "lymph"},
        ),
        _article(
            "Two articles claim foot massage strengthens the immune system, one by raising "
            "white blood cell production; neither cites a study for this.",
            {"doc003": "immune", "doc004": "immune"},
        ),
    ],
    "musculoskeletal": [
        _article(
            "An article on Chinese foot massage claims massage eases back and joint discomfort "
            "and that regular leg massage helps posture and a poorly aligned lower back and "
            "hips.",
            {"doc004": "back pain"},
        ),
        _article(
            "Most muscle and joint claims are about the feet themselves: arthritis, stiffness, "
            "flexibility and sore muscles are said to improve where the massage is given.",
            {"doc001": "arthritis", "doc003": "flexibility"},
        ),
        _article(
            "One article advises against massaging inflamed joints; another advises asking a "
            "doctor first after foot surgery.",
            {"doc004": "inflammation of the joints", "doc002": "surgery"},
        ),
    ],
    "reproductive": [
        _article(
            "One article claims leg massage eases premenstrual symptoms such as mood swings, "
            "tension and headaches, and that foot massage helps prevent the swollen feet common "
            "in pregnancy.",
            {"doc004": "premenstrual"},
        ),
        _article(
            "The article on Chinese foot massage credits leg and foot massage in general with "
            "these effects; it ties none of them to the reproductive zones of the chart.",
            {"doc004": "premenstrual"},
        ),
        _evidence(
            "Reviews of clinical trials found no convincing evidence that reflexology treats "
            "any medical condition, reproductive ones included.",
            _REVIEWS,
        ),
    ],
}

# ---------------------------------------------------------------------------------------------
# History (teaching notebook)
# ---------------------------------------------------------------------------------------------

HISTORY: list[dict[str, object]] = [
    _history(
        "In 1917 the American physician William H. Fitzgerald, with Edwin Bowers, published "
        "zone therapy, which divided the body into ten lengthwise zones.",
        ["fitzgerald1917"],
    ),
    _history(
        "In the 1930s Eunice Ingham mapped these zones onto the feet; her book Stories the Feet "
        "Can Tell appeared in 1938, and most modern foot charts descend from her maps.",
        ["ingham1938"],
    ),
    _history(
        "Published charts disagree with each other about where many zones lie and how large "
        "they are; this map is a schematic synthesis, not a copy of any one chart.",
        ["balancingtouch", "dervalingleton", "tcmwindow-maps"],
    ),
    _history(
        "Schools do not even agree on how many zones there are: the Rwo-Shr method counts 64, "
        "a Chinese school 63, and a Chinese page says systems range from about 60 to 90.",
        ["jakuseki", "koukouan", "zcefdi"],
    ),
    _article(
        "Two of the articles say the feet show the state of health of the whole body.",
        {"doc004": "infer", "doc000": "rest of the body"},
    ),
    _evidence(
        "A blinded test in 2000 found that reflexologists could not reliably identify "
        "patients' conditions from their feet.",
        ["white2000"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Documented disagreements between published charts (filled from sources that were read)
# ---------------------------------------------------------------------------------------------

DISAGREEMENTS: list[dict[str, object]] = list(_DISAGREEMENTS)
