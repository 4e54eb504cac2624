"""Die OParl-Prüfung des Projekts: prüft einen statischen OParl-1.1-Dateibaum.

1. Die offiziellen OParl-1.1-Schemas (`oparl_schema/`, CC BY-SA 4.0, unverändert) mit jsonschema,
   für jedes Objekt – auch eingebettete – und jeden Eintrag jeder Objektliste. Dabei: `format:
   url` (http/https mit Rechnername), `date`, `date-time` (mit Zeitzone) werden geprüft;
   `Body.mainOrganization` ist gelockert (das Schema lehnt dort jede URL ab). Schnell: Erst sagt
   ein kompilierter Prüfer (jsonschema-rs, dieselben Schemas und Formatfunktionen) „gültig“;
   nur wo er das nicht sagt, läuft jsonschema mit genauen Meldungen (`_schnellpruefer`).
2. Regeln des Spezifikationstexts, die die Schemas nicht enthalten: `created` und `modified` an
   jedem Objekt; die ZWINGENDen Listen-URLs des Body; kein `null`, `""` oder `[]` für fehlende
   Werte (ausgenommen Pflichtfelder wie `Body.legislativeTerm`); zusätzliche Eigenschaften nur
   mit Herstellerpräfix (`präfix:name`).
3. Prüfungen über Objekte hinweg: jede verlinkte URL unterhalb der Basis-URL hat ihre Datei;
   die id eines Objekts passt zu seinem Dateipfad; jedes Objekt mit eigener Datei steht in der
   Objektliste seines Typs (und dort genau so wie in seiner Datei); keine leeren Texte.

Meldungen deutsch, jede mit Datei, JSON-Pfad und stabiler Regel-id. Auch als Testhilfe:
`pruefe_ordner(ordner)` liefert die Liste der Befunde (leer = in Ordnung).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

OPARL = "https://schema.oparl.org/1.1/"
SCHEMA_ORDNER = Path(__file__).parent / "oparl_schema"
TYPEN = (
    "System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem",
    "Paper", "Consultation", "File", "Location", "LegislativeTerm",
)
BODY_ZWINGEND = ("agendaItem", "consultation", "file", "locationList", "legislativeTermList", "membership")
# Typ → Eigenschaft des Body mit der Objektliste dieses Typs
LISTE_DES_TYPS = {
    "Organization": "organization",
    "Person": "person",
    "Meeting": "meeting",
    "Paper": "paper",
    "AgendaItem": "agendaItem",
    "Consultation": "consultation",
    "File": "file",
    "Location": "locationList",
    "LegislativeTerm": "legislativeTermList",
    "Membership": "membership",
}


@dataclass(frozen=True, order=True)
class Befund:
    datei: str  # relativ zum Ausgabeordner
    pfad: str  # JSON-Pfad im Dokument, z. B. $.data[3].created
    regel: str
    meldung: str

    def __str__(self) -> str:
        return f"{self.datei}: {self.pfad}: [{self.regel}] {self.meldung}"


# --------------------------------------------------------------------------- Schemas


@lru_cache(maxsize=1)
def _schemas() -> dict[str, dict]:
    schemas = {}
    for typ in TYPEN:
        schema = json.loads((SCHEMA_ORDNER / f"{typ}.json").read_text(encoding="utf-8"))
        if typ == "Body":  # „Next“-Feld, das jede URL ablehnt (README in oparl_schema/)
            schema = {**schema, "properties": {**schema["properties"], "mainOrganization": {"type": "string", "format": "url"}}}
        schemas[typ] = schema
    return schemas


@lru_cache(maxsize=1)
def _validatoren() -> dict:
    import jsonschema
    from referencing import Registry, Resource

    schemas = _schemas()
    ressourcen = []
    for schema in schemas.values():
        r = Resource.from_contents(schema)
        ressourcen += [(schema["$id"], r), (schema["$id"] + ".json", r)]
    registry = Registry().with_resources(ressourcen)
    formate = jsonschema.FormatChecker(formats=())
    formate.checks("url")(_ist_url)
    formate.checks("date")(_ist_datum)
    formate.checks("date-time")(_ist_zeitpunkt)
    return {typ: jsonschema.Draft7Validator(s, registry=registry, format_checker=formate) for typ, s in schemas.items()}


@lru_cache(maxsize=1)
def _schnellpruefer() -> dict[str, Callable[[object], bool]] | None:
    """Kompilierte Prüfer (jsonschema-rs, Draft 7) je Typ: sagen nur „gültig“, dafür schnell – wie
    `dateipruefung.schemata.schnellpruefer`. Dieselben Schemas, dieselbe Registry (mit und ohne
    „.json“), dieselben Formatfunktionen wie `_validatoren`. Sagt ein Prüfer „ungültig“ (oder
    scheitert er), entscheidet jsonschema mit genauer Meldung; nur dessen Urteil zählt. Die OParl-
    Schemas haben keine `pattern`, also nichts, worin sich die Regex-Dialekte unterscheiden könnten.
    Gleiches Urteil: tests/test_export_gleichheit.py. Ohne jsonschema-rs: None (nur jsonschema)."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - jsonschema-rs ist eine Abhängigkeit, aber optional nutzbar
        return None
    schemas = _schemas()
    ressourcen = []
    for schema in schemas.values():
        ressourcen += [(schema["$id"], schema), (schema["$id"] + ".json", schema)]
    registry = jsonschema_rs.Registry(ressourcen)
    formate = {"url": _ist_url, "date": _ist_datum, "date-time": _ist_zeitpunkt}
    return {
        typ: _sicher(jsonschema_rs.Draft7Validator(schema, registry=registry, formats=formate, validate_formats=True).is_valid)
        for typ, schema in schemas.items()
    }


