"""Fixed vocabularies of a footmap chart: feet, views and body systems."""

from __future__ import annotations

__all__ = ["FEET", "SYSTEMS", "VIEWS"]

#: The two feet, in drawing order (left foot drawn on the left).
FEET: tuple[str, ...] = ("left", "right")

#: The four conventional views of a foot, in drawing order.
VIEWS: dict[str, str] = {
    "plantar": "Sole (plantar)",
    "dorsal": "Top (dorsal)",
    "medial": "Inner side (medial)",
    "lateral": "Outer side (lateral)",
}

#: Body systems a zone may be assigned to (id -> display label), in legend order.
SYSTEMS: dict[str, str] = {
    "nervous": "Nervous system",
    "sensory": "Senses (eyes, ears)",
    "endocrine": "Endocrine glands",
    "respiratory": "Respiratory",
    "cardiovascular": "Heart and circulation",
    "digestive": "Digestive",
    "urinary": "Urinary",
    "lymphatic": "Lymphatic and immune",
    "musculoskeletal": "Muscles, bones and joints",
    "reproductive": "Reproductive",
}
