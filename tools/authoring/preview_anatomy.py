"""Render a preview of data/foot-anatomy.geojson (sole and top of one foot) to PNG.

Run by hand: ``python tools/authoring/preview_anatomy.py [--foot left] [--out PATH] [--dpi N]
[--sides] [--small]``; the docs preview is ``--out docs/img/foot-anatomy-preview.png --dpi 100
--small``.
Nerve territories are pale fills with a hatch each, bones ivory with a dark outline, dermatome
boundaries dashed with their labels; the caveat is printed under the panels.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch, PathPatch  # noqa: E402
from matplotlib.path import Path as MPath  # noqa: E402
from shapely.geometry import shape  # noqa: E402
from shapely.ops import unary_union  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

NERVE_STYLE = {  # pale fill, hatch
    "medial-plantar": ("#cfe3f5", "////"),
    "lateral-plantar": ("#f8dcc4", "\\\\\\\\"),
    "medial-calcaneal": ("#e2d6ef", "...."),
    "sural": ("#d4ecd4", "||||"),
    "saphenous": ("#f6e7a8", "----"),
    "superficial-fibular": ("#d7e9ee", "xx"),
    "deep-fibular": ("#f5c9d3", "oo"),
}
BONE_FILL, BONE_EDGE = "#fbf6e4", "#6b5a3a"
DERM_COLOR = "#8a1c1c"


def _path(geom):
    verts, codes = [], []
    for poly in getattr(geom, "geoms", [geom]):
        for ring in (poly.exterior, *poly.interiors):
            xy = list(ring.coords)
            verts += xy
            codes += [MPath.MOVETO] + [MPath.LINETO] * (len(xy) - 2) + [MPath.CLOSEPOLY]
    return MPath(verts, codes)


TITLES = {
    "plantar": "Sole ({foot} foot, seen through the foot)",
    "dorsal": "Top ({foot} foot)",
    "medial": "Inner side ({foot} foot)",
    "lateral": "Outer side ({foot} foot)",
}


def render(foot: str, out: Path, dpi: int, sides: bool = False, small: bool = False) -> None:
    chart = json.loads((ROOT / "data" / "foot-anatomy.geojson").read_text(encoding="utf-8"))
    views = ("medial", "lateral") if sides else ("plantar", "dorsal")
    fig, axes = plt.subplots(2 if sides else 1, 1 if sides else 2, figsize=(9.2, 8.0))
    used = {}
    for ax, view in zip(axes, views, strict=True):
        feats = [
            f
            for f in chart["features"]
            if f["properties"]["foot"] == foot and f["properties"]["view"] == view
        ]
        outline = next(shape(f["geometry"]) for f in feats if f["properties"]["role"] == "outline")
        for f in feats:
            p = f["properties"]
            if p.get("kind") == "nerve":
                fill, hatch = NERVE_STYLE[f["id"].split(".")[-1]]
                ax.add_patch(
                    PathPatch(
                        _path(shape(f["geometry"])),
                        facecolor=fill,
                        edgecolor="#7f9bb3",
                        hatch=hatch,
                        lw=0.4,
                        alpha=1.0,
                    )
                )
                used[p["name"] + (f" ({p['roots']})" if p.get("roots") else "")] = (fill, hatch)
        plt.rcParams["hatch.color"] = "#b8c4cf"
        for f in feats:
            if f["properties"].get("kind") == "bone":
                ax.add_patch(
                    PathPatch(
                        _path(shape(f["geometry"])),
                        facecolor=BONE_FILL,
                        edgecolor=BONE_EDGE,
                        lw=0.7,
                        alpha=0.72,
                    )
                )
        derms = [f for f in feats if f["properties"].get("kind") == "dermatome"]
        lines = unary_union([shape(f["geometry"]).boundary for f in derms]).difference(
            outline.boundary.buffer(0.3)
        )
        for g in getattr(lines, "geoms", [lines]):
            xs, ys = g.xy
            ax.plot(xs, ys, ls=(0, (4, 2.5)), color=DERM_COLOR, lw=1.1)
        for f in derms:
            g = shape(f["geometry"])
            big = max(getattr(g, "geoms", [g]), key=lambda q: q.area)
            pt = big.representative_point()
            ax.text(
                pt.x,
                pt.y,
                f["properties"]["roots"],
                color=DERM_COLOR,
                fontsize=9,
                fontweight="bold",
                ha="center",
                va="center",
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec=DERM_COLOR, lw=0.6, alpha=0.85),
            )
        ax.add_patch(PathPatch(_path(outline), facecolor="none", edgecolor="#222", lw=1.2))
        if sides:
            ax.set_xlim(-4, 262)
            ax.set_ylim(-4, 130)
        else:
            ax.set_xlim(-62, 62)
            ax.set_ylim(-4, 262)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title(TITLES[view].format(foot=foot), fontsize=10)
    handles = [
        Patch(facecolor=c, hatch=h, edgecolor="#7f9bb3", label=n) for n, (c, h) in used.items()
    ]
    handles.append(
        Patch(
            facecolor=BONE_FILL,
            edgecolor=BONE_EDGE,
            label="Bones (26 per foot; the sides show those in view)"
            if sides
            else "Bones (26 per foot)",
        )
    )
    handles.append(
        plt.Line2D(
            [], [], ls=(0, (4, 2.5)), color=DERM_COLOR, label="Dermatome boundary (approximate)"
        )
    )
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=3,
        fontsize=7.5,
        frameon=False,
        bbox_to_anchor=(0.5, 0.045),
    )
    fig.suptitle("Anatomy of the foot: skin nerve territories, bones, dermatomes", fontsize=12)
    fig.text(
        0.5,
        0.012,
        "Schematic. Nerve boundaries vary between people; dermatome maps disagree between sources.",
        ha="center",
        fontsize=7.5,
        style="italic",
    )
    fig.subplots_adjust(left=0.02, right=0.98, top=0.93, bottom=0.15, wspace=0.02)
    fig.savefig(out, dpi=dpi)
    plt.close(fig)
    if small:  # a palette PNG: the flat fills and hatches need few colours (docs preview < 300 KB)
        from PIL import Image

        image = Image.open(out).convert("RGB")
        image.quantize(colors=96, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            out, optimize=True
        )


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--foot", default="left")
    ap.add_argument("--out", default="/tmp/anat/preview.png")
    ap.add_argument("--dpi", type=int, default=110)
    ap.add_argument(
        "--sides", action="store_true", help="draw the inner and outer profiles instead"
    )
    ap.add_argument("--small", action="store_true", help="save a palette PNG (docs/img preview)")
    a = ap.parse_args()
    render(a.foot, Path(a.out), a.dpi, a.sides, a.small)
