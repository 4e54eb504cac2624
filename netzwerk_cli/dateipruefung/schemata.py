"""Die JSON Schemas: laden, Validatoren einmal je Art bauen, Anmerkungen auslesen.

Die Schemas tragen zwei eigene Anmerkungen, die die allgemeinen Prüfungen lesen:
* `x-ref: <art>` an Verweisfeldern (Verweisprüfung, Regel `ref-unbekannt`);
* `x-zeitraum: [[beginn, ende], …]` an Objekten (Regel `zeitraum-ungueltig`).
Damit braucht ein neues Verweisfeld keinen Code, nur einen Eintrag im Schema.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from netzwerk_cli.grundlagen.arten import ARTEN
from netzwerk_cli.grundlagen.datum import iso_datum
from netzwerk_cli.grundlagen.pfade import PAKET

STERN = "*"  # Platzhalter für „jedes Listenelement“ in Mustern


def schema_ordner() -> Path:
    """Installiert: netzwerk_cli/_schemas; im Quellbaum (auch editierbar): ../schemas."""
    paket = PAKET
    for kandidat in (paket / "_schemas", paket.parent / "schemas"):
        if (kandidat / "netzwerk.schema.json").is_file():
            return kandidat
    raise FileNotFoundError("Schemas nicht gefunden (Installation unvollständig)")


@cache
def schema(art: str) -> dict:
    with open(schema_ordner() / f"{art}.schema.json", encoding="utf-8") as f:
        return json.load(f)


@cache
def schema_hash() -> str:
    h = hashlib.sha256()
    for art in ARTEN:
        h.update((schema_ordner() / f"{art}.schema.json").read_bytes())
    return h.hexdigest()[:16]


@cache
def validator(art: str):
    """Ein Validator je Art, einmal gebaut (jsonschema wird erst hier importiert)."""
    from jsonschema import Draft202012Validator, ValidationError, validators

    def eindeutig(validator, gefordert, instanz, _schema):
        # jsonschema vergleicht nicht sortierbare Einträge (Zuordnungen) jeden mit jedem – bei
        # feindseligen Dateien quadratisch. Gleiches Urteil über kanonische Schlüssel in O(n).
        if gefordert and validator.is_type(instanz, "array") and doppelter_eintrag(instanz) is not None:
            yield ValidationError("Einträge nicht eindeutig")

    klasse = validators.extend(Draft202012Validator, {"uniqueItems": eindeutig})
    return klasse(schema(art), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _kanonisch(wert: Any) -> Any:
    """Hashbarer Schlüssel mit der Gleichheit von JSON Schema (1 = 1.0, aber true ≠ 1)."""
    if isinstance(wert, bool):
        return ("b", wert)
    if isinstance(wert, (int, float)):
        return ("n", int(wert) if isinstance(wert, float) and wert.is_integer() else wert)
    if isinstance(wert, str):
        return ("s", wert)
    if wert is None:
        return ("z",)
    if isinstance(wert, dict):
        return ("o", frozenset((k, _kanonisch(v)) for k, v in wert.items()))
    if isinstance(wert, list):
        return ("a", tuple(_kanonisch(v) for v in wert))
    return ("?", repr(wert))


def doppelter_eintrag(liste: list) -> Any | None:
    """Der erste Eintrag, der schon einmal vorkam (Gleichheit wie in JSON Schema), sonst None."""
    gesehen = set()
    for el in liste:
        schluessel = _kanonisch(el)
        if schluessel in gesehen:
            return el
        gesehen.add(schluessel)
    return None


_FORMATE = {"date": lambda wert: iso_datum(wert) is not None, "email": lambda wert: "@" in wert}  # wie jsonschemas FORMAT_CHECKER


# Python-`\s` (str) ist Unicode-Leerraum wie `str.isspace()`; Rusts `\s` (Unicode White_Space)
# kennt U+001C–U+001F nicht. Sonst sind beide gleich (geprüft über alle Zeichen in
# tests/test_schneller_weg.py). Python-`\Z` heißt in Rust `\z`.
_RUST_LEERRAUM = r"\s\x1c-\x1f"
_NICHT_UEBERSETZT = frozenset(r"\S \d \D \w \W \b \B \A".split())


def muster_fuer_rust(muster: str) -> str:
    """Ein `pattern` (Python-`re`, wie es die Referenz jsonschema liest) so umschreiben, dass
    jsonschema-rs (fancy-regex) dieselben Texte annimmt. Unbekanntes lehnt es ab (ValueError)."""
    aus: list[str] = []
    in_klasse = False
    i = 0
    while i < len(muster):
        zeichen = muster[i]
        if zeichen == "\\":
            paar = muster[i : i + 2]
            if paar == r"\s":
                aus.append(_RUST_LEERRAUM if in_klasse else f"[{_RUST_LEERRAUM}]")
            elif paar == r"\Z":
                aus.append(r"\z")
            elif paar in _NICHT_UEBERSETZT:
                raise ValueError(f"Muster {muster!r}: {paar} ist für den schnellen Prüfer nicht übersetzt")
            else:
                aus.append(paar)
            i += 2
            continue
        if zeichen == "[" and not in_klasse:
            in_klasse = True
        elif zeichen == "]" and in_klasse:
            in_klasse = False
        aus.append(zeichen)
        i += 1
    return "".join(aus)


_WERTE = frozenset({"enum", "const", "default", "examples"})  # Daten, keine Teilschemas: unverändert


def _fuer_rust(knoten: Any) -> Any:
    """Kopie eines Schemas mit allen `pattern` durch `muster_fuer_rust`."""
    if isinstance(knoten, dict):
        return {
            k: v if k in _WERTE else muster_fuer_rust(v) if k == "pattern" and isinstance(v, str) else _fuer_rust(v) for k, v in knoten.items()
        }
    if isinstance(knoten, list):
        return [_fuer_rust(v) for v in knoten]
    return knoten


@cache
def schnellpruefer(art: str) -> Callable[[Any], bool]:
    """Kompilierter Prüfer (jsonschema-rs, Draft 2020-12) je Art: sagt nur gültig/ungültig, dafür schnell.

    Er bekommt die Schemas mit für Rust umgeschriebenen Mustern (`muster_fuer_rust`) und prüft
    die Formate date und email mit denselben Funktionen wie die Referenz. Dass er nie „gültig“
    sagt, wo jsonschema „ungültig“ sagt (und umgekehrt), zeigt tests/test_schneller_weg.py.
    Meldet er „ungültig“, liefert jsonschema die genauen Befunde; nur dessen Urteil zählt.
    """
    return schnellpruefer_fuer(schema(art))


def schnellpruefer_fuer(schema_: dict) -> Callable[[Any], bool]:
    import jsonschema_rs

    ist_gueltig = jsonschema_rs.Draft202012Validator(_fuer_rust(schema_), formats=_FORMATE, validate_formats=True).is_valid

    def gueltig(daten: Any) -> bool:
        try:
            return ist_gueltig(daten)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # Schlüssel, die kein Text sind, Surrogate, fremde Typen, ein Rust-panic
            return False  # (PanicException ist keine Exception): der genaue Weg entscheidet

    return gueltig


# --------------------------------------------------------------------------- Anmerkungen


def _aufloesen(wurzel: dict, teil: dict) -> dict:
    seen = 0
    while "$ref" in teil and seen < 20:
        ref = teil["$ref"]
        ziel = wurzel
        for stueck in ref.lstrip("#/").split("/"):
            ziel = ziel[stueck]
        zusammen = dict(ziel)
        zusammen.update({k: v for k, v in teil.items() if k != "$ref"})
        teil = zusammen
        seen += 1
    return teil


def _gehe(wurzel: dict, teil: dict, muster: tuple) -> Iterator[tuple[tuple, dict]]:
    teil = _aufloesen(wurzel, teil)
    yield muster, teil
    for name, unter in teil.get("properties", {}).items():
        yield from _gehe(wurzel, unter, muster + (name,))
    if isinstance(teil.get("items"), dict):
        yield from _gehe(wurzel, teil["items"], muster + (STERN,))
    for zweig in teil.get("anyOf", []):
        for m, t in _gehe(wurzel, zweig, muster):
            if m != muster:
                yield m, t


@cache
def verweise(art: str) -> tuple[tuple[tuple, str], ...]:
    """(muster, ziel-art) je Verweisfeld, z. B. (('mitglieder', '*', 'person'), 'person')."""
    s = schema(art)
    return tuple((m, t["x-ref"]) for m, t in _gehe(s, s, ()) if "x-ref" in t)


@cache
def zeitraeume(art: str) -> tuple[tuple[tuple, tuple[tuple[str, str], ...]], ...]:
    s = schema(art)
    return tuple((m, tuple(tuple(p) for p in t["x-zeitraum"])) for m, t in _gehe(s, s, ()) if "x-zeitraum" in t)


@cache
def vertraulich(art: str) -> tuple[tuple, ...]:
    """Muster der Stellen mit `"x-vertraulich": true` (z. B. kontakt): ihre Werte zitiert keine Meldung."""
    s = schema(art)
    return tuple(m for m, t in _gehe(s, s, ()) if t.get("x-vertraulich"))


def ist_vertraulich(art: str, pfad: tuple) -> bool:
    muster = als_muster(pfad)
    return any(muster[: len(v)] == v for v in vertraulich(art))


def pfad_anzeige(art: str, pfad: tuple) -> str:
    """Der JSON-Pfad für eine Meldung. In vertraulichen Stellen (`kontakt`) erscheinen nur
    Schlüssel, die das Schema dort kennt; jeder andere Schlüssel (er kann selbst eine Adresse
    oder Nummer sein) wird zu `[*]`."""
    from netzwerk_cli.grundlagen.befunde import json_pfad

    if not ist_vertraulich(art, pfad):
        return json_pfad(pfad)
    wurzel = schema(art)
    teil: dict | None = wurzel
    vertraulich_ = False
    stuecke = ["$"]
    for schritt in pfad:
        if teil is not None:
            teil = _aufloesen(wurzel, teil)
            vertraulich_ = vertraulich_ or bool(teil.get("x-vertraulich"))
        if isinstance(schritt, int):
            stuecke.append(f"[{schritt}]")
            teil = teil.get("items") if teil is not None and isinstance(teil.get("items"), dict) else None
            continue
        eigenschaften = teil.get("properties", {}) if teil is not None else {}
        if vertraulich_ and schritt not in eigenschaften:
            stuecke.append("[*]")
            teil = None
        else:
            stuecke.append(json_pfad((schritt,))[1:])
            teil = eigenschaften.get(schritt)
    return "".join(stuecke)


_LESEMELDUNG_VERTRAULICH = {
    "yaml-doppelter-schluessel": "Schlüssel doppelt",
    "yaml-mehrdeutig": "Schlüssel oder Wert wird von YAML 1.1 nicht als Text gelesen; bitte in Anführungszeichen setzen",
}


def lesemeldung_vertraulich(regel: str) -> str:
    """Die Meldung eines Lese-Problems in einer vertraulichen Stelle, ohne Schlüssel oder Wert."""
    return f"{_LESEMELDUNG_VERTRAULICH.get(regel, f'Problem beim Lesen ({regel})')} {VERBORGEN}"


@cache
def erwartet_text(art: str) -> frozenset[tuple]:
    """Muster aller Stellen, an denen das Schema Text (auch) erwartet."""
    s = schema(art)
    ergebnis = set()
    for m, t in _gehe(s, s, ()):
        typ = t.get("type")
        if typ == "string" or (isinstance(typ, list) and "string" in typ):
            ergebnis.add(m)
    return frozenset(ergebnis)


@cache
def erwartet_freitext(art: str) -> frozenset[tuple]:
    """Muster der Stellen, an denen das Schema freien Text erwartet: Text ohne Aufzählung, festen
    Wert, Muster oder Format (also keine ids, Daten, Statuswerte)."""
    s = schema(art)
    ergebnis = set()
    for m, t in _gehe(s, s, ()):
        typ = t.get("type")
        if (typ == "string" or (isinstance(typ, list) and "string" in typ)) and not any(k in t for k in ("enum", "const", "pattern", "format")):
            ergebnis.add(m)
    return frozenset(ergebnis)


def werte(daten: Any, muster: tuple, pfad: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Alle (pfad, wert) in `daten`, die auf `muster` passen."""
    if not muster:
        yield pfad, daten
        return
    kopf, rest = muster[0], muster[1:]
    if kopf == STERN:
        if isinstance(daten, list):
            for i, el in enumerate(daten):
                yield from werte(el, rest, pfad + (i,))
    elif isinstance(daten, dict) and kopf in daten:
        yield from werte(daten[kopf], rest, pfad + (kopf,))


