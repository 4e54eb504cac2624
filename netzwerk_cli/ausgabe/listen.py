"""Listen als schlichte Texttabelle (und JSON), lesbar ab 80 Spalten und in einer Pipe, bei jeder Größe.

Warum nicht `rich.Table`: Rich misst jede Zelle, verteilt den Platz neu und bricht notfalls
zeichenweise um; bei 5 000 Empfehlungen auf 80 Spalten wurde die Titelspalte ein Zeichen breit
(386 605 Zeilen, 12 s). Hier gilt:

* Die festen Spalten (ids, Datum, Status) bekommen ihre natürliche Breite, höchstens `max`;
  längere Werte werden mit „…“ gekürzt.
* Die eine breite Spalte (Titel, Name) bekommt den Rest, mindestens `MIN_BREIT` Zeichen, und
  wird an Wortgrenzen umbrochen – höchstens `MAX_ZEILEN` Zeilen je Eintrag, der Rest mit „…“.
  Ein einzelnes Wort, das länger als die Spalte ist, wird gekürzt, nie mitten durchgebrochen.
* Breite: die des Terminals; in einer Pipe 80 (oder `COLUMNS`).
* Steuerzeichen aus den Daten (Escape-Folgen, Zeilenumbrüche, Bidi-Steuerzeichen) werden zu
  Leerzeichen: Eine Zelle kann das Terminal nicht verstellen und die Tabelle nicht verschieben.

Der Aufwand ist linear in der Zahl der Zeilen; die Ausgabe geht in einem Stück nach stdout.
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from netzwerk_cli.grundlagen import escape

MAX_ZEILEN = 3  # Zeilen der breiten Spalte je Eintrag
ZEILEN_JE_EINTRAG = MAX_ZEILEN + 1  # höchstens, auch gestapelt (eine Zeile für die festen Spalten)
ID_BREITE = 64  # ids werden nie gekürzt (höchstens 64 Zeichen, grundlagen.arten.ID_MAX)
MIN_BREIT = 24
ABSTAND = "  "
_AUSLASSUNG = "…"
_STEUER = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


@dataclass(frozen=True)
class Spalte:
    titel: str
    wert: Callable[[dict], object]
    max: int = 30  # feste Spalten: höchstens so breit
    breit: bool = False  # die eine Spalte, die den Rest bekommt und umbricht


def zelle(wert: object) -> str:
    """Ein Wert als einzeiliger, terminalsicherer Text."""
    if wert is None:
        return "–"
    text = str(wert)
    if _STEUER.search(text):
        text = _STEUER.sub(" ", text)
    if not text.isascii():
        text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    return " ".join(text.split()) or "–"


def kuerzen(text: str, breite: int) -> str:
    if len(text) <= breite:
        return text
    if breite <= 1:
        return _AUSLASSUNG[:breite]
    # an einer Wortgrenze kürzen, wenn sie nicht zu weit vorn liegt
    schnitt = text.rfind(" ", 0, breite)
    if schnitt < breite // 2:
        schnitt = breite - 1
    return text[:schnitt].rstrip() + _AUSLASSUNG


def umbrechen(text: str, breite: int, zeilen: int = MAX_ZEILEN) -> list[str]:
    """An Wortgrenzen auf höchstens `zeilen` Zeilen; zu lange Wörter werden gekürzt."""
    if len(text) <= breite:
        return [text]
    teile = textwrap.wrap(text, breite, max_lines=zeilen, placeholder=" " + _AUSLASSUNG, break_long_words=False, break_on_hyphens=False)
    if not teile:  # ein Wort länger als die Spalte und als max_lines erlaubt
        return [kuerzen(text, breite)]
    return [kuerzen(t, breite) for t in teile]


def breite_ausgabe() -> int:
    """Breite des Terminals; in einer Pipe 80 (oder `COLUMNS`). Nie schmaler als 40."""
    return max(40, min(shutil.get_terminal_size((80, 24)).columns, 400))


def tabelle(spalten: list[Spalte], eintraege: Iterable[dict], breite: int) -> list[str]:
    """Die Zeilen einer Texttabelle (Kopf, Trennlinie, Einträge)."""
    zellen = [[zelle(s.wert(e)) for s in spalten] for e in eintraege]
    natuerlich = [min(max([len(s.titel), *(len(z[i]) for z in zellen)]), s.max if not s.breit else 10**6) for i, s in enumerate(spalten)]
    fest = sum(b for b, s in zip(natuerlich, spalten, strict=True) if not s.breit) + len(ABSTAND) * (len(spalten) - 1)
    breiten = list(natuerlich)
    if any(s.breit for s in spalten) and fest + MIN_BREIT > breite:
        return _gestapelt(spalten, zellen, natuerlich, breite)
    for i, s in enumerate(spalten):
        if s.breit:
            breiten[i] = min(natuerlich[i], max(MIN_BREIT, breite - fest))
    letzte = len(spalten) - 1
    zeilen = [_zeile([s.titel for s in spalten], breiten, letzte), _zeile(["─" * b for b in breiten], breiten, letzte)]
    for z in zellen:
        bloecke = [umbrechen(t, breiten[i]) if s.breit else [kuerzen(t, breiten[i])] for i, (t, s) in enumerate(zip(z, spalten, strict=True))]
        for n in range(max(len(b) for b in bloecke)):
            zeilen.append(_zeile([b[n] if n < len(b) else "" for b in bloecke], breiten, letzte))
    return zeilen


def _gestapelt(spalten: list[Spalte], zellen: list[list[str]], natuerlich: list[int], breite: int) -> list[str]:
    """Zu schmal für alle Spalten nebeneinander (lange ids): je Eintrag eine Zeile mit den festen
    Spalten, darunter eingerückt die breite Spalte (höchstens `MAX_ZEILEN` Zeilen)."""
    feste = [i for i, s in enumerate(spalten) if not s.breit]
    breit = next(i for i, s in enumerate(spalten) if s.breit)
    letzte = feste[-1]
    breiten = [min(natuerlich[i], max(1, breite)) for i in range(len(spalten))]
    einzug = "    "
    zeilen = [
        _zeile([spalten[i].titel for i in feste], [breiten[i] for i in feste], len(feste) - 1),
        einzug + spalten[breit].titel,
        "─" * min(breite, max(len(z) for z in (_zeile([spalten[i].titel for i in feste], [breiten[i] for i in feste], len(feste) - 1),))),
    ]
    for z in zellen:
        zeilen.append(_zeile([kuerzen(z[i], breiten[i]) if i != feste[0] else z[i] for i in feste], [breiten[i] for i in feste], feste.index(letzte)))
        zeilen.extend(einzug + t for t in umbrechen(z[breit], breite - len(einzug)))
    return zeilen


def _zeile(teile: list[str], breiten: list[int], letzte: int) -> str:
    return ABSTAND.join(t if i == letzte else t.ljust(breiten[i]) for i, t in enumerate(teile)).rstrip()


def ausgeben(titel: str, spalten: list[Spalte], eintraege: list[dict], leer: str, fuss: str, breite: int | None = None, datei=None) -> None:
    """Titel, Tabelle und Fußzeile nach stdout (in einem Stück)."""
    datei = datei or sys.stdout
    if not eintraege:
        datei.write(leer + "\n")
        return
    zeilen = [titel, "", *tabelle(spalten, eintraege, breite or breite_ausgabe()), "", fuss]
    datei.write("\n".join(zeilen) + "\n")


def als_json(daten: object) -> str:
    """JSON mit UTF-8, Steuer- und Bidi-Zeichen als \\uXXXX (grundlagen.escape.json_text)."""
    return escape.json_text(daten)


def anzahl(n: int, eins: str, viele: str) -> str:
    return f"{n} {eins if n == 1 else viele}"


# --------------------------------------------------------------------------- die Listen

def _datum(wert: object) -> str:
    from netzwerk_cli.grundlagen.datum import deutsch

    return deutsch(wert) if isinstance(wert, str) else "–"


def _beispiel(text: str, e: dict) -> str:
    return f"{text} (Beispiel)" if e.get("beispiel") else text


def empfehlungen_text(eintraege: list[dict], breite: int | None = None, datei=None) -> None:
    spalten = [
        Spalte("id", lambda e: e["id"], max=ID_BREITE),
        Spalte("Status", lambda e: e["status_text"], max=16),
        Spalte("seit", lambda e: _datum(e["seit"]), max=10),
        Spalte("Titel (Herkunft)", lambda e: _beispiel(e["titel"], e) + (f" ({e['herkunft_name']})" if e.get("herkunft_name") else ""), breit=True),
    ]
    ausgeben("Handlungsempfehlungen", spalten, eintraege, "Keine Empfehlungen gefunden.", anzahl(len(eintraege), "Empfehlung", "Empfehlungen"), breite, datei)


def gremien_text(eintraege: list[dict], breite: int | None = None, datei=None) -> None:
    def beschreibung(e: dict) -> str:
        zusatz = [t for t in (e.get("art_text"), anzahl(e["mitglieder"], "Mitglied", "Mitglieder") + " am Stichtag") if t]
        return _beispiel(e["name"], e) + f" ({', '.join(zusatz)})"

    spalten = [
        Spalte("id", lambda e: e["id"], max=ID_BREITE),
        Spalte("nächste Sitzung", lambda e: _datum(e["naechste_sitzung"]), max=15),
        Spalte("Name (Art, Mitglieder)", beschreibung, breit=True),
    ]
    ausgeben("Gremien", spalten, eintraege, "Keine Gremien gefunden.", anzahl(len(eintraege), "Gremium", "Gremien"), breite, datei)


def sitzungen_text(eintraege: list[dict], breite: int | None = None, datei=None) -> None:
    def beschreibung(e: dict) -> str:
        teile = [e["id"], "–", e["gremium_name"] or e["gremium"] or ""]
        if e.get("ort"):
            teile[-1] += ","
            teile.append(e["ort"])
        return _beispiel(" ".join(teile), e)

    spalten = [
        Spalte("Datum", lambda e: _datum(e["datum"]), max=10),
        Spalte("Status", lambda e: e["status_text"], max=16),
        Spalte("TOP", lambda e: e["tagesordnungspunkte"], max=4),
        Spalte("Sitzung (Gremium, Ort)", beschreibung, breit=True),
    ]
    ausgeben("Sitzungen", spalten, eintraege, "Keine Sitzungen gefunden.", anzahl(len(eintraege), "Sitzung", "Sitzungen"), breite, datei)


def arbeitsgruppen_text(eintraege: list[dict], breite: int | None = None, datei=None) -> None:
    def beschreibung(e: dict) -> str:
        zusatz = [f"eingesetzt von {e['gremium_name']}"] if e.get("gremium_name") else []
        if e.get("abgeschlossen_am"):
            zusatz.append(f"abgeschlossen am {_datum(e['abgeschlossen_am'])}")
        elif e.get("ende_geplant"):
            zusatz.append(f"geplant bis {_datum(e['ende_geplant'])}")
        if e.get("leitung"):
            zusatz.append("Leitung: " + ", ".join(e["leitung"]))
        return _beispiel(e["name"], e) + (f" ({'; '.join(zusatz)})" if zusatz else "")

    def status(e: dict) -> str:
        return e["status_text"] + (" !" if e.get("ueberfaellig") else "")

    spalten = [
        Spalte("id", lambda e: e["id"], max=ID_BREITE),
        Spalte("Status", status, max=16),
        Spalte("Name (Gremium; Zeitraum; Leitung)", beschreibung, breit=True),
    ]
    fuss = anzahl(len(eintraege), "Arbeitsgruppe", "Arbeitsgruppen")
    if any(e.get("ueberfaellig") for e in eintraege):
        fuss += "; „!“ = aktiv nach dem geplanten Ende"
    ausgeben("Arbeitsgruppen", spalten, eintraege, "Keine Arbeitsgruppen gefunden.", fuss, breite, datei)


def personen_text(bericht: dict, breite: int | None = None, datei=None) -> None:
    eintraege = bericht["personen"]

    def beschreibung(e: dict) -> str:
        if e.get("fehlerhaft") and not e.get("nicht_oeffentlich"):
            return f"{e['bezeichnung']} (Datei fehlerhaft; siehe netzwerk validate)"
        zusatz = [t for t in (e.get("organisation_name"), e.get("funktion"), ", ".join(e.get("rollen") or [])) if t]
        if e.get("gremien"):
            zusatz.append("in " + ", ".join(e["gremien"]))
        return _beispiel(e["bezeichnung"], e) + (f" – {'; '.join(zusatz)}" if zusatz else "")

    spalten = [
        Spalte("id", lambda e: e["id"], max=ID_BREITE),
        Spalte("Name – Organisation; Funktion; Rollen; Gremien", beschreibung, breit=True),
    ]
    titel = "Personen (öffentliche Fassung)" if bericht.get("oeffentliche_fassung") else "Personen (interne Fassung, enthält Namen)"
    verborgen = sum(1 for e in eintraege if e.get("nicht_oeffentlich"))
    fuss = anzahl(len(eintraege), "Person", "Personen")
    if verborgen:
        fuss += f", davon {verborgen} ohne Namen (Name nicht öffentlich)"
    ausgeben(titel, spalten, eintraege, "Keine Personen gefunden.", fuss, breite, datei)
