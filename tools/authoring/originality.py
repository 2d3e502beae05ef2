"""Check that footmap's own texts do not copy wording from the source documents.

Every word the chart shows must be written in the project's own words (see
``tools/authoring/text.py``). This module finds runs of words that a text shares with any of
the seed documents, after normalising case and punctuation, so that a test or an author can
catch a sentence or distinctive phrase that was copied rather than paraphrased.

Normalisation: text is lower-cased and NFKC-normalised; apostrophes (straight or typographic)
are dropped inside words, so "it's" and "it’s" both become "its"; every other run of
characters that is not a letter or digit separates words. Hyphenated words therefore count as
separate words ("day-to-day" is "day to day").

Typical use::

    from tools.authoring.originality import load_seed_texts, shared_runs

    seeds = load_seed_texts("/work/shared/seeds")
    assert shared_runs("Charts assign this area to the kidneys.", seeds) == []
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

__all__ = ["words", "shared_runs", "load_seed_texts"]

_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`\u00b4]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def words(text: str) -> list[str]:
    """Return the normalised words of ``text`` (lower case, no punctuation)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOSTROPHES.sub("", text)
    return [w for w in _NON_WORD.split(text) if w]


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def shared_runs(text: str, seed_texts: Iterable[str] | str, n: int = 6) -> list[str]:
    """Return the runs of at least ``n`` consecutive words that ``text`` shares with a seed.

    ``seed_texts`` is an iterable of document texts (a single string is accepted too). Case
    and punctuation are ignored (see :func:`words`). Shared ``n``-word windows that start at
    consecutive words of ``text`` are merged, so each item of the result is a maximal run of
    ``text``'s words every ``n``-word window of which occurs in some seed; items are space-joined
    normalised words, in the order they occur in ``text``, without duplicates. An empty list
    means no run of ``n`` or more words is shared.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    if isinstance(seed_texts, str):
        seed_texts = [seed_texts]
    seen: set[tuple[str, ...]] = set()
    for seed in seed_texts:
        seen |= _ngrams(words(seed), n)

    tokens = words(text)
    hits = [i for i in range(len(tokens) - n + 1) if tuple(tokens[i : i + n]) in seen]

    # Consecutive window starts belong to one maximal run.
    runs: list[str] = []
    start = prev = -2
    for i in hits:
        if i != prev + 1:
            if prev >= 0:
                runs.append(" ".join(tokens[start : prev + n]))
            start = i
        prev = i
    if prev >= 0:
        runs.append(" ".join(tokens[start : prev + n]))

    unique: list[str] = []
    for run in runs:
        if run not in unique:
            unique.append(run)
    return unique


def load_seed_texts(directory: str | Path) -> list[str]:
    """Read every ``*.txt`` file in ``directory`` (sorted by name) as UTF-8 text."""
    paths = sorted(Path(directory).glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no .txt seed documents in {directory}")
    return [p.read_text(encoding="utf-8") for p in paths]
