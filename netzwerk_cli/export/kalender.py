"""`netzwerk export ical`: Kalender im iCalendar-Format (RFC 5545) mit der Bibliothek `icalendar`.

* `gremium-<id>.ics` je Gremium mit seinen Sitzungen, `veranstaltungen.ics` mit den Veranstaltungen.
* UID: `<art>-<id>@<kurzname-des-netzwerks>.netzwerk` – aus der id der Sitzung bzw. Veranstaltung
  (keine Personen-ids; Sitzungs- und Veranstaltungs-ids enthalten keine Personen).
* Abgesagte Sitzungen: `STATUS:CANCELLED`; geplante und durchgeführte `CONFIRMED` (RFC 5545
  kennt keinen Status „durchgeführt“).
* Ohne Uhrzeit: ganztägiger Termin (`DTSTART;VALUE=DATE`); mit Uhrzeit in Europe/Berlin.
* `DTSTAMP`/`LAST-MODIFIED`: aus Git (`Zeitquelle`), nie die aktuelle Uhrzeit – gleiche Daten,
  gleiche Bytes.
* Freitexte gehen durch `Datenschutz.text` (öffentliche Fassung); Personen erscheinen nicht.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from netzwerk_cli.berichte.bezeichnungen import SITZUNG_STATUS, bezeichnung
from netzwerk_cli.berichte.datenschutz import Datenschutz
from netzwerk_cli.berichte.grundlagen import gueltige, kurzname
from netzwerk_cli.bestand import Bestand
from netzwerk_cli.export.zeitquelle import Zeitquelle

PRODID = "-//netzwerk//Integrationsnetzwerk Gremienkalender//DE"


def _kennung(bestand: Bestand) -> str:
    netz = bestand.netzwerk.daten if bestand.netzwerk is not None and bestand.netzwerk.gueltig else {}
    name = netz.get("kurzname") or netz.get("name") or "netzwerk"
    ersetzt = name.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return re.sub(r"[^a-z0-9]+", "-", ersetzt).strip("-")[:60] or "netzwerk"


def _datei(bestand: Bestand, art: str, id_: str) -> str:
    """Die Datei eines Datensatzes, den es sicher gibt (id aus `gueltige`)."""
    ds = bestand.hole(art, id_)
    assert ds is not None, f"{art} „{id_}“ fehlt im Bestand"
    return ds.datei


def _zeit(iso: str) -> datetime:
    return datetime.fromisoformat(iso).astimezone(UTC)


def _beginn_ende(tag: str, beginn: str | None, ende: str | None):
    from zoneinfo import ZoneInfo

    d = date.fromisoformat(tag)
    if not beginn:
        return d, d + timedelta(days=1)
    zone = ZoneInfo("Europe/Berlin")
    h, m = (int(x) for x in beginn.split(":"))
    start = datetime.combine(d, time(h, m), tzinfo=zone)
    if ende:
        h2, m2 = (int(x) for x in ende.split(":"))
        schluss = datetime.combine(d, time(h2, m2), tzinfo=zone)
        if schluss > start:
            return start, schluss
    return start, start + timedelta(hours=2)


def _neuer_kalender(name: str):
    from icalendar import Calendar

    kal = Calendar()
    kal.add("prodid", PRODID)
    kal.add("version", "2.0")
    kal.add("calscale", "GREGORIAN")
    kal.add("x-wr-calname", name)
    kal.add("x-wr-timezone", "Europe/Berlin")
    return kal


def _termin(uid: str, titel: str, tag: str, beginn, ende, ort, beschreibung, stempel: tuple[str, str], status: str):
    from icalendar import Event

    ereignis = Event()
    ereignis.add("uid", uid)
    ereignis.add("summary", titel)
    start, schluss = _beginn_ende(tag, beginn, ende)
    ereignis.add("dtstart", start)
    ereignis.add("dtend", schluss)
    ereignis.add("dtstamp", _zeit(stempel[1]))
    ereignis.add("created", _zeit(stempel[0]))
    ereignis.add("last-modified", _zeit(stempel[1]))
    ereignis.add("status", status)
    if ort:
        ereignis.add("location", ort)
    if beschreibung:
        ereignis.add("description", beschreibung)
    return ereignis


def kalender(wurzel: Path, bestand: Bestand, schluessel: bytes, zeit: Zeitquelle | None = None) -> tuple[dict[str, bytes], list[str]]:
    """(Dateiname → Inhalt, Hinweise)."""
    schutz = Datenschutz(bestand, oeffentlich=True, pseudonym_schluessel=schluessel)
    zeit = zeit or Zeitquelle(wurzel)
    kennung = _kennung(bestand)
    dateien: dict[str, bytes] = {}
    for gid, g in gueltige(bestand, "gremium"):
        name = schutz.text(kurzname(g, gid))
        kal = _neuer_kalender(f"Sitzungen: {name}")
        for sid, s in gueltige(bestand, "sitzung"):
            if s.get("gremium") != gid:
                continue
            tops = [t for t in s.get("tagesordnung") or [] if isinstance(t, dict) and t.get("titel")]
            zeilen = [f"Sitzung {schutz.text(g.get('name') or name)}"]
            if s.get("status"):
                zeilen.append(f"Stand: {bezeichnung(SITZUNG_STATUS, s['status'])}")
            if tops:
                zeilen.append("Tagesordnung:")
                zeilen += [f"{t.get('nummer', i)}. {schutz.text(t['titel'])}" for i, t in enumerate(tops, start=1)]
            kal.add_component(
                _termin(
                    f"sitzung-{sid}@{kennung}.netzwerk",
                    f"{'Abgesagt: ' if s.get('status') == 'abgesagt' else ''}Sitzung {name}",
                    s["datum"],
                    s.get("beginn"),
                    s.get("ende"),
                    schutz.text(s.get("ort")),
                    "\n".join(zeilen),
                    zeit.fuer(_datei(bestand, "sitzung", sid)),
                    "CANCELLED" if s.get("status") == "abgesagt" else "CONFIRMED",
                )
            )
        kal.add_missing_timezones()  # VTIMEZONE für jede TZID (RFC 5545, 3.6.5)
        dateien[f"gremium-{gid}.ics"] = kal.to_ical()
    kal = _neuer_kalender("Veranstaltungen")
    for vid, v in gueltige(bestand, "veranstaltung"):
        teile = []
        if isinstance(v.get("teilnehmende_anzahl"), int):
            teile.append(f"{'rund ' if v.get('teilnehmende_ca') else ''}{v['teilnehmende_anzahl']} Teilnehmende")
        programm = [schutz.text(p.get("titel")) for p in v.get("programm") or [] if isinstance(p, dict) and p.get("titel")]
        if programm:
            teile.append("Programm:\n" + "\n".join(f"– {p}" for p in programm))
        kal.add_component(
            _termin(
                f"veranstaltung-{vid}@{kennung}.netzwerk",
                schutz.text(v.get("titel")) or "Veranstaltung",
                v["datum"],
                v.get("beginn"),
                v.get("ende"),
                schutz.text(v.get("ort")),
                "\n".join(teile),
                zeit.fuer(_datei(bestand, "veranstaltung", vid)),
                "CONFIRMED",
            )
        )
    kal.add_missing_timezones()
    dateien["veranstaltungen.ics"] = kal.to_ical()
    return dateien, zeit.hinweise()
