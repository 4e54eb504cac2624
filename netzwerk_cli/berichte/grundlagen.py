"""Gemeinsame Bausteine der Berichte: Bestand laden und prüfen, gültige Datensätze,
Bezeichnungen und der Stand von Empfehlungen, Arbeitsgruppen und Sitzungen an einem Stichtag.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from netzwerk_cli.bestand import Bestand
from netzwerk_cli.bestand.finden import finde_wurzel
from netzwerk_cli.bestand.laden import lade_bedarf
from netzwerk_cli.grundlagen.befunde import Bericht
from netzwerk_cli.querpruefung.regeln import kontext_fuer
from netzwerk_cli.regelwerk import lebenszyklus
from netzwerk_cli.validierung.berichtsstand import fuer_berichte, nur_bestand


@dataclass
class GeprueftesRepo:
    """Ein geladener und geprüfter Bestand: Berichte arbeiten nur auf gültigen Datensätzen."""

    wurzel: Path
    bestand: Bestand
    pruefung: Bericht
    stichtag: str

    @property
    def wiedervorlage_monate(self) -> int:
        return kontext_fuer(self.bestand, self.stichtag).wiedervorlage_monate


def laden_bedarf(daten: Path | None, stichtag: str) -> GeprueftesRepo:
    """Wie `laden(pruefen=False)` für Berichte, die Daten, aber keine Befundzahlen zeigen
    (`gremium show`, die Listen): der Bestand aus dem Zwischenspeicher von `validate`
    (`validierung.berichtsstand.nur_bestand`, Daten erst beim Zugriff); ohne nutzbaren Speicher
    einer, der Datensätze erst beim Zugriff aus der Datei liest (`lade_bedarf`; ein Gremium
    braucht bei 100 000 Datensätzen nur eine Handvoll)."""
    wurzel = finde_wurzel(daten)
    bestand = nur_bestand(wurzel)
    if bestand is None:
        bestand = lade_bedarf(wurzel)
    return GeprueftesRepo(wurzel, bestand, Bericht(dateien=0), stichtag)


def laden(daten: Path | None, stichtag: str, pruefen: bool = True, zwischenspeicher: bool = True) -> GeprueftesRepo:
    """Datenrepository finden und lesen (jede Datei schema-geprüft, `Datensatz.gueltig`).

    `pruefen=True` bringt dazu die Befunde aller Prüfungen über Datensätze hinweg (für die
    Fehlerzahlen in `status`); Berichte, die diese Zahlen nicht zeigen, sparen sich das. Beides
    über den Zwischenspeicher von `validate` (`validierung.berichtsstand`: nur Geändertes wird
    neu geprüft, Daten erst beim Zugriff); `zwischenspeicher=False` bzw. ohne nutzbaren
    Speicher der vollständige Weg."""
    wurzel = finde_wurzel(daten)
    bestand, pruefung = fuer_berichte(wurzel, stichtag, pruefen, zwischenspeicher)
    return GeprueftesRepo(wurzel, bestand, pruefung, stichtag)


@contextmanager
def ohne_zyklensuche() -> Iterator[None]:
    """Für einen ganzen Bericht: der Bestand aus dem Zwischenspeicher lädt Datensätze erst beim
    Zugriff, also während der Bericht entsteht – Hunderttausende kleiner azyklischer Objekte, die
    die zyklische Speicherbereinigung sonst immer wieder durchsucht (`status` bei 20 000
    Datensätzen: etwa 0,3 s). Danach wieder wie vorher; was bis dahin entstand, wird (wie nach
    `lade_bestand`) nie mehr durchsucht."""
    bereinigung = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if bereinigung:
            gc.freeze()
            gc.enable()


def gueltige(bestand: Bestand, art: str) -> Iterator[tuple[str, dict]]:
    """(id, daten) aller schema-gültigen Datensätze einer Art, nach id sortiert."""
    for id_ in sorted(bestand.arten.get(art, {})):
        ds = bestand.arten[art][id_]
        if ds.gueltig:
            yield id_, ds.daten


def kurzname(daten: dict, id_: str | None = None) -> str:
    return daten.get("kurzname") or daten.get("name") or daten.get("titel") or (id_ or "")


def org_name(bestand: Bestand, org_id: str | None, kurz: bool = True) -> str:
    """Bezeichnung einer Organisation (Kurzname, sonst Name, sonst id)."""
    if not org_id:
        return ""
    org = bestand.daten("organisation", org_id)
    if not org:
        return org_id
    return kurzname(org, org_id) if kurz else org.get("name", org_id)


def gremium_name(bestand: Bestand, gremium_id: str | None) -> str:
    if not gremium_id:
        return ""
    return kurzname(bestand.daten("gremium", gremium_id), gremium_id)


def ag_name(bestand: Bestand, ag_id: str | None) -> str:
    if not ag_id:
        return ""
    return bestand.daten("arbeitsgruppe", ag_id).get("name") or ag_id


# --------------------------------------------------------------------------- Stand am Stichtag


OFFENE_STATUS = tuple(s for s in lebenszyklus.tabelle().zustaende if not lebenszyklus.tabelle().endzustand(s))
STATUS_REIHENFOLGE = tuple(lebenszyklus.tabelle().zustaende)
WEITERGELEITET = ("weitergeleitet", "in_umsetzung", "umgesetzt", "nicht_umgesetzt")
BESCHLOSSEN = ("beschlossen", *WEITERGELEITET)


def empfehlung_am(empfehlung: dict, stichtag: str) -> dict | None:
    """Die Empfehlung, wie sie am Stichtag stand (Verlauf und Berichte bis dahin), oder
    None, wenn es sie am Stichtag noch nicht gab."""
    verlauf = [v for v in empfehlung.get("verlauf") or [] if isinstance(v, dict) and str(v.get("datum", "")) <= stichtag]
    if not verlauf:
        return None
    umsetzung = [u for u in empfehlung.get("umsetzung") or [] if isinstance(u, dict) and str(u.get("datum", "")) <= stichtag]
    return {**empfehlung, "status": verlauf[-1].get("status"), "verlauf": verlauf, "umsetzung": umsetzung}


def status_seit(empfehlung: dict) -> str | None:
    verlauf = empfehlung.get("verlauf") or []
    return verlauf[-1].get("datum") if verlauf else None


def angelegt(empfehlung: dict) -> str | None:
    verlauf = empfehlung.get("verlauf") or []
    return verlauf[0].get("datum") if verlauf else None


def ag_status_am(ag: dict, stichtag: str) -> str | None:
    """Status einer AG am Stichtag, abgeleitet aus `status`, `beginn` und `abgeschlossen_am`.

    Ohne Daten gilt der eingetragene Status; None = unbekannt.
    """
    status = ag.get("status")
    beginn, ende = ag.get("beginn"), ag.get("abgeschlossen_am")
    if status == "abgeschlossen" and ende and ende > stichtag:
        status = "aktiv"
    if status == "aktiv" and beginn and beginn > stichtag:
        status = "geplant"
    return status


def ag_ueberfaellig(ag: dict, stichtag: str) -> bool:
    ende = ag.get("ende_geplant")
    return ag_status_am(ag, stichtag) == "aktiv" and bool(ende and ende < stichtag)


def sitzungen_von(bestand: Bestand, gremium_id: str) -> list[tuple[str, dict]]:
    """Gültige Sitzungen eines Gremiums, nach Datum sortiert."""
    return list(_sitzungen_je_gremium(bestand).get(gremium_id, ()))


def _sitzungen_je_gremium(bestand: Bestand) -> dict[str | None, list[tuple[str, dict]]]:
    """Einmal je Bestand gebaut (bei 400 Gremien und 15 000 Sitzungen sonst quadratisch); neu
    gebaut, sobald sich die Zahl der Sitzungen ändert (z. B. ein Entwurf wird eingefügt)."""
    merkmal = (id(bestand), len(bestand.arten.get("sitzung", {})))
    if _INDEX.get("merkmal") != merkmal:
        je_gremium: dict[str | None, list[tuple[str, dict]]] = {}
        for sid, s in gueltige(bestand, "sitzung"):
            je_gremium.setdefault(s.get("gremium"), []).append((sid, s))
        for liste in je_gremium.values():
            liste.sort(key=lambda p: (p[1]["datum"], p[0]))
        _INDEX.clear()
        _INDEX.update(merkmal=merkmal, bestand=bestand, je_gremium=je_gremium)
    return _INDEX["je_gremium"]


_INDEX: dict = {}  # hält auch den Bestand selbst, damit id(bestand) eindeutig bleibt


def findet_statt(sitzung: dict, stichtag: str) -> bool:
    """Liegt nach dem Stichtag und ist nicht abgesagt (bzw. am Stichtag noch nicht durchgeführt)."""
    if sitzung.get("status") == "abgesagt":
        return False
    if sitzung["datum"] > stichtag:
        return True
    return sitzung["datum"] == stichtag and sitzung.get("status") in (None, "geplant")


def sitz_summen(gruppen: list[dict]) -> dict:
    """Summen der Sitzgruppen eines Gremiums (Gruppen ohne feste Sitzzahl zählen nicht mit)."""
    feste = [x for x in gruppen if x["sitze"] is not None]
    return {
        "gesamt": sum(x["sitze"] for x in feste),
        "sitzzahl_offen": len(feste) < len(gruppen),
        "besetzt": sum(x["besetzt"] for x in gruppen),
        "vakant": sum(x["vakant"] for x in gruppen),
        "ueberbesetzt": sum(x["ueberbesetzt"] for x in gruppen),
    }
