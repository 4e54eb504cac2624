"""`netzwerk sitzung vorbereiten`: eine geplante Sitzung mit Entwurf der Tagesordnung.

Die Tagesordnung ergibt sich aus dem Bestand, beurteilt am Sitzungstag:
zur Abstimmung eingereichte Empfehlungen, fällige Wiedervorlagen, Berichte aktiver AGs,
AGs nach ihrem geplanten Ende und vakante Sitze – eingerahmt von Begrüßung, Protokoll
der letzten Sitzung und „Verschiedenes“. Der Datensatz wird erst geschrieben, wenn er
die Prüfung ohne Fehler besteht; eine vorhandene Datei wird nie überschrieben.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from netzwerk_cli.berichte import grundlagen as g
from netzwerk_cli.berichte.bezeichnungen import aus_wert
from netzwerk_cli.berichte.gremium import gremium_pruefen
from netzwerk_cli.bestand import Bestand, Datensatz
from netzwerk_cli.bestand.laden import lade_bestand
from netzwerk_cli.grundlagen.arten import ID_MAX
from netzwerk_cli.grundlagen.datum import deutsch
from netzwerk_cli.grundlagen.datum import heute as heute_iso
from netzwerk_cli.grundlagen.fehler import Abgelehnt, NetzwerkFehler
from netzwerk_cli.quellen import dateien, yamltext
from netzwerk_cli.quellen.textbearbeitung import doppelt_zitiert, skalar
from netzwerk_cli.querpruefung.regeln import kontext_fuer
from netzwerk_cli.regelwerk import lebenszyklus, sitzregeln
from netzwerk_cli.validierung import pruefe_bestand

_TITEL_MAX = 500  # kurztext im Schema

_de = partial(deutsch, leer="unbekannt")  # TT.MM.JJJJ; fehlt das Datum: „unbekannt“


@dataclass
class Punkt:
    titel: str
    vorlage_art: str | None = None
    berichterstattung: str | None = None
    empfehlungen: list[str] = field(default_factory=list)
    arbeitsgruppen: list[str] = field(default_factory=list)
    art: str = "rahmen"  # rahmen | beschluss | wiedervorlage | ag_bericht | ag_ueberfaellig | nachbesetzung
    nummer: int = 0


@dataclass
class Entwurf:
    gremium_id: str
    gremium_name: str
    datum: str
    ort: str | None
    sitzung_id: str
    pfad: str  # relativ zur Wurzel, mit "/"
    punkte: list[Punkt]
    beispiel: bool
    hinweise: list[str] = field(default_factory=list)
    text: str = ""

    def als_dict(self) -> dict:
        """Der Sitzungsdatensatz, wie er geschrieben wird (Feldnamen nach schemas/sitzung.schema.json)."""
        d: dict = {"gremium": self.gremium_id, "datum": self.datum}
        if self.ort:
            d["ort"] = self.ort
        d["status"] = "geplant"
        d["tagesordnung"] = [_punkt_dict(p) for p in self.punkte]
        if self.beispiel:
            d["beispiel"] = True
        return d


def _punkt_dict(p: Punkt) -> dict:
    d: dict = {"nummer": p.nummer, "titel": p.titel}
    if p.vorlage_art:
        d["vorlage_art"] = p.vorlage_art
    if p.berichterstattung:
        d["berichterstattung"] = p.berichterstattung
    if p.empfehlungen:
        d["empfehlungen"] = list(p.empfehlungen)
    if p.arbeitsgruppen:
        d["arbeitsgruppen"] = list(p.arbeitsgruppen)
    return d


# --------------------------------------------------------------------------- Tagesordnung


def entwurf(bestand: Bestand, gremium_id: str, datum: str, ort: str | None, heute: str) -> Entwurf:
    gremium = gremium_pruefen(bestand, gremium_id)
    sitzung_id = f"{gremium_id}-{datum}"
    if len(sitzung_id) > ID_MAX:
        raise Abgelehnt(f"Die id „{sitzung_id}“ wäre länger als {ID_MAX} Zeichen; bitte die Sitzung von Hand anlegen.")
    vorhanden = bestand.hole("sitzung", sitzung_id)
    if vorhanden is not None:
        raise Abgelehnt(f"Die Sitzung „{sitzung_id}“ gibt es schon ({vorhanden.datei}); nichts geschrieben.")
    if ort is not None and not ort.strip():
        raise Abgelehnt("--ort ist leer; bitte einen Ort angeben oder die Option weglassen.")
    ort = ort.strip() if ort else None

    monate = kontext_fuer(bestand, datum).wiedervorlage_monate
    sitzungen = g.sitzungen_von(bestand, gremium_id)
    hinweise: list[str] = []
    punkte = [Punkt("Begrüßung, Feststellung der Beschlussfähigkeit und Genehmigung der Tagesordnung")]

    frueher = [(sid, s) for sid, s in sitzungen if s["datum"] < datum and s.get("status") != "abgesagt"]
    if frueher:
        sid, s = frueher[-1]
        punkte.append(Punkt(f"Genehmigung des Protokolls der Sitzung vom {_de(s['datum'])}"))

    # schon auf der Tagesordnung einer anderen geplanten Sitzung vor diesem Datum
    vorgesehen: dict[str, str] = {}
    for _sid, s in sitzungen:
        if s.get("status") == "geplant" and s["datum"] < datum:
            for p in s.get("tagesordnung") or []:
                for e in p.get("empfehlungen") or []:
                    vorgesehen.setdefault(e, s["datum"])

    empfehlungen = [(eid, e) for eid, e in g.gueltige(bestand, "empfehlung") if e.get("entscheidungsgremium") == gremium_id]
    eingereicht = sorted(
        ((eid, e) for eid, e in empfehlungen if e.get("status") == "eingereicht"),
        key=lambda p: (g.status_seit(p[1]) or "", p[0]),
    )
    for eid, e in eingereicht:
        if eid in vorgesehen:
            hinweise.append(f"Empfehlung {eid} steht schon auf der Tagesordnung der Sitzung am {_de(vorgesehen[eid])} und fehlt hier.")
            continue
        if (g.status_seit(e) or "") > datum:
            hinweise.append(f"Empfehlung {eid} wurde erst nach dem Sitzungstag eingereicht und fehlt hier.")
            continue
        punkte.append(
            Punkt(
                f"Empfehlung {eid}: {e.get('titel', eid)} – Beratung und Beschluss",
                vorlage_art="Beschlussvorlage",
                berichterstattung=_berichterstattung(bestand, e),
                empfehlungen=[eid],
                art="beschluss",
            )
        )
    for eid, e in empfehlungen:
        befasst = lebenszyklus.befassungen(bestand, eid, datum) if e.get("status") in lebenszyklus.tabelle().wiedervorlage else ()
        faellig = lebenszyklus.wiedervorlage_faellig(e, datum, monate, befasst)
        if faellig and eid in vorgesehen:
            hinweise.append(f"Wiedervorlage {eid} steht schon auf der Tagesordnung der Sitzung am {_de(vorgesehen[eid])} und fehlt hier.")
        elif faellig:
            punkte.append(
                Punkt(
                    f"Wiedervorlage Empfehlung {eid}: {e.get('titel', eid)} – Sachstand der Umsetzung "
                    f"(letzte Befassung {_de(lebenszyklus.letzte_pruefung(e, befasst))})",
                    empfehlungen=[eid],
                    art="wiedervorlage",
                )
            )

    ags = [(aid, ag) for aid, ag in g.gueltige(bestand, "arbeitsgruppe") if ag.get("eingesetzt_von") == gremium_id]
    for aid, ag in ags:
        if g.ag_status_am(ag, datum) == "aktiv" and not g.ag_ueberfaellig(ag, datum):
            bis = f" (geplant bis {_de(ag['ende_geplant'])})" if ag.get("ende_geplant") else ""
            punkte.append(
                Punkt(
                    f"Bericht der {ag.get('name', aid)}{bis}",
                    berichterstattung=_leitung(bestand, ag),
                    arbeitsgruppen=[aid],
                    art="ag_bericht",
                )
            )
    for aid, ag in ags:
        if g.ag_ueberfaellig(ag, datum):
            punkte.append(
                Punkt(
                    f"{ag.get('name', aid)}: geplantes Ende am {_de(ag['ende_geplant'])} überschritten – "
                    "Abschlussbericht oder Verlängerung",
                    berichterstattung=_leitung(bestand, ag),
                    arbeitsgruppen=[aid],
                    art="ag_ueberfaellig",
                )
            )

    besetzung = sitzregeln.besetzung(gremium, bestand, datum)
    vakanzen = []
    for stand in besetzung.gruppen:
        if stand.vakant:
            fehlt = [aus_wert(bestand, stand.gruppe.get("je"), w) for w in stand.offen]
            vakanzen.append(f"{stand.name} ({stand.vakant}{': ' + ', '.join(fehlt) if fehlt else ''})")
    if vakanzen:
        punkte.append(Punkt(_kuerzen("Nachbesetzung vakanter Sitze: " + "; ".join(vakanzen)), art="nachbesetzung"))

    punkte.append(Punkt("Verschiedenes und nächste Termine"))
    for i, p in enumerate(punkte, start=1):
        p.nummer = i
        p.titel = _kuerzen(p.titel)

    if not ort:
        hinweise.append("Ort fehlt: bitte „ort:“ in der Datei ergänzen (oder --ort angeben).")
    if datum < heute:
        hinweise.append(f"Der Sitzungstag {_de(datum)} liegt vor heute ({_de(heute)}).")
    jahr = datum[:4]
    e = Entwurf(
        gremium_id=gremium_id,
        gremium_name=g.kurzname(gremium, gremium_id),
        datum=datum,
        ort=ort,
        sitzung_id=sitzung_id,
        pfad=f"sitzungen/{jahr}/{sitzung_id}.yaml",
        punkte=punkte,
        beispiel=gremium.get("beispiel") is True,
        hinweise=hinweise,
    )
    e.text = yaml_text(e, heute)
    return e


def _berichterstattung(bestand: Bestand, empfehlung: dict) -> str | None:
    ag_id = empfehlung.get("arbeitsgruppe")
    if ag_id:
        ag = bestand.daten("arbeitsgruppe", ag_id)
        return _leitung(bestand, ag) or g.ag_name(bestand, ag_id)
    if empfehlung.get("gremium"):
        return "Geschäftsstelle"
    return None


def _leitung(bestand: Bestand, ag: dict) -> str | None:
    """Interne Tagesordnung: Namen der AG-Leitung (die Datei ist ein Arbeitsdokument)."""
    roh = [bestand.daten("person", p).get("name") for p in ag.get("leitung") or []]
    namen = [n for n in roh if n]
    return _kuerzen(f"{', '.join(namen)} (AG-Leitung)") if namen else None


def _kuerzen(text: str) -> str:
    return text if len(text) <= _TITEL_MAX else text[: _TITEL_MAX - 1] + "…"


# --------------------------------------------------------------------------- YAML


def _kommentar(text: str) -> str:
    """Ein Wert in einer Kommentarzeile: bleibt eine Zeile mit nur druckbaren Zeichen (ein
    Zeilenumbruch im Namen beendete sonst den Kommentar und schriebe YAML in die Datei)."""
    return text if text.isprintable() else doppelt_zitiert(text)


def yaml_text(e: Entwurf, heute: str) -> str:
    z = [
        f"# Geplante Sitzung: {_kommentar(e.gremium_name)} am {_de(e.datum)}.",
        f"# Entwurf der Tagesordnung, angelegt mit `netzwerk sitzung vorbereiten` am {_de(heute)}.",
        "# Bitte prüfen und ergänzen (Ort, Beginn, Vorlagen, Berichterstattung). Nach der Sitzung:",
        "# status: durchgefuehrt, anwesend/entschuldigt und je Punkt den beschluss eintragen.",
        f"gremium: {e.gremium_id}",
        f"datum: {e.datum}",
    ]
    if e.ort:
        z.append(f"ort: {skalar(e.ort)}")
    z.append("status: geplant")
    z.append("tagesordnung:")
    for p in e.punkte:
        d = _punkt_dict(p)
        erste = True
        for schluessel, wert in d.items():
            einzug = "  - " if erste else "    "
            erste = False
            if isinstance(wert, list):
                z.append(f"{einzug}{schluessel}:")
                # ids von Empfehlungen („2024-001“) stets in Anführungszeichen, wie in den Beispieldaten
                z.extend(f"      - {json.dumps(w) if schluessel == 'empfehlungen' else skalar(w)}" for w in wert)
            else:
                z.append(f"{einzug}{schluessel}: {skalar(wert)}")
    if e.beispiel:
        z.append("beispiel: true  # Gremium ist ein erfundenes Beispiel")
    return "\n".join(z) + "\n"


# --------------------------------------------------------------------------- prüfen und schreiben


def pruefen(wurzel: Path, e: Entwurf, heute: str) -> None:
    """Prüft den Entwurf im Zusammenhang des ganzen Repositorys, ohne etwas zu schreiben.

    Ein Fehler hier ist ein Fehler des Werkzeugs (die Tagesordnung entsteht aus gültigen
    Daten); er wird gemeldet und nichts geschrieben.
    """
    dok, probleme = yamltext.lade_text(e.text)
    fehler = [f"{p.regel}: {p.meldung}" for p in probleme if p.schwere == "fehler"]
    if not fehler:
        bestand = lade_bestand(wurzel)
        ds = Datensatz("sitzung", e.sitzung_id, e.pfad, dok, True)
        bestand.arten["sitzung"][e.sitzung_id] = ds
        bestand.dateien += 1
        bericht = pruefe_bestand(bestand, heute)
        fehler = [f"{b.regel}: {b.meldung}" for b in bericht.befunde if b.datei == e.pfad and b.schwere == "fehler"]
    if fehler:
        raise NetzwerkFehler("Der Entwurf der Sitzung besteht die Prüfung nicht; nichts geschrieben. " + "; ".join(fehler))


def anlegen(wurzel: Path, e: Entwurf) -> Path:
    ziel = wurzel / e.pfad
    if ziel.exists():
        raise Abgelehnt(f"{e.pfad} gibt es schon; nichts geschrieben.")
    dateien.erstelle_neu(ziel, e.text, wurzel=wurzel)  # Sperre und erneute Prüfung: ein gleichzeitiger Lauf überschreibt nichts
    return ziel


def plane_vorbereiten(bestand: Bestand, gremium_id: str, datum: str, ort: str | None, heute: str | None = None):
    """Entwurf und Vorgang des gemeinsamen Schreibwegs (`aktionen/schreibvorgang.py`): eine neue
    Sitzungsdatei. Prüfen, zeigen (--dry-run), schreiben und committen (--commit) übernimmt der
    Schreibweg; eine vorhandene Datei wird nie überschrieben."""
    from netzwerk_cli.aktionen.schreibvorgang import Vorgang, aenderung

    heute = heute or heute_iso()
    e = entwurf(bestand, gremium_id, datum, ort, heute)
    ziel = bestand.wurzel / e.pfad
    if ziel.exists() or ziel.is_symlink():
        raise Abgelehnt(f"{e.pfad} gibt es schon; nichts geschrieben.")
    vorgang = Vorgang(
        bestand.wurzel,
        [aenderung(bestand.wurzel, e.pfad, e.text, neu_datei=True)],
        f"sitzung {e.sitzung_id}: geplant, Tagesordnung mit {len(e.punkte)} Punkten",
        {"Sitzung": e.sitzung_id, "Gremium": gremium_id},
    )
    return e, vorgang


def plane_ueber_speicher(daten: Path | None, gremium_id: str, datum: str, ort: str | None, heute: str, dry_run: bool):
    """`sitzung vorbereiten`: Entwurf und Vorgang aus dem jetzigen Stand im Zwischenspeicher
    (`validierung.geplant.oeffnen`), den der Schreibweg danach für die Prüfung weiterverwendet
    (`schreibvorgang.ausfuehren(..., jetzt=...)`): der Bestand wird einmal gelesen, nur
    Geändertes neu geprüft. Ohne nutzbaren Speicher der Bestand wie bei den Berichten und die
    vollständige Prüfung. Liefert (Entwurf, Vorgang, jetziger Stand oder None); den Speicher
    legt nur der Probelauf ab (wie bisher)."""
    from netzwerk_cli.bestand.finden import finde_wurzel
    from netzwerk_cli.validierung import geplant

    jetzt = geplant.oeffnen(finde_wurzel(daten), heute, schreiben=dry_run)
    bestand = jetzt.bestand if jetzt is not None else g.laden(daten, heute, pruefen=False).bestand
    e, vorgang = plane_vorbereiten(bestand, gremium_id, datum, ort, heute)
    return e, vorgang, jetzt


def vorbereiten(repo: g.GeprueftesRepo, gremium_id: str, datum: str, ort: str | None, heute: str | None = None) -> Entwurf:
    """Entwurf bauen, prüfen, schreiben. Liefert den geschriebenen Entwurf."""
    heute = heute or heute_iso()
    e = entwurf(repo.bestand, gremium_id, datum, ort, heute)
    if (repo.wurzel / e.pfad).exists():
        raise Abgelehnt(f"{e.pfad} gibt es schon; nichts geschrieben.")
    pruefen(repo.wurzel, e, heute)
    anlegen(repo.wurzel, e)
    return e
