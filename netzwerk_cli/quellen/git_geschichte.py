"""Die Git-Geschichte lesen (über die Grundlagen von `git.py`): Merge-Basis und Dateien am
Basis-Commit (`validate --basis`), der Verlauf einer Datei und gelöschte Dateien
(`netzwerk verlauf`), Commits, die einen Text enthalten (`person anonymisieren`), und erstes und
letztes Commit-Datum je Datei (Exporte). Zerlegt `git log`-Ausgaben nur an NUL.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler
from netzwerk_cli.quellen.git import (
    FLACH_HINWEIS,
    _gitpython,
    _oeffne,
    _relativ,
    _repository,
    _stderr,
    _zusatz_hinweis,
)

# --------------------------------------------------------------------------- Basis (validate --basis)


@dataclass(frozen=True)
class Basis:
    """Der Vergleichspunkt für `validate --basis REF`."""

    ref: str  # wie angegeben, z. B. "origin/main"
    commit: str  # Hash der Merge-Basis von REF und HEAD
    praefix: str  # Ordner der Datenwurzel im Repository ("" oder z. B. "data/")

    @property
    def kurz(self) -> str:
        return self.commit[:10]


def basis_aufloesen(wurzel: Path, ref: str) -> Basis:
    """Merge-Basis von REF und HEAD; ist REF nicht auflösbar, ein EinrichtungsFehler mit Abhilfe."""
    git = _gitpython()
    if not ref or ref.startswith("-") or any(z in ref for z in "\0\n"):
        raise EinrichtungsFehler(f"„{ref}“ ist kein gültiger Git-Verweis für --basis.")
    with _repository(wurzel, "--basis") as repo:
        praefix = _relativ(repo, wurzel)
        praefix = f"{praefix}/" if praefix else ""
        flach = _ist_flach(repo)
        if not repo.head.is_valid():
            raise EinrichtungsFehler("--basis: das Repository hat noch keinen Commit (HEAD fehlt).")
        try:
            ziel = repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}").strip()
        except git.GitCommandError as e:
            text = _stderr(e)
            hinweis = FLACH_HINWEIS if flach else (
                "Ist der Zweig vorhanden? Entfernte Zweige erst holen, z. B. „git fetch origin“. " + FLACH_HINWEIS
            )
            raise EinrichtungsFehler(
                f"--basis: „{ref}“ lässt sich in diesem Repository nicht auflösen. {hinweis}"
                f"{_zusatz_hinweis(text)}"
            ) from None
        try:
            basis = repo.git.merge_base(ziel, "HEAD").strip()
        except git.GitCommandError:
            grund = (
                "Das Repository ist ein flacher Klon (shallow clone), die gemeinsame Vorgeschichte fehlt. "
                if flach
                else "HEAD und dieser Verweis haben keine gemeinsame Vorgeschichte. "
            )
            raise EinrichtungsFehler(
                f"--basis: keine Merge-Basis von „{ref}“ und HEAD gefunden. {grund}{FLACH_HINWEIS}"
            ) from None
        return Basis(ref=ref, commit=basis, praefix=praefix)


def _ist_flach(repo) -> bool:
    return (Path(repo.git_dir) / "shallow").exists() or (Path(repo.common_dir) / "shallow").exists()


def dateien_am_commit(wurzel: Path, commit: str, praefix: str) -> dict[str, str]:
    """Alle regulären Dateien unter `praefix` im Commit: Pfad relativ zur Datenwurzel → Blob-Hash.

    Ein einziges `git ls-tree -r -z` über den Teilbaum `COMMIT:praefix` (bei 100 000 Dateien
    rund 0,2 s; das Durchlaufen mit GitPython brauchte Sekunden). Zerlegt nur an NUL und am
    ersten Tabulator: Pfade dürfen Zeilenumbrüche, Leerzeichen und Tabulatoren enthalten."""
    git = _gitpython()
    with _repository(wurzel, "--basis") as repo:
        ziel = f"{commit}:{praefix.rstrip('/')}" if praefix else commit
        try:
            roh = repo.git.ls_tree("-r", "-z", "--full-tree", ziel)
        except git.GitCommandError:
            return {}  # Datenordner fehlt am Basis-Commit oder ist dort kein Ordner
        ergebnis = {}
        for eintrag in roh.split("\0"):
            kopf, tab, pfad = eintrag.partition("\t")
            if not tab:
                continue
            modus, art, blob = kopf.split(" ")
            if art != "blob" or modus == "120000":  # Links und Submodule nicht lesen
                continue
            ergebnis[pfad] = blob
        return ergebnis


def geaenderte_pfade(wurzel: Path, basis: Basis) -> set[str] | None:
    """Pfade (relativ zur Datenwurzel), deren Inhalt im Arbeitsbaum von dem am Basis-Commit
    abweichen KANN; siehe `Unterschiede`."""
    return Unterschiede(wurzel, basis).abholen()


class Unterschiede:
    """Die Pfade (relativ zur Datenwurzel), deren Inhalt im Arbeitsbaum von dem am Basis-Commit
    abweichen KANN; für jeden anderen Pfad des Basis-Commits gilt: dieselbe Datei liegt mit
    demselben Inhalt im Arbeitsbaum.

    Git nennt sie selbst (`git diff --name-only -z COMMIT`: Basis-Commit gegen Arbeitsbaum,
    ob im Index oder nicht; ungeänderte Dateien erkennt Git an den Merkmalen im Index und prüft
    „racy“ Einträge selbst nach). Dazu kommen alle Einträge, bei denen Git dem Arbeitsbaum nicht
    nachsieht („assume-unchanged“, „skip-worktree“, ungelöste Konflikte: `git ls-files -v`).
    Unversionierte Dateien stehen in keiner der Listen: es gibt sie am Basis-Commit nicht.

    `git diff` startet sofort und läuft, während `validate` den Arbeitsbaum prüft (bei
    100 000 Dateien ist das Vergleichen der Merkmale das Teuerste daran); `abholen` wartet.
    """

    def __init__(self, wurzel: Path, basis: Basis):
        self.wurzel = wurzel
        self.basis = basis
        self._spec = [f":(literal){basis.praefix}"] if basis.praefix else []
        git = _gitpython()
        with _repository(wurzel, "--basis") as repo:
            try:
                self._diff = repo.git.diff("--no-renames", "--no-ext-diff", "--name-only", "-z", basis.commit, "--", *self._spec, as_process=True)
            except git.GitCommandError as e:
                self._fehler(e)

    @staticmethod
    def _fehler(e) -> None:
        text = _stderr(e)
        raise EinrichtungsFehler(f"--basis: Unterschiede zum Basis-Commit nicht lesbar: {text}{_zusatz_hinweis(text)}") from None

    def abholen(self) -> set[str] | None:
        """None: Git kann es nicht sagen (ganze Ordner ohne Arbeitsbaum in einem „sparse index“)."""
        git = _gitpython()
        ausgabe, fehler = self._diff.proc.communicate()  # liest beide Ströme: Git blockiert nie
        if self._diff.proc.returncode:
            self._fehler(git.GitCommandError(["git", "diff"], self._diff.proc.returncode, fehler))
        praefix = self.basis.praefix
        pfade = {p for p in ausgabe.decode("utf-8", "surrogateescape").split("\0") if p}
        with _repository(self.wurzel, "--basis") as repo:
            try:
                index = repo.git.ls_files("-v", "-z", "--", *self._spec)
            except git.GitCommandError as e:
                self._fehler(e)
        for eintrag in index.split("\0"):
            if eintrag and not eintrag.startswith("H "):  # H: gewöhnlicher Eintrag, Git sieht nach
                if eintrag.endswith("/"):
                    return None
                pfade.add(eintrag[2:])
        return {_ohne_praefix(p, praefix) for p in pfade if not praefix or p.startswith(praefix)}


def blob_inhalte(wurzel: Path, hashes: list[str], hoechstens: int) -> dict[str, bytes | None]:
    """Inhalt von Blobs (Hash → Bytes); größer als `hoechstens` Bytes → None."""
    git = _gitpython()
    ergebnis: dict[str, bytes | None] = {}
    with _repository(wurzel, "--basis") as repo:
        for h in hashes:
            blob = git.Blob(repo, bytes.fromhex(h))
            ergebnis[h] = None if blob.size > hoechstens else blob.data_stream.read()
    return ergebnis


def blob_hash(inhalt: bytes) -> str:
    """Gits Blob-Hash eines Inhalts (wie `git hash-object`), ohne Git aufzurufen."""
    return hashlib.sha1(b"blob %d\0" % len(inhalt) + inhalt).hexdigest()


# --------------------------------------------------------------------------- Verlauf (netzwerk verlauf)


@dataclass(frozen=True)
class Aenderung:
    """Ein Commit, der eine Datei geändert hat."""

    commit: str
    autor: str
    datum: str  # ISO 8601 mit Zeitzone (Autordatum)
    betreff: str
    pfad: str  # Pfad der Datei in diesem Commit, relativ zur Datenwurzel
    art: str  # A (neu), M (geändert), R (umbenannt), C (kopiert), D (gelöscht), T (Typ geändert)
    alter_pfad: str | None = None  # bei Umbenennung: der Pfad davor (relativ zur Datenwurzel)
    inhalt: bytes | None = None  # Inhalt nach dem Commit (None: gelöscht, zu groß oder nicht erbeten)


_SHA = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")
_STATUS = re.compile(r"[ACDMRTUXB][0-9]*")
# Git-Ausgaben werden nur an NUL getrennt (`-z`, `%x00`): NUL kann in keinem Namen, Betreff oder
# Pfad stehen. Früher trennten \x1f/\x1e – ein Commit-Betreff mit diesen Zeichen fügte Einträge hinzu.
_KOPF = "--format=%H%x00%an%x00%aI%x00%s%x00"


def _ohne_praefix(pfad: str, praefix: str) -> str:
    return pfad[len(praefix):] if praefix and pfad.startswith(praefix) else pfad


def _log_mit_status(roh: str) -> list[tuple[str, str, str, str, list[tuple[str, list[str]]]]]:
    """Zerlegt `git log -z --format=%H%x00%an%x00%aI%x00%s%x00 --name-status`:
    je Commit (sha, autor, datum, betreff, [(status, [pfade…])])."""
    teile = roh.split("\0")
    ergebnis: list = []
    i = 0
    while i < len(teile):
        sha = teile[i].lstrip("\n")
        if not sha:
            i += 1
            continue
        if not _SHA.fullmatch(sha) or i + 3 >= len(teile):
            raise EinrichtungsFehler("Git-Verlauf nicht lesbar: unerwartete Ausgabe von „git log“.")
        autor, datum, betreff = teile[i + 1], teile[i + 2], teile[i + 3]
        i += 4
        eintraege: list[tuple[str, list[str]]] = []
        while i < len(teile):
            feld = teile[i].lstrip("\n")
            if not feld:
                i += 1
                continue
            if _SHA.fullmatch(feld) or not _STATUS.fullmatch(feld):
                break
            anzahl = 2 if feld[0] in "RC" else 1
            eintraege.append((feld, teile[i + 1 : i + 1 + anzahl]))
            i += 1 + anzahl
        ergebnis.append((sha, autor, datum, betreff, eintraege))
    return ergebnis


def dateiverlauf(wurzel: Path, datei: str, mit_inhalt: bool = False, hoechstens: int = 1024 * 1024) -> list[Aenderung]:
    """Alle Commits, die die Datei `datei` (relativ zur Datenwurzel) geändert haben, neueste
    zuerst, über Umbenennungen hinweg (`git log --follow`).

    Die Datei darf im Arbeitsbaum fehlen (gelöschte Datensätze).
    """
    git = _gitpython()
    with _repository(wurzel, "„netzwerk verlauf“") as repo:
        praefix = _relativ(repo, wurzel)
        praefix = f"{praefix}/" if praefix else ""
        if not repo.head.is_valid():
            return []
        try:
            roh = repo.git(c="core.quotepath=off").log("--follow", "-M", "-z", _KOPF, "--name-status", "--", praefix + datei)
        except git.GitCommandError as e:
            text = _stderr(e)
            raise EinrichtungsFehler(f"Git-Verlauf nicht lesbar: {text}{_zusatz_hinweis(text)}") from None
        ergebnis = []
        for sha, autor, datum, betreff, eintraege in _log_mit_status(roh):
            art, pfad, alter = "M", praefix + datei, None
            for status, pfade in eintraege[:1]:
                art = status[0]
                if art in "RC" and len(pfade) >= 2:
                    alter, pfad = pfade[0], pfade[1]
                elif pfade:
                    pfad = pfade[0]
            inhalt = None
            if mit_inhalt and art != "D":
                try:
                    blob = repo.commit(sha).tree[pfad]
                    if blob.type == "blob" and blob.size <= hoechstens:
                        inhalt = blob.data_stream.read()
                except (KeyError, ValueError):
                    inhalt = None
            ergebnis.append(
                Aenderung(
                    sha,
                    autor,
                    datum,
                    betreff,
                    _ohne_praefix(pfad, praefix),
                    art,
                    _ohne_praefix(alter, praefix) if alter else None,
                    inhalt,
                )
            )
        return ergebnis


def geloeschte_dateien(wurzel: Path, muster: list[str]) -> list[str]:
    """Dateien, die in der Geschichte von HEAD gelöscht wurden und auf eines der Glob-Muster
    passen (relativ zur Datenwurzel, z. B. „empfehlungen/**/2023-001.yaml“); Pfade relativ zur
    Datenwurzel, zuletzt gelöschte zuerst."""
    git = _gitpython()
    with _repository(wurzel, "„netzwerk verlauf“") as repo:
        if not repo.head.is_valid():
            return []
        praefix = _relativ(repo, wurzel)
        praefix = f"{praefix}/" if praefix else ""
        try:
            roh = repo.git(c="core.quotepath=off").log(
                "-z", "--diff-filter=D", "--name-only", "--format=", "--", *(f":(glob){praefix}{m}" for m in muster)
            )
        except git.GitCommandError:
            return []
        gesehen: list[str] = []
        for zeile in roh.split("\0"):  # Pfade dürfen Zeilenumbrüche enthalten, NUL nie
            zeile = _ohne_praefix(zeile.lstrip("\n"), praefix)
            if zeile and zeile not in gesehen:
                gesehen.append(zeile)
        return gesehen


# --------------------------------------------------------------------------- Geschichte durchsuchen (person anonymisieren)


@dataclass(frozen=True)
class Fundcommit:
    """Ein Commit, dessen Änderungen oder Nachricht einen gesuchten Text enthalten."""

    commit: str
    datum: str  # ISO 8601 mit Zeitzone (Autordatum)
    autor: str
    betreff: str
    arten: tuple[str, ...]  # Begriffe (Schlüssel von `begriffe`), die der Commit hinzufügt oder entfernt
    in_nachricht: tuple[str, ...] = ()  # Begriffe, die in der Commit-Nachricht stehen


def commits_mit_text(wurzel: Path, begriffe: dict[str, str]) -> list[Fundcommit] | None:
    """Commits aller Zweige, Tags und des Stashs (`git log --all`), in deren Änderungen ein Begriff
    hinzukommt oder verschwindet (`-S`, genauer Text) oder deren Nachricht ihn enthält (`--grep`,
    ohne Groß-/Kleinschreibung). Das sind die Commits, die eine Bereinigung der Geschichte
    umschreiben müsste. Gesucht wird im ganzen Repository, nicht nur unter der Datenwurzel.

    `begriffe`: Art → Text, z. B. {"name": "…", "id": "…"}. Neueste zuerst. None, wenn `wurzel`
    in keinem Git-Repository liegt; [] ohne Commit. Ohne Git-Programm ein EinrichtungsFehler.
    Verändert nichts.
    """
    git = _gitpython()
    repo = _oeffne(Path(wurzel))
    if repo is None:
        return None
    try:
        if not repo.head.is_valid() and not repo.refs:
            return []
        format_ = "--format=%H%x00%aI%x00%an%x00%at%x00%s"  # mit -z: Commits durch NUL getrennt
        funde: dict[str, dict] = {}
        for art, text in begriffe.items():
            if not text or "\0" in text:
                continue
            for wie in ("inhalt", "nachricht"):
                argumente = ["--all", "-z", format_]
                argumente += [f"-S{text}"] if wie == "inhalt" else ["--fixed-strings", "--regexp-ignore-case", f"--grep={text}"]
                try:
                    roh = repo.git(c="core.quotepath=off").log(*argumente)
                except git.GitCommandError as e:
                    text_ = _stderr(e)
                    raise EinrichtungsFehler(f"Git-Geschichte nicht lesbar: {text_}{_zusatz_hinweis(text_)}") from None
                roh = roh[:-1] if roh.endswith("\0") else roh  # -z schließt jeden Commit mit NUL ab
                felder = roh.split("\0") if roh else []
                if len(felder) % 5 or not all(_SHA.fullmatch(f) for f in felder[0::5]):
                    raise EinrichtungsFehler("Git-Geschichte nicht lesbar: unerwartete Ausgabe von „git log“.")
                for n in range(0, len(felder), 5):
                    sha, datum, autor, zeit, betreff = felder[n : n + 5]
                    if sha not in funde:
                        zeitpunkt = int(zeit) if zeit.isdigit() else 0
                        funde[sha] = {"datum": datum, "autor": autor, "betreff": betreff, "inhalt": [], "nachricht": [], "zeit": zeitpunkt}
                    if art not in funde[sha][wie]:
                        funde[sha][wie].append(art)
        reihenfolge: dict[str, int] = {}
        if len(funde) > 1:  # neueste zuerst; Kinder vor Eltern auch bei gleicher Sekunde
            try:
                alle = repo.git.rev_list("--all", "--topo-order").split()
            except git.GitCommandError:
                alle = []
            reihenfolge = {sha: i for i, sha in enumerate(alle)}
        reihe = sorted(funde.items(), key=lambda e: (-e[1]["zeit"], reihenfolge.get(e[0], 0), e[0]))
        return [Fundcommit(sha, f["datum"], f["autor"], f["betreff"], tuple(f["inhalt"]), tuple(f["nachricht"])) for sha, f in reihe]
    finally:
        repo.close()


# --------------------------------------------------------------------------- Zeitstempel (export)


@dataclass(frozen=True)
class Zeitstempel:
    """Erstes und letztes Commit-Datum je Datei (für `created`/`modified` in Exporten)."""

    dateien: dict[str, tuple[str, str]]  # Pfad relativ zur Datenwurzel → (erstes, letztes) Commit-Datum (ISO 8601)
    head: str | None  # Commit-Datum von HEAD (None: kein Commit)
    geaendert: frozenset[str]  # Pfade, die im Arbeitsbaum oder Index von HEAD abweichen oder neu sind


def zeitstempel(wurzel: Path) -> Zeitstempel | None:
    """Ein einziger `git log` über die Datenwurzel (älteste Commits zuerst, Umbenennungen werden
    verfolgt) plus `git status`. None, wenn die Datenwurzel in keinem Git-Repository liegt.

    Datum ist das Committer-Datum (wann die Änderung in den Bestand kam), nicht das Autordatum."""
    git = _gitpython()
    repo = _oeffne(Path(wurzel))
    if repo is None:
        return None
    try:
        praefix = _relativ(repo, wurzel)
        praefix = f"{praefix}/" if praefix else ""
        if not repo.head.is_valid():
            return Zeitstempel({}, None, frozenset())
        try:
            roh = repo.git(c="core.quotepath=off").log(
                "--reverse", "-M", "--no-merges", "-z", "--format=%H%x00%an%x00%cI%x00%s%x00", "--name-status", "--", praefix or "."
            )
            status = repo.git(c="core.quotepath=off").status("--porcelain=v1", "-z", "--untracked-files=all", "--", praefix or ".")
            head = repo.head.commit.committed_datetime.isoformat()
        except git.GitCommandError as e:
            text = _stderr(e)
            raise EinrichtungsFehler(f"Git-Verlauf nicht lesbar: {text}{_zusatz_hinweis(text)}") from None
        zeiten: dict[str, tuple[str, str]] = {}
        for _sha, _autor, datum, _betreff, eintraege in _log_mit_status(roh):  # nur an NUL zerlegt
            for status_, pfade in eintraege:
                art = status_[0]
                if art in "RC" and len(pfade) >= 2:
                    alt, neu = _ohne_praefix(pfade[0], praefix), _ohne_praefix(pfade[1], praefix)
                    erstes = zeiten.pop(alt, (datum, datum))[0] if art == "R" else datum
                    zeiten[neu] = (erstes, datum)
                elif not pfade:
                    continue
                elif art == "D":
                    zeiten.pop(_ohne_praefix(pfade[0], praefix), None)
                else:
                    pfad = _ohne_praefix(pfade[0], praefix)
                    zeiten[pfad] = (zeiten.get(pfad, (datum, datum))[0], datum)
        geaendert = set()
        eintraege = status.split("\0")
        i = 0
        while i < len(eintraege):
            eintrag = eintraege[i]
            i += 1
            if len(eintrag) < 4:
                continue
            code, pfad = eintrag[:2], eintrag[3:]
            if "R" in code or "C" in code:
                i += 1  # der alte Name folgt als eigener Eintrag
            repo_rel = pfad
            if praefix and not repo_rel.startswith(praefix):
                continue
            geaendert.add(_ohne_praefix(repo_rel, praefix))
        return Zeitstempel(zeiten, head, frozenset(geaendert))
    finally:
        repo.close()
