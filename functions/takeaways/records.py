"""Frozen dataclasses to JSON and back, checked against their type hints on the way in.

The records other systems read (the summary and rejection records, the alert, the
digest) are plain dataclasses rather than pydantic models: importing pydantic and
building those models cost about 50 ms of every cold start, for shapes this simple.
Their contract is the JSON Schema files in ``schemas/``; tests hold both to each other.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, fields, is_dataclass
from datetime import datetime
from functools import cache
from types import NoneType, UnionType
from typing import Any, Literal, TypeVar, Union, cast, get_args, get_origin, get_type_hints

Record = TypeVar("Record")


class RecordInvalid(ValueError):
    """A JSON document does not have the shape of the record it should hold."""


def to_jsonable(value: Any) -> Any:
    """Dataclasses become objects in field order; datetimes become ISO 8601 (UTC written as ``Z``)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: to_jsonable(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, datetime):
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    return value


def to_json(value: Any, *, indent: int | None = None) -> str:
    """Compact UTF-8 JSON (or indented, for files people open), never ASCII-escaped."""
    separators = (",", ":") if indent is None else None
    return json.dumps(to_jsonable(value), ensure_ascii=False, indent=indent, separators=separators)


def from_json(record_type: type[Record], text: str | bytes) -> Record:
    """Parse and check a JSON document; anything else raises ``RecordInvalid``."""
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise RecordInvalid(f"{record_type.__name__}: not JSON: {error}") from error
    return from_jsonable(record_type, document)


def from_jsonable(record_type: type[Record], document: Any) -> Record:
    """Build ``record_type`` from parsed JSON. Unknown keys are ignored, so newer writers stay readable."""
    return cast(Record, _convert(record_type, document, record_type.__name__))


@cache
def _hints(record_type: type) -> dict[str, Any]:
    return get_type_hints(record_type)


def _convert(kind: Any, value: Any, path: str) -> Any:
    origin = get_origin(kind)
    if kind is Any:
        return value
    if origin is Union or origin is UnionType:
        return _convert_union(get_args(kind), value, path)
    if origin is Literal:
        allowed = get_args(kind)
        if not any(value == option and type(value) is type(option) for option in allowed):
            raise RecordInvalid(f"{path}: {value!r} is not one of {list(allowed)}")
        return value
    if origin is list:
        if not isinstance(value, list):
            raise RecordInvalid(f"{path}: expected a list, got {type(value).__name__}")
        (item_kind,) = get_args(kind)
        return [_convert(item_kind, item, f"{path}[{index}]") for index, item in enumerate(value)]
    if isinstance(kind, type) and is_dataclass(kind):
        return _convert_record(kind, value, path)
    return _convert_scalar(kind, value, path)


def _convert_union(options: tuple[Any, ...], value: Any, path: str) -> Any:
    if value is None:
        if NoneType in options:
            return None
        raise RecordInvalid(f"{path}: must not be null")
    problems = []
    for option in options:
        if option is NoneType:
            continue
        try:
            return _convert(option, value, path)
        except RecordInvalid as problem:
            problems.append(str(problem))
    raise RecordInvalid("; ".join(problems))


def _convert_record(record_type: type, value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        raise RecordInvalid(f"{path}: expected an object, got {type(value).__name__}")
    hints = _hints(record_type)
    arguments = {}
    for field in fields(record_type):
        if field.name in value:
            arguments[field.name] = _convert(hints[field.name], value[field.name], f"{path}.{field.name}")
        elif field.default is MISSING and field.default_factory is MISSING:
            raise RecordInvalid(f"{path}.{field.name}: required")
    try:
        return record_type(**arguments)
    except (TypeError, ValueError) as error:
        raise RecordInvalid(f"{path}: {error}") from error


def _convert_scalar(kind: Any, value: Any, path: str) -> Any:
    if kind is datetime:
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass
        raise RecordInvalid(f"{path}: expected an ISO 8601 date-time, got {value!r}")
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind in (str, int, bool) and type(value) is kind:
        return value
    if kind in (str, int, bool, float):
        raise RecordInvalid(f"{path}: expected {kind.__name__}, got {type(value).__name__}")
    raise TypeError(f"{path}: records cannot hold {kind!r}")
