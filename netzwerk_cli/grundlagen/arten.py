"""Die Arten von Datensätzen, ihre Ordner und ids: Pfad ↔ (Art, id) an genau einer Stelle."""

from __future__ import annotations

import re
import unicodedata

NETZWERK_DATEI = "netzwerk.yaml"
ORDNER = {
    "organisationen": "organisation",
    "personen": "person",
    "gremien": "gremium",
    "arbeitsgruppen": "arbeitsgruppe",
    "sitzungen": "sitzung",
    "empfehlungen": "empfehlung",
    "veranstaltungen": "veranstaltung",
    "konzepte": "konzept",
}
ORDNER_VON_ART = {art: ordner for ordner, art in ORDNER.items()}
ARTEN = ("netzwerk", *ORDNER.values())
ID_MUSTER = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")  # \Z statt $: kein Zeilenende am Schluss
ID_MAX = 64


def pruefe_id(id_: str) -> str | None:
    """Deutsche Begründung, warum ein Dateiname keine gültige id ist, sonst None. Lässt sich aus
    dem Namen eine gültige id bilden (`id_aus_name`), nennt die Begründung sie."""
    if len(id_) > ID_MAX:
        return f"id „{id_[:20]}…“ ist {len(id_)} Zeichen lang (höchstens {ID_MAX})"
    if not ID_MUSTER.fullmatch(id_):
        hinweis = " (nur Kleinbuchstaben)" if id_ != id_.lower() else ""
        vorschlag = id_aus_name(id_)
        if vorschlag:
            return (
                f"Dateiname „{id_}“ ist keine gültige id{hinweis}: erlaubt sind a–z, 0–9 und einzelne "
                f"Bindestriche dazwischen – bitte umbenennen in „{vorschlag}.yaml“ (id „{vorschlag}“)"
            )
        return (
            f"Dateiname „{id_}“ ist keine gültige id{hinweis}: erlaubt sind a–z, 0–9 und einzelne "
            "Bindestriche dazwischen, z. B. „amt-fuer-migration“"
        )
    return None


_UMSCHRIFT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue", "ẞ": "ss"})
_TRENNER = re.compile(r"[\s\-_/.,;:+&]+")


def id_aus_name(name: str, hoechstens: int = ID_MAX) -> str:
    """Eine id aus einem Namen: „Jürgen Müller“ → „juergen-mueller“. Umlaute und ß werden
    umschrieben, andere Akzente weggelassen (é → e), Leerzeichen und Satzzeichen zu „-“, alle
    übrigen Zeichen entfallen; höchstens `hoechstens` Zeichen, an einem Wortende gekürzt."""
    text = name.translate(_UMSCHRIFT)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(z for z in text if not unicodedata.combining(z)).lower()
    woerter = [re.sub(r"[^a-z0-9]", "", w) for w in _TRENNER.split(text)]
    woerter = [w for w in woerter if w]
    ergebnis = ""
    for w in woerter:
        kandidat = f"{ergebnis}-{w}" if ergebnis else w
        if len(kandidat) > hoechstens:
            if not ergebnis:
                ergebnis = w[:hoechstens]
            break
        ergebnis = kandidat
    return ergebnis


def datensatz_id(art: str, rel: str) -> str:
    return "netzwerk" if art == "netzwerk" else rel[rel.rfind("/") + 1 : -len(".yaml")]



def art_und_id(datei: str) -> tuple[str, str] | None:
    """(art, id) eines Pfads relativ zur Datenwurzel, wie `bestand` ihn liest; sonst None."""
    if datei == NETZWERK_DATEI:
        return ("netzwerk", "netzwerk")
    # ohne split: `validate --basis` ruft das für jede Datei am Basis-Commit (100 000 und mehr)
    schnitt = datei.find("/")
    art = ORDNER.get(datei[:schnitt]) if schnitt > 0 else None
    if art is None or "/." in datei or not datei.endswith(".yaml"):  # „/.“: ein versteckter Teil
        return None
    return (art, datei[datei.rfind("/") + 1 : -len(".yaml")])


# Felder, nach denen `nach()` sucht; ihre Werte stehen je Datei im Zwischenspeicher, damit eine
# Änderung die betroffenen Schlüssel `idx·…` ungültig machen kann, ohne alle Daten zu laden.
# Ein Feld ist ein Schlüssel der obersten Ebene (Text) oder ein Pfad durch Listen mit „[].“,
# z. B. „tagesordnung[].empfehlungen[]“: dann zählt jeder Text an dieser Stelle (mehrere Werte
# je Datensatz, jeder einmal).
INDEXFELDER: dict[str, tuple[str, ...]] = {"sitzung": ("gremium", "tagesordnung[].empfehlungen[]")}


def _feldwerte(daten: object, teile: list[str]) -> list[str]:
    if not teile:
        return [daten] if isinstance(daten, str) else []
    kopf, rest = teile[0], teile[1:]
    liste = kopf.endswith("[]")
    wert = daten.get(kopf[:-2] if liste else kopf) if isinstance(daten, dict) else None
    if not liste:
        return _feldwerte(wert, rest)
    if not isinstance(wert, list):
        return []
    werte: list[str] = []
    for element in wert:
        werte.extend(_feldwerte(element, rest))
    return werte


def feldwerte(feld: str, daten: object) -> tuple[str, ...]:
    """Die Texte eines Indexfelds in `daten`, jeder einmal, in der Reihenfolge ihres Auftretens."""
    if "[]" not in feld:  # der häufige Fall: ein Text oben
        wert = daten.get(feld) if isinstance(daten, dict) else None
        return (wert,) if isinstance(wert, str) else ()
    return tuple(dict.fromkeys(_feldwerte(daten, feld.replace("[].", "[]\0").split("\0"))))


def indexwerte(art: str, daten: object) -> tuple | None:
    """Die Werte der Indexfelder eines Datensatzes (für den Zwischenspeicher): je Feld ein
    Tupel der Texte (leer, wenn das Feld fehlt)."""
    felder = INDEXFELDER.get(art)
    if not felder:
        return None
    return tuple(feldwerte(f, daten) for f in felder)
