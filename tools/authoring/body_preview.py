"""Render a preview PNG of data/body.geojson (authoring aid; regions coloured by system)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import PathPatch  # noqa: E402
from matplotlib.path import Path as MPath  # noqa: E402
from shapely.geometry import shape  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from footmap.style import SYSTEM_COLORS as COLORS  # noqa: E402

#: drawn first (broad areas), then organs, then small structures on top
BACKGROUND = {
    "arms",
    "face",
    "neck",
    "upper-back",
    "lower-back",
    "pelvis-lower-back",
    "trapezius",
    "lungs",
    "small-intestine",
    "liver",
    "diaphragm",
    "brain",
    "lymphatic-system",
}
LABELS = {
    "front": [
        "brain",
        "eyes",
        "thyroid",
        "lungs",
        "heart",
        "liver",
        "stomach",
        "spleen",
        "gallbladder",
        "kidneys",
        "ascending-colon",
        "descending-colon",
        "transverse-colon",
        "sigmoid-colon",
        "small-intestine",
        "appendix",
        "bladder",
        "uterus",
        "shoulders",
        "elbows",
        "hips",
        "knees",
        "sinuses",
        "thymus",
        "pancreas",
        "urethra",
    ],
    "back": [
        "spine",
        "kidneys",
        "sciatic-nerves",
        "trapezius",
        "ribs",
        "lower-back",
        "pelvis-lower-back",
        "shoulder-blades",
        "cerebellum-brain-stem",
        "sacro-iliac-joints",
    ],
}


def _patch(geom, **kw):
    verts, codes = [], []
    polys = geom.geoms if geom.geom_type == "MultiPolygon" else [geom]
    for p in polys:
        for ring in [p.exterior, *p.interiors]:
            xy = list(ring.coords)
            verts += xy
            codes += [MPath.MOVETO] + [MPath.LINETO] * (len(xy) - 2) + [MPath.CLOSEPOLY]
    return PathPatch(MPath(verts, codes), **kw)


def render(path: Path, out: Path, dpi: int = 110) -> None:
    chart = json.loads(path.read_text(encoding="utf-8"))
    feats = chart["features"]
    fig, axes = plt.subplots(1, 2, figsize=(11, 9.4))
    for ax, view in zip(axes, ("front", "back")):
        outline = next(shape(f["geometry"]) for f in feats if f["id"] == f"{view}.outline")
        ax.add_patch(_patch(outline, facecolor="#f6ede4", edgecolor="#2b2b2b", lw=0.9, zorder=0))
        regs = [
            f
            for f in feats
            if f["properties"]["role"] == "region" and f["properties"]["view"] == view
        ]
        regs.sort(
            key=lambda f: (f["id"].split(".", 1)[1] not in BACKGROUND, -shape(f["geometry"]).area)
        )
        for z, f in enumerate(regs):
            p = f["properties"]
            slug = f["id"].split(".", 1)[1]
            bg = slug in BACKGROUND
            alpha = 0.35 if bg else 0.9
            if p["system"] == "musculoskeletal" and not bg:
                color = "#bdbdbd"
            else:
                color = COLORS[p["system"]]
            ax.add_patch(
                _patch(
                    shape(f["geometry"]),
                    facecolor=color,
                    alpha=alpha,
                    edgecolor="#4d4d4d",
                    lw=0.3,
                    zorder=1 + z * 0.01,
                    linestyle=":" if p.get("diffuse") else "-",
                )
            )
        minx, miny, maxx, maxy = outline.bounds
        for f in regs:
            slug = f["id"].split(".", 1)[1]
            if slug not in LABELS[view]:
                continue
            g = shape(f["geometry"])
            parts = (
                sorted(g.geoms, key=lambda q: q.centroid.x)
                if g.geom_type == "MultiPolygon"
                else [g]
            )
            tgt = parts[0] if f["properties"]["side"] in ("both",) and len(parts) > 1 else g
            c = tgt.representative_point()
            left = c.x < 0
            tx = minx - 40 if left else maxx + 40
            ax.annotate(
                f["properties"]["label"].split(" (")[0],
                (c.x, c.y),
                (tx, c.y),
                fontsize=6.5,
                ha="right" if left else "left",
                va="center",
                arrowprops=dict(arrowstyle="-", lw=0.4, color="#555555"),
                zorder=50,
            )
        ax.set_xlim(minx - 330, maxx + 330)
        ax.set_ylim(-20, maxy + 40)
        ax.set_aspect("equal")
        ax.axis("off")
        if view == "front":
            ax.set_title("Front view: the body's RIGHT is on your LEFT", fontsize=9)
        else:
            ax.set_title("Back view: the body's RIGHT is on your RIGHT", fontsize=9)
        ax.text(
            minx - 60, 20, "R" if view == "front" else "L", fontsize=12, weight="bold", ha="center"
        )
        ax.text(
            maxx + 60, 20, "L" if view == "front" else "R", fontsize=12, weight="bold", ha="center"
        )
    fig.text(
        0.5,
        0.012,
        "Artwork adapted from the EBI Expression Atlas anatomogram (CC BY 4.0). "
        "Where organs really are; no link to the feet is implied.",
        ha="center",
        fontsize=6.5,
    )
    fig.subplots_adjust(left=0.01, right=0.99, top=0.95, bottom=0.03, wspace=0.02)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=dpi)
    plt.close(fig)
