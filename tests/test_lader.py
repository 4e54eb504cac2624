"""Der Lader (yamlio) mit Bytes, die nicht als Text eingecheckt werden: kaputtes UTF-8,
NUL-Bytes, UTF-16, BOM, Steuerzeichen, übergroße Dateien. Die Dateien entstehen im Test;
geprüft wird wie im Korpus über `validiere` (Datei, Zeile, Spalte, Regel) und direkt an
`yamltext.dekodiere` / `yamltext.lade_text`."""

from __future__ import annotations

import pytest
import yaml
from conftest import minimal_repo
from korpus import abgleich, beschreibe

from netzwerk_cli.quellen import dateien, yamltext
from netzwerk_cli.validierung import validiere

STICHTAG = "2024-06-01"


def pruefe(tmp_path, dateien: dict, erwartet: list[dict], regel: str):
    repo = minimal_repo(tmp_path / "repo", dateien)
    bericht = validiere(repo, STICHTAG)
    befunde = bericht.sortiert()
    fehlend, unerwartet = abgleich(befunde, erwartet, regel)
    assert not fehlend and not unerwartet, f"fehlend: {fehlend}\nunerwartet:\n{beschreibe(unerwartet)}\nalle:\n{beschreibe(befunde)}"
    return befunde


# --------------------------------------------------------------------------- datei-kodierung

KODIERUNG = [
    pytest.param(
        "name: Anna\nfunktion: Müller \xff Referentin\n".encode().replace("\xff".encode(), b"\xff"),
        2, 18, "0xff",
        id="ungueltiges-utf8-mitten-in-der-datei",  # Spalte in Zeichen: „Müller“ zählt 6, nicht 7
    ),
    pytest.param("name: Anna\nfunktion: Referentin für Öffentlichkeit\n".encode("latin-1"), 2, 23, "0xfc", id="latin-1"),
    pytest.param(b"name: Anna\nfunk\x00tion: x\n", 2, 5, "NUL", id="nul-byte"),
    pytest.param("name: Anna\n".encode("utf-16"), 1, 1, "UTF-16", id="utf-16-mit-bom"),
    pytest.param(b"\xfe\xff" + "name: Anna\n".encode("utf-16-be"), 1, 1, "UTF-16", id="utf-16-be-mit-bom"),
    pytest.param("name: Anna\n".encode("utf-16-le"), 1, 2, "NUL", id="utf-16-ohne-bom"),
    pytest.param(b"name: Anna\n\x80\n", 2, 1, "0x80", id="fortsetzungsbyte-am-zeilenanfang"),
    pytest.param(b"name: Anna \xe2\x82\n", 1, 12, "0xe2", id="abgeschnittenes-zeichen-am-ende"),
]


@pytest.mark.parametrize("roh, zeile, spalte, teiltext", KODIERUNG)
def test_datei_kodierung(tmp_path, roh, zeile, spalte, teiltext):
    befunde = pruefe(
        tmp_path,
        {"personen/anna.yaml": roh},
        [{"datei": "personen/anna.yaml", "zeile": zeile, "spalte": spalte, "regel": "datei-kodierung", "meldung": teiltext}],
        "datei-kodierung",
    )
    # nicht lesbar: keine Folgefehler (Schema, Verweise) zu dieser Datei
    assert [b.regel for b in befunde if b.datei == "personen/anna.yaml"] == ["datei-kodierung"]


def test_kaputte_datei_haelt_verweise_nicht_auf(tmp_path):
    """Eine Organisation mit Kodierungsfehler ist trotzdem vorhanden: Verweise auf sie sind kein ref-unbekannt."""
    pruefe(
        tmp_path,
        {"organisationen/amt.yaml": b"name: Amt f\xfcr Migration\ntyp: amt\n", "personen/anna.yaml": "name: Anna\norganisation: amt\n"},
        [{"datei": "organisationen/amt.yaml", "zeile": 1, "spalte": 12, "regel": "datei-kodierung"}],
        "datei-kodierung",
    )


def test_utf8_bom_wird_toleriert(tmp_path):
    # Windows-Editoren schreiben ein BOM; Zeilen und Spalten bleiben die des sichtbaren Texts
    pruefe(
        tmp_path,
        {"organisationen/amt.yaml": b"\xef\xbb\xbfname: Amt\ntyp: ministerum\n"},
        [{"datei": "organisationen/amt.yaml", "zeile": 2, "spalte": 6, "regel": "schema", "meldung": "ministerium"}],
        "schema",
    )


def test_crlf_zeilenenden(tmp_path):
    pruefe(
        tmp_path,
        {"organisationen/amt.yaml": b"name: Amt\r\ntyp: amt\r\nwebsite: x\r\n"},
        [{"datei": "organisationen/amt.yaml", "zeile": 3, "spalte": 1, "regel": "schema", "meldung": "webseite"}],
        "schema",
    )