def _sicher(ist_gueltig: Callable[[object], bool]) -> Callable[[object], bool]:
    def gueltig(objekt: object) -> bool:
        try:
            return bool(ist_gueltig(objekt))
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # fremde Typen, Surrogate, ein Rust-panic: der genaue Weg entscheidet
            return False

    return gueltig


def _ist_url(wert) -> bool:
    if not isinstance(wert, str):
        return True
    # schneller Weg: druckbar (keine Steuer- und Trennzeichen außer dem Leerzeichen) und ohne
    # Leerzeichen heißt „kein Leer- oder Steuerzeichen“; sonst Zeichen für Zeichen
    if not (wert.isprintable() and " " not in wert) and any(z.isspace() or ord(z) < 32 for z in wert):
        return False
    try:
        teile = urlsplit(wert)
    except ValueError:
        return False
    return teile.scheme in ("http", "https") and bool(teile.netloc)


def _ist_datum(wert) -> bool:
    if not isinstance(wert, str):
        return True
    try:
        date.fromisoformat(wert)
    except ValueError:
        return False
    return len(wert) == 10


def _ist_zeitpunkt(wert) -> bool:
    if not isinstance(wert, str):
        return True
    try:
        punkt = datetime.fromisoformat(wert.replace("Z", "+00:00"))
    except ValueError:
        return False
    return "T" in wert and punkt.tzinfo is not None


@lru_cache(maxsize=1)
def _eigenschaften() -> dict[str, tuple[set[str], set[str]]]:
    """Typ → (bekannte Eigenschaften, Pflichtfelder) laut Schema."""
    aus = {}
    for typ in TYPEN:
        schema = json.loads((SCHEMA_ORDNER / f"{typ}.json").read_text(encoding="utf-8"))
        aus[typ] = (set(schema.get("properties", {})), set(schema.get("required", [])))
    return aus


def _typ(objekt) -> str | None:
    if isinstance(objekt, dict) and isinstance(objekt.get("type"), str) and objekt["type"].startswith(OPARL):
        name = objekt["type"][len(OPARL):]
        return name if name in TYPEN else None
    return None


_VALIDATOR_TEXT = {
    "type": "hat den falschen Typ",
    "format": "hat das falsche Format",
    "const": "hat einen anderen als den festen Wert",
    "enum": "hat einen nicht erlaubten Wert",
    "minimum": "ist zu klein",
    "additionalProperties": "enthält nicht erlaubte Eigenschaften",
}
_TYPNAMEN = {"string": "Text", "integer": "ganze Zahl", "boolean": "Wahrheitswert", "array": "Liste", "object": "Objekt", "number": "Zahl"}


