"""The records other systems read, as frozen dataclasses: to JSON and back, bounds, and JSON Schema.

The summary and rejection records, the alert and the digest are plain dataclasses rather
than pydantic models: importing pydantic and building those models cost about 50 ms of
every cold start, for shapes this simple. Each field's description and bounds live in
its ``dataclasses.field`` metadata (``field_info``), in pydantic's vocabulary (``ge``, ``le``,
``min_length``, ``max_length``): ``check_bounds`` enforces them at run time, and
``json_schema`` hands the dataclass to pydantic (imported only then, by the CLI and the
tests) to write the published schema files in ``schemas/``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import MISSING, fields, is_dataclass
from datetime import datetime
from functools import cache
from types import NoneType, UnionType
from typing import Any, Literal, TypeVar, Union, cast, get_args, get_origin, get_type_hints

Record = TypeVar("Record")
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_LOWER_BOUNDS = frozenset({"ge", "min_length"})
_UPPER_BOUNDS = frozenset({"le", "max_length"})


class RecordInvalid(ValueError):
    """A JSON document does not have the shape of the record it should hold."""


def field_info(description: str | None = None, **bounds: float) -> dict[str, Any]:
    """A field's metadata: its description and bounds (``ge``, ``le``, ``min_length``, ``max_length``)."""
    return {**bounds, "description": description} if description else dict(bounds)


def bound_problems(instance: Any) -> list[str]:
    """Every field of a dataclass instance outside the bounds its metadata declares."""
    problems = []
    for spec in fields(instance):
        value = getattr(instance, spec.name)
        for key, bound in spec.metadata.items():
            if key not in _LOWER_BOUNDS and key not in _UPPER_BOUNDS:
                continue
            measured = len(value) if key.endswith("_length") else value
            if (key in _LOWER_BOUNDS and measured < bound) or (key in _UPPER_BOUNDS and measured > bound):
                problems.append(f"{spec.name}: {measured} is outside the bound {key}={bound}")
    return problems


def check_bounds(record: Any) -> None:
    """Raise ``ValueError`` for a field outside the bounds its metadata declares."""
    problems = bound_problems(record)
    if problems:
        raise ValueError(problems[0])


def check_items(items: Sequence[object], kind: type, field_name: str) -> None:
    """Catch a list of plain dicts where records belong: dataclasses, unlike pydantic, do not convert them.

    Parsed JSON goes through ``from_jsonable``, which builds the records.
    """
    for item in items:
        if not isinstance(item, kind):
            raise TypeError(f"{field_name} holds a {type(item).__name__}, not a {kind.__name__}")


def json_schema(record_type: type, schema_id: str) -> str:
    """The published JSON Schema of a record, as the exact text of its file (pydantic is imported here only)."""
    from pydantic import TypeAdapter

    schema = {"$schema": JSON_SCHEMA_DIALECT, "$id": schema_id, **TypeAdapter(record_type).json_schema()}
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


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
    for spec in fields(record_type):
        if spec.name in value:
            arguments[spec.name] = _convert(hints[spec.name], value[spec.name], f"{path}.{spec.name}")
        elif spec.default is MISSING and spec.default_factory is MISSING:
            raise RecordInvalid(f"{path}.{spec.name}: required")
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
