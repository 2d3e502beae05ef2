"""Assessments: worksheets with answer keys, and quiz items for learning platforms.

One question bank (:mod:`footmap.assess.bank`: seeded targets, numbered by a shuffle) feeds
the printed worksheet and its key (:mod:`footmap.assess.sheets`) and the hotspot questions
for IMS QTI 2.1 and Moodle (:mod:`footmap.assess.items`, :mod:`footmap.assess.qti`,
:mod:`footmap.assess.moodle`). Every sheet, key and item carries the caveat: the answers are
what reflexology charts claim, not anatomy.
"""

from __future__ import annotations

from footmap.assess.bank import Target, Variant, variant, variants
from footmap.assess.items import QuizItem, quiz_items
from footmap.assess.moodle import write_moodle
from footmap.assess.qti import write_qti
from footmap.assess.sheets import answer_key, key_data, worksheet

__all__ = [
    "QuizItem",
    "Target",
    "Variant",
    "answer_key",
    "key_data",
    "quiz_items",
    "variant",
    "variants",
    "worksheet",
    "write_moodle",
    "write_qti",
]
