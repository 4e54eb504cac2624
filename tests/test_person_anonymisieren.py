"""`netzwerk person anonymisieren ID`: Verweise aller Arten (über x-ref), minimale Diffs, Prüfung
des Ergebnisses, keine Kontaktdaten im Arbeitsbaum oder in der Ausgabe, Git-Geschichte, Probelauf,
unterbrochene Läufe und Ablehnungen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import STICHTAG, git, minimal_repo

from netzwerk_cli.aktionen.anonymisierung import ausfuehren as anonymisierung_ausfuehren
from netzwerk_cli.aktionen.anonymisierung import plan as anonymisierung_plan
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.arten import ARTEN
from netzwerk_cli.quellen import dateien, yamltext

PERSON = "paula-pruefer"
NAME = "Paula Prüfer"
EMAIL = "paula.pruefer@beispiel.invalid"
ADRESSE = "Musterweg 5"
NEU = "anonym-002"  # anonym-001 gibt es schon
GEHEIM = (NAME, "Prüfer", EMAIL, "123456", ADRESSE, "70173")

PERSON_TEXT = f"""\
# {NAME}, Tel. 0711 123456 (Kommentar mit Personendaten)
name: {NAME}
titel: Dr.
organisation: amt-a
funktion: Amtsleitung
rollen: [amtsleitung]
oeffentlich: true
kontakt:
  email: {EMAIL}
  telefon: "0711 123456"
  adresse: {ADRESSE}, 70173 Stuttgart
