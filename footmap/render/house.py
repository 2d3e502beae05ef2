"""footmap's own drawing settings: every page looks the same whatever the user's matplotlibrc.

:func:`house_style` draws under matplotlib's defaults (plus footmap's fonts, with a fallback
for characters DejaVu Sans lacks), one footmap drawing at a time in a process, and says once
which characters no installed font has.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib

__all__ = ["FALLBACK_FONTS", "house_style"]


#: rcParams that say how matplotlib runs (backend, windows, servers), not how a page looks.
_RUNTIME_RC = frozenset(
    {"backend", "backend_fallback", "interactive", "toolbar", "timezone", "figure.raise_window"}
)
#: One footmap drawing at a time in a process: rcParams are process-wide, so two threads
#: each setting them (``svg.fonttype`` for an SVG) would undo each other's settings.
_DRAW_LOCK = threading.RLock()


@contextmanager
def house_style() -> Iterator[None]:
    """Draw and save under matplotlib's default settings, one footmap drawing at a time.

    A user's matplotlibrc (``savefig.bbox: tight``, ``text.usetex``, a black
    ``figure.facecolor``) then changes no export, and exports from threads give the same
    files as one after another. Used as a decorator by the entry points that draw pages.
    """
    defaults = {
        k: v
        for k, v in matplotlib.rcParamsDefault.items()
        if k not in _RUNTIME_RC and not k.startswith(("webagg.", "savefig.directory"))
    }
    defaults["font.family"] = ["DejaVu Sans", *_fallback_fonts()]
    with _DRAW_LOCK:
        _DEPTH.append(1)
        try:
            if len(_DEPTH) > 1:  # inside another footmap drawing: it reports the glyphs
                with matplotlib.rc_context(defaults):
                    yield
                return
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", UserWarning)
                try:
                    with matplotlib.rc_context(defaults):
                        yield
                finally:
                    missing = _report_warnings(caught)
            if missing:
                shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in missing)
                warnings.warn(
                    "footmap: no installed font has these characters, drawn as boxes: "
                    f"{shown}; install a font that has them (such as Noto Sans CJK or Noto "
                    "Emoji) to draw them",
                    UserWarning,
                    stacklevel=4,
                )
        finally:
            _DEPTH.pop()


#: How many footmap drawings the current one is inside (under :data:`_DRAW_LOCK`).
_DEPTH: list[int] = []

#: Fonts to draw characters DejaVu Sans lacks (CJK, mathematical letters, symbols), in
#: order, where installed.
FALLBACK_FONTS = (
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Source Han Sans",
    "Droid Sans Fallback",
    "WenQuanYi Zen Hei",
    "STIXGeneral",
    "Noto Sans Math",
    "Noto Sans Symbols",
    "Noto Sans Symbols2",
    "Symbola",
)


def _fallback_fonts() -> list[str]:
    """The :data:`FALLBACK_FONTS` matplotlib can find on this machine."""
    from matplotlib import font_manager

    have = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in FALLBACK_FONTS if name in have]


_GLYPH = re.compile(r"^Glyph (\d+) .*missing from font")


def _report_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    """Re-issue the warnings caught while drawing; return the characters no font had, sorted."""
    missing: dict[str, None] = {}
    for w in caught:
        m = _GLYPH.match(str(w.message))
        if m and issubclass(w.category, UserWarning):
            missing[chr(int(m.group(1)))] = None
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)
    return sorted(missing)
