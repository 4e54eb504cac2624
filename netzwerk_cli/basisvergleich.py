"""`validate --basis REF`: was sich seit der Merge-Basis von REF und HEAD geändert hat.

Knapp über 400 Zeilen, weil es ein Vergleich ist: alter Stand, Umbenennungen, Verweise,
Verlauf und Gremien arbeiten auf demselben alten Stand.

Verglichen wird der Stand im Arbeitsbaum (das, was `validate` ohnehin prüft) mit dem Stand
am Basis-Commit. Der Vergleich selbst ist reine Logik über zwei Datenstände; Git wird nur
über `netzwerk_cli.quellen.git_geschichte` gefragt, und alte Dateien liest `yamltext.lade_text`.

Regeln (Positionen immer in der NEUEN Datei):
* `verlauf-geaendert` (fehler): ein früherer Verlaufseintrag einer Empfehlung wurde geändert,
  entfernt oder es wurde etwas davor eingefügt; oder der Status hat sich anders geändert als
  in erlaubten Schritten mit je einem eigenen, angehängten Verlaufseintrag.
* `ref-entfernt` (fehler): ein Datensatz wurde seit der Basis entfernt oder umbenannt, wird
  aber noch verwendet.
* `mitglieder-entfernt` (warnung): eine Änderung entfernt mehr als ein Viertel der
  Mitgliedereinträge eines Gremiums auf einmal (Sicherheitsgrenze nach dem Vorbild von
  peribolos' `--maximum-removal-delta`).
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netzwerk_cli import querpruefung
from netzwerk_cli.bestand import Bestand, Datensatz
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.arten import ORDNER_VON_ART, art_und_id
from netzwerk_cli.grundlagen.befunde import FEHLER, WARNUNG, Befund
from netzwerk_cli.quellen import git_geschichte, yamltext
from netzwerk_cli.regelwerk import lebenszyklus

if TYPE_CHECKING:  # der Speicher kommt vom inkrementellen Weg (validierung)
    from netzwerk_cli.quellen.zwischenspeicher import Speicher

MAX_ANTEIL_ENTFERNT = 0.25  # höchstens ein Viertel der Mitglieder auf einmal entfernen
AEHNLICHKEIT_UMBENENNUNG = 0.5  # wie Gits Standard für die Erkennung von Umbenennungen
_MAX_PAARE_UMBENENNUNG = 250_000  # darüber nur inhaltsgleiche Umbenennungen erkennen


@dataclass
class AlterDatensatz:
    """Ein Datensatz am Basis-Commit."""

    art: str
    id: str
    datei: str  # relativ zur Datenwurzel
    blob: str  # Git-Blob-Hash
    text: str | None = None  # nur geladen, wenn er gebraucht wird
    daten: Any = None


@dataclass
class Vorbereitung:
    """Der aufgelöste Vergleichspunkt und – für den Weg mit Speicher – ein schon laufendes
    `git diff` (`git_geschichte.Unterschiede`)."""

    basis: git_geschichte.Basis
    unterschiede: git_geschichte.Unterschiede | None


def vorbereiten(wurzel: Path, ref: str, mit_speicher: bool) -> Vorbereitung:
    """Vor dem Prüfen des Arbeitsbaums: REF auflösen (nicht auflösbar → EinrichtungsFehler, bevor
    irgendetwas geprüft wird) und Git schon die geänderten Pfade suchen lassen."""
    basis = git_geschichte.basis_aufloesen(wurzel, ref)
    return Vorbereitung(basis, git_geschichte.Unterschiede(wurzel, basis) if mit_speicher else None)


def vergleiche(bestand: Bestand, ref: str | Vorbereitung, speicher: Speicher | None = None) -> list[Befund]:
    """Alle Befunde des Basisvergleichs; REF nicht auflösbar → EinrichtungsFehler (Exit 2).

    Ohne `speicher` (`--kein-cache`) wird jede Datei des Arbeitsbaums mit ihrer Fassung am
    Basis-Commit verglichen (Blob-Hash jeder Datei) und jeder Datensatz nach Verweisen auf
    entfernte durchsucht. Mit dem Speicher des inkrementellen Wegs (`validierung.aktualisiert`)
    kosten nur die geänderten Datensätze Arbeit: Git nennt die Pfade, die sich geändert haben
    können (`git_geschichte.geaenderte_pfade`), und Verweise auf entfernte Datensätze können nur
    bei den Subjekten stehen, die laut Querprüfung nach ihnen gefragt haben
    (`querpruefung.verweisende`). Beide Wege liefern dieselben Befunde
    (tests/test_basis_speicher.py)."""
    wurzel = bestand.wurzel
    vorbereitet = ref if isinstance(ref, Vorbereitung) else vorbereiten(wurzel, ref, speicher is not None)
    basis = vorbereitet.basis
    alt = _alter_stand(wurzel, basis)
    neu = bestand.dateien_je_schluessel()  # (Art, id) → Datei; lädt keine Daten
    vielleicht = vorbereitet.unterschiede.abholen() if speicher is not None and vorbereitet.unterschiede is not None else None

    geaendert: list[tuple[AlterDatensatz, Datensatz]] = []
    for schluessel, datei in neu.items():
        vorher = alt.get(schluessel)
        if vorher is None or (vielleicht is not None and datei == vorher[0] and datei not in vielleicht):
            continue  # neu, oder laut Git derselbe Inhalt an derselben Stelle
        ds = _datensatz(bestand, schluessel)
        if _blob_des_arbeitsbaums(wurzel, ds) != vorher[1]:
            geaendert.append((AlterDatensatz(*schluessel, *vorher), ds))
    entfernt = [AlterDatensatz(*s, *a) for s, a in alt.items() if s not in neu]
    # nach Dateien geordnet (nicht nach der Art des Bestands): Umbenennungen hängen von der Reihenfolge ab
    hinzu = [_datensatz(bestand, s) for s, _ in sorted(((s, d) for s, d in neu.items() if s not in alt), key=lambda e: e[1])]

    # Inhalte nur laden, wo sie gebraucht werden
    brauchen = [a for a, ds in geaendert if a.art in ("empfehlung", "gremium")] + entfernt
    _inhalte_laden(wurzel, brauchen)

    umbenannt = erkenne_umbenennungen(entfernt, hinzu, wurzel)
    paare = geaendert + [(a, umbenannt[(a.art, a.id)]) for a in entfernt if (a.art, a.id) in umbenannt]

    befunde: list[Befund] = []
    for a, ds in paare:
        if not ds.lesbar or not isinstance(a.daten, dict) or not isinstance(ds.daten, dict):
            # Lese- und Schemafehler der neuen Fassung meldet die normale Prüfung; eine alte Fassung,
            # die kein Mapping ist, lässt sich nicht vergleichen
            continue
        if ds.art == "empfehlung":
            befunde.extend(verlauf_befunde(a.daten, ds, basis.ref))
        elif ds.art == "gremium":
            befunde.extend(mitglieder_befunde(a.daten, ds, basis.ref))
    befunde.extend(verweis_befunde(bestand, entfernt, umbenannt, basis.ref, speicher))
    return befunde


def _datensatz(bestand: Bestand, schluessel: tuple[str, str]) -> Datensatz:
    ds = bestand.netzwerk if schluessel[0] == "netzwerk" else bestand.hole(*schluessel)
    assert ds is not None  # Schlüssel aus bestand.dateien_je_schluessel
    return ds


# --------------------------------------------------------------------------- alter Stand


def _alter_stand(wurzel: Path, basis: git_geschichte.Basis) -> dict[tuple[str, str], tuple[str, str]]:
    """(Art, id) → (Datei, Blob-Hash) am Basis-Commit; bei doppelten ids die erste Datei nach
    Pfad. Schlichte Tupel: `AlterDatensatz` nur für die wenigen, die verglichen werden."""
    alt: dict[tuple[str, str], tuple[str, str]] = {}
    for eintrag in sorted(git_geschichte.dateien_am_commit(wurzel, basis.commit, basis.praefix).items()):
        schluessel = art_und_id(eintrag[0])
        if schluessel is not None and schluessel not in alt:
            alt[schluessel] = eintrag
    return alt


def _inhalte_laden(wurzel: Path, saetze: list[AlterDatensatz]) -> None:
    if not saetze:
        return
    inhalte = git_geschichte.blob_inhalte(wurzel, sorted({a.blob for a in saetze}), yamltext.MAX_DATEIGROESSE)
    for a in saetze:
        roh = inhalte.get(a.blob)
        if roh is None:
            continue
        text, _ = yamltext.dekodiere(roh)
        if text is None:
            continue
        a.text = text
        dok, probleme = yamltext.lade_text(text)
        if dok is not None and not any(p.schwere == FEHLER for p in probleme):
            a.daten = dok.daten


def _arbeitsbaum_bytes(wurzel: Path, ds: Datensatz) -> bytes | None:
    try:
        return (wurzel / ds.datei).read_bytes()
    except OSError:
        return None


def _blob_des_arbeitsbaums(wurzel: Path, ds: Datensatz) -> str | None:
    roh = _arbeitsbaum_bytes(wurzel, ds)
    return git_geschichte.blob_hash(roh) if roh is not None else None


# --------------------------------------------------------------------------- Umbenennungen


def erkenne_umbenennungen(
    entfernt: list[AlterDatensatz], hinzu: list[Datensatz], wurzel: Path
) -> dict[tuple[str, str], Datensatz]:
    """Ordnet entfernten Datensätzen neue derselben Art mit ähnlichem Inhalt zu (wie `git -M`)."""
    ergebnis: dict[tuple[str, str], Datensatz] = {}
    if not entfernt or not hinzu:
        return ergebnis
    neue_zeilen: dict[str, list[str]] = {}
    for ds in hinzu:
        roh = _arbeitsbaum_bytes(wurzel, ds)
        text = yamltext.dekodiere(roh)[0] if roh is not None else None
        if text is not None:
            neue_zeilen[ds.datei] = text.splitlines()
    nur_gleiche = len(entfernt) * len(hinzu) > _MAX_PAARE_UMBENENNUNG
    vergeben: set[str] = set()
    for a in entfernt:
        if a.text is None:
            continue
        alte_zeilen = a.text.splitlines()
        bestes, beste_quote = None, AEHNLICHKEIT_UMBENENNUNG
        for ds in hinzu:
            zeilen = neue_zeilen.get(ds.datei)
            if ds.art != a.art or zeilen is None or ds.datei in vergeben:
                continue
            if zeilen == alte_zeilen:
                bestes, beste_quote = ds, 1.0
                break
            if nur_gleiche:
                continue
            vergleich = difflib.SequenceMatcher(None, alte_zeilen, zeilen, autojunk=False)
            if vergleich.real_quick_ratio() < beste_quote or vergleich.quick_ratio() < beste_quote:
                continue
            quote = vergleich.ratio()
            if quote >= beste_quote:
                bestes, beste_quote = ds, quote
        if bestes is not None:
            ergebnis[(a.art, a.id)] = bestes
            vergeben.add(bestes.datei)
    return ergebnis


# --------------------------------------------------------------------------- Verweise


def verweis_befunde(
    bestand: Bestand,
    entfernt: list[AlterDatensatz],
    umbenannt: dict[tuple[str, str], Datensatz],
    ref: str,
    speicher: Speicher | None = None,
) -> list[Befund]:
    """`ref-entfernt`: Verweise im neuen Stand auf Datensätze, die seit der Basis fehlen. Mit dem
    Speicher der Querprüfung nur bei den Datensätzen, die nach den entfernten gefragt haben."""
    weg: dict[str, dict[str, AlterDatensatz]] = {}
    for a in entfernt:
        if a.art != "netzwerk":
            weg.setdefault(a.art, {})[a.id] = a
    if not weg:
        return []
    fragende = querpruefung.verweisende(speicher, [(art, id_) for art, ids in weg.items() for id_ in ids]) if speicher is not None else None
    saetze = bestand.alle() if fragende is None else (_datensatz(bestand, s) for s in bestand.dateien_je_schluessel() if s in fragende)
    befunde = []
    for ds in saetze:
        if not ds.lesbar:
            continue
        for muster, ziel_art in schemata.verweise(ds.art):
            if ziel_art not in weg:
                continue
            for pfad, wert in schemata.werte(ds.daten, muster):
                if not isinstance(wert, str) or wert not in weg[ziel_art]:
                    continue
                if bestand.hole(ziel_art, wert) is not None:
                    continue  # unter derselben id woanders wieder angelegt
                a = weg[ziel_art][wert]
                neu = umbenannt.get((a.art, a.id))
                if neu is not None:
                    meldung = (
                        f"„{wert}“ wurde seit der Basis ({ref}) umbenannt in „{neu.id}“ ({neu.datei}), "
                        f"wird hier aber noch mit der alten id verwendet; Verweis auf „{neu.id}“ ändern"
                    )
                else:
                    meldung = (
                        f"„{wert}“ ({ORDNER_VON_ART[a.art]}/…/{a.id}.yaml, zuletzt {a.datei}) wurde seit der "
                        f"Basis ({ref}) entfernt, wird hier aber noch verwendet; Verweis entfernen oder "
                        "den Datensatz wiederherstellen"
                    )
                befunde.append(ds.befund("ref-entfernt", meldung, pfad))
    return befunde


# --------------------------------------------------------------------------- Verlauf


def _schluessel(eintrag: Any) -> str:
    return json.dumps(eintrag, sort_keys=True, ensure_ascii=False, default=str)


def _beschreibe(eintrag: Any) -> str:
    if isinstance(eintrag, dict):
        teile = [str(eintrag.get("status", "?"))]
        if eintrag.get("datum"):
            teile.append(f"vom {eintrag['datum']}")
        return "„" + " ".join(teile) + "“"
    return f"„{eintrag}“"


def _kurz(wert: Any) -> str:
    if wert is None:
        return "(leer)"
    text = wert if isinstance(wert, str) else json.dumps(wert, ensure_ascii=False, default=str)
    return f"„{text}“" if len(text) <= 50 else f"„{text[:49]}…“"


def _unterschiede(alt: Any, neu: Any) -> tuple[list[str], str | None]:
    """Beschreibung der geänderten Felder eines Eintrags und das erste geänderte Feld im neuen."""
    if not (isinstance(alt, dict) and isinstance(neu, dict)):
        return [f"{_kurz(alt)} → {_kurz(neu)}"], None
    teile, erstes = [], None
    for feld in list(neu) + [f for f in alt if f not in neu]:
        if alt.get(feld) == neu.get(feld) and (feld in alt) == (feld in neu):
            continue
        if feld not in neu:
            teile.append(f"{feld} {_kurz(alt.get(feld))} entfernt")
        elif feld not in alt:
            teile.append(f"{feld} {_kurz(neu.get(feld))} hinzugefügt")
        else:
            teile.append(f"{feld} {_kurz(alt.get(feld))} → {_kurz(neu.get(feld))}")
        if erstes is None and feld in neu:
            erstes = feld
    return teile, erstes


_NUR_ANHAENGEN = "Der Verlauf darf nur am Ende ergänzt werden"


def verlauf_befunde(alt: dict, ds: Datensatz, ref: str) -> list[Befund]:
    """`verlauf-geaendert` für eine Empfehlung: alter Datenstand gegen den neuen Datensatz."""
    neu = ds.daten
    alt_verlauf, neu_verlauf = alt.get("verlauf"), neu.get("verlauf")
    if not isinstance(alt_verlauf, list):
        alt_verlauf = []
    if not isinstance(neu_verlauf, list):
        if alt_verlauf:
            return [
                ds.befund(
                    "verlauf-geaendert",
                    f"der Verlauf ({len(alt_verlauf)} Einträge) wurde seit der Basis ({ref}) entfernt. {_NUR_ANHAENGEN}.",
                    ("verlauf",) if "verlauf" in neu else (),
                )
            ]
        return []
    befunde: list[Befund] = []
    bei = f"seit der Basis ({ref})"
    a_s = [_schluessel(e) for e in alt_verlauf]
    b_s = [_schluessel(e) for e in neu_verlauf]
    umgeschrieben = False
    angehaengt_ab = len(neu_verlauf)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a_s, b_s, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert" and i1 == len(alt_verlauf):
            angehaengt_ab = j1
            continue
        umgeschrieben = True
        paare = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paare):
            teile, feld = _unterschiede(alt_verlauf[i1 + k], neu_verlauf[j1 + k])
            pfad = ("verlauf", j1 + k) + ((feld,) if feld else ())
            befunde.append(
                ds.befund(
                    "verlauf-geaendert",
                    f"Verlaufseintrag {j1 + k + 1} ({_beschreibe(alt_verlauf[i1 + k])}) wurde {bei} geändert: "
                    f"{'; '.join(teile)}. {_NUR_ANHAENGEN}; Korrekturen als neuen Eintrag mit „notiz“ festhalten.",
                    pfad,
                )
            )
        for k in range(i1 + paare, i2):  # alte Einträge ohne Gegenstück: entfernt
            ziel = j1 + paare
            pfad = ("verlauf", ziel) if ziel < len(neu_verlauf) else ("verlauf",)
            befunde.append(
                ds.befund(
                    "verlauf-geaendert",
                    f"Verlaufseintrag {k + 1} ({_beschreibe(alt_verlauf[k])}) wurde {bei} entfernt. {_NUR_ANHAENGEN}.",
                    pfad,
                )
            )
        for k in range(j1 + paare, j2):  # neue Einträge ohne Gegenstück
            if i2 == len(alt_verlauf):
                angehaengt_ab = min(angehaengt_ab, k)
                continue  # am Ende angehängt
            befunde.append(
                ds.befund(
                    "verlauf-geaendert",
                    f"Verlaufseintrag {k + 1} ({_beschreibe(neu_verlauf[k])}) wurde {bei} vor älteren Einträgen "
                    f"eingefügt. {_NUR_ANHAENGEN}.",
                    ("verlauf", k),
                )
            )
    if umgeschrieben:
        return befunde
    return _statuswechsel(alt, alt_verlauf, ds, neu_verlauf[angehaengt_ab:], angehaengt_ab, ref)


def _statuswechsel(
    alt: dict, alt_verlauf: list, ds: Datensatz, angehaengt: list, ab: int, ref: str
) -> list[Befund]:
    """Der Status darf sich nur in erlaubten Schritten mit je einem angehängten Eintrag ändern."""
    t = lebenszyklus.tabelle()
    alt_status = alt.get("status")
    neu_status = ds.daten.get("status")
    if not angehaengt:
        if isinstance(alt_status, str) and isinstance(neu_status, str) and alt_status != neu_status:
            return [
                ds.befund(
                    "verlauf-geaendert",
                    f"Status seit der Basis ({ref}) von „{alt_status}“ auf „{neu_status}“ geändert, aber kein "
                    "neuer Verlaufseintrag angehängt; jeder Schritt braucht einen eigenen Eintrag "
                    "(netzwerk empfehlung advance)",
                    ("status",),
                )
            ]
        return []
    letzte = [e.get("status") for e in alt_verlauf if isinstance(e, dict)]
    von = letzte[-1] if letzte else alt_status
    befunde = []
    for k, eintrag in enumerate(angehaengt):
        nach = eintrag.get("status") if isinstance(eintrag, dict) else None
        if not isinstance(von, str) or not isinstance(nach, str):
            break  # Form der Einträge prüft das Schema
        if not t.erlaubt(von, nach):
            erlaubt = ", ".join(t.naechste(von)) or "keiner (Endzustand)"
            befunde.append(
                ds.befund(
                    "verlauf-geaendert",
                    f"Schritt „{von}“ → „{nach}“ seit der Basis ({ref}) ist kein erlaubter Schritt "
                    f"(erlaubt nach „{von}“: {erlaubt}); jeder Zwischenschritt braucht einen eigenen Eintrag",
                    ("verlauf", ab + k, "status"),
                )
            )
        von = nach
    return befunde


# --------------------------------------------------------------------------- Gremien


def _person_schluessel(person: Any) -> str | None:
    return person if person is None or isinstance(person, str) else _schluessel(person)


def mitglieder_befunde(alt: dict, ds: Datensatz, ref: str) -> list[Befund]:
    """`mitglieder-entfernt`: mehr als ein Viertel der Mitgliedereinträge auf einmal gelöscht."""

    def personen(daten: dict) -> list:
        eintraege = daten.get("mitglieder")
        if not isinstance(eintraege, list):
            return []
        # schema-ungültige Einträge (Person als Liste oder Mapping, Eintrag ohne Mapping) zählen mit
        # ihrer Textform, damit der Vergleich nie an nicht hashbaren Werten scheitert
        return [_person_schluessel(e.get("person") if isinstance(e, dict) else e) for e in eintraege]

    vorher = personen(alt)
    if not vorher:
        return []
    weg = Counter(vorher) - Counter(personen(ds.daten))
    anzahl = sum(weg.values())
    if anzahl / len(vorher) <= MAX_ANTEIL_ENTFERNT:
        return []
    namen = ", ".join(sorted(str(p) for p in weg))
    return [
        ds.befund(
            "mitglieder-entfernt",
            f"{anzahl} von {len(vorher)} Mitgliedereinträgen ({round(100 * anzahl / len(vorher))} %) wurden seit der "
            f"Basis ({ref}) auf einmal entfernt (Grenze: ein Viertel): {namen}. Bitte prüfen, ob das gewollt ist; "
            "ausgeschiedene Mitglieder besser mit „bis“ beenden als löschen, damit die Besetzung nachvollziehbar bleibt",
            ("mitglieder",) if "mitglieder" in ds.daten else (),
            schwere=WARNUNG,
        )
    ]