def test_steuerzeichen_mit_position(tmp_path):
    # libyaml meldet Steuerzeichen mit Byte-Index; der Befund nennt Zeile und Zeichenspalte
    pruefe(
        tmp_path,
        {"organisationen/amt.yaml": "name: Amt\ntyp: amt\nnotiz: Größe\x07 klein\n"},
        [{"datei": "organisationen/amt.yaml", "zeile": 3, "spalte": 13, "regel": "yaml-syntax", "meldung": "#x0007"}],
        "yaml-syntax",
    )


# --------------------------------------------------------------------------- Größe


def test_zu_grosse_datei(tmp_path):
    gross = b"name: Anna\n" + b"# " + b"x" * yamltext.MAX_DATEIGROESSE + b"\n"
    pruefe(
        tmp_path,
        {"personen/anna.yaml": gross},
        [{"datei": "personen/anna.yaml", "zeile": 1, "regel": "datei-ungueltig", "meldung": "zu groß"}],
        "datei-ungueltig",
    )


def test_genau_ein_mib_ist_erlaubt(tmp_path):
    kopf = b"name: Anna\n# "
    roh = kopf + b"x" * (yamltext.MAX_DATEIGROESSE - len(kopf) - 1) + b"\n"
    assert len(roh) == yamltext.MAX_DATEIGROESSE
    pruefe(tmp_path, {"personen/anna.yaml": roh}, [], "datei-ungueltig")


# --------------------------------------------------------------------------- dekodiere / lade_text


def test_dekodiere_gueltiger_text():
    text, probleme = yamltext.dekodiere("name: Jürgen\n".encode())
    assert text == "name: Jürgen\n" and probleme == []


@pytest.mark.parametrize("roh", [b"", b"   \n\n", b"\xef\xbb\xbf"])
def test_dekodiere_leer(roh):
    text, probleme = yamltext.dekodiere(roh)
    assert text is None
    assert [(p.regel, p.zeile) for p in probleme] == [("datei-ungueltig", 1)]


def test_lade_text_positionen():
    dok, probleme = yamltext.lade_text("# Kopf\nname: Amt\nrollen:\n  - a\n  - b\nkontakt: {email: x@y}\n")
    assert probleme == []
    assert dok.daten == {"name": "Amt", "rollen": ["a", "b"], "kontakt": {"email": "x@y"}}
    assert dok.position(("name",)) == (2, 1)
    assert dok.wert_position(("name",)) == (2, 7)
    assert dok.position(("rollen", 1)) == (5, 5)
    assert dok.position(("kontakt", "email")) == (6, 11)
    assert dok.position(("kontakt", "fehlt", 3)) == (6, 1)  # nächster vorhandener Vorfahr (Schlüssel „kontakt“)
    assert dok.position(()) == (2, 1)


def test_lade_text_datum_bleibt_text():
    dok, probleme = yamltext.lade_text("datum: 2023-11-06\nzeit: 2023-11-06 10:00\nwahr: true\nzahl: 12\n")
    assert probleme == []
    assert dok.daten == {"datum": "2023-11-06", "zeit": "2023-11-06 10:00", "wahr": True, "zahl": 12}


def test_lade_text_doppelter_schluessel_nennt_beide_zeilen():
    dok, probleme = yamltext.lade_text("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n")
    assert [(p.regel, p.zeile) for p in probleme] == [("yaml-doppelter-schluessel", 4), ("yaml-doppelter-schluessel", 5)]
    assert "Zeilen 3 und 4" in probleme[0].meldung
    assert "Zeilen 1 und 5" in probleme[1].meldung
    assert probleme[1].pfad == ("a",)


def test_lade_text_billion_laughs_wird_nicht_expandiert():
    zeilen = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for vorher, jetzt in zip("abcdefgh", "bcdefghi", strict=True):
        zeilen.append(f"{jetzt}: &{jetzt} [" + ",".join([f"*{vorher}"] * 9) + "]")
    dok, probleme = yamltext.lade_text("\n".join(zeilen) + "\n")
    assert dok is None
    assert {p.regel for p in probleme} == {"yaml-unsicher"}
    assert len(probleme) == yamltext.MAX_UNSICHER + 1  # abgebrochen statt 81 Einzelbefunde
    assert "mehr als" in probleme[-1].meldung


def test_lade_text_viele_aliase_in_grosser_datei_bleiben_begrenzt():
    text = "a: &a x\nb: [" + ",".join(["*a"] * 100_000) + "]\n"
    dok, probleme = yamltext.lade_text(text)
    assert dok is None and len(probleme) == yamltext.MAX_UNSICHER + 1


@pytest.mark.parametrize(
    "text, original, wert",
    [
        ("name: no\n", "no", False),
        ("name: On\n", "On", True),
        ("name: 0123\n", "0123", 83),
        ("name: 10:30\n", "10:30", 630),
        ("name: 1_000\n", "1_000", 1000),
        ("name: 1_000.5\n", "1_000.5", 1000.5),
    ],
)
def test_lade_text_merkt_yaml11_fallen(text, original, wert):
    dok, probleme = yamltext.lade_text(text)
    assert probleme == []
    assert dok.daten["name"] == wert
    assert dok.mehrdeutig == {("name",): original}