def _schema_meldung(fehler) -> str:
    v = fehler.validator
    if v == "required":
        fehlend = [f for f in fehler.validator_value if isinstance(fehler.instance, dict) and f not in fehler.instance]
        return f"Pflichtfeld „{fehlend[0] if fehlend else fehler.validator_value}“ fehlt"
    if v == "type":
        erwartet: list[str] = fehler.validator_value if isinstance(fehler.validator_value, list) else [fehler.validator_value]
        return f"falscher Typ: erwartet {' oder '.join(_TYPNAMEN.get(t, t) for t in erwartet)}"
    if v == "format":
        art = {"url": "URL (http/https)", "date": "Datum (JJJJ-MM-TT)", "date-time": "Zeitpunkt mit Zeitzone (ISO 8601)"}.get(fehler.validator_value, fehler.validator_value)
        return f"ungültiges Format: erwartet {art}, gefunden {json.dumps(fehler.instance, ensure_ascii=False)[:80]}"
    if v == "const":
        return f"muss „{fehler.validator_value}“ sein"
    if v == "enum":
        return f"Wert nicht erlaubt (erlaubt: {', '.join(map(str, fehler.validator_value))})"
    return f"verletzt die Schemaregel „{v}“ ({_VALIDATOR_TEXT.get(v, 'siehe OParl-Schema')})"


def _pfad(teile) -> str:
    aus = "$"
    for t in teile:
        aus += f"[{t}]" if isinstance(t, int) else f".{t}"
    return aus


# --------------------------------------------------------------------------- Prüfung


