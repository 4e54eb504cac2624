"""Datenschutz in Berichten – die einzige Stelle, die entscheidet, wie eine Person erscheint.

Regeln (DOMAIN.md, docs/BERICHTE.md, docs/DATENSCHUTZ.md):
* Kontaktdaten erscheinen nie: Dieses Modul liest von einer Person nur die Felder in
  `_FELDER`; kein anderer Berichtscode liest Personendatensätze.
* Interne Fassung (Standard): Personen erscheinen mit Namen.
* Öffentliche Fassung (`--oeffentlich`): Nur Personen mit `oeffentlich: true` in einem
  schema-gültigen Datensatz erscheinen mit Namen (und id); alle anderen nur mit Funktion bzw.
  Sitz oder Rolle. Zusätzlich werden Namen und ids nicht-öffentlicher Personen sowie
  E-Mail-Adressen aus jedem Text (und jedem Schlüssel) des fertigen Berichts entfernt
  (`bereinigen`) – auf normalisiertem Text, siehe `schwaerzung.py`.
* Fail closed: Eine Person, deren Datei sich nicht lesen lässt (YAML-Fehler, Schemafehler,
  falscher Typ), ist privat. Ihr Name wird aus dem, was lesbar ist, geschwärzt: aus den
  gelesenen Daten (jeder Text unter einem Schlüssel mit „name“) und aus dem Rohtext der Datei
  (jede Zeile `…name…: Wert` samt eingerückter Fortsetzung), dazu ihre id (Dateiname). Ebenso
  jede id, die ein Bericht als Person anzeigen will, die es aber nicht (lesbar) gibt.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, overload

from netzwerk_cli.berichte import schwaerzung
from netzwerk_cli.bestand import Bestand, Datensatz

# Die einzigen Felder eines Personendatensatzes, die Berichte je zu sehen bekommen.
_FELDER = ("name", "titel", "organisation", "funktion", "rollen", "oeffentlich")

NICHT_OEFFENTLICH = "Name nicht öffentlich"
_ERSATZ = "[Name nicht öffentlich]"
_EMAIL_ERSATZ = "[E-Mail entfernt]"
_MIN_NAME = 3  # kürzere Namen (normalisiert, ohne Leer- und Satzzeichen) würden Wörter wie „AG“ treffen
_MAX_WERT = 1000  # so viele Zeichen eines Rohtext-Werts werden gelesen (Namen haben höchstens 500)
_MAX_KANDIDATEN = 200  # Namenskandidaten je fehlerhafter Datei
_MAX_MERKER = 1_000_000  # so viele verschiedene Texte merkt sich `text` (Exporte wiederholen Typen, URLs, ids)

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
        self._geheim: list[str] = []  # Namen und ids, die im Freitext geschwärzt werden
        self._fehlerhaft: list[Datensatz] = []  # Namen daraus erst, wenn wirklich geschwärzt wird
        for pid, ds in bestand.arten.get("person", {}).items():
            roh = ds.daten
            auszug = {k: roh[k] for k in _FELDER if k in roh}
            if ds.gueltig:
                self._personen[pid] = auszug
                if auszug.get("oeffentlich") is not True:
                    self._geheim += [pid, auszug["name"]] if isinstance(auszug.get("name"), str) else [pid]
            else:  # fail closed: privat, gleich was die Datei über sich sagt
                self._geheim.append(pid)
                self._fehlerhaft.append(ds)
        self._gemeldet: set[str] = set(self._geheim)
        self._dazu: list[str] = []  # ids, die ein Bericht als Person zeigen wollte, ohne lesbaren Datensatz
        self._basis: schwaerzung.Namensfilter | None = None  # erst bauen, wenn gebraucht
        self._voll: schwaerzung.Namensfilter | None = None  # Basis + self._dazu
        self._kollision: dict[str, bool] = {}
        # Merker für `text`: Text → geschwärzter Text. Das Ergebnis hängt nur vom Text und vom
        # Namensfilter ab (und der ist unveränderlich); kommt eine geheime id dazu, entsteht ein
        # neuer Filter, und der Merker gilt nur für den Filter, mit dem er gefüllt wurde.
        self._merker: dict[str, str] = {}
        self._merker_filter: schwaerzung.Namensfilter | None = None

    @property
    def _basisfilter(self) -> schwaerzung.Namensfilter:
        """Der Automat aus allen geheimen Namen und ids – erst gebaut, wenn wirklich ein Freitext
        geschwärzt werden muss (bei 17 000 Personen ein spürbarer Teil der Laufzeit)."""
        if self._basis is None:
            for ds in self._fehlerhaft:
                self._geheim.extend(_namen_fehlerhafter_datei(ds))
            self._fehlerhaft = []
            self._basis = schwaerzung.Namensfilter(_folgen(self._geheim))
        return self._basis

    @property
    def _namensfilter(self) -> schwaerzung.Namensfilter:
        if not self._dazu:
            return self._basisfilter
        if self._voll is None:
            self._basisfilter  # noqa: B018 - Namen fehlerhafter Dateien einsammeln
            self._voll = schwaerzung.Namensfilter(_folgen(self._geheim + self._dazu))
        return self._voll

    def _geheim_dazu(self, person_id: str) -> None:
        if person_id not in self._gemeldet:
            self._gemeldet.add(person_id)
            self._dazu.append(person_id)
            self._voll = None

    def _kollidiert(self, person_id: str, person: dict) -> bool:
        """True, wenn Name oder id einer öffentlichen Person einen geheimen Namen enthalten (zwei
        Personen gleichen Namens, eine davon privat): Sie zu nennen hieße, den Namen zu nennen."""
        if person_id not in self._kollision:
            texte = [person_id] + [person[k] for k in ("name", "titel") if isinstance(person.get(k), str)]
            self._kollision[person_id] = any(self._basisfilter.treffer(schwaerzung.woerter(t)) for t in texte)
        return self._kollision[person_id]

    # ------------------------------------------------------------------ Personen

    def darf_nennen(self, person_id: str | None) -> bool:
        if not self.oeffentlich:
            return True
        person = self._personen.get(person_id or "")
        if person is None:
            if isinstance(person_id, str) and person_id:
                self._geheim_dazu(person_id)  # auch unbekannte ids: im Freitext desselben Berichts schwärzen
            return False
        return person.get("oeffentlich") is True and not self._kollidiert(person_id, person)  # type: ignore[arg-type]

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

    @overload
    def text(self, wert: str) -> str: ...
    @overload
    def text(self, wert: None) -> None: ...
    def text(self, wert: str | None) -> str | None:
        """Freitext für die öffentliche Fassung: Namen/ids nicht-öffentlicher Personen und
        E-Mail-Adressen werden ersetzt."""
        if not self.oeffentlich or not isinstance(wert, str):
            return wert
        merker, namen = self._merker_aktuell()
        return _geschwaerzt(wert, merker, namen)

    def _merker_aktuell(self) -> tuple[dict[str, str], schwaerzung.Namensfilter]:
        """Der Merker für den jetzigen Namensfilter (bei einem neuen Filter – geheime id dazu –
        ein leerer: alles wird neu geschwärzt)."""
        namen = self._namensfilter
        if namen is not self._merker_filter:
            self._merker = {}
            self._merker_filter = namen
        return self._merker, namen

    def bereinigen(self, bericht: Any) -> Any:
        """Wendet `text` auf jeden Text eines fertigen Berichts an, auch auf Schlüssel (nur
        öffentliche Fassung). Werden zwei Schlüssel gleich, bekommt der spätere eine Nummer.

        Wie `text`, aber Filter und Merker werden einmal je Bericht geholt (während des Bereinigens
        kommt keine geheime id dazu: nur `darf_nennen` fügt welche hinzu)."""
        if not self.oeffentlich:
            return bericht
        merker, namen = self._merker_aktuell()

        def gehe(bericht: Any) -> Any:
            if isinstance(bericht, str):
                return _geschwaerzt(bericht, merker, namen)
            if isinstance(bericht, dict):
                ergebnis: dict = {}
                for k, v in bericht.items():
                    neu = _geschwaerzt(k, merker, namen) if isinstance(k, str) else k
                    if neu != k and neu in ergebnis:
                        n = 2
                        while f"{neu} {n}" in ergebnis:
                            n += 1
                        neu = f"{neu} {n}"
                    ergebnis[neu] = gehe(v)
                return ergebnis
            if isinstance(bericht, (list, tuple)):
                return type(bericht)(gehe(v) for v in bericht)
            return bericht

        return gehe(bericht)


def _rollen_text(rollen: tuple[str, ...]) -> str:
    from netzwerk_cli.berichte.bezeichnungen import ROLLE

    return ", ".join(ROLLE.get(r, r) for r in rollen)


# --------------------------------------------------------------------------- geheime Namen


_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def _folgen(geheim: list[str]) -> Iterator[tuple[str, ...]]:
    """Die Wortfolgen, nach denen gesucht wird: jeder Name und jede id als Folge von Wortstämmen,
    dazu die zusammengeschriebene Form und die Umschrift der Umlaute („Müller“ → „Mueller“).
    Namen unter _MIN_NAME Zeichen entfallen (ids nicht: sie sind eindeutig gewählt)."""
    gesehen: set[tuple[str, ...]] = set()
    for wert in geheim:
        for variante in {wert, wert.translate(_UMLAUTE)}:
            folge = tuple(schwaerzung.woerter(variante))
            if sum(map(len, folge)) < _MIN_NAME and not _ist_id(wert):
                continue
            for f in (folge, ("".join(folge),) if len(folge) > 1 else ()):
                if f and f not in gesehen:
                    gesehen.add(f)
                    yield f


def _ist_id(wert: str) -> bool:
    return bool(wert) and wert.isascii() and all(z.isalnum() or z == "-" for z in wert) and wert == wert.lower()


def _namen_fehlerhafter_datei(ds: Datensatz) -> list[str]:
    """Alles, was in einer fehlerhaften Personendatei ein Name sein kann (fail closed)."""
    namen: list[str] = []
    _namen_aus_daten(ds.daten, namen)
    if ds.wurzel is not None:
        from netzwerk_cli.quellen import dateien

        roh, _ = dateien.lies_roh(ds.wurzel / ds.datei, ds.wurzel)
        if roh:
            kodierung = "utf-16" if roh[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"
            namen.extend(namen_aus_rohtext(roh.decode(kodierung, "replace").replace("\x00", "")))
    return namen[:_MAX_KANDIDATEN]


def _namen_aus_daten(daten: Any, namen: list[str], unter_name: bool = False, tiefe: int = 0) -> None:
    """Texte unter Schlüsseln, die „name“ enthalten (auch Listen und Zuordnungen darunter)."""
    if tiefe > 20 or len(namen) >= _MAX_KANDIDATEN:
        return
    if isinstance(daten, str):
        if unter_name:
            namen.append(daten[:_MAX_WERT])
    elif isinstance(daten, dict):
        for k, v in daten.items():
            drin = unter_name or (isinstance(k, str) and "name" in k.lower())
            if drin and not unter_name:
                teile: list[str] = []
                _namen_aus_daten(v, teile, True, tiefe + 1)
                namen.extend(teile)
                if len(teile) > 1:
                    namen.append(" ".join(teile)[:_MAX_WERT])
            else:
                _namen_aus_daten(v, namen, drin, tiefe + 1)
    elif isinstance(daten, list):
        for v in daten:
            _namen_aus_daten(v, namen, unter_name, tiefe + 1)


_KLEIN = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def namen_aus_rohtext(text: str) -> list[str]:
    """Namenskandidaten aus dem Rohtext einer (auch syntaktisch kaputten) YAML-Datei: der Wert
    hinter jedem Schlüssel, der „name“ enthält (`name:`, `"Name":`, `- name:`, `{name: …, …}`),
    in Anführungszeichen oder bis zum Komma/Kommentar, und mit tiefer eingerückten Folgezeilen
    (Blockskalar, mehrzeiliger Wert). Ohne reguläre Ausdrücke; jede Zeile wird einmal gelesen."""
    zeilen = text.splitlines()
    namen: list[str] = []
    for nr, zeile in enumerate(zeilen):
        klein = zeile.translate(_KLEIN)  # gleich lang wie die Zeile (nur ASCII wird verändert)
        start = 0
        fortsetzung_gelesen = False
        while len(namen) < _MAX_KANDIDATEN:
            p = klein.find("name", start)
            if p < 0:
                break
            j = p + 4
            while j < len(klein) and (klein[j].isalnum() or klein[j] == "_"):
                j += 1
            start = j
            while j < len(zeile) and zeile[j] in "\"' \t":
                j += 1
            if j >= len(zeile) or zeile[j] != ":":
                continue
            wert = zeile[j + 1 : j + 1 + _MAX_WERT]
            namen.extend(_kandidaten(wert))
            if fortsetzung_gelesen:
                continue
            fortsetzung_gelesen = True
            einzug = len(zeile) - len(zeile.lstrip())
            folge: list[str] = []
            for folgezeile in zeilen[nr + 1 : nr + 21]:
                if not folgezeile.strip() or len(folgezeile) - len(folgezeile.lstrip()) <= einzug:
                    break
                folge.append(folgezeile.strip()[:_MAX_WERT])
            if folge:
                kopf = wert.strip()
                kopf = "" if kopf[:1] in ("|", ">") else kopf
                namen.extend(_kandidaten(" ".join([kopf, *folge])[:_MAX_WERT]))
    return namen[:_MAX_KANDIDATEN]


def _kandidaten(wert: str) -> list[str]:
    """Der Wert hinter „name:“: in Anführungszeichen, sonst ohne Kommentar und bis zum ersten
    Komma oder Klammerende (Flow-Zuordnung) – und zur Sicherheit auch ganz."""
    w = wert.strip()
    if not w:
        return []
    if w[0] in "\"'":
        ende = w.find(w[0], 1)
        return [w[1:ende] if ende > 0 else w[1:]]
    ohne_kommentar = w.split(" #", 1)[0]
    erstes = ohne_kommentar
    for trenner in (",", "}", "]"):
        erstes = erstes.split(trenner, 1)[0]
    return [ohne_kommentar, erstes] if erstes != ohne_kommentar else [ohne_kommentar]


def _geschwaerzt(wert: str, merker: dict[str, str], namen: schwaerzung.Namensfilter) -> str:
    """Ein Text geschwärzt, über den Merker des jetzigen Namensfilters (`Datenschutz._merker_aktuell`)."""
    ergebnis = merker.get(wert)
    if ergebnis is None:
        ergebnis = schwaerzung.ersetzen(wert, namen, _ERSATZ, _EMAIL_ERSATZ)
        if len(merker) < _MAX_MERKER:
            merker[wert] = ergebnis
    return ergebnis
