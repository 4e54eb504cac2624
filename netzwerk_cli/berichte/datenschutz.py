"""Datenschutz in Berichten – die einzige Stelle, die entscheidet, wie eine Person erscheint.

Regeln (DOMAIN.md, docs/BERICHTE.md):
* Kontaktdaten erscheinen nie: Dieses Modul liest von einer Person nur die Felder in
  `_FELDER`; kein anderer Berichtscode liest Personendatensätze.
* Interne Fassung (Standard): Personen erscheinen mit Namen.
* Öffentliche Fassung (`--oeffentlich`): Nur Personen mit `oeffentlich: true` erscheinen
  mit Namen (und id); alle anderen nur mit Funktion bzw. Sitz oder Rolle. Zusätzlich
  werden Namen und ids nicht-öffentlicher Personen sowie E-Mail-Adressen aus jedem Text
  des fertigen Berichts entfernt (`bereinigen`), falls sie in Freitext stehen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from netzwerk_cli.bestand import Bestand

# Die einzigen Felder eines Personendatensatzes, die Berichte je zu sehen bekommen.
_FELDER = ("name", "titel", "organisation", "funktion", "rollen", "oeffentlich")

NICHT_OEFFENTLICH = "Name nicht öffentlich"
_ERSATZ = "[Name nicht öffentlich]"
_EMAIL = re.compile(r"[^\s@<>()\[\]\"',;:]+@[^\s@<>()\[\]\"',;:]+\.[A-Za-z]{2,}")


@dataclass(frozen=True)
class PersonAnzeige:
    """Was ein Bericht über eine Person zeigen darf."""

    person: str | None  # id, nur wenn der Name genannt werden darf
    name: str | None  # Name (mit Titel), nur wenn er genannt werden darf
    bezeichnung: str  # Name, sonst Funktion/Sitz/Rolle
    organisation: str | None  # Organisations-id
    funktion: str | None
    rollen: tuple[str, ...]

    def als_dict(self) -> dict:
        return {"person": self.person, "name": self.name, "bezeichnung": self.bezeichnung}


class Datenschutz:
    def __init__(self, bestand: Bestand, oeffentlich: bool, pseudonym_schluessel: bytes | None = None):
        self.oeffentlich = oeffentlich
        self._pseudonym_schluessel = pseudonym_schluessel
        self._personen: dict[str, dict] = {}
        geheim: list[str] = []
        for pid, ds in bestand.arten.get("person", {}).items():
            roh = ds.daten  # auch fehlerhafte Datensätze: ihre Namen müssen geschwärzt werden
            auszug = {k: roh[k] for k in _FELDER if k in roh}
            if ds.gueltig:
                self._personen[pid] = auszug
            if auszug.get("oeffentlich") is not True or not ds.gueltig:
                geheim.append(pid)
                for feld in ("name",):
                    if isinstance(auszug.get(feld), str) and len(auszug[feld].strip()) >= 3:
                        geheim.append(auszug[feld].strip())
        geheim.sort(key=len, reverse=True)
        self._geheim = geheim
        self._muster_gebaut: re.Pattern | None | bool = False  # erst beim ersten Freitext bauen

    @property
    def _muster(self) -> re.Pattern | None:
        """Ein Muster aus allen geheimen Namen und ids – bei 17 000 Personen dauert das Bauen
        Sekunden, darum nur, wenn wirklich ein Freitext geschwärzt werden muss."""
        if self._muster_gebaut is False:
            self._muster_gebaut = (
                re.compile("|".join(rf"(?<![\w-]){re.escape(g)}(?![\w-])" for g in self._geheim), re.IGNORECASE)
                if self._geheim
                else None
            )
        return self._muster_gebaut  # type: ignore[return-value]

    # ------------------------------------------------------------------ Personen

    def darf_nennen(self, person_id: str | None) -> bool:
        if not self.oeffentlich:
            return True
        return self._personen.get(person_id or "", {}).get("oeffentlich") is True

    def anzeige(self, person_id: str | None, rolle: str | None = None) -> PersonAnzeige:
        """Die Person, wie der Bericht sie zeigen darf. `rolle`: Sitz oder Rolle im Zusammenhang
        (z. B. Name der Sitzgruppe oder „AG-Leitung“) für die öffentliche Fassung."""
        p = self._personen.get(person_id or "", {})
        funktion = p.get("funktion") if isinstance(p.get("funktion"), str) else None
        rollen = tuple(r for r in p.get("rollen") or [] if isinstance(r, str))
        organisation = p.get("organisation") if isinstance(p.get("organisation"), str) else None
        if self.darf_nennen(person_id) and p.get("name"):
            name = f"{p['titel']} {p['name']}" if p.get("titel") else p["name"]
            return PersonAnzeige(person_id, name, name, organisation, funktion, rollen)
        if self.darf_nennen(person_id):  # interne Fassung, Datensatz fehlt oder ist fehlerhaft
            return PersonAnzeige(person_id, None, person_id or "unbekannt", organisation, funktion, rollen)
        bezeichnung = funktion or rolle or _rollen_text(rollen) or "Person"
        return PersonAnzeige(None, None, f"{bezeichnung} ({NICHT_OEFFENTLICH})", organisation, funktion, rollen)

    def pseudonym(self, person_id: str) -> str:
        """Stabile Kennung einer Person für URLs, Anker, Dateinamen, OParl-ids und Kalender-UIDs.

        Personen, die genannt werden dürfen, behalten ihre id; alle anderen bekommen
        `person-` + 16 Hex-Zeichen eines HMAC-SHA256 über die id mit dem Schlüssel des
        Datenrepositorys (`quellen.pseudonym`). Ohne Schlüssel: Fehler statt einer erratbaren Kennung.
        """
        if self.darf_nennen(person_id):
            return person_id
        if not self._pseudonym_schluessel:
            raise ValueError("Datenschutz ohne Pseudonym-Schlüssel: private Personen bekämen keine sichere Kennung")
        import hashlib
        import hmac

        return "person-" + hmac.new(self._pseudonym_schluessel, person_id.encode("utf-8"), hashlib.sha256).hexdigest()[:16]

    # ------------------------------------------------------------------ Texte

    def text(self, wert: str | None) -> str | None:
        """Freitext für die öffentliche Fassung: Namen/ids nicht-öffentlicher Personen und
        E-Mail-Adressen werden ersetzt."""
        if not self.oeffentlich or not isinstance(wert, str):
            return wert
        if self._muster is not None:
            wert = self._muster.sub(_ERSATZ, wert)
        return _EMAIL.sub("[E-Mail entfernt]", wert)

    def bereinigen(self, bericht: Any) -> Any:
        """Wendet `text` auf jeden Text eines fertigen Berichts an (nur öffentliche Fassung)."""
        if not self.oeffentlich:
            return bericht
        if isinstance(bericht, str):
            return self.text(bericht)
        if isinstance(bericht, dict):
            return {k: self.bereinigen(v) for k, v in bericht.items()}
        if isinstance(bericht, (list, tuple)):
            return type(bericht)(self.bereinigen(v) for v in bericht)
        return bericht


def _rollen_text(rollen: tuple[str, ...]) -> str:
    from netzwerk_cli.berichte.bezeichnungen import ROLLE

    return ", ".join(ROLLE.get(r, r) for r in rollen)
