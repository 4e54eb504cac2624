"""Der einzige Zugang zu Git (über GitPython): Repository und Commits.

Alle anderen Module fragen hier: Ist das ein Git-Repository? Wer ist die Nutzerin? Und sie lassen
hier committen (auch `git init` für `netzwerk init`). Die Geschichte lesen – was stand am
Basis-Commit, wie sah eine Datei in jedem Commit aus, welche Commits enthalten einen Text –
steht in `git_geschichte.py`, über die Grundlagen dieses Moduls (`_repository`, `_oeffne` …).
GitPython wird erst in den Funktionen importiert, damit `netzwerk --help` schnell bleibt
und Befehle ohne Git (z. B. `validate` ohne `--basis`) kein Git brauchen.

Fehler werden als deutsche Meldungen gemeldet: `EinrichtungsFehler` (Exit 2), wenn Git
oder das Repository fehlen oder ein Verweis nicht auflösbar ist; `Abgelehnt` (Exit 1),
wenn ein Commit im aktuellen Zustand des Repositorys nicht geht.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from netzwerk_cli.grundlagen.fehler import Abgelehnt, EinrichtungsFehler

_KEIN_GIT = (
    "Git wurde nicht gefunden. Bitte Git installieren (https://git-scm.com) "
    "oder den Pfad mit GIT_PYTHON_GIT_EXECUTABLE angeben."
)
FLACH_HINWEIS = (
    "Liegt ein flacher Klon vor (shallow clone), fehlt die Vorgeschichte: "
    "lokal „git fetch --unshallow“ (und ggf. „git fetch origin ZWEIG“) ausführen; "
    "in GitHub Actions bei actions/checkout „fetch-depth: 0“ setzen, "
    "in GitLab CI die Variable „GIT_DEPTH: 0“."
)


# --------------------------------------------------------------------------- Grundlagen


def _gitpython():
    """Das Modul `git` (GitPython); ohne Git-Programm ein EinrichtungsFehler."""
    try:
        import git
    except ImportError as e:  # GitPython meldet ein fehlendes Git-Programm beim Import
        raise EinrichtungsFehler(_KEIN_GIT) from e
    return git


def _ordner(pfad: Path) -> Path:
    """Der nächste vorhandene Ordner zu einem Pfad (Datei → ihr Ordner)."""
    ort = Path(pfad).absolute()
    while not ort.is_dir():
        if ort.parent == ort:
            break
        ort = ort.parent
    return ort


def _oeffne(pfad: Path):
    """Das Repository mit Arbeitsbaum, in dem `pfad` liegt, oder None."""
    git = _gitpython()
    try:
        repo = git.Repo(_ordner(pfad), search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    if repo.working_tree_dir is None:  # nacktes Repository
        repo.close()
        return None
    return repo


@contextmanager
def _repository(pfad: Path, zweck: str = "Dieser Befehl") -> Iterator:
    """Öffnet das Repository (oder meldet, dass es fehlt) und schließt es wieder."""
    repo = _oeffne(pfad)
    if repo is None:
        raise EinrichtungsFehler(
            f"{zweck} braucht ein Git-Repository, aber „{pfad}“ liegt in keinem "
            "(anlegen mit „git init“ oder „netzwerk init ORDNER“)."
        )
    try:
        yield repo
    finally:
        repo.close()


def _arbeitsbaum(repo) -> Path:
    return Path(os.path.realpath(repo.working_tree_dir))


def _relativ(repo, pfad: Path) -> str:
    """Pfad relativ zur Wurzel des Arbeitsbaums, mit „/“ ("" für die Wurzel selbst)."""
    absolut = Path(os.path.realpath(Path(pfad).absolute()))
    try:
        rel = absolut.relative_to(_arbeitsbaum(repo))
    except ValueError:
        raise Abgelehnt(f"„{pfad}“ liegt nicht im Git-Repository {repo.working_tree_dir}") from None
    return rel.as_posix() if rel.parts else ""


def _stderr(fehler) -> str:
    text = getattr(fehler, "stderr", "") or ""
    text = text.strip()
    if text.startswith("stderr:"):
        text = text[len("stderr:"):].strip()
    return text.strip("'\" \n")


def _zusatz_hinweis(text: str) -> str:
    if "dubious ownership" in text:
        return (
            " Git vertraut dem Ordner nicht (anderer Eigentümer); freigeben mit "
            "„git config --global --add safe.directory ORDNER“."
        )
    return ""


def ist_git_repo(pfad: Path) -> bool:
    """True, wenn `pfad` in einem Git-Arbeitsbaum liegt (False auch, wenn Git fehlt)."""
    try:
        repo = _oeffne(Path(pfad))
    except EinrichtungsFehler:
        return False
    if repo is None:
        return False
    repo.close()
    return True


def benutzername(pfad: Path) -> str | None:
    """Gits `user.name` für das Repository von `pfad` (None: kein Repository oder nicht gesetzt)."""
    try:
        repo = _oeffne(Path(pfad))
    except EinrichtungsFehler:
        return None
    if repo is None:
        return None
    git = _gitpython()
    try:
        name = repo.git.config("--get", "user.name").strip()
    except git.GitCommandError:
        return None
    finally:
        repo.close()
    return name or None


# --------------------------------------------------------------------------- Commit


def _laufender_vorgang(repo) -> str | None:
    """Name eines unterbrochenen Git-Vorgangs (Merge, Rebase, …) oder None."""
    git_dir = Path(repo.git_dir)
    pruefungen = (
        ("MERGE_HEAD", "ein Merge", "git merge --continue“ oder „git merge --abort"),
        ("rebase-merge", "ein Rebase", "git rebase --continue“ oder „git rebase --abort"),
        ("rebase-apply", "ein Rebase (oder „git am“)", "git rebase --continue“ oder „git rebase --abort"),
        ("CHERRY_PICK_HEAD", "ein Cherry-Pick", "git cherry-pick --continue“ oder „git cherry-pick --abort"),
        ("REVERT_HEAD", "ein Revert", "git revert --continue“ oder „git revert --abort"),
    )
    for name, was, loesung in pruefungen:
        if (git_dir / name).exists():
            return f"{was} ist nicht abgeschlossen; erst „{loesung}“ ausführen"
    return None


def commit_vorpruefen(wurzel: Path) -> None:
    """Lehnt ab, wenn jetzt kein Commit möglich wäre (kein Repository, Merge/Rebase/Cherry-Pick/
    Revert läuft, index.lock, losgelöster HEAD, Git kennt Namen oder E-Mail nicht) – vor dem Schreiben aufrufen, damit nichts
    geschrieben wird, was dann nicht committet werden kann."""
    repo = _oeffne(Path(wurzel))
    if repo is None:
        raise Abgelehnt(f"--commit: „{wurzel}“ ist kein Git-Repository; nichts geschrieben")
    try:
        _zustand_pruefen(repo)
        _identitaet_pruefen(repo)
    finally:
        repo.close()


def _identitaet_pruefen(repo) -> None:
    """Kennt Git Autorin und Committerin (wie `git commit` sie bestimmt: Konfiguration, Umgebung)?
    `git var` scheitert genau dann, wenn der Commit an der Identität scheitern würde."""
    git = _gitpython()
    for was in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"):
        try:
            repo.git.var(was)
        except git.GitCommandError as e:
            if _commit_fehler(e) == _IDENTITAET_FEHLT:
                raise Abgelehnt(f"--commit: {_IDENTITAET_FEHLT} Nichts geschrieben.") from None
            return  # anderer Grund: der Commit selbst meldet ihn


def _zustand_pruefen(repo) -> None:
    vorgang = _laufender_vorgang(repo)
    if vorgang:
        raise Abgelehnt(f"Commit nicht möglich: {vorgang}.")
    if (Path(repo.git_dir) / "index.lock").exists():
        raise Abgelehnt(
            "Commit nicht möglich: „.git/index.lock“ existiert – ein anderer Git-Vorgang läuft "
            "gerade oder ist abgestürzt. Läuft sicher keiner mehr, die Datei löschen und erneut versuchen."
        )
    if repo.head.is_detached:
        raise Abgelehnt(
            "Commit nicht möglich: HEAD ist losgelöst (detached HEAD), kein Zweig ausgecheckt. "
            "Erst einen Zweig auschecken, z. B. „git switch main“ oder „git switch -c NEUER-ZWEIG“."
        )


def commit_dateien(wurzel: Path, dateien: list[Path], nachricht: str) -> str:
    """Committet genau diese Dateien (wie `git commit --only -- PFADE`) und gibt den Hash zurück.

    `dateien`: absolute Pfade (oder relativ zum Arbeitsordner) innerhalb des Repositorys von
    `wurzel`. Was sonst im Index vorgemerkt ist, bleibt vorgemerkt und wird nicht mitcommittet. Neue,
    noch nicht verfolgte Dateien werden dafür zuerst vorgemerkt. Lehnt ab (Abgelehnt), wenn
    kein Repository vorliegt, ein Merge/Rebase/Cherry-Pick läuft, HEAD losgelöst ist oder
    `index.lock` existiert. Git-Hooks (z. B. pre-commit) laufen wie bei jedem Commit. Scheitert
    der Commit, sind die dafür neu vorgemerkten Dateien wieder aus dem Index genommen.
    """
    git = _gitpython()
    repo = _oeffne(Path(wurzel))
    if repo is None:
        raise Abgelehnt(
            f"„{wurzel}“ ist kein Git-Repository; ohne Git kann nicht committet werden "
            "(Änderung ohne --commit speichern oder mit „git init“ ein Repository anlegen)."
        )
    try:
        if not dateien:
            raise Abgelehnt("Keine Dateien zum Committen angegeben.")
        _zustand_pruefen(repo)
        pfade = [_relativ(repo, d) for d in dateien]
        if "" in pfade:
            raise Abgelehnt("Es können nur einzelne Dateien committet werden, nicht die Wurzel des Repositorys.")
        verfolgt = set(repo.git.ls_files("-z", "--", *pfade).split("\0")) - {""}
        neu = [p for p in pfade if p not in verfolgt]
        try:
            if neu:
                repo.git.add("--", *neu)
            repo.git.commit("--only", "-m", nachricht, "--", *pfade)
        except git.GitCommandError as e:
            if neu:
                _vormerkung_zuruecknehmen(repo, neu)
            raise Abgelehnt(_commit_fehler(e)) from None
        return repo.head.commit.hexsha
    finally:
        repo.close()


def _vormerkung_zuruecknehmen(repo, neu: list[str]) -> None:
    """Nach einem gescheiterten Commit: die eben erst vorgemerkten, vorher unverfolgten Dateien
    wieder aus dem Index nehmen (die Dateien selbst bleiben). Anderes Vorgemerktes bleibt."""
    git = _gitpython()
    try:
        repo.git.rm("--cached", "-f", "-q", "--", *neu)
    except git.GitCommandError:  # pragma: no cover - dann bleibt es vorgemerkt, wie bisher
        pass


_IDENTITAET_FEHLT = (
    "Git kennt Ihren Namen nicht. Einmalig einrichten: "
    "„git config --global user.name \"Vorname Nachname\"“ und "
    "„git config --global user.email \"name@example.org\"“ "
    "(nur für dieses Repository: dieselben Befehle ohne --global)."
)


def _commit_fehler(e) -> str:
    text = _stderr(e) or str(getattr(e, "stdout", "") or "").strip()
    if "Please tell me who you are" in text or "empty ident" in text or "unable to auto-detect email" in text:
        return _IDENTITAET_FEHLT
    if "index.lock" in text:
        return "Commit nicht möglich: „.git/index.lock“ existiert – ein anderer Git-Vorgang läuft gerade."
    if "nothing to commit" in text or "no changes added" in text or "nothing added" in text:
        return "Nichts zu committen: die Dateien sind gegenüber dem letzten Commit unverändert."
    if not text:
        status = getattr(e, "status", None)
        return f"Git-Commit fehlgeschlagen (Exit-Code {status}); vermutlich hat ein Git-Hook den Commit abgelehnt, ohne einen Grund auszugeben."
    return f"Git-Commit fehlgeschlagen: {text}{_zusatz_hinweis(text)}"


def unveraendert_seit_head(wurzel: Path, datei: Path) -> bool:
    """True, wenn die Datei in HEAD steht und weder im Index noch im Arbeitsbaum geändert ist.

    False für neue (nicht verfolgte oder nur vorgemerkte) Dateien, für Repositorys ohne Commit
    und außerhalb eines Repositorys.
    """
    git = _gitpython()
    repo = _oeffne(Path(wurzel))
    if repo is None:
        return False
    try:
        try:
            rel = _relativ(repo, datei)
        except Abgelehnt:
            return False
        if not rel or not repo.head.is_valid():
            return False
        try:
            repo.head.commit.tree[rel]
        except KeyError:
            return False
        try:
            ausgabe = repo.git.status("--porcelain=v1", "-z", "--untracked-files=all", "--", rel)
        except git.GitCommandError:
            return False
        return ausgabe.strip("\0") == ""
    finally:
        repo.close()


def nicht_committet(wurzel: Path) -> list[str]:
    """Dateien unter `wurzel`, die im Index oder Arbeitsbaum von HEAD abweichen (geändert, neu,
    gelöscht, auch nur vorgemerkt), relativ zu `wurzel` mit „/“. Leer außerhalb eines Repositorys."""
    git = _gitpython()
    repo = _oeffne(Path(wurzel))
    if repo is None:
        return []
    try:
        praefix = _relativ(repo, wurzel)
        praefix = f"{praefix}/" if praefix else ""
        try:
            ausgabe = repo.git.status("--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", praefix or ".")
        except git.GitCommandError:
            return []
        dateien = []
        for eintrag in ausgabe.split("\0"):
            if len(eintrag) > 3 and eintrag[3:].startswith(praefix):
                dateien.append(eintrag[3 + len(praefix):])
        return sorted(set(dateien))
    finally:
        repo.close()


def inhalt_am_head(wurzel: Path, datei: str) -> bytes | None:
    """Inhalt einer Datei (relativ zu `wurzel`) im Commit HEAD; None, wenn es sie dort nicht gibt."""
    repo = _oeffne(Path(wurzel))
    if repo is None:
        return None
    try:
        praefix = _relativ(repo, wurzel)
        rel = f"{praefix}/{datei}" if praefix else datei
        if not repo.head.is_valid():
            return None
        try:
            eintrag = repo.head.commit.tree[rel]
        except KeyError:
            return None
        if eintrag.type != "blob":
            return None
        return eintrag.data_stream.read()
    finally:
        repo.close()


# --------------------------------------------------------------------------- Anlegen (netzwerk init)


def init(ordner: Path, zweig: str = "main") -> None:
    """`git init` mit dem Zweig `zweig`."""
    git = _gitpython()
    try:
        repo = git.Repo.init(ordner, mkdir=True, initial_branch=zweig)
    except git.GitCommandError as e:
        text = _stderr(e)
        raise EinrichtungsFehler(f"„git init“ in „{ordner}“ fehlgeschlagen: {text}") from None
    repo.close()


def alles_committen(wurzel: Path, nachricht: str) -> str | None:
    """Merkt alle Dateien vor und committet sie; gibt den Hash zurück.

    Kennt Git die Identität nicht, bleibt alles vorgemerkt und es wird None zurückgegeben.
    """
    git = _gitpython()
    with _repository(wurzel) as repo:
        try:
            repo.git.add("-A")
            repo.git.commit("--no-verify", "-m", nachricht)
        except git.GitCommandError as e:
            meldung = _commit_fehler(e)
            if meldung.startswith("Git kennt Ihren Namen nicht"):
                return None
            raise EinrichtungsFehler(meldung) from None
        return repo.head.commit.hexsha


# --------------------------------------------------------------------------- Index (Zwischenspeicher)

# Umgebungsvariablen, die Git auf einen anderen Index oder Arbeitsbaum lenken: dann kein Index-Weg.
_UMLENKUNG = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR")
# Einstellungen, mit denen Git eine Änderung übersehen könnte (oder einen Befehl ausführen würde),
# für diese Aufrufe ausdrücklich zurückgesetzt; die Kommandozeile geht jeder Konfigurationsdatei vor.
_STRENG = (
    "-c", "core.fsmonitor=false", "-c", "core.trustctime=true", "-c", "core.checkStat=default",
    "-c", "core.ignoreStat=false", "--no-optional-locks",
)
_NUR_GEWOEHNLICH = (b"100644", b"100755")
_UMWANDLUNG = ("ident", "filter", "working-tree-encoding")  # Attribute, die Bytes anders als im Blob schreiben
# Ein Eintrag von `git ls-files -s -v -z --debug`: „H 100644 <blob> 0<TAB><pfad>\0“, dann die
# gespeicherten stat-Werte des Index (Sekunden:Nanosekunden; ino und size auf 32 Bit gekürzt).
_DEBUG_EINTRAG = re.compile(
    rb"([^\0]*)\0  ctime: (\d+):(\d+)\n  mtime: (\d+):(\d+)\n  dev: \d+\tino: (\d+)\n"
    rb"  uid: \d+\tgid: \d+\n  size: (\d+)\tflags: [0-9a-f]+\n"
)


def _git_aufruf(cwd: Path, *argumente: str, eingabe: bytes | None = None) -> bytes | None:
    """Ein Git-Befehl ohne Shell und ohne GitPython (schnell, Bytes); None bei jedem Fehler."""
    import subprocess

    programm = os.environ.get("GIT_PYTHON_GIT_EXECUTABLE") or "git"
    try:
        lauf = subprocess.run(
            [programm, *_STRENG, *argumente], cwd=cwd, input=eingabe, capture_output=True, check=False,
            stdin=None if eingabe is not None else subprocess.DEVNULL,
        )
    except (OSError, ValueError):
        return None
    return lauf.stdout if lauf.returncode == 0 else None


def _fremd_beschreibbar(pfad: str) -> bool:
    """Kann ein anderer Benutzer die Datei oder ihren Ordner ersetzen? (Dann dem Index nicht trauen.)"""
    import stat as _stat

    if os.name != "posix":  # pragma: no cover - Windows
        return False
    try:
        datei, ordner = os.lstat(pfad), os.stat(os.path.dirname(pfad) or ".")
    except OSError:
        return True
    for info in (datei, ordner):
        if info.st_uid != os.geteuid():
            return True
        if info.st_mode & 0o022 and not (info is ordner and info.st_mode & _stat.S_ISVTX):
            return True
    return not _stat.S_ISREG(datei.st_mode)


def unveraenderte_blobs(wurzel: Path) -> dict[str, tuple[str, tuple]] | None:
    """Für den Zwischenspeicher: die Dateien unter `wurzel` (relativ, mit „/“), deren Inhalt im
    Arbeitsbaum laut Git genau der Blob im Index ist: je Datei (Blob-id hex, stat im Index). Der
    stat im Index ist (Größe mod 2³², mtime in ns, Inode mod 2³², ctime in ns); der Aufrufer
    vergleicht ihn mit dem eigenen `lstat` auf die Nanosekunde (Git selbst vergleicht je nach
    Übersetzung nur Sekunden). Nur Einträge, deren mtime und ctime vor dem Schreiben des Index
    liegen (sonst „racy“). None ohne Git, ohne Repository, bei einem Fehler von Git oder einem
    Index, den andere beschreiben könnten.

    Gefragt wird einmal `git ls-files -s -v --debug` (Blob-ids, Markierungen, stat) und `git diff-files`
    (Arbeitsbaum ≠ Index; Git vergleicht stat und prüft „racy“ Einträge am Inhalt). Ausgelassen
    werden: Einträge mit Konfliktstufe, „assume-unchanged“ oder „skip-worktree“ (dort sieht Git
    nicht hin), alles außer gewöhnlichen Dateien (Verknüpfungen, Submodule) und Dateien, für die
    ein Attribut `ident`, `filter` oder `working-tree-encoding` gilt (Git schreibt dann andere Bytes,
    als der Blob enthält). Zeilenende-Umwandlungen erkennt der Speicher an der Größe. Alle
    Ausgaben sind NUL-getrennt; Dateinamen dürfen alles enthalten außer NUL."""
    if any(os.environ.get(name) for name in _UMLENKUNG):
        return None
    cwd = Path(wurzel)
    kopf = _git_aufruf(cwd, "rev-parse", "--is-inside-work-tree", "--show-toplevel", "--show-prefix", "--git-path", "index")
    zeilen = kopf.split(b"\n") if kopf is not None else []
    if len(zeilen) != 5 or zeilen[0] != b"true" or zeilen[4]:  # ein Zeilenumbruch im Pfad: lieber lesen
        return None
    oben, praefix, index = os.fsdecode(zeilen[1]), zeilen[2], os.fsdecode(zeilen[3])
    indexpfad = os.path.join(cwd, index)
    if _fremd_beschreibbar(indexpfad):
        return None
    try:
        index_zeit = os.stat(indexpfad).st_mtime_ns
    except OSError:
        return None
    liste = _git_aufruf(cwd, "ls-files", "-s", "-v", "-z", "--debug", "--full-name", "--", ".")
    geaendert = _git_aufruf(cwd, "diff-files", "--name-only", "--no-renames", "-z")  # ganzes Repository
    if liste is None or geaendert is None:
        return None
    abweichend = set(geaendert.split(b"\0"))
    if any(p == b".gitattributes" or p.endswith(b"/.gitattributes") for p in abweichend):
        return None  # Attribute im Arbeitsbaum anders als im Index: nichts versprechen
    kandidaten: dict[bytes, tuple[str, tuple]] = {}
    ende = 0
    for m in _DEBUG_EINTRAG.finditer(liste):
        if m.start() != ende:  # unerwartetes Format: lieber nichts versprechen
            return None
        ende = m.end()
        # „H 100644 <blob> 0\t<pfad>“: Markierung, Modus, Blob, Stufe, Tab, Pfad (Pfad kann alles enthalten)
        kopfteil, tab, pfad = m.group(1).partition(b"\t")
        teile = kopfteil.split(b" ")
        if not tab or len(teile) != 4 or teile[0] != b"H" or teile[1] not in _NUR_GEWOEHNLICH or teile[3] != b"0":
            continue
        if pfad in abweichend or len(teile[2]) != 40:
            continue
        ctime = int(m.group(2)) * 1_000_000_000 + int(m.group(3))
        mtime = int(m.group(4)) * 1_000_000_000 + int(m.group(5))
        if max(ctime, mtime) >= index_zeit:  # „racy“: geändert, als der Index geschrieben wurde
            continue
        kandidaten[pfad] = (teile[2].decode("ascii", "replace"), (int(m.group(7)), mtime, int(m.group(6)), ctime))
    if ende != len(liste):
        return None
    if not kandidaten:
        return {}
    eingabe = b"\0".join(kandidaten) + b"\0"
    for quelle in ((), ("--cached",)):  # Attribute aus dem Arbeitsbaum und aus dem Index
        attribute = _git_aufruf(Path(oben), "check-attr", *quelle, "-z", "--stdin", *_UMWANDLUNG, eingabe=eingabe)
        if attribute is None:
            return None
        felder = attribute.split(b"\0")
        for i in range(0, len(felder) - 2, 3):
            if felder[i + 2] not in (b"unspecified", b"unset"):
                kandidaten.pop(felder[i], None)
    ergebnis: dict[str, tuple[str, tuple]] = {}
    for pfad, blob in kandidaten.items():
        if pfad.startswith(praefix):
            ergebnis[os.fsdecode(pfad[len(praefix):])] = blob
    return ergebnis
