"""Sitzungen: Teilnahme (`sitzung-teilnahme`), Abstimmungen (`abstimmung-ungueltig`),
Beschlussfähigkeit, Status zum Datum (`sitzung-status`) und Rhythmus (`sitzung-rhythmus`)."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from netzwerk_cli.bestand import BestandLesen
from netzwerk_cli.regelwerk import sitzregeln
from netzwerk_cli.grundlagen.befunde import Befund


def pruefe_sitzung(ds, bestand: BestandLesen, kontext) -> Iterator[Befund]:
    if not ds.gueltig:
        return
    s = ds.daten
    gremium = bestand.daten("gremium", s.get("gremium"))
    datum = s["datum"]
    if gremium:
        yield from _teilnahme(ds, gremium, datum)
        yield from _abstimmungen(ds, gremium)
    status = s.get("status")
    if status == "geplant" and datum < kontext.stichtag:
        yield ds.befund("sitzung-status", f"Sitzung am {datum} liegt zurück, Status ist noch „geplant“ (durchgefuehrt oder abgesagt?)", ("status",), "warnung")
    if status == "durchgefuehrt" and datum > kontext.stichtag:
        yield ds.befund("sitzung-status", f"Sitzung am {datum} liegt nach dem Stichtag {kontext.stichtag}, ist aber als „durchgefuehrt“ erfasst", ("status",), "warnung")


def pruefe_gremium(g_ds, bestand: BestandLesen, kontext) -> Iterator[Befund]:
    """Rhythmus: die (gültigen) Sitzungen des Gremiums je Jahr."""
    if g_ds.gueltig:
        yield from _rhythmus(g_ds, bestand.nach("sitzung", "gremium", g_ds.id), kontext.stichtag)


SUBJEKTE = {"sitzung": pruefe_sitzung, "gremium": pruefe_gremium}


def _teilnahme(ds, gremium: dict, datum: str) -> Iterator[Befund]:
    mitglieder = {m.person for m in sitzregeln.mitgliedschaften(gremium) if m.aktiv_am(datum)}
    for i, person in enumerate(ds.daten.get("anwesend") or []):
        if person not in mitglieder:
            yield ds.befund(
                "sitzung-teilnahme",
                f"„{person}“ ist am {datum} kein Mitglied von „{ds.daten['gremium']}“; Gäste bitte unter „gaeste“ eintragen",
                ("anwesend", i),
            )
    entschuldigt = set(ds.daten.get("entschuldigt") or [])
    for i, person in enumerate(ds.daten.get("anwesend") or []):
        if person in entschuldigt:
            yield ds.befund("sitzung-teilnahme", f"„{person}“ ist zugleich anwesend und entschuldigt", ("anwesend", i))


def _abstimmungen(ds, gremium: dict) -> Iterator[Befund]:
    anwesend = ds.daten.get("anwesend")
    mindestens = (gremium.get("beschlussfaehigkeit") or {}).get("mindestens_anwesend")
    for i, punkt in enumerate(ds.daten.get("tagesordnung") or []):
        beschluss = punkt.get("beschluss") or {}
        stimmen = beschluss.get("abstimmung")
        ergebnis = beschluss.get("ergebnis")
        pfad = ("tagesordnung", i, "beschluss")
        if stimmen:
            ja, nein, enth = (stimmen.get(k, 0) for k in ("ja", "nein", "enthaltung"))
            if anwesend is not None and ja + nein + enth > len(anwesend):
                yield ds.befund(
                    "abstimmung-ungueltig",
                    f"{ja + nein + enth} Stimmen (ja {ja}, nein {nein}, Enthaltung {enth}) bei {len(anwesend)} Anwesenden",
                    pfad + ("abstimmung",),
                )
            if ergebnis == "angenommen" and ja <= nein:
                yield ds.befund("abstimmung-ungueltig", f"Ergebnis „angenommen“, aber ja {ja} ≤ nein {nein} (Stimmengleichheit gilt als Ablehnung)", pfad + ("ergebnis",))
            if ergebnis == "abgelehnt" and ja > nein:
                yield ds.befund("abstimmung-ungueltig", f"Ergebnis „abgelehnt“, aber ja {ja} > nein {nein}", pfad + ("ergebnis",))
        if mindestens and anwesend is not None and ergebnis in ("angenommen", "abgelehnt") and len(anwesend) < mindestens:
            yield ds.befund(
                "sitzung-beschlussfaehigkeit",
                f"Beschluss bei {len(anwesend)} Anwesenden; beschlussfähig erst ab {mindestens}",
                pfad,
                "warnung",
            )


def _rhythmus(g_ds, sitzungen: list, stichtag: str) -> Iterator[Befund]:
    rhythmus = g_ds.daten.get("sitzungen_pro_jahr")
    if not rhythmus:
        return
    stattgefunden = [s for s in sitzungen if s.daten.get("status") != "abgesagt"]
    if not stattgefunden:
        return
    je_jahr = Counter(int(s.daten["datum"][:4]) for s in stattgefunden)
    erstes = min(je_jahr)
    gegruendet = g_ds.daten.get("gegruendet")
    if gegruendet and int(gegruendet[:4]) >= erstes:
        erstes = int(gegruendet[:4]) + 1  # Gründungsjahr ist kein volles Jahr
    lo, hi = rhythmus["min"], rhythmus["max"]
    for jahr in range(erstes, int(stichtag[:4])):
        n = je_jahr.get(jahr, 0)
        if n < lo or n > hi:
            yield g_ds.befund(
                "sitzung-rhythmus",
                f"{jahr}: {n} Sitzung{'en' if n != 1 else ''} erfasst, vorgesehen sind {lo}–{hi} je Jahr",
                ("sitzungen_pro_jahr",),
                "warnung",
            )
