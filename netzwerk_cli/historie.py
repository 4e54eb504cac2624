"""`netzwerk verlauf ID`: die Geschichte eines Datensatzes aus Git.

Findet die Datei des Datensatzes (im Arbeitsbaum oder, wenn gelöscht, in der Geschichte),
liest über `netzwerk_cli.quellen.git_geschichte` jeden Commit, der sie geändert hat (über Umbenennungen hinweg),
und bestimmt bei Empfehlungen den Statuswechsel je Commit.
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from netzwerk_cli.bestand.finden import dateien_finden
from netzwerk_cli.grundlagen.arten import ARTEN, NETZWERK_DATEI, ORDNER_VON_ART, art_und_id
from netzwerk_cli.grundlagen.fehler import Abgelehnt, EinrichtungsFehler
from netzwerk_cli.quellen import git, git_geschichte, yamltext

_AENDERUNG = {"A": "neu", "M": "geändert", "R": "umbenannt", "C": "kopiert", "D": "gelöscht", "T": "geändert"}


@dataclass
class Eintrag:
    commit: str
    datum: str  # ISO 8601 (Autordatum)
    autor: str
    betreff: str
    aenderung: str  # neu, geändert, umbenannt, gelöscht
    datei: str  # Pfad in diesem Commit, relativ zur Datenwurzel
    alte_datei: str | None = None  # bei Umbenennung
    status_vorher: str | None = None  # nur Empfehlungen
    status: str | None = None  # nur Empfehlungen: Status nach dem Commit

    @property
    def statuswechsel(self) -> str:
        """„eingereicht → beschlossen“, „neu: entwurf“ oder "" (unverändert)."""
        if self.status is None and self.status_vorher is None:
            return ""
        if self.status_vorher is None:
            return f"neu: {self.status}"
        if self.status == self.status_vorher:
            return ""
        return f"{self.status_vorher} → {self.status or '–'}"


@dataclass
class Historie:
    art: str
    id: str
    datei: str  # aktueller (oder zuletzt bekannter) Pfad relativ zur Datenwurzel
    geloescht: bool = False  # nur noch in der Geschichte vorhanden
    nicht_committet: bool = False  # Arbeitsbaum weicht von HEAD ab (oder Datei neu)
    eintraege: list[Eintrag] = field(default_factory=list)  # neueste zuerst

    def als_dict(self) -> dict:
        return {
            "art": self.art,
            "id": self.id,
            "datei": self.datei,
            "geloescht": self.geloescht,
            "nicht_committet": self.nicht_committet,
            "eintraege": [asdict(e) for e in self.eintraege],
        }


def finde_datei(wurzel: Path, id_: str, art: str | None = None) -> tuple[str, str, bool]:
    """(art, datei relativ zur Wurzel, gelöscht?) des Datensatzes; sonst EinrichtungsFehler.

    Gesucht wird erst im Arbeitsbaum, dann unter den in der Git-Geschichte gelöschten Dateien.
    """
    if art is not None and art not in ARTEN:
        raise EinrichtungsFehler(f"Unbekannte Art „{art}“ (erlaubt: {', '.join(ARTEN)}).")
    gefunden, _ = dateien_finden(wurzel)
    treffer: list[tuple[str, str, bool]] = []
    alle_ids: list[str] = []
    for a, pfad in gefunden:
        kennung = "netzwerk" if a == "netzwerk" else pfad.name[: -len(".yaml")]
        alle_ids.append(kennung)
        if kennung == id_ and (art is None or art == a):
            treffer.append((a, pfad.relative_to(wurzel).as_posix(), False))
    if not treffer:
        arten = [art] if art else list(ARTEN)
        muster = [f"{ORDNER_VON_ART[a]}/**/{id_}.yaml" for a in arten if a != "netzwerk"]
        if id_ == "netzwerk" and "netzwerk" in arten:
            muster.append(NETZWERK_DATEI)
        for datei in git_geschichte.geloeschte_dateien(wurzel, muster):
            schluessel = art_und_id(datei)
            if schluessel is None or schluessel[1] != id_ or (art is not None and schluessel[0] != art):
                continue
            if all(t[0] != schluessel[0] for t in treffer):  # je Art die zuletzt gelöschte Datei
                treffer.append((schluessel[0], datei, True))
    if not treffer:
        aehnlich = difflib.get_close_matches(id_, alle_ids, n=1, cutoff=0.75)
        hinweis = f" Meinten Sie „{aehnlich[0]}“?" if aehnlich else ""
        wo = f" in {ORDNER_VON_ART[art]}/" if art and art != "netzwerk" else ""
        raise Abgelehnt(  # wie eine unbekannte id bei „empfehlung show“ (Exit 1)
            f"Datensatz „{id_}“{wo} gibt es weder im Datenrepository noch in seiner Git-Geschichte.{hinweis}"
        )
    arten_gefunden = sorted({t[0] for t in treffer})
    if len(arten_gefunden) > 1:
        raise EinrichtungsFehler(
            f"„{id_}“ gibt es in mehreren Arten ({', '.join(arten_gefunden)}); "
            "bitte mit --art angeben, welche gemeint ist."
        )
    return treffer[0]


def historie(wurzel: Path, id_: str, art: str | None = None) -> Historie:
    """Die Git-Geschichte des Datensatzes `id_` (EinrichtungsFehler ohne Git-Repository)."""
    if not git.ist_git_repo(wurzel):
        raise EinrichtungsFehler(
            f"„netzwerk verlauf“ liest die Geschichte aus Git, aber „{wurzel}“ liegt in keinem Git-Repository."
        )
    art_, datei, geloescht = finde_datei(wurzel, id_, art)
    ist_empfehlung = art_ == "empfehlung"
    aenderungen = git_geschichte.dateiverlauf(wurzel, datei, mit_inhalt=ist_empfehlung, hoechstens=yamltext.MAX_DATEIGROESSE)
    eintraege: list[Eintrag] = []
    vorher: str | None = None
    for a in reversed(aenderungen):  # älteste zuerst, um Statuswechsel zu bestimmen
        status = _status(a.inhalt) if ist_empfehlung else None
        e = Eintrag(
            commit=a.commit,
            datum=a.datum,
            autor=a.autor,
            betreff=a.betreff,
            aenderung=_AENDERUNG.get(a.art, "geändert"),
            datei=a.pfad,
            alte_datei=a.alter_pfad,
        )
        if ist_empfehlung:
            e.status_vorher, e.status = vorher, status
            vorher = status
        eintraege.append(e)
    eintraege.reverse()
    nicht_committet = not geloescht and not git.unveraendert_seit_head(wurzel, wurzel / datei)
    return Historie(art_, id_, datei, geloescht, nicht_committet, eintraege)


def _status(inhalt: bytes | None) -> str | None:
    if inhalt is None:
        return None
    text, _ = yamltext.dekodiere(inhalt)
    if text is None:
        return None
    dok, _ = yamltext.lade_text(text)
    if dok is None or not isinstance(dok.daten, dict):
        return None
    status = dok.daten.get("status")
    return status if isinstance(status, str) else None
