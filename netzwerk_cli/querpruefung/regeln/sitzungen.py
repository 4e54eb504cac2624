"""Sitzungen: Teilnahme (`sitzung-teilnahme`), Abstimmungen (`abstimmung-ungueltig`),
Beschlussfähigkeit, Status zum Datum (`sitzung-status`), Rhythmus (`sitzung-rhythmus`),
Beschlüsse ohne Verlaufsschritt der Empfehlung (`beschluss-offen`) und Beschlüsse ohne
erfasste Anwesenheit (`sitzung-anwesenheit`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from netzwerk_cli.bestand import BestandLesen
from netzwerk_cli.grundlagen.befunde import Befund
from netzwerk_cli.regelwerk import lebenszyklus, sitzregeln


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
    if status == "durchgefuehrt":
        yield from _beschluss_offen(ds, bestand)
        yield from _anwesenheit(ds)
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


# Ergebnis eines Tagesordnungspunkts → Verlaufsschritte der behandelten Empfehlung, die diesen
# Beschluss festhalten (mit `sitzung:` dieser Sitzung). „angenommen“ ist der Beschluss oder die
# Feststellung der Umsetzungsprüfung; „abgelehnt“ die Ablehnung oder die Zurückverweisung in den
# Entwurf. „vertagt“ und „zur_kenntnis_genommen“ sind keine Entscheidung über die Empfehlung.
# Ergebnis eines Tagesordnungspunkts → Schritte im Verlauf, die ihn festhalten. Grundlage ist die
# eine Zuordnung des Lebenszyklus (angenommen → beschlossen, abgelehnt → abgelehnt,
# zurueckverwiesen → entwurf); dazu die Prüfung der Umsetzung in einer Sitzung, und „abgelehnt“
# mit Schritt zurück an die AG meldet schon verlauf-ungueltig (kein Folgefehler hier).
BESCHLUSS_SCHRITTE: dict[object, tuple[str, ...]] = {
    **{ergebnis: (status,) for ergebnis, status in lebenszyklus.ENTSCHEIDUNG.items()},
    "angenommen": ("beschlossen", "umgesetzt", "nicht_umgesetzt"),
    "abgelehnt": ("abgelehnt", "entwurf"),
}
_SITZUNGSSCHRITTE = ("beschlossen", "abgelehnt", "entwurf", "umgesetzt", "nicht_umgesetzt")  # Wächter mit Sitzung
_SCHRITT_ZUM_ERGEBNIS: dict[object, str] = {ergebnis: status for ergebnis, status in lebenszyklus.ENTSCHEIDUNG.items()}


def _beschluss_offen(ds, bestand) -> Iterator[Befund]:
    for i, punkt in enumerate(ds.daten.get("tagesordnung") or []):
        ergebnis = (punkt.get("beschluss") or {}).get("ergebnis")
        schritte = BESCHLUSS_SCHRITTE.get(ergebnis)
        if not schritte:
            continue
        for eid in punkt.get("empfehlungen") or []:
            e = bestand.daten("empfehlung", eid)
            if not e:
                continue  # unbekannt oder fehlerhaft: melden ref-unbekannt bzw. die Schemaprüfung
            if _festgehalten(ds, e, schritte, bestand):
                continue
            nachtragen = ""
            if e.get("status") == "eingereicht":
                nachtragen = (
                    f"; nachtragen mit: netzwerk empfehlung advance {eid} --nach {_SCHRITT_ZUM_ERGEBNIS[ergebnis]} "
                    f"--sitzung {ds.id} --datum {ds.daten['datum']}"
                )
            yield ds.befund(
                "beschluss-offen",
                f"Beschluss „{ergebnis}“ zur Empfehlung „{eid}“, ihr Verlauf hat aber keinen Schritt "
                f"„{'“ oder „'.join(schritte)}“ mit „sitzung: {ds.id}“ (Status dort: „{e.get('status')}“){nachtragen}",
                ("tagesordnung", i, "beschluss", "ergebnis"),
            )


def _festgehalten(ds, e: dict, schritte: tuple, bestand) -> bool:
    """Hält der Verlauf der Empfehlung den Beschluss fest – oder meldet schon `verlauf-ungueltig`
    (bzw. `ref-unbekannt`) an der Empfehlung, was dort nicht stimmt? Dann nicht ein zweites Mal
    hier: ein Tippfehler soll keinen Folgefehler in einer anderen Datei erzeugen."""
    for v in e.get("verlauf") or []:
        if not isinstance(v, dict):
            continue
        status, sitzung = v.get("status"), v.get("sitzung")
        if sitzung == ds.id and status in (*schritte, "beschlossen", "abgelehnt"):
            return True  # passt, oder den Widerspruch zur Tagesordnung meldet verlauf-ungueltig
        if status in _SITZUNGSSCHRITTE and v is not e["verlauf"][0] and (
            not isinstance(sitzung, str) or v.get("datum") == ds.daten["datum"] or not bestand.gibt_es("sitzung", sitzung)
        ):
            return True  # Entscheidung ohne, mit unbekannter oder anderer Sitzung desselben Tages
    return False


def _anwesenheit(ds) -> Iterator[Befund]:
    if ds.daten.get("anwesend"):
        return
    for i, punkt in enumerate(ds.daten.get("tagesordnung") or []):
        if (punkt.get("beschluss") or {}).get("ergebnis") in BESCHLUSS_SCHRITTE:
            yield ds.befund(
                "sitzung-anwesenheit",
                "durchgeführte Sitzung mit Beschlüssen, aber ohne Anwesenheit („anwesend“): "
                "Beschlussfähigkeit und Abstimmungen lassen sich nicht prüfen",
                ("anwesend",) if "anwesend" in ds.daten else ("tagesordnung", i, "beschluss"),
                "warnung",
            )
            return


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
    # Die vollen Jahre vor dem Jahr des Stichtags – über Vergleiche bestimmt, damit die
    # inkrementelle Prüfung weiß, bis wann das Ergebnis gilt (querpruefung/gueltigkeit.py).
    ende = erstes
    while ende <= 9999 and f"{ende:04d}-12-31" < stichtag:
        ende += 1
    for jahr in range(erstes, ende):
        n = je_jahr.get(jahr, 0)
        if n < lo or n > hi:
            yield g_ds.befund(
                "sitzung-rhythmus",
                f"{jahr}: {n} Sitzung{'en' if n != 1 else ''} erfasst, vorgesehen sind {lo}–{hi} je Jahr",
                ("sitzungen_pro_jahr",),
                "warnung",
            )
