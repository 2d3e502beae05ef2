"""The ``footmap`` command: validate, summarise, look up, export and print handouts.

Run ``footmap --help`` (or ``python -m footmap --help``) for the subcommands. Every footmap
error is reported as a message on stderr with exit status 1; bad usage exits with 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from contextlib import suppress

from footmap import __version__
from footmap.chart.loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_ZONES
from footmap.errors import ChartError, FootmapError
from footmap.text import caveat, describe, safe
from footmap.vocab import FEET, SYSTEMS, VIEWS

__all__ = ["build_parser", "main"]

_EPILOG = """\
examples:
  footmap validate data/zones.geojson          check a chart, list every problem
  footmap summary                              describe the bundled chart
  footmap find kidneys                         which zones are claimed for the kidneys
  footmap export map.png --highlight urinary   an A4 figure with the urinary zones
  footmap export map.svg --foot left --view all --size screen
  footmap export map.html                      one interactive HTML file (no Python to view)
  footmap handout handout.pdf                  a cover page and one page per body system
  footmap worksheet sheet.pdf --key key.pdf    numbered zones to name, and the answer key
  footmap export quiz.qti.zip --quiz 10        10 hotspot questions (IMS QTI 2.1)

Every figure carries the caveat that these links are claims of reflexology, not
established facts, and lists its sources.
"""


#: Echoed input (a search term, a file name) longer than this is cut short in messages.
ECHO_LIMIT = 200


def _emit(text: str, stream=None) -> None:  # noqa: ANN001 - any text stream
    """Print ``text`` inert and encodable: the one way the command writes to a terminal.

    Control and bidirectional characters are shown escaped (``terminal_text``);
    characters the stream's encoding lacks (an emoji on a cp1252 console) are written as
    backslash escapes instead of failing.
    """
    stream = sys.stdout if stream is None else stream
    if stream is None:  # the stream was closed (`footmap export x.png >&-`): nothing to show
        return
    inert = safe.terminal_text(text, multiline=True)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        inert = inert.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # an unknown codec name: keep ASCII
        inert = inert.encode("ascii", "backslashreplace").decode("ascii")
    print(inert, file=stream)


def _error(text: str) -> None:
    """An error line on stderr; an over-long line (echoed input) is cut short."""
    lines = []
    for line in str(text).split("\n"):
        if len(line) > 4 * ECHO_LIMIT:
            line = f"{line[: 4 * ECHO_LIMIT]}... ({len(line):,} characters in all)"
        lines.append(line)
    _emit("\n".join(lines), sys.stderr)


def _echo(text: str) -> str:
    """User input to quote in a message, cut to :data:`ECHO_LIMIT` characters."""
    if len(text) <= ECHO_LIMIT:
        return repr(text)
    return f"{text[:ECHO_LIMIT]!r}... ({len(text):,} characters)"


class _Parser(argparse.ArgumentParser):
    """argparse, with its messages (which echo arguments) made terminal-safe."""

    def _print_message(self, message: str, file=None) -> None:  # noqa: ANN001
        if message:
            stream = file or sys.stderr
            _emit(message.rstrip("\n"), stream)


def _load(path: str | None):  # -> Chart (lazy import keeps `--help` fast)
    from footmap.chart.loader import load

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
    from footmap.chart.loader import load_chart
    from footmap.chart.model import AnatomyChart, BodyChart

    failed = False
    for path in args.paths:
        try:  # the loader of the file's own kind of chart (footmap.chart)
            chart = load_chart(path, max_bytes=args.max_bytes, max_zones=args.max_zones)
        except ChartError as exc:
            failed = True
            for problem in exc.problems:  # as every other command reports them
                _error(f"footmap: {safe.terminal_text(str(problem))}")
            continue
        if isinstance(chart, BodyChart):
            what = f"body chart, {len(chart.regions)} regions in {len(chart.views)} views"
        elif isinstance(chart, AnatomyChart):
            what = (
                f"foot-anatomy chart, {len(chart.structures)} structures in "
                f"{len(chart.panels)} panels"
            )
        else:
            what = f"{len(chart.zones)} zones in {len(chart.panels)} panels"
        _emit(f"ok: {safe.terminal_text(path)}: {what}, {len(chart.sources)} sources")
    return 1 if failed else 0


def _cmd_summary(args: argparse.Namespace) -> int:
    _emit(_load(args.path).summary())
    return 0


def _cmd_find(args: argparse.Namespace) -> int:
    chart = _load(args.chart)
    if len(args.area) > ECHO_LIMIT:
        raise FootmapError(
            f"a body area is a short name, not {_echo(args.area)}: "
            f"the limit is {ECHO_LIMIT} characters"
        )
    from footmap.chart.query import find

    found = find(chart, args.area)  # the search every surface uses
    if not found.zones:
        raise FootmapError(safe.terminal_text(found.message()))
    zones = found.zones
    numbers = describe.citation_numbers(chart, zones)
    inert = _inert_chart(chart)
    lines = [safe.terminal_text(found.message()), ""] if found.plain else []
    from footmap.text.anatomy import find_sections

    anatomy = find_sections(chart, zones, first_number=len(numbers) + 1)  # apart from the claims
    for z in zones:
        lines.append(describe.zone_text(inert, _inert_zone(z), numbers))
        lines += [safe.terminal_text(t) for t in anatomy.under.get(z.id, [])]
    lines += [safe.terminal_text(t) for t in anatomy.where]
    said = safe.terminal_text(caveat.caveat_line(chart))
    lines += ["", f"{caveat.CAVEAT_HEADING}: {said}", "Sources:"]
    for line in describe.reference_list(chart.cited_sources(zones), numbers):
        lines.append("  " + safe.terminal_text(line))
    lines += [safe.terminal_text(t) for t in anatomy.references]
    _emit("\n".join(lines))
    return 0


def _inert_zone(zone):  # noqa: ANN001, ANN202 - Zone -> Zone
    """``zone`` with each of its texts escaped for the terminal.

    A line break in a label or a claim then shows as an escape, never as a new line that
    looks like another claim.
    """
    from dataclasses import replace

    t = safe.terminal_text
    claims = tuple(replace(c, text=t(c.text)) for c in zone.claims)
    return replace(zone, label=t(zone.label), body_area=t(zone.body_area), claims=claims)


def _inert_chart(chart):  # noqa: ANN001, ANN202 - Chart -> Chart
    """``chart`` with its disagreements' texts escaped for the terminal (as :func:`_inert_zone`)."""
    from dataclasses import replace

    t = safe.terminal_text
    disagreements = tuple(
        replace(
            d,
            topic=t(d.topic),
            text=t(d.text),
            variants=tuple(replace(v, text=t(v.text)) for v in d.variants),
        )
        for d in chart.disagreements
    )
    return replace(chart, disagreements=disagreements)


