"""Die Lebenszyklus-Maschine für Handlungsempfehlungen.

Die Übergangstabelle und die Zuordnung der Wächter stehen als Daten in
`regeln/lebenszyklus.yaml`. Hier stehen nur die allgemeine Prüfung eines Verlaufs und die
Bedeutung der benannten Wächter. `validate` prüft damit jeden gespeicherten Verlauf,
`empfehlung advance` einen geplanten Schritt, bevor etwas geschrieben wird.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from netzwerk_cli.bestand import BestandLesen
from netzwerk_cli.grundlagen.datum import plus_monate
from netzwerk_cli.quellen import dateien, yamltext
from netzwerk_cli.regelwerk.sitzregeln import Verstoss

_TABELLE = Path(__file__).resolve().parent / "lebenszyklus.yaml"


@dataclass(frozen=True)
class Tabelle:
    start: str
    zustaende: dict
    waechter: dict
    wiedervorlage: tuple

    def naechste(self, status: str | None) -> list[str]:
        return list(self.zustaende.get(status, {}).get("naechste", []))

    def hauptpfad(self, status: str) -> str | None:
        return self.zustaende.get(status, {}).get("hauptpfad")

    def erlaubt(self, von: str | None, nach: str | None) -> bool:
        return nach in self.naechste(von)

    def endzustand(self, status: str) -> bool:
        return status in self.zustaende and not self.naechste(status)

    def beschreibung(self, status: str) -> str:
        return self.zustaende.get(status, {}).get("beschreibung", status)


@cache
def tabelle() -> Tabelle:
    text, _ = dateien.lies_datei(_TABELLE, _TABELLE.parent)
    dok, probleme = yamltext.lade_text(text or "")
    if dok is None or probleme:  # pragma: no cover - Paketdaten sind geprüft
        raise RuntimeError(f"Lebenszyklus-Tabelle fehlerhaft: {probleme}")
    d = dok.daten
    return Tabelle(d["start"], d["zustaende"], d["waechter"], tuple(d["wiedervorlage"]))


# --------------------------------------------------------------------------- Wächter


@dataclass
class Schritt:
    """Ein Übergang, der geprüft wird: der neue Verlaufseintrag und was davor war."""

    id: str
    empfehlung: dict
    eintrag: dict  # {status, datum, sitzung?, …}
    vorher: list[dict]  # Verlaufseinträge vor diesem
    pfad: tuple  # Pfad des Eintrags im Datensatz, z. B. ("verlauf", 3)
    bestand: BestandLesen


def _letztes(vorher: list[dict], status: str) -> dict | None:
    for e in reversed(vorher):
        if isinstance(e, dict) and e.get("status") == status:
            return e
    return None


def _inhalt(s: Schritt) -> list[tuple[tuple, str]]:
    fehlt = []
    if not s.empfehlung.get("titel"):
        fehlt.append((("titel",), "zum Einreichen fehlt der Titel („titel“)"))
    if not s.empfehlung.get("text"):
        fehlt.append((("text",), "zum Einreichen fehlt der Text der Empfehlung („text“)"))
    return fehlt


def _herkunft(s: Schritt) -> list[tuple[tuple, str]]:
    if s.empfehlung.get("arbeitsgruppe") or s.empfehlung.get("gremium"):
        return []
    return [((), "zum Einreichen fehlt die Herkunft: „arbeitsgruppe“ oder „gremium“ angeben")]


def sitzung_fehlerhaft(sitzung_id: object) -> str:
    """Die Meldung des Wächters, wenn die Sitzung fehlerhaft ist – ein Folgebefund: `validate`
    meldet ihn nicht (die Sitzung meldet ihren Fehler selbst), `empfehlung advance` lehnt ab."""
    return f"Sitzung „{sitzung_id}“ ist fehlerhaft und kann nicht geprüft werden (siehe dort)"


def _sitzung_pruefen(s: Schritt, bezug_status: str, zweck: str) -> list[tuple[tuple, str]]:
    gremium_id = s.empfehlung.get("entscheidungsgremium")
    if not gremium_id:
        return [(("entscheidungsgremium",), f"für „{s.eintrag.get('status')}“ fehlt das entscheidende Gremium („entscheidungsgremium“)")]
    sitzung_id = s.eintrag.get("sitzung")
    hier = s.pfad + ("sitzung",)
    if not sitzung_id:
        return [(s.pfad, f"für „{s.eintrag.get('status')}“ fehlt die Sitzung von „{gremium_id}“, in der {zweck} (sitzung / --sitzung)")]
    if s.bestand.hole("sitzung", sitzung_id) is None:
        return [(hier, f"Sitzung „{sitzung_id}“ gibt es nicht")]
    sitzung = s.bestand.daten("sitzung", sitzung_id)
    if not sitzung:
        return [(hier, sitzung_fehlerhaft(sitzung_id))]
    probleme = []
    if sitzung.get("gremium") != gremium_id:
        probleme.append((hier, f"Sitzung „{sitzung_id}“ ist eine Sitzung von „{sitzung.get('gremium')}“, entschieden wird aber in „{gremium_id}“"))
    if sitzung.get("status") == "abgesagt":
        probleme.append((hier, f"Sitzung „{sitzung_id}“ wurde abgesagt"))
    bezug = _letztes(s.vorher, bezug_status)
    sdatum = sitzung.get("datum", "")
    if bezug and isinstance(bezug.get("datum"), str) and sdatum < bezug["datum"]:
        probleme.append((hier, f"Sitzung „{sitzung_id}“ ({sdatum}) liegt vor „{bezug_status}“ ({bezug['datum']})"))
    if isinstance(s.eintrag.get("datum"), str) and s.eintrag["datum"] < sdatum:
        probleme.append((s.pfad + ("datum",), f"Datum {s.eintrag['datum']} liegt vor der Sitzung „{sitzung_id}“ ({sdatum})"))
    punkte = [p for p in sitzung.get("tagesordnung") or [] if s.id in (p.get("empfehlungen") or [])]
    if not punkte:
        probleme.append((hier, f"die Tagesordnung der Sitzung „{sitzung_id}“ führt die Empfehlung „{s.id}“ nicht auf"))
    soll_je_status: dict[object, str] = {status: ergebnis for ergebnis, status in ENTSCHEIDUNG.items()}
    ergebnis_soll = soll_je_status.get(s.eintrag.get("status"))
    for p in punkte:
        ergebnis = (p.get("beschluss") or {}).get("ergebnis")
        if ergebnis_soll and ergebnis and ergebnis in ENTSCHEIDUNG and ergebnis != ergebnis_soll:
            probleme.append((hier, f"laut Tagesordnung der Sitzung „{sitzung_id}“ wurde die Empfehlung {ergebnis}, der Verlauf sagt „{s.eintrag.get('status')}“"))
    return probleme


# Ergebnis eines Tagesordnungspunkts → Schritt der dort behandelten Empfehlungen (`sitzung protokoll`);
# andere Ergebnisse (vertagt, zur_kenntnis_genommen) ändern den Status nicht.
ENTSCHEIDUNG = {"angenommen": "beschlossen", "abgelehnt": "abgelehnt", "zurueckverwiesen": "entwurf"}


def _entscheidungssitzung(s: Schritt) -> list[tuple[tuple, str]]:
    return _sitzung_pruefen(s, "eingereicht", "entschieden wurde")


def _pruefsitzung(s: Schritt) -> list[tuple[tuple, str]]:
    return _sitzung_pruefen(s, "weitergeleitet", "die Umsetzung geprüft wurde")


def _adressaten(s: Schritt) -> list[tuple[tuple, str]]:
    adressaten = s.empfehlung.get("adressaten") or []
    if not adressaten:
        return [(("adressaten",), "zum Weiterleiten fehlt mindestens eine Adressatin („adressaten“, Organisations-ids)")]
    return [
        (("adressaten", i), f"Adressat „{a}“ gibt es nicht in organisationen/")
        for i, a in enumerate(adressaten)
        if not s.bestand.gibt_es("organisation", a)
    ]


def _umsetzungsbericht(s: Schritt) -> list[tuple[tuple, str]]:
    if s.empfehlung.get("umsetzung"):
        return []
    return [(("umsetzung",), f"für „{s.eintrag.get('status')}“ fehlt ein Umsetzungsbericht („umsetzung“)")]


WAECHTER: dict[str, Callable[[Schritt], list[tuple[tuple, str]]]] = {
    "inhalt": _inhalt,
    "herkunft": _herkunft,
    "entscheidungssitzung": _entscheidungssitzung,
    "pruefsitzung": _pruefsitzung,
    "adressaten": _adressaten,
    "umsetzungsbericht": _umsetzungsbericht,
}


def pruefe_schritt(schritt: Schritt) -> list[tuple[tuple, str]]:
    """Alle Wächter des Zielzustands; leere Liste = Schritt erlaubt."""
    ziel = schritt.eintrag.get("status")
    ergebnis = []
    for name in tabelle().waechter.get(ziel, []):
        ergebnis.extend(WAECHTER[name](schritt))
    return ergebnis


# --------------------------------------------------------------------------- ganzer Verlauf


def pruefe_verlauf(id_: str, empfehlung: dict, bestand: BestandLesen) -> list[Verstoss]:
    t = tabelle()
    verlauf = [e for e in empfehlung.get("verlauf") or [] if isinstance(e, dict)]
    verstoesse: list[Verstoss] = []
    if not verlauf:
        return verstoesse
    if verlauf[0].get("status") != t.start:
        verstoesse.append(
            Verstoss("verlauf-ungueltig", f"der Verlauf beginnt mit „{verlauf[0].get('status')}“, muss aber mit „{t.start}“ beginnen", ("verlauf", 0, "status"))
        )
    for i in range(1, len(verlauf)):
        vorher, jetzt = verlauf[i - 1], verlauf[i]
        von, nach = vorher.get("status"), jetzt.get("status")
        if not t.erlaubt(von, nach):
            erlaubt = ", ".join(t.naechste(von)) or "keiner (Endzustand)"
            verstoesse.append(
                Verstoss("verlauf-ungueltig", f"Schritt „{von}“ → „{nach}“ ist nicht erlaubt (erlaubt: {erlaubt})", ("verlauf", i, "status"))
            )
            continue
        if str(jetzt.get("datum", "")) < str(vorher.get("datum", "")):
            verstoesse.append(
                Verstoss("verlauf-ungueltig", f"Datum {jetzt.get('datum')} liegt vor dem vorigen Eintrag ({vorher.get('datum')})", ("verlauf", i, "datum"))
            )
        schritt = Schritt(id_, empfehlung, jetzt, verlauf[:i], ("verlauf", i), bestand)
        for pfad, meldung in pruefe_schritt(schritt):
            # fehlt das Feld ganz, zeigt der Befund auf den Verlaufseintrag, der es braucht
            folge = meldung == sitzung_fehlerhaft(jetzt.get("sitzung"))
            verstoesse.append(Verstoss("verlauf-ungueltig", meldung, pfad if _vorhanden(empfehlung, pfad) else ("verlauf", i), folge=folge))
    letzter = verlauf[-1].get("status")
    if empfehlung.get("status") != letzter:
        verstoesse.append(
            Verstoss("verlauf-ungueltig", f"status ist „{empfehlung.get('status')}“, der letzte Verlaufseintrag aber „{letzter}“", ("status",))
        )
    return verstoesse


def _vorhanden(daten, pfad: tuple) -> bool:
    if not pfad:
        return False
    for schritt in pfad:
        try:
            daten = daten[schritt]
        except (KeyError, IndexError, TypeError):
            return False
    return True


# Indexfeld der Sitzungen: die Empfehlungen ihrer Tagesordnungspunkte (grundlagen.arten.INDEXFELDER)
TAGESORDNUNG_EMPFEHLUNGEN = "tagesordnung[].empfehlungen[]"


def befassungen(bestand, id_: str, stichtag: str) -> list[str]:
    """Daten der durchgeführten Sitzungen bis zum Stichtag, deren Tagesordnung die Empfehlung
    behandelt (ein Tagesordnungspunkt führt sie unter `empfehlungen`). Liest nur über `nach`,
    damit die inkrementelle Prüfung die Abhängigkeit kennt."""
    daten = []
    for s in bestand.nach("sitzung", TAGESORDNUNG_EMPFEHLUNGEN, id_):
        sitzung = s.daten
        datum = sitzung.get("datum")
        if sitzung.get("status") == "durchgefuehrt" and isinstance(datum, str) and datum <= stichtag:
            daten.append(datum)
    return daten


def letzte_pruefung(empfehlung: dict, sitzungen: list[str] | tuple = ()) -> str | None:
    """Datum der letzten Befassung: letzter Umsetzungsbericht, letzter Verlaufsschritt oder
    letzte durchgeführte Sitzung, die die Empfehlung auf der Tagesordnung hatte (`sitzungen`:
    deren Daten, siehe `befassungen`)."""
    alle = [e.get("datum") for e in empfehlung.get("verlauf") or [] if isinstance(e, dict)]
    alle += [u.get("datum") for u in empfehlung.get("umsetzung") or [] if isinstance(u, dict)]
    alle += list(sitzungen)
    daten = [d for d in alle if isinstance(d, str)]
    return max(daten) if daten else None


def wiedervorlage_faellig(empfehlung: dict, stichtag: str, monate: int, sitzungen: list[str] | tuple = ()) -> str | None:
    """Fälligkeitsdatum, wenn die Wiedervorlage am Stichtag überschritten ist, sonst None."""
    if empfehlung.get("status") not in tabelle().wiedervorlage:
        return None
    letzte = letzte_pruefung(empfehlung, sitzungen)
    if not letzte:
        return None
    try:
        faellig = plus_monate(date.fromisoformat(letzte), monate).isoformat()
    except (ValueError, OverflowError):  # fiele hinter den 31.12.9999: nie fällig
        return None
    return faellig if faellig <= stichtag else None


def umsetzungsstand(empfehlung: dict) -> dict[str, dict]:
    """Je Adressat der neueste Umsetzungsbericht."""
    stand: dict[str, dict] = {}
    for u in empfehlung.get("umsetzung") or []:
        alt = stand.get(u["adressat"])
        if alt is None or u["datum"] >= alt["datum"]:
            stand[u["adressat"]] = u
    return stand