def als_muster(pfad: tuple) -> tuple:
    return tuple(STERN if isinstance(p, int) else p for p in pfad)


# --------------------------------------------------------------------------- Meldungen

_TYPNAMEN = {
    "string": "Text",
    "integer": "ganze Zahl",
    "number": "Zahl",
    "boolean": "true/false",
    "object": "Zuordnung (Schlüssel: Wert)",
    "array": "Liste",
    "null": "leer",
}


def typname(wert: Any) -> str:
    if wert is None:
        return "leer"
    if isinstance(wert, bool):
        return "true/false"
    if isinstance(wert, int):
        return "ganze Zahl"
    if isinstance(wert, float):
        return "Zahl"
    if isinstance(wert, str):
        return "Text"
    if isinstance(wert, list):
        return "Liste"
    if isinstance(wert, dict):
        return "Zuordnung"
    return type(wert).__name__


def _kurz(wert: Any, laenge: int = 60) -> str:
    text = wert if isinstance(wert, str) else json.dumps(wert, ensure_ascii=False, default=str)
    return text if len(text) <= laenge else text[: laenge - 1] + "…"


VERBORGEN = "(Wert nicht angezeigt: vertraulich)"


def meldungen(fehler, verbergen: bool = False) -> Iterator[tuple[tuple, str, bool]]:
    """(pfad, deutsche meldung, an_schluessel) zu einem jsonschema-Fehler. `verbergen`: den Wert
    nie zitieren (vertrauliche Stellen wie `kontakt`)."""
    if verbergen:
        if fehler.validator == "additionalProperties":  # der Schlüssel selbst kann eine Adresse sein
            erlaubt = sorted(fehler.schema.get("properties", {})) if isinstance(fehler.schema, dict) else []
            for schluessel in fehler.instance if isinstance(fehler.instance, dict) else ():
                if schluessel not in erlaubt:
                    yield tuple(fehler.absolute_path) + (schluessel,), f"unbekanntes Feld {VERBORGEN} (erlaubt: {', '.join(erlaubt)})", True
            return
        for pfad, meldung, an_schluessel in meldungen(fehler):
            yield pfad, _ohne_wert(fehler, meldung), an_schluessel
        return
    pfad = tuple(fehler.absolute_path)
    v = fehler.validator
    wert = fehler.instance
    s = fehler.schema
    if v == "additionalProperties":
        erlaubt = sorted(s.get("properties", {}))
        for schluessel in wert:
            if schluessel in s.get("properties", {}):
                continue
            vorschlag = difflib.get_close_matches(str(schluessel), erlaubt, n=1) if len(str(schluessel)) <= 100 else []
            hinweis = f" – meinten Sie „{vorschlag[0]}“?" if vorschlag else f" (erlaubt: {', '.join(erlaubt)})"
            yield pfad + (schluessel,), f"unbekanntes Feld „{_kurz(schluessel)}“{hinweis}", True
        return
    if v == "required":
        for feld in fehler.validator_value:
            if isinstance(wert, dict) and feld not in wert:
                yield pfad, f"Pflichtfeld „{feld}“ fehlt", False
        return
    if v == "type":
        erwartet: list[str] = fehler.validator_value  # „type“ nennt einen Typnamen oder eine Liste davon
        erwartet = erwartet if isinstance(erwartet, list) else [erwartet]
        namen = " oder ".join(_TYPNAMEN.get(e, e) for e in erwartet if e != "null") or "leer"
        if wert is None:
            yield pfad, f"Wert fehlt (leer); erwartet: {namen}", False
        else:
            yield pfad, f"erwartet {namen}, gefunden {typname(wert)} „{_kurz(wert)}“{_typ_hinweis(wert, erwartet)}", False
        return
    if v == "enum":
        werte_ = ", ".join(str(x) for x in fehler.validator_value)
        vorschlag = difflib.get_close_matches(str(wert), [str(x) for x in fehler.validator_value], n=1) if len(str(wert)) <= 100 else []
        hinweis = f" – meinten Sie „{vorschlag[0]}“?" if vorschlag else ""
        yield pfad, f"„{_kurz(wert)}“ ist nicht erlaubt{hinweis} (erlaubt: {werte_})", False
        return
    if v == "const":
        yield pfad, f"Wert muss „{fehler.validator_value}“ sein", False
        return
    if v == "format":
        if fehler.validator_value == "date":
            yield pfad, f"„{_kurz(wert)}“ ist kein gültiges Datum (JJJJ-MM-TT, z. B. 2023-11-06){_iso_hinweis(wert)}", False
        elif fehler.validator_value == "email":
            yield pfad, f"„{_kurz(wert)}“ ist keine gültige E-Mail-Adresse", False
        else:
            yield pfad, f"„{_kurz(wert)}“ hat nicht das Format {fehler.validator_value}", False
        return
    if v == "pattern":
        if isinstance(s, dict) and s.get("format") == "date":
            yield pfad, f"„{_kurz(wert)}“ ist kein Datum der Form JJJJ-MM-TT (ohne Uhrzeit){_iso_hinweis(wert)}", False
        elif "[a-z0-9]+(-[a-z0-9]+)*" in str(fehler.validator_value):
            yield pfad, f"„{_kurz(wert)}“ ist keine gültige id (a–z, 0–9, einzelne Bindestriche)", False
        else:
            # `$(?!\n)` heißt „Ende“ (ohne Zeilenende davor, docs/GARANTIEN.md); gezeigt wird das bekannte `$`
            form = str(fehler.validator_value).replace("$(?!\\n)", "$")
            zusatz = " – ohne Zeilenumbruch am Ende" if isinstance(wert, str) and wert.endswith("\n") else ""
            yield pfad, f"„{_kurz(wert)}“ entspricht nicht der erwarteten Form ({form}){zusatz}", False
        return
    if v in ("minLength", "maxLength"):
        if v == "minLength" and wert == "":
            yield pfad, "Text ist leer", False
        else:
            art = "höchstens" if v == "maxLength" else "mindestens"
            yield pfad, f"Text ist {len(wert)} Zeichen lang; {art} {fehler.validator_value} erlaubt", False
        return
    if v in ("minItems", "maxItems"):
        art = "höchstens" if v == "maxItems" else "mindestens"
        yield pfad, f"Liste hat {len(wert)} Einträge; {art} {fehler.validator_value} erforderlich", False
        return
    if v == "uniqueItems":
        doppelt = doppelter_eintrag(wert)
        yield pfad, f"Eintrag doppelt in der Liste: {_kurz(doppelt) if doppelt is not None else ''}", False
        return
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        art = {"minimum": "mindestens", "maximum": "höchstens", "exclusiveMinimum": "größer als", "exclusiveMaximum": "kleiner als"}[v]
        yield pfad, f"{_kurz(wert)} ist nicht erlaubt; Wert muss {art} {fehler.validator_value} sein", False
        return
    if v == "anyOf":
        # z. B. quelle: Text oder Liste von Texten
        if fehler.context:
            beste = min(fehler.context, key=lambda e: -len(e.absolute_path))
            if len(beste.absolute_path) > len(fehler.absolute_path):
                yield from meldungen(beste)
                return
        yield pfad, f"Wert „{_kurz(wert)}“ passt zu keiner erlaubten Form ({s.get('description', '')})".rstrip(" ()"), False
        return
    yield pfad, f"Schemaverletzung ({v}): {fehler.message}", False