def _feet(value: str) -> tuple[str, ...]:
    return FEET if value == "both" else (value,)


def _views(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return ("plantar",)
    return None if "all" in values else tuple(values)


def _cmd_export(args: argparse.Namespace) -> int:
    if args.quiz is not None:
        return _cmd_quiz(args)
    if args.format or args.seed is not None or args.system:
        raise FootmapError("--format, --seed and --system go with --quiz N")
    from footmap.export import export

    chart = _load(args.chart)
    views = _views(args.view)
    if not args.view and "plantar" not in chart.views:  # the default: the chart's first view
        views = chart.views[:1]
    out = export(
        chart,
        args.out,
        dpi=args.dpi,
        feet=_feet(args.foot),
        views=views,
        highlight=args.highlight or (),
        size=args.size,
        orientation=args.orientation,
        color_by=args.color_by,
        labels=not args.no_labels,
        hatch=args.hatch,
        title=args.title,
        body=args.body,
        layer=args.layer,
    )
    _emit(f"wrote {safe.terminal_text(str(out))}")
    return 0


def _cmd_quiz(args: argparse.Namespace) -> int:
    from footmap.assess import write_moodle, write_qti

    chart = _load(args.chart)
    fmt = args.format or ("moodle" if args.out.lower().endswith(".xml") else "qti")
    views = _views(args.view) or chart.views
    write = write_moodle if fmt == "moodle" else write_qti
    out, items = write(
        chart, args.out, args.quiz, seed=args.seed, system=args.system, views=views,
        feet=_feet(args.foot),
    )  # fmt: skip
    _emit(f"wrote {safe.terminal_text(str(out))}: {len(items)} questions ({fmt})")
    return 0


def _cmd_worksheet(args: argparse.Namespace) -> int:
    from footmap.assess import worksheet

    chart = _load(args.chart)
    chosen = worksheet(
        chart,
        args.out,
        system=args.system,
        view=args.view,
        foot=args.foot,
        count=args.count,
        seed=args.seed,
        key=args.key,
        word_bank=args.word_bank,
        students=args.students,
        size=args.size.lower(),
    )
    ids = ", ".join(v.id for v in chosen[:3]) + (", ..." if len(chosen) > 3 else "")
    extra = f" and the key {safe.terminal_text(args.key)}" if args.key else ""
    _emit(f"wrote {safe.terminal_text(args.out)}{extra}: {len(chosen)} variant(s) ({ids})")
    return 0


def _cmd_handout(args: argparse.Namespace) -> int:
    from footmap.export import handout

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
        brief=args.brief,
    )
    _emit(f"wrote {safe.terminal_text(str(out))}")
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
            + (
                "the views holding each page's zones)"
                if handout
                else "plantar, or the chart's first view if it has none)"
            )
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
    parser = _Parser(
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
        help="write an annotated figure (PNG, SVG or PDF) or an interactive html map",
        description=(
            "Write a figure with the map, the claims of highlighted zones, the evidence "
            "caveat and the sources. The format follows the file name's suffix. A .html "
            "file is a standalone interactive map (html): every foot and view in one file "
            "that opens in any browser, offline; --foot and --view choose what shows first. "
            "The file is written whole or not at all. A read-only OUT is refused, not "
            "replaced; if OUT is a symbolic link, the link is kept and the file it points to "
            "is written."
        ),
        epilog=(
            "examples:\n"
            "  footmap export kidneys.png --highlight kidneys --dpi 300\n"
            "  footmap export map.svg --view all --size screen\n"
            "  footmap export print.pdf --hatch --size letter --orientation portrait\n"
            "  footmap export map.html --foot left\n"
            "  footmap export real.pdf --highlight kidneys --body\n"
            "  footmap export under.png --highlight kidneys --layer nerves\n"
            f"\nbody systems: {', '.join(SYSTEMS)}"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("out", metavar="OUT", help="output file: .png, .svg, .pdf or .html")
    _figure_options(p, handout=False)
    p.add_argument(
        "--dpi",
        type=int,
        default=200,
        help="PNG resolution, 30 to 1200 (default 200)",
    )
    p.add_argument("--no-labels", action="store_true", help="draw no zone labels")
    p.add_argument(
        "--color-by",
        choices=["system", "sources"],
        default="system",
        help="colour zones by body system (default) or by the number of sources cited",
    )
    p.add_argument("--title", help="page title (default: the chart's title)")
    p.add_argument(
        "--quiz",
        type=_positive_int,
        metavar="N",
        help=(
            "write N hotspot questions for a learning platform instead of a figure: an IMS "
            "QTI 2.1 package (OUT.zip, e.g. quiz.qti.zip) or Moodle XML (OUT.xml, --format "
            "moodle)"
        ),
    )
    p.add_argument("--format", choices=["qti", "moodle"], help="quiz format (default: by suffix)")
    p.add_argument("--seed", type=int, help="quiz: picks the questions reproducibly")
    p.add_argument("--system", choices=list(SYSTEMS), help="quiz: ask about one body system")
    p.add_argument(
        "--body",
        action="store_true",
        help=(
            "draw the body figure (front and back) beside the feet with the same highlight: "
            "where charts put it (foot) and where it really is (body), side by side, with "
            '"Where it really is" in the claims (PNG, SVG, PDF)'
        ),
    )
    p.add_argument(
        "--layer",
        choices=["nerves", "bones", "dermatomes"],
        help=(
            "draw the foot's own anatomy faintly over the zones, with its own legend, and "
            '"What is under this zone" in the claims (bundled chart only)'
        ),
    )
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser(
        "worksheet",
        help="write a worksheet (numbered zones to name) and its answer key",
        description=(
            "Write a worksheet: the feet as outlines with some zones numbered, a line per "
            "number to write the body area charts claim, a name/date header and the caveats. "
            "--seed picks and numbers the zones reproducibly; --students N writes one variant "
            "per page (a PDF); --key writes the answer key (.pdf, .svg or .json)."
        ),
        epilog=(
            "examples:\n"
            "  footmap worksheet sheet.pdf --seed 7 --key key.pdf\n"
            "  footmap worksheet class.pdf --students 30 --key class-key.pdf --word-bank\n"
            "  footmap worksheet digestion.png --system digestive --count 6 --key key.json"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("out", metavar="OUT", help="output file: .pdf, .svg or .png")
    p.add_argument("--chart", metavar="PATH", help="chart file (default: the bundled chart)")
    p.add_argument("--system", choices=list(SYSTEMS), help="ask only about one body system")
    p.add_argument("--view", choices=list(VIEWS), default="plantar", help="view (default plantar)")
    p.add_argument(
        "--foot", choices=[*FEET, "both"], default="both", help="which foot (default: both)"
    )
    p.add_argument("--count", type=_positive_int, default=10, help="zones to number (default 10)")
    p.add_argument("--seed", type=int, help="picks and numbers the zones reproducibly")
    p.add_argument("--key", metavar="KEY", help="also write the answer key: .pdf, .svg or .json")
    p.add_argument("--word-bank", action="store_true", help="list the answers, shuffled")
    p.add_argument("--students", type=_positive_int, default=1, help="one variant per page (PDF)")
    p.add_argument(
        "--size", choices=["a4", "letter", "A4"], default="a4", help="paper size (default a4)"
    )
    p.set_defaults(func=_cmd_worksheet)

    p = sub.add_parser(
        "handout",
        help="write a multi-page PDF handout",
        description=(
            "Write a PDF: a cover page (how to read it, the evidence and safety caveats), "
            "then one page per body system (two small ones share a page) or per "
            "--highlight, one page on where charts disagree, one on what is really under "
            "the zones, and the sources every page cites (at most 12 pages for the bundled "
            "chart); --brief for one lesson."
        ),
        epilog=(
            "examples:\n"
            "  footmap handout handout.pdf\n"
            "  footmap handout lesson.pdf --brief\n"
            "  footmap handout digestion.pdf --highlight digestive --highlight liver\n"
            "  footmap handout grey.pdf --hatch --size letter"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("out", metavar="OUT", help="output .pdf file")
    _figure_options(p, handout=True)
    p.add_argument(
        "--brief",
        action="store_true",
        help="for one lesson: the cover, every zone on two pages, where charts disagree, "
        "what is really under the zones and the sources (at most 6 pages)",
    )
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
        0 on success, 1 when footmap reports an error, 2 for bad usage, 143 when an
        export or handout is stopped by SIGTERM (its output file is then not written).

    Examples
    --------
    >>> main(["validate", "no-such-file.geojson"])
    1
    """
    if "matplotlib" not in sys.modules:
        # files only: never open a window, and a user's MPLBACKEND naming a backend that
        # does not exist cannot stop the command
        os.environ["MPLBACKEND"] = "Agg"
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, usage errors exit 2
        return int(exc.code or 0)
    except BrokenPipeError:  # `footmap export --help | head`: the reader left; stop quietly
        _silence_stdout()
        return 141
    old_term = None
    if getattr(args, "command", None) in ("export", "handout", "worksheet"):
        import signal

        # SIGTERM unwinds like Ctrl-C: an output half written is removed, not left behind
        with suppress(ValueError):  # ValueError: not the main thread (main() called in one)
            old_term = signal.signal(signal.SIGTERM, _terminated)
        import matplotlib

        if "matplotlib.pyplot" not in sys.modules:
            matplotlib.use("Agg")  # files only: never open a window
    try:
        code = int(args.func(args))
        if sys.stdout is not None:  # None: started with stdout closed
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return code
    except ChartError as exc:
        for problem in exc.problems:
            _error(f"footmap: {safe.terminal_text(str(problem))}")
        return 1
    except FootmapError as exc:
        _error(f"footmap: {exc}")
        return 1
    except KeyboardInterrupt:  # pragma: no cover - interactive
        _error("footmap: interrupted")
        return 130
    except _Terminated:
        _error("footmap: terminated")
        return 143
    except BrokenPipeError:  # e.g. `footmap find kidneys | head`: the reader left; stop quietly
        _silence_stdout()
        return 141
    except OSError as exc:  # writing the output failed: a full disk, a vanished terminal
        _silence_stdout()
        _error(f"footmap: cannot write the output: {exc.strerror or exc}")
        return 1
    finally:
        if old_term is not None:  # main() called in a program: give its handler back
            import signal

            signal.signal(signal.SIGTERM, old_term)


class _Terminated(BaseException):
    """Raised by the SIGTERM handler; a BaseException, as KeyboardInterrupt, so it unwinds."""


def _terminated(signum: int, frame: object) -> None:
    raise _Terminated


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit flush cannot fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
