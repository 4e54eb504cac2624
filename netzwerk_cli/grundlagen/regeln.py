"""Das Verzeichnis aller Regel-ids mit ihrer Schwere – die eine Stelle, die docs/REGELN.md und die
Tests lesen (tests/test_regelverzeichnis.py prüft, dass die Tabelle der Doku genau dies sagt).

Die ids sind Vertrag (DOMAIN.md): Nutzerinnen suchen nach ihnen, CI meldet sie. Neue ids kommen
hier hinzu; vorhandene behalten Namen und Bedeutung.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Schwere = Literal["fehler", "warnung"]


class Regel(NamedTuple):
    schwere: Schwere
    nur_basis: bool = False  # nur mit `validate --basis`


REGISTER: dict[str, Regel] = {
    # Vertrag (DOMAIN.md „Findings and rule ids“)
    "yaml-syntax": Regel("fehler"),
    "yaml-doppelter-schluessel": Regel("fehler"),
    "yaml-unsicher": Regel("fehler"),
    "yaml-mehrdeutig": Regel("warnung"),
    "datei-kodierung": Regel("fehler"),
    "datei-ungueltig": Regel("fehler"),
    "id-ungueltig": Regel("fehler"),
    "schema": Regel("fehler"),
    "ref-unbekannt": Regel("fehler"),
    "sitz-ueberbesetzt": Regel("fehler"),
    "sitz-vakant": Regel("warnung"),
    "sitz-regel": Regel("fehler"),
    "mitglied-doppelt": Regel("fehler"),
    "zeitraum-ungueltig": Regel("fehler"),
    "verlauf-ungueltig": Regel("fehler"),
    "verlauf-geaendert": Regel("fehler", nur_basis=True),
    "sitzung-rhythmus": Regel("warnung"),
    "sitzung-teilnahme": Regel("fehler"),
    "abstimmung-ungueltig": Regel("fehler"),
    "ag-ueberfaellig": Regel("warnung"),
    "wiedervorlage-faellig": Regel("warnung"),
    # zusätzliche ids des Werkzeugs
    "mitglied-ohne-sitzgruppe": Regel("warnung"),
    "ag-status": Regel("warnung"),
    "ref-widerspruch": Regel("fehler"),
    "sitzung-status": Regel("warnung"),
    "sitzung-beschlussfaehigkeit": Regel("warnung"),
    "beschluss-offen": Regel("fehler"),
    "umsetzung-widerspruch": Regel("warnung"),
    "verlauf-zukunft": Regel("fehler"),
    "sitzung-anwesenheit": Regel("warnung"),
    "yaml-kommentar-im-text": Regel("warnung"),
    "ref-entfernt": Regel("fehler", nur_basis=True),
    "mitglieder-entfernt": Regel("warnung", nur_basis=True),
}


def schwere(regel: str) -> Schwere:
    """Die Schwere einer Regel-id; unbekannte ids sind ein Programmfehler (KeyError)."""
    return REGISTER[regel].schwere
