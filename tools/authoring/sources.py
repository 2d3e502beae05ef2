"""Chart, study and history sources for the chart's placements and documented disagreements.

Every record here was checked against the page (or published abstract) itself with the
project's search tool on 2026-11-30; ``note`` says, in the project's own words, what the page
says that the chart relies on, and ``read`` what exactly was read (a whole short page, an
excerpt, an abstract). A source is cited only for what its note says. Where no chart page was
read for a placement the chart cites the ``conventional`` record of ``text.py``, and the claim
says exactly that.

Kinds (schema v2): ``"chart"`` - a chart, book, course or practitioner page that places zones;
``"study"`` - a review, trial, agreement or measurement study; ``"history"`` - a historical work.

Exports: ``CHART_SOURCES`` (list of source records, the ``read`` key is dropped before they go
into the chart by :func:`chart_records`) and ``DROPPED`` (sources named in
../shared/CHARTS.md that were not confirmed, with the reason).
"""

from __future__ import annotations

__all__ = ["CHART_SOURCES", "DROPPED", "chart_records"]

CHART_SOURCES: list[dict[str, str]] = [
    # ----------------------------------------------------------------- general layout (Western)
    {
        "id": "reflexologyplus2025",
        "kind": "chart",
        "title": "Foot Maps Explained: Zones, Organs & Theories",
        "citation": (
            "Reflexology Plus. Foot Maps Explained: Zones, Organs & Theories. Blog, May 2025."
        ),
        "url": "https://www.reflexologyplus.co/blog-posts/foot-maps-explained",
        "note": (
            "A practitioner blog: the toes hold the head, brain and sinuses, the ball the chest "
            "and upper back, the arch the digestive organs and the heel the lower back, sciatic "
            "area and pelvis; each foot stands for its own side of the body."
        ),
        "read": "the whole short post (two stored versions)",
    },
    {
        "id": "riverview",
        "kind": "chart",
        "title": "Reflexology (service page)",
        "citation": "riverviewvc.com, Therapeutic Health Services: Reflexology. Web page.",
        "url": "https://riverviewvc.com/services/therapeutic-health-services/reflexology/",
        "note": (
            "Each foot mirrors its own half of the body; the spine runs down the inner edge, "
            "arm and shoulder lie towards the outer edge, toes are head and neck, the ball is "
            "chest, upper back, heart and lungs; a waistline across the middle of the foot."
        ),
        "read": "the whole short page",
    },
    {
        "id": "sportsrec",
        "kind": "chart",
        "title": "Reflexology Foot Zones",
        "citation": "Reflexology Foot Zones. SportsRec (web article), author and date not shown.",
        "url": "https://www.sportsrec.com/132593-reflexology-foot-zones.html",
        "note": (
            "Lower back on the top of the foot (from below the ankle to the instep's high "
            "point) and on the sole (heel to mid-arch); upper back in the middle of the top of "
            "the foot; lungs, breast and chest near the toes on top and on the ball; sciatic "
            "nerve a small crosswise stripe in the middle of the heel; tailbone at the inner "
            "heel; spine along the inner edge; knee at the outer middle of the foot; a stripe "
            "over the top of the ankle for groin, fallopian tubes and lymph glands."
        ),
        "read": "the article text up to the upper-body section",
    },
    {
        "id": "netplaces-map",
        "kind": "chart",
        "title": "Picture the Foot as a Map of the Body",
        "citation": "Picture the Foot as a Map of the Body. netplaces.com, Reflexology section.",
        "url": (
            "http://www.netplaces.com/reflexology/lets-begin/picture-the-foot-as-a-map-of-"
            "the-body.htm"
        ),
        "note": (
            "Says every reflexologist has a favourite chart, often the one they trained with "
            "plus their own additions. Toes hold the head; the base of the toes the neck; the "
            "shoulder sits under the toe necks and wraps onto the top; the ball holds heart, "
            "lungs, bronchioles and breast; the matching top of the foot is the upper back and "
            "the rest of the top the lower back."
        ),
        "read": "the page up to the spine paragraph",
    },
    {
        "id": "netplaces-great-toe",
        "kind": "chart",
        "title": "Reflex Points of the Great Toe",
        "citation": "Reflex Points of the Great Toe. netplaces.com, Reflexology section.",
        "url": "http://www.netplaces.com/reflexology/press-this-point/reflex-points-of-the-great-toe.htm",
        "note": (
            "Puts the main eye and ear reflexes on the great toes, with the right eye on the "
            "right toe (no crossing), and lists hypothalamus, pituitary, pineal, thyroid, "
            "parathyroid and brain reflexes on the great toes."
        ),
        "read": "the page up to the ears paragraph",
    },
    {
        "id": "netplaces-pineal",
        "kind": "chart",
        "title": "The Pineal Reflex",
        "citation": "The Pineal Reflex. netplaces.com, Reflexology section.",
        "url": "http://www.netplaces.com/reflexology/press-this-point/the-pineal-reflex.htm",
        "note": (
            "Places the pineal reflex in the very centre of the great toe's pad and says the "
            "same spot also stands for the eyes."
        ),
        "read": "the page up to the technique paragraph",
    },
    {
        "id": "netplaces-thyroid",
        "kind": "chart",
        "title": "The Thyroid Reflex",
        "citation": "The Thyroid Reflex. netplaces.com, Reflexology section.",
        "url": "http://www.netplaces.com/reflexology/press-this-point/the-thyroid-reflex.htm",
        "note": (
            "Places the thyroid reflex in the neck of the great toe, along its inner edge into "
            "the joint at the toe's base."
        ),
        "read": "the page up to the technique paragraph",
    },
    {
        "id": "netplaces-parathyroid",
        "kind": "chart",
        "title": "The Parathyroid Reflex",
        "citation": "The Parathyroid Reflex. netplaces.com, Reflexology section.",
        "url": "http://www.netplaces.com/reflexology/press-this-point/the-parathyroid-reflex.htm",
        "note": (
            "Places the parathyroid reflexes beside and just under the thyroid reflex, "
            "overlapping the neck of the great toe."
        ),
        "read": "the whole page",
    },
    {
        "id": "netplaces-spleen",
        "kind": "chart",
        "title": "Spleen Reflex",
        "citation": "Spleen Reflex. netplaces.com, Reflexology section.",
        "url": "http://www.netplaces.com/reflexology/on-to-the-next-section/spleen-reflex.htm",
        "note": (
            "The spleen reflex is on the left sole only, at the outer corner just under the "
            "diaphragm line."
        ),
        "read": "the whole page",
    },
    {
        "id": "netplaces-adrenals",
        "kind": "chart",
        "title": "Don't Forget the Adrenals",
        "citation": "Don't Forget the Adrenals. netplaces.com, Reflexology section.",
        "url": "http://www.netplaces.com/reflexology/on-to-the-next-section/dont-forget-the-adrenals.htm",
        "note": (
            "The adrenal reflexes are on both feet, just above the waistline beside the kidney "
            "reflex, a little towards the inner side."
        ),
        "read": "the whole page",
    },
    {
        "id": "netplaces-left-foot",
        "kind": "chart",
        "title": "The Left Foot",
        "citation": "The Left Foot. netplaces.com, Reflexology section.",
        "url": "http://www.netplaces.com/reflexology/moving-to-the-left-foot/the-left-foot.htm",
        "note": (
            "The left foot holds the descending and sigmoid colon and half the transverse "
            "colon; the rectum reflex is usually on the left foot, in line with the sigmoid."
        ),
        "read": "the page up to the gastrointestinal tract paragraph",
    },
    {
        "id": "dervalingleton",
        "kind": "chart",
        "title": "Simple Reflexology Foot Map",
        "citation": "dervalingleton.com. Simple explanation of reflexology. Web page.",
        "url": "https://www.dervalingleton.com/simple-explanation-of-reflexology/",
        "note": (
            "Right side of the body on the right foot, left on the left, the centre on both; "
            "the liver reflex on the right foot's outer side below the solar plexus line; the "
            "spine along the inner side of both feet. Says foot maps vary between schools, "
            "copyright probably being one reason."
        ),
        "read": "the whole short page",
    },
    {
        "id": "marquardt-ch2",
        "kind": "chart",
        "title": "Two Working Models for a Practical Approach to Reflexotherapy of the Feet",
        "citation": (
            "Two Working Models for a Practical Approach to Reflexotherapy of the Feet "
            "(textbook chapter 2, stored at musculoskeletalkey.com). The page does not name "
            "its book; the attribution to Marquardt, Reflexotherapy of the Feet (Thieme), is "
            "unconfirmed."
        ),
        "url": (
            "https://musculoskeletalkey.com/two-working-models-for-a-practical-approach-to-"
            "reflexotherapy-of-the-feet"
        ),
        "note": (
            "FitzGerald's ten zones on the feet: the eyes on toes 2 and 3, the hip near the "
            "outer ankle bone, paired organs on both feet, one-sided organs on their own side "
            "(spleen left; appendix and gallbladder right) and organs of the body's midline, "
            "heart included, on both feet."
        ),
        "read": "section 2.1 of the chapter",
    },
    {
        "id": "bliss-toes",
        "kind": "chart",
        "title": "Massage Monday 10-24-11: Reflexology - Toes",
        "citation": "Bliss 2 Massage. Massage Monday 10-24-11: Reflexology - Toes. Blog, 2011.",
        "url": "https://www.bliss2massage.com/massage-monday-10-26-11-reflexology-toes/",
        "note": (
            "Big toe: head and brain with a pituitary point in its middle; base of the big toe: "
            "neck, throat and thyroid; other toes: sinuses; eyes at the base of toes 2-3, ears "
            "at the base of toes 4-5."
        ),
        "read": "the whole post",
    },
    {
        "id": "bliss-ball",
        "kind": "chart",
        "title": "Massage Monday 10-31-11: Reflexology - Ball of foot",
        "citation": (
            "Bliss 2 Massage. Massage Monday 10-31-11: Reflexology - Ball of foot. Blog, 2011."
        ),
        "url": "https://www.bliss2massage.com/massage-monday-10-31-11-reflexology-ball-of-foot/",
        "note": (
            "The heart area is under the big toe, mainly on the left foot; some charts leave "
            "the heart off the right foot and some show it; lungs under the four small toes; "
            "arm and shoulder under the little toe; the diaphragm below the ball."
        ),
        "read": "the whole post",
    },
    {
        "id": "massage-bodywork-2018",
        "kind": "chart",
        "title": "Foot reflexology feature, Massage & Bodywork, Nov/Dec 2018, pp. 62-64",
        "citation": (
            "Massage & Bodywork (magazine), November/December 2018, pages 62-64 "
            "(foot reflexology feature; author not shown on the pages read)."
        ),
        "url": "http://www.massageandbodyworkdigital.com/i/1037165/63",
        "note": (
            "Pituitary on the big toe's end segment with the pineal just beyond it; liver on "
            "the right foot only and spleen on the left foot only, in zone 5 below the "
            "diaphragm; gallbladder on the right foot in zone 4; stomach in zone 1 on both "
            "feet (upper part left, lower part right) with the pancreas beneath it; the "
            "diaphragm reflex across the foot."
        ),
        "read": "excerpts of pages 62, 63 and 64",
    },
    {
        "id": "kunz-heels-2008",
        "kind": "chart",
        "title": "Heels and Sex",
        "citation": (
            "Heels and Sex. Reflexology Live (blog of Kevin and Barbara Kunz), 19 May 2008."
        ),
        "url": "http://reflexologylive.blogspot.com/2008/05/",
        "note": (
            "Testes, prostate, uterus and ovaries are all on the sides of the heel; one "
            "Canadian chart, the only one the author knows of, adds an area on the sole where "
            "the heel meets the arch."
        ),
        "read": "the post's opening paragraphs",
    },
    {
        "id": "kunz-vision",
        "kind": "chart",
        "title": "Vision Deficits: Reflex Area Work Linked to Vision Centers of the Brain",
        "citation": (
            "Kunz B, Kunz K. Vision Deficits: Reflex Area Work Linked to Vision Centers of "
            "the Brain. reflexology-research.com."
        ),
        "url": "https://reflexology-research.com/?page_id=130",
        "note": (
            "Calls the eye and ear areas at the bases of the toes anomalies among reflex areas "
            "and says that, strictly, an eye area also exists in the toes themselves."
        ),
        "read": "the page up to the mention of Anne Lett's charts",
    },
    {
        "id": "solidavis-2011",
        "kind": "chart",
        "title": "Reflexology for Women's Health",
        "citation": "Solidavis. Reflexology for Women's Health. Blog, 1 February 2011.",
        "url": "http://www.solidavis.com/2011/02/01/womenshealth-reflexology/",
        "note": "Places the ovary reflexes on the outer side of the heel, not the inner side.",
        "read": "the post up to the practitioner's observations",
    },
    {
        "id": "reflexology-manual",
        "kind": "chart",
        "title": "The Reflexology Manual (2nd edition, 2022)",
        "citation": (
            "The Reflexology Manual, 2nd edition, 2022; copy stored at anyflip.com (author "
            "not shown in the pages read)."
        ),
        "url": "https://anyflip.com/hjtlg/nmfl/basic/101-134",
        "note": (
            "Lower-body reflexes (sciatic nerve, sacro-iliac joint, pelvic muscles, knee, hip, "
            "reproductive organs) are on the inner and outer sides of the foot, except the "
            "sciatic nerve."
        ),
        "read": "the opening of the 'Lower body reflexes' section",
    },
    {
        "id": "bodybalance-2019",
        "kind": "chart",
        "title": "Sciatica and how Reflexology can help",
        "citation": "Reflexology Body Balance. Sciatica and how Reflexology can help. Blog, 2019.",
        "url": (
            "https://www.reflexologybodybalance.co.za/post/2019/03/06/sciatica-and-how-"
            "reflexology-can-help"
        ),
        "note": "Speaks of a sciatic band or reflex area on the heels of the feet.",
        "read": "the whole post",
    },
    {
        "id": "leaf-sciatica",
        "kind": "chart",
        "title": "How to Use Reflexology to Treat Sciatica",
        "citation": "How to Use Reflexology to Treat Sciatica. leaf.tv (web article).",
        "url": "https://www.leaf.tv/articles/how-to-use-reflexology-to-treat-sciatica/",
        "note": (
            "Places the sciatic point just in front of the heel bone, towards the toes, "
            "running across the width of the foot."
        ),
        "read": "the whole article",
    },
    {
        "id": "leaf-thyroid",
        "kind": "chart",
        "title": "How to Locate the Reflexology Thyroid Zone",
        "citation": "How to Locate the Reflexology Thyroid Zone. leaf.tv (web article).",
        "url": "https://www.leaf.tv/articles/how-to-locate-the-reflexology-thyroid-zone/",
        "note": (
            "On the sole the thyroid zone starts at the base of the big toe and runs along "
            "the pads of the first three toes."
        ),
        "read": "the whole article",
    },
    {
        "id": "massage-monday-425",
        "kind": "chart",
        "title": "Reflexology for Thyroid - Massage Monday #425 (video transcript)",
        "citation": (
            "Reflexology for Thyroid - Massage Monday #425. Video transcript (oscars2017.org)."
        ),
        "url": "https://oscars2017.org/reflexology-for-thyroid-massage-monday-425/",
        "note": (
            "States that chart versions differ: one puts thyroid and parathyroid at the base "
            "of the big toe, another around the sesamoid bone under the big toe."
        ),
        "read": "the transcript up to the foot section",
    },
    {
        "id": "putyourbestfeetforward",
        "kind": "chart",
        "title": "Where are the spinal reflexes located on the feet?",
        "citation": (
            "Put Your Best Feet Forward. Where are the spinal reflexes located on the feet?"
        ),
        "url": "https://putyourbestfeetforward.com/where-are-the-spinal-reflexes-located-on-the-feet",
        "note": (
            "Describes two paths practitioners use: along the inner edge of the foot from the "
            "heel bone to the big toe, or starting just below the inner ankle bone."
        ),
        "read": "the opening paragraphs",
    },
    {
        "id": "reroot-pineal",
        "kind": "chart",
        "title": "Pineal Gland",
        "citation": "Reroot Reflexology. Pineal Gland. Blog post.",
        "url": "https://www.rerootreflexology.com/post/pineal-gland",
        "note": (
            "Places the pineal reflex on the edge of the big toe, above its joint and level "
            "with the nail bed."
        ),
        "read": "the whole post",
    },
    {
        "id": "healthy-ojas-respiratory",
        "kind": "chart",
        "title": "Reflexology for the respiratory system",
        "citation": "Healthy Ojas. Reflexology for the respiratory system. Web article.",
        "url": "https://healthy-ojas.com/systems/reflexology-respiratory-system.html",
        "note": (
            "Nose on the top of the big toe; throat at the big toe's outer base; trachea and "
            "bronchi from the base of the big toe; lungs between shoulder line and diaphragm "
            "line in zones 2-4; sinuses on the undersides of the four small toes."
        ),
        "read": "the list of respiratory reflexes",
    },
    {
        "id": "healthcare-natural-thymus",
        "kind": "chart",
        "title": "The Reflexes of Parathyroid Thymus",
        "citation": "The Reflexes of Parathyroid Thymus. blog.healthcare-natural.com.",
        "url": "https://blog.healthcare-natural.com/553-reflexes-parathyroid-thymus",
        "note": "Puts the thymus reflexes on the soles next to the lung reflexes.",
        "read": "the whole post",
    },
    {
        "id": "healthcare-natural-female",
        "kind": "chart",
        "title": "The female reflexes",
        "citation": "The female reflexes. blog.healthcare-natural.com.",
        "url": "https://blog.healthcare-natural.com/604-female-reflexes",
        "note": (
            "Puts the uterus reflex on the inner side of the foot, in the soft area below the "
            "ankle."
        ),
        "read": "the post up to premenstrual tension",
    },
    {
        "id": "couples-massage-top",
        "kind": "chart",
        "title": "Self-reflexology foot massage: top of foot",
        "citation": (
            "Couples Massage Orange County. Self-reflexology foot massage, top of foot. Blog."
        ),
        "url": "https://www.couplesmassageorangecounty.com/self-reflexology-foot-massage-top-foot/",
        "note": (
            "On the top of the foot: the big toe in sections for upper jaw and teeth, lower "
            "jaw and teeth, neck and throat; the other toes for head, face, sinus and neck "
            "(noting some charts differ); the bases of the toes for the tops of the shoulders; "
            "below them chest, breast and the upper back."
        ),
        "read": "the post up to the chest paragraph",
    },
    {
        "id": "naturehealth",
        "kind": "chart",
        "title": "Reflexology",
        "citation": "naturehealth.com.au. Reflexology (natural therapies). Web page.",
        "url": "http://www.naturehealth.com.au/curing-the-natural-way/natural-therapies/reflexology/",
        "note": (
            "Places the solar plexus reflex in the hollow just below the pads of the ball of the "
            "foot."
        ),
        "read": "the page up to the ten-step routine",
    },
    {
        "id": "seitai-enjoint",
        "kind": "chart",
        "title": "Foot reflex for the trachea and bronchi (Japanese)",
        "citation": (
            "seitai-enjoint.com. Foot reflex for the trachea and bronchi. Web article in Japanese."
        ),
        "url": "https://www.seitai-enjoint.com/trachea-bronchi-reflexology",
        "note": (
            "Puts the trachea and bronchi reflex on the sole from the bases of the second and "
            "third toes into the middle of the lung area, running lengthwise."
        ),
        "read": "the section on the reflex's place",
    },
    {
        "id": "asimomi",
        "kind": "chart",
        "title": "Lungs and bronchi reflex (Japanese)",
        "citation": "asimomi.jp. Lungs and bronchi reflex. Reflex chart page in Japanese.",
        "url": "http://asimomi.jp/mailinfo/ref/ref14.htm",
        "note": (
            "Puts the lung and bronchi reflex just below the trapezius reflex, about a finger wide."
        ),
        "read": "the whole page",
    },
    # ------------------------------------------------------- Chinese / Japanese / Rwo-Shr charts
    {
        "id": "jakuseki",
        "kind": "chart",
        "title": "Rwo-Shr (Jakuseki) method: the whole body reflected on the feet (Japanese)",
        "citation": (
            "jakusekikizuna.main.jp (Rwo-Shr practitioners). Two pages on how the whole body "
            "is reflected on the feet, in Japanese."
        ),
        "url": "http://jakusekikizuna.main.jp/wp/jakuseki/zensokuhai/",
        "note": (
            "The Rwo-Shr method counts 64 reflex areas below the knee; heart and spleen are on "
            "the left foot only, liver and gallbladder on the right only; everything above the "
            "throat is crossed (right eye on the left foot); placements differ slightly "
            "between countries."
        ),
        "read": "both pages (jakusekikizuna.main.jp/wp/jakuseki/zensokuhai/ and /sub6.html)",
    },
    {
        "id": "murao18",
        "kind": "chart",
        "title": "Features of the foot reflex areas (Japanese)",
        "citation": "murao18.com. Features of the foot reflex areas. Web page in Japanese.",
        "url": "https://murao18.com/ashi/hanshakuzu2.html",
        "note": (
            "On a Rwo-Shr chart: liver, gallbladder, appendix and ascending colon only on the "
            "right; heart, spleen and descending colon only on the left; eyes, ears and nose "
            "crossed; organs and muscles not crossed."
        ),
        "read": "the page's summary list",
    },
    {
        "id": "koukouan",
        "kind": "chart",
        "title": "Reflex-area blog series (koukouan.jp, Japanese)",
        "citation": "koukouan.jp. Reflex-area blog series, 2024, in Japanese.",
        "url": "https://koukouan.jp/?p=594",
        "note": (
            "Counts 63 areas. Kidney (no. 1) in the arch straight down from between toes 2 and 3, "
            "about coin-sized. Heart on the left foot only, where a line down between toes 4 "
            "and 5 meets a line from below the little toe; spleen a finger below it; gonads "
            "(no. 30) in the heel's centre towards the inner side; trapezius (no. 14) a band "
            "just below the toe bases with lungs and bronchi (no. 15) below it; sacrum along "
            "the line where the heel bone dips; hip below the outer ankle bone; on the top of "
            "the foot, tonsils and throat on the big toe and the balance organ (semicircular "
            "canals) leading into the web between toes 4 and 5."
        ),
        "read": (
            "posts no. 1 (p=594), 14, 15 (p=687), 20, 21 (p=717), 30, 39, 42-B, 50 (p=860), "
            "52 (p=867) and 55; each is a short post"
        ),
    },
    {
        "id": "peekme-649289",
        "kind": "chart",
        "title": "Locating the foot reflex areas (Chinese)",
        "citation": "peekme.cc post 649289. Locating the foot reflex areas. Web post in Chinese.",
        "url": "https://peekme.cc/post/649289",
        "note": (
            "Kidneys on both soles in the central hollow about a third of the way from the toes, "
            "ureters a line from there to the bladder area. "
            "Heart on the left sole between metatarsals 4 and 5 below the lung; liver on the "
            "right sole in the same place; stomach half on each foot; brain and frontal "
            "sinuses crossed (right half on the left foot); small intestine in the hollow of "
            "the sole; ascending colon right, descending and sigmoid colon left; bladder on the "
            "inner side in front of the heel; upper-body lymph nodes in front of the outer "
            "ankle bone, lower-body ones in front of the inner ankle bone."
        ),
        "read": "the post's list of reflex areas",
    },
    {
        "id": "yst39-heart",
        "kind": "chart",
        "title": "Where is the heart reflex area? (Chinese)",
        "citation": "39yst.com question page 6184827. Where is the heart reflex area? In Chinese.",
        "url": "http://www.39yst.com:8080/ask/6184827.shtml",
        "note": "Puts the foot's heart reflex on both soles, between metatarsals 2 and 3.",
        "read": "the whole answer",
    },
    {
        "id": "chart-54852",
        "kind": "chart",
        "title": "Layout of the foot reflex areas (Chinese)",
        "citation": "54852.com question page hy/1139129 (Chinese).",
        "url": "https://54852.com/hy/1139129.html",
        "note": (
            "Toes head and face; upper sole chest with lungs, heart, thyroid and trapezius; "
            "middle sole upper abdomen; the heel holds reproductive organs (uterus, ovaries, "
            "prostate), bladder and related areas; inner edge the spine; outer edge the limbs."
        ),
        "read": "the answer's layout paragraphs",
    },
    {
        "id": "zzszq",
        "kind": "chart",
        "title": "Foot reflex areas, an overview (Chinese)",
        "citation": "zzszq.net page shenghuo/33759. Foot reflex areas. In Chinese.",
        "url": "http://www.zzszq.net/shenghuo/33759.html",
        "note": (
            "Outer side from toes to heel: shoulder, armpit, elbow, hip, knee. Top of the foot "
            "from toes to heel: jaws, tonsils, throat, trachea, chest, ribs."
        ),
        "read": "the whole short page",
    },
    {
        "id": "winterbell-900",
        "kind": "chart",
        "title": "Reflex areas, a difficult creature (shop blog, Japanese)",
        "citation": "Winterbell shop blog, entry 900 (Japanese).",
        "url": "https://winterbell.jp/hpgen/HPB/entries/900.html",
        "note": (
            "A right-eye problem is worked on the left foot's toes 2 and 3; the key eye point "
            "is the web between toes 2 and 3, the ear point the web between toes 4 and 5."
        ),
        "read": "the post up to the stomach anecdote",
    },
    {
        "id": "chart-360doc",
        "kind": "chart",
        "title": "The front half of the sole, p. 45 (Chinese textbook pages)",
        "citation": "360doc.com 19/0707/14/2454475_847243242 (Chinese textbook pages).",
        "url": "http://www.360doc.com/content/19/0707/14/2454475_847243242.shtml",
        "note": (
            "Thyroid as an L-shaped band: a crosswise part behind the big toe's pad and a "
            "lengthwise part from between toes 1 and 2 back to meet it; parathyroid on the "
            "inner side at the big toe joint's bony bump."
        ),
        "read": "the parathyroid and thyroid entries",
    },
    {
        "id": "doa-story",
        "kind": "chart",
        "title": "Pineal and thymus reflex pages (Japanese)",
        "citation": "doa-story.com reflex pages 5671 and 5674 (Japanese).",
        "url": "https://doa-story.com/reflex/rstowa/hansya/5671.html",
        "note": (
            "Pineal at the big toe's corner on the second-toe side of the sole; thymus on the "
            "bulge of the big-toe side of the foot."
        ),
        "read": "both short pages",
    },
    {
        "id": "onedemayu",
        "kind": "chart",
        "title": "Foot reflex chart explained: sole and sides (Japanese)",
        "citation": "onedemayu.com (iTubo salon), foot reflex chart posts (Japanese).",
        "url": "https://onedemayu.com/?p=15167",
        "note": (
            "The heel stands for the pelvis and the organs in it, mostly labelled gonads; on "
            "the sides, the inner heel is the uterus and the outer heel the ovaries; on the "
            "outer edge, shoulder, upper arm and elbow follow one another."
        ),
        "read": "the sole (lower half) post and the outer-side post",
    },
    {
        "id": "heel-lolipop",
        "kind": "chart",
        "title": "Reflex areas around the heel (Japanese)",
        "citation": (
            "dp02122905.lolipop.jp. Reflex areas around the heel. Practitioner page in Japanese."
        ),
        "url": "http://dp02122905.lolipop.jp/00/kosimawari.html",
        "note": (
            "Says the heel is called the gonads but that lies deep; at the surface the lower "
            "back is now the accepted reading, which the author reports Father Josef (Wu "
            "Ruoshi) stated as a correction; sciatic nerve and coccyx around the heel's edge, "
            "and a sciatic area also on the inner side of the Achilles tendon above the ankle bone."
        ),
        "read": "the whole page",
    },
    {
        "id": "anke-prehn",
        "kind": "chart",
        "title": "Fußreflexzonenmassage in Großenwiehe",
        "citation": (
            "hypnose-anke-prehn.de. Fußreflexzonenmassage in Großenwiehe. Web page (German)."
        ),
        "url": (
            "https://hypnose-anke-prehn.de/index.php/12-weitere-behandlungsmethoden/"
            "9-fussreflexzonenmassage-in-grossenwiehe"
        ),
        "note": (
            "Seen from the side the foot is a seated person with the pelvis in the heel; some "
            "organs such as the heart appear on one foot only."
        ),
        "read": "the whole page",
    },
    {
        "id": "nvcentre",
        "kind": "chart",
        "title": "Reflexology course notes",
        "citation": "NV Centre. Reflexology (course notes), nvcentre.com/nvc2003.",
        "url": "http://www.nvcentre.com/nvc2003/service_reflexology.php",
        "note": (
            "Right side of the body on the right foot, left on the left: no crossover as in the "
            "nervous system, although some people are said to show one."
        ),
        "read": "the notes on the zones diagram",
    },
    {
        "id": "balancingtouch",
        "kind": "chart",
        "title": "Why are there Different Reflexology Charts?",
        "citation": (
            "Balancing Touch Reflexology. Why are there Different Reflexology Charts? Blog, 2012."
        ),
        "url": "http://balancingtouchreflexology.blogspot.com/",
        "note": (
            "Charts range from very similar to entirely different because the schools never "
            "settled on one chart; most share many points with small and large differences."
        ),
        "read": "the post up to 'Reflective Charts'",
    },
    {
        "id": "tcmwindow-maps",
        "kind": "chart",
        "title": "Reflexology Maps & Charts",
        "citation": "Reflexology Maps & Charts. tcmwindow.com.",
        "url": "http://tcmwindow.com/reflexology/news/treated/Reflexology-Maps-&-Charts.shtml",
        "note": (
            "Credits Eunice Ingham's charts as the basis of later ones, says other charts "
            "differ but share basic locations, and names four guide lines: diaphragm, waist, "
            "pelvic and tendon lines."
        ),
        "read": "the page up to the zones paragraph",
    },
    {
        "id": "zcefdi",
        "kind": "chart",
        "title": "How many foot reflex areas are there? (Chinese)",
        "citation": "zcefdi.com article v7mbtpfz8kpbjvl (Chinese).",
        "url": "http://www.zcefdi.com/article/view/v7mbtpfz8kpbjvl.html",
        "note": (
            "No agreed standard for the number of foot reflex areas; common systems count "
            "roughly 60 to 90."
        ),
        "read": "the first paragraphs",
    },
    {
        "id": "omura1994",
        "kind": "chart",
        "title": (
            "Accurate localization of organ representation areas on the feet & hands using "
            "the bi-digital O-ring test resonance phenomenon (Part I)"
        ),
        "citation": (
            "Omura Y. Accurate localization of organ representation areas on the feet & hands "
            "using the bi-digital O-ring test resonance phenomenon: its clinical implication "
            "in diagnosis & treatment - Part I. Acupunct Electrother Res 1994;19(2-3):153-190."
        ),
        "url": "https://pubmed.ncbi.nlm.nih.gov/7863839/",
        "note": (
            "Judges the maps of existing reflexology schools with the O-ring test (itself "
            "unvalidated) and proposes another map: the third toe as head, face and neck, toes "
            "2 and 4 as the arms, toes 1 and 5 as the legs."
        ),
        "read": "the abstract",
    },
    # -------------------------------------------------------------------------------- studies
    {
        "id": "jones2013",
        "kind": "study",
        "title": (
            "A proposed reductionist solution to address the methodological challenges of "
            "inconsistent reflexology maps and poor experimental controls in reflexology "
            "research: a discussion paper"
        ),
        "citation": (
            "Jones J, Thomson P, Lauder W, Leslie S. A proposed reductionist solution to "
            "address the methodological challenges of inconsistent reflexology maps and poor "
            "experimental controls in reflexology research: a discussion paper. J Altern "
            "Complement Med 2013;19(3):232-234. doi:10.1089/acm.2012.0022."
        ),
        "url": "https://www.stir.ac.uk/research/hub/publication/755284",
        "note": (
            "Names inconsistent reflexology foot maps as one of two key methodological "
            "problems for research on reflexology."
        ),
        "read": "the abstract and the paper's introduction",
    },
    {
        "id": "baerheim1998",
        "kind": "study",
        "title": "Føttene - et diagnostisk hjelpemiddel?",
        "citation": (
            "Bærheim A, Algrøy R, Skogedal KR, Stephansen R, Sandvik H. Føttene - et "
            "diagnostisk hjelpemiddel? Tidsskr Nor Lægeforen 1998."
        ),
        "url": "https://tidsskriftet.no/1998/02/artikkel/fottene-et-diagnostisk-hjelpemiddel",
        "note": (
            "Three reflexologists examined 76 patients' soles for problems in 13 body parts; "
            "agreement with the patients was a weighted kappa of 0.04-0.22 (mean 0.11), which "
            "the authors judge too poor to matter clinically."
        ),
        "read": "the Norwegian summary",
    },
    {
        "id": "jtcm2015",
        "kind": "study",
        "title": (
            "Test of Fitzgerald's distribution of reflex zones using the spine and kidney "
            "receptors (Journal of Traditional Chinese Medicine, 2015)"
        ),
        "citation": (
            "Journal of Traditional Chinese Medicine 2015 (6 pages); title and authors not "
            "shown in the stored abstract page (daneshyari.com article 4201234)."
        ),
        "url": "https://daneshyari.com/en/article/4201234",
        "note": (
            "Measured two people against Fitzgerald's zone layout: the kidney reflex matched "
            "the thoracic spine, not the lumbar spine it is supposed to match."
        ),
        "read": "the abstract",
    },
]