_JA_NEIN = {"ja": "true", "j": "true", "wahr": "true", "nein": "false", "n": "false", "falsch": "false"}
_SCHLUESSEL_OHNE_LEERZEICHEN = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*:(?![\s/:])\S")
_DEUTSCHES_DATUM = re.compile(r"\s*(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\s*\Z")


def _typ_hinweis(wert: Any, erwartet: list[str]) -> str:
    """Ein Rat zu einem typischen Fehler beim Bearbeiten von Hand: „ja“/„nein“ statt true/false,
    „schluessel:wert“ ohne Leerzeichen (wird in YAML zu Text)."""
    if not isinstance(wert, str):
        return ""
    if "boolean" in erwartet and wert.strip().lower() in _JA_NEIN:
        return f" – bitte {_JA_NEIN[wert.strip().lower()]} schreiben (true = ja, false = nein)"
    if "object" in erwartet and len(wert) <= 200 and _SCHLUESSEL_OHNE_LEERZEICHEN.match(wert):
        schluessel, _, rest = wert.partition(":")
        return f" – Leerzeichen nach dem Doppelpunkt fehlt: „{_kurz(schluessel, 40)}: {_kurz(rest, 40)}“"
    return ""


def _iso_hinweis(wert: Any) -> str:
    """„21.11.2026“ → „ – bitte 2026-11-21 schreiben“ (nur für ein wirkliches Datum)."""
    if not isinstance(wert, str) or len(wert) > 40:
        return ""
    treffer = _DEUTSCHES_DATUM.match(wert)
    if treffer is None:
        return ""
    tag, monat, jahr = (int(t) for t in treffer.groups())
    iso = f"{jahr:04d}-{monat:02d}-{tag:02d}"
    return f" – bitte {iso} schreiben" if iso_datum(iso) is not None else ""


_NENNT_KEINEN_WERT = ("additionalProperties", "required", "const", "minLength", "maxLength", "minItems", "maxItems")


def _ohne_wert(fehler, meldung: str) -> str:
    """Die Meldung zu einer vertraulichen Stelle, ohne den Wert zu zitieren."""
    v = fehler.validator
    if v in _NENNT_KEINEN_WERT:
        return meldung  # nennt nur Schlüssel, Längen oder Anzahlen
    if v == "type":
        erwartet: list[str] = fehler.validator_value if isinstance(fehler.validator_value, list) else [fehler.validator_value]
        text = f"erwartet {' oder '.join(_TYPNAMEN.get(e, e) for e in erwartet if e != 'null')}, gefunden {typname(fehler.instance)}"
    elif v == "format" and fehler.validator_value == "email":
        text = "keine gültige E-Mail-Adresse"
    else:
        text = {"pattern": "Wert hat nicht die erwartete Form", "enum": "Wert ist nicht erlaubt"}.get(v, f"Schemaverletzung ({v})")
    return f"{text} {VERBORGEN}"
