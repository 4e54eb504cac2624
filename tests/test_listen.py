"""Listen (`gremium|sitzung|ag|person|empfehlung list`): lesbar bei 80 Spalten und in einer Pipe, bei
jeder Größe – Zellen werden an Wortgrenzen umbrochen oder gekürzt, nie mitten im Wort; höchstens
`MAX_ZEILEN` Zeilen je Eintrag; Bezeichnungen statt Roh-ids; Personen nach Datenschutz."""

from __future__ import annotations

import io
import json
import re

import pytest
from conftest import minimal_repo

from netzwerk_cli.ausgabe import listen as ausgabe

LANG = (
    "Mehrsprachige und barrierearme Beratungsangebote zur Wohnungssuche für geflüchtete Familien "
    "mit Kindern im ganzen Landkreis einschließlich der kreisangehörigen Gemeinden und Städte "
) * 3
WORT = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsverordnung" * 2


def _repo(tmp_path, n: int = 40):
    dateien = {
        "organisationen/kreis.yaml": "name: Landkreis Testkreis\ntyp: landkreis\n",
        "gremien/lenkungskreis.yaml": "name: Lenkungskreis Integration\nkurzname: Lenkungskreis\nart: steuerungsgruppe\n",
        "arbeitsgruppen/ag-wohnen.yaml": "name: AG Wohnen\neingesetzt_von: lenkungskreis\nstatus: aktiv\nbeginn: 2024-01-01\n",
    }
    for i in range(n):
        titel = (LANG if i % 3 else WORT + " " + LANG)[: 300 + i]
        if i == 1:
            titel = "Steuer\x1b[31mzeichen\u202e im Titel"
        dateien[f"empfehlungen/2024-{i:03d}.yaml"] = (
            f"titel: {json.dumps(titel.strip())}\narbeitsgruppe: ag-wohnen\nentscheidungsgremium: lenkungskreis\n"
            f"status: {'nicht_umgesetzt' if i == 0 else 'entwurf'}\nverlauf:\n  - status: entwurf\n    datum: 2024-0{1 + i % 9}-15\n"
        )
    return minimal_repo(tmp_path / "daten", dateien)


def _flach(text: str) -> str:
    return " ".join(text.split())


def _eintraege(zeilen: list[str]) -> list[str]:
    linie = next(i for i, z in enumerate(zeilen) if z.startswith("─"))
    return zeilen[linie + 1 : -2]


def _textzeilen(ausgabe_text: str) -> list[str]:
    return ausgabe_text.rstrip("\n").split("\n")


@pytest.mark.parametrize("breite", [80, 40, 200])
def test_empfehlung_list_wenige_zeilen_je_eintrag_und_nie_zu_breit(tmp_path, cli, monkeypatch, breite):
    monkeypatch.setenv("COLUMNS", str(breite))
    wurzel = _repo(tmp_path)
    r = cli("empfehlung", "list", "--daten", wurzel)
    assert r.exit_code == 0, r.stderr
    zeilen = _textzeilen(r.stdout)
    n = 40
    # Titel, Leerzeile, Kopf, Linie … Leerzeile, Fußzeile; je Eintrag höchstens MAX_ZEILEN Zeilen
    # (bei sehr schmaler Ausgabe gestapelt: eine Zeile mit id und Status, darunter der Titel)
    eintraege = _eintraege(zeilen)
    assert zeilen[-1] == f"{n} Empfehlungen"
    assert n <= len(eintraege) <= ausgabe.ZEILEN_JE_EINTRAG * n
    assert sum(1 for z in eintraege if re.match(r"2024-\d{3} ", z)) == n
    assert max(len(z) for z in zeilen) <= breite


