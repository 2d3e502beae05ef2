"""Anatomy sources for the foot-anatomy chart (``data/foot-anatomy.geojson``).

Every record was read with the project's search tool on 2026-12-07; ``note`` says, in the
project's own words, what the page says that the chart relies on, and ``read`` what exactly was
read (the search tool returns stored excerpts of pages, never whole pages, so ``read`` names the
excerpt). A source is cited only for what its note says. Kind: ``"anatomy"`` - a reference page on
the body's anatomy (nerves, bones, dermatomes); it is the same source kind the body chart uses.

Exports: ``ANATOMY_SOURCES`` (list of records; :func:`chart_records` drops the ``read`` key
before they go into the chart) and ``NOT_USED`` (pages seen but not cited, with the reason).
"""

from __future__ import annotations

__all__ = ["ANATOMY_SOURCES", "NOT_USED", "READ_ON", "chart_records"]

#: The day every page below was read.
READ_ON = "2026-12-07"

ANATOMY_SOURCES: list[dict[str, str]] = [
    # ------------------------------------------------------------------------- sole: tibial nerve
    {
        "id": "radiopaedia-medial-plantar",
        "kind": "anatomy",
        "title": "Medial plantar nerve",
        "citation": (
            "Robertson S, Oh G, et al. Medial plantar nerve. Radiopaedia.org, reference article."
        ),
        "url": "https://prod-images.static.radiopaedia.org/articles/medial-plantar-nerve?lang=us",
        "note": (
            "Of the tibial nerve's two end branches, the larger one is the medial plantar nerve, "
            "the sole's main sensory nerve: it supplies the skin of most of the sole's "
            "front two-thirds, and the facing surfaces of the inner three and a half toes, the "
            "big toe included; near the bases of the metatarsals it splits into three branches "
            "(common plantar digital nerves)."
        ),
        "read": "the article's summary list (stored copy on prod-images.static.radiopaedia.org)",
    },
    {
        "id": "elsevier-medial-plantar",
        "kind": "anatomy",
        "title": "Medial plantar nerve (Quick Facts)",
        "citation": "Elsevier. Medial plantar nerve. Elsevier anatomy resources, web page.",
        "url": (
            "https://elsevier.com/resources/anatomy/nervous-system/peripheral-nervous-system/"
            "medial-plantar-nerve/21919"
        ),
        "note": (
            "Gives the nerve's roots as L4-L5 (by way of the tibial nerve) and its skin supply as "
            "the front-inner part of the sole and the plantar side of the first four toes; the "
            "tibial nerve splits into the medial and lateral plantar nerves in the tarsal tunnel."
        ),
        "read": "the whole short page (quick facts, origin, course, branches, supplied structures)",
    },
    {
        "id": "radiopaedia-lateral-plantar",
        "kind": "anatomy",
        "title": "Lateral plantar nerve",
        "citation": (
            "Lateral plantar nerve. Radiology reference summary, pacs.de (Radiopaedia-style term "
            "page)."
        ),
        "url": "https://pacs.de/term/lateral-plantar-nerve",
        "note": (
            "Of the tibial nerve's two end branches the lateral plantar nerve is the smaller; it "
            "crosses the sole towards the outer side and supplies a strip of skin along the outer "
            "side of the sole's front two-thirds, and the plantar surfaces of the outer one and a "
            "half toes."
        ),
        "read": "the whole summary (origin, course, motor and sensory supply)",
    },
    {
        "id": "teachme-medial-calcaneal",
        "kind": "anatomy",
        "title": "Calcaneal Nerve (Medial)",
        "citation": "Sivakumar D. Calcaneal Nerve (Medial). TeachMeAnatomy encyclopaedia, 2024.",
        "url": "https://teachmeanatomy.info/encyclopaedia/c/calcaneal-nerve-medial/",
        "note": (
            "A sensory nerve that leaves the tibial nerve in the tarsal tunnel, behind the inner "
            "ankle bone; it pierces the flexor retinaculum and ends in branches to the skin of "
            "the inner heel and the heel part of the sole."
        ),
        "read": "the whole short entry",
    },
    {
        "id": "wheeless-foot-innervation",
        "kind": "anatomy",
        "title": "Innervation of the Leg and Foot",
        "citation": (
            "Wheeless' Textbook of Orthopaedics. Innervation of the Leg and Foot. Web page."
        ),
        "url": "https://www.wheelessonline.com/nerves/innervation-of-the-leg-and-foot/",
        "note": (
            "On the top of the foot the saphenous nerve supplies the inner side and the sural "
            "nerve the outer side, the superficial peroneal (fibular) nerve the middle, except "
            "the web space of the big toe, which the deep peroneal nerve supplies. On the sole the "
            "lateral plantar nerve supplies the outer quarter and the medial plantar nerve the "
            "inner three quarters, and the skin over the heel bone comes from the medial "
            "calcaneal nerve, a tibial branch given off just before the plantar nerves."
        ),
        "read": "the 'Discussion' list of the page",
    },
    {
        "id": "aneskey-ankle-blocks",
        "kind": "anatomy",
        "title": "Peripheral Nerve Blocks at the Ankle (chapter 14, Anatomy)",
        "citation": (
            "Peripheral Nerve Blocks at the Ankle, chapter 14.1 Anatomy. Anesthesia Key "
            "(aneskey.com), book chapter."
        ),
        "url": "https://aneskey.com/14-peripheral-nerve-blocks-at-the-ankle",
        "note": (
            "Five nerves supply the foot: the tibial, superficial fibular, deep fibular and sural "
            "nerves from the sciatic nerve and the saphenous nerve from the femoral nerve. The "
            "tibial nerve sends medial calcaneal branches to the inner heel and then, behind the "
            "inner ankle bone, splits into the medial and lateral plantar nerves, which supply "
            "the skin of the sole."
        ),
        "read": "section 14.1 up to the start of 14.1.2 (saphenous nerve)",
    },
    # ------------------------------------------------------------------------ edges and top
    {
        "id": "qut-sural",
        "kind": "anatomy",
        "title": "Sural nerve",
        "citation": (
            "Sural nerve. Podiatry Anatomy App, Queensland University of Technology (QUT), web "
            "page."
        ),
        "url": "https://podiatry-anatomy-app.qut.edu.au/content/nerves/sural-nerve.html",
        "note": (
            "The sural nerve runs down beside the Achilles tendon and continues along the outer "
            "edge of the foot under the name lateral dorsal cutaneous nerve, ending on the little "
            "toe; it gives off "
            "the lateral calcaneal nerve to the skin of the outer heel."
        ),
        "read": "the whole short page",
    },
    {
        "id": "radiopaedia-sural",
        "kind": "anatomy",
        "title": "Sural nerve",
        "citation": (
            "Sural nerve. Radiology reference summary, pacs.de (Radiopaedia-style term page)."
        ),
        "url": "https://pacs.de/term/sural-nerve",
        "note": (
            "A sensory nerve, usually from roots S1 and S2, that curls forward behind the outer "
            "ankle bone and supplies the lower outer calf, the outer ankle, the outer edge of the "
            "foot and part of the little toe; how it is formed varies between people."
        ),
        "read": "the whole summary (gross anatomy, variant anatomy, related pathology)",
    },
    {
        "id": "radiopaedia-saphenous",
        "kind": "anatomy",
        "title": "Saphenous nerve",
        "citation": (
            "Saphenous nerve. Radiology reference summary, pacs.de (Radiopaedia-style term page)."
        ),
        "url": "https://pacs.de/taxonomy/term/57361",
        "note": (
            "The saphenous nerve, the end of the femoral nerve, passes in front of the inner "
            "ankle bone and supplies the skin of the inner leg and the inner side of the foot, "
            "reaching forward to the joint at the base of the big toe (first "
            "metatarsophalangeal joint)."
        ),
        "read": "the whole summary",
    },
    {
        "id": "elsevier-superficial-fibular",
        "kind": "anatomy",
        "title": "Superficial fibular nerve (Quick Facts)",
        "citation": "Elsevier. Superficial fibular nerve. Elsevier anatomy resources, web page.",
        "url": (
            "https://elsevier.com/resources/anatomy/nervous-system/peripheral-nervous-system/"
            "superficial-fibular-nerve/21083"
        ),
        "note": (
            "Gives the nerve's roots as L5-S2 (by way of the common fibular nerve). Through its "
            "medial and intermediate dorsal cutaneous branches it supplies the skin of the lower "
            "leg and the top of the foot, except the web between the big and second toes (deep "
            "fibular nerve) and the outer side of the little toe (sural nerve)."
        ),
        "read": "the whole short page",
    },
    {
        "id": "wikipedia-superficial-fibular",
        "kind": "anatomy",
        "title": "Superficial fibular nerve",
        "citation": (
            "Superficial fibular nerve. Wikipedia article (copy on cryer.org.uk, text after "
            "Gray's Anatomy)."
        ),
        "url": "http://cryer.org.uk/superficial_peroneal_nerve",
        "note": (
            "The superficial fibular nerve serves most of the top of the foot; its branches supply "
            "the tops of all the toes except two areas: the little toe's outer side (sural nerve, "
            "by its lateral dorsal cutaneous branch) and the facing sides of the big and second "
            "toes (deep fibular nerve, by its medial branch). Some of its outer branches are "
            "often missing."
        ),
        "read": (
            "the article's introduction, its first structure paragraphs and the branches paragraph"
        ),
    },
    {
        "id": "selfstudy-ankle-block",
        "kind": "anatomy",
        "title": "Ankle block: anatomy",
        "citation": (
            "Ankle block: anatomy. keywords.selfstudy.app (anaesthesia revision notes), web page."
        ),
        "url": "https://keywords.selfstudy.app/ankle-block-anatomy/",
        "note": (
            "Revision notes giving roots and skin areas of the nerves blocked at the ankle: deep "
            "peroneal (L4-L5), the skin between the big and second toes; superficial peroneal, "
            "the top of the foot and toes except that web; sural (S1-S2), the outer foot and "
            "fifth toe; saphenous (L3-L4), the inner side of the foot; tibial, the sole."
        ),
        "read": "the whole short page",
    },
    # ----------------------------------------------------------------------------- dermatomes
    {
        "id": "gpnotebook-dermatomes",
        "kind": "anatomy",
        "title": "Lower limb dermatomes",
        "citation": "Lower limb dermatomes. GPnotebook, web page.",
        "url": "http://www.gpnotebook.co.uk/simplepage.cfm?ID=1865744389",
        "note": (
            "Calls itself an approximate guide: L4 the inner leg; L5 the outer leg and the inner "
            "part of the top of the foot; S1 the heel, most of the sole and the outer side of the "
            "foot."
        ),
        "read": "the whole short page",
    },
    {
        "id": "mednemo-dermatomes",
        "kind": "anatomy",
        "title": "Levels of principal dermatomes",
        "citation": "Dermatomes: levels of principal dermatomes. mednemo.it, web page.",
        "url": "http://lnx.mednemo.it/?p=865",
        "note": (
            "A list of the main dermatome levels as used to locate a nerve-root lesion: L4, L5 "
            "and S1 share the foot; L4 reaches the inner side of the big toe; S1 the outer edge "
            "of the foot and the little toe."
        ),
        "read": "the whole short page",
    },
    {
        "id": "downs-laporte-2011",
        "kind": "anatomy",
        "title": "Conflicting Dermatome Maps: Educational and Clinical Implications",
        "citation": (
            "Downs MB, LaPorte C. Conflicting dermatome maps: educational and clinical "
            "implications. Clinical commentary (journal details not shown in the copy read)."
        ),
        "url": "https://fr.scribd.com/document/134053363/Dermatome-Maps",
        "note": (
            "Textbooks print several dermatome maps that disagree: most draw L4 either from the "
            "outer thigh to the inner side of the big toe or only on the inner leg below the knee. "
            "Early maps from dissection and experiments differ somewhat, and the 1948 map of "
            "Keegan and Garrett, drawn mostly from disc herniations, differs a lot."
        ),
        "read": "the synopsis and the first paragraphs of the stored copy",
    },
    {
        "id": "lee-2008-dermatomes",
        "kind": "anatomy",
        "title": "An Evidence-Based Approach to Human Dermatomes",
        "citation": (
            "Lee MWL, McPhee RW, Stringer MD. An evidence-based approach to human dermatomes. "
            "Clin Anat. 2008;21(5):363-373."
        ),
        "url": "https://www.scribd.com/document/190744886/Clin-Anat-08-Dermatomes",
        "note": (
            "A systematic review: the dermatome maps of standard anatomy texts vary a great deal "
            "and rest on flawed studies; the authors build a map of the most consistent areas "
            "and stress that neighbouring dermatomes overlap and vary between people."
        ),
        "read": "the abstract and the first paragraph of the introduction of the stored copy",
    },
    # ----------------------------------------------------------------------------------- bones
    {
        "id": "nursinglecture-foot-bones",
        "kind": "anatomy",
        "title": "Bones of the Foot",
        "citation": "Bones of the Foot. nursinglecture.com, web page.",
        "url": "https://nursinglecture.com/bones-of-the-foot/",
        "note": (
            "Each foot has 26 bones: seven tarsals, five metatarsals, fourteen phalanges. At the "
            "back are the talus and the calcaneus, the largest; in front come the navicular, "
            "three cuneiforms and the cuboid. Metatarsals are numbered 1 to 5 from the inner side "
            "and meet the cuneiforms and the cuboid behind and the toe bones in front; the big "
            "toe has two phalanges, the other toes three."
        ),
        "read": "the whole page",
    },
    {
        "id": "222health-foot-bones",
        "kind": "anatomy",
        "title": "Anatomy of the Bones of the Foot",
        "citation": "Anatomy of the Bones of the Foot. 222health.com, web page.",
        "url": "https://222health.com/conditions-treatments/bones-joints-muscles/32221.html",
        "note": (
            "The talus sits on the calcaneus. Ahead of the talus, on the inner side of the foot, "
            "is the navicular, next to the front end of the calcaneus; ahead of these two stand "
            "four small bones side by side, three cuneiforms and, on the outer side, the cuboid; "
            "the five metatarsals come next."
        ),
        "read": "the whole page",
    },
    {
        "id": "anatomyapp-tarsals",
        "kind": "anatomy",
        "title": "Tarsal bones",
        "citation": "Tarsal bones. anatomy.app encyclopedia, web page.",
        "url": "https://anatomy.app/encyclopedia/tarsal-bones",
        "note": (
            "The talus links the leg to the foot at the ankle; the calcaneus forms the heel; the "
            "cuboid is the outermost tarsal bone, in front of the calcaneus, and meets the fourth "
            "and fifth metatarsals; the navicular sits on the inner side in front of the talus "
            "and links it to the cuneiforms."
        ),
        "read": "the page up to the cuneiform section",
    },
    {
        "id": "nursinglecture-arches",
        "kind": "anatomy",
        "title": "Arches of the foot",
        "citation": "Arches of the foot. nursinglecture.com, web page.",
        "url": "https://nursinglecture.com/arches-of-the-foot/",
        "note": (
            "The inner long arch runs from the calcaneus up through the talus and down through "
            "the navicular and cuneiforms, ending at the heads of metatarsals 1 to 3; the outer "
            "long arch runs from the calcaneus through the cuboid, ending at the heads of "
            "metatarsals 4 and 5; the middle of the foot under the inner arch does not touch the "
            "ground."
        ),
        "read": "the whole page",
    },
]

#: Pages seen in the search but not cited, with the reason.
NOT_USED: dict[str, str] = {
    "pdfcoffee.com netter-dermatom (a Netter plate after Keegan and Garrett)": (
        "an unauthorised copy of a copyrighted atlas; mednemo.it's list of levels is cited instead"
    ),
    "wikimd.com Calcaneal nerve branches": (
        "says the medial calcaneal branches come from the medial plantar nerve, against the "
        "other sources read (tibial nerve); not cited"
    ),
    "droracle.ai dermatome pages": "machine-written summaries without a named author; not cited",
    "reg2.ncvps.org dermatome pages": "generated text; not cited",
    "statpearls.com Foot Nerves": (
        "only the introduction and the start of 'Structure and Function' were stored; nothing "
        "about skin areas was read, so it is not cited"
    ),
}


def chart_records() -> list[dict[str, str]]:
    """Return the source records as they go into the chart (without the ``read`` key)."""
    order = ("id", "kind", "title", "citation", "url", "note")
    return [{k: s[k] for k in order if k in s} for s in ANATOMY_SOURCES]
