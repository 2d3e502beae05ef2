"""A quick yes-or-don't-know JSON Schema check, so a valid chart never imports jsonschema.

jsonschema (with the format and URI packages a Jupyter install brings along) takes about a
second to import, longer than loading and drawing the bundled chart. Almost every chart
footmap loads is valid, so :func:`is_valid` answers the one question that matters first:
does this instance certainly satisfy this schema? It understands the keywords footmap's
schema uses (Draft 2020-12 semantics); it answers ``False`` for anything it is unsure of
(an unknown keyword, a ``$ref`` outside the document, a number that is a whole float), so a
``True`` always means jsonschema would find nothing, and a ``False`` means "ask
jsonschema", which then names every problem. ``tests/test_perf.py`` holds it to that
against jsonschema on many broken variants of the bundled chart.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["is_valid"]

#: Keywords that never affect validity.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "examples", "default", "$defs"}
)
_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    # bool is not a number in JSON Schema; a whole float (2.0) is an integer there: unsure
    "integer": lambda v: type(v) is int or (type(v) is float and v.is_integer() and _raise()),
    "number": lambda v: type(v) in (int, float),
}


class _Unsure(Exception):
    """The checker met something it does not model exactly."""


@lru_cache(maxsize=64)
def _pattern(p: str) -> re.Pattern[str]:
    return re.compile(p)


def _same(a: Any, b: Any) -> bool:
    """JSON equality for the scalars ``const`` and ``enum`` hold; unsure for containers."""
    if isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
        raise _Unsure
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b and (type(a) is type(b) or not isinstance(a, str | type(None)))


def is_valid(instance: Any, schema: dict[str, Any], root: dict[str, Any] | None = None) -> bool:
    """Whether ``instance`` certainly satisfies ``schema``.

    Parameters
    ----------
    instance : Any
        Parsed JSON.
    schema : dict
        A JSON Schema (Draft 2020-12) using the keywords footmap's schema uses.
    root : dict, optional
        The document ``$ref`` pointers (``#/$defs/...``) resolve against; ``schema`` itself
        by default.

    Returns
    -------
    bool
        ``True`` only when jsonschema would report no error; ``False`` when something is
        wrong or the check is unsure.

    Examples
    --------
    >>> s = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
    >>> is_valid({"id": "kidney"}, s), is_valid({"id": 3}, s), is_valid({}, s)
    (True, False, False)
    """
    try:
        return _ok(instance, schema, schema if root is None else root)
    except (_Unsure, RecursionError, re.error, TypeError, KeyError):
        return False


def _resolve(ref: str, root: dict[str, Any]) -> Any:
    if not ref.startswith("#/"):
        raise _Unsure
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _ok(v: Any, s: Any, root: dict[str, Any]) -> bool:
    if s is True:
        return True
    if s is False or not isinstance(s, dict):
        return False if s is False else _raise()
    for key, want in s.items():
        if key in _ANNOTATIONS or key in ("then", "else"):
            continue
        if key == "$ref":
            if not _ok(v, _resolve(want, root), root):
                return False
        elif key == "type":
            names = [want] if isinstance(want, str) else want
            if not any(_TYPES[n](v) for n in names):
                return False
        elif key == "const":
            if not _same(v, want):
                return False
        elif key == "enum":
            if not any(_same(v, w) for w in want):
                return False
        elif key in ("minLength", "maxLength", "pattern"):
            if not isinstance(v, str):
                continue
            if key == "pattern":
                if _pattern(want).search(v) is None:
                    return False
            elif (len(v) < want) if key == "minLength" else (len(v) > want):
                return False
        elif key in ("minItems", "maxItems", "items", "contains"):
            if not isinstance(v, list):
                continue
            if key == "minItems" and len(v) < want or key == "maxItems" and len(v) > want:
                return False
            if key == "items" and not all(_ok(x, want, root) for x in v):
                return False
            if key == "contains" and not any(_ok(x, want, root) for x in v):
                return False
        elif key in ("properties", "required", "additionalProperties", "propertyNames"):
            if not isinstance(v, dict):
                continue
            if key == "required" and not all(k in v for k in want):
                return False
            if key == "properties":
                for k, sub in want.items():
                    if k in v and not _ok(v[k], sub, root):
                        return False
            if key == "additionalProperties":
                known = s.get("properties", {})
                if "patternProperties" in s:
                    raise _Unsure
                if not all(_ok(x, want, root) for k, x in v.items() if k not in known):
                    return False
            if key == "propertyNames" and not all(_ok(k, want, root) for k in v):
                return False
        elif key == "if":
            branch = s.get("then", True) if _ok(v, want, root) else s.get("else", True)
            if not _ok(v, branch, root):
                return False
        else:
            raise _Unsure
    return True


def _raise() -> bool:
    raise _Unsure
