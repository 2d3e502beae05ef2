"""The ``footmap`` command: validate, summarise, look up, export and print handouts.

Run ``footmap --help`` (or ``python -m footmap --help``) for the subcommands. Every footmap
error is reported as a message on stderr with exit status 1; bad usage exits with 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from . import __version__, describe
from .errors import ChartError, FootmapError
from .io import DEFAULT_MAX_BYTES, DEFAULT_MAX_ZONES
from .vocab import FEET, SYSTEMS, VIEWS

__all__ = ["build_parser", "main"]

_EPILOG = """\
examples:
  footmap validate data/zones.geojson          check a chart, list every problem
  footmap summary                              describe the bundled chart
  footmap find kidneys                         which zones are claimed for the kidneys
  footmap export map.png --highlight urinary   an A4 figure with the urinary zones
  footmap export map.svg --foot left --view all --size screen
  footmap handout handout.pdf                  a cover page and one page per body system

Every figure carries the caveat that these links are claims of reflexology, not
established facts, and lists its sources.
"""


def _load(path: str | None):  # -> Chart (lazy import keeps `--help` fast)
    from .io import load

    return load(path)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _cmd_validate(args: argparse.Namespace) -> int:
    from .io import load

    failed = False
    for path in args.paths:
        try:
            chart = load(path, max_bytes=args.max_bytes, max_zones=args.max_zones)
        except ChartError as exc:
            failed = True
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            continue
        print(
            f"ok: {path}: {len(chart.zones)} zones in {len(chart.panels)} panels, "
            f"{len(chart.sources)} sources"
        )
    return 1 if failed else 0


def _cmd_summary(args: argparse.Namespace) -> int:
    print(_load(args.path).summary())
    return 0


def _cmd_find(args: argparse.Namespace) -> int:
    chart = _load(args.chart)
    zones = chart.zones_for(args.area)
    if not zones:
        zones = chart.search(args.area)
    if not zones:
        from .render import resolve

        resolve(chart, args.area)  # raises with close matches
        return 1  # pragma: no cover - resolve found something search did not
    numbers = describe.citation_numbers(chart, zones)
    for z in zones:
        print(describe.zone_text(chart, z, numbers))
    print()
    print("Caveat: " + describe.caveat_line(chart))
    print("Sources:")
    for line in describe.reference_list(chart.cited_sources(zones), numbers):
        print("  " + line)
    return 0


def _feet(value: str) -> tuple[str, ...]:
    return FEET if value == "both" else (value,)


def _views(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return ("plantar",)
    return None if "all" in values else tuple(values)


def _cmd_export(args: argparse.Namespace) -> int:
    from .export import export

    chart = _load(args.chart)
    out = export(
        chart,
        args.out,
        dpi=args.dpi,
        feet=_feet(args.foot),
        views=_views(args.view),
        highlight=args.highlight or (),
        size=args.size,
        orientation=args.orientation,
        color_by=args.color_by,
        labels=not args.no_labels,
        hatch=args.hatch,
        title=args.title,
    )
    print(f"wrote {out}")
    return 0


def _cmd_handout(args: argparse.Namespace) -> int:
    from .export import handout

    chart = _load(args.chart)
    by = "system" if not args.highlight else [[s] for s in args.highlight]
    views = None if not args.view or "all" in args.view else tuple(args.view)
    out = handout(
        chart,
        args.out,
        by=by,
        feet=_feet(args.foot),
        views=views,
        size=args.size,
        orientation=args.orientation,
        hatch=args.hatch,
    )
    print(f"wrote {out}")
    return 0


def _figure_options(p: argparse.ArgumentParser, *, handout: bool) -> None:
    p.add_argument("--chart", metavar="PATH", help="chart file (default: the bundled chart)")
    p.add_argument(
        "--highlight",
        metavar="SPEC",
        action="append",
        help=(
            "zone id, body area, body system or label to highlight; repeat the option for "
            "more (quote a spec with spaces)"
            + (" (one handout page each; default: one page per body system)" if handout else "")
        ),
    )
    p.add_argument(
        "--foot", choices=[*FEET, "both"], default="both", help="which foot (default: both)"
    )
    p.add_argument(
        "--view",
        choices=[*VIEWS, "all"],
        action="append",
        help=(
            "a view to draw; repeat the option for more (default: "
            + ("the views holding each page's zones)" if handout else "plantar)")
        ),
    )
    p.add_argument(
        "--size", choices=["a4", "letter", "screen"], default="a4", help="page size (default a4)"
    )
    p.add_argument(
        "--orientation",
        choices=["landscape", "portrait"],
        default="landscape",
        help="page orientation (default landscape)",
    )
    p.add_argument("--hatch", action="store_true", help="hatch systems for grayscale printing")


def build_parser() -> argparse.ArgumentParser:
    """The ``footmap`` argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="footmap",
        description=(
            "An interactive reflexology foot map: the zones reflexology charts claim, "
            "with their sources and the caveat that the evidence does not support them."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"footmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "validate",
        help="check chart files; list every problem",
        description="Load and validate chart files; print 'ok' or every problem found.",
        epilog="example:\n  footmap validate data/zones.geojson my-chart.geojson",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="chart file(s) to check")
    p.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse files larger than N bytes (default {DEFAULT_MAX_BYTES:,})",
    )
    p.add_argument(
        "--max-zones",
        type=_positive_int,
        default=DEFAULT_MAX_ZONES,
        metavar="N",
        help=f"refuse charts with more than N zones (default {DEFAULT_MAX_ZONES:,})",
    )
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser(
        "summary",
        help="describe a chart",
        description="Print a summary of a chart: panels, zones, sources and the caveat.",
        epilog="example:\n  footmap summary\n  footmap summary my-chart.geojson",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", nargs="?", metavar="PATH", help="chart file (default: bundled)")
    p.set_defaults(func=_cmd_summary)

    p = sub.add_parser(
        "find",
        help="which zones are claimed for a body area",
        description=(
            "Reverse lookup: every zone, on any foot and view, that charts assign to a body "
            "area, with the claims and their sources."
        ),
        epilog='examples:\n  footmap find kidneys\n  footmap find "head and brain"',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("area", metavar="AREA", help="a body area, e.g. kidneys")
    p.add_argument("--chart", metavar="PATH", help="chart file (default: the bundled chart)")
    p.set_defaults(func=_cmd_find)

    p = sub.add_parser(
        "export",
        help="write an annotated figure (PNG, SVG or PDF)",
        description=(
            "Write a figure with the map, the claims of highlighted zones, the evidence "
            "caveat and the sources. The format follows the file name's suffix."
        ),
        epilog=(
            "examples:\n"
            "  footmap export kidneys.png --highlight kidneys --dpi 300\n"
            "  footmap export map.svg --view all --size screen\n"
            "  footmap export print.pdf --hatch --size letter --orientation portrait\n"
            f"\nbody systems: {', '.join(SYSTEMS)}"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("out", metavar="OUT", help="output file: .png, .svg or .pdf")
    _figure_options(p, handout=False)
    p.add_argument("--dpi", type=int, default=200, help="PNG resolution (default 200)")
    p.add_argument("--no-labels", action="store_true", help="draw no zone labels")
    p.add_argument(
        "--color-by",
        choices=["system", "sources"],
        default="system",
        help="colour zones by body system (default) or by the number of sources cited",
    )
    p.add_argument("--title", help="page title (default: the chart's title)")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser(
        "handout",
        help="write a multi-page PDF handout",
        description=(
            "Write a PDF: a cover page (how to read it, the evidence and safety caveats "
            "with sources), then one page per body system or per --highlight."
        ),
        epilog=(
            "examples:\n"
            "  footmap handout handout.pdf\n"
            "  footmap handout digestion.pdf --highlight digestive --highlight liver\n"
            "  footmap handout grey.pdf --hatch --size letter"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("out", metavar="OUT", help="output .pdf file")
    _figure_options(p, handout=True)
    p.set_defaults(func=_cmd_handout)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``footmap`` command.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 on success, 1 when footmap reports an error, 2 for bad usage.

    Examples
    --------
    >>> main(["validate", "no-such-file.geojson"])
    1
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, usage errors exit 2
        return int(exc.code or 0)
    if getattr(args, "command", None) in ("export", "handout"):
        import matplotlib

        if "matplotlib.pyplot" not in sys.modules:
            matplotlib.use("Agg")  # files only: never open a window
    try:
        return int(args.func(args))
    except ChartError as exc:
        for problem in exc.problems:
            print(f"footmap: {problem}", file=sys.stderr)
        return 1
    except FootmapError as exc:
        print(f"footmap: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # pragma: no cover - interactive
        print("footmap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `footmap find kidneys | head`: the reader left; stop quietly
        _silence_stdout()
        return 141


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit flush cannot fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
