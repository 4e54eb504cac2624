"""Dateien von Datensätzen lesen und schreiben – jede Datei-Ein-/Ausgabe des Datenrepositorys hier.

Lesen: eine Öffnungsprüfung für den kalten Weg und den Zwischenspeicher (`oeffne_datensatz`:
Größe, Verknüpfungen, gewöhnliche Datei, ohne zu blockieren), dann `quellen.yamltext`.
Schreiben: atomar (temporäre Datei im selben Ordner, fsync, rename), nur innerhalb der Wurzel,
nie über Verknüpfungen, unter einer Ordnersperre und nur, wenn die Datei seit dem Planen
unverändert ist (`ersetze_wenn_unveraendert`, `ersetze_alle_wenn_unveraendert`).

Länger als 400 Zeilen, weil Lesen und Schreiben dieselben Regeln für Wurzel und Verknüpfungen teilen.
"""

from __future__ import annotations

import os
import secrets
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType

from netzwerk_cli.quellen import yamltext
from netzwerk_cli.quellen.yamltext import MAX_DATEIGROESSE, Dokument, Problem

# --------------------------------------------------------------------------- Lesen


def lies_datei(pfad: Path, wurzel: Path) -> tuple[str | None, list[Problem]]:
    """Liest eine Datensatzdatei als Text; prüft Links, Größe und Kodierung."""
    roh, probleme = lies_roh(pfad, wurzel)
    if roh is None:
        return None, probleme
    return yamltext.dekodiere(roh)


def lies_roh(pfad: Path | str, wurzel: Path) -> tuple[bytes | None, list[Problem]]:
    """Die Bytes einer Datensatzdatei; prüft Links und Größe (liest nie mehr als die Höchstgröße)."""
    roh, probleme, _ = lies_roh_mit_merkmalen(pfad, wurzel)
    return roh, probleme


MERKMALE = ("st_size", "st_mtime_ns", "st_ino", "st_ctime_ns", "st_dev")  # Identität einer Datei (Zwischenspeicher)


def merkmale(info: os.stat_result) -> tuple:
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns, info.st_dev)


