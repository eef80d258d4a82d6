#!/usr/bin/env python3
"""Validate bundle and catalogue documents against the OneThing JSON Schemas.

    python3 grammar/check-schema.py SCHEMA FILE.json...
    python3 grammar/check-schema.py SCHEMA --yaml FILE.yaml [--yaml FILE2.yaml ...]
    python3 grammar/check-schema.py grammar/catalogue.schema.json \
        --yaml bundles/catalogue/calendar-2025.yaml --workdays 248

JSON files are documents the loader has already turned from YAML into JSON. With
`--yaml` the script reads YAML itself, turning it into JSON the way the loader does
(`YAMLNode.json` in Sources/OneThingSource/YAML/YAMLNode+JSON.swift): plain (unquoted,
untagged) `true`/`false` become booleans; plain decimal numbers in JSON's syntax
(`12`, `-3`, `12.5`; not `010`, `+3`, `1e3`, `.5`) numbers; plain `null`, `Null`,
`NULL`, `~` and empty values null; every other scalar, quoted, tagged or not, stays a
string. Duplicate keys are errors. Errors in YAML files name the line and column.

Calendar documents (top-level key `calendar`) get extra checks: every date lies in the
calendar's year, `from` is not after `to`, every make-up working day is a Saturday or
Sunday and is no holiday, no day is listed twice; the number of working days (Monday to
Friday minus holidays plus make-up days) is printed, and compared with `--workdays N`
when given.

Exit status: 0 when every document is valid, 1 when any is not, 2 for bad arguments or
files that cannot be read.

Needs the `jsonschema` package (Draft 2020-12) and, for `--yaml`, PyYAML.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from typing import Any

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover
    sys.stderr.write("check-schema: the jsonschema package is needed (pip install jsonschema)\n")
    sys.exit(2)

DECIMAL = re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$")
NULLS = ("", "~", "null", "Null", "NULL")
PLAIN = "tag:onething:plain"  # the tag given to plain scalars that carry no tag

Path = tuple  # a JSON path: keys and indices


class YAMLProblem(Exception):
    """A YAML file that cannot be turned into JSON."""


def load_yaml(text: str, name: str) -> tuple[Any, dict[Path, tuple[int, int]]]:
    """Reads YAML as the loader does; returns the document and each path's line and column."""
    try:
        import yaml
    except ImportError:  # pragma: no cover
        raise YAMLProblem("the PyYAML package is needed for --yaml (pip install pyyaml)")
    class Loader(yaml.BaseLoader):
        """BaseLoader that marks plain, untagged scalars, the only ones the loader types."""

        def resolve(self, kind, value, implicit):  # type: ignore[override]
            if kind is yaml.ScalarNode and implicit[0]:
                return PLAIN
            return super().resolve(kind, value, implicit)

    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as error:
        raise YAMLProblem(f"not valid YAML: {error}")
    if root is None:
        raise YAMLProblem("the file holds no document")
    marks: dict[Path, tuple[int, int]] = {}

    def convert(node: Any, path: Path, depth: int) -> Any:
        if depth > 64:
            raise YAMLProblem(f"{name}: nests deeper than 64 levels")
        marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            value = node.value
            if node.tag == PLAIN and node.style is None:
                if value in ("true", "false"):
                    return value == "true"
                if value in NULLS:
                    return None
                if DECIMAL.match(value):
                    return float(value) if "." in value else int(value)
            return value
        if isinstance(node, yaml.SequenceNode):
            return [convert(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    line = key_node.start_mark.line + 1
                    raise YAMLProblem(f"{name}:{line}: a mapping key is not plain text")
                key = key_node.value
                if key in result:
                    line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    raise YAMLProblem(f"{name}:{line}:{column}: duplicate key {key!r}")
                result[key] = convert(value_node, path + (key,), depth + 1)
            return result
        raise YAMLProblem(f"{name}: unexpected YAML node {node!r}")

    return convert(root, (), 0), marks


def json_path(path: Path) -> str:
    out = "$"
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", part):
            out += f".{part}"
        else:
            out += "[" + json.dumps(part, ensure_ascii=False) + "]"
    return out


def where(name: str, path: Path, marks: dict[Path, tuple[int, int]] | None) -> str:
    if marks:
        probe = tuple(path)
        while probe not in marks and probe:
            probe = probe[:-1]
        if probe in marks:
            line, column = marks[probe]
            return f"{name}:{line}:{column}"
    return name


def fits(error: jsonschema.ValidationError) -> bool:
    """Whether the alternative that reported `error` at least fits the value's type."""
    if error.relative_path:
        return True
    if error.validator == "type":
        return False
    if error.validator in ("oneOf", "anyOf") and error.context:
        return any(fits(e) for e in error.context)
    return True


def describe(error: jsonschema.ValidationError) -> list[str]:
    """The error in plain words, plus the most relevant reason when it is about alternatives."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    title = schema.get("title")
    if error.validator == "pattern" and title:
        lines = [f"{error.instance!r} is not a valid {title}"]
        lines += [f"  {line}" for line in str(schema.get("description", "")).splitlines()]
        return lines
    if error.validator == "not" and isinstance(error.validator_value, dict) \
            and list(error.validator_value) == ["required"]:
        keys = ", ".join(repr(k) for k in error.validator_value["required"])
        return [f"{keys} is not allowed here"]
    if error.validator in ("minContains", "maxContains", "contains"):
        return [f"{error.message} (a rule list needs exactly one rule without 'when', the last one)"
                if error.absolute_path and error.absolute_path[-1] == "lead" else error.message]
    lines = [error.message]
    if error.validator in ("oneOf", "anyOf") and error.context:
        # Prefer the alternatives whose type fits the value: their errors say what is wrong.
        branches: dict[Any, list[jsonschema.ValidationError]] = {}
        for sub_error in error.context:
            branches.setdefault(sub_error.relative_schema_path[0], []).append(sub_error)
        fitting = [e for group in branches.values() if all(fits(e) for e in group) for e in group]
        best = jsonschema.exceptions.best_match(fitting or error.context)
        if best is not None:
            sub = json_path(tuple(best.absolute_path))
            for i, line in enumerate(describe(best)):
                lines.append(f"  closest alternative: {sub}: {line}" if i == 0 else f"  {line}")
    return lines


def check_calendar(calendar: dict[str, Any]) -> tuple[list[str], int | None]:
    """Consistency checks of one calendar year; returns problems and the working-day count."""
    problems: list[str] = []
    year = calendar.get("year")
    if not isinstance(year, int):
        return problems, None

    def day(text: Any, what: str) -> datetime.date | None:
        try:
            value = datetime.date.fromisoformat(text)
        except (TypeError, ValueError):
            return None  # the schema reports it
        if value.year != year:
            problems.append(f"{what} {text} lies outside the year {year}")
        return value

    off: set[datetime.date] = set()
    for i, holiday in enumerate(calendar.get("holidays") or []):
        if not isinstance(holiday, dict):
            continue
        start = day(holiday.get("from"), f"holidays[{i}].from")
        end = day(holiday.get("to"), f"holidays[{i}].to")
        if start is None or end is None:
            continue
        if start > end:
            problems.append(f"holidays[{i}] ({holiday.get('name')}): from {start} is after to {end}")
            continue
        current = start
        while current <= end:
            if current in off:
                problems.append(f"{current} is in more than one holiday period")
            off.add(current)
            current += datetime.timedelta(days=1)
    on: set[datetime.date] = set()
    for i, text in enumerate(calendar.get("workdays") or []):
        value = day(text, f"workdays[{i}]")
        if value is None:
            continue
        if value.weekday() < 5:
            problems.append(f"make-up working day {value} is a {value.strftime('%A')}, not a Saturday or Sunday")
        if value in off:
            problems.append(f"make-up working day {value} is also a holiday")
        on.add(value)
    count = 0
    current = datetime.date(year, 1, 1)
    while current.year == year:
        if current in on or (current.weekday() < 5 and current not in off):
            count += 1
        current += datetime.timedelta(days=1)
    return problems, count


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="check-schema.py",
        description="Validate JSON (or YAML) documents against a OneThing JSON Schema.")
    parser.add_argument("schema", help="the JSON Schema file, e.g. grammar/bundle.schema.json")
    parser.add_argument("files", nargs="*", help="JSON documents (converted from YAML by the loader)")
    parser.add_argument("--yaml", action="append", default=[], metavar="FILE",
                        help="a YAML document, read with the loader's scalar rules (repeatable)")
    parser.add_argument("--workdays", type=int, metavar="N",
                        help="for calendar documents: the expected number of working days in the year")
    parser.add_argument("--quiet", action="store_true", help="print only problems")
    args = parser.parse_args(argv)
    if not args.files and not args.yaml:
        parser.error("no documents given")

    try:
        with open(args.schema, encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
    except (OSError, json.JSONDecodeError, jsonschema.SchemaError) as error:
        sys.stderr.write(f"check-schema: cannot use schema {args.schema}: {error}\n")
        return 2
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    documents: list[tuple[str, Any, dict[Path, tuple[int, int]] | None]] = []
    failed = False
    unreadable = False
    for name in args.files:
        try:
            with open(name, encoding="utf-8") as f:
                documents.append((name, json.load(f), None))
        except OSError as error:
            sys.stderr.write(f"{name}: cannot read: {error}\n")
            unreadable = True
        except json.JSONDecodeError as error:
            print(f"{name}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}")
            failed = True
    for name in args.yaml:
        try:
            with open(name, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as error:
            sys.stderr.write(f"{name}: cannot read: {error}\n")
            unreadable = True
            continue
        try:
            document, marks = load_yaml(text, name)
        except YAMLProblem as problem:
            message = str(problem)
            print(message if message.startswith(name) else f"{name}: {message}")
            failed = True
            continue
        documents.append((name, document, marks))

    for name, document, marks in documents:
        errors = sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
        for error in errors:
            path = tuple(error.absolute_path)
            message = describe(error)
            print(f"{where(name, path, marks)}: {json_path(path)}: {message[0]}")
            for extra in message[1:]:
                print(f"    {extra}")
        ok = not errors
        if isinstance(document, dict) and isinstance(document.get("calendar"), dict):
            problems, count = check_calendar(document["calendar"])
            for problem in problems:
                print(f"{name}: $.calendar: {problem}")
            ok = ok and not problems
            if count is not None:
                if args.workdays is not None and count != args.workdays:
                    print(f"{name}: $.calendar: {count} working days in {document['calendar'].get('year')}, expected {args.workdays}")
                    ok = False
                elif not args.quiet:
                    print(f"{name}: {count} working days in {document['calendar'].get('year')}")
        if ok and not args.quiet:
            print(f"{name}: valid")
        failed = failed or not ok

    if unreadable:
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
