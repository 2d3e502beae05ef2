"""Anatomy sources for the body chart (``data/body.geojson``) and each region's anatomy claim.

Every record was found and read with the project's search tool on 2026-12-07; ``note`` says, in
the project's own words, what the page says that the chart relies on, and ``read`` what exactly
was read (for most pages the passage the search tool returned, not the whole page). A source is
cited only for what its note says. ``kind`` is ``"anatomy"`` (a textbook, atlas, course page or
ontology entry stating where a structure is) or ``"artwork"`` (the figure the outlines come from).

Exports: ``ANATOMY_SOURCES`` (records), ``CLAIMS`` (body_area -> (claim text, source ids)) and
:func:`anatomy_records` (the records as they go into the chart, without ``read``).
"""

from __future__ import annotations

__all__ = ["ANATOMY_SOURCES", "CLAIMS", "anatomy_records"]

_R = "read 2026-12-07: "

ANATOMY_SOURCES: list[dict[str, str]] = [
    {
        "id": "anatomogram",
        "kind": "artwork",
        "title": "Expression Atlas anatomogram: homo_sapiens.female.svg",
        "citation": (
            "EMBL-EBI Gene Expression Team. Anatomogram figures (CC BY 4.0), as shipped in the "
            "pyanatomogram 0.1.1 wheel; Papatheodorou I. et al., Expression Atlas update: from "
            "tissues to single cells. Nucleic Acids Research 48(D1):D77-D83, 2020."
        ),
        "url": "https://github.com/ebi-gene-expression-group/anatomogram",
        "note": (
            "The body outline and the organ shapes, each tagged with its UBERON id; the licence text in "
            "the wheel asks reusers to cite the 2020 Expression Atlas paper."
        ),
        "read": _R + "the SVG file and the wheel's LICENSE text",
    },
    {
        "id": "uberon",
        "kind": "anatomy",
        "title": "Uberon multi-species anatomy ontology",
        "citation": "Uberon anatomy ontology, obophenotype/uberon repository (musculoskeletal.obo, subsets/efo-slim.obo), snapshot of 2026-04-01.",
        "url": "https://github.com/obophenotype/uberon",
        "note": (
            "Names and ids of the structures; its definitions: the lower back lies behind the abdomen "
            "in front of the lumbar spine; the upper back is the back part of the thorax; the knee "
            "joins thigh and leg (femur with tibia and patella); the elbow joins upper arm and forearm; "
            "the shoulder is where the humerus meets the scapula, with clavicle, scapula and humerus; "
            "the arm runs from the shoulder to the hand; the face is the front of the head; the neck "
            "goes with the cervical spine; the axilla is the area under the joint of arm and shoulder; "
            "the tonsils sit either side of the oropharynx; the jaw holds the teeth (mandible and "
            "maxilla); the rib cage of 24 ribs and the sternum surrounds the chest; the bronchi "
            "connect the airway to the lungs; the ileocecal valve joins small and large intestine; the "
            "esophagus joins pharynx to stomach."
        ),
        "read": _R + "the term stanzas (name, def) of the ids used, in the repository's .obo files",
    },
    {
        "id": "radiologyweb-kidney",
        "kind": "anatomy",
        "title": "Anatomy of the abdomen: kidneys",
        "citation": "RadiologyWeb. Anatomy Data, Abdomen, page 57 (kidneys).",
        "url": "https://www.radiologyweb.org/Anatomy_Data/Anatomy-Abdomen/57_Anatomy-Abdomen.htm",
        "note": (
            "The kidneys are paired organs behind the peritoneum on the back wall of the abdomen at "
            "T12 to L3, either side of the spine, mostly under the lower ribs; the right one usually "
            "sits slightly lower because of the liver."
        ),
        "read": _R + "the numbered list on the kidneys",
    },
    {
        "id": "downstate-lab40",
        "kind": "anatomy",
        "title": "Laboratory 40. Posterior Abdominal Wall",
        "citation": "SUNY Downstate, Human Anatomy Online course, Laboratory 40: Posterior Abdominal Wall.",
        "url": "https://act.downstate.edu/courseware/haonline/labs/l40/050100.htm",
        "note": (
            "Upper pole of the kidney near T12, lower pole near L3, the right kidney about half a "
            "vertebra lower; the ureters are 25-35 cm tubes starting at the renal pelvis on the "
            "kidney's inner border."
        ),
        "read": _R + "the paragraph on the kidneys and ureters",
    },
    {
        "id": "openstax-accessory",
        "kind": "anatomy",
        "title": "Accessory Organs in Digestion: The Liver, Pancreas, and Gallbladder",
        "citation": "OpenStax, Anatomy and Physiology, section 23.6 (mirror on quizover.com).",
        "url": "https://www.quizover.com/anatomy/course/23-6-accessory-organs-in-digestion-the-liver-pancreas-and-gallbladder",
        "note": "The liver lies under the diaphragm in the right upper quadrant of the abdomen, sheltered by the ribs.",
        "read": _R + "the introduction and 'The liver' opening paragraphs",
    },
    {
        "id": "openstax-large-intestine",
        "kind": "anatomy",
        "title": "The Small and Large Intestines",
        "citation": "OpenStax, Anatomy and Physiology, section 23.5 (mirror on jobilize.com).",
        "url": "https://www.jobilize.com//anatomy/terms/anal-canal-the-small-and-large-intestines-by-openstax",
        "note": (
            "The ascending colon climbs the right side of the abdomen to the liver, turns into the "
            "transverse colon, crosses to the left under the spleen, the descending colon runs down "
            "the left back wall and becomes the S-shaped sigmoid colon in the pelvis, reaching the "
            "midline; ascending and descending colon and rectum lie behind the peritoneum."
        ),
        "read": _R + "the paragraph on the cecum and colon",
    },
    {
        "id": "anatomyapp-colon",
        "kind": "anatomy",
        "title": "Ascending, descending, transverse and sigmoid colon",
        "citation": "anatomy.app. Intestines: ascending, descending, transverse and sigmoid colon.",
        "url": "https://anatomy.app/article/intestines/ascending-descending-transverse-and-sigmoid-colon",
        "note": "The ascending colon lies on the right of the abdomen, starting above the ileocecal junction in the right iliac fossa as the continuation of the cecum.",
        "read": _R + "the 'Ascending colon' paragraph",
    },
    {
        "id": "anatomyapp-spleen",
        "kind": "anatomy",
        "title": "Location and anatomical relations of spleen",
        "citation": "anatomy.app. Spleen: location and relations.",
        "url": "https://anatomy.app/article/spleen/location-relations",
        "note": (
            "The spleen lies in the left upper quadrant, behind and to the side of the stomach, between "
            "its fundus and the left half of the diaphragm at ribs 9-11; the left kidney and adrenal "
            "are inside and behind it, the tail of the pancreas reaches it."
        ),
        "read": _R + "the location section",
    },
    {
        "id": "brainkart-heart",
        "kind": "anatomy",
        "title": "Size, Form, and Location of the Heart",
        "citation": "brainkart.com, Human Anatomy and Physiology: Size, Form, and Location of the Heart.",
        "url": "https://www.brainkart.com/article/Size,-Form,-and-Location-of-the-Heart_21875/",
        "note": (
            "The heart sits in the mediastinum between the two lungs' pleural cavities, tilted so that "
            "about two-thirds of it lies left of the midline; its apex is under the left fifth "
            "intercostal space, its base behind the sternum up to the second intercostal space."
        ),
        "read": _R + "the location section",
    },
    {
        "id": "earthslab-celiac",
        "kind": "anatomy",
        "title": "Celiac Plexus/Solar Plexus",
        "citation": "Earth's Lab, Anatomy: Celiac plexus / solar plexus.",
        "url": "https://www.earthslab.com/anatomy/celiac-plexussolar-plexus/",
        "note": (
            "The celiac (solar) plexus is a network of nerve fibres and ganglia on the front of the "
            "abdominal aorta at the first lumbar vertebra, just below the diaphragm's aortic opening, "
            "around the roots of the celiac and superior mesenteric arteries, with the adrenal glands "
            "to either side."
        ),
        "read": _R + "the description and bullet list",
    },
    {
        "id": "mw-celiac",
        "kind": "anatomy",
        "title": "celiac plexus (medical definition)",
        "citation": "Merriam-Webster medical dictionary, 'celiac plexus' (as reproduced on dictionarywebster.com).",
        "url": "https://dictionarywebster.com/medical/celiac-plexus",
        "note": "A nerve plexus behind the stomach and in front of the aorta, around the celiac artery, sending fibres to all the abdominal organs; also called the solar plexus.",
        "read": _R + "the whole definition",
    },
    {
        "id": "kenhub-sciatic",
        "kind": "anatomy",
        "title": "Sciatic nerve (Nervus ischiadicus)",
        "citation": "Kenhub atlas: Sciatic nerve.",
        "url": "https://www.kenhub.com/en/atlas/nervus-ischiadicus",
        "note": (
            "The sciatic nerve comes from the L4-S3 roots, leaves the pelvis through the greater "
            "sciatic foramen below the piriformis, runs down the back of the thigh and divides above "
            "the knee into the tibial and common fibular nerves."
        ),
        "read": _R + "the atlas summary paragraph",
    },
    {
        "id": "macmillan-stomach",
        "kind": "anatomy",
        "title": "Position of stomach labelled (image description)",
        "citation": "Macmillan Cancer Support. Position of stomach labelled - image description.",
        "url": "https://www.macmillan.org.uk/information-and-support/images-long-descriptions/position-stomach-labelled.html",
        "note": (
            "The stomach is in the upper left of the abdomen, joined above to the oesophagus and below "
            "to the duodenum; small and large bowel and rectum are in the lower abdomen; the liver is "
            "upper right, the pancreas tucked under the stomach, the spleen to its left."
        ),
        "read": _R + "the whole description",
    },
    {
        "id": "macmillan-pancreas",
        "kind": "anatomy",
        "title": "Position of the pancreas (image description)",
        "citation": "Macmillan Cancer Support. Position of the pancreas - image description.",
        "url": "https://www.macmillan.org.uk/information-and-support/images-long-descriptions/position-of-the-pancreas-b.html",
        "note": "The pancreas lies just behind the stomach, near where it joins the small bowel; the gall bladder is below the liver in the upper right.",
        "read": _R + "the whole description",
    },
    {
        "id": "anatomyapp-stomach",
        "kind": "anatomy",
        "title": "Stomach and esophagus",
        "citation": "anatomy.app. Stomach and esophagus (dissection guide).",
        "url": "https://anatomy.app/article/12",
        "note": "The esophagus passes through the diaphragm at about T10 and enters the stomach left of the midline at T11; the stomach usually lies in the left upper quadrant.",
        "read": _R + "the opening list",
    },
    {
        "id": "revisiondojo-endocrine",
        "kind": "anatomy",
        "title": "Label the location of the major endocrine organs",
        "citation": "RevisionDojo, IB SEHS 8.1.1 notes: major endocrine organs and their locations.",
        "url": "https://www.revisiondojo.com/ib/ib-sehs/8-1-1-label-the-location-of-the-major-endocrine-organs-in-the-human-body/notes",
        "note": (
            "Hypothalamus at the base of the brain just above the pituitary; pituitary in a bony hollow "
            "at the base of the skull; thyroid at the front of the neck around the windpipe; four "
            "parathyroids behind the thyroid; an adrenal gland on top of each kidney; ovaries in the "
            "pelvis either side of the uterus; testes outside the body cavity in the scrotum; thymus "
            "behind the breastbone."
        ),
        "read": _R + "the whole list",
    },
    {
        "id": "macmillan-parathyroid",
        "kind": "anatomy",
        "title": "Parathyroid glands (image description)",
        "citation": "Macmillan Cancer Support. Parathyroid glands - image description.",
        "url": "http://www.macmillan.org.uk/information-and-support/images-long-descriptions/parathyroid-glands.html",
        "note": "Four parathyroid glands on the surface of the thyroid, which sits low in the middle of the neck in front of the larynx and trachea; lymph nodes lie either side and under the chin.",
        "read": _R + "the whole description",
    },
    {
        "id": "neuromatiq-pituitary",
        "kind": "anatomy",
        "title": "Pituitary gland - Epiphysis",
        "citation": "Neuromatiq, Anatomy chapter: Pituitary gland - Epiphysis.",
        "url": "http://gd.neuromatiq.net/en/chapters/anatomy/pituitary-gland-epiphysis",
        "note": "The pituitary sits in a bony cavity (the sella turcica) hanging by a stalk from the hypothalamus above; the pineal gland lies behind the third ventricle.",
        "read": _R + "the page up to the pineal paragraph",
    },
    {
        "id": "innerbody-lymph",
        "kind": "anatomy",
        "title": "Lymph nodes",
        "citation": "Innerbody. Lymphatic system: lymph nodes.",
        "url": "http://www.innerbody.com/image_chest1/lymp05.html",
        "note": (
            "Lymph nodes sit in groups along the larger lymph vessels; the main clusters are in the neck "
            "(along the jaw, round the ears, deep along the vessels), under the arms, in the groin, in "
            "the pelvis, along the abdominal aorta and intestinal arteries, and in the chest along the "
            "windpipe and bronchi."
        ),
        "read": _R + "the passage on the six cluster areas",
    },
    {
        "id": "macmillan-lymphatic",
        "kind": "anatomy",
        "title": "Extended lymphatic system (image description)",
        "citation": "Macmillan Cancer Support. Extended lymphatic system - image description.",
        "url": "https://www.macmillan.org.uk/information-and-support/images-long-descriptions/extended-lymphatic-system.html",
        "note": "Lymph nodes in the neck, armpits, elbows, groin and behind the knees; the thymus at the top of the chest, the spleen on the left of the abdomen; the diaphragm is the muscle between chest and abdomen.",
        "read": _R + "the whole description",
    },
    {
        "id": "statpearls-sinuses",
        "kind": "anatomy",
        "title": "Anatomy, Head and Neck, Nose Paranasal Sinuses",
        "citation": "StatPearls. Anatomy, Head and Neck, Nose Paranasal Sinuses.",
        "url": "https://www.statpearls.com/as/nervous/26627/",
        "note": (
            "The nasal cavity is a midline airway divided by the septum; four paired sinuses: maxillary "
            "(largest) under the eyes, frontal above the eyes, ethmoid between nose and eyes, sphenoid "
            "in the sphenoid bone behind."
        ),
        "read": _R + "the introduction and 'Structure and Function'",
    },
    {
        "id": "genesee-vertebrae",
        "kind": "anatomy",
        "title": "Skeletal anatomy lab: vertebrae",
        "citation": "Genesee Community College, BIO102 Human Biology, Lab 05: Skeletal Anatomy.",
        "url": "https://faculty.genesee.edu/gwglaser/BIO102%20-%20Human%20Biology%20Online/Lab/Lab05%20-%20Skeletal%20Anatomy%20Lab/skeletal2.htm",
        "note": (
            "Seven cervical vertebrae under the skull, twelve thoracic vertebrae each carrying a pair of "
            "ribs, five large lumbar vertebrae, the sacrum (five fused) between the hip bones, and the "
            "coccyx at the bottom."
        ),
        "read": _R + "the list of the five regions",
    },
    {
        "id": "britannica-trapezius",
        "kind": "anatomy",
        "title": "Trapezius muscle",
        "citation": "Encyclopaedia Britannica. Trapezius muscle.",
        "url": "https://www.britannica.com/print/article/603398",
        "note": (
            "A large surface muscle of the back of the neck and upper thorax, from the base of the skull, "
            "the neck ligament and the seventh cervical and all thoracic vertebrae to the collarbone and "
            "the spine of the shoulder blade."
        ),
        "read": _R + "the whole short article",
    },
    {
        "id": "vestib-inner-ear",
        "kind": "anatomy",
        "title": "Inner Ear & Vestibule",
        "citation": "vestib.org. Inner ear and vestibule.",
        "url": "https://www.vestib.org/en/l-oreille-interne-vestibule.html",
        "note": "The inner ear lies inside the petrous part of the temporal bone: the cochlea (hearing) in front, the balance organ (vestibule and semicircular canals) behind.",
        "read": _R + "the 'Bony labyrinth' paragraph",
    },
    {
        "id": "openstax-repro",
        "kind": "anatomy",
        "title": "Anatomy of the Reproductive System",
        "citation": "ChromoScience, Anatomy of the reproductive system (figure descriptions from OpenStax Microbiology).",
        "url": "https://chromoscience.com/anatomy-of-the-reproductive-system/",
        "note": (
            "The bladder sits just behind the pubic bone; the uterus above and behind it, a fallopian "
            "tube running from it to each ovary; in the male the prostate lies just below the bladder "
            "and the vas deferens runs from the epididymis on the testis to the urethra."
        ),
        "read": _R + "the two figure descriptions and the following paragraph",
    },
    {
        "id": "vhdissector-pelvis",
        "kind": "anatomy",
        "title": "Virtual Edge, exercise 4: male pelvis",
        "citation": "VH Dissector (Touch of Life Technologies), Virtual Edge exercise 4 overview.",
        "url": "https://www.vhdissector.com/lessons/virtual-edge/exercise_4/overview/3.html",
        "note": (
            "In the pelvis the bladder lies behind the pubic symphysis with the rectum behind it; the "
            "testes descend through the inguinal canal into the scrotum, and the ductus (vas) deferens "
            "returns through the groin in the spermatic cord."
        ),
        "read": _R + "the overview page text",
    },
    {
        "id": "tf-breast",
        "kind": "anatomy",
        "title": "The breast (book chapter excerpt)",
        "citation": "Taylor & Francis book chapter on the breast (doi 10.3109/9780203215296-6), opening excerpt.",
        "url": "https://www.taylorfrancis.com/books/9781135418489/chapters/10.3109/9780203215296-6",
        "note": "The breasts lie on the front of the chest from the second to the sixth rib, from the edge of the sternum to the midaxillary line, with a tail reaching into the armpit.",
        "read": _R + "the chapter's opening excerpt",
    },
    {
        "id": "startradiology-hip",
        "kind": "anatomy",
        "title": "Hip (emergency medicine internship)",
        "citation": "Startradiology. Emergency medicine: hip.",
        "url": "https://www.startradiology.com/internships/emergency-medicine/hip/index.html",
        "note": "The hip is a ball-and-socket joint: the femoral head sits in the acetabulum, formed by ilium, ischium and pubis.",
        "read": _R + "the anatomy paragraph",
    },
    {
        "id": "uokerbala-heart",
        "kind": "anatomy",
        "title": "The human heart (course page)",
        "citation": "University of Kerbala, College of Dentistry, course page on the heart.",
        "url": "https://dentistry.uokerbala.edu.iq/wp/en/?p=6501",
        "note": "The heart lies between the two lungs; the left lung is the smaller, with a notch for the heart.",
        "read": _R + "the paragraphs on the heart's position",
    },
    {
        "id": "eptumed-scapula",
        "kind": "anatomy",
        "title": "Scapula (3D model description)",
        "citation": "EPTU Med Skill Lab, 3D anatomy models: Scapula (model description page).",
        "url": "https://eptumed.com/skillLab3/modelShowOrgan.php?catalog=MTgmNjYx",
        "note": (
            "The shoulder blade is a flat, triangular bone on the back and side of the chest wall, lying "
            "over the second to seventh ribs; its spine runs out to the acromion at the point of the "
            "shoulder, and its glenoid cavity takes the head of the humerus at the shoulder joint."
        ),
        "read": _R + "the opening paragraphs of the description (as the search tool returned them)",
    },
    {
        "id": "eptumed-cerebellum",
        "kind": "anatomy",
        "title": "Brain: cerebellum (3D model description)",
        "citation": "EPTU Med Skill Lab, 3D anatomy models: Brain, 3 Cerebellum (model description page).",
        "url": "https://eptumed.com/skillLab3/modelShowOrgan.php?catalog=MTcmNTM5JjY0",
        "note": (
            "The cerebellum lies behind the pons and medulla and below the back part of the cerebrum, "
            "under the tentorium in the posterior cranial fossa; it has two hemispheres joined in the "
            "middle by the vermis."
        ),
        "read": _R + "the whole short description",
    },
    {
        "id": "tarek-cerebellum",
        "kind": "anatomy",
        "title": "Cerebellum (wiki page)",
        "citation": "tarek.org wiki, 'Cerebellum'.",
        "url": "https://tarek.org/wiki/index.php?title=Cerebellum",
        "note": (
            "The cerebellum lies behind the midbrain and pons, joined to midbrain, pons and medulla by "
            "three pairs of peduncles, and is not itself part of the brain stem; the lower end of the "
            "medulla passes through the foramen magnum and becomes the spinal cord."
        ),
        "read": _R + "the two paragraphs the search tool returned",
    },
    {
        "id": "aviva-urethra",
        "kind": "anatomy",
        "title": "Structure: sexual differences (lower urinary tract)",
        "citation": "Aviva, Home of Health medical encyclopedia: Structure: Sexual Differences.",
        "url": "https://www.aviva.co.uk/health-insurance/home-of-health/medical-centre/medical-encyclopedia/entry/structure-sexual-differences/",
        "note": (
            "In females the urethra, about 4 cm long, takes urine from the bladder (which sits under the "
            "uterus) to an opening in front of the vagina; in males it is about 20 cm long and runs "
            "from the bladder through the prostate to the tip of the penis."
        ),
        "read": _R + "the whole entry",
    },
    {
        "id": "gse-urethra",
        "kind": "anatomy",
        "title": "Urethra (encyclopedia entry)",
        "citation": "The Great Soviet Encyclopedia, 3rd edition, 'Urethra' (as given by encyclopedia2.thefreedictionary.com).",
        "url": "https://encyclopedia2.thefreedictionary.com/_/dict.aspx?h=1&word=Male+urethra",
        "note": (
            "The male urethra leaves the bladder, goes down through the prostate, passes under the pubic "
            "arch and through the penis to its tip, about 20 cm in all; the female urethra is about 5 "
            "cm long and runs almost straight to its opening in the vestibule."
        ),
        "read": _R + "the entry's first two paragraphs",
    },
    {
        "id": "anatomyapp-sacroiliac",
        "kind": "anatomy",
        "title": "Sacroiliac joint (encyclopedia entry)",
        "citation": "Anatomy.app encyclopedia, 'Sacroiliac joint'.",
        "url": "https://anatomy.app/encyclopedia/sacroiliac-joint",
        "note": (
            "The sacro-iliac joint is a paired joint of the pelvis joining the sacrum to the wing of "
            "the ilium, where pelvis and spine meet; it moves only slightly and carries weight."
        ),
        "read": _R + "the entry up to its ligaments",
    },
    {
        "id": "anatomyexpert-sacroiliac",
        "kind": "anatomy",
        "title": "Sacro-iliac joint (structure page)",
        "citation": "AnatomyExpert, structure 15570: 'Sacro-iliac joint'.",
        "url": "http://www.anatomyexpert.com/app/structure/15570/525/",
        "note": (
            "The sacro-iliac joints, one on each side, are the back connection of the pelvic girdle, "
            "between the ear-shaped surfaces of the sacrum and the ilium, held almost still by strong "
            "ligaments."
        ),
        "read": _R + "the whole description",
    },
    {
        "id": "vleeming-sij",
        "kind": "anatomy",
        "title": (
            "The sacroiliac joint: an overview of its anatomy, function and potential clinical "
            "implications (abstract)"
        ),
        "citation": (
            "Vleeming A, Schuenke MD, Masi AT, Carreiro JE, Danneels L, Willard FH. J Anat "
            "2012;221(6):537-567 (abstract as quoted by anatomia-fisioterapia.es)."
        ),
        "url": (
            "https://anatomia-fisioterapia.es/pelvis/articles/systems/musculoskeletal/spine/pelvis/"
            "the-sacroiliac-joint-an-overview-of-its-anatomy-function-and-potential-clinical-"
            "implications"
        ),
        "note": (
            "Each sacro-iliac joint runs along the sacrum over its first three segments (S1 to S3), "
            "with a C- or L-shaped joint surface."
        ),
        "read": _R + "the abstract's first paragraph",
    },
]