def test_empfehlung_list_bricht_nie_mitten_im_wort(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("empfehlung", "list", "--daten", _repo(tmp_path))
    woerter = set(LANG.split()) | {WORT, "(AG", "Wohnen)", "…", "Steuer", "zeichen", "im", "Titel", "[31mzeichen"}
    titelspalte = _textzeilen(r.stdout)[2].index("Titel")
    for zeile in _eintraege(_textzeilen(r.stdout)):
        for wort in zeile[titelspalte:].split():
            assert wort in woerter or wort.endswith("…") and any(w.startswith(wort[:-1]) for w in woerter), (wort, zeile)


def test_empfehlung_list_bezeichnungen_statt_roh_ids(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("empfehlung", "list", "--daten", _repo(tmp_path, 3))
    assert "nicht umgesetzt" in r.stdout and "nicht_umgesetzt" not in r.stdout
    assert "15.01.2024" in r.stdout and "2024-01-15" not in r.stdout
    assert "(AG Wohnen)" in r.stdout and "ag-wohnen" not in r.stdout
    kopf = _textzeilen(r.stdout)[2].split()
    assert kopf == ["id", "Status", "seit", "Titel", "(Herkunft)"]  # keine leere Spalte „weiter“
    assert "\x1b" not in r.stdout and "\u202e" not in r.stdout  # Steuerzeichen aus den Daten
    j = json.loads(cli("empfehlung", "list", "--daten", _repo(tmp_path / "b", 3), "--format", "json").stdout)
    assert j[0]["status"] == "nicht_umgesetzt" and j[0]["status_text"] == "nicht umgesetzt"
    assert j[0]["herkunft"] == "ag-wohnen" and j[0]["herkunft_name"] == "AG Wohnen" and j[0]["naechster_schritt"]


def test_umbrechen_und_kuerzen():
    assert ausgabe.umbrechen("eins zwei drei", 80) == ["eins zwei drei"]
    teile = ausgabe.umbrechen("aaaa bbbb cccc dddd eeee ffff gggg hhhh", 9, zeilen=2)
    assert teile == ["aaaa bbbb", "cccc …"]
    assert ausgabe.umbrechen(WORT, 20) == [WORT[:19] + "…"]
    assert all(len(t) <= 12 for t in ausgabe.umbrechen(f"kurz {WORT} kurz", 12))
    assert ausgabe.zelle("a\nb\tc\x1b[2Jd\u2028e") == "a b c [2Jd e"
    assert ausgabe.zelle(None) == "–" and ausgabe.zelle("") == "–"


def test_lange_ids_werden_gestapelt_nie_gekuerzt():
    eintraege = [{"id": "ag-" + "x" * 60, "name": "AG " + LANG, "status_text": "aktiv", "leitung": [], "beispiel": False}]
    puffer = io.StringIO()
    ausgabe.arbeitsgruppen_text(eintraege, breite=80, datei=puffer)
    zeilen = _textzeilen(puffer.getvalue())
    assert any(z.startswith("ag-" + "x" * 60) for z in zeilen)
    assert max(len(z) for z in zeilen if not z.startswith("ag-")) <= 80
    assert len(_eintraege(zeilen)) <= ausgabe.ZEILEN_JE_EINTRAG


# --------------------------------------------------------------------------- die neuen Listen


PERSONEN = {
    "organisationen/kreis.yaml": "name: Landkreis Testkreis\ntyp: landkreis\n",
    "personen/anna-offen.yaml": "name: Anna Offen\norganisation: kreis\nfunktion: Landrätin\noeffentlich: true\n",
    "personen/bert-privat.yaml": (
        "name: Bert Privat\norganisation: kreis\nfunktion: Sachbearbeiter\nrollen: [geschaeftsstelle]\n"
        "kontakt:\n  email: bert@marke.invalid\n  telefon: \"+49 1234 99887\"\n"
    ),
    "gremien/lenkungskreis.yaml": (
        "name: Lenkungskreis Integration\nart: steuerungsgruppe\nsitzungen_pro_jahr: {min: 0, max: 9}\nmitglieder:\n"
        "  - {person: anna-offen, von: 2020-01-01}\n  - {person: bert-privat, von: 2020-01-01, bis: 2021-12-31}\n"
    ),
    "arbeitsgruppen/ag-wohnen.yaml": "name: AG Wohnen\neingesetzt_von: lenkungskreis\nstatus: aktiv\nbeginn: 2024-01-01\nleitung: [bert-privat]\n",
    "arbeitsgruppen/ag-alt.yaml": "name: AG Alt\neingesetzt_von: lenkungskreis\nstatus: abgeschlossen\nabgeschlossen_am: 2023-05-01\n",
    "sitzungen/lenkungskreis-2025-03-01.yaml": "gremium: lenkungskreis\ndatum: 2025-03-01\nstatus: durchgefuehrt\nanwesend: [anna-offen]\n",
    "sitzungen/lenkungskreis-2027-03-01.yaml": "gremium: lenkungskreis\ndatum: 2027-03-01\nstatus: geplant\nort: Kreishaus\n",
}


@pytest.fixture
def klein(tmp_path):
    return minimal_repo(tmp_path / "klein", PERSONEN)


def test_person_list_intern_und_oeffentlich(klein, cli):
    intern = cli("person", "list", "--daten", klein, "--stichtag", "2026-06-01")
    assert intern.exit_code == 0 and "Bert Privat" in intern.stdout and "Anna Offen" in intern.stdout
    assert "Geschäftsstelle" in intern.stdout and "in Lenkungskreis Integration" in _flach(intern.stdout)
    oeff = cli("person", "list", "--daten", klein, "--oeffentlich", "--stichtag", "2026-06-01")
    assert "Anna Offen" in oeff.stdout and "Bert" not in oeff.stdout and "bert-privat" not in oeff.stdout
    assert "Sachbearbeiter (Name nicht öffentlich)" in _flach(oeff.stdout)  # Funktion anstelle des Namens, wie in den Berichten
    assert "davon 1 ohne Namen (Name nicht öffentlich)" in _flach(oeff.stdout)
    j = json.loads(cli("person", "list", "--daten", klein, "--oeffentlich", "--format", "json").stdout)
    assert [p["id"] for p in j["personen"]] == ["anna-offen", None]
    assert j["personen"][1]["nicht_oeffentlich"] and j["personen"][1]["bezeichnung"] == "Sachbearbeiter (Name nicht öffentlich)"
    for r in (intern, oeff, cli("person", "list", "--daten", klein, "--format", "json")):
        assert "marke.invalid" not in r.stdout and "99887" not in r.stdout


def test_gremium_list_und_show_ohne_id(klein, cli):
    r = cli("gremium", "list", "--daten", klein, "--stichtag", "2026-06-01", "--format", "json")
    g = json.loads(r.stdout)["gremien"]
    assert g == [
        {"id": "lenkungskreis", "name": "Lenkungskreis Integration", "kurzname": None, "art": "steuerungsgruppe", "art_text": "Steuerungsgruppe",
         "mitglieder": 1, "sitzungen": 2, "naechste_sitzung": "2027-03-01", "beispiel": False}
    ]
    text = cli("gremium", "list", "--daten", klein, "--stichtag", "2026-06-01").stdout
    assert "01.03.2027" in text and "1 Mitglied am Stichtag" in _flach(text)
    assert cli("gremium", "show", "--daten", klein).exit_code == 0  # ohne id: weiterhin die Liste


def test_sitzung_list_filter(klein, cli):
    alle = json.loads(cli("sitzung", "list", "--daten", klein, "--format", "json").stdout)["sitzungen"]
    assert [s["id"] for s in alle] == ["lenkungskreis-2025-03-01", "lenkungskreis-2027-03-01"]
    ab = json.loads(cli("sitzung", "list", "--daten", klein, "--ab", "2026-01-01", "--format", "json").stdout)["sitzungen"]
    assert [s["status_text"] for s in ab] == ["geplant"]
    text = cli("sitzung", "list", "--daten", klein, "--gremium", "lenkungskreis").stdout
    assert "durchgeführt" in text and "01.03.2025" in text and "Kreishaus" in text
    falsch = cli("sitzung", "list", "--daten", klein, "--gremium", "lenkungskries")
    assert falsch.exit_code == 2 and "Meinten Sie „lenkungskreis“" in falsch.stderr


def test_ag_list_status_am_stichtag(klein, cli):
    aktiv = json.loads(cli("ag", "list", "--daten", klein, "--status", "aktiv", "--stichtag", "2026-06-01", "--format", "json").stdout)
    assert [a["id"] for a in aktiv["arbeitsgruppen"]] == ["ag-wohnen"]
    assert aktiv["arbeitsgruppen"][0]["leitung"] == ["Bert Privat"]  # interne Liste
    vorher = json.loads(cli("ag", "list", "--daten", klein, "--status", "aktiv", "--stichtag", "2023-01-01", "--format", "json").stdout)
    assert [a["id"] for a in vorher["arbeitsgruppen"]] == ["ag-alt"]
    text = cli("ag", "list", "--daten", klein, "--stichtag", "2026-06-01").stdout
    assert "abgeschlossen am 01.05.2023" in _flach(text) and "2 Arbeitsgruppen" in text
