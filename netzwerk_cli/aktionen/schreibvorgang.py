"""Der gemeinsame Schreibweg aller ändernden Befehle (ein Ort für alle):

1. **planen** – ein Befehl baut einen `Vorgang`: die Liste der Dateiänderungen (Pfad → neue
   Bytes), jeweils mit den Bytes, die beim Planen gelesen wurden;
2. **prüfen** – `pruefen(vorgang)` baut den Bestand mit den geplanten Dateien im Speicher und
   lässt dieselben Prüfungen laufen wie `validate`; hat der geplante Stand Fehler, die der
   jetzige nicht hat, wird abgelehnt (nichts geschrieben);
3. **zeigen** – `vorgang.diff()` ist der Unified Diff für `--dry-run`;
4. **schreiben** – `schreiben(vorgang)`: alle Dateien ganz oder gar nicht, jede atomar, unter
   der Ordnersperre und nur, wenn jede Datei noch genau den gelesenen Inhalt hat;
5. **committen** – `commit_vorpruefen(vorgang)` vor dem Schreiben, `committen(vorgang)` danach:
   genau die geänderten Dateien in einem Commit, oder eine Ablehnung, bei der nichts angefasst
   ist. Committet wird nur ein Stand, der `validate` besteht: Was committet würde (HEAD plus die
   geänderten Dateien), wird im Speicher geprüft. Hängt der Schritt an nicht committeten
   Änderungen anderer Dateien (z. B. die Tagesordnung der Sitzung, auf die sich ein Wächter
   stützt), lehnt `--commit` ab und nennt sie; mit `--mit-abhaengigen` kommen genau diese
   Dateien in denselben Commit.

Keine Ausgabe hier; die Darstellung macht `cli/schreiben.py`.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from netzwerk_cli.grundlagen.befunde import Befund
from netzwerk_cli.grundlagen.datum import heute as heute_iso
from netzwerk_cli.grundlagen.fehler import Abgelehnt, NetzwerkFehler
from netzwerk_cli.quellen import dateien

if TYPE_CHECKING:
    from netzwerk_cli.validierung.geplant import Stand

_BOM = "\ufeff"
MAX_ABHAENGIGE_EINZELN = 24  # mehr nicht committete Dateien: nicht einzeln ausprobieren


# --------------------------------------------------------------------------- Daten


@dataclass
class Dateiaenderung:
    """Eine geplante Änderung einer Datei (relativ zur Datenwurzel, mit „/“)."""

    datei: str
    alt: bytes | None  # beim Planen gelesen; None: neue Datei
    neu: bytes | None  # None: Datei wird gelöscht

    @property
    def art(self) -> str:
        return "neu" if self.alt is None else ("geloescht" if self.neu is None else "geaendert")

    def diff(self) -> str:
        """Unified Diff wie bei `git diff` (auch mit „\\ No newline at end of file“)."""
        alt = (self.alt or b"").decode("utf-8-sig").splitlines(keepends=True)
        neu = (self.neu or b"").decode("utf-8-sig").splitlines(keepends=True)
        von = "/dev/null" if self.alt is None else f"a/{self.datei}"
        nach = "/dev/null" if self.neu is None else f"b/{self.datei}"
        zeilen = difflib.unified_diff(alt, neu, von, nach)
        return "".join(z if z.endswith("\n") else z + "\n\\ No newline at end of file\n" for z in zeilen)


@dataclass
class Vorgang:
    """Alles, was ein ändernder Befehl tun würde."""

    wurzel: Path
    aenderungen: list[Dateiaenderung]
    betreff: str  # erste Zeile der Commit-Nachricht und Zusammenfassung der Ausgabe
    trailer: dict = field(default_factory=dict)
    hinweise: list[str] = field(default_factory=list)  # nicht blockierend, für die Ausgabe
    text: str = ""  # Absatz zwischen Betreff und Trailern (optional)
    abhaengige: list[str] = field(default_factory=list)  # mit --mit-abhaengigen mitcommittete Dateien
    # Vergleichsschlüssel für Befunde (z. B. wenn ids umbenannt werden); Standard: ohne Zeilen
    schluessel: Callable[[Befund], tuple] | None = None
    # scheitert der Commit: neu angelegte Dateien stehen lassen (`empfehlung new`: keine weitere Nummer)
    neue_behalten: bool = False

    def diff(self) -> str:
        return "".join(a.diff() for a in self.aenderungen)

    @property
    def dateien(self) -> list[str]:
        return [a.datei for a in self.aenderungen]

    def pfade(self) -> list[Path]:
        return [self.wurzel / d for d in [*self.dateien, *self.abhaengige]]

    def commit_nachricht(self) -> str:
        teile = [self.betreff]
        if self.text:
            teile.append(self.text.rstrip("\n"))
        trailer = dict(self.trailer)
        if self.abhaengige:
            trailer["Mit-abhaengigen"] = ", ".join(self.abhaengige)
        if trailer:
            teile.append("\n".join(f"{k}: {v}" for k, v in trailer.items()))
        return "\n\n".join(teile) + "\n"


def aenderung(wurzel: Path, datei: str, neu: str | bytes | None, alt: bytes | None = None, neu_datei: bool = False) -> Dateiaenderung:
    """Eine Dateiänderung; ohne `alt` werden die jetzigen Bytes gelesen (None bei `neu_datei`).
    Ein UTF-8-BOM der alten Datei bleibt erhalten."""
    if alt is None and not neu_datei:
        alt = (wurzel / datei).read_bytes()
    if isinstance(neu, str):
        if alt is not None and alt.startswith(b"\xef\xbb\xbf") and not neu.startswith(_BOM):
            neu = _BOM + neu
        neu = neu.encode("utf-8")
    return Dateiaenderung(datei, alt, neu)


# --------------------------------------------------------------------------- Prüfen im Speicher


def _standard_schluessel(b: Befund) -> tuple:
    return (b.datei, b.regel, b.pfad, b.meldung)


def neue_fehler(vorher: list[Befund], nachher: list[Befund], schluessel: Callable[[Befund], tuple] | None = None) -> list[Befund]:
    """Fehler in `nachher`, die es in `vorher` nicht gab (Zeilen zählen nicht: Änderungen verschieben sie)."""
    schluessel = schluessel or _standard_schluessel
    alte = Counter(schluessel(b) for b in vorher if b.schwere == "fehler")
    neu = []
    for b in sorted(nachher, key=Befund.sortierschluessel):
        if b.schwere != "fehler":
            continue
        k = schluessel(b)
        if alte[k] > 0:
            alte[k] -= 1
        else:
            neu.append(b)
    return neu


def _art_der_datei(datei: str) -> str | None:
    from netzwerk_cli.bestand.ueberlagerung import art_der_datei

    return art_der_datei(datei)


def ueberlagert(bestand, dateien: dict[str, bytes | None]):
    """Ein neuer Bestand: `bestand` mit diesen Dateien (Bytes; None = gelöscht) an Stelle der
    gelesenen. `bestand` selbst bleibt unverändert (die Datensätze werden geteilt, nicht verändert)."""
    from netzwerk_cli.bestand import Bestand
    from netzwerk_cli.bestand.ueberlagerung import ueberlagern

    neu = Bestand(
        wurzel=bestand.wurzel,
        netzwerk=bestand.netzwerk,
        arten={a: dict(s) for a, s in bestand.arten.items()},
        befunde=list(bestand.befunde),
        dateien=bestand.dateien,
    )
    ueberlagern(neu, dateien)
    return neu


def _befunde(bestand, stichtag: str) -> list[Befund]:
    from netzwerk_cli.validierung import pruefe_bestand

    return pruefe_bestand(bestand, stichtag).befunde


def _geplant(vorgang: Vorgang) -> dict[str, bytes | None]:
    return {a.datei: a.neu for a in vorgang.aenderungen}


def _ablehnung(kopf: str, fehler: list[Befund], wie_viele: int = 12) -> Abgelehnt:
    zeilen = [f"  {b.datei}: [{b.regel}] {b.meldung}" for b in fehler[:wie_viele]]
    if len(fehler) > wie_viele:
        zeilen.append(f"  … und {len(fehler) - wie_viele} weitere")
    return Abgelehnt(kopf + "\n" + "\n".join(zeilen))


def pruefen(vorgang: Vorgang, stichtag: str | None = None, bestand=None, zwischenspeicher_schreiben: bool = False, jetzt: Stand | None = None) -> None:
    """Lehnt ab, wenn der geplante Stand Fehler hätte, die der jetzige nicht hat.

    Ohne `bestand` über den Zwischenspeicher von `validate` (`validierung.geplant`: nur was die
    Änderung berührt, wird neu geprüft); ohne nutzbaren Speicher vollständig. Beide Wege
    entscheiden gleich (tests/test_schreibvorgang_schnell.py). Den Speicher schreibt der Weg nur
    mit `zwischenspeicher_schreiben` (Probelauf): ein schreibender Befehl fasst neben seinen
    Dateien nichts an. `jetzt`: der schon geöffnete jetzige Stand (`validierung.geplant.oeffnen`
    mit demselben Stichtag), wenn der Befehl den Vorgang aus dessen Bestand geplant hat."""
    stichtag = stichtag or heute_iso()
    fehler = _neue_fehler_schnell(vorgang, stichtag, zwischenspeicher_schreiben, jetzt) if bestand is None else None
    if fehler is None:
        fehler = _neue_fehler_voll(vorgang, stichtag, bestand)
    if fehler:
        raise _ablehnung("Die Änderung ergäbe einen Stand mit neuen Fehlern (wie „netzwerk validate“ sie meldet); nichts geschrieben:", fehler)


def _neue_fehler_voll(vorgang: Vorgang, stichtag: str, bestand=None) -> list[Befund]:
    """Der vollständige Weg: alle Prüfungen über den jetzigen und den geplanten Stand."""
    from netzwerk_cli.bestand.laden import lade_bestand

    bestand = bestand if bestand is not None else lade_bestand(vorgang.wurzel, zwischenspeicher=False)
    vorher = _befunde(bestand, stichtag)
    nachher = _befunde(ueberlagert(bestand, _geplant(vorgang)), stichtag)
    return neue_fehler(vorher, nachher, vorgang.schluessel)


def _neue_fehler_schnell(vorgang: Vorgang, stichtag: str, schreiben: bool = False, jetzt: Stand | None = None) -> list[Befund] | None:
    """Der schnelle Weg über den Zwischenspeicher; None, wenn er nicht geht (dann vollständig)."""
    from netzwerk_cli.validierung import _begrenzt, geplant

    stand = jetzt if jetzt is not None else geplant.oeffnen(vorgang.wurzel, stichtag, schreiben)
    if stand is None:
        return None
    nachher = stand.mit(_geplant(vorgang))
    if nachher is None:
        return None
    return neue_fehler(_begrenzt(stand.jetzt()), _begrenzt(nachher), vorgang.schluessel)


# --------------------------------------------------------------------------- Git


def commit_vorpruefen(vorgang: Vorgang, mit_abhaengigen: bool = False, stichtag: str | None = None, pruefe_stand: bool = True) -> None:
    """Mit --commit, vor dem Schreiben: geht ein Commit jetzt, sind die zu ändernden Dateien seit
    HEAD unverändert, und besteht der Stand, der committet würde, `validate`? Setzt
    `vorgang.abhaengige` (nur mit `mit_abhaengigen`). Voraussetzung: der geplante Stand ist
    schon mit `pruefen` (oder gleichwertig) geprüft."""
    git_vorpruefen(vorgang)
    if pruefe_stand:
        vorgang.abhaengige = _abhaengige(vorgang, mit_abhaengigen, stichtag or heute_iso())


def git_vorpruefen(vorgang: Vorgang) -> None:
    """Nur Git (schnell, schreibt nichts): geht ein Commit jetzt, und sind die zu ändernden
    Dateien seit HEAD unverändert?"""
    from netzwerk_cli.quellen import git

    git.commit_vorpruefen(vorgang.wurzel)  # kein Repository, Merge/Rebase, index.lock, losgelöster HEAD
    for a in vorgang.aenderungen:
        if a.alt is not None and not git.unveraendert_seit_head(vorgang.wurzel, vorgang.wurzel / a.datei):
            raise Abgelehnt(f"--commit: {a.datei} hat nicht committete Änderungen; bitte erst committen oder verwerfen. Nichts geschrieben")


def _abhaengige(vorgang: Vorgang, mit_abhaengigen: bool, stichtag: str) -> list[str]:
    """Der Commit enthält HEAD plus die geänderten Dateien. Hat dieser Stand neue Fehler gegenüber
    HEAD, hängt die Änderung an nicht committeten anderen Dateien: welche, wird ausprobiert."""
    from netzwerk_cli.quellen import git

    geplant = _geplant(vorgang)
    offen = [d for d in git.nicht_committet(vorgang.wurzel) if d not in geplant and _art_der_datei(d) is not None]
    if not offen:
        return []  # committet wird genau der geplante Stand, und den hat `pruefen` schon geprüft
    befunde_mit = _befunde_mit(vorgang.wurzel, stichtag)
    am_head = {d: git.inhalt_am_head(vorgang.wurzel, d) for d in offen}
    head_befunde = befunde_mit(am_head)

    def fehler_mit(behalten: list[str]) -> list[Befund]:
        stand = dict(am_head)
        for d in behalten:
            stand.pop(d)
        stand.update(geplant)
        return neue_fehler(head_befunde, befunde_mit(stand), vorgang.schluessel)

    if not fehler_mit([]):
        return []
    if fehler_mit(offen):
        raise _ablehnung(
            "--commit: auch zusammen mit allen nicht committeten Dateien hätte der Stand neue Fehler; "
            "nichts geschrieben. Bitte erst „netzwerk validate“ ausführen:",
            fehler_mit(offen),
        )
    noetig = list(offen)
    if len(offen) <= MAX_ABHAENGIGE_EINZELN:
        for d in list(noetig):
            probe = [x for x in noetig if x != d]
            if not fehler_mit(probe):
                noetig = probe
    if not mit_abhaengigen:
        raise Abgelehnt(
            "--commit: der Schritt stützt sich auf nicht committete Änderungen anderer Dateien; "
            "ohne sie bestünde der committete Stand „netzwerk validate“ nicht. Nichts geschrieben.\n"
            + "\n".join(f"  {d}" for d in noetig)
            + "\nBitte diese Dateien erst committen oder mit --mit-abhaengigen im selben Commit festhalten."
        )
    return noetig


def _befunde_mit(wurzel: Path, stichtag: str) -> Callable[[dict[str, bytes | None]], list[Befund]]:
    """Befunde (wie `validate`) des jetzigen Stands mit den gegebenen Dateien: über den
    Zwischenspeicher (nur lesend), wo das geht, sonst vollständig (Bestand einmal geladen)."""
    from netzwerk_cli.bestand.laden import lade_bestand
    from netzwerk_cli.validierung import _begrenzt, geplant

    stand = geplant.oeffnen(wurzel, stichtag)
    bestand = None

    def befunde_mit(dateien: dict[str, bytes | None]) -> list[Befund]:
        nonlocal bestand
        befunde = stand.mit(dateien) if stand is not None else None
        if befunde is not None:
            return _begrenzt(befunde)
        if bestand is None:
            bestand = lade_bestand(wurzel, zwischenspeicher=False)
        return _befunde(ueberlagert(bestand, dateien), stichtag)

    return befunde_mit


def schreiben(vorgang: Vorgang) -> None:
    """Alle Änderungen ganz oder gar nicht (siehe `dateien.ersetze_alle_wenn_unveraendert`)."""
    dateien.ersetze_alle_wenn_unveraendert([(vorgang.wurzel / a.datei, a.alt, a.neu) for a in vorgang.aenderungen], wurzel=vorgang.wurzel)


def zuruecknehmen(vorgang: Vorgang) -> str:
    """Nach einem gescheiterten Commit: jede Datei bekommt ihren alten Stand zurück (nur, wenn
    seither niemand sonst geschrieben hat). Liefert einen Satz für die Meldung."""
    zurueck = [a for a in vorgang.aenderungen if not (vorgang.neue_behalten and a.alt is None)]
    stehen = [a.datei for a in vorgang.aenderungen if a not in zurueck]
    namen = ", ".join(a.datei for a in zurueck)
    try:
        dateien.ersetze_alle_wenn_unveraendert([(vorgang.wurzel / a.datei, a.neu, a.alt) for a in reversed(zurueck)], wurzel=vorgang.wurzel)
    except (Abgelehnt, OSError):
        return f"{', '.join(vorgang.dateien)}: geändert, aber nicht committet."
    saetze = [
        f"{d} wurde angelegt, aber weder committet noch vorgemerkt. Nach dem Beheben: „git add {d}“ und „git commit“."
        for d in stehen
    ]
    if zurueck:
        saetze.append(f"Die Änderung an {namen} wurde zurückgenommen; nichts geändert.")
    return " ".join(saetze)


def committen(vorgang: Vorgang, zuruecknehmen_bei_fehler: bool = True) -> str:
    """Committet genau die geänderten (und ggf. die abhängigen) Dateien. Scheitert der Commit,
    wird die Änderung zurückgenommen und die Ablehnung mit diesem Hinweis weitergereicht."""
    from netzwerk_cli.quellen import git

    try:
        return git.commit_dateien(vorgang.wurzel, vorgang.pfade(), vorgang.commit_nachricht())
    except NetzwerkFehler as e:
        if not zuruecknehmen_bei_fehler:
            raise
        raise type(e)(f"{e}\n{zuruecknehmen(vorgang)}") from None


@dataclass
class Ergebnis:
    geschrieben: bool
    commit: str | None = None


def ziele_pruefen(vorgang: Vorgang) -> None:
    """Jedes Ziel innerhalb des Repositorys, ohne Verknüpfung auf dem Weg – vor der teuren Prüfung
    des geplanten Stands (das Schreiben selbst prüft es unter der Sperre noch einmal)."""
    for a in vorgang.aenderungen:
        dateien.pruefe_schreibziel(vorgang.wurzel, vorgang.wurzel / a.datei)


def ausfuehren(
    vorgang: Vorgang,
    dry_run: bool = False,
    commit: bool = False,
    mit_abhaengigen: bool = False,
    pruefe_stand: bool = True,
    stichtag: str | None = None,
    jetzt: Stand | None = None,
) -> Ergebnis:
    """Der ganze Weg: prüfen, (bei --dry-run Schluss, auch mit --commit), Commit vorprüfen,
    schreiben, committen. `jetzt`: siehe `pruefen`."""
    from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler

    if mit_abhaengigen and not commit:
        raise EinrichtungsFehler("--mit-abhaengigen gilt nur zusammen mit --commit")
    if commit and not dry_run:
        git_vorpruefen(vorgang)  # zuerst: lehnt Git ab, wird nichts gelesen oder geschrieben
    if not dry_run:
        ziele_pruefen(vorgang)
    if pruefe_stand:
        pruefen(vorgang, stichtag, zwischenspeicher_schreiben=dry_run, jetzt=jetzt)
    if dry_run:
        return Ergebnis(False)
    if commit and pruefe_stand:
        vorgang.abhaengige = _abhaengige(vorgang, mit_abhaengigen, stichtag or heute_iso())
    schreiben(vorgang)
    if commit:
        return Ergebnis(True, committen(vorgang))
    return Ergebnis(True)
