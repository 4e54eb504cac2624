"""Metaprüfungen der JSON Schemas in schemas/.

Die Schemas benutzen nur Schlüsselwörter aus einer kleinen Liste (die der Übereinstimmungstest
von jsonschema und jsonschema-rs in tests/test_schneller_weg.py abdeckt), jedes Objekt schließt unbekannte
Schlüssel aus, jede Eigenschaft hat eine Beschreibung (Hilfetext im Editor), und die
Verweisprüfung findet ihre Verweisfelder über die Anmerkung ``x-ref``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas"

KINDS = {
    "netzwerk",
    "organisation",
    "person",
    "gremium",
    "arbeitsgruppe",
    "sitzung",
    "empfehlung",
    "veranstaltung",
    "konzept",
}
# Arten, auf die ein Verweis zeigen darf (netzwerk ist einmalig und kein Verweisziel).
REF_KINDS = KINDS - {"netzwerk"}

ALLOWED_KEYWORDS = {
    "$schema",
    "$id",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
    "$ref",
    "$defs",
    "anyOf",
    "title",
    "description",
    "default",
    "examples",
    "x-ref",
    "x-zeitraum",
    "x-vertraulich",
}
# Neben "$ref" nur Anmerkungen: so bleiben die Schemas einfach, und `schemata._aufloesen` (Anmerkungen
# lesen) braucht keine Zusammenführung von Prüfwörtern.
REF_SIBLINGS = {"$ref", "description", "x-ref"}
ALLOWED_FORMATS = {"date", "email"}
COMMON_TOP_LEVEL = {"beispiel", "quelle", "notiz"}


def _schema_files() -> list[Path]:
    return sorted(SCHEMA_DIR.glob("*.schema.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _walk(schema: dict, path: str = "#"):
    """Liefert (json_pointer, teilschema) für jedes Teilschema, auch verschachtelte."""
    yield path, schema
    for key, value in schema.items():
        if key in ("properties", "$defs"):
            for name, sub in value.items():
                yield from _walk(sub, f"{path}/{key}/{name}")
        elif key == "items":
            yield from _walk(value, f"{path}/items")
        elif key == "anyOf":
            for i, sub in enumerate(value):
                yield from _walk(sub, f"{path}/anyOf/{i}")


def _is_object_schema(sub: dict) -> bool:
    typ = sub.get("type")
    types = typ if isinstance(typ, list) else [typ]
    return "object" in types or "properties" in sub or "required" in sub


def _resolve(root: dict, ref: str) -> dict:
    assert ref.startswith("#/$defs/"), f"nur lokale Verweise auf $defs erlaubt: {ref}"
    node = root
    for part in ref[2:].split("/"):
        node = node[part]
    return node


SCHEMAS = {p.name: _load(p) for p in _schema_files()}
ids = sorted(SCHEMAS)


def test_alle_arten_vorhanden():
    assert {name.removesuffix(".schema.json") for name in SCHEMAS} == KINDS


@pytest.mark.parametrize("name", ids)
def test_gueltiges_metaschema(name):
    Draft202012Validator.check_schema(SCHEMAS[name])


@pytest.mark.parametrize("name", ids)
def test_kopf(name):
    schema = SCHEMAS[name]
    kind = name.removesuffix(".schema.json")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://netzwerk-integration.de/schemas/{kind}.schema.json"
    assert isinstance(schema.get("title"), str) and schema["title"].strip()
    assert isinstance(schema.get("description"), str) and schema["description"].strip()
    assert schema["type"] == "object"
    assert COMMON_TOP_LEVEL <= set(schema["properties"]), "beispiel, quelle, notiz fehlen"
    for req in schema.get("required", []):
        assert req in schema["properties"], f"Pflichtfeld {req} ohne Eigenschaft"


@pytest.mark.parametrize("name", ids)
def test_objekte_geschlossen(name):
    for path, sub in _walk(SCHEMAS[name]):
        if _is_object_schema(sub):
            assert sub.get("type") == "object", f"{path}: Objekt ohne type: object"
            assert sub.get("additionalProperties") is False, (
                f"{path}: additionalProperties muss false sein"
            )
        elif "additionalProperties" in sub:
            pytest.fail(f"{path}: additionalProperties außerhalb eines Objekts")
        for req in sub.get("required", []):
            assert req in sub.get("properties", {}), f"{path}: Pflichtfeld {req} fehlt"


@pytest.mark.parametrize("name", ids)
def test_beschreibungen(name):
    for path, sub in _walk(SCHEMAS[name]):
        for prop, prop_schema in sub.get("properties", {}).items():
            desc = prop_schema.get("description")
            assert isinstance(desc, str) and desc.strip(), (
                f"{path}/properties/{prop}: Beschreibung fehlt"
            )


@pytest.mark.parametrize("name", ids)
def test_nur_erlaubte_schluesselwoerter(name):
    root = SCHEMAS[name]
    used_defs: set[str] = set()
    for path, sub in _walk(root):
        assert isinstance(sub, dict), f"{path}: Teilschema muss ein Objekt sein"
        unknown = set(sub) - ALLOWED_KEYWORDS
        assert not unknown, f"{path}: nicht erlaubte Schlüsselwörter {sorted(unknown)}"
        if path != "#":
            assert "$schema" not in sub and "$id" not in sub, f"{path}: $schema/$id nur oben"
            assert "$defs" not in sub, f"{path}: $defs nur oben"
        if "$ref" in sub:
            extra = set(sub) - REF_SIBLINGS
            assert not extra, f"{path}: neben $ref nicht erlaubt: {sorted(extra)}"
            target = _resolve(root, sub["$ref"])
            assert isinstance(target, dict)
            used_defs.add(sub["$ref"].removeprefix("#/$defs/"))
        if "anyOf" in sub:
            assert path.endswith("/$defs/quelle"), f"{path}: anyOf nur für quelle"
        if "items" in sub:
            assert isinstance(sub["items"], dict), f"{path}: items muss ein Schema sein"
        if "format" in sub:
            assert sub["format"] in ALLOWED_FORMATS, f"{path}: Format {sub['format']}"
        if "additionalProperties" in sub:
            assert sub["additionalProperties"] is False
    assert set(root.get("$defs", {})) == used_defs, "nur benutzte $defs definieren"


@pytest.mark.parametrize("name", ids)
def test_x_ref_und_x_zeitraum(name):
    root = SCHEMAS[name]
    found_ref = False
    for path, sub in _walk(root):
        if "x-ref" in sub:
            found_ref = True
            assert sub["x-ref"] in REF_KINDS, f"{path}: unbekannte Art {sub['x-ref']!r}"
            assert sub.get("$ref") == "#/$defs/id", f"{path}: x-ref nur an #/$defs/id"
        if "x-zeitraum" in sub:
            pairs = sub["x-zeitraum"]
            assert isinstance(pairs, list) and pairs
            for pair in pairs:
                assert isinstance(pair, list) and len(pair) == 2, f"{path}: {pair!r}"
                for field in pair:
                    assert field in sub.get("properties", {}), (
                        f"{path}: x-zeitraum nennt unbekanntes Feld {field}"
                    )
    assert found_ref, "kein Verweisfeld mit x-ref gefunden"