quelle: Telefonliste 2024
notiz: privat erreichbar
"""

# Verweise in jeder Schreibweise: Blockliste mit Kommentar, Flow-Mapping mit Umlaut davor,
# Flow-Liste, einfache und doppelte Anführungszeichen, CRLF mit BOM.
DATEIEN: dict[str, str | bytes] = {
    "organisationen/amt-a.yaml": "name: Amt A\ntyp: amt\n",
    f"personen/{PERSON}.yaml": PERSON_TEXT,
    "personen/otto-ohne.yaml": "name: Otto Ohne\norganisation: amt-a\n",
    "personen/anonym-001.yaml": "name: Anonymisierte Person\noeffentlich: false\n",
    "gremien/arbeitskreis.yaml": (
        "# Arbeitskreis – dieser Kommentar bleibt\n"
        "name: Arbeitskreis Test\n"
        "art: arbeitskreis\n"
        "mitglieder:\n"
        f"  - person: {PERSON}   # Vorsitz seit 2020\n"
        "    von: 2020-01-01\n"
        f'  - {{funktion: "Vertretung für Übergänge", person: otto-ohne, art: stellvertretung, vertritt: {PERSON}, von: 2020-01-01}}\n'
        "  - person: otto-ohne\n"
        "    von: 2019-01-01\n"
    ),
    "arbeitsgruppen/ag-test.yaml": (
        f"name: AG Test\neingesetzt_von: arbeitskreis\nleitung: ['{PERSON}']\nmitglieder:\n"
        f'  - person: "{PERSON}"\n  - person: otto-ohne\n'
    ),
    "sitzungen/2021/arbeitskreis-2021-05-05.yaml": (
        "\ufeffgremium: arbeitskreis\r\ndatum: 2021-05-05\r\nstatus: durchgefuehrt\r\n"
        f"anwesend: [otto-ohne, {PERSON}]  # beide da\r\n"
        "notiz: Bericht von Frau Prüfer; Rückfragen an 0711/123456\r\n"
    ).encode(),
    "sitzungen/2021/arbeitskreis-2021-09-09.yaml": (
        f"gremium: arbeitskreis\ndatum: 2021-09-09\nstatus: durchgefuehrt\nanwesend:\n  - otto-ohne\nentschuldigt:\n  - {PERSON}\n"
    ),
    "veranstaltungen/fachtag.yaml": (
        f"titel: Fachtag\ndatum: 2022-06-01\nprogramm:\n  - titel: Grußwort\n    personen: [{PERSON}]\n"
        f'    mitwirkende: ["{NAME} (Amt A)"]\n'
    ),
}
VERWEISDATEIEN = [d for d in DATEIEN if d.split("/")[0] not in ("personen", "organisationen")]


def anlegen(ordner: Path, mit_git: bool = True) -> Path:
    wurzel = minimal_repo(ordner, DATEIEN)
    if mit_git:
        git(wurzel, "init", "-q", "-b", "main")
        git(wurzel, "add", "-A")
        git(wurzel, "commit", "-q", "-m", "Erster Stand")
    return wurzel


@pytest.fixture
def repo(tmp_path) -> Path:
    return anlegen(tmp_path / "daten")


def anonymisieren(cli, wurzel, *args):
    stichtag = () if "--stichtag" in args else ("--stichtag", STICHTAG)
    return cli("person", "anonymisieren", *args, "--daten", wurzel, *stichtag)


def schnappschuss(wurzel: Path) -> dict[str, bytes]:
    return {p.relative_to(wurzel).as_posix(): p.read_bytes() for p in sorted(wurzel.rglob("*")) if p.is_file() and ".git" not in p.parts}


def fehler(cli, wurzel) -> list[dict]:
    r = cli("validate", "--daten", wurzel, "--stichtag", STICHTAG, "--format", "json")
    return [b for b in json.loads(r.stdout)["befunde"] if b["schwere"] == "fehler"]


def ohne_personendaten(*texte: str) -> None:
    for text in texte:
        for geheim in GEHEIM:
            assert geheim not in text, f"„{geheim}“ erscheint in der Ausgabe"


# --------------------------------------------------------------------------- der Normalfall


def test_testdaten_decken_jedes_personen_verweisfeld_ab():
    """Die Testdaten enthalten die Person in jedem Feld mit `x-ref: person` (aus den Schemas, nicht
    aus einer Liste im Test); kommt ein neues Verweisfeld hinzu, fällt dieser Test auf."""
    alle = {(art, m) for art in ARTEN for m, ziel in schemata.verweise(art) if ziel == "person"}
    assert len(alle) >= 7
    gefunden = set()
    ordner_art = {"gremien": "gremium", "arbeitsgruppen": "arbeitsgruppe", "sitzungen": "sitzung", "veranstaltungen": "veranstaltung"}
    for datei, text in DATEIEN.items():
        art = ordner_art.get(datei.split("/")[0])
        if art is None:
            continue
        text = text.decode("utf-8-sig") if isinstance(text, bytes) else text
        dok, _ = yamltext.lade_text(text)
        for m, ziel in schemata.verweise(art):
            if ziel == "person" and any(w == PERSON for _, w in schemata.werte(dok.daten, m)):
                gefunden.add((art, m))
    assert gefunden == alle


def test_anonymisieren_stellt_alle_verweise_minimal_um(cli, repo):
    assert fehler(cli, repo) == []
    vorher = schnappschuss(repo)
    r = anonymisieren(cli, repo, PERSON)
    assert r.exit_code == 0, r.stderr
    ohne_personendaten(r.stdout, r.stderr)
    nachher = schnappschuss(repo)

    # Personendatei: alte weg, neue unter neutraler id, ohne Name, Kontakt, Titel, Quelle, Notiz
    assert f"personen/{PERSON}.yaml" not in nachher
    neu = nachher[f"personen/{NEU}.yaml"].decode("utf-8")
    dok, _ = yamltext.lade_text(neu)
    assert dok.daten == {
        "name": "Anonymisierte Person",
        "organisation": "amt-a",
        "funktion": "Amtsleitung",
        "rollen": ["amtsleitung"],
        "oeffentlich": False,
    }
    for geheim in GEHEIM:
        assert geheim not in neu

    # Verweisdateien: genau die alte id wird ersetzt, sonst bleibt jedes Byte (Kommentare,
    # Anführungszeichen, Flow-Listen, CRLF, BOM)
    for datei in VERWEISDATEIEN:
        assert nachher[datei] == vorher[datei].replace(PERSON.encode(), NEU.encode()), datei
    assert nachher["sitzungen/2021/arbeitskreis-2021-05-05.yaml"].startswith(b"\xef\xbb\xbfgremium: arbeitskreis\r\n")
    assert b"# Vorsitz seit 2020" in nachher["gremien/arbeitskreis.yaml"]
    # alle übrigen Dateien unverändert
    for datei in set(vorher) - set(VERWEISDATEIEN) - {f"personen/{PERSON}.yaml"}:
        assert nachher[datei] == vorher[datei], datei

    assert fehler(cli, repo) == []
    assert f"Person „{PERSON}“ anonymisiert → „{NEU}“" in r.stdout
    assert "Verweise umgestellt: 7 in 5 Dateien" in r.stdout


def test_kontaktdaten_nur_noch_in_gemeldeten_freitextstellen(cli, repo):
    r = anonymisieren(cli, repo, PERSON)
    assert r.exit_code == 0, r.stderr
    funde = {}
    for datei, inhalt in schnappschuss(repo).items():
        text = inhalt.decode("utf-8", errors="replace")
        for geheim in (EMAIL, ADRESSE, "70173", PERSON):
            assert geheim not in text, (geheim, datei)
        for geheim in ("Prüfer", "123456"):
            if geheim in text:
                funde.setdefault(datei, set()).add(geheim)
    # Freitext wird nicht automatisch geändert, aber jede Stelle gemeldet
    assert funde == {
        "sitzungen/2021/arbeitskreis-2021-05-05.yaml": {"Prüfer", "123456"},
        "veranstaltungen/fachtag.yaml": {"Prüfer"},
    }
    assert "sitzungen/2021/arbeitskreis-2021-05-05.yaml:5:20  Nachname  $.notiz" in r.stdout
    assert "sitzungen/2021/arbeitskreis-2021-05-05.yaml:5:47  Telefon  $.notiz" in r.stdout
    assert "veranstaltungen/fachtag.yaml:6:20  Name  $.programm[0].mitwirkende[0]" in r.stdout


def test_beispieldaten_mit_git_geschichte(cli, git_beispiel):
    """Die mitgelieferten Beispieldaten: maria-muster hat Kontaktdaten und viele Verweise."""
    git(git_beispiel, "switch", "-q", "-c", "nebenzweig")
    notiz = git_beispiel / "gremien" / "strategiegruppe.yaml"
    notiz.write_text(notiz.read_text(encoding="utf-8") + "notiz: Rückfragen an maria.muster@beispiel.invalid\n", encoding="utf-8")
    git(git_beispiel, "commit", "-q", "-am", "Hinweis von Maria Muster ergänzt")
    seite = git(git_beispiel, "rev-parse", "HEAD").strip()
    git(git_beispiel, "switch", "-q", "main")
    erster = git(git_beispiel, "rev-parse", "HEAD").strip()

    r = cli("person", "anonymisieren", "maria-muster", "--daten", git_beispiel, "--stichtag", STICHTAG)
    assert r.exit_code == 0, r.stderr
    for geheim in ("Maria Muster", "maria.muster@", "0000 000000"):
        assert geheim not in r.stdout + r.stderr
    assert fehler(cli, git_beispiel) == []
    for datei, inhalt in schnappschuss(git_beispiel).items():
        assert b"maria.muster@" not in inhalt and b"0000 000000" not in inhalt and b"maria-muster" not in inhalt, datei
    # Freitext bleibt und wird gemeldet (verlauf.durch, README)
    assert "empfehlungen/2024/2024-001.yaml:20:" in r.stdout and "$.verlauf[1].durch" in r.stdout
    assert "README.md:" in r.stdout
    # Git: der erste Commit und der auf dem Nebenzweig; Betreff geschwärzt
    assert erster[:10] in r.stdout and seite[:10] in r.stdout
    assert "Hinweis von [Name] ergänzt" in r.stdout
    assert "git filter-repo" in r.stdout and "force-push" in r.stdout and "Geschichte behalten" in r.stdout
    # Die Arbeitskopie ist geändert, aber nicht committet (ohne --commit)
    assert git(git_beispiel, "status", "--porcelain")


def test_keine_kontaktdaten_im_zwischenspeicher(cli, repo, tmp_path):
    """Was `validate` zwischenspeichert (in .git oder im Cache-Ordner), enthält danach weder
    Name noch Kontaktdaten."""
    assert fehler(cli, repo) == []  # füllt einen etwaigen Zwischenspeicher

    def fundorte() -> list[Path]:
        orte = [p for p in (repo / ".git").rglob("*") if p.is_file() and "objects" not in p.parts]
        orte += [p for p in Path.home().rglob("*") if p.is_file() and p.name != ".gitconfig"]
        return [p for p in orte if EMAIL.encode() in p.read_bytes() or b"Musterweg" in p.read_bytes()]

    r = anonymisieren(cli, repo, PERSON)
    assert r.exit_code == 0, r.stderr
    assert fundorte() == []
    # auch die alte id nicht (sie stand in den Abhängigkeiten der Querprüfung)
    speicher = [p for p in (repo / ".git" / "netzwerk").rglob("*.bin")]
    assert speicher and not [p.name for p in speicher if PERSON.encode() in p.read_bytes()]


def test_amt_entfernen_wird_abgelehnt_wenn_sitzregel_es_braucht(cli, beispiel):
    vorher = schnappschuss(beispiel)
    r = cli("person", "anonymisieren", "maria-muster", "--amt-entfernen", "--daten", beispiel, "--stichtag", STICHTAG)
    assert r.exit_code == 1
    assert "sitz-regel" in r.stdout and "nichts geschrieben" in r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    assert "Maria Muster" not in r.stdout + r.stderr
    assert schnappschuss(beispiel) == vorher
    r = cli("person", "anonymisieren", "maria-muster", "--amt-entfernen", "--format", "json", "--daten", beispiel, "--stichtag", STICHTAG)
    assert r.exit_code == 1
    daten = json.loads(r.stdout)
    assert daten["geschrieben"] is False and {b["regel"] for b in daten["befunde"]} == {"sitz-regel"}
    assert "Maria Muster" not in r.stdout
    assert schnappschuss(beispiel) == vorher


def test_amt_entfernen_ohne_sitzregel(cli, repo):
    r = anonymisieren(cli, repo, PERSON, "--amt-entfernen")
    assert r.exit_code == 0, r.stdout + r.stderr
    dok, _ = yamltext.lade_text((repo / "personen" / f"{NEU}.yaml").read_text(encoding="utf-8"))
    assert dok.daten == {"name": "Anonymisierte Person", "oeffentlich": False}
    assert fehler(cli, repo) == []


def test_neue_id_und_commit(cli, repo):
    r = anonymisieren(cli, repo, PERSON, "--neue-id", "person-17", "--commit")
    assert r.exit_code == 0, r.stderr
    assert (repo / "personen" / "person-17.yaml").is_file()
    assert git(repo, "status", "--porcelain") == ""
    nachricht = git(repo, "log", "-1", "--format=%B")
    assert "person-17" in nachricht and PERSON not in nachricht and NAME not in nachricht
    geaendert = git(repo, "show", "--name-status", "--format=", "HEAD").split("\n")
    assert f"D\tpersonen/{PERSON}.yaml" in geaendert and "A\tpersonen/person-17.yaml" in geaendert
    assert "Commit " in r.stdout


# --------------------------------------------------------------------------- Probelauf, JSON, ohne Git


def test_probelauf_aendert_nichts_und_zeigt_geschwaerzten_diff(cli, repo):
    vorher = schnappschuss(repo)
    r = anonymisieren(cli, repo, PERSON, "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert schnappschuss(repo) == vorher
    ohne_personendaten(r.stdout, r.stderr)
    assert f"+++ b/personen/{NEU}.yaml" in r.stdout
    assert f"-  - person: {PERSON}   # Vorsitz seit 2020\n+  - person: {NEU}   # Vorsitz seit 2020\n" in r.stdout
    assert f"personen/{PERSON}.yaml: wird gelöscht (Inhalt nicht angezeigt" in r.stdout
    assert "Bericht von [Nachname]; Rückfragen an [Telefon]" in r.stdout  # Kontextzeile geschwärzt
    assert "würde anonymisiert" in r.stdout and "(Probelauf: nichts geschrieben)" in r.stdout


def test_json_ohne_git(cli, tmp_path):
    wurzel = anlegen(tmp_path / "daten", mit_git=False)
    r = anonymisieren(cli, wurzel, PERSON, "--format", "json", "--dry-run")
    assert r.exit_code == 0, r.stderr
    ohne_personendaten(r.stdout)
    daten = json.loads(r.stdout)
    assert daten["neue_id"] == NEU and daten["geschrieben"] is False
    assert daten["git"] == {"repository": False, "meldung": None, "commits": [], "optionen": []}
    assert {(f["datei"], f["art"]) for f in daten["verbleibend"]} == {
        ("sitzungen/2021/arbeitskreis-2021-05-05.yaml", "nachname"),
        ("sitzungen/2021/arbeitskreis-2021-05-05.yaml", "telefon"),
        ("veranstaltungen/fachtag.yaml", "name"),
    }
    assert [a["art"] for a in daten["aenderungen"]] == ["neu"] + ["geaendert"] * 5 + ["geloescht"]
    assert "diff" in daten

    r = anonymisieren(cli, wurzel, PERSON)
    assert r.exit_code == 0, r.stderr
    assert "keinem Git-Repository" in r.stdout


# --------------------------------------------------------------------------- Unterbrechung


def _abbruch_nach(monkeypatch, ziel: str, erlaubt: int):
    """Lässt `ziel` (Funktionsname in quellen.dateien bzw. anonymisierung.ausfuehren) nach `erlaubt` Aufrufen scheitern."""
    modul = dateien if hasattr(dateien, ziel) else anonymisierung_ausfuehren
    echt = getattr(modul, ziel)
    zaehler = {"n": 0}

    def unterbrochen(*args, **kwargs):
        zaehler["n"] += 1
        if zaehler["n"] > erlaubt:
            raise KeyboardInterrupt
        return echt(*args, **kwargs)

    monkeypatch.setattr(modul, ziel, unterbrochen)


@pytest.mark.parametrize(
    "ziel, erlaubt",
    [
        ("ersetze_wenn_unveraendert", 0),  # vor der Marke
        ("erstelle_neu", 0),  # nach der Marke, vor der neuen Datei
        ("ersetze_wenn_unveraendert", 3),  # Marke und zwei Verweisdateien geschrieben
        ("loesche_wenn_unveraendert", 0),  # alles außer dem Löschen
    ],
)
def test_unterbrochener_lauf_laesst_sich_fortsetzen(cli, tmp_path, monkeypatch, ziel, erlaubt):
    ungestoert = anlegen(tmp_path / "ungestoert")
    assert anonymisieren(cli, ungestoert, PERSON).exit_code == 0
    erwartet = schnappschuss(ungestoert)

    wurzel = anlegen(tmp_path / "daten")
    with monkeypatch.context() as m:
        _abbruch_nach(m, ziel, erlaubt)
        r = anonymisieren(cli, wurzel, PERSON)
    assert r.exit_code == 2 and "abgebrochen" in r.stderr
    if (ziel, erlaubt) != ("ersetze_wenn_unveraendert", 0):
        assert (wurzel / "personen" / f"{PERSON}.yaml").read_text(encoding="utf-8").startswith(
            f"# netzwerk person anonymisieren: unterbrochen – Ziel {NEU};"
        )
        # eine andere neue id passt nicht zum unterbrochenen Lauf
        r = anonymisieren(cli, wurzel, PERSON, "--neue-id", "anonym-099")
        assert r.exit_code == 2 and f"--neue-id {NEU}" in r.stderr
        # --commit nur auf sauberem Stand
        r = anonymisieren(cli, wurzel, PERSON, "--commit")
        assert r.exit_code == 1 and "unterbrochener Lauf" in r.stderr

    r = anonymisieren(cli, wurzel, PERSON)
    assert r.exit_code == 0, r.stderr
    ohne_personendaten(r.stdout)
    assert schnappschuss(wurzel) == erwartet
    assert fehler(cli, wurzel) == []
    # danach gibt es die Person nicht mehr
    r = anonymisieren(cli, wurzel, PERSON)
    assert r.exit_code == 1 and "gibt es nicht" in r.stderr


# --------------------------------------------------------------------------- Ablehnungen


@pytest.mark.parametrize(
    "args, code, meldung",
    [
        (["unbekannt"], 1, "Person „unbekannt“ gibt es nicht"),
        (["Paula"], 2, "keine gültige Personen-id"),
        ([PERSON, "--neue-id", "Anonym_1"], 2, "--neue-id"),
        ([PERSON, "--neue-id", PERSON], 2, "unterscheiden"),
        ([PERSON, "--neue-id", "pruefer-2"], 2, "Teil des bisherigen Namens"),
        ([PERSON, "--neue-id", "paula-1"], 2, "Teil des bisherigen Namens"),
        ([PERSON, "--neue-id", "otto-ohne"], 1, "gibt es schon"),
        ([PERSON, "--neue-id", "anonym-001"], 1, "gibt es schon"),
        ([PERSON, "--dry-run", "--commit"], 2, "schließen sich aus"),
        ([PERSON, "--stichtag", "2026-13-01"], 2, "kein gültiges Datum"),
    ],
)
def test_ablehnungen_ohne_aenderung(cli, repo, args, code, meldung):
    vorher = schnappschuss(repo)
    r = anonymisieren(cli, repo, *args)
    assert r.exit_code == code, r.stdout + r.stderr
    assert meldung in r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    ohne_personendaten(r.stdout, r.stderr)
    assert schnappschuss(repo) == vorher


def test_ohne_datenrepository(cli, tmp_path):
    r = cli("person", "anonymisieren", PERSON, "--daten", tmp_path)
    assert r.exit_code == 2 and "netzwerk.yaml" in r.stderr


def test_verweis_auf_neue_id_ohne_person_wird_uebersprungen_oder_abgelehnt(cli, repo):
    (repo / "sitzungen" / "2021" / "arbeitskreis-2021-09-09.yaml").write_text(
        "gremium: arbeitskreis\ndatum: 2021-09-09\nstatus: durchgefuehrt\nanwesend:\n  - otto-ohne\n  - anonym-002\n"
        f"entschuldigt:\n  - {PERSON}\n",
        encoding="utf-8",
    )
    r = anonymisieren(cli, repo, PERSON, "--neue-id", "anonym-002", "--dry-run")
    assert r.exit_code == 1 and "verweisen schon" in r.stderr
    r = anonymisieren(cli, repo, PERSON, "--dry-run")
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "→ „anonym-003“" in r.stdout


def test_unlesbare_datei_mit_der_id_wird_abgelehnt(cli, repo):
    kaputt = repo / "sitzungen" / "2021" / "arbeitskreis-2021-09-09.yaml"
    kaputt.write_text(f"gremium: arbeitskreis\nanwesend: [{PERSON}\n", encoding="utf-8")
    vorher = schnappschuss(repo)
    r = anonymisieren(cli, repo, PERSON)
    assert r.exit_code == 1 and "nicht lesbar" in r.stderr and "arbeitskreis-2021-09-09.yaml" in r.stderr
    assert schnappschuss(repo) == vorher


def test_ungewoehnlich_geschriebener_verweis_wird_abgelehnt(cli, repo):
    ag = repo / "arbeitsgruppen" / "ag-test.yaml"
    ag.write_text(ag.read_text(encoding="utf-8").replace(f'"{PERSON}"', '"paula\\x2dpruefer"'), encoding="utf-8")
    vorher = schnappschuss(repo)
    r = anonymisieren(cli, repo, PERSON)
    assert r.exit_code == 1 and "ag-test.yaml:5:" in r.stderr and "von Hand" in r.stderr
    assert schnappschuss(repo) == vorher


def test_commit_abgelehnt_bei_nicht_committeten_aenderungen_und_ohne_git(cli, repo, tmp_path):
    gremium = repo / "gremien" / "arbeitskreis.yaml"
    gremium.write_text(gremium.read_text(encoding="utf-8") + "# lokal geändert\n", encoding="utf-8")
    vorher = schnappschuss(repo)
    r = anonymisieren(cli, repo, PERSON, "--commit")
    assert r.exit_code == 1 and "nicht committete Änderungen" in r.stderr
    assert schnappschuss(repo) == vorher

    git(repo, "checkout", "-q", "--", "gremien/arbeitskreis.yaml")
    git(repo, "checkout", "-q", "--detach")
    r = anonymisieren(cli, repo, PERSON, "--commit")
    assert r.exit_code == 1 and "losgelöst" in r.stderr
    assert git(repo, "status", "--porcelain") == ""

    ohne = anlegen(tmp_path / "ohne-git", mit_git=False)
    vorher = schnappschuss(ohne)
    r = anonymisieren(cli, ohne, PERSON, "--commit")
    assert r.exit_code == 1 and "kein Git-Repository" in r.stderr
    assert schnappschuss(ohne) == vorher


def test_person_ohne_verweise_und_ohne_kontakt(cli, tmp_path):
    wurzel = minimal_repo(tmp_path / "d", {"personen/nur-name.yaml": "name: Nur Name\n"})
    r = cli("person", "anonymisieren", "nur-name", "--daten", wurzel, "--stichtag", STICHTAG)
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in (wurzel / "personen").iterdir()) == ["anonym-001.yaml"]
    assert "Verweise umgestellt: 0 in 0 Dateien" in r.stdout
    assert "Im Arbeitsbaum stehen danach weder Name" in r.stdout


# --------------------------------------------------------------------------- git_geschichte.commits_mit_text


def test_git_suche_in_der_geschichte(tmp_path):
    from netzwerk_cli.quellen import git_geschichte as gitmodul

    assert gitmodul.commits_mit_text(tmp_path, {"name": "x"}) is None
    git(tmp_path, "init", "-q", "-b", "main")
    assert gitmodul.commits_mit_text(tmp_path, {"name": "Erika"}) == []
    (tmp_path / "a.txt").write_text("Erika Beispiel\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "eins")
    (tmp_path / "a.txt").write_text("entfernt\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "zwei: erika beispiel entfernt")
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "drei")
    funde = gitmodul.commits_mit_text(tmp_path, {"name": "Erika Beispiel", "leer": ""})
    assert [f.betreff for f in funde] == ["zwei: erika beispiel entfernt", "eins"]
    assert funde[0].arten == ("name",) and funde[0].in_nachricht == ("name",)
    assert funde[1].in_nachricht == ()


def test_pfad_mit_unterordner_bleibt(cli, tmp_path):
    dateien = dict(DATEIEN)
    dateien[f"personen/aktiv/{PERSON}.yaml"] = dateien.pop(f"personen/{PERSON}.yaml")
    wurzel = minimal_repo(tmp_path / "d", dateien)
    r = anonymisieren(cli, wurzel, PERSON)
    assert r.exit_code == 0, r.stderr
    assert (wurzel / "personen" / "aktiv" / f"{NEU}.yaml").is_file()
    assert not (wurzel / "personen" / "aktiv" / f"{PERSON}.yaml").exists()


def test_fundstellen_in_anderen_dateien_und_dateinamen(cli, tmp_path):
    wurzel = anlegen(tmp_path / "d", mit_git=False)
    (wurzel / "notizen").mkdir()
    (wurzel / "notizen" / f"{PERSON}.txt").write_text(f"Telefonnotiz\nAnruf von Dr. Prüfer,\n{NAME.replace(' ', chr(10))}\n", encoding="utf-8")
    (wurzel / "notizen" / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01")
    r = anonymisieren(cli, wurzel, PERSON, "--dry-run")
    assert r.exit_code == 0, r.stderr
    ohne_personendaten(r.stdout)
    assert f"notizen/{PERSON}.txt  alte id im Datei- oder Ordnernamen" in r.stdout
    assert f"notizen/{PERSON}.txt:2:11  Nachname" in r.stdout
    assert f"notizen/{PERSON}.txt:3:1  Name" in r.stdout  # Name über einen Zeilenumbruch hinweg
    assert "Nicht durchsucht (keine UTF-8-Textdatei oder größer als 1 MiB): notizen/scan.pdf" in r.stdout


def test_verknuepfte_ordner_werden_nicht_durchsucht(tmp_path):
    """Verknüpfte Ordner werden bei der Suche nach Resten nicht verfolgt (keine Schleifen)."""
    wurzel = anlegen(tmp_path / "d", mit_git=False)
    (wurzel / "verweis").symlink_to(wurzel, target_is_directory=True)
    plan = anonymisierung_plan.plane(wurzel, PERSON, stichtag=STICHTAG)
    assert plan.verbleibend and all(not f.datei.startswith("verweis/") for f in plan.verbleibend)