@pytest.mark.parametrize("text", ["name: true\n", "name: 123\n", "name: 0\n", "name: '0123'\n", "name: 1.5\n"])
def test_lade_text_keine_falle(text):
    dok, _ = yamltext.lade_text(text)
    assert dok.mehrdeutig == {}


def test_lade_text_riesige_zahl_mit_pfad():
    dok, probleme = yamltext.lade_text("anzahl: " + "9" * 5000 + "\n")
    assert [(p.regel, p.zeile, p.spalte, p.pfad) for p in probleme] == [("schema", 1, 9, ("anzahl",))]


def test_lade_text_zu_tief_ohne_rekursion():
    dok, probleme = yamltext.lade_text("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert [p.regel for p in probleme] == ["yaml-unsicher"]
    assert "zu tief" in probleme[0].meldung


def test_lade_text_mehrdeutiger_schluessel_hat_pfad():
    _, probleme = yamltext.lade_text("eltern:\n  on: 1\n")
    assert [(p.regel, p.schwere, p.zeile, p.spalte, p.pfad) for p in probleme] == [("yaml-mehrdeutig", "warnung", 2, 3, ("eltern", "on"))]


# --------------------------------------------------------------------------- Verknüpfungen


def test_lies_datei_verknuepfungen(tmp_path):
    repo = minimal_repo(tmp_path / "repo", {"personen/anna.yaml": "name: Anna\n"})
    (tmp_path / "draussen.yaml").write_text("name: Draußen\n", encoding="utf-8")
    p = repo / "personen"
    (p / "innen.yaml").symlink_to("anna.yaml")
    (p / "raus.yaml").symlink_to(tmp_path / "draussen.yaml")
    (p / "leer.yaml").symlink_to("fehlt.yaml")
    (p / "x.yaml").symlink_to("y.yaml")
    (p / "y.yaml").symlink_to("x.yaml")
    (p / "ordner.yaml").symlink_to(repo / "personen")

    def meldung(name):
        text, probleme = dateien.lies_datei(p / name, repo)
        return text, [(q.regel, q.meldung) for q in probleme]

    assert meldung("innen.yaml") == ("name: Anna\n", [])
    assert meldung("raus.yaml")[1] == [("datei-ungueltig", "Verknüpfung zeigt aus dem Datenrepository hinaus")]
    assert "ins Leere" in meldung("leer.yaml")[1][0][1]
    assert "Verknüpfungsschleife" in meldung("x.yaml")[1][0][1]
    assert "nicht auf eine Datei" in meldung("ordner.yaml")[1][0][1]


def _libyaml_mit_tiefengrenze(grenze: int):
    """yaml.parse, das wie libyaml ≥ 0.2.6 (PyYAML 6.0.4) schon beim Scannen abbricht, sobald
    die Flow-Tiefe `grenze` übersteigt – unabhängig davon, welche PyYAML-Fassung installiert ist."""
    echt = yaml.parse

    def parse(text, Loader):
        tiefe = 0
        for i, z in enumerate(text):
            tiefe += z in "[{"
            if tiefe > grenze:
                marke = yaml.Mark("<unicode string>", i, 0, i, None, None)
                raise yaml.scanner.ScannerError("while increasing flow level", marke, "exceeded maximum nesting depth", marke)
        yield from echt(text, Loader=Loader)

    return parse


@pytest.mark.parametrize("grenze", [None, 1000, 60, 41])
@pytest.mark.parametrize("klammer", ["[", "{a: "])
def test_zu_tief_gleicher_befund_mit_und_ohne_tiefengrenze_von_libyaml(monkeypatch, grenze, klammer):
    text = "name: Amt\ntyp: amt\nnotiz: " + klammer * 5000 + ("]" if klammer == "[" else "}") * 5000 + "\n"
    if grenze is not None:
        monkeypatch.setattr(yamltext.yaml, "parse", _libyaml_mit_tiefengrenze(grenze))
    dok, probleme = yamltext.lade_text(text)
    assert dok is None
    # gemeldet wird die 40. Klammer (die Zuordnung der obersten Ebene zählt mit), wie im Korpus
    assert [(p.regel, p.zeile, p.spalte) for p in probleme] == [("yaml-unsicher", 3, 8 + 39 * len(klammer))]
    assert "zu tief" in probleme[0].meldung


def test_syntaxfehler_bleibt_syntaxfehler_bei_flacher_verschachtelung():
    # Klammern in Texten, Kommentaren und Blocktexten zählen nicht als Verschachtelung
    text = "name: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n# " + "{" * 50 + "\ntext: |\n  " + "[" * 50 + "\ntyp: [amt\n"
    dok, probleme = yamltext.lade_text(text)
    assert [p.regel for p in probleme] == ["yaml-syntax"]
