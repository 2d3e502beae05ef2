"""Chart, study and history sources for the chart's placements and documented disagreements.

Every record here is a page (or published abstract) that was found and read with the
project's search tool; ``read`` says what exactly was read and when (the records were first
read on 2026-11-30; the content audit of 2026-12-07 looked each one up again, and records it
could not find were dropped, see ``DROPPED``). ``note`` says, in the project's own words, what
the page says that the chart relies on. A source is cited only for what its note says. Where
no chart page was read for a placement the chart cites the ``conventional`` record of
``text.py``, and the claim says exactly that.

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
        "read": (
            "the whole short post (two stored versions); read 2026-11-30, not looked up "
            "again on 2026-12-07"
        ),
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
        "read": (
            "the whole short page; read 2026-11-30, found and read again 2026-12-07 (it "
            "puts heart and lungs in the ball, arm and shoulder towards the outer edge)"
        ),
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
        "read": (
            "the article text up to the upper-body section; read 2026-11-30, not looked up "
            "again on 2026-12-07"
        ),
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
        "read": (
            "the page up to the spine paragraph; read 2026-11-30, not looked up again on 2026-12-07"
        ),
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
        "read": (
            "the page up to the ears paragraph; read 2026-11-30, not looked up again on 2026-12-07"
        ),
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
        "read": (
            "the page up to the technique paragraph; read 2026-11-30, not looked up again "
            "on 2026-12-07"
        ),
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
        "read": (
            "the page up to the technique paragraph; read 2026-11-30, not looked up again "
            "on 2026-12-07"
        ),
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
        "read": ("the whole page; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": ("the whole page; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": ("the whole page; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": (
            "the page up to the gastrointestinal tract paragraph; read 2026-11-30, not "
            "looked up again on 2026-12-07"
        ),
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
        "read": ("the whole short page; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": ("section 2.1 of the chapter; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": ("the whole post; read 2026-11-30, found and read again 2026-12-07"),
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
        "read": ("the whole post; read 2026-11-30, found and read again 2026-12-07"),
    },
    {
        "id": "massage-bodywork-2018",
        "kind": "chart",
        "title": "Body & Sole: Reflexology for the Feet (Massage & Bodywork, Nov/Dec 2018)",
        "citation": (
            "Zollicoffer M. Body & Sole: Reflexology for the Feet. Massage & Bodywork "
            "(magazine), November/December 2018, pages 62-64."
        ),
        "url": "https://www.abmp.com/textonlymags/article.php?article=1941",
        "note": (
            "Pituitary on the big toe's end segment with the pineal just beyond it; liver on "
            "the right foot only and spleen on the left foot only, in zone 5 below the "
            "diaphragm; gallbladder on the right foot in zone 4; stomach in zone 1 on both "
            "feet (upper part left, lower part right) with the pancreas beneath it; the "
            "diaphragm reflex across the foot."
        ),
        "read": (
            "excerpts of pages 62, 63 and 64 (massageandbodyworkdigital.com) on 2026-11-30; "
            "on 2026-12-07 the article's opening, with its title and author, at the ABMP "
            "text-only address"
        ),
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
        "read": (
            "the post's opening paragraphs; read 2026-11-30, not looked up again on 2026-12-07"
        ),
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
        "read": (
            "the page up to the mention of Anne Lett's charts; read 2026-11-30, not looked "
            "up again on 2026-12-07"
        ),
    },
    {
        "id": "solidavis-2011",
        "kind": "chart",
        "title": "Reflexology for Women's Health",
        "citation": "Solidavis. Reflexology for Women's Health. Blog, 1 February 2011.",
        "url": "http://www.solidavis.com/2011/02/01/womenshealth-reflexology/",
        "note": "Places the ovary reflexes on the outer side of the heel, not the inner side.",
        "read": (
            "the post up to the practitioner's observations; read 2026-11-30, not looked up "
            "again on 2026-12-07"
        ),
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
        "read": ("the whole post; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": ("the whole article; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": ("the whole article; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": (
            "the transcript up to the foot section; read 2026-11-30, not looked up again on "
            "2026-12-07"
        ),
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
        "read": ("the opening paragraphs; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": ("the whole post; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": (
            "the list of respiratory reflexes; read 2026-11-30, not looked up again on 2026-12-07"
        ),
    },
    {
        "id": "healthcare-natural-thymus",
        "kind": "chart",
        "title": "The Reflexes of Parathyroid Thymus",
        "citation": "The Reflexes of Parathyroid Thymus. blog.healthcare-natural.com.",
        "url": "https://blog.healthcare-natural.com/553-reflexes-parathyroid-thymus",
        "note": "Puts the thymus reflexes on the soles next to the lung reflexes.",
        "read": ("the whole post; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": (
            "the post up to premenstrual tension; read 2026-11-30, not looked up again on "
            "2026-12-07"
        ),
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
        "read": (
            "the post up to the chest paragraph; read 2026-11-30, found and read again 2026-12-07"
        ),
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
        "read": (
            "the section on the reflex's place; read 2026-11-30, not looked up again on 2026-12-07"
        ),
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
        "read": ("the whole page; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": (
            "both pages (jakusekikizuna.main.jp/wp/jakuseki/zensokuhai/ and /sub6.html); "
            "read 2026-11-30, not looked up again on 2026-12-07"
        ),
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
        "read": ("the page's summary list; read 2026-11-30, found and read again 2026-12-07"),
    },
    {
        "id": "koukouan",
        "kind": "chart",
        "title": "Reflex-area blog series (koukouan.jp, Japanese)",
        "citation": "koukouan.jp. Reflex-area blog series, 2024, in Japanese.",
        "url": "https://koukouan.jp/?p=594",
        "note": (
            "Counts 63 areas. Kidney (no. 1) where the arch begins, straight down from between "
            "toes 2 and 3, about coin-sized. Cerebellum and brain stem (no. 8) on the inner side "
            "of the big toe below the trigeminal area. Heart (no. 20) on the left foot only, "
            "where a line down between toes 4 and 5 meets a line from below the little toe; "
            "spleen a finger below it. Anus (no. 28) on the left foot at the lowest hollow of "
            "the bladder area. Gonads (no. 30) in the heel's centre towards the inner side; "
            "trapezius (no. 14) a band just below the toe bases with lungs and bronchi (no. 15) "
            "below it. Thoracic spine (no. 37) along the inner arch from below the big toe's "
            "joint along the metatarsal to just before the navicular; sacrum (no. 39) along the "
            "line where the heel bone dips; hip (no. 42-B) along the lower edge of the outer "
            "ankle bone, with a matching inner hip area (no. 42-A). On the top of the foot: "
            "throat and windpipe (no. 52) as two spots either side of the big toe's joint; the "
            "balance organ (semicircular canals) leading into the web between toes 4 and 5; "
            "the shoulder blade (no. 55) from there straight back between toes 4 and 5 to the "
            "foot's highest point; the diaphragm (no. 56) at that highest point; the ribs (no. "
            "57) in two hollows behind it, one towards each ankle; the lower-body lymph nodes "
            "(no. 59) in the deep hollow in front of the inner ankle bone."
        ),
        "read": (
            "posts no. 1 (p=594), 14, 15 (p=687), 20, 21 (p=717), 30, 39, 42-B, 50 (p=860), "
            "52 (p=867) and 55, read 2026-11-30; on 2026-12-07 posts no. 1, 8 (p=648), 20, 28, "
            "37, 39, 42-B, 47, 52, 55, 56 (p=882), 57 and 59 were found and read again or for "
            "the first time; each is a short post"
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
            "inner side in front of the heel; the urethra from the bladder area up and back on "
            "the inner side of the heel; rectum a band at the front of the left heel bone and "
            "on the inner side of both calves; upper-body lymph nodes in front of the outer "
            "ankle bone, lower-body ones in front of the inner ankle bone."
        ),
        "read": (
            "the post's list of reflex areas; read 2026-11-30, found and read again 2026-12-07"
        ),
    },
    {
        "id": "yst39-heart",
        "kind": "chart",
        "title": "Where is the heart reflex area? (Chinese)",
        "citation": "39yst.com question page 6184827. Where is the heart reflex area? In Chinese.",
        "url": "http://www.39yst.com:8080/ask/6184827.shtml",
        "note": "Puts the foot's heart reflex on both soles, between metatarsals 2 and 3.",
        "read": ("the whole answer; read 2026-11-30, found and read again 2026-12-07"),
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
        "read": (
            "the answer's layout paragraphs; read 2026-11-30, found and read again 2026-12-07"
        ),
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
        "read": (
            "the post up to the stomach anecdote; read 2026-11-30, not looked up again on "
            "2026-12-07"
        ),
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
        "read": ("both short pages; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": (
            "the sole (lower half) post and the outer-side post; read 2026-11-30, found and "
            "read again 2026-12-07"
        ),
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
        "read": ("the whole page; read 2026-11-30, found and read again 2026-12-07"),
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
        "read": (
            "the notes on the zones diagram; read 2026-11-30, not looked up again on 2026-12-07"
        ),
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
        "read": (
            "the post up to 'Reflective Charts'; read 2026-11-30, not looked up again on 2026-12-07"
        ),
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
        "read": (
            "the page up to the zones paragraph; read 2026-11-30, not looked up again on 2026-12-07"
        ),
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
        "read": ("the first paragraphs; read 2026-11-30, not looked up again on 2026-12-07"),
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
        "read": ("the abstract; read 2026-11-30, not looked up again on 2026-12-07"),
    },
    {
        "id": "footmiyake-heart",
        "kind": "chart",
        "title": "Heart reflex area (Japanese)",
        "citation": "Foot Miyake foot salon (Osaka). The heart reflex area. Web page in Japanese.",
        "url": "https://www.osaka-ashitsubo-footmiyake.com/heart",
        "note": (
            "Puts the heart reflex on the left sole only, a little below the base of the "
            "little toe."
        ),
        "read": "the whole short page; read 2026-12-07",
    },
    {
        "id": "netplaces-solar-plexus",
        "kind": "chart",
        "title": "Solar Plexus Reflex",
        "citation": "Solar Plexus Reflex. netplaces.com, Reflexology section.",
        "url": (
            "http://www.netplaces.com/reflexology/warm-the-heart-from-the-sole/solar-plexus-reflex.htm"
        ),
        "note": (
            "The solar plexus reflex is in the centre of the sole just under the diaphragm "
            "line, in zones 2 and 3, the same on both feet."
        ),
        "read": "the page up to the technique paragraph; read 2026-12-07",
    },
    {
        "id": "balance-holistics",
        "kind": "chart",
        "title": "Solar Plexus Reflex (blog)",
        "citation": "Balance Holistics. Solar Plexus Reflex. Blog, June 2009.",
        "url": "https://balance-holistics.blogspot.com/2009/06/solar-plexus-reflex.html",
        "note": (
            "Places the solar plexus reflex on the diaphragm line between zones 2 and 3, in "
            "the hollow below the ball of the foot."
        ),
        "read": "the post's paragraph on the reflex's place; read 2026-12-07",
    },
    {
        "id": "tcmwindow-spine",
        "kind": "chart",
        "title": "5 Fuzzy Reflex Segments of Spinal Column in Reflexology",
        "citation": "5 Fuzzy Reflex Segments of Spinal Column in Reflexology. tcmwindow.com.",
        "url": (
            "http://tcmwindow.com/reflexology/news/enjoy/5-Fuzzy-Reflex-Segments-of-Spinal-Column-In-Reflexology.shtml"
        ),
        "note": (
            "Divides the spine reflex on the inner side of the foot: cervical on the big "
            "toe, thoracic down to the navicular bone, lumbar on to a point below the inner "
            "ankle bone, then sacrum and coccyx towards the heel."
        ),
        "read": "the whole page; read 2026-12-07",
    },
    {
        "id": "tsubokouza-lymph",
        "kind": "chart",
        "title": "Moving the lymph with the foot reflex areas (Japanese)",
        "citation": "tsubokouza.net. Moving the lymph (foot reflex areas). Web page in Japanese.",
        "url": "https://www.tsubokouza.net/各治療法/リンパを流す-足の反射区/",
        "note": (
            "Puts the lymph of the head and neck in round areas at the roots between the "
            "toes, and the throat lymph in the middle of the top of the big toe."
        ),
        "read": "the list of the lymph reflex areas; read 2026-12-07",
    },
    {
        "id": "lolipop-chest",
        "kind": "chart",
        "title": "Chest, chest lymph and balance reflex areas (Japanese)",
        "citation": (
            "dp02122905.lolipop.jp. Lymph and chest reflex areas. Practitioner page in Japanese."
        ),
        "url": "http://dp02122905.lolipop.jp/00/rinnpa.html",
        "note": (
            "On the top of the foot: chest lymph along the groove from between toes 1 and 2 "
            "towards the ankle; the chest (chest muscles or breast) from the bases of toes "
            "3 and 4 towards the ankle, a fairly wide area; a balance area between toes 3 "
            "and 4."
        ),
        "read": "the whole page; read 2026-12-07",
    },
    {
        "id": "chiyo-urethra",
        "kind": "chart",
        "title": "Urethra reflex area (Japanese)",
        "citation": (
            "chiyo-care.com. Foot reflexology no. 51: the urethra reflex area. Web page in "
            "Japanese."
        ),
        "url": "https://chiyo-care.com/nyoudou51",
        "note": (
            "Puts the urethra reflex on the inner side of both feet, a band from the "
            "bladder area back to behind the inner ankle bone."
        ),
        "read": "the paragraph on the reflex's place; read 2026-12-07",
    },
    {
        "id": "kyonotsubo-hip",
        "kind": "chart",
        "title": "Hip joint reflex area (Japanese)",
        "citation": "kyonotsubo.com. The hip joint reflex area. Web page in Japanese.",
        "url": "https://kyonotsubo.com/?p=2883",
        "note": (
            "Puts the hip reflex round the ankle bones: an inner hip area at the inner "
            "ankle bone and an outer one at the outer ankle bone."
        ),
        "read": "the page up to the pressing tips; read 2026-12-07",
    },
    {
        "id": "zhangyue-lateral",
        "kind": "chart",
        "title": "Reflex areas of the outer side of the foot (Chinese book chapter)",
        "citation": (
            "Foot reflexology book, chapter on the outer side of the foot (Chinese), read "
            "at m.zhangyue.com book 11812187, chapter 10."
        ),
        "url": "https://m.zhangyue.com/readbook/11812187/10.html",
        "note": (
            "On the outer side of both feet: the shoulder joint in the hollow behind the "
            "fifth toe joint, the knee in the half-round hollow at the front edge of the "
            "heel bone, and a lower-abdomen band behind the fibula from the outer ankle bone "
            "about four finger-widths up the leg, which the book pairs with the rectum and "
            "anus area on the inner side."
        ),
        "read": (
            "the chapter's entries for the shoulder, knee, lower abdomen and outer coccyx; "
            "read 2026-12-07 (twice: the lower-abdomen entry again for the rectum)"
        ),
    },
    {
        "id": "wakailog-lymph",
        "kind": "chart",
        "title": "A short talk on lymph (Japanese)",
        "citation": "wakailog.blogspot.com, March 2023. A short talk on lymph. Blog in Japanese.",
        "url": "https://wakailog.blogspot.com/2023/03/20.html",
        "note": (
            "Chest lymph between the big and second toes; the armpit lymph nodes in front "
            "of the outer ankle bone; the abdominal lymph nodes in front of the inner ankle "
            "bone, the groin lymph nodes above them."
        ),
        "read": "the whole post; read 2026-12-07",
    },
    {
        "id": "tmwt-486413",
        "kind": "chart",
        "title": "Chapter 5: the foot reflex areas (Chinese book)",
        "citation": (
            "Foot-health book, chapter 5 'The wonderful foot reflex areas' (Chinese), read "
            "at m.tmwt.com book 486413."
        ),
        "url": "https://m.tmwt.com/book/chapter/486413/5.html",
        "note": (
            "The brain on the big toes' pads with the left brain on the right foot and the "
            "right brain on the left foot; the cerebellum at the root and outer side of the "
            "big toe; the neck round the big toe's base."
        ),
        "read": "the chapter's first entries (brain to blood pressure); read 2026-12-07",
    },
    {
        "id": "yesae-rectum",
        "kind": "chart",
        "title": "Foot massage for diarrhoea (Chinese)",
        "citation": (
            "stomach.yesae.com (a Chinese stomach-health site). Foot massage as another remedy "
            "for diarrhoea, October 2016. Web page in Chinese."
        ),
        "url": "https://stomach.yesae.com/weibing/wbbk/wbzz/qtwbzz/201610/18327.html",
        "note": (
            "On the sole the rectum is a crosswise ridge past the descending colon with the "
            "anus a small bump at its end; on the inner side of both feet the anus is a point "
            "at the edge of the ankle bone and the rectum lies above it, in a hollow on the "
            "inner side of the lower third of the shin bone."
        ),
        "read": "the whole short page; read 2026-12-07",
    },
    {
        "id": "moor-isg",
        "kind": "chart",
        "title": "Ein Kreuz mit dem Kreuz (German)",
        "citation": (
            "Christiane Moor, christianemoor.ch. Ein Kreuz mit dem Kreuz. Blog post in German."
        ),
        "url": "https://christianemoor.ch/post/ein-kreuz-mit-dem-kreuz",
        "note": (
            "Puts the reflex zone of the sacro-iliac joint on the sole of the foot, between "
            "the navicular and the talus."
        ),
        "read": "the whole short post; read 2026-12-07",
    },
    {
        "id": "ashimomi-soken-isg",
        "kind": "chart",
        "title": "Pelvic correction by foot massage (Japanese)",
        "citation": (
            "ashimomi-soken.com, archive post 164. Correcting the pelvis with foot massage. "
            "Blog post in Japanese."
        ),
        "url": "https://ashimomi-soken.com/archives/164",
        "note": (
            "Says that to work the sacro-iliac joint's reflex area one works, roughly, the "
            "whole heel, because the joint is where the sacrum meets the pelvis."
        ),
        "read": "the post's section on foot massage and the pelvis; read 2026-12-07",
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
        "read": (
            "the abstract and the paper's introduction; read 2026-11-30, not looked up "
            "again on 2026-12-07"
        ),
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
        "read": ("the abstract; read 2026-11-30, not looked up again on 2026-12-07"),
    },
]

#: Sources listed in ../shared/CHARTS.md that were not confirmed, with the reason.
DROPPED: dict[str, str] = {
    "m.39.net/askar/a_10998127.html (heart at the centre of the sole)": (
        "searched for again on 2026-12-07 (by address and by content) and not found in the "
        "stored pages; 39yst.com (heart between metatarsals 2-3, both feet) stands for the "
        "central variant instead"
    ),
    "zzszq.net/shenghuo/33759.html (outer side and top of the foot)": (
        "not found on 2026-12-07; its claims (armpit, ribs, knee, jaws, throat) were dropped "
        "or are now cited to pages that were read (koukouan, couples-massage-top, zhangyue)"
    ),
    "naturehealth.com.au reflexology page (solar plexus)": (
        "not found on 2026-12-07; the netplaces solar plexus page and balance-holistics, both "
        "read, are cited instead"
    ),
    "360doc.com 2454475_847243242 (L-shaped thyroid, parathyroid)": (
        "not found on 2026-12-07; the L-shaped thyroid variant is dropped"
    ),
    "hypnose-anke-prehn.de (foot as a seated person; heart on one foot)": (
        "not found on 2026-12-07; no claim cites it now"
    ),
    "anyflip.com upload of The Reflexology Manual": (
        "an unauthorised upload of a book; the book's author and edition could not be "
        "confirmed from a legitimate page, so it is not cited"
    ),
    "Baerheim et al. 1998, Tidsskr Nor Laegeforen (feet as a diagnostic aid)": (
        "the record was cited by nothing; removed (White et al. 2000 and Ernst 2009 carry the "
        "diagnosis point)"
    ),
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
    "reflexologysuccess.com (eustachian tube)": (
        "read 2026-12-07 (twice): it puts the eustachian tube reflex only somewhere at the "
        "bases of and between the small toes, naming no toe and no foot, so no zone is drawn"
    ),
    "reflexologyramblings.com 2007/02 sinus post (eustachian tube)": (
        "read 2026-12-07: it works the eustachian tube reflex along the ridge under the bases "
        "of the toes, naming no toe and no foot; on this map that ridge is the trapezius band "
        "(koukouan no. 14, asimomi) and the toe bases are eyes and ears, so no zone is drawn"
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
