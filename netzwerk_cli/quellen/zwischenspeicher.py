"""Zwischenspeicher von `validate` (das einzige Modul, das ihn liest und schreibt).

Über 400 Zeilen, weil das Format des Speichers (drei Teile, Schlüssel, Sperre, Verwerfen
bei Fehlern) nur an dieser einen Stelle bekannt sein darf: Lesen und Schreiben gehören zusammen.

Drei Teile, alle im selben Ordner:

* **Metadaten je Datei** (`meta-NN.bin`, 64 Teile): Zeitstempel-Schlüssel, SHA-256 des
  Inhalts, Dateibefunde (YAML, Schema), lesbar/gültig und die Werte der Indexfelder
  (`grundlagen.arten.INDEXFELDER`). Sie werden bei jedem Lauf ganz gelesen.
* **Daten je Datei** (`daten-NNNN.bin`, 1024 Teile): der gelesene Inhalt, mit seiner
  Prüfsumme. Gelesen wird nur der Teil, dessen Datensatz eine Prüfung braucht.
* **Querprüfung** (`quer.bin`, `abh-NNN.bin`): Befunde der Prüfungen über mehrere
  Datensätze je Subjekt, mit dem Stand (Prüfsumme je Datei), gegen den sie gelten, und den
  umgekehrten Abhängigkeiten (Schlüssel → Nummern der Subjekte), siehe `querpruefung`.

Gültig ist ein Eintrag nur für genau diese Bytes und nur für dieselbe Werkzeugfassung: die
Kennung jeder Datei des Speichers enthält das Format, die Version, eine Prüfsumme über den
Programmcode und die Schemas sowie die Python-Version. Wie bei Git wird der Inhalt nur neu
gelesen, wenn sich Größe, Zeitstempel oder Inode geändert haben; Einträge von Dateien, die
gerade eben geändert wurden („racy“), werden beim nächsten Mal über die Prüfsumme bestätigt.
Nach einem frischen Klon (alle stat-Werte neu) bürgt statt des Lesens Git: der Aufrufer übergibt
`bestaetigen` die Blob-ids der Dateien, die laut Git dem Index entsprechen; jeder Eintrag trägt
die Blob-id und Länge der Bytes, aus denen er entstand (docs/GARANTIEN.md).
Daten werden nur genommen, wenn ihre Prüfsumme zu der der Metadaten passt. Jeder Teil der
Abhängigkeiten trägt eine Generation, die `quer.bin` erwartet: schreiben zwei Läufe zugleich,
passt sie nicht, und der nächste Lauf prüft alles neu.

Ort: `.git/netzwerk/` im Repository, sonst `$XDG_CACHE_HOME/netzwerk/` (bzw. `~/.cache`);
`NETZWERK_CACHE_ORDNER` legt ihn fest, `NETZWERK_KEIN_CACHE=1` oder `validate --kein-cache`
schalten ihn ab. Ein beschädigter oder fremder Speicher wird still verworfen und neu gebaut;
ein Speicher, der sich nicht schreiben lässt, wird übergangen.

Wer den Speicherordner beschreiben kann, entscheidet nichts (Issue 15):

* Jede Speicherdatei trägt einen HMAC-SHA-256 über Namen und Inhalt. Der Schlüssel wird aus
  einem Geheimnis abgeleitet, das außerhalb des Speichers liegt (`NETZWERK_CACHE_SCHLUESSEL`,
  in CI ein Secret; sonst `$XDG_CONFIG_HOME/netzwerk/cache-schluessel` bzw. `~/.config/…`,
  Rechte 0600), dazu aus der Werkzeugkennung und dem aufgelösten Pfad der Repository-Wurzel:
  ein kopierter oder geteilter Speicher gilt für kein anderes Repository, ein frischer Klon am
  selben Pfad mit demselben Geheimnis aber schon. Erst nach geprüfter
  Signatur wird der Inhalt mit `marshal` gelesen (nur Daten; Code-Objekte ab Python 3.13
  ausdrücklich abgelehnt) – nie mit pickle.
* Ein Speicherordner, den andere beschreiben können (für Gruppe oder alle beschreibbar ohne
  Sticky-Bit, fremder Eigentümer, eine Verknüpfung), wird mit einem Hinweis übergangen.
* Der warme Weg öffnet eine Datei nur über `dateien.oeffne_datensatz` – dieselbe Prüfung von
  Art, Verknüpfung und Größe wie der kalte Weg; nur gewöhnliche Dateien (lstat) kommen über
  Zeitstempel und Prüfsumme aus dem Speicher, alles andere liest der kalte Weg.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import stat as _stat
import sys
import time
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple, cast

from netzwerk_cli.grundlagen.ergebnis import Ergebnis
from netzwerk_cli.quellen import dateien
from netzwerk_cli.quellen.dateien import schreibe_in_ordner_atomar

_AbhTeil = tuple[int, dict]  # (Generation, {Schlüssel: Subjekte})

FORMAT = 4
META_TEILE = 64
DATEN_TEILE = 1024
ABH_TEILE = 256
_MAGIE = b"NWZS"
_UNSICHER_NS = 2_000_000_000  # jünger als 2 s beim Speichern: Zeitstempel nicht trauen
_UNBEKANNT = (-1, -1, -1, -1, -1)  # Merkmale nicht als Beweis gespeichert („racy“)
MAX_TEIL = 512 * 1024 * 1024  # größere Speicherdateien werden nicht gelesen, sondern verworfen
_MAC_LAENGE = 32
_32_BIT = 0xFFFFFFFF  # Git speichert Größe und Inode im Index auf 32 Bit gekürzt
SCHLUESSEL_DATEI = Path("netzwerk") / "cache-schluessel"


class Abgleich(NamedTuple):
    """Ergebnis von `Speicher.abgleichen`: Einträge je Auftrag (None: neu prüfen), die offenen
    Nummern, die festgestellten Merkmale (lstat), der Zeitpunkt (für „zu jung“) und die noch
    unklaren Aufträge (Nummer, gespeicherter Eintrag): gewöhnliche Dateien mit Eintrag, deren
    stat nicht mehr passt; `Speicher.bestaetigen` klärt sie."""

    eintraege: list
    offen: list[int]
    stats: list
    jetzt: int
    unklar: list[tuple[int, tuple]]


def oeffnen(wurzel: Path, kennung: bytes) -> Speicher | None:
    """Der Speicher dieses Repositorys; `kennung` fasst zusammen, wovon die Einträge abhängen
    (Werkzeug, Schemas; `dateipruefung.werkzeug_kennung`). None: abgeschaltet oder nicht nutzbar."""
    if os.environ.get("NETZWERK_KEIN_CACHE", "").strip() not in ("", "0"):
        return None
    try:
        ordner = _ordner(wurzel)
        if not _ordner_sicher(ordner):
            return None
        schluessel = _schluessel(wurzel, kennung)
        if schluessel is None:
            return None
        speicher = Speicher(ordner, kennung, schluessel)
        speicher.wurzel = Path(wurzel)
        return speicher
    except OSError:
        return None


HINWEISE: list[str] = []  # gesammelte Hinweise; die Kommandozeile gibt sie auf stderr aus (cli/fehlerbehandlung)


def _warnen(meldung: str) -> None:
    """Ein Hinweis, einmal je Prozess (der Befund bleibt derselbe: ohne Speicher). Der Speicher ruft
    nichts zurück und gibt nichts aus; er sammelt nur."""
    if meldung not in HINWEISE:
        HINWEISE.append(meldung)


def _offen_fuer_andere(info: os.stat_result, gruppe: bool = True) -> bool:
    """Können andere in diesem Ordner Einträge anlegen, umbenennen oder löschen?"""
    schreibbar = info.st_mode & (0o022 if gruppe else 0o002)
    return bool(schreibbar) and not info.st_mode & _stat.S_ISVTX


def _eigen(info: os.stat_result) -> bool:
    if not hasattr(os, "geteuid"):  # pragma: no cover - Windows
        return True
    return info.st_uid == os.geteuid()


def _ordner_sicher(ordner: Path) -> bool:
    """Darf der Speicher in `ordner` liegen? Nein (mit Hinweis), wenn andere ihn oder seinen
    Basisordner beschreiben können (für Gruppe oder alle beschreibbar ohne Sticky-Bit, anderer
    Eigentümer) oder der Ordner eine Verknüpfung ist; dann arbeitet der Befehl ohne Speicher.
    Übergeordnete Ordner dürfen nicht fremd (außer root) oder für alle beschreibbar ohne
    Sticky-Bit sein. Eigene, zu offene Ordner des Speichers (nicht NETZWERK_CACHE_ORDNER)
    werden auf 0700 gesetzt."""
    if os.name != "posix":  # pragma: no cover - Windows: Rechte nicht in dieser Form
        return True
    basis = ordner.parent
    vorgegeben = bool(os.environ.get("NETZWERK_CACHE_ORDNER"))
    hinweis = "Zwischenspeicher abgeschaltet (Prüfung läuft vollständig ohne ihn): "
    try:
        for ort in (ordner, basis):
            try:
                info = os.lstat(ort)
            except FileNotFoundError:
                continue
            if _stat.S_ISLNK(info.st_mode) and ort == ordner or not (_stat.S_ISDIR(info.st_mode) or _stat.S_ISLNK(info.st_mode)):
                _warnen(f"{hinweis}„{ort}“ ist eine Verknüpfung oder kein Ordner.")
                return False
            info = os.stat(ort)
            if not _eigen(info):
                _warnen(f"{hinweis}„{ort}“ gehört einem anderen Benutzer.")
                return False
            if _offen_fuer_andere(info) or (ort == ordner and info.st_mode & 0o077):
                if vorgegeben and ort == basis:
                    _warnen(f"{hinweis}„{ort}“ (NETZWERK_CACHE_ORDNER) ist für andere beschreibbar; bitte einen eigenen Ordner mit Rechten 0700 angeben (oder das Sticky-Bit setzen).")
                    return False
                os.chmod(ort, 0o700)  # eigener Ordner des Speichers: enger machen
        ort = Path(os.path.realpath(basis))
        for vorfahr in (ort, *ort.parents):
            try:
                info = os.stat(vorfahr)
            except FileNotFoundError:
                continue
            if (not _eigen(info) and info.st_uid != 0) or _offen_fuer_andere(info, gruppe=False):
                _warnen(f"{hinweis}„{vorfahr}“ ist für andere beschreibbar oder gehört einem anderen Benutzer.")
                return False
    except OSError:
        return False
    return True


def _schluessel_pfad() -> Path:
    basis = os.environ.get("XDG_CONFIG_HOME", "")
    if not os.path.isabs(basis):  # XDG: relative Angaben gelten nicht
        basis = str(Path.home() / ".config")
    return Path(basis) / SCHLUESSEL_DATEI


def _geheimnis() -> bytes | None:
    """Das Geheimnis des Benutzers (32 zufällige Bytes, hexadezimal in `_schluessel_pfad()`,
    Rechte 0600); beim ersten Mal angelegt. None (mit Hinweis), wenn es fehlt und sich nicht
    anlegen lässt oder andere es lesen oder ändern könnten."""
    import secrets
    import tempfile

    pfad = _schluessel_pfad()
    hinweis = "Zwischenspeicher abgeschaltet (Prüfung läuft vollständig ohne ihn): "
    for _ in range(2):
        try:
            fd = os.open(pfad, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            try:
                pfad.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                fd, tmp = tempfile.mkstemp(prefix=".cache-schluessel.", dir=pfad.parent)  # 0600
                try:
                    with os.fdopen(fd, "wb") as f:
                        f.write((secrets.token_bytes(32).hex() + "\n").encode("ascii"))
                        f.flush()
                        os.fsync(f.fileno())
                    try:
                        os.link(tmp, pfad)  # legt nur an, wenn es die Datei noch nicht gibt
                    except FileExistsError:
                        pass
                finally:
                    os.unlink(tmp)
            except OSError as e:
                _warnen(f"{hinweis}Schlüssel „{pfad}“ lässt sich nicht anlegen ({e.strerror or e}).")
                return None
            continue
        except OSError as e:
            _warnen(f"{hinweis}Schlüssel „{pfad}“ ist nicht lesbar ({e.strerror or e}; eine Verknüpfung?).")
            return None
        with open(fd, "rb", closefd=True) as f:
            info = os.fstat(fd)
            roh = f.read(1024) if _stat.S_ISREG(info.st_mode) else b""
        if os.name == "posix" and (not _eigen(info) or info.st_mode & 0o077):
            _warnen(f"{hinweis}Schlüssel „{pfad}“ ist für andere les- oder schreibbar oder gehört einem anderen Benutzer (erwartet: eigene Datei mit Rechten 0600).")
            return None
        try:
            wert = bytes.fromhex(roh.decode("ascii").strip())
        except (UnicodeDecodeError, ValueError):
            wert = b""
        if len(wert) < 32:
            _warnen(f"{hinweis}Schlüssel „{pfad}“ ist ungültig (64 Hex-Zeichen erwartet); Datei löschen, dann wird ein neuer angelegt.")
            return None
        return wert
    return None  # pragma: no cover


UMGEBUNG_SCHLUESSEL = "NETZWERK_CACHE_SCHLUESSEL"
MIN_HEX_ZEICHEN = 32  # 128 Bit


def _geheimnis_aus_umgebung(wert: str) -> bytes | None:
    """Das Geheimnis aus NETZWERK_CACHE_SCHLUESSEL (für CI: ein Repository-Secret, damit ein
    wiederhergestellter Speicher auf einem frischen Läufer gilt). Mindestens 32 Hex-Zeichen;
    sonst None mit Hinweis (der Wert selbst erscheint nie in einer Meldung)."""
    text = wert.strip()
    gueltig = len(text) >= MIN_HEX_ZEICHEN and len(text) % 2 == 0 and all(z in "0123456789abcdefABCDEF" for z in text)
    roh = bytes.fromhex(text) if gueltig else b""
    if not roh:
        _warnen(
            "Zwischenspeicher abgeschaltet (Prüfung läuft vollständig ohne ihn): "
            f"{UMGEBUNG_SCHLUESSEL} ist gesetzt, aber kein gültiger Schlüssel (erwartet: mindestens "
            f"{MIN_HEX_ZEICHEN} Hex-Zeichen, gerade Anzahl, z. B. erzeugt mit "
            "„python -c \"import secrets; print(secrets.token_hex(32))\"“)."
        )
        return None
    return b"umgebung\0" + roh


_schluessel_cache: dict = {}


def _schluessel(wurzel: Path, kennung: bytes) -> bytes | None:
    """Der HMAC-Schlüssel für den Speicher dieses Repositorys: aus dem Geheimnis (NETZWERK_CACHE_SCHLUESSEL,
    sonst die Datei des Benutzers), der Werkzeugkennung und dem aufgelösten Pfad der Wurzel.

    Nicht mehr Gerät und Inode der Wurzel (bis Format 3): die sind auf jedem frischen Klon neu,
    ein in CI wiederhergestellter Speicher hätte nie gegolten. Der Pfad unterscheidet Repositorys
    auf einer Maschine weiter (und ist schon der Name des Speicherordners); was ein Eintrag
    bedeutet, hängt ohnehin nur vom Inhalt der Dateien ab (docs/GARANTIEN.md)."""
    bindung = f"pfad\0{Path(wurzel).resolve()}".encode("utf-8", "surrogatepass")
    umgebung = os.environ.get(UMGEBUNG_SCHLUESSEL, "")
    quelle = ("umgebung", umgebung) if umgebung.strip() else ("datei", _schluessel_pfad())
    if quelle not in _schluessel_cache:
        _schluessel_cache[quelle] = _geheimnis_aus_umgebung(umgebung) if quelle[0] == "umgebung" else _geheimnis()
    geheimnis = _schluessel_cache[quelle]
    if geheimnis is None:
        return None
    return hmac.new(geheimnis, b"netzwerk-zwischenspeicher\0" + kennung + bindung, hashlib.sha256).digest()


def _ordner(wurzel: Path) -> Path:
    eigen = os.environ.get("NETZWERK_CACHE_ORDNER")
    schluessel = hashlib.sha256(str(Path(wurzel).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    if eigen:
        return Path(eigen) / schluessel
    for ort in (wurzel, *wurzel.parents):
        git = ort / ".git"
        if git.is_dir():
            return git / "netzwerk" / schluessel
        if git.exists():  # Worktree oder Submodul (.git ist eine Datei)
            break
    basis = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis) / "netzwerk" / schluessel


def _nummer(text: str, teile: int) -> int:
    return zlib.crc32(text.encode("utf-8", "surrogatepass")) % teile


class Speicher:
    def __init__(self, ordner: Path, kennung_: bytes, schluessel: bytes):
        self.ordner = ordner
        self.kennung = kennung_
        self.schluessel = schluessel
        self.wurzel: Path | None = None  # Wurzel des Repositorys (für oeffne_datensatz)
        self._geladen: dict[str, Any] = {}  # Dateiname -> Inhalt (wie von marshal gelesen)
        self.geaendert: set[str] = set()
        self._neuaufbau = False  # fremder/kaputter Speicher: beim Schreiben alles Alte löschen
        self._entfernen: set[str] = set()  # leere Teile: beim Speichern löschen statt schreiben

    # ----------------------------------------------------------------- Dateien des Speichers

    def _mac(self, name: str, nutzlast) -> bytes:
        h = hmac.new(self.schluessel, name.encode("ascii") + b"\0", hashlib.sha256)
        h.update(nutzlast)
        return h.digest()

    def _lies(self, name: str, fehlt: object = None) -> object | None:
        """Inhalt einer Speicherdatei; None, wenn sie fremd, kaputt, zu groß oder nicht mit dem
        Schlüssel dieses Benutzers und Repositorys signiert ist; `fehlt`, wenn es sie nicht gibt.
        Gelesen wird ohne einer Verknüpfung zu folgen und ohne zu blockieren; geladen erst nach
        geprüfter Signatur."""
        try:
            fd = os.open(self.ordner / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            return fehlt
        except OSError:
            self._neuaufbau = True
            return None
        try:
            with open(fd, "rb", closefd=True) as f:
                info = os.fstat(fd)
                if not _stat.S_ISREG(info.st_mode) or info.st_size > MAX_TEIL:
                    self._neuaufbau = True
                    return None
                roh = f.read(MAX_TEIL + 1)
        except OSError:
            self._neuaufbau = True
            return None
        kopf = len(_MAGIE) + len(self.kennung) + _MAC_LAENGE
        if len(roh) < kopf or len(roh) > MAX_TEIL or roh[: len(_MAGIE)] != _MAGIE or roh[len(_MAGIE) : kopf - _MAC_LAENGE] != self.kennung:
            self._neuaufbau = True  # fremd oder veraltet
            return None
        nutzlast = memoryview(roh)[kopf:]
        if not hmac.compare_digest(self._mac(name, nutzlast), roh[kopf - _MAC_LAENGE : kopf]):
            self._neuaufbau = True  # kaputt, gefälscht oder aus einem anderen Repository
            return None
        try:
            return _marshal_laden(nutzlast)
        except (ValueError, EOFError, TypeError):
            self._neuaufbau = True
            return None

    def _dict(self, name: str) -> dict:
        inhalt = self._geladen.get(name)
        if inhalt is None:
            inhalt = self._lies(name)
            if not isinstance(inhalt, dict):
                inhalt = {}
            self._geladen[name] = inhalt
        return inhalt

    def _setzen(self, name: str, inhalt: object) -> None:
        self._geladen[name] = inhalt
        self.geaendert.add(name)
        self._entfernen.discard(name)

    def speichern(self) -> None:
        """Schreibt geänderte Dateien atomar (temporäre Datei + rename), `quer.bin` zuletzt.
        Fehler werden übergangen: es ist nur ein Zwischenspeicher."""
        if not self.geaendert and not self._entfernen:
            return
        try:
            self.ordner.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            try:
                os.mkdir(self.ordner, 0o700)
            except FileExistsError:
                pass
            if not _ordner_sicher(self.ordner):  # z. B. eben gegen eine Verknüpfung getauscht
                self.geaendert.clear()
                return
            if self._neuaufbau:
                self._altes_loeschen()
            elif (self.ordner / "teil-00.bin").exists():  # Format 1: ganz ersetzen
                self._altes_loeschen()
            elif self._entfernen - self.geaendert:  # leere Teile (ihre Generation 0 erwartet keine Datei)
                self._altes_loeschen(nur=self._entfernen)
            # ein geprüfter Ordner für alle; je Teil erst beim Schreiben verpackt (bei 100 000
            # Datensätzen sind alle Teile zusammen über 100 MB)
            schreibe_in_ordner_atomar(self.ordner, map(self._verpackt, sorted(self.geaendert, key=lambda n: n == "quer.bin")), sichern=False)
        except (OSError, ValueError):
            pass
        self.geaendert.clear()
        self._entfernen.clear()

    def _verpackt(self, name: str) -> tuple[str, bytes]:
        nutzlast = marshal.dumps(self._geladen[name])
        return name, _MAGIE + self.kennung + self._mac(name, nutzlast) + nutzlast

    def _altes_loeschen(self, nur: set[str] | None = None) -> None:
        """Nach einem fremden oder kaputten Teil: alle nicht neu geschriebenen Dateien löschen
        (sonst blieben z. B. Daten gelöschter Datensätze in unberührten Teilen liegen); mit `nur`
        nur diese Dateien (leer gewordene Teile)."""
        dfd = os.open(self.ordner, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        try:  # über den geöffneten Ordner: eine untergeschobene Verknüpfung löscht nichts woanders
            namen = [e.name for e in os.scandir(dfd)] if os.scandir in os.supports_fd else os.listdir(self.ordner)
            for name in namen:
                if name.endswith(".bin") and name not in self.geaendert and (nur is None or name in nur):
                    try:
                        os.unlink(name, dir_fd=dfd) if os.unlink in os.supports_dir_fd else os.unlink(self.ordner / name)
                    except OSError:
                        pass
        finally:
            os.close(dfd)
        self._neuaufbau = False

    # ----------------------------------------------------------------- Dateiprüfung

    @staticmethod
    def _meta_name(nr: int) -> str:
        return f"meta-{nr:02d}.bin"

    def _meta(self, datei: str) -> dict:
        return self._dict(self._meta_name(_nummer(datei, META_TEILE)))

    def _daten_teil(self, datei: str) -> dict:
        return self._dict(f"daten-{_nummer(datei, DATEN_TEILE):04d}.bin")

    def abgleichen(self, auftraege: list[tuple[str, str, str]], alle: bool = True, bestaetigen: bool = True) -> Abgleich:
        """Vergleicht die Aufträge (art, pfad, datei) mit den Metadaten. Ein Metadaten-Eintrag ist
        (stat, prüfsumme, befunde, lesbar, gültig, indexwerte, (blob-id, länge)); für Dateien, die
        neu geprüft werden müssen, steht None, ihre Nummern in `offen`. Der Speicher ruft nichts
        zurück: wer prüft, trägt die Ergebnisse danach mit `eintragen` ein. `alle`: die Aufträge sind
        alle Dateien des Repositorys (dann werden Einträge anderer Dateien entfernt); sonst ein Teil.
        `bestaetigen=False`: Dateien, deren stat nicht mehr passt, bleiben in `unklar`, bis der
        Aufrufer `bestaetigen` ruft (mit den Blob-ids, die Git für unverändert hält)."""
        eintraege: list[tuple | None] = [None] * len(auftraege)
        stats: list[tuple | None] = [None] * len(auftraege)
        offen: list[int] = []
        unklar: list[tuple[int, tuple]] = []
        jetzt = time.time_ns()
        metas = [self._dict(self._meta_name(nr)) for nr in range(META_TEILE)]
        crc32, lstat, regulaer = zlib.crc32, os.lstat, _stat.S_ISREG
        for i, (_, pfad, datei) in enumerate(auftraege):
            try:
                st = lstat(pfad)  # folgt keiner Verknüpfung
            except OSError:
                offen.append(i)
                continue
            if not regulaer(st.st_mode):
                # Verknüpfung, FIFO, Gerät, Ordner …: immer der kalte Weg (dieselbe Prüfung, dasselbe Urteil)
                offen.append(i)
                continue
            stat_: tuple | None
            stat_ = stats[i] = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns, st.st_dev)
            meta = metas[crc32(datei.encode("utf-8", "surrogatepass")) % META_TEILE]
            e = meta.get(datei)
            if e.__class__ is not tuple or len(e) != 7 or not e[1]:
                offen.append(i)
            elif e[0] == stat_:
                eintraege[i] = e
            else:
                unklar.append((i, e))
        if alle:
            self._aufraeumen({datei for _, _, datei in auftraege})
        abgleich = Abgleich(eintraege, offen, stats, jetzt, unklar)
        if bestaetigen:
            self.bestaetigen(auftraege, abgleich, None)
        return abgleich

    def bestaetigen(self, auftraege: list[tuple[str, str, str]], abgleich: Abgleich, blobs: dict[str, tuple[str, tuple]] | None) -> None:
        """Klärt die unklaren Aufträge (stat anders, z. B. nach git checkout oder auf einem frischen
        Klon): Ein Eintrag gilt ohne Lesen, wenn `blobs` (vom Aufrufer, aus `quellen.git`: Dateien,
        deren Arbeitsbaum laut Git genau der Blob im Index ist, mit dem stat im Index) für die Datei
        die gespeicherte Blob-id nennt, der stat im Index auf die Nanosekunde dem eigenen `lstat`
        entspricht und die Datei (gewöhnlich) genau die gespeicherte Länge hat; sonst wird der
        Inhalt gelesen und mit der gespeicherten Prüfsumme verglichen. Was nicht passt, kommt nach
        `offen`."""
        eintraege, offen, stats, jetzt, unklar = abgleich
        for i, e in unklar:
            _, pfad, datei = auftraege[i]
            stat_ = stats[i]
            blob = e[6]
            im_index = blobs.get(datei) if blobs is not None else None
            if (
                im_index is not None
                and blob.__class__ is tuple
                and len(blob) == 2
                and stat_[0] == blob[1]
                and im_index[0] == blob[0]
                and im_index[1] == (stat_[0] & _32_BIT, stat_[1], stat_[2] & _32_BIT, stat_[3])
            ):
                gelesen: tuple | None = stat_  # Git bürgt für den Inhalt: genau die Bytes des Eintrags
            else:
                gelesen = self._inhalt_gleich(e, pfad, datei)
            if gelesen is not None:
                eintraege[i] = e
                if not self._jung(gelesen, jetzt):
                    self._meta(datei)[datei] = (gelesen, *e[1:])  # Inhalt gleich, Zeitstempel neu
                    self.geaendert.add(self._meta_name(_nummer(datei, META_TEILE)))
            else:
                offen.append(i)
        if unklar:
            offen.sort()
            unklar.clear()

    def eintragen(self, auftraege: list[tuple[str, str, str]], abgleich: Abgleich, ergebnisse: list[Ergebnis]) -> dict[str, Ergebnis]:
        """Die Ergebnisse der offenen Aufträge (in der Reihenfolge von `abgleich.offen`) eintragen;
        füllt `abgleich.eintraege` und liefert die frischen Ergebnisse je Datei."""
        from netzwerk_cli.grundlagen.arten import indexwerte

        eintraege, offen, stats, jetzt, _ = abgleich
        frisch: dict[str, Ergebnis] = {}
        if offen:
            for i, erg in zip(offen, ergebnisse, strict=True):
                art, _, datei = auftraege[i]
                stat_ = stats[i]  # None: keine gewöhnliche Datei (lstat) – nichts speichern
                gelesen = erg.merkmale  # Merkmale der Datei, deren Bytes geprüft wurden
                gespeichert = _UNBEKANNT if stat_ is None or gelesen is None or self._jung(gelesen, jetzt) else gelesen
                e = eintraege[i] = (gespeichert, erg.pruefsumme, erg.befunde, erg.lesbar, erg.gueltig, indexwerte(art, erg.daten), erg.blob)
                frisch[datei] = erg
                if stat_ is not None and erg.pruefsumme:
                    self._meta(datei)[datei] = e
                    self.geaendert.add(self._meta_name(_nummer(datei, META_TEILE)))
                    self._daten_ablegen(datei, erg.pruefsumme, erg.daten)
        return frisch

    def _inhalt_gleich(self, e: object, pfad: str, datei: str) -> tuple | None:
        """Zeitstempel anders (git checkout, touch) oder gespeichert als „zu jung“: Inhalt
        vergleichen. Geöffnet wird nur über `dateien.oeffne_datensatz` (dieselben Prüfungen von
        Art, Verknüpfung und Größe wie auf dem kalten Weg). Liefert die Merkmale der gelesenen
        Datei, wenn ihr Inhalt die gespeicherte Prüfsumme hat, sonst None."""
        if e.__class__ is not tuple or len(e) != 7 or not e[1]:
            return None
        wurzel = self.wurzel if self.wurzel is not None else self._wurzel_von(pfad, datei)
        roh, _, gelesen = dateien.lies_roh_mit_merkmalen(pfad, wurzel)
        if roh is None or hashlib.sha256(roh).hexdigest() != e[1]:
            return None
        return gelesen

    @staticmethod
    def _wurzel_von(pfad: str, datei: str) -> Path:
        """Die Wurzel zu einem Auftrag: `pfad` ist `wurzel/datei`."""
        return Path(pfad[: len(pfad) - len(datei)] or ".")

    @staticmethod
    def _jung(stat_: tuple, jetzt: int) -> bool:
        return jetzt - max(stat_[1], stat_[3]) < _UNSICHER_NS

    def daten(self, datei: str, pruefsumme: str) -> object | None:
        """Der gespeicherte Inhalt einer Datei, wenn er zu `pruefsumme` gehört, sonst None."""
        e = self._daten_teil(datei).get(datei)
        if e.__class__ is tuple and len(e) == 2 and e[0] == pruefsumme:
            return e[1]
        return None

    def _daten_ablegen(self, datei: str, pruefsumme: str, daten: object) -> None:
        self._daten_teil(datei)[datei] = (pruefsumme, daten)
        self.geaendert.add(f"daten-{_nummer(datei, DATEN_TEILE):04d}.bin")

    def ergebnisse(
        self, auftraege: list[tuple[str, str, str]], eintraege: list, frisch: dict[str, Ergebnis]
    ) -> tuple[list[Ergebnis | None], list[int]]:
        """Vollständige Ergebnisse (mit Daten) in der Reihenfolge der Aufträge, soweit der Speicher
        sie hat; dazu die Nummern der Aufträge, deren Daten fehlen (kaputter Teil: neu prüfen und
        mit `daten_nachtragen` ablegen)."""
        ergebnisse: list[Ergebnis | None] = []
        fehlt: list[int] = []
        for i, ((_, _, datei), e) in enumerate(zip(auftraege, eintraege, strict=True)):
            erg = frisch.get(datei)
            if erg is None:
                daten = self.daten(datei, e[1]) if e[3] else None
                if e[3] and daten is None:
                    fehlt.append(i)
                else:
                    erg = Ergebnis(daten, e[2], bool(e[3]), bool(e[4]), e[1])
            ergebnisse.append(erg)
        return ergebnisse, fehlt

    def daten_nachtragen(self, datei: str, eintrag: tuple, erg: Ergebnis) -> None:
        """Neu gelesene Daten einer Datei ablegen, wenn sie zum gespeicherten Eintrag gehören."""
        if erg.pruefsumme and erg.pruefsumme == eintrag[1]:
            self._daten_ablegen(datei, erg.pruefsumme, erg.daten)

    def _aufraeumen(self, vorhanden: set[str]) -> None:
        """Einträge gelöschter oder umbenannter Dateien entfernen (Metadaten und Daten): der
        Speicher soll nichts länger aufheben als das Repository selbst."""
        for nr in range(META_TEILE):
            name = self._meta_name(nr)
            meta = self._dict(name)
            weg = [d for d in meta if d not in vorhanden]
            for d in weg:
                del meta[d]
                teil = self._daten_teil(d)
                if teil.pop(d, None) is not None:
                    self.geaendert.add(f"daten-{_nummer(d, DATEN_TEILE):04d}.bin")
            if weg:
                self.geaendert.add(name)

    # ----------------------------------------------------------------- Querprüfung

    def quer(self) -> dict | None:
        """Der gespeicherte Zustand der Querprüfung oder None."""
        zustand = self._dict("quer.bin")
        noetig = ("kontext", "stand", "koepfe", "befunde", "subjekte", "generationen", "gueltig")
        if not all(k in zustand for k in noetig) or len(zustand["generationen"]) != ABH_TEILE:
            return None
        return zustand

    def quer_setzen(self, zustand: dict) -> None:
        self._setzen("quer.bin", zustand)

    def quer_verwerfen(self) -> None:
        self._setzen("quer.bin", {})

    def _abh_teil(self, nr: int) -> _AbhTeil | None:
        inhalt = self._geladen.get(f"abh-{nr:03d}.bin")
        if inhalt is None:
            inhalt = self._lies(f"abh-{nr:03d}.bin", fehlt=_FEHLT)
            if inhalt is _FEHLT:  # ein leerer Teil hat keine Datei: Generation 0 (passt nur, wenn erwartet)
                inhalt = (_LEER, {})
            self._geladen[f"abh-{nr:03d}.bin"] = inhalt
        if inhalt.__class__ is tuple and len(inhalt) == 2 and isinstance(inhalt[1], dict):
            return inhalt
        return None

    def abhaengige(self, schluessel: Iterable[str], generationen: list) -> set[int] | None:
        """Die Nummern aller Subjekte, die von einem der Schlüssel abhängen; None, wenn ein Teil
        nicht zur erwarteten Generation passt (dann muss alles neu geprüft werden)."""
        subjekte: set[int] = set()
        for s in schluessel:
            nr = _nummer(s, ABH_TEILE)
            teil = self._abh_teil(nr)
            if teil is None or teil[0] != generationen[nr]:
                return None
            subjekte.update(teil[1].get(s, ()))
        return subjekte

    def abhaengige_ergaenzen(self, neu: dict[str, set[int]], generationen: list, entfernen: Iterable[str] = ()) -> bool:
        """Entfernt die Schlüssel `entfernen` und fügt dann Subjekte zu den Schlüsseln hinzu
        (alte Einträge bleiben sonst: das überschätzt nur). False, wenn ein Teil nicht zur
        erwarteten Generation passt."""
        je_teil: dict[int, list[str]] = {}
        for s in (*entfernen, *neu):
            je_teil.setdefault(_nummer(s, ABH_TEILE), []).append(s)
        for nr in je_teil:
            teil = self._abh_teil(nr)
            if teil is None or teil[0] != generationen[nr]:
                return False
        # Ab hier ist kein Teil None (eben geprüft). Geschrieben wird nur ein Teil, der sich
        # wirklich ändert (meist hat ein neu geprüftes Subjekt dieselben Abhängigkeiten wie zuvor).
        veraendert: set[int] = set()
        for s in entfernen:
            nr = _nummer(s, ABH_TEILE)
            if cast(_AbhTeil, self._abh_teil(nr))[1].pop(s, None) is not None:
                veraendert.add(nr)
        for nr, schluessel in je_teil.items():
            tabelle = cast(_AbhTeil, self._abh_teil(nr))[1]
            for s in schluessel:
                if s not in neu:
                    continue
                alt = tabelle.get(s, ())
                dazu = neu[s].difference(alt)
                if dazu:
                    tabelle[s] = (*alt, *dazu)
                    veraendert.add(nr)
            if nr in veraendert:
                generationen[nr] = _generation()
                self._setzen(f"abh-{nr:03d}.bin", (generationen[nr], tabelle))
        return True

    def abhaengige_ersetzen(self, alle: dict[str, list[int]]) -> list[int]:
        """Ersetzt alle Abhängigkeiten; liefert die Generationen der neuen Teile."""
        teile: list[dict] = [{} for _ in range(ABH_TEILE)]
        for s, subjekte in alle.items():
            teile[_nummer(s, ABH_TEILE)][s] = tuple(subjekte)
        generationen = []
        for nr, tabelle in enumerate(teile):
            name = f"abh-{nr:03d}.bin"
            if tabelle:
                generationen.append(_generation())
                self._setzen(name, (generationen[-1], tabelle))
            else:  # leer: keine Datei (bei kleinen Repositorys ist das die Mehrheit der 256 Teile)
                generationen.append(_LEER)
                self._geladen[name] = (_LEER, tabelle)
                self.geaendert.discard(name)
                self._entfernen.add(name)
        return generationen


_LEER = 0  # Generation eines leeren Abhängigkeitsteils, für den keine Datei geschrieben wird
_FEHLT = object()


def _generation() -> int:
    """Zufällige Generation eines geschriebenen Teils, nie `_LEER`."""
    return int.from_bytes(os.urandom(7), "big") or 1


def _marshal_laden(nutzlast) -> object:
    """marshal liest nur Daten; Code-Objekte lehnt es ab Python 3.13 auf Wunsch ab. Geladen wird
    ohnehin nur, was mit dem Schlüssel dieses Benutzers signiert ist."""
    if sys.version_info >= (3, 13):
        return marshal.loads(nutzlast, allow_code=False)
    return marshal.loads(nutzlast)