class _Pruefung:
    def __init__(self, dateien: dict[str, object], basis: str | None):
        self.dateien = dateien
        self.befunde: list[Befund] = []
        self.basis = basis.rstrip("/") if basis else self._basis_aus_system()

    def melde(self, datei: str, pfad, regel: str, meldung: str) -> None:
        self.befunde.append(Befund(datei, pfad if isinstance(pfad, str) else _pfad(pfad), regel, meldung))

    def _basis_aus_system(self) -> str | None:
        system = self.dateien.get("system.json")
        if isinstance(system, dict) and isinstance(system.get("id"), str) and system["id"].endswith("/system.json"):
            return system["id"][: -len("/system.json")]
        return None

    def datei_von(self, url: str) -> str | None:
        if self.basis and url.startswith(self.basis + "/"):
            return url[len(self.basis) + 1:]
        return None

    def alles(self) -> list[Befund]:
        if "system.json" not in self.dateien:
            self.melde("system.json", "$", "oparl-einstieg", "system.json fehlt (Einstieg jedes OParl-Exports)")
        elif _typ(self.dateien["system.json"]) != "System":
            self.melde("system.json", "$.type", "oparl-einstieg", "system.json enthält kein System-Objekt")
        if self.basis is None:
            self.melde("system.json", "$.id", "oparl-einstieg", "Basis-URL nicht bestimmbar (id von system.json muss auf /system.json enden)")
        objekte: dict[str, tuple[str, dict]] = {}  # id → (datei, objekt) aller Objekte mit eigener Datei
        listen: dict[str, dict] = {}  # Datei → Liste
        for datei, inhalt in sorted(self.dateien.items()):
            if not isinstance(inhalt, dict):
                self.melde(datei, "$", "oparl-json", "kein JSON-Objekt")
                continue
            self.leerwerte(datei, inhalt, [], None)
            if "data" in inhalt and "type" not in inhalt:
                listen[datei] = inhalt
                self.liste(datei, inhalt)
                continue
            typ = _typ(inhalt)
            if typ is None:
                self.melde(datei, "$.type", "oparl-typ", f"unbekannter oder fehlender OParl-Typ „{inhalt.get('type')}“")
                continue
            self.objekt(datei, inhalt, [])
            oid = inhalt.get("id")
            if isinstance(oid, str):
                if self.basis and self.datei_von(oid) != datei:
                    self.melde(datei, "$.id", "oparl-id-pfad", f"id „{oid}“ passt nicht zum Dateipfad „{datei}“ unter {self.basis}/")
                objekte[oid] = (datei, inhalt)
        self.verweise()
        self.listenzugehoerigkeit(objekte, listen)
        return sorted(set(self.befunde))

    def liste(self, datei: str, liste: dict) -> None:
        daten = liste.get("data")
        if not isinstance(daten, list):
            self.melde(datei, "$.data", "oparl-liste", "Objektliste ohne Liste „data“")
            return
        for i, eintrag in enumerate(daten):
            if _typ(eintrag) is None:
                self.melde(datei, f"$.data[{i}].type", "oparl-typ", "Eintrag der Objektliste ohne gültigen OParl-Typ")
                continue
            self.objekt(datei, eintrag, ["data", i])

    def objekt(self, datei: str, objekt: dict, pfad: list) -> None:
        """Schema, Pflichtregeln des Texts und Herstellerpräfixe – für das Objekt und alle
        eingebetteten Objekte (die das Schema über $ref mitprüft)."""
        typ = _typ(objekt)
        assert typ is not None, "objekt() nur für Objekte mit OParl-Typ (prüfen die Aufrufer)"
        if pfad == [] or pfad[:1] == ["data"] and len(pfad) == 2:  # Schema einmal je Wurzelobjekt
            schnell = _schnellpruefer()  # „gültig“ dort heißt: jsonschema fände nichts
            if schnell is None or not schnell[typ](objekt):
                self.schema_befunde(datei, typ, objekt, pfad)
        for feld in ("created", "modified"):
            if feld not in objekt:
                self.melde(datei, pfad, "oparl-zeitstempel", f"{typ}: „{feld}“ fehlt (laut Spezifikation an jedem Objekt Pflicht)")
        if typ == "Body":
            for feld in BODY_ZWINGEND:
                if feld not in objekt:
                    self.melde(datei, pfad, "oparl-body-liste", f"Body: die zwingende Listen-URL „{feld}“ fehlt")
        bekannt, _ = _eigenschaften()[typ]
        for schluessel, wert in objekt.items():
            if schluessel not in bekannt and ":" not in schluessel:
                self.melde(datei, pfad + [schluessel], "oparl-erweiterung", f"{typ}: Eigenschaft „{schluessel}“ gibt es in OParl nicht; eigene Eigenschaften brauchen ein Herstellerpräfix (z. B. „netzwerk:{schluessel}“)")
            for i, kind in enumerate(wert) if isinstance(wert, list) else ([(None, wert)] if isinstance(wert, dict) else []):
                if _typ(kind) is not None and ":" not in schluessel:
                    self.objekt(datei, kind, pfad + [schluessel] + ([i] if i is not None else []))

    def schema_befunde(self, datei: str, typ: str, objekt: dict, pfad: list) -> None:
        for fehler in sorted(_validatoren()[typ].iter_errors(objekt), key=lambda f: list(f.absolute_path)):
            self.melde(datei, pfad + list(fehler.absolute_path), "oparl-schema", _schema_meldung(fehler))

    def leerwerte(self, datei: str, wert, pfad: list, typ: str | None) -> None:
        if isinstance(wert, dict):
            typ_hier = _typ(wert) or typ if "type" in wert else None
            pflicht = _eigenschaften()[typ_wert][1] if (typ_wert := _typ(wert)) else set()
            for k, v in wert.items():
                if v is None:
                    self.melde(datei, pfad + [k], "oparl-leerwert", f"„{k}“ ist null; fehlende Werte werden weggelassen")
                elif isinstance(v, str) and not v.strip():
                    self.melde(datei, pfad + [k], "oparl-leerwert", f"„{k}“ ist ein leerer Text; fehlende Werte werden weggelassen")
                elif v == [] and k not in pflicht and not (k == "data" and not pfad):
                    self.melde(datei, pfad + [k], "oparl-leerwert", f"„{k}“ ist eine leere Liste; fehlende Werte werden weggelassen")
                elif v == {}:
                    self.melde(datei, pfad + [k], "oparl-leerwert", f"„{k}“ ist ein leeres Objekt; fehlende Werte werden weggelassen")
                else:
                    self.leerwerte(datei, v, pfad + [k], typ_hier)
        elif isinstance(wert, list):
            for i, v in enumerate(wert):
                if v is None or (isinstance(v, str) and not v.strip()):
                    self.melde(datei, pfad + [i], "oparl-leerwert", "leerer Eintrag (null oder leerer Text) in einer Liste")
                else:
                    self.leerwerte(datei, v, pfad + [i], typ)

    def verweise(self) -> None:
        """Jede URL unter der Basis-URL muss eine Datei haben."""
        basis = self.basis
        if not basis:
            return

        def gehe(datei, wert, pfad):
            if isinstance(wert, dict):
                for k, v in wert.items():
                    gehe(datei, v, pfad + [k])
            elif isinstance(wert, list):
                for i, v in enumerate(wert):
                    gehe(datei, v, pfad + [i])
            elif isinstance(wert, str) and (wert == basis or wert.startswith(basis + "/")):
                ziel = self.datei_von(wert)
                if ziel not in self.dateien:
                    self.melde(datei, pfad, "oparl-verweis", f"Verweis „{wert}“ zeigt auf keine Datei des Exports")

        for datei, inhalt in sorted(self.dateien.items()):
            gehe(datei, inhalt, [])

    def listenzugehoerigkeit(self, objekte: dict[str, tuple[str, dict]], listen: dict[str, dict]) -> None:
        """Jedes Objekt mit eigener Datei steht in der Liste seines Typs, und dort mit demselben
        Inhalt; eingebettete Objekte haben eine eigene Datei mit demselben Inhalt."""
        body_listen: dict[str, set[str | None]] = {}  # Listen-Datei → ids darin (None: Eintrag ohne id)
        for datei, liste in listen.items():
            body_listen[datei] = {e.get("id") for e in liste.get("data") or [] if isinstance(e, dict)}
            for i, eintrag in enumerate(liste.get("data") or []):
                if isinstance(eintrag, dict) and eintrag.get("id") in objekte and objekte[eintrag["id"]][1] != eintrag:
                    self.melde(datei, f"$.data[{i}]", "oparl-liste-abweichend", f"Eintrag „{eintrag['id']}“ weicht von seiner eigenen Datei ab")
        system = roh_system if isinstance(roh_system := self.dateien.get("system.json"), dict) else {}
        bodies_datei = self.datei_von(system.get("body", "")) if isinstance(system.get("body"), str) else None
        bodies = [o for o in objekte.values() if _typ(o[1]) == "Body"]
        for oid, (datei, objekt) in sorted(objekte.items()):
            typ = _typ(objekt)
            assert typ is not None, "objekte enthält nur Objekte mit OParl-Typ (siehe alles)"
            if typ == "System":
                continue
            ziele: list[str | None]
            if typ == "Body":
                ziele = [bodies_datei] if bodies_datei else []
            else:
                ziele = [self.datei_von(b[1].get(LISTE_DES_TYPS[typ], "")) for b in bodies if isinstance(b[1].get(LISTE_DES_TYPS[typ]), str)]
            if not any(z is not None and z in body_listen and oid in body_listen[z] for z in ziele):
                wo = " oder ".join(z for z in ziele if z) or "(keine Liste für diesen Typ verlinkt)"
                self.melde(datei, "$.id", "oparl-nicht-in-liste", f"{typ} „{oid}“ fehlt in seiner Objektliste {wo}")
        # eingebettete Objekte: eigene Datei mit gleichem Inhalt
        for datei, inhalt in sorted(self.dateien.items()):
            for pfad, kind in _eingebettete(inhalt, []):
                kid = kind.get("id")
                if isinstance(kid, str) and self.datei_von(kid) in self.dateien and kid in objekte and objekte[kid][1] != kind:
                    self.melde(datei, pfad, "oparl-eingebettet-abweichend", f"eingebettetes Objekt „{kid}“ weicht von seiner eigenen Datei ab")


