"""Die Arten von Datensätzen, ihre Ordner und ids: Pfad ↔ (Art, id) an genau einer Stelle."""

from __future__ import annotations

import re

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
    """Deutsche Begründung, warum ein Dateiname keine gültige id ist, sonst None."""
    if len(id_) > ID_MAX:
        return f"id „{id_[:20]}…“ ist {len(id_)} Zeichen lang (höchstens {ID_MAX})"
    if not ID_MUSTER.fullmatch(id_):
        hinweis = " (nur Kleinbuchstaben)" if id_ != id_.lower() else ""
        return (
            f"Dateiname „{id_}“ ist keine gültige id{hinweis}: erlaubt sind a–z, 0–9 und einzelne "
            "Bindestriche dazwischen, z. B. „amt-fuer-migration“"
        )
    return None



def datensatz_id(art: str, rel: str) -> str:
    return "netzwerk" if art == "netzwerk" else rel[rel.rfind("/") + 1 : -len(".yaml")]



def art_und_id(datei: str) -> tuple[str, str] | None:
    """(art, id) eines Pfads relativ zur Datenwurzel, wie `bestand` ihn liest; sonst None."""
    if datei == NETZWERK_DATEI:
        return ("netzwerk", "netzwerk")
    teile = datei.split("/")
    if len(teile) < 2 or teile[0] not in ORDNER or any(t.startswith(".") for t in teile[1:]):
        return None
    if not teile[-1].endswith(".yaml"):
        return None
    return (ORDNER[teile[0]], teile[-1][: -len(".yaml")])


# Felder, nach denen `nach()` sucht; ihre Werte stehen je Datei im Zwischenspeicher, damit eine
# Änderung die betroffenen Schlüssel `idx·…` ungültig machen kann, ohne alle Daten zu laden.
INDEXFELDER: dict[str, tuple[str, ...]] = {"sitzung": ("gremium",)}


def indexwerte(art: str, daten: object) -> tuple | None:
    """Die Werte der Indexfelder eines Datensatzes (für den Zwischenspeicher)."""
    felder = INDEXFELDER.get(art)
    if not felder:
        return None
    if not isinstance(daten, dict):
        return tuple(None for _ in felder)
    return tuple(w if isinstance(w := daten.get(f), str) else None for f in felder)
