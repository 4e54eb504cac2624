"""Die schnellen Exportwege liefern Byte für Byte dieselbe Ausgabe wie die langsamen von früher.

Schnell sind (Issue „export schnell“):
* in der Schwärzung `normal` (str.translate) statt der Schleife je Zeichen, die Herkunft erst bei
  einem Treffer und ein Vorfilter über das Vokabular der Namen;
* das Schreiben eines ganzen Baums in Phasen (`quellen.dateien.schreibe_viele_atomar`) statt je
  Datei `schreibe_bytes_atomar` mit zwei fsync;
* der Merker in `Datenschutz.text` (Text → geschwärzter Text) statt jedes Mal `ersetzen`;
* in der OParl-Prüfung der schnelle Weg von `_ist_url` und der Vorweg mit jsonschema-rs.

Der Vergleich: derselbe Export zweimal – einmal wie er ist, einmal mit den alten Wegen an Stelle
der neuen (monkeypatch) – für data/ und für ein erzeugtes Repository mit eingebauten Fehlern; alle
Dateien (Name, Bytes, Modus) und die Befunde der OParl-Prüfung müssen gleich sein. Dazu zeigt
ein Absturztest, dass ein abgebrochener Export keine halbe Datei hinterlässt.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from conftest import git

from netzwerk_cli.berichte import datenschutz, schwaerzung
from netzwerk_cli.export import oparl_pruefung, schreiben
from netzwerk_cli.quellen import dateien

BASIS = "https://oparl.beispiel.invalid/netz"


def _altes_ersetzen(text: str, namen, ersatz_name: str, ersatz_email: str | None) -> str:
    """`schwaerzung.ersetzen` vor dem Vorfilter und vor `normal` (wörtlich, Stand c54058c):
    Herkunft immer, jedes Wort gestammt, der Automat über jedes Wort."""
    if not text:
        return text
    norm, herkunft = schwaerzung.normalisieren(text)
    stellen: list[tuple[int, int, bool]] = []
    if namen:
        worte = list((schwaerzung._ASCII_WORT if herkunft is None else schwaerzung._WORT).finditer(norm))
        for erstes, letztes in namen.treffer([schwaerzung.stamm(m.group()) for m in worte]):
            stellen.append((worte[erstes].start(), worte[letztes].end(), False))
    if ersatz_email is not None and "@" in norm:
        stellen.extend((a, e, True) for a, e in schwaerzung.emails(norm))
    if not stellen:
        return text
    stellen.sort()
    zusammen: list[list] = []
    for a, e, ist_email in stellen:
        if zusammen and a < zusammen[-1][1]:
            zusammen[-1][1] = max(zusammen[-1][1], e)
            zusammen[-1][2] = zusammen[-1][2] or ist_email
        else:
            zusammen.append([a, e, ist_email])
    teile = []
    pos = 0
    for a, e, ist_email in zusammen:
        anfang = a if herkunft is None else herkunft[a]
        ende = e if herkunft is None else herkunft[e - 1] + 1
        while ende < len(text) and not schwaerzung._zeichen(text[ende]):
            ende += 1
        teile.append(text[pos:anfang])
        teile.append(ersatz_email if ist_email and ersatz_email is not None else ersatz_name)
        pos = ende
    teile.append(text[pos:])
    return "".join(teile)


def _alter_text(self, wert):
    """`Datenschutz.text` ohne Merker und mit dem alten `ersetzen`."""
    if not self.oeffentlich or not isinstance(wert, str):
        return wert
    return _altes_ersetzen(wert, self._namensfilter, datenschutz._ERSATZ, datenschutz._EMAIL_ERSATZ)


def _altes_bereinigen(self, bericht):
    """`Datenschutz.bereinigen` wie vor dem Merker: `text` (hier `_alter_text`) für jeden Text."""
    if not self.oeffentlich:
        return bericht
    if isinstance(bericht, str):
        return _alter_text(self, bericht)
    if isinstance(bericht, dict):
        ergebnis: dict = {}
        for k, v in bericht.items():
            neu = _alter_text(self, k) if isinstance(k, str) else k
            if neu != k and neu in ergebnis:
                n = 2
                while f"{neu} {n}" in ergebnis:
                    n += 1
                neu = f"{neu} {n}"
            ergebnis[neu] = _altes_bereinigen(self, v)
        return ergebnis
    if isinstance(bericht, (list, tuple)):
        return type(bericht)(_altes_bereinigen(self, v) for v in bericht)
    return bericht


def _alt_schreiben(zu_schreiben, auch_sichern=(), vor_umbenennen=None):
    """Jede Datei für sich atomar (fsync, rename, fsync des Ordners) – der Weg vor den Phasen."""
    for pfad, daten in zu_schreiben:
        if vor_umbenennen is not None:
            vor_umbenennen(Path(pfad).parent)
        dateien.schreibe_bytes_atomar(pfad, daten)


def _alte_url_pruefung(wert) -> bool:
    from urllib.parse import urlsplit

    if not isinstance(wert, str):
        return True
    if any(z.isspace() or ord(z) < 32 for z in wert):
        return False
    try:
        teile = urlsplit(wert)
    except ValueError:
        return False
    return teile.scheme in ("http", "https") and bool(teile.netloc)


def _alte_wege(monkeypatch) -> None:
    monkeypatch.setattr(datenschutz.Datenschutz, "text", _alter_text)
    monkeypatch.setattr(datenschutz.Datenschutz, "bereinigen", _altes_bereinigen)
    monkeypatch.setattr(schreiben, "schreibe_viele_atomar", _alt_schreiben)
    monkeypatch.setattr(oparl_pruefung, "_ist_url", _alte_url_pruefung)
    oparl_pruefung._validatoren.cache_clear()  # die Formatprüfer werden beim Bau gebunden
    monkeypatch.setattr(oparl_pruefung, "_schnellpruefer", lambda: None)


def _baum(ordner: Path) -> dict[str, tuple[bytes, int]]:
    aus = {}
    for pfad in sorted(ordner.rglob("*")):
        if pfad.is_file():
            aus[pfad.relative_to(ordner).as_posix()] = (pfad.read_bytes(), stat.S_IMODE(os.lstat(pfad).st_mode))
    return aus


def _alle_exporte(cli, daten: Path, ziel: Path) -> dict[str, object]:
    """Website, OParl (mit den Befunden der Prüfung) und Kalender; je Export alle Dateien."""
    aus: dict[str, object] = {}
    for art, extra in (
        ("seite", ["--stichtag", "2026-11-21", "--basis-url", "https://beispiel.invalid/netz"]),
        ("oparl", ["--basis-url", BASIS]),
        ("ical", []),
    ):
        r = cli("export", art, ziel / art, "--daten", daten, *extra)
        assert r.exit_code in (0, 1), r.stdout + r.stderr
        aus[art] = _baum(ziel / art)
        aus[art + "-ausgabe"] = (r.exit_code, r.stdout.replace(str(ziel), "ZIEL"))
    aus["oparl-befunde"] = oparl_pruefung.pruefe_ordner(ziel / "oparl", BASIS)
    # zweiter Lauf in denselben Ordner: nichts geändert, nichts neu geschrieben
    r = cli("export", "oparl", ziel / "oparl", "--daten", daten, "--basis-url", BASIS)
    aus["oparl-zweiter-lauf"] = _baum(ziel / "oparl")
    return aus


def _vergleichen(cli, daten: Path, tmp_path: Path, monkeypatch) -> dict[str, object]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    neu = _alle_exporte(cli, daten, tmp_path / "neu")
    with monkeypatch.context() as m:
        _alte_wege(m)
        alt = _alle_exporte(cli, daten, tmp_path / "alt")
    oparl_pruefung._validatoren.cache_clear()
    assert neu.keys() == alt.keys()
    for k in neu:
        assert neu[k] == alt[k], k
    return neu


@pytest.fixture
def erzeugt(tmp_path) -> Path:
    """Erzeugtes Repository (300 Datensätze) mit 12 eingebauten Fehlern, als Git-Repository."""
    from bench import generate

    ziel = tmp_path / "erzeugt"
    generate.erzeuge(ziel, 300, seed=3, fehler=12)
    git(ziel, "init", "-q", "-b", "main")
    git(ziel, "add", "-A")
    git(ziel, "commit", "-q", "-m", "erzeugt")
    return ziel


def test_beispieldaten_gleich_wie_auf_dem_alten_weg(cli, git_beispiel, tmp_path, monkeypatch):
    neu = _vergleichen(cli, git_beispiel, tmp_path, monkeypatch)
    assert len(neu["oparl"]) > 50 and len(neu["seite"]) > 10 and neu["ical"]  # type: ignore[arg-type]


@pytest.mark.langsam
def test_erzeugtes_repository_mit_fehlern_gleich_wie_auf_dem_alten_weg(cli, erzeugt, tmp_path, monkeypatch):
    neu = _vergleichen(cli, erzeugt, tmp_path, monkeypatch)
    assert len(neu["oparl"]) > 300  # type: ignore[arg-type]


def test_merker_gleich_ohne_merker_fuer_jeden_text_des_exports(git_beispiel, erzeugt):
    """Über alle Texte, die ein OParl-Export schwärzt: mit Merker (auch beim zweiten Mal, auch
    nachdem eine unbekannte id dazukam) dasselbe wie `ersetzen` ohne Merker."""
    from netzwerk_cli.berichte.grundlagen import laden
    from netzwerk_cli.export import oparl

    for daten in (git_beispiel, erzeugt):
        repo = laden(daten, "9999-12-31", pruefen=False)
        export = oparl.exportieren(repo.wurzel, repo.bestand, BASIS, b"s" * 32)
        texte: list[str] = []

        def sammeln(wert, texte=texte):
            if isinstance(wert, str):
                texte.append(wert)
            elif isinstance(wert, dict):
                for k, v in wert.items():
                    sammeln(k)
                    sammeln(v)
            elif isinstance(wert, list):
                for v in wert:
                    sammeln(v)

        sammeln(export.dateien)
        personen = list(repo.bestand.arten.get("person", {}))
        texte += personen + [f"Bericht von {p} und {p}s Kollegin" for p in personen[:50]]
        schutz = datenschutz.Datenschutz(repo.bestand, oeffentlich=True, pseudonym_schluessel=b"s" * 32)
        for runde in range(2):
            for t in texte:
                assert schutz.text(t) == _alter_text(schutz, t), (runde, t)
            if runde == 0:
                assert schutz.bereinigen(export.dateien) == _altes_bereinigen(schutz, export.dateien)
            assert schutz.bereinigen({"a": texte, "b": tuple(texte[:100]), t: {t: 1}}) == _altes_bereinigen(schutz, {"a": texte, "b": tuple(texte[:100]), t: {t: 1}})
            schutz.darf_nennen("unbekannte-person-xyz")  # neue geheime id: neuer Filter
        assert schutz.text("Gespräch mit unbekannte-person-xyz") == "Gespräch mit [Name nicht öffentlich]"


# --------------------------------------------------------------------------- Absturz beim Schreiben


def _absturz_ordner(tmp_path: Path) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    ordner = tmp_path / "export"
    alt = {f"a/{i:03d}.json": f"alt {i}\n".encode() * 50 for i in range(40)} | {"index.html": b"alt\n", "weg.txt": b"weg\n"}
    neu = {f"a/{i:03d}.json": f"neu {i}\n".encode() * 70 for i in range(0, 40, 2)} | {"index.html": b"neu\n", "b/c/neu.txt": b"ganz neu\n"}
    neu |= {f"a/{i:03d}.json": alt[f"a/{i:03d}.json"] for i in range(1, 40, 2)}  # unverändert
    schreiben.schreibe_baum(ordner, alt, "seite")
    return ordner, alt, neu


@pytest.mark.langsam
def test_absturz_an_jedem_schritt_hinterlaesst_keine_halbe_datei(tmp_path):
    """Der Exportbaum wird in einem abgespaltenen Prozess geschrieben, der sich beim k-ten
    Schreibschritt im Ausgabeordner (open, mkstemp, chmod, rename, unlink, mkdir, fsync des
    Ordners …) selbst mit SIGKILL beendet – für jedes k. Danach enthält jede sichtbare Datei
    genau den alten oder den neuen Inhalt, es gibt keine fremde Datei, und ein neuer Lauf
    liefert den vollständigen neuen Baum."""
    import absturz_hilfen as ah

    vorlage, alt, neu = _absturz_ordner(tmp_path / "vorlage")
    ereignisse = _schreiben_im_kind(ah, "zaehlen", vorlage, tmp_path / "z", neu)
    assert len(ereignisse) > 40, ereignisse  # mkstemp/chmod/rename je geänderter Datei
    for k in range(1, len(ereignisse) + 1):
        ordner = tmp_path / f"k{k}" / "export"
        _kopie(vorlage, ordner)
        _schreiben_im_kind(ah, f"k:{k}", ordner, tmp_path / f"k{k}", neu)
        for pfad in ordner.rglob("*"):
            rel = pfad.relative_to(ordner).as_posix()
            if pfad.is_dir() or rel == schreiben.MARKIERUNG or pfad.name.startswith("."):
                continue
            assert pfad.read_bytes() in (alt.get(rel), neu.get(rel)), (k, rel)
        schreiben.schreibe_baum(ordner, neu, "seite")
        sichtbar = {p.relative_to(ordner).as_posix(): p.read_bytes() for p in ordner.rglob("*") if p.is_file() and not p.name.startswith(".")}
        assert sichtbar == neu, k


def _kopie(von: Path, nach: Path) -> None:
    import shutil

    shutil.copytree(von, nach, symlinks=True)


def _schreiben_im_kind(ah, modus: str, ordner: Path, arbeit: Path, neu: dict[str, bytes]) -> list:
    import json
    import sys

    arbeit.mkdir(parents=True, exist_ok=True)
    protokoll = arbeit / "ereignisse.json"
    pid = os.fork()
    if pid == 0:  # pragma: no cover - Kindprozess
        code = 70
        try:
            datei = open(protokoll, "w", encoding="utf-8")
            haken = ah._installieren(modus, str(ordner))
            schreiben.schreibe_baum(ordner, neu, "seite")
            json.dump(haken.ereignisse, datei)
            datei.close()
            code = 0
        except BaseException:
            import traceback

            traceback.print_exc(file=sys.stderr)
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if modus == "zaehlen":
        assert code == 0
        return json.loads(protokoll.read_text(encoding="utf-8"))
    assert code in (0, -9), code
    return []


def test_fehler_vor_dem_umbenennen_laesst_den_alten_stand_und_keine_reste(tmp_path, monkeypatch):
    """Scheitert das Schreiben einer temporären Datei, bleibt jede Datei alt und keine temporäre
    Datei zurück; scheitert ein Umbenennen, sind nur ganze Dateien da (alt oder neu)."""
    ordner, alt, neu = _absturz_ordner(tmp_path)
    echt = dateien._ordner_sperre.vorbereiten
    aufrufe = []

    def vorbereiten(self, pfad, daten):
        aufrufe.append(pfad)
        if len(aufrufe) == 7:
            raise OSError(28, "No space left on device")
        return echt(self, pfad, daten)

    monkeypatch.setattr(dateien._ordner_sperre, "vorbereiten", vorbereiten)
    with pytest.raises(OSError):
        schreiben.schreibe_baum(ordner, neu, "seite")
    monkeypatch.undo()
    sichtbar = {p.relative_to(ordner).as_posix(): p.read_bytes() for p in ordner.rglob("*") if p.is_file()}
    assert not [p for p in sichtbar if Path(p).name.startswith(".") and Path(p).name != schreiben.MARKIERUNG]
    assert {k: v for k, v in sichtbar.items() if k != schreiben.MARKIERUNG} == alt

    echt_replace = os.replace
    zaehler = []

    def replace(a, b, *args, **kw):
        zaehler.append(b)
        if len(zaehler) == 5:
            raise OSError(5, "Input/output error")
        return echt_replace(a, b, *args, **kw)

    monkeypatch.setattr(dateien.os, "replace", replace)
    with pytest.raises(OSError):
        schreiben.schreibe_baum(ordner, neu, "seite")
    monkeypatch.undo()
    for pfad in ordner.rglob("*"):
        rel = pfad.relative_to(ordner).as_posix()
        if pfad.is_file() and rel != schreiben.MARKIERUNG:
            assert not pfad.name.startswith("."), rel  # temporäre Dateien wieder entfernt
            assert pfad.read_bytes() in (alt.get(rel), neu.get(rel)), rel


def test_verknuepfung_zwischen_pruefen_und_umbenennen_wird_abgelehnt(tmp_path, monkeypatch):
    """Wird ein Unterordner nach dem Schreiben der temporären Dateien durch eine Verknüpfung
    ersetzt, benennt der Export dort nichts um (und schreibt nichts außerhalb von ORDNER)."""
    from netzwerk_cli.grundlagen.fehler import NetzwerkFehler

    ordner, alt, neu = _absturz_ordner(tmp_path)
    draussen = tmp_path / "draussen"
    draussen.mkdir()
    echt = dateien._alles_sichern

    def tauschen(pfade):
        echt(pfade)
        (ordner / "a").rename(tmp_path / "a-weg")
        os.symlink(draussen, ordner / "a")

    monkeypatch.setattr(dateien, "_alles_sichern", tauschen)
    with pytest.raises(NetzwerkFehler, match="symbolische Verknüpfung"):
        schreiben.schreibe_baum(ordner, neu, "seite")
    assert list(draussen.iterdir()) == []
    # die temporären Dateien im weggetauschten Ordner bleiben (nichts wird durch die Verknüpfung gelöscht)
    assert [p for p in (tmp_path / "a-weg").iterdir() if p.name.startswith(".")]


# --------------------------------------------------------------------------- Schemaprüfer


_KAPUTT = [
    None, 0, -1, 1.5, True, "", " ", "kein-url", "ftp://beispiel.invalid/x", "https://", "https://a b/c", "https://a/\x01",
    "http://beispiel.invalid/x\u00a0y", "2026-13-01", "2026-02-30", "2026-01-01T10:00:00", "2026-01-01T10:00:00+01:00",
    "2026-01-01", "20260101", [], ["https://beispiel.invalid/x"], [1], {}, {"type": "x"},
]


def _mutationen(objekt, zufall, n: int):
    """`n` Abwandlungen eines Objekts: ein Feld (auch tief in eingebetteten Objekten und Listen)
    entfernt oder durch einen Wert aus `_KAPUTT` bzw. einen anderen Wert des Objekts ersetzt."""
    import copy

    def stellen(wert, pfad):
        if isinstance(wert, dict):
            for k, v in wert.items():
                yield pfad + [k]
                yield from stellen(v, pfad + [k])
        elif isinstance(wert, list):
            for i, v in enumerate(wert):
                yield pfad + [i]
                yield from stellen(v, pfad + [i])

    alle = list(stellen(objekt, []))
    werte = [w for w in _KAPUTT]
    for _ in range(n):
        kopie = copy.deepcopy(objekt)
        for _ in range(zufall.choice((1, 1, 2))):
            pfad = zufall.choice(alle)
            ziel = kopie
            try:
                for t in pfad[:-1]:
                    ziel = ziel[t]
                if zufall.random() < 0.25 and isinstance(ziel, dict):
                    ziel.pop(pfad[-1], None)
                else:
                    ziel[pfad[-1]] = copy.deepcopy(zufall.choice(werte))
            except (KeyError, IndexError, TypeError):
                continue
        yield kopie


def test_schnellpruefer_urteilt_wie_jsonschema(git_beispiel, erzeugt):
    """Für jedes Wurzelobjekt der Exporte von data/ und des erzeugten Repositorys und für
    Tausende Abwandlungen davon (fehlende Pflichtfelder, falsche Typen, falsche URLs und Daten,
    auch in eingebetteten Objekten): jsonschema-rs sagt genau dann „gültig“, wenn jsonschema
    keinen Fehler findet."""
    import random

    from netzwerk_cli.berichte.grundlagen import laden
    from netzwerk_cli.export import oparl

    oparl_pruefung._validatoren.cache_clear()
    oparl_pruefung._schnellpruefer.cache_clear()
    schnell = oparl_pruefung._schnellpruefer()
    genau = oparl_pruefung._validatoren()
    assert schnell is not None
    zufall = random.Random(11)
    gezaehlt = {True: 0, False: 0}
    for daten in (git_beispiel, erzeugt):
        repo = laden(daten, "9999-12-31", pruefen=False)
        export = oparl.exportieren(repo.wurzel, repo.bestand, BASIS, b"s" * 32)
        wurzeln = []
        for inhalt in export.dateien.values():
            if "data" in inhalt and "type" not in inhalt:
                wurzeln += [e for e in inhalt["data"] if oparl_pruefung._typ(e)]
            elif oparl_pruefung._typ(inhalt):
                wurzeln.append(inhalt)
        je_typ: dict[str, int] = {}
        for objekt in wurzeln:
            typ = oparl_pruefung._typ(objekt)
            assert typ is not None
            je_typ[typ] = je_typ.get(typ, 0) + 1
            proben = [objekt] + (list(_mutationen(objekt, zufall, 8)) if je_typ[typ] <= 40 else [])
            for probe in proben:
                if oparl_pruefung._typ(probe) != typ:
                    continue
                gueltig = not any(True for _ in genau[typ].iter_errors(probe))
                assert schnell[typ](probe) == gueltig, (typ, probe)
                gezaehlt[gueltig] += 1
    assert gezaehlt[True] > 300 and gezaehlt[False] > 1000, gezaehlt
    # was jsonschema-rs nicht annimmt (Schlüssel ohne Text, Surrogate, fremde Typen): „ungültig“,
    # also entscheidet jsonschema
    for fremd in ({1: 2, "type": oparl_pruefung.OPARL + "Meeting"}, {"type": oparl_pruefung.OPARL + "Meeting", "name": "\ud800"}, {"type": object()}):
        assert schnell["Meeting"](fremd) is False


def test_url_schneller_weg_gleich_fuer_jedes_zeichen():
    """`_ist_url` mit schnellem Weg urteilt für jedes Unicode-Zeichen (in einer sonst gültigen URL)
    wie Zeichen für Zeichen `isspace() or ord < 32`."""
    # der schnelle Weg gilt für einen Text genau dann, wenn er für jedes Zeichen gilt
    # (isprintable, kein " "); also genügt: für jedes Zeichen folgt daraus „kein Leer-/Steuerzeichen“
    for code in range(0x110000):
        z = chr(code)
        if z.isprintable() and z != " ":
            assert not (z.isspace() or ord(z) < 32), hex(code)
    for z in ("", " ", "\t", "\x00", "\x1f", "\x7f", "\x85", "\u00a0", "\u2028", "\u3000", "\u200b", "\ufeff", "ä", "\ud800"):
        url = f"https://beispiel.invalid/a{z}b"
        assert oparl_pruefung._ist_url(url) == _alte_url_pruefung(url), repr(z)


# --------------------------------------------------------------------------- Schwärzung: neu = alt

_BAUSTEINE = [
    "Maria", "Muster", "maria", "MUSTER", "Musters", "Muster's", "Mustern", "Müller", "Mueller", "Muller", "José", "Jose",
    "ＭＡＲＩＡ", "Ma\u00adria", "Mu\u200bster", "ß", "ss", "ﬁ", "²", " ", "  ", "\u00a0", "\t", "\n", "-", "_", ".", ",", "'",
    "@", "＠", "a@b.de", "x.y@beispiel.invalid", "maria.muster@web.de", "https://beispiel.invalid/maria-muster",
    "person-maria-muster", "bernd-geheim", "Bernd", "Geheim", "BerndGeheim", "AG", "Ä", "é", "\u0301", "\u200d", "\ufeff",
    "İ", "ǅ", "Σ", "ς", "\x00", "\U0001d400", "\ud800", "Straße", "Strasse", "en", "s",
]


def test_normal_gleich_normalisieren_fuer_jedes_zeichen():
    """Jedes Unicode-Zeichen (in Blöcken zu 64, zwischen ASCII-Buchstaben) und jedes für sich
    in den ersten 1 024 Codepunkten (ASCII-Weg): `normal` = erster Teil von `normalisieren`."""
    for start in range(0, 0x110000, 64):
        text = "A" + "".join(chr(c) for c in range(start, min(start + 64, 0x110000))) + "b"
        assert schwaerzung.normal(text) == schwaerzung.normalisieren(text)[0], hex(start)
    for code in range(1024):
        assert schwaerzung.normal(chr(code)) == schwaerzung.normalisieren(chr(code))[0], hex(code)


def test_neues_ersetzen_gleich_altem():
    """Neues `ersetzen` (normal, Vorfilter, Herkunft nur bei Treffer) gegen das alte, über
    zufällig zusammengesetzte Texte aus heiklen Bausteinen und mehrere Namenslisten."""
    import random

    zufall = random.Random(5)
    filter_ = [
        schwaerzung.Namensfilter([]),
        schwaerzung.Namensfilter(["Maria Muster", "bernd-geheim"]),
        schwaerzung.Namensfilter(list(datenschutz._folgen(["Maria Muster", "Müller", "José Ñandú", "person-x1", "Bernd Geheim", "AG"]))),
    ]
    treffer = 0
    for _ in range(6_000):
        text = "".join(zufall.choice(_BAUSTEINE) for _ in range(zufall.randint(0, 12)))
        for f in filter_:
            for email in (None, "[E-Mail]"):
                neu = schwaerzung.ersetzen(text, f, "[N]", email)
                assert neu == _altes_ersetzen(text, f, "[N]", email), (text, email)
                treffer += neu != text
    assert treffer > 1_500
