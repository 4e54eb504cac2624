"""Befunde als Daten: was eine Prüfung findet, ohne Ausgabe und ohne Exit-Code.

Die Reporter in `ausgabe/` stellen Befunde dar; `Bericht.exit_code` entscheidet am Ende.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FEHLER = "fehler"
WARNUNG = "warnung"


@dataclass(frozen=True, slots=True)
class Befund:
    datei: str  # relativ zur Wurzel des Datenrepositorys, mit "/"
    zeile: int  # 1-basiert; 0 = ganze Datei
    spalte: int  # 1-basiert; 0 = ganze Zeile
    schwere: str  # FEHLER | WARNUNG
    regel: str  # stabile Regel-id, z. B. "sitz-ueberbesetzt"
    meldung: str  # deutsche Meldung
    pfad: str = "$"  # JSON-Pfad im Datensatz, z. B. "$.mitglieder[3].sitzgruppe"

    def __post_init__(self) -> None:
        # Dateinamen, die kein UTF-8 sind (os.fsdecode: „surrogateescape“), lesbar und als
        # gültiges UTF-8 ausgeben: das unlesbare Byte wird zu „�“.
        if not self.datei.isascii():
            object.__setattr__(self, "datei", anzeigbar(self.datei))
        if not self.meldung.isascii():
            object.__setattr__(self, "meldung", anzeigbar(self.meldung))

    def sortierschluessel(self) -> tuple:
        return (self.datei, self.zeile, self.spalte, self.regel, self.meldung)

    def als_dict(self) -> dict:
        return {
            "datei": self.datei,
            "zeile": self.zeile,
            "spalte": self.spalte,
            "schwere": self.schwere,
            "regel": self.regel,
            "meldung": self.meldung,
            "pfad": self.pfad,
        }


@dataclass
class Bericht:
    befunde: list[Befund] = field(default_factory=list)
    dateien: int = 0

    @property
    def fehler(self) -> int:
        return sum(1 for b in self.befunde if b.schwere == FEHLER)

    @property
    def warnungen(self) -> int:
        return sum(1 for b in self.befunde if b.schwere == WARNUNG)

    def exit_code(self, streng: bool = False) -> int:
        if self.fehler or (streng and self.warnungen):
            return 1
        return 0

    def sortiert(self) -> list[Befund]:
        return sorted(set(self.befunde), key=Befund.sortierschluessel)


def anzeigbar(text: str) -> str:
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def kurz(text: object, laenge: int = 80) -> str:
    """Ein Wert für eine Meldung, gekürzt: eine Meldung zitiert nie eine ganze (feindselige) Datei."""
    text = str(text)
    return text if len(text) <= laenge else text[: laenge - 1] + "…"


_BEZEICHNER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def json_pfad(pfad: tuple) -> str:
    """('mitglieder', 3, 'sitzgruppe') -> '$.mitglieder[3].sitzgruppe'"""
    teile = ["$"]
    for schritt in pfad:
        if isinstance(schritt, int):
            teile.append(f"[{schritt}]")
        elif _BEZEICHNER.match(str(schritt)):
            teile.append(f".{schritt}")
        else:  # Schlüssel mit Leer- oder Sonderzeichen: $['foo bar']
            text = str(schritt).replace("\\", "\\\\").replace("'", "\\'")
            teile.append(f"['{text}']")
    return "".join(teile)
