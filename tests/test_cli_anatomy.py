"""`footmap find` shows what is really under each zone and where the organ really is."""

from __future__ import annotations

from footmap.cli import main


def test_find_kidneys_prints_the_anatomy_apart_from_the_claims(capsys):
    assert main(["find", "kidneys"]) == 0
    lines = capsys.readouterr().out.splitlines()
    under = (
        "What is under this zone: skin of the medial plantar nerve (L4–L5) over the lateral "
        "cuneiform, third metatarsal and cuboid; dermatome S1 (approximate) [18–28]"
    )
    assert lines.count(under) == 2  # once per kidney zone, after its claims and safety line
    first = lines.index(under)
    assert lines[first - 1].startswith("Safety: ")
    assert (
        lines[first + 1]
        == "Kidney (right foot, plantar): charts assign it to the kidneys [Urinary] [1, 2]"
    )
    where = lines.index("Where it really is (the kidneys):")
    assert lines.count("Where it really is (the kidneys):") == 1
    assert lines[where - 2] == under and lines[where - 1] == ""
    assert lines[where + 1] == (
        "  - The kidneys lie against the back wall of the abdomen, either side of the spine at "
        "about T12 to L3, partly under the lowest ribs; the right one sits a little lower "
        "because of the liver. [29, 30]"
    )
    assert lines[where + 2] == ""
    assert lines[where + 3].startswith("Caveat: ")
    anatomy = lines.index("Anatomy sources:")
    assert lines[anatomy - 1].startswith("  [17] ")  # after the chart's own sources
    assert lines[anatomy + 1 :] == [
        "  [18] Robertson S, Oh G, et al. Medial plantar nerve. Radiopaedia.org, reference "
        "article.",
        "  [19] Elsevier. Medial plantar nerve. Elsevier anatomy resources, web page.",
        "  [20] Wheeless' Textbook of Orthopaedics. Innervation of the Leg and Foot. Web page.",
        "  [21] Anatomy of the Bones of the Foot. 222health.com, web page.",
        "  [22] Bones of the Foot. nursinglecture.com, web page.",
        "  [23] Tarsal bones. anatomy.app encyclopedia, web page.",
        "  [24] Arches of the foot. nursinglecture.com, web page.",
        "  [25] Lower limb dermatomes. GPnotebook, web page.",
        "  [26] Dermatomes: levels of principal dermatomes. mednemo.it, web page.",
        "  [27] Downs MB, LaPorte C. Conflicting dermatome maps: educational and clinical "
        "implications. Clinical commentary (journal details not shown in the copy read).",
        "  [28] Lee MWL, McPhee RW, Stringer MD. An evidence-based approach to human dermatomes. "
        "Clin Anat. 2008;21(5):363-373.",
        "  [29] RadiologyWeb. Anatomy Data, Abdomen, page 57 (kidneys).",
        "  [30] SUNY Downstate, Human Anatomy Online course, Laboratory 40: Posterior "
        "Abdominal Wall.",
    ]
    # the anatomy never sits under the charts' heading or the caveat
    claims = lines.index("What charts claim:")
    assert claims < lines.index("What the evidence says:") < first
