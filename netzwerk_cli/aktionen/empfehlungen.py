"""Handlungsempfehlungen bearbeiten: auflisten, anlegen, einen Schritt im Lebenszyklus gehen,
Umsetzungsberichte anhängen. Reine Funktionen: sie liefern Daten oder einen `Plan` (alter und
neuer Dateiinhalt); geschrieben wird erst mit `schreibe(plan)` über `quellen.dateien`.

Etwas über 400 Zeilen, weil Auflisten, Anlegen, Fortschreiben und Umsetzungsberichte
denselben `Plan` und dieselben Lese-Helfer teilen.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from netzwerk_cli.berichte.grundlagen import ag_status_am
from netzwerk_cli.bestand import Bestand, Datensatz
from netzwerk_cli.grundlagen.datum import deutsch
from netzwerk_cli.grundlagen.datum import heute as heute_iso
from netzwerk_cli.grundlagen.fehler import Abgelehnt, EinrichtungsFehler
from netzwerk_cli.quellen import textbearbeitung, yamltext
from netzwerk_cli.querpruefung.regeln import pruefe_schema, pruefe_schema_datensatz
from netzwerk_cli.regelwerk import lebenszyklus

STAENDE = ("offen", "teilweise", "vollstaendig", "abgelehnt")


def schema_pruefen(bestand: Bestand) -> None:
    """Setzt `gueltig` für alle Datensätze (die Wächter lesen nur gültige Datensätze)."""
    for _ in pruefe_schema(bestand):
        pass


# --------------------------------------------------------------------------- Lesen


def hole(bestand: Bestand, id_: str) -> Datensatz:
    ds = bestand.hole("empfehlung", id_)
    if ds is None:
        raise Abgelehnt(f"Empfehlung „{id_}“ gibt es nicht (empfehlungen/…/{id_}.yaml)")
    if not ds.gueltig:
        raise Abgelehnt(f"Empfehlung „{id_}“ ({ds.datei}) hat Fehler; bitte erst „netzwerk validate“ ausführen und beheben")
    return ds


def wer(bestand: Bestand, durch: str | None) -> str | None:
    """Wer einen Verlaufsschritt verantwortet: `--durch` (bzw. NETZWERK_DURCH, das liest die
    Kommandozeile) vor `einstellungen.durch` einer schema-gültigen netzwerk.yaml; sonst None
    (kein Feld „durch“). Bewusst nicht Gits user.name: docs/ENTSCHEIDUNGEN.md."""
    if durch:
        return durch
    if bestand.netzwerk is not None and bestand.netzwerk.gueltig:
        standard = bestand.einstellungen.get("durch")
        if isinstance(standard, str) and standard.strip():
            return standard
    return None


# --------------------------------------------------------------------------- Pläne


@dataclass
class Plan:
    id: str
    pfad: Path  # absolut
    datei: str  # relativ zur Wurzel
    alt: bytes | None  # None: neue Datei
    neu: str
    betreff: str
    trailer: dict = field(default_factory=dict)
    hinweise: list = field(default_factory=list)  # nicht blockierend, für die Ausgabe

    def diff(self) -> str:
        """Unified Diff wie bei `git diff` (auch mit „\\ No newline at end of file“)."""
        alt = (self.alt or b"").decode("utf-8-sig").splitlines(keepends=True)
        neu = self.neu.removeprefix(_BOM).splitlines(keepends=True)
        zeilen = difflib.unified_diff(alt, neu, "/dev/null" if self.alt is None else f"a/{self.datei}", f"b/{self.datei}")
        return "".join(z if z.endswith("\n") else z + "\n\\ No newline at end of file\n" for z in zeilen)

    def commit_nachricht(self) -> str:
        return self.vorgang().commit_nachricht()

    def vorgang(self):
        """Der Plan als Vorgang des gemeinsamen Schreibwegs (aktionen/schreibvorgang.py)."""
        from netzwerk_cli.aktionen.schreibvorgang import Dateiaenderung, Vorgang

        wurzel = self.pfad.parents[len(Path(self.datei).parts) - 1]
        return Vorgang(
            wurzel,
            [Dateiaenderung(self.datei, self.alt, self.neu.encode("utf-8"))],
            self.betreff,
            dict(self.trailer),
            list(self.hinweise),
            neue_behalten=True,  # `new`: scheitert der Commit, bleibt die neue Datei (keine weitere Nummer)
        )


def schreibe(plan: Plan) -> None:
    from netzwerk_cli.aktionen import schreibvorgang

    schreibvorgang.schreiben(plan.vorgang())


def zuruecknehmen(plan: Plan) -> str:
    """Nach einem gescheiterten Commit: die Datei bekommt ihren alten Inhalt zurück (siehe
    `schreibvorgang.zuruecknehmen`). Liefert einen Satz für die Meldung."""
    from netzwerk_cli.aktionen import schreibvorgang

    return schreibvorgang.zuruecknehmen(plan.vorgang())


def _datum(text: str | None) -> str:
    if text is None:
        return heute_iso()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise EinrichtungsFehler(f"„{text}“ ist kein gültiges Datum; bitte JJJJ-MM-TT angeben")


_BOM = "\ufeff"


def _wie_gelesen(roh: bytes, text: str) -> str:
    """Hatte die Datei ein UTF-8-BOM (Windows-Editoren), behält sie es."""
    return _BOM + text if roh.startswith(b"\xef\xbb\xbf") else text


def _lesen(bestand: Bestand, ds: Datensatz) -> tuple[bytes, str]:
    pfad = bestand.wurzel / ds.datei
    roh = pfad.read_bytes()
    text, probleme = yamltext.dekodiere(roh)
    if text is None:
        raise Abgelehnt(f"{ds.datei}: {probleme[0].meldung}")
    return roh, text


def _nachpruefen(id_: str, alt: dict, text: str, bestand: Bestand, datei: str, erwartet: dict) -> None:
    """Der neue Text muss lesbar sein, genau die beabsichtigten Daten ergeben, schema-gültig und im
    Verlauf nicht schlechter sein als vorher."""
    dok = textbearbeitung.pruefe_lesbar(text)
    if dok.daten != erwartet:
        raise Abgelehnt("interne Änderung ergäbe andere Daten als beabsichtigt; es wurde nichts geschrieben (bitte melden)")
    neu_ds = Datensatz("empfehlung", id_, datei, dok)
    schemafehler = [b for b in pruefe_schema_datensatz(neu_ds) if b.schwere == "fehler"]
    if schemafehler:
        raise Abgelehnt("die Änderung ergäbe einen ungültigen Datensatz: " + "; ".join(b.meldung for b in schemafehler))
    vorher = {v.meldung for v in lebenszyklus.pruefe_verlauf(id_, alt, bestand)}
    neu = [v.meldung for v in lebenszyklus.pruefe_verlauf(id_, neu_ds.daten, bestand) if v.meldung not in vorher]
    if neu:
        raise Abgelehnt("die Änderung ergäbe einen ungültigen Verlauf: " + "; ".join(neu))


def plane_schritt(
    bestand: Bestand,
    id_: str,
    nach: str | None = None,
    sitzung: str | None = None,
    adressaten: list[str] | None = None,
    datum: str | None = None,
    durch: str | None = None,
    notiz: str | None = None,
) -> Plan:
    ds = hole(bestand, id_)
    e = ds.daten
    t = lebenszyklus.tabelle()
    von = e["status"]
    if nach is None:
        nach = t.hauptpfad(von)
        if nach is None:
            if t.endzustand(von):
                raise Abgelehnt(f"Empfehlung „{id_}“ ist „{von}“ (Endzustand); es gibt keinen weiteren Schritt")
            auswahl = "\n".join(f"  --nach {s:<16} {t.beschreibung(s)}" for s in t.naechste(von))
            raise Abgelehnt(f"Empfehlung „{id_}“ ist „{von}“: hier steht eine Entscheidung an. Mögliche Schritte:\n{auswahl}")
    if nach not in t.zustaende:
        raise EinrichtungsFehler(f"„{nach}“ ist kein Status; bekannt: {', '.join(t.zustaende)}")
    if not t.erlaubt(von, nach):
        erlaubt = ", ".join(t.naechste(von)) or "keiner (Endzustand)"
        raise Abgelehnt(f"Schritt „{von}“ → „{nach}“ ist nicht erlaubt (von „{von}“ aus: {erlaubt})")
    tag = _datum(datum)
    verlauf = e["verlauf"]
    if tag < verlauf[-1]["datum"]:
        raise Abgelehnt(f"Datum {tag} liegt vor dem letzten Verlaufseintrag ({verlauf[-1]['datum']}); Daten gehen nie zurück")
    eintrag = {"status": nach, "datum": tag}
    if sitzung:
        # auch bei Schritten ohne Sitzungswächter: kein Verweis ins Leere
        if bestand.hole("sitzung", sitzung) is None:
            raise Abgelehnt(f"Sitzung „{sitzung}“ gibt es nicht in sitzungen/; nichts geändert")
        eintrag["sitzung"] = sitzung
    if durch:
        eintrag["durch"] = durch
    if notiz:
        eintrag["notiz"] = notiz
    neue_adressaten = [a for a in dict.fromkeys(adressaten or []) if a not in (e.get("adressaten") or [])]
    for a in neue_adressaten:
        if bestand.hole("organisation", a) is None:
            raise Abgelehnt(f"Adressat „{a}“ gibt es nicht in organisationen/")
    geplant = copy.deepcopy(e)
    if neue_adressaten:
        geplant["adressaten"] = list(e.get("adressaten") or []) + neue_adressaten
    schritt = lebenszyklus.Schritt(id_, geplant, eintrag, verlauf, ("verlauf", len(verlauf)), bestand)
    probleme = lebenszyklus.pruefe_schritt(schritt)
    if probleme:
        liste_ = "\n".join(f"  - {m}" for _, m in probleme)
        raise Abgelehnt(f"Schritt „{von}“ → „{nach}“ für „{id_}“ abgelehnt; nichts geändert:\n{liste_}")

    roh, text = _lesen(bestand, ds)
    dok = textbearbeitung.pruefe_lesbar(text)
    text = textbearbeitung.ersetze_skalar(text, dok, ("status",), nach)
    if neue_adressaten:
        dok = textbearbeitung.pruefe_lesbar(text)
        if ("adressaten",) in dok.schluessel:
            text = textbearbeitung.haenge_an(text, dok, ("adressaten",), neue_adressaten)
        else:
            text = textbearbeitung.fuege_schluessel_ein(text, dok, "adressaten", neue_adressaten, vor="status")
    dok = textbearbeitung.pruefe_lesbar(text)
    text = textbearbeitung.haenge_an(text, dok, ("verlauf",), [eintrag])
    erwartet = copy.deepcopy(geplant)
    erwartet["status"] = nach
    erwartet["verlauf"] = list(verlauf) + [eintrag]
    _nachpruefen(id_, e, text, bestand, ds.datei, erwartet)
    trailer = {"Empfehlung": id_, "Status": nach}
    hinweise = []
    if sitzung:
        trailer["Sitzung"] = sitzung
        if bestand.daten("sitzung", sitzung).get("status") == "geplant":
            hinweise.append(
                f"Sitzung „{sitzung}“ ist noch als „geplant“ erfasst; bitte Status „durchgefuehrt“ und Protokoll nachtragen"
            )
    return Plan(
        id_, bestand.wurzel / ds.datei, ds.datei, roh, _wie_gelesen(roh, text), f"empfehlung {id_}: {von} → {nach}", trailer, hinweise
    )


def _kein_bericht_moeglich(id_: str, e: dict) -> str:
    """Warum eine Empfehlung in ihrem Status keinen Umsetzungsbericht annimmt, und was stattdessen geht."""
    t = lebenszyklus.tabelle()
    status = e["status"]
    offen = " oder ".join(t.wiedervorlage)
    if t.endzustand(status):
        weitergeleitet = any(isinstance(v, dict) and v.get("status") in t.wiedervorlage for v in e.get("verlauf") or [])
        if weitergeleitet:
            danach = (
                "Was danach noch geschieht, gehört ins Protokoll einer Sitzung; ein neuer Auftrag ist eine neue Empfehlung "
                "(„netzwerk empfehlung new“)"
            )
        else:
            danach = "Sie wurde nie weitergeleitet; ein neuer Anlauf ist eine neue Empfehlung („netzwerk empfehlung new“)"
        return (
            f"Empfehlung „{id_}“ ist abgeschlossen (Status „{status}“: {t.beschreibung(status)}); "
            f"Umsetzungsberichte nimmt nur eine Empfehlung im Status {offen} an. {danach}"
        )
    meldung = f"Empfehlung „{id_}“ ist „{status}“; Umsetzungsberichte gibt es erst nach dem Weiterleiten (Status {offen})"
    if any(s in t.wiedervorlage for s in t.naechste(status)):
        meldung += f". Zuerst weiterleiten: „netzwerk empfehlung advance {id_} --adressat ORGANISATION“"
    return meldung


def plane_umsetzung(
    bestand: Bestand, id_: str, adressat: str, stand: str, bericht: str, datum: str | None = None
) -> Plan:
    # erst die Eingaben (Aufruffehler, Exit 2), dann der Datensatz (fachliche Ablehnung, Exit 1)
    if stand not in STAENDE:
        raise EinrichtungsFehler(f"--stand „{stand}“ ist nicht erlaubt (erlaubt: {', '.join(STAENDE)})")
    if not bericht or not bericht.strip():
        raise EinrichtungsFehler("--bericht darf nicht leer sein")
    tag = _datum(datum)
    ds = hole(bestand, id_)
    e = ds.daten
    if e["status"] not in lebenszyklus.tabelle().wiedervorlage:
        raise Abgelehnt(_kein_bericht_moeglich(id_, e))
    if adressat not in (e.get("adressaten") or []):
        raise Abgelehnt(f"„{adressat}“ ist keine Adressatin dieser Empfehlung (adressaten: {', '.join(e.get('adressaten') or []) or 'keine'})")
    weitergeleitet = [v["datum"] for v in e["verlauf"] if v.get("status") == "weitergeleitet"]
    if weitergeleitet and tag < weitergeleitet[-1]:
        raise Abgelehnt(f"Bericht vom {tag} läge vor der Weiterleitung am {weitergeleitet[-1]}; bitte das Datum des Berichts angeben (--datum)")
    eintrag = {"adressat": adressat, "datum": tag, "stand": stand, "bericht": bericht}
    roh, text = _lesen(bestand, ds)
    dok = textbearbeitung.pruefe_lesbar(text)
    text = textbearbeitung.haenge_an(text, dok, ("umsetzung",), [eintrag])
    erwartet = copy.deepcopy(e)
    erwartet["umsetzung"] = list(e.get("umsetzung") or []) + [eintrag]
    _nachpruefen(id_, e, text, bestand, ds.datei, erwartet)
    return Plan(
        id_,
        bestand.wurzel / ds.datei,
        ds.datei,
        roh,
        _wie_gelesen(roh, text),
        f"empfehlung {id_}: Umsetzungsbericht {adressat} ({stand})",
        {"Empfehlung": id_, "Adressat": adressat, "Stand": stand},
    )


# --------------------------------------------------------------------------- Neu anlegen

_JAHRES_ID = re.compile(r"(\d{4})-(\d{3,})\Z")


def neue_id(bestand: Bestand, jahr: int, belegt: Collection[str] = frozenset()) -> str:
    """Nächste freie id des Jahres im Stil 2025-007 (nach der höchsten vorhandenen Nummer)."""
    hoechste = 0
    for id_ in list(bestand.arten["empfehlung"]) + list(belegt):
        m = _JAHRES_ID.match(id_)
        if m and int(m.group(1)) == jahr:
            hoechste = max(hoechste, int(m.group(2)))
    return f"{jahr}-{hoechste + 1:03d}"


def _block(schluessel: str, text: str) -> str:
    """Ein Textfeld: einzeilig als Skalar, mehrzeilig als Literalblock („|-“), sonst in Anführungszeichen.

    Gespeichert wird `text.strip()`; der Literalblock nur, wenn YAML genau diesen Text zurückliest
    (keine Tabulatoren, Wagenrückläufe oder Steuerzeichen, keine Leerzeichen am Zeilenende).
    """
    wert = text.strip()
    if "\n" not in wert:
        return f"{schluessel}: {textbearbeitung.skalar(wert)}\n"
    zeilen = wert.split("\n")
    if all(z == z.rstrip() and z.isprintable() for z in zeilen):
        return f"{schluessel}: |-\n" + "".join(f"  {z}\n" if z else "\n" for z in zeilen)
    return f"{schluessel}: {textbearbeitung.doppelt_zitiert(wert)}\n"


def plane_neu(
    bestand: Bestand,
    titel: str,
    arbeitsgruppe: str | None = None,
    gremium: str | None = None,
    text: str | None = None,
    entscheidungsgremium: str | None = None,
    datum: str | None = None,
    durch: str | None = None,
    belegt: Collection[str] = frozenset(),
) -> Plan:
    if bool(arbeitsgruppe) == bool(gremium):
        raise EinrichtungsFehler("bitte genau eine Herkunft angeben: --arbeitsgruppe A oder --gremium G")
    if not titel or not titel.strip():
        raise EinrichtungsFehler("--titel darf nicht leer sein")
    if arbeitsgruppe:
        ag = bestand.daten("arbeitsgruppe", arbeitsgruppe)
        if bestand.hole("arbeitsgruppe", arbeitsgruppe) is None:
            raise Abgelehnt(f"Arbeitsgruppe „{arbeitsgruppe}“ gibt es nicht in arbeitsgruppen/")
        entscheidungsgremium = entscheidungsgremium or ag.get("eingesetzt_von")
    if gremium:
        if bestand.hole("gremium", gremium) is None:
            raise Abgelehnt(f"Gremium „{gremium}“ gibt es nicht in gremien/")
        entscheidungsgremium = entscheidungsgremium or gremium
    if entscheidungsgremium and bestand.hole("gremium", entscheidungsgremium) is None:
        raise Abgelehnt(f"Gremium „{entscheidungsgremium}“ gibt es nicht in gremien/")
    tag = _datum(datum)
    hinweise = _hinweis_abgeschlossene_ag(bestand, arbeitsgruppe, tag) if arbeitsgruppe else []
    id_ = neue_id(bestand, int(tag[:4]), belegt)
    zeilen = [f"# Handlungsempfehlung {id_}\n", _block("titel", titel)]
    if text and text.strip():
        zeilen.append(_block("text", text))
    zeilen.append(f"arbeitsgruppe: {arbeitsgruppe}\n" if arbeitsgruppe else f"gremium: {gremium}\n")
    if entscheidungsgremium:
        zeilen.append(f"entscheidungsgremium: {entscheidungsgremium}\n")
    zeilen.append("status: entwurf\n")
    zeilen.append("verlauf:\n")
    zeilen.append("  - status: entwurf\n")
    zeilen.append(f"    datum: {tag}\n")
    if durch:
        zeilen.append(f"    durch: {textbearbeitung.skalar(durch)}\n")
    neu = "".join(zeilen)
    datei = f"empfehlungen/{tag[:4]}/{id_}.yaml"
    dok = textbearbeitung.pruefe_lesbar(neu)
    gelesen = dok.daten
    if (
        gelesen.get("titel") != titel.strip()
        or gelesen.get("text") != (text.strip() if text and text.strip() else None)
        or gelesen["verlauf"][0].get("durch") != (durch or None)
    ):
        raise Abgelehnt("interne Änderung ergäbe andere Daten als beabsichtigt; es wurde nichts geschrieben (bitte melden)")
    neu_ds = Datensatz("empfehlung", id_, datei, dok)
    schemafehler = [b for b in pruefe_schema_datensatz(neu_ds) if b.schwere == "fehler"]
    if schemafehler:
        raise Abgelehnt("die Angaben ergäben einen ungültigen Datensatz: " + "; ".join(b.meldung for b in schemafehler))
    return Plan(
        id_, bestand.wurzel / datei, datei, None, neu, f"empfehlung {id_}: neu (entwurf)", {"Empfehlung": id_, "Status": "entwurf"}, hinweise
    )


def _hinweis_abgeschlossene_ag(bestand: Bestand, arbeitsgruppe: str, tag: str) -> list[str]:
    """Ein Hinweis (keine Ablehnung), wenn die AG am Datum der Empfehlung schon abgeschlossen ist:
    das ist selten gewollt – oft ist die Herkunft vertauscht (NEWCOMER-FINDINGS)."""
    ag = bestand.daten("arbeitsgruppe", arbeitsgruppe)
    if ag_status_am(ag, tag) != "abgeschlossen":
        return []
    seit = f" seit dem {deutsch(ag['abgeschlossen_am'])}" if isinstance(ag.get("abgeschlossen_am"), str) else ""
    return [
        f"Arbeitsgruppe „{ag.get('name') or arbeitsgruppe}“ ist{seit} abgeschlossen; eine neue Empfehlung aus ihr ist "
        "ungewöhnlich – stimmt die Herkunft (--arbeitsgruppe oder --gremium)?"
    ]
