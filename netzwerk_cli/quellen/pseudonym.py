"""Der Schlüssel für undurchsichtige, stabile Kennungen privater Personen in öffentlichen Ausgaben.

Die id einer Person ist ihr Name (`maria-muster`). Öffentliche Ausgaben brauchen trotzdem eine
stabile Kennung (URL, Anker, OParl-id, Kalender-UID). Ein bloßer Hash der id ließe sich mit einer
Namensliste zurückrechnen; darum ein HMAC mit einem zufälligen Schlüssel, der im Datenrepository
liegt (`.netzwerk/pseudonym-schluessel`, wird mit den Daten committet, erscheint nie in einer
Ausgabe). Fehlt er, legt `schluessel_holen(..., anlegen=True)` ihn an und sagt es.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler

DATEI = Path(".netzwerk") / "pseudonym-schluessel"


def schluessel_holen(wurzel: Path, anlegen: bool = False) -> tuple[bytes, bool]:
    """(Schlüssel, neu angelegt). Der Schlüssel ist 32 zufällige Bytes, hexadezimal gespeichert."""
    from netzwerk_cli.quellen.dateien import schreibe_bytes_atomar

    pfad = wurzel / DATEI
    if pfad.is_symlink() or (pfad.exists() and not pfad.is_file()):
        raise EinrichtungsFehler(f"{DATEI.as_posix()} ist keine gewöhnliche Datei; bitte prüfen")
    if pfad.is_file():
        text = pfad.read_text(encoding="ascii", errors="replace").strip()
        try:
            wert = bytes.fromhex(text)
        except ValueError:
            wert = b""
        if len(wert) < 16:
            raise EinrichtungsFehler(f"{DATEI.as_posix()}: kein gültiger Schlüssel (mindestens 32 Hex-Zeichen erwartet)")
        return wert, False
    if not anlegen:
        raise EinrichtungsFehler(f"{DATEI.as_posix()} fehlt; `netzwerk export …` legt ihn beim ersten Lauf an")
    wert = secrets.token_bytes(32)
    (wurzel / DATEI.parent).mkdir(exist_ok=True)
    schreibe_bytes_atomar(pfad, (wert.hex() + "\n").encode("ascii"), wurzel=wurzel)
    return wert, True
