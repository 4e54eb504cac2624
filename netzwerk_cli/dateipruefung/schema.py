"""Regel `schema` (und `yaml-mehrdeutig` dort, wo das Schema Text erwartet).

Die Schemaprüfung gehört zu einer Datei allein; `dateipruefung` ruft sie beim Laden auf (auch
parallel und mit Zwischenspeicher). Für Datensätze, die nicht über den Lader kamen (z. B. ein
geplanter neuer Datensatz), holt `querpruefung.regeln.pruefe_schema` sie nach.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice

from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.befunde import Befund, kurz
from netzwerk_cli.quellen.yamltext import Dokument

MAX_SCHEMAFEHLER = 200


def pruefe_dokument(art: str, datei: str, dok: Dokument) -> tuple[list[Befund], bool]:
    """(Befunde, gültig) eines gelesenen Dokuments. Löst YAML-1.1-Fallen dort auf, wo Text
    erwartet wird (ändert `dok.daten`). Erst der schnelle Prüfer; nur wenn er ablehnt, liefert
    jsonschema die genauen Meldungen – und nur dessen Urteil zählt."""
    befunde = list(_fallen_aufloesen(art, datei, dok))
    befunde.extend(_kommentare_im_text(art, datei, dok))
    if schemata.schnellpruefer(art)(dok.daten):
        return befunde, True
    # Höchstens MAX_SCHEMAFEHLER je Datei: eine (feindselige) Datei soll die Ausgabe nicht fluten.
    fehler = list(islice(schemata.validator(art).iter_errors(dok.daten), MAX_SCHEMAFEHLER + 1))
    abgeschnitten = len(fehler) > MAX_SCHEMAFEHLER
    fehler = sorted(fehler[:MAX_SCHEMAFEHLER], key=lambda e: list(map(str, e.absolute_path)))
    # Verletzt ein Wert Muster und Format zugleich (Datum „2023-11-06 10:00“, E-Mail ohne @),
    # nur einmal melden: beim Datum sagt das Muster mehr („ohne Uhrzeit“), sonst das Format.
    formate = {tuple(f.absolute_path): f.validator_value for f in fehler if f.validator == "format"}
    muster = {tuple(f.absolute_path) for f in fehler if f.validator == "pattern"}
    for f in fehler:
        stelle = tuple(f.absolute_path)
        if stelle in formate and stelle in muster:
            if f.validator == ("format" if formate[stelle] == "date" else "pattern"):
                continue
        for pfad, meldung, an_schluessel in schemata.meldungen(f, schemata.ist_vertraulich(art, stelle)):
            if an_schluessel or f.validator == "required":
                zeile, spalte = dok.position(pfad)
            else:
                zeile, spalte = dok.wert_position(pfad)
            befunde.append(Befund(datei, zeile, spalte, "fehler", "schema", meldung, schemata.pfad_anzeige(art, pfad)))
    if abgeschnitten:
        befunde.append(
            Befund(datei, 1, 1, "fehler", "schema", f"mehr als {MAX_SCHEMAFEHLER} Schemafehler in dieser Datei; weitere werden nicht einzeln gemeldet", "$")
        )
    return befunde, not fehler


def _kommentare_im_text(art: str, datei: str, dok: Dokument) -> Iterator[Befund]:
    """`yaml-kommentar-im-text`: „titel: Treffen #2“ liest YAML als „Treffen“ – „ #“ beginnt einen
    Kommentar. Gewarnt wird nur, wo das Schema freien Text erwartet und der Wert Text ist."""
    if not dok.kommentare:
        return
    text_stellen = schemata.erwartet_freitext(art)
    for pfad, (zeile, spalte, kommentar) in dok.kommentare.items():
        if schemata.als_muster(pfad) not in text_stellen:
            continue
        wert = dok.daten
        for schritt in pfad:
            wert = wert[schritt]
        if not isinstance(wert, str):
            continue
        if schemata.ist_vertraulich(art, pfad):
            meldung = (
                "„#“ nach einem Leerzeichen beginnt in YAML einen Kommentar; der Text endet davor, der Rest der Zeile "
                f"wird nicht gelesen – gehört er zum Text, den ganzen Text in Anführungszeichen setzen {schemata.VERBORGEN}"
            )
        else:
            ganz = f"{wert} {kommentar}"
            meldung = (
                f"„#“ nach einem Leerzeichen beginnt in YAML einen Kommentar: gelesen wird nur „{kurz(wert)}“, "
                f"„{kurz(kommentar)}“ nicht – gehört es zum Text, bitte in Anführungszeichen setzen: "
                f"{json.dumps(kurz(ganz, 80), ensure_ascii=False)}; ist es ein Kommentar, bitte in eine eigene Zeile schreiben"
            )
        yield Befund(datei, zeile, spalte, "warnung", "yaml-kommentar-im-text", meldung, schemata.pfad_anzeige(art, pfad))


def _fallen_aufloesen(art: str, datei: str, dok: Dokument) -> Iterator[Befund]:
    """YAML-1.1-Fallen (`no`, `on`, `0123` …) dort, wo Text erwartet wird: als Text nehmen und warnen."""
    text_stellen = schemata.erwartet_text(art)
    for pfad, original in dok.mehrdeutig.items():
        if schemata.als_muster(pfad) not in text_stellen:
            continue
        eltern = dok.daten
        for schritt in pfad[:-1]:
            eltern = eltern[schritt]
        wert = eltern[pfad[-1]]
        eltern[pfad[-1]] = original
        zeile, spalte = dok.wert_position(pfad)
        if schemata.ist_vertraulich(art, pfad):
            meldung = (
                f"Wert liest YAML 1.1 als {schemata.typname(wert)}; hier ist Text gemeint und wird als Text genommen – "
                f"bitte in Anführungszeichen setzen {schemata.VERBORGEN}"
            )
        else:
            meldung = (
                f"„{original}“ liest YAML 1.1 als {schemata.typname(wert)} ({str(wert).lower() if isinstance(wert, bool) else wert}); "
                f"hier ist Text gemeint und wird als Text genommen – bitte in Anführungszeichen setzen: \"{original}\""
            )
        yield Befund(
            datei,
            zeile,
            spalte,
            "warnung",
            "yaml-mehrdeutig",
            meldung,
            schemata.pfad_anzeige(art, pfad),
        )
