"""Wo steht nach der Anonymisierung noch etwas zur Person? Volltextsuche im Arbeitsbaum und in der Git-Geschichte.

* `Suchbegriffe`: Name, Nachname, alte id und Kontaktdaten als Suchmuster (schwärzt auch).
* `_verbleibende_stellen(...)`: Fundstellen im geplanten Stand des Arbeitsbaums (alle nicht
  versteckten Dateien, auch README usw.), mit JSON-Pfad, wenn die Stelle in einem YAML-Textwert liegt.
* `geschichte(plan)` listet die Git-Commits, deren Geschichte den alten Namen noch enthält.

Datenschutz: Suchbegriffe geben Name und Kontaktdaten nie heraus, außer an Git (`git log -S`);
Autor und Betreff der gefundenen Commits sind geschwärzt.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from netzwerk_cli.grundlagen.befunde import json_pfad
from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler
from netzwerk_cli.quellen import yamltext

if TYPE_CHECKING:  # nur für Typen: plan.py importiert dieses Modul
    from netzwerk_cli.aktionen.anonymisierung.plan import Aenderung, Plan


ARTEN_TEXT = {
    "name": "Name",
    "nachname": "Nachname",
    "id": "alte id",
    "email": "E-Mail",
    "telefon": "Telefon",
    "adresse": "Adresse",
}
MAX_SUCHGROESSE = yamltext.MAX_DATEIGROESSE
_BOM = "\ufeff"
# Zeilenumbrüche wie bei libyaml (der Lader zählt Zeilen danach): \r\n, \r, \n, NEL, LS, PS
_UMBRUCH = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True)
class Fundstelle:
    """Eine Stelle im Arbeitsbaum (nach der Anonymisierung), an der noch etwas zur Person steht."""

    datei: str
    zeile: int  # 0: im Datei- oder Ordnernamen
    spalte: int
    art: str  # name | nachname | id | email | telefon | adresse
    pfad: str | None  # JSON-Pfad des Textfelds, None: Kommentar, Schlüssel oder keine YAML-Datei

    def als_dict(self) -> dict:
        return {"datei": self.datei, "zeile": self.zeile, "spalte": self.spalte, "art": self.art, "pfad": self.pfad}


class Suchbegriffe:
    """Name, Nachname, id und Kontaktdaten der Person als Suchmuster. Gibt die Werte nie heraus,
    außer an Git (`git_begriffe`) – für die Suche in der Geschichte."""

    def __init__(self, alte_id: str, daten: dict):
        self._roh: dict[str, str] = {"id": alte_id}
        # Vorfilter je Art: ein Text (klein geschrieben), ohne den das Muster nicht passen kann –
        # ein schnelles `in` erspart bei tausenden Dateien die Suche mit dem regulären Ausdruck.
        self._vorfilter: dict[str, tuple[str, ...]] = {"id": (alte_id.lower(),)}
        self._muster: dict[str, re.Pattern] = {
            "id": re.compile(rf"(?<![A-Za-z0-9-]){re.escape(alte_id)}(?![A-Za-z0-9-])", re.IGNORECASE)
        }
        name = daten.get("name")
        if isinstance(name, str) and len(name.strip()) >= 3:
            teile = name.split()
            self._roh["name"] = " ".join(teile)
            # Wortgrenzen ohne Bindestrich: „Muster“ passt nicht in „max-muster“ (eine andere id)
            self._muster["name"] = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, teile)) + r"(?![\w-])", re.IGNORECASE)
            self._vorfilter["name"] = self._vorfilter["nachname"] = (teile[-1].lower(),)
            if len(teile) > 1 and len(teile[-1]) >= 3:
                # Nachname allein nur mit Anrede, Titel oder Initiale („Frau Muster“, „M. Muster“) oder als
                # „Muster, Maria“: viele Nachnamen sind zugleich deutsche Hauptwörter („dem Muster nach“).
                vor, nach = re.escape(teile[0]), re.escape(teile[-1])
                anrede = rf"(?:Frau|Herrn?|Fr\.|Hr\.|Dr\.|Prof\.|{re.escape(teile[0][0])}\.)"
                self._muster["nachname"] = re.compile(
                    rf"(?<![\w-]){anrede}\s*{nach}(?![\w-])|(?<![\w-]){nach},\s*{vor}(?![\w-])", re.IGNORECASE
                )
        kontakt_roh = daten.get("kontakt")
        kontakt = kontakt_roh if isinstance(kontakt_roh, dict) else {}
        email = kontakt.get("email")
        if isinstance(email, str) and len(email.strip()) >= 3:
            self._roh["email"] = email.strip()
            self._muster["email"] = re.compile(re.escape(email.strip()), re.IGNORECASE)
            self._vorfilter["email"] = (email.strip().lower(),)
        telefon = kontakt.get("telefon")
        ziffern = re.sub(r"\D", "", telefon) if isinstance(telefon, str) else ""
        if isinstance(telefon, str) and len(ziffern) >= 6:  # kein Text: ziffern ist leer
            self._roh["telefon"] = telefon.strip()
            # Ziffern mit beliebigen Trennzeichen dazwischen („0711 123-45“ = „0711/12345“)
            self._muster["telefon"] = re.compile(r"(?<!\d)" + r"[\s/().-]*".join(ziffern) + r"(?!\d)")
            self._vorfilter["telefon"] = (ziffern[:1],)
        adresse = kontakt.get("adresse")
        if isinstance(adresse, str):
            zeilen = [z.strip(" ,") for z in re.split(r"[\n,]", adresse) if len(z.strip(" ,")) >= 5]
            if zeilen:
                self._vorfilter["adresse"] = tuple(z.split()[0].lower() for z in zeilen)
                self._muster["adresse"] = re.compile(
                    "|".join(r"(?<!\w)" + r"\s+".join(map(re.escape, z.split())) + r"(?!\w)" for z in zeilen), re.IGNORECASE
                )

    def treffer(self, text: str) -> list[tuple[int, int, str]]:
        """(anfang, ende, art) aller Vorkommen; ein Nachname innerhalb eines Namens zählt nicht doppelt."""
        funde: list[tuple[int, int, str]] = []
        klein = text.lower()
        for art, muster in self._muster.items():
            if any(v in klein for v in self._vorfilter.get(art, ("",))):
                funde.extend((m.start(), m.end(), art) for m in muster.finditer(text))
        funde.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        ergebnis: list[tuple[int, int, str]] = []
        for f in funde:
            if any(a <= f[0] and f[1] <= e for a, e, _ in ergebnis):
                continue
            ergebnis.append(f)
        return ergebnis

    def enthaelt(self, text: str, art: str | None = None) -> bool:
        muster = [self._muster[art]] if art else list(self._muster.values())
        return any(m.search(text) for m in muster if m is not None)

    def schwaerzen(self, text: str, mit_id: bool = True) -> str:
        """Ersetzt Name, Nachname und Kontaktdaten (und die alte id) durch Platzhalter."""
        for art in ("email", "telefon", "adresse", "name", "nachname") + (("id",) if mit_id else ()):
            if art in self._muster:
                text = self._muster[art].sub(f"[{ARTEN_TEXT[art]}]", text)
        return text

    def git_begriffe(self) -> dict[str, str]:
        """Die genauen Texte für `git log -S` (nur an Git, nie in eine Ausgabe)."""
        return dict(self._roh)


def _verbleibende_stellen(wurzel: Path, aenderungen: list[Aenderung], begriffe: Suchbegriffe) -> tuple[list[Fundstelle], list[str]]:
    """Durchsucht den Arbeitsbaum im geplanten Stand: alle nicht versteckten Dateien (auch README
    usw.), ohne Verknüpfungen zu folgen. Liefert Fundstellen und nicht durchsuchbare Dateien."""
    geplant = {a.datei: a.neu for a in aenderungen if not a.vorhanden}
    funde: list[Fundstelle] = []
    nicht: list[str] = []
    dateien: set[str] = set()
    for basis, ordner, namen in os.walk(wurzel):
        ordner[:] = sorted(d for d in ordner if not d.startswith(".") and not os.path.islink(os.path.join(basis, d)))
        for name in namen:
            if name.startswith("."):
                continue
            pfad = Path(basis) / name
            if pfad.is_symlink() or not pfad.is_file():
                continue
            dateien.add(pfad.relative_to(wurzel).as_posix())
    dateien |= {d for d, t in geplant.items() if t is not None}
    for datei in sorted(dateien):
        if datei in geplant and geplant[datei] is None:
            continue  # wird gelöscht
        for _, _, art in begriffe.treffer(datei):  # Name oder id im Pfad, z. B. notizen/maria-muster.txt
            funde.append(Fundstelle(datei, 0, 0, art, None))
        if datei in geplant:
            text = cast(str, geplant[datei]).removeprefix(_BOM)  # None (gelöscht) oben übersprungen
        else:
            pfad = wurzel / datei
            try:
                if pfad.stat().st_size > MAX_SUCHGROESSE:
                    nicht.append(datei)
                    continue
                roh = pfad.read_bytes()
            except OSError:
                nicht.append(datei)
                continue
            if b"\0" in roh:
                nicht.append(datei)
                continue
            try:
                text = roh.decode("utf-8-sig")
            except UnicodeDecodeError:
                nicht.append(datei)
                continue
        treffer = begriffe.treffer(text)
        if not treffer:
            continue
        werte = _textwerte(text) if datei.endswith((".yaml", ".yml")) else []
        anfaenge = _zeilenanfaenge(text)
        for anfang, _, art in treffer:
            zeile, spalte = _position(anfaenge, anfang)
            funde.append(Fundstelle(datei, zeile, spalte, art, _pfad_an(werte, zeile, spalte, begriffe, art)))
    return funde, nicht


def _zeilenanfaenge(text: str) -> list[int]:
    return [0] + [m.end() for m in _UMBRUCH.finditer(text)]


def _position(anfaenge: list[int], index: int) -> tuple[int, int]:
    import bisect

    z = bisect.bisect_right(anfaenge, index) - 1
    return z + 1, index - anfaenge[z] + 1


def _textwerte(text: str) -> list[tuple[tuple[int, int], tuple, str]]:
    """(Position, Pfad, Wert) aller Textwerte eines YAML-Texts, nach Position sortiert."""
    dok, _ = yamltext.lade_text(text)
    if dok is None:
        return []
    werte = []

    def gehe(wert, pfad):
        if isinstance(wert, str) and pfad in dok.positionen:
            werte.append((dok.positionen[pfad], pfad, wert))
        elif isinstance(wert, dict):
            for k, v in wert.items():
                gehe(v, pfad + (k,))
        elif isinstance(wert, list):
            for i, v in enumerate(wert):
                gehe(v, pfad + (i,))

    gehe(dok.daten, ())
    return sorted(werte, key=lambda w: w[0])


def _pfad_an(werte: list, zeile: int, spalte: int, begriffe: Suchbegriffe, art: str) -> str | None:
    """JSON-Pfad des Textwerts, in dem die Fundstelle liegt (der letzte davor, der den Begriff enthält)."""
    import bisect

    i = bisect.bisect_right([w[0] for w in werte], (zeile, spalte)) - 1
    if i >= 0 and begriffe.enthaelt(werte[i][2], art):
        return json_pfad(werte[i][1])
    return None


@dataclass
class Geschichte:
    repository: bool  # False: die Daten liegen in keinem Git-Repository
    commits: list[dict]  # {commit, datum, autor, betreff, arten, in_nachricht} – geschwärzt
    meldung: str | None = None  # z. B. „Git nicht verfügbar“


def geschichte(plan: Plan) -> Geschichte:
    """Commits (alle Zweige und Tags), deren Änderungen oder Nachricht den alten Namen, die alte
    id, die E-Mail-Adresse oder die Telefonnummer enthalten. Betreff und Autor sind geschwärzt."""
    from netzwerk_cli.quellen import git_geschichte

    try:
        funde = git_geschichte.commits_mit_text(plan.wurzel, plan.begriffe.git_begriffe())
    except EinrichtungsFehler as e:
        return Geschichte(True, [], f"Git-Geschichte nicht geprüft: {e}")
    if funde is None:
        return Geschichte(False, [])
    return Geschichte(
        True,
        [
            {
                "commit": f.commit,
                "datum": f.datum,
                "autor": plan.schwaerzen(f.autor, mit_id=True),
                "betreff": plan.schwaerzen(f.betreff, mit_id=True),
                "arten": list(f.arten),
                "in_nachricht": list(f.in_nachricht),
            }
            for f in funde
        ],
    )
