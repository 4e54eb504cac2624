"""Empfehlungen: Verlauf durch den Lebenszyklus (`verlauf-ungueltig`), Umsetzungsberichte
(`ref-widerspruch`, `umsetzung-widerspruch`), Wiedervorlage (`wiedervorlage-faellig`) und
Verlaufsschritte nach dem Stichtag oder durch nicht gehaltene Sitzungen (`verlauf-zukunft`)."""

from __future__ import annotations

from collections.abc import Iterator

from netzwerk_cli.bestand import BestandLesen
from netzwerk_cli.grundlagen.befunde import Befund
from netzwerk_cli.regelwerk import lebenszyklus

STAND_TEXT = {"offen": "offen", "teilweise": "teilweise", "vollstaendig": "vollständig", "abgelehnt": "abgelehnt"}


def pruefe_eins(ds, bestand: BestandLesen, kontext) -> Iterator[Befund]:
    if not ds.gueltig:
        return
    e = ds.daten
    for v in lebenszyklus.pruefe_verlauf(ds.id, e, bestand):
        if v.folge:
            continue  # fehlerhafte Sitzung: meldet die Sitzung selbst (docs/REGELN.md „Folgefehler“)
        yield ds.befund(v.regel, v.meldung, v.pfad, v.schwere)
    adressaten = set(e.get("adressaten") or [])
    for i, u in enumerate(e.get("umsetzung") or []):
        if u["adressat"] not in adressaten:
            yield ds.befund("ref-widerspruch", f"Umsetzungsbericht von „{u['adressat']}“, die nicht unter „adressaten“ steht", ("umsetzung", i, "adressat"))
    if e.get("status") in lebenszyklus.tabelle().wiedervorlage:
        sitzungen = lebenszyklus.befassungen(bestand, ds.id, kontext.stichtag)
        faellig = lebenszyklus.wiedervorlage_faellig(e, kontext.stichtag, kontext.wiedervorlage_monate, sitzungen)
        if faellig:
            yield ds.befund(
                "wiedervorlage-faellig",
                f"Status „{e['status']}“ seit der letzten Befassung am {lebenszyklus.letzte_pruefung(e, sitzungen)}: "
                f"Umsetzungsprüfung seit {faellig} fällig (Wiedervorlage nach {kontext.wiedervorlage_monate} Monaten)",
                ("status",),
                "warnung",
            )
    yield from _umsetzung_widerspruch(ds, e)
    yield from _verlauf_zukunft(ds, e, bestand, kontext)


SUBJEKTE = {"empfehlung": pruefe_eins}


# Schritte, die die Lebenszyklus-Tabelle an eine Sitzung bindet (Wächter entscheidungs-/pruefsitzung)
_SITZUNGSSCHRITTE = ("beschlossen", "abgelehnt", "entwurf", "umgesetzt", "nicht_umgesetzt")


def _verlauf_zukunft(ds, e: dict, bestand, kontext) -> Iterator[Befund]:
    for i, schritt in enumerate(e.get("verlauf") or []):
        datum = schritt.get("datum")
        if isinstance(datum, str) and datum > kontext.stichtag:
            yield ds.befund(
                "verlauf-zukunft",
                f"Verlaufsschritt „{schritt.get('status')}“ ist auf den {datum} datiert, nach dem Stichtag {kontext.stichtag}; "
                "erst eintragen, wenn er geschehen ist",
                ("verlauf", i, "datum"),
            )
        sitzung_id = schritt.get("sitzung")
        if not isinstance(sitzung_id, str) or schritt.get("status") not in _SITZUNGSSCHRITTE:
            continue
        sitzung = bestand.daten("sitzung", sitzung_id)
        status = sitzung.get("status")
        # abgesagt meldet schon der Wächter (verlauf-ungueltig); ohne Status ist der Stand unbekannt
        if status == "geplant":
            yield ds.befund(
                "verlauf-zukunft",
                f"Schritt „{schritt.get('status')}“ durch die Sitzung „{sitzung_id}“, die noch „geplant“ ist: "
                "erst nach der Sitzung eintragen (und die Sitzung auf „durchgefuehrt“ setzen)",
                ("verlauf", i, "sitzung"),
            )


def _letzte_staende(e: dict) -> dict[str, str]:
    """Je Adressat der Stand seines letzten Berichts (nach Datum; bei gleichem Datum der spätere Eintrag)."""
    letzte: dict[str, tuple[str, int, str]] = {}
    for i, u in enumerate(e.get("umsetzung") or []):
        schluessel = (u["datum"], i, u["stand"])
        if u["adressat"] not in letzte or schluessel > letzte[u["adressat"]]:
            letzte[u["adressat"]] = schluessel
    return {a: s[2] for a, s in letzte.items()}


def _umsetzung_widerspruch(ds, e: dict) -> Iterator[Befund]:
    status = e.get("status")
    adressaten = list(dict.fromkeys(e.get("adressaten") or []))
    if status not in ("umgesetzt", "nicht_umgesetzt") or not adressaten:
        return
    staende = _letzte_staende(e)
    if status == "umgesetzt":
        offen = [f"„{a}“ ({STAND_TEXT.get(staende[a], staende[a])})" if a in staende else f"„{a}“ (kein Bericht)" for a in adressaten if staende.get(a) != "vollstaendig"]
        if offen:
            yield ds.befund(
                "umsetzung-widerspruch",
                f"Status „umgesetzt“, aber nicht alle Adressaten melden die Umsetzung als vollständig: {', '.join(offen)}",
                ("status",),
                "warnung",
            )
    elif all(staende.get(a) == "vollstaendig" for a in adressaten):
        yield ds.befund(
            "umsetzung-widerspruch",
            "Status „nicht_umgesetzt“, aber alle Adressaten melden die Umsetzung als vollständig",
            ("status",),
            "warnung",
        )
