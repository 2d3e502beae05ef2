"""Errors raised by footmap.

Every problem footmap finds in a chart is a :class:`Problem`; loading collects all of them
and raises a single :class:`ChartError` that lists them together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["ChartError", "FootmapError", "OutputError", "Problem"]


class FootmapError(Exception):
    """Base class of every error footmap raises on purpose."""


class OutputError(FootmapError, OSError):
    """Writing an output file failed (a full disk, a quota, a vanished directory).

    Both a :class:`FootmapError` (the command line reports it as a message) and an
    :class:`OSError` (what the failed write raised; its ``errno`` is kept).
    """


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a chart.

    Parameters
    ----------
    file : str
        The chart file (or ``"<string>"`` for charts parsed from text).
    zone : str or None
        The id of the feature concerned (``None`` for file-level problems). Features without
        an id are named by position, e.g. ``"features[3]"``.
    message : str
        What is wrong, in words a chart author can act on.
    """

    file: str
    zone: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.zone}" if self.zone else self.file
        return f"{where}: {self.message}"


class ChartError(FootmapError):
    """A chart file could not be loaded; carries every :class:`Problem` found.

    Parameters
    ----------
    problems : iterable of Problem
        All problems found, in the order found. Must not be empty.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("ChartError needs at least one problem")
        files = {p.file for p in self.problems}
        head = (
            f"{len(self.problems)} problem(s) in {', '.join(sorted(files))}"
            if len(self.problems) > 1
            else "1 problem in " + self.problems[0].file
        )
        super().__init__(head + ":\n" + "\n".join(f"  - {p}" for p in self.problems))