def _eingebettete(wert, pfad):
    if isinstance(wert, dict):
        for k, v in wert.items():
            kinder = v if isinstance(v, list) else [v]
            for i, kind in enumerate(kinder):
                unterpfad = pfad + [k] + ([i] if isinstance(v, list) else [])
                if _typ(kind) is not None and not (k == "data" and not pfad):
                    yield _pfad(unterpfad), kind
                yield from _eingebettete(kind, unterpfad)


def pruefe_dateien(dateien: dict[str, object], basis_url: str | None = None) -> list[Befund]:
    """Prüft einen Export im Speicher (Pfad relativ zum Ordner → geladenes JSON)."""
    return _Pruefung(dateien, basis_url).alles()


def pruefe_ordner(ordner: Path, basis_url: str | None = None) -> list[Befund]:
    """Liest alle `*.json` unter `ordner` (ohne versteckte Dateien und Ordner) und prüft sie."""
    ordner = Path(ordner)
    dateien: dict[str, object] = {}
    befunde: list[Befund] = []
    for pfad in sorted(ordner.rglob("*.json")):
        rel = pfad.relative_to(ordner)
        if any(t.startswith(".") for t in rel.parts) or not pfad.is_file():
            continue
        try:
            dateien[rel.as_posix()] = json.loads(pfad.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            befunde.append(Befund(rel.as_posix(), "$", "oparl-json", f"kein gültiges JSON in UTF-8 ({type(e).__name__})"))
    return sorted(befunde + pruefe_dateien(dateien, basis_url))