#: Sources listed in ../shared/CHARTS.md that were not confirmed, with the reason.
DROPPED: dict[str, str] = {
    "m.39.net/askar/a_10998127.html (heart at the centre of the sole)": (
        "not found in the stored pages; 39yst.com (heart between metatarsals 2-3, both "
        "feet) was read instead"
    ),
    "m.tmwt.com/book/chapter/486413/5.html (crossed head reflexes)": "not found",
    "studylibde.com/doc/6903567 (German textbook sample)": (
        "not found; its claims (stomach halves, schema vs individual foot) are not used"
    ),
    "vdoc.pub reflexotherapy-of-the-feet (book attribution of the Marquardt chapter)": (
        "not read; the chapter is cited by its title and page, attribution marked unconfirmed"
    ),
    "trantor.is Crane, Reflexology: The Definitive Practitioner's Manual": (
        "only the anatomy part of chapter 5 and the plate list were seen; nothing about "
        "placements was read, so it is not cited"
    ),
    "Ingham 1938, Stories the Feet Can Tell": (
        "no text read; kept as a history source only, never cited for a placement"
    ),
    "Jones 2012 thesis (vdocuments.net)": "only the table of contents seen; not cited",
    "askvity.info (hypothalamus on the big toe's outer side)": (
        "SEO page quoting an unnamed school; not cited, netplaces-great-toe used instead"
    ),
}


def chart_records() -> list[dict[str, str]]:
    """Return the source records as they go into the chart (without the ``read`` key).

    Returns
    -------
    list of dict
        ``id, kind, title, citation`` and, when known, ``url`` and ``note``.
    """
    order = ("id", "kind", "title", "citation", "url", "note")
    return [{k: s[k] for k in order if k in s} for s in CHART_SOURCES]