_S = {s["id"] for s in ANATOMY_SOURCES}

#: body_area -> (anatomy claim in plain words, source ids)
CLAIMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "adrenal glands": (
        "An adrenal gland sits on top of each kidney, high on the back wall of the abdomen.",
        ("revisiondojo-endocrine", "anatomyapp-spleen"),
    ),
    "appendix and ileocecal valve": (
        "The appendix hangs from the cecum in the lower right of the abdomen (the right iliac fossa), where the small intestine joins the large intestine at the ileocecal valve.",
        ("anatomyapp-colon", "uberon"),
    ),
    "arm": ("The arm runs from the shoulder to the hand.", ("uberon",)),
    "ascending colon": (
        "The ascending colon climbs the right side of the abdomen from the cecum to under the liver.",
        ("openstax-large-intestine", "anatomyapp-colon"),
    ),
    "cerebellum and brain stem": (
        "The cerebellum sits low at the back of the skull, under the back of the cerebrum, its two halves joined in the middle; in front of it the brain stem (midbrain, pons and medulla) runs down the midline to the base of the skull, where it becomes the spinal cord.",
        ("eptumed-cerebellum", "tarek-cerebellum"),
    ),
    "bladder": (
        "The bladder sits low in the pelvis, on the midline just behind the pubic bone.",
        ("openstax-repro", "vhdissector-pelvis"),
    ),
    "breast": (
        "The breasts lie on the front of the chest, over the second to sixth ribs, reaching out towards the armpit.",
        ("tf-breast",),
    ),
    "bronchi": (
        "The bronchi branch from the windpipe in the middle of the chest and lead into the two lungs.",
        ("uberon", "innerbody-lymph"),
    ),
    "descending colon": (
        "The descending colon runs down the left side of the abdomen, against its back wall.",
        ("openstax-large-intestine",),
    ),
    "diaphragm": (
        "The diaphragm is the dome-shaped muscle between the chest and the abdomen, under the lungs and heart.",
        ("macmillan-lymphatic", "uberon"),
    ),
    "duodenum": (
        "The duodenum is the first part of the small intestine, a C-shaped loop leaving the stomach just right of the midline, around the head of the pancreas.",
        ("macmillan-stomach", "uberon"),
    ),
    "ears": ("The ears are on the sides of the head, level with the eyes and nose.", ("uberon",)),
    "elbow": (
        "The elbow joint joins the upper arm to the forearm, midway down each arm.",
        ("uberon",),
    ),
    "esophagus": (
        "The esophagus runs down the middle of the neck and chest, behind the windpipe and heart, through the diaphragm at about T10 into the stomach.",
        ("anatomyapp-stomach", "uberon"),
    ),
    "eyes": (
        "The eyes sit in the eye sockets at the front of the skull, either side of the nose.",
        ("statpearls-sinuses",),
    ),
    "face": ("The face is the front of the head, from the forehead to the chin.", ("uberon",)),
    "fallopian tube or vas deferens": (
        "The fallopian tubes run from the top of the uterus out to the ovaries in the pelvis. In a male body the vas deferens runs from each testis in the scrotum up through the groin into the pelvis.",
        ("openstax-repro", "vhdissector-pelvis"),
    ),
    "gallbladder": (
        "The gallbladder lies under the liver in the upper right of the abdomen.",
        ("macmillan-pancreas", "openstax-accessory"),
    ),
    "groin lymph nodes": (
        "The groin (inguinal) lymph nodes lie in the fold between the abdomen and each thigh.",
        ("innerbody-lymph", "macmillan-lymphatic"),
    ),
    "head and brain": (
        "The brain fills the skull, above the eyes and ears.",
        ("neuromatiq-pituitary", "uberon"),
    ),
    "heart": (
        "The heart sits in the middle of the chest between the lungs, tilted so that about two-thirds of it is left of the midline.",
        ("brainkart-heart", "uokerbala-heart"),
    ),
    "hip": (
        "The hip joint is where the head of the femur sits in the socket of the pelvis, deep in the groin on each side.",
        ("startradiology-hip",),
    ),
    "hypothalamus": (
        "The hypothalamus is at the base of the brain, just above the pituitary gland, deep in the middle of the head.",
        ("revisiondojo-endocrine", "neuromatiq-pituitary"),
    ),
    "inner ear and balance": (
        "The inner ear, with the balance organ, is buried in the temporal bone on each side of the skull, inside from the ear.",
        ("vestib-inner-ear",),
    ),
    "kidneys": (
        "The kidneys lie against the back wall of the abdomen, either side of the spine at about T12 to L3, partly under the lowest ribs; the right one sits a little lower because of the liver.",
        ("radiologyweb-kidney", "downstate-lab40"),
    ),
    "knee": (
        "The knee joint joins the thigh to the lower leg: the femur meets the tibia and the kneecap.",
        ("uberon",),
    ),
    "liver": (
        "The liver lies mostly on the right, under the diaphragm in the upper right of the abdomen, sheltered by the lower ribs.",
        ("openstax-accessory", "macmillan-stomach"),
    ),
    "lower back": (
        "The lower back is the back of the abdomen, around the five lumbar vertebrae between the ribs and the pelvis.",
        ("uberon", "genesee-vertebrae"),
    ),
    "lungs and chest": (
        "The two lungs fill most of the chest on either side of the heart; the left one is smaller to make room for the heart.",
        ("uokerbala-heart", "brainkart-heart"),
    ),
    "lymphatic system": (
        "The lymphatic system is a body-wide network of vessels and node groups: in the neck, armpits, elbows, chest, along the aorta, in the pelvis and groin and behind the knees.",
        ("innerbody-lymph", "macmillan-lymphatic"),
    ),
    "neck": (
        "The neck joins the head to the trunk, around the seven cervical vertebrae.",
        ("uberon", "genesee-vertebrae"),
    ),
    "nose": (
        "The nose is in the middle of the face; behind it the nasal cavity, split by the septum, runs back into the head.",
        ("statpearls-sinuses",),
    ),
    "ovary or testis": (
        "The ovaries lie in the pelvis, one on each side of the uterus. In a male body the testes lie outside the body cavity, in the scrotum.",
        ("revisiondojo-endocrine", "openstax-repro"),
    ),
    "pancreas": (
        "The pancreas lies across the back of the upper abdomen, behind the stomach, its head in the loop of the duodenum and its tail near the spleen.",
        ("macmillan-pancreas", "macmillan-stomach", "anatomyapp-spleen"),
    ),
    "parathyroid glands": (
        "Four small parathyroid glands sit on the back of the thyroid, low in the front of the neck.",
        ("macmillan-parathyroid", "revisiondojo-endocrine"),
    ),
    "pelvis and lower back": (
        "The pelvis is the ring of hip bones and sacrum at the bottom of the trunk; above it the lower back surrounds the lumbar spine.",
        ("genesee-vertebrae", "uberon"),
    ),
    "pineal gland": (
        "The pineal gland is a small gland deep in the middle of the brain, behind the third ventricle.",
        ("neuromatiq-pituitary",),
    ),
    "pituitary gland": (
        "The pituitary hangs from the hypothalamus in a bony hollow at the base of the skull, behind the eyes.",
        ("neuromatiq-pituitary", "revisiondojo-endocrine"),
    ),
    "rectum": (
        "The rectum is the last part of the large intestine, low in the pelvis on the midline, behind the bladder.",
        ("vhdissector-pelvis", "openstax-large-intestine"),
    ),
    "ribs": (
        "Twelve pairs of ribs curve round the chest from the twelve thoracic vertebrae at the back.",
        ("genesee-vertebrae", "uberon"),
    ),
    "sacro-iliac joint": (
        "The two sacro-iliac joints are at the back of the pelvis, one on each side of the sacrum where it meets the ilium, along the sacrum's upper three segments just below the lumbar spine.",
        ("anatomyapp-sacroiliac", "anatomyexpert-sacroiliac", "vleeming-sij"),
    ),
    "sciatic nerve": (
        "Each sciatic nerve starts from the L4-S3 nerve roots in the lower back and pelvis, runs through the buttock and down the back of the thigh, and divides just above the knee.",
        ("kenhub-sciatic",),
    ),
    "shoulder": (
        "The shoulder joint is where the upper arm bone meets the shoulder blade, at the outer top corner of the chest.",
        ("uberon",),
    ),
    "shoulder blade": (
        "Each shoulder blade is a flat triangle of bone on the upper back, over the second to seventh ribs, reaching out to the shoulder joint.",
        ("eptumed-scapula",),
    ),
    "sigmoid colon": (
        "The sigmoid colon is the S-shaped loop at the end of the descending colon, low on the left and curving in to the midline of the pelvis.",
        ("openstax-large-intestine",),
    ),
    "sinuses": (
        "The sinuses are air spaces in the skull bones around the nose: above the eyes, under the eyes in the cheeks, between the eyes and deeper behind.",
        ("statpearls-sinuses",),
    ),
    "small intestine": (
        "The small intestine coils through the middle and lower abdomen, framed by the large intestine.",
        ("macmillan-stomach", "uberon"),
    ),
    "solar plexus": (
        "The solar (celiac) plexus is a network of nerves on the front of the aorta at about the first lumbar vertebra, behind the stomach.",
        ("earthslab-celiac", "mw-celiac"),
    ),
    "spine": (
        "The spine runs down the middle of the back: seven cervical, twelve thoracic and five lumbar vertebrae, then the sacrum and the coccyx.",
        ("genesee-vertebrae",),
    ),
    "spleen": (
        "The spleen lies in the upper left of the abdomen, behind the stomach, under the diaphragm at about ribs 9 to 11.",
        ("anatomyapp-spleen",),
    ),
    "stomach": (
        "The stomach lies in the upper left of the abdomen, under the diaphragm, between the esophagus and the duodenum.",
        ("macmillan-stomach", "anatomyapp-stomach"),
    ),
    "teeth and jaw": (
        "The jaws (the mandible below, the maxilla above) hold the teeth, in the lower part of the face.",
        ("uberon",),
    ),
    "throat and tonsils": (
        "The throat runs down from the back of the nose and mouth into the neck; the tonsils sit on either side of it, behind the mouth.",
        ("uberon", "macmillan-parathyroid"),
    ),
    "thymus": (
        "The thymus lies behind the breastbone at the top of the chest.",
        ("revisiondojo-endocrine", "macmillan-lymphatic"),
    ),
    "thyroid": (
        "The thyroid sits low in the front of the neck, wrapped around the windpipe.",
        ("revisiondojo-endocrine", "macmillan-parathyroid"),
    ),
    "transverse colon": (
        "The transverse colon crosses the upper abdomen from under the liver on the right to under the spleen on the left.",
        ("openstax-large-intestine",),
    ),
    "trapezius": (
        "The trapezius is a large flat muscle of the back of the neck and upper back, from the skull and the spine down to T12, out to the collarbones and shoulder blades.",
        ("britannica-trapezius",),
    ),
    "upper back": (
        "The upper back is the back of the chest, around the twelve thoracic vertebrae and the ribs.",
        ("uberon", "genesee-vertebrae"),
    ),
    "upper lymph nodes": (
        "The lymph nodes of the head and neck lie along the jaw, around the ears and down the sides of the neck.",
        ("innerbody-lymph", "macmillan-parathyroid"),
    ),
    "ureters": (
        "The ureters are two thin tubes running from each kidney down the back wall of the abdomen to the bladder.",
        ("downstate-lab40", "uberon"),
    ),
    "urethra": (
        "The urethra carries urine from the bottom of the bladder to the outside, on the midline: about 4 cm long in a female body, opening in front of the vagina; about 20 cm in a male body, through the prostate and the penis.",
        ("aviva-urethra", "gse-urethra"),
    ),
    "uterus or prostate": (
        "The uterus lies in the middle of the pelvis, above and behind the bladder. In a male body the prostate lies just below the bladder, around the urethra.",
        ("openstax-repro",),
    ),
}

for _area, (_t, _ids) in CLAIMS.items():
    assert set(_ids) <= _S, (_area, set(_ids) - _S)


def anatomy_records() -> list[dict[str, str]]:
    """Return the source records as they go into the chart (without the ``read`` key)."""
    order = ("id", "kind", "title", "citation", "url", "note")
    return [{k: s[k] for k in order if k in s} for s in ANATOMY_SOURCES]