def oeffne_datensatz(pfad: Path | str, wurzel: Path) -> tuple[int | None, list[Problem]]:
    """Die EINE Stelle, die entscheidet, ob und wie eine Datensatzdatei geöffnet wird – für den
    kalten Weg (`lies_roh`) wie für den Zwischenspeicher (`zwischenspeicher.abgleichen`).

    Eine Verknüpfung wird nur gelesen, wenn ihr Ziel eine gewöhnliche Datei innerhalb der Wurzel
    ist; geöffnet wird dann das aufgelöste Ziel. Geöffnet wird ohne der letzten Verknüpfung zu
    folgen (O_NOFOLLOW) und ohne zu blockieren (O_NONBLOCK: eine FIFO oder ein Gerät unter dem
    Namen einer .yaml-Datei hält nichts an); danach muss es eine gewöhnliche Datei von höchstens
    MAX_DATEIGROESSE sein. Liefert (offener Dateideskriptor, []) oder (None, Probleme)."""
    try:
        if os.path.islink(pfad):
            pfad = Path(pfad)
            try:
                ziel = pfad.resolve(strict=True)
            except FileNotFoundError:
                return None, [Problem("datei-ungueltig", "Verknüpfung zeigt ins Leere (Ziel fehlt)")]
            except (OSError, RuntimeError):  # ELOOP (ab 3.13) bzw. RuntimeError („Symlink loop“)
                return None, [Problem("datei-ungueltig", "Verknüpfungsschleife: die Verknüpfung zeigt (über Umwege) auf sich selbst")]
            if not ziel.is_relative_to(wurzel.resolve()):
                return None, [Problem("datei-ungueltig", "Verknüpfung zeigt aus dem Datenrepository hinaus")]
            if not ziel.is_file():
                return None, [Problem("datei-ungueltig", "Verknüpfung zeigt nicht auf eine Datei")]
            pfad = ziel
        fd = os.open(pfad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        return None, [Problem("datei-ungueltig", f"Datei nicht lesbar: {e.strerror or e}")]
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            problem = Problem("datei-ungueltig", "keine gewöhnliche Datei (Gerät, FIFO oder Socket)")
        elif info.st_size > MAX_DATEIGROESSE:
            problem = _zu_gross(info.st_size)
        else:
            return fd, []
    except OSError as e:
        problem = Problem("datei-ungueltig", f"Datei nicht lesbar: {e.strerror or e}")
    os.close(fd)
    return None, [problem]


def lies_roh_mit_merkmalen(pfad: Path | str, wurzel: Path) -> tuple[bytes | None, list[Problem], tuple | None]:
    """Wie `lies_roh`, dazu die Merkmale (`MERKMALE`) der gelesenen Datei, festgestellt nach dem
    Lesen am offenen Deskriptor – sie gehören also zu genau diesen Bytes."""
    fd, probleme = oeffne_datensatz(pfad, wurzel)
    if fd is None:
        return None, probleme, None
    try:
        with open(fd, "rb", closefd=True) as f:
            roh = f.read(MAX_DATEIGROESSE + 1)
            info = os.fstat(fd)
    except OSError as e:
        return None, [Problem("datei-ungueltig", f"Datei nicht lesbar: {e.strerror or e}")], None
    if len(roh) > MAX_DATEIGROESSE:  # während des Lesens gewachsen
        return None, [_zu_gross(len(roh))], None
    return roh, [], merkmale(info)


def _zu_gross(groesse: int) -> Problem:
    return Problem(
        "datei-ungueltig",
        f"Datei zu groß ({groesse / 1024 / 1024:.1f} MiB; höchstens {MAX_DATEIGROESSE // 1024 // 1024} MiB je Datensatz)",
    )


def lies_mit_positionen(pfad: Path, wurzel: Path) -> Dokument | None:
    """Liest eine Datei erneut, diesmal mit Positionen (nur für Dateien, zu denen es Befunde gibt)."""
    text, _ = lies_datei(pfad, wurzel)
    if text is None:
        return None
    dok, _ = yamltext.lade_text(text)
    return dok


# --------------------------------------------------------------------------- Schreiben

# Jeder Schreibweg geht über `_ordner_sperre`: Sie prüft, dass der Zielordner innerhalb der
# Wurzel liegt und kein Teil des Wegs von der Wurzel dorthin eine Verknüpfung ist, öffnet ihn
# mit O_NOFOLLOW, sperrt ihn und prüft unter der Sperre und direkt vor dem Umbenennen erneut,
# dass unter dem Pfad noch genau dieser Ordner liegt. Die Zieldatei selbst wird nie gefolgt:
# gelesen wird sie mit O_NOFOLLOW relativ zum geöffneten Ordner, ersetzt per rename (das
# eine Verknüpfung ersetzt, nicht ihr Ziel). So schreibt kein Befehl aus dem Repository hinaus,
# auch wenn ein Ordner eine Verknüpfung ist oder zwischen Planen und Schreiben getauscht wird.

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _abgelehnt(meldung: str):
    from netzwerk_cli.grundlagen.fehler import Abgelehnt

    return Abgelehnt(meldung)


def _ordner_im_repository(wurzel: Path | None, ordner: Path, anlegen: bool = False, fehlend_ok: bool = False) -> tuple[int, int] | None:
    """Prüft den Weg von `wurzel` zu `ordner`, Teil für Teil ohne Verknüpfungen zu folgen;
    legt fehlende Ordner an (`anlegen`). Liefert (st_dev, st_ino) des Ordners; None, wenn er
    fehlt und `fehlend_ok` gilt. Lehnt ab (Exit 1), wenn `ordner` außerhalb der Wurzel liegt
    oder ein Teil des Wegs eine Verknüpfung oder kein Ordner ist. Ohne `wurzel` (Schreiben
    außerhalb eines Datenrepositorys, z. B. der Zwischenspeicher) gilt der Ordner selbst als Grenze."""
    if wurzel is None:
        if anlegen:
            Path(ordner).mkdir(parents=True, exist_ok=True)
        st = os.stat(ordner)
        return st.st_dev, st.st_ino
    wurzel = Path(os.path.abspath(wurzel))
    ordner = Path(os.path.abspath(ordner))  # löst „..“ auf, ohne Verknüpfungen zu folgen
    try:
        rel = ordner.relative_to(wurzel)
    except ValueError:
        raise _abgelehnt(f"„{ordner}“ liegt außerhalb des Datenrepositorys „{wurzel}“; nichts geschrieben") from None
    st = os.stat(wurzel)
    ort = wurzel
    teile = rel.parts
    for i, teil in enumerate(teile):
        ort = ort / teil
        if anlegen and i == len(teile) - 1:
            try:  # wie Path.mkdir(exist_ok=True): mkdir folgt keiner Verknüpfung am Ende
                os.mkdir(ort)
            except FileExistsError:
                pass
        try:
            st = os.lstat(ort)
        except FileNotFoundError:
            if fehlend_ok:
                return None
            if not anlegen:
                raise _abgelehnt(f"Ordner „{ort.relative_to(wurzel).as_posix()}“ fehlt; nichts geschrieben") from None
            try:
                os.mkdir(ort)
            except FileExistsError:
                pass
            st = os.lstat(ort)
        if stat.S_ISLNK(st.st_mode):
            raise _abgelehnt(
                f"„{ort.relative_to(wurzel).as_posix()}“ ist eine Verknüpfung; Befehle schreiben nie über "
                "Verknüpfungen (sie könnten aus dem Datenrepository hinaus zeigen) – nichts geschrieben"
            )
        if not stat.S_ISDIR(st.st_mode):
            raise _abgelehnt(f"„{ort.relative_to(wurzel).as_posix()}“ ist kein Ordner; nichts geschrieben")
    return st.st_dev, st.st_ino


def pruefe_schreibziel(wurzel: Path, pfad: Path) -> None:
    """Vorab (ohne etwas anzulegen): liegt `pfad` innerhalb von `wurzel`, ohne Verknüpfung auf dem
    Weg und ohne Verknüpfung als Datei? Für Befehle, die mehrere Dateien schreiben, bevor sie anfangen."""
    pfad = Path(pfad)
    _ordner_im_repository(wurzel, pfad.parent, fehlend_ok=True)
    if os.path.islink(pfad):
        raise _verknuepfte_datei(pfad)


def _verknuepfte_datei(pfad: Path):
    return _abgelehnt(f"„{Path(pfad).name}“ ist eine Verknüpfung; Befehle schreiben nie über Verknüpfungen – nichts geschrieben")


def schreibe_atomar(pfad: Path, text: str, wurzel: Path | None = None) -> None:
    """Schreibt Text atomar: temporäre Datei im selben Ordner, fsync, rename.

    Die temporäre Datei beginnt mit einem Punkt und wird von `validate` nie gelesen. Mit
    `wurzel` (dem Datenrepository) wird nur innerhalb der Wurzel und nie über Verknüpfungen
    geschrieben (siehe `_ordner_sperre`).
    """
    schreibe_bytes_atomar(Path(pfad), text.encode("utf-8"), wurzel=wurzel)


def schreibe_bytes_atomar(pfad: Path, daten: bytes, sichern: bool = True, wurzel: Path | None = None) -> None:
    """Atomar schreiben. `sichern=False` (nur für Zwischenspeicher): ohne fsync – nach einem
    Absturz ist die Datei alt, neu oder leer, nie halb; ein Zwischenspeicher erkennt „leer“."""
    pfad = Path(pfad)
    with _ordner_sperre(pfad.parent, wurzel, sperren=False) as ort:
        ort.schreiben(pfad, daten, sichern)


def schreibe_in_ordner_atomar(ordner: Path, inhalte: Iterable[tuple[str, bytes]], sichern: bool = True) -> None:
    """Mehrere Dateien (Name, Bytes) in einem Ordner atomar schreiben, in dieser Reihenfolge
    (`inhalte` darf ein Generator sein: dann liegt immer nur eine Datei im Speicher) –
    wie `schreibe_bytes_atomar(ordner / name, …, wurzel=ordner)` je Datei, aber mit einmal
    geprüftem und geöffnetem Ordner (für den Zwischenspeicher: bis zu Hunderte Teile je Lauf).
    Angelegt und umbenannt wird relativ zum geöffneten Ordner (`schreiben_relativ`), also immer
    genau in ihm, auch wenn sein Pfad inzwischen anderswohin zeigte. Neue Dateien: Modus 0600."""
    ordner = Path(ordner)
    with _ordner_sperre(ordner, ordner, sperren=False) as ort:
        relativ = ort.fd is not None and os.open in os.supports_dir_fd and os.rename in os.supports_dir_fd
        for name, daten in inhalte:
            if relativ:
                ort.schreiben_relativ(name, daten, sichern)
            else:  # pragma: no cover - ohne openat/renameat (nicht unter Linux)
                ort.schreiben(ordner / name, daten, sichern)


def _unveraendert_pruefen(ort: _ordner_sperre, pfad: Path, erwartet: bytes, sonst: str) -> None:
    """Innerhalb der Ordnersperre: enthält die Datei noch genau `erwartet`? Gelesen ohne der
    Datei zu folgen, falls sie eine Verknüpfung ist."""
    try:
        jetzt = ort.lies(pfad.name, len(erwartet) + 1)
    except OSError:  # O_NOFOLLOW: die Datei ist eine Verknüpfung (ELOOP) oder nicht lesbar
        if os.path.islink(pfad):
            raise _verknuepfte_datei(pfad) from None
        jetzt = None
    if jetzt != erwartet:
        raise _abgelehnt(f"„{pfad.name}“ wurde inzwischen von einem anderen Vorgang geändert; {sonst} – bitte erneut ausführen")


def ersetze_wenn_unveraendert(pfad: Path, erwartet: bytes, text: str, wurzel: Path | None = None) -> None:
    """Schreibt `text` atomar, aber nur, wenn die Datei noch genau `erwartet` enthält.

    Ein exklusives Lock auf den Ordner (fcntl.flock, vom Kernel beim Prozessende gelöst)
    umschließt Prüfen und Umbenennen; so gewinnt von zwei gleichzeitigen Schreibvorgängen
    genau einer, der andere wird abgelehnt.
    """
    pfad = Path(pfad)
    with _ordner_sperre(pfad.parent, wurzel) as ort:
        _unveraendert_pruefen(ort, pfad, erwartet, "nichts geschrieben")
        ort.schreiben(pfad, text.encode("utf-8"))


def ersetze_alle_wenn_unveraendert(aenderungen: list[tuple[Path, bytes | None, bytes | None]], wurzel: Path | None = None) -> None:
    """Mehrere Dateien ganz oder gar nicht: je (pfad, erwartet, neu) – `erwartet` None: die Datei
    darf es noch nicht geben; `neu` None: die Datei wird gelöscht.

    Jedes Ziel wird vorab geprüft (innerhalb von `wurzel`, ohne Verknüpfungen); dann werden alle
    betroffenen Ordner gesperrt (in fester Reihenfolge, neue Unterordner dabei angelegt), geprüft,
    dass jede Datei noch genau `erwartet` enthält, und erst danach geschrieben (jede Datei atomar).
    Scheitert ein Schreibschritt, bekommen die schon geschriebenen Dateien ihren alten Inhalt zurück.
    """
    import contextlib

    eintraege = [(Path(p), alt, neu) for p, alt, neu in aenderungen]
    if wurzel is not None:
        for pfad, _, _ in eintraege:
            pruefe_schreibziel(wurzel, pfad)
    with contextlib.ExitStack() as stapel:
        orte = {}
        for ordner in sorted({pfad.parent for pfad, _, _ in eintraege}):
            orte[ordner] = stapel.enter_context(_ordner_sperre(ordner, wurzel, anlegen=True))
        for pfad, alt, _ in eintraege:
            ort = orte[pfad.parent]
            if alt is None:
                if ort.gibt_es(pfad.name):
                    raise _abgelehnt(f"„{pfad.name}“ gibt es schon (inzwischen von einem anderen Vorgang angelegt); nichts geschrieben – bitte erneut ausführen")
            else:
                _unveraendert_pruefen(ort, pfad, alt, "nichts geschrieben")
        erledigt: list[tuple[Path, bytes | None]] = []
        try:
            for pfad, alt, neu in eintraege:
                ort = orte[pfad.parent]
                if neu is None:
                    ort.nachpruefen()
                    os.unlink(pfad)  # unlink folgt keiner Verknüpfung am Ende
                    _ordner_sichern(pfad.parent)
                else:
                    ort.schreiben(pfad, neu)
                erledigt.append((pfad, alt))
        except BaseException:
            for pfad, alt in reversed(erledigt):
                try:
                    if alt is None:
                        os.unlink(pfad)
                    else:
                        orte[pfad.parent].schreiben(pfad, alt)
                except (OSError, Exception):  # pragma: no cover - bestmöglich
                    pass
            raise


def loesche_wenn_unveraendert(pfad: Path, erwartet: bytes, wurzel: Path | None = None) -> None:
    """Löscht eine Datei, aber nur, wenn sie noch genau `erwartet` enthält (unter der Ordnersperre)."""
    pfad = Path(pfad)
    with _ordner_sperre(pfad.parent, wurzel) as ort:
        _unveraendert_pruefen(ort, pfad, erwartet, "nicht gelöscht")
        ort.nachpruefen()
        os.unlink(pfad)  # unlink folgt keiner Verknüpfung am Ende
    _ordner_sichern(pfad.parent)


def _ordner_sichern(ordner: Path) -> None:
    try:
        dfd = os.open(ordner, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:  # pragma: no cover - nicht jedes Dateisystem erlaubt fsync auf Ordnern
        pass


def erstelle_neu(pfad: Path, text: str, wurzel: Path | None = None) -> None:
    """Legt eine Datei atomar an; gibt es sie schon, wird abgelehnt (kein Überschreiben)."""
    pfad = Path(pfad)
    with _ordner_sperre(pfad.parent, wurzel, anlegen=True) as ort:
        if ort.gibt_es(pfad.name):
            if os.path.islink(pfad):
                raise _verknuepfte_datei(pfad)
            raise _abgelehnt(f"„{pfad}“ gibt es schon; nichts geschrieben")
        ort.schreiben(pfad, text.encode("utf-8"))


class _ordner_sperre:
    """Der geprüfte, geöffnete und (mit `sperren`) exklusiv gesperrte Zielordner."""

    def __init__(self, ordner: Path, wurzel: Path | None = None, anlegen: bool = False, sperren: bool = True):
        self.ordner = Path(ordner)
        self.wurzel = wurzel
        self.anlegen = anlegen
        self.sperren = sperren
        self.fd: int | None = None
        self.kennung: tuple[int, int] | None = None

    def __enter__(self):
        self.kennung = _ordner_im_repository(self.wurzel, self.ordner, anlegen=self.anlegen)
        fcntl: ModuleType | None
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: nur der Inhaltsvergleich schützt
            fcntl = None
        if fcntl is None and self.wurzel is None:  # pragma: no cover
            return self
        try:
            self.fd = os.open(self.ordner, os.O_RDONLY | _NOFOLLOW | _DIRECTORY | _CLOEXEC)
        except OSError:
            if self.wurzel is not None and os.path.islink(self.ordner):  # eben getauscht
                raise self._getauscht() from None
            raise
        if fcntl is not None and self.sperren:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(self.fd)
                self.fd = None
                raise _abgelehnt(f"„{self.ordner.name}/“ wird gerade von einem anderen Vorgang geschrieben; nichts geändert – bitte erneut ausführen") from None
        try:
            self.nachpruefen()  # unter der Sperre: ist es noch derselbe Ordner im Repository?
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        if self.fd is not None:
            os.close(self.fd)  # löst das Lock
            self.fd = None
        return False

    def _getauscht(self):
        rel = self.ordner.name
        if self.wurzel is not None:
            try:
                rel = Path(os.path.abspath(self.ordner)).relative_to(os.path.abspath(self.wurzel)).as_posix()
            except ValueError:
                pass
        return _abgelehnt(
            f"„{rel}“ wurde während des Schreibens ersetzt (Verknüpfung oder verschobener Ordner); "
            "Befehle schreiben nie über Verknüpfungen – nichts geschrieben"
        )

    def nachpruefen(self) -> None:
        """Liegt unter dem Pfad (von der Wurzel aus, ohne Verknüpfungen) noch genau der geöffnete Ordner?"""
        if self.fd is None:
            return
        from netzwerk_cli.grundlagen.fehler import NetzwerkFehler

        info = os.fstat(self.fd)
        try:  # von der Wurzel aus, Teil für Teil ohne Verknüpfungen (ohne Wurzel: der Pfad selbst)
            kennung = _ordner_im_repository(self.wurzel, self.ordner)
        except (OSError, NetzwerkFehler):  # Verknüpfung, fehlt, kein Ordner
            raise self._getauscht() from None
        if kennung != (info.st_dev, info.st_ino):
            raise self._getauscht()

    def gibt_es(self, name: str) -> bool:
        try:
            if self.fd is not None and os.stat in os.supports_dir_fd:
                os.stat(name, dir_fd=self.fd, follow_symlinks=False)
            else:  # pragma: no cover
                os.lstat(self.ordner / name)
        except FileNotFoundError:
            return False
        return True

    def lies(self, name: str, hoechstens: int) -> bytes | None:
        """Die Bytes der Datei `name` im geöffneten Ordner (ohne einer Verknüpfung zu folgen);
        None, wenn sie fehlt oder keine gewöhnliche Datei ist."""
        flags = os.O_RDONLY | _NOFOLLOW | _CLOEXEC | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            if self.fd is not None and os.open in os.supports_dir_fd:
                fd = os.open(name, flags, dir_fd=self.fd)
            else:  # pragma: no cover
                fd = os.open(self.ordner / name, flags)
        except FileNotFoundError:
            return None
        with open(fd, "rb", closefd=True) as f:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            return f.read(hoechstens)

    def _im_ordner(self, tmp: str, fd: int) -> bool:
        """Liegt die temporäre Datei (offen als `fd`) wirklich im geöffneten Ordner?"""
        if self.fd is None or os.stat not in os.supports_dir_fd:
            return True  # pragma: no cover
        try:
            st = os.stat(os.path.basename(tmp), dir_fd=self.fd, follow_symlinks=False)
        except OSError:
            return False
        info = os.fstat(fd)
        return (st.st_dev, st.st_ino) == (info.st_dev, info.st_ino)

    def ist_datei(self, tmp: str, kennung: tuple[int, int]) -> bool:
        """Liegt unter `tmp` im geöffneten Ordner noch genau die Datei `kennung` (st_dev, st_ino)?"""
        try:
            if self.fd is not None and os.stat in os.supports_dir_fd:
                st = os.stat(os.path.basename(tmp), dir_fd=self.fd, follow_symlinks=False)
            else:  # pragma: no cover
                st = os.lstat(tmp)
        except OSError:
            return False
        return stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) == kennung

    def vorbereiten(self, pfad: Path, daten: bytes) -> tuple[str, Path, tuple[int, int]]:
        """Erster Teil von `schreiben` für `schreibe_viele_atomar`: die temporäre Datei mit Inhalt
        und Modus, noch ohne fsync und rename. Liefert (tmp, Ziel, Kennung der temporären Datei).
        Scheitert das Schreiben, ist die temporäre Datei schon wieder entfernt."""
        fd, tmp = tempfile.mkstemp(prefix=f".{pfad.name}.", suffix=".tmp", dir=pfad.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                if not self._im_ordner(tmp, f.fileno()):
                    raise self._getauscht()
                f.write(daten)
                f.flush()
                self._modus_uebernehmen(pfad, tmp, f.fileno())
                info = os.fstat(f.fileno())
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return tmp, pfad, (info.st_dev, info.st_ino)

    def _modus_uebernehmen(self, pfad: Path, tmp: str, fd: int) -> None:
        """Die temporäre Datei bekommt die Rechte der Datei, die sie ersetzt (sonst 0644)."""
        try:
            alt = os.stat(pfad.name, dir_fd=self.fd, follow_symlinks=False) if self.fd is not None and os.stat in os.supports_dir_fd else os.lstat(pfad)
            modus = alt.st_mode & 0o777 if stat.S_ISREG(alt.st_mode) else 0o644
        except OSError:
            modus = 0o644
        try:
            if os.chmod in os.supports_fd:
                os.chmod(fd, modus)
            else:  # pragma: no cover
                os.chmod(tmp, modus)
        except OSError:
            pass

    def schreiben_relativ(self, name: str, daten: bytes, sichern: bool = True) -> None:
        """Atomar schreiben, jeder Schritt relativ zum geöffneten Ordner (openat, renameat): Die
        temporäre Datei entsteht mit O_EXCL und O_NOFOLLOW genau in diesem Ordner, das Umbenennen
        ersetzt `name` dort (auch eine Verknüpfung, ohne ihr zu folgen). Eine erneute Prüfung des
        Wegs ist unnötig: Kein Schritt löst den Pfad noch einmal auf."""
        if self.fd is None or not name or "/" in name or name in (".", ".."):
            raise ValueError(f"kein Dateiname im Ordner: {name!r}")
        for _ in range(100):
            tmp = f".{name}.{secrets.token_hex(6)}.tmp"
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | getattr(os, "O_BINARY", 0), 0o600, dir_fd=self.fd)
                break
            except FileExistsError:
                continue
        else:  # pragma: no cover - 100 Zufallsnamen vergeben
            raise FileExistsError(f"keine freie temporäre Datei für {name}")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(daten)
                if sichern:
                    f.flush()
                    os.fsync(f.fileno())
            os.rename(tmp, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        except BaseException:
            try:
                os.unlink(tmp, dir_fd=self.fd)
            except OSError:
                pass
            raise
        if sichern:
            os.fsync(self.fd)

    def schreiben(self, pfad: Path, daten: bytes, sichern: bool = True) -> None:
        """Atomar in den geöffneten Ordner schreiben: temporäre Datei, fsync, rename."""
        fd, tmp = tempfile.mkstemp(prefix=f".{pfad.name}.", suffix=".tmp", dir=pfad.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                if not self._im_ordner(tmp, f.fileno()):
                    raise self._getauscht()
                f.write(daten)
                if sichern:
                    f.flush()
                    os.fsync(f.fileno())
                self._modus_uebernehmen(pfad, tmp, f.fileno())
                self.nachpruefen()  # direkt vor dem Umbenennen: noch derselbe Ordner im Repository?
                if not self._im_ordner(tmp, f.fileno()):
                    raise self._getauscht()
            os.replace(tmp, pfad)  # rename ersetzt eine Verknüpfung, folgt ihr nicht
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        if sichern:
            _ordner_sichern(pfad.parent)


def schreibe_viele_atomar(dateien: list[tuple[Path, bytes]], auch_sichern: tuple[Path, ...] = (), vor_umbenennen: Callable[[Path], None] | None = None) -> None:
    """Viele Dateien auf einmal atomar schreiben (für Exporte: Tausende Dateien in wenigen Ordnern).

    Wie `schreibe_bytes_atomar` für jede Datei – versteckte temporäre Datei im selben, mit
    O_NOFOLLOW geöffneten Ordner, Modus der alten Datei (sonst 0644), direkt vor dem Umbenennen
    erneut geprüft, dass der Ordner noch derselbe ist –, aber in Phasen statt je Datei:
    1. alle temporären Dateien schreiben (ohne fsync);
    2. einmal alles auf die Platte bringen (`_alles_sichern`: unter Linux `os.sync()`, das erst
       zurückkehrt, wenn geschrieben ist; sonst fsync je Datei);
    3. umbenennen (erst jetzt erscheinen die neuen Inhalte unter ihren Namen); vorher je Ordner
       `vor_umbenennen(ordner)` (der Aufrufer prüft den Weg erneut, z. B. auf Verknüpfungen);
    4. jeden betroffenen Ordner einmal fsyncen (die Umbenennungen sind dauerhaft), dazu die
       Ordner in `auch_sichern` (Eltern neu angelegter Ordner).
    Nach einem Absturz enthält jede Datei den alten oder den neuen Inhalt, nie einen halben;
    übrig bleiben höchstens versteckte temporäre Dateien. Scheitert etwas, werden die noch nicht
    umbenannten temporären Dateien entfernt (`_temporaere_entfernen`)."""
    nach_ordner: dict[Path, list[tuple[Path, bytes]]] = {}
    for pfad, daten in dateien:
        pfad = Path(pfad)
        nach_ordner.setdefault(pfad.parent, []).append((pfad, daten))
    offen: list[tuple[Path, list[tuple[str, Path, tuple[int, int]]]]] = []  # Ordner → (tmp, Ziel, Kennung)
    try:
        for ordner, liste in nach_ordner.items():
            eintraege: list[tuple[str, Path, tuple[int, int]]] = []
            offen.append((ordner, eintraege))
            with _ordner_sperre(ordner, None, sperren=False) as ort:
                for pfad, daten in liste:
                    eintraege.append(ort.vorbereiten(pfad, daten))
        _alles_sichern([tmp for _, eintraege in offen for tmp, _, _ in eintraege])
        while offen:
            ordner, eintraege = offen[0]
            if vor_umbenennen is not None:
                vor_umbenennen(ordner)  # vor dem Öffnen: eine verständliche Meldung
            with _ordner_sperre(ordner, None, sperren=False) as ort:
                ort.nachpruefen()  # direkt vor dem Umbenennen: noch derselbe Ordner?
                if vor_umbenennen is not None:
                    vor_umbenennen(ordner)
                while eintraege:
                    tmp, pfad, kennung = eintraege[0]
                    if not ort.ist_datei(tmp, kennung):
                        raise ort._getauscht()
                    os.replace(tmp, pfad)  # rename ersetzt eine Verknüpfung, folgt ihr nicht
                    eintraege.pop(0)
            offen.pop(0)
            _ordner_sichern(ordner)
        for ordner in auch_sichern:
            _ordner_sichern(Path(ordner))
    except BaseException:
        for ordner, eintraege in offen:
            _temporaere_entfernen(ordner, eintraege)
        raise


def _temporaere_entfernen(ordner: Path, eintraege: list[tuple[str, Path, tuple[int, int]]]) -> None:
    """Räumt temporäre Dateien nach einem Fehler weg – nur im Ordner selbst (O_NOFOLLOW) und nur
    genau die Dateien, die wir angelegt haben (Kennung): Ist der Ordner inzwischen eine
    Verknüpfung, bleibt alles stehen, statt etwas außerhalb zu löschen."""
    try:
        fd = os.open(ordner, os.O_RDONLY | _NOFOLLOW | _DIRECTORY | _CLOEXEC)
    except OSError:
        return
    try:
        for tmp, _, kennung in eintraege:
            name = os.path.basename(tmp)
            try:
                st = os.stat(name, dir_fd=fd, follow_symlinks=False)
                if (st.st_dev, st.st_ino) == kennung:
                    os.unlink(name, dir_fd=fd)
            except (OSError, NotImplementedError):
                pass
    finally:
        os.close(fd)


def _alles_sichern(pfade: list[str]) -> None:
    """Bringt den Inhalt aller `pfade` auf die Platte – mit einem Aufruf statt einem je Datei.

    Unter Linux wartet `sync()` auf das Ende aller Schreibvorgänge (man 2 sync, „NOTES“); es
    schreibt dabei auch fremde Daten anderer Programme, die ohnehin anstünden. Anderswo verspricht
    POSIX das Warten nicht: dort fsync je Datei (wie `schreibe_bytes_atomar`)."""
    if not pfade:
        return
    import sys

    if sys.platform.startswith("linux") and hasattr(os, "sync"):
        os.sync()
        return
    for tmp in pfade:  # pragma: no cover - nur außerhalb von Linux
        fd = os.open(tmp, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | getattr(os, "O_BINARY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
