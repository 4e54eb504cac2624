"""Minimale Diffs: `advance` und `umsetzung` ändern nur die Statuszeile und hängen Zeilen an.
Kommentare, Reihenfolge, Anführungszeichen, Leerzeilen, Zeilenenden (auch CRLF), ein UTF-8-BOM
und eine fehlende letzte Zeilenendung bleiben Byte für Byte erhalten."""

from __future__ import annotations

import pytest
from empfehlung_hilfen import (
    ADRESSATEN,
    DATEI,
    ENTSCHEIDUNG,
    ID,
    PRUEFUNG,
    aenderungen,
    fehler_fuer,
    lies,
    schnappschuss,
    schreibe_empfehlung,
    sitzungen_anlegen,
)

# Eine Empfehlung im Zustand „eingereicht“, so geschrieben, wie Menschen YAML eben schreiben.
UNGEWOEHNLICH = """\
# Kopfkommentar: bleibt stehen
# zweite Zeile

titel: "Sprechstunde Wohnen"   # Titel in Anführungszeichen
text: 'Das Amt richtet eine Sprechstunde ein.'


arbeitsgruppe: ag-wohnraum-fuer-gefluechtete
# Kommentar vor dem Gremium
entscheidungsgremium:   steuerungsgruppe-beispielkreis
status: eingereicht  # Kommentar hinter dem Wert
verlauf:
# Kommentar in der Liste
- status: entwurf
  datum: 2026-01-12   # erster Schritt
  durch: "AG Wohnraum"

- status: eingereicht
  datum: '2026-02-02'
  notiz: >-
    Eingereicht mit einer Notiz,
    die über zwei Zeilen geht.
  # Kommentar am Ende des Eintrags

# Kommentar vor dem nächsten Schlüssel
beispiel: true
"""

# erwartet nach „--nach beschlossen --sitzung … --datum 2026-04-22 --durch X“
UNGEWOEHNLICH_BESCHLOSSEN = UNGEWOEHNLICH.replace(
    "status: eingereicht  # Kommentar hinter dem Wert", "status: beschlossen  # Kommentar hinter dem Wert"
).replace(
    "    die über zwei Zeilen geht.\n",
    f"    die über zwei Zeilen geht.\n- status: beschlossen\n  datum: 2026-04-22\n  sitzung: {ENTSCHEIDUNG}\n  durch: X\n",
)
BESCHLIESSEN = ["--nach", "beschlossen", "--sitzung", ENTSCHEIDUNG, "--datum", "2026-04-22", "--durch", "X"]
NEUE_ZEILEN = ["- status: beschlossen\n", "  datum: 2026-04-22\n", f"  sitzung: {ENTSCHEIDUNG}\n", "  durch: X\n"]


def advance(cli, wurzel, *args):
    return cli("empfehlung", "advance", ID, "--daten", wurzel, *args)


def umsetzung(cli, wurzel, *args):
    return cli("empfehlung", "umsetzung", ID, "--daten", wurzel, *args)


@pytest.fixture
def repo(beispiel):
    sitzungen_anlegen(beispiel)
    return beispiel


def _schreibe(repo, text: str | bytes):
    pfad = schreibe_empfehlung(repo, text)
    assert fehler_fuer(repo, DATEI) == []
    return pfad


def test_ungewoehnliche_formatierung_bleibt_erhalten(cli, repo):
    pfad = _schreibe(repo, UNGEWOEHNLICH)
    r = advance(cli, repo, *BESCHLIESSEN)
    assert r.exit_code == 0, r.stderr
    neu = pfad.read_text(encoding="utf-8")
    assert neu == UNGEWOEHNLICH_BESCHLOSSEN
    weg, dazu = aenderungen(UNGEWOEHNLICH, neu)
    assert weg == ["status: eingereicht  # Kommentar hinter dem Wert\n"]
    assert dazu == ["status: beschlossen  # Kommentar hinter dem Wert\n"] + NEUE_ZEILEN
    assert fehler_fuer(repo, DATEI) == []


def test_crlf_bleibt_crlf(cli, repo):
    """Windows-Zeilenenden werden unterstützt: die neuen Zeilen enden ebenfalls auf CRLF."""
    alt = UNGEWOEHNLICH.replace("\n", "\r\n").encode("utf-8")
    pfad = _schreibe(repo, alt)
    r = advance(cli, repo, *BESCHLIESSEN)
    assert r.exit_code == 0, r.stderr
    neu = pfad.read_bytes()
    assert neu == UNGEWOEHNLICH_BESCHLOSSEN.replace("\n", "\r\n").encode("utf-8")
    assert neu.count(b"\n") == neu.count(b"\r\n")  # keine gemischten Zeilenenden
    weg, dazu = aenderungen(alt, neu)
    assert weg == ["status: eingereicht  # Kommentar hinter dem Wert\r\n"]
    assert dazu == ["status: beschlossen  # Kommentar hinter dem Wert\r\n"] + [z.replace("\n", "\r\n") for z in NEUE_ZEILEN]
    assert fehler_fuer(repo, DATEI) == []


def test_bom_bleibt_erhalten(cli, repo):
    alt = b"\xef\xbb\xbf" + UNGEWOEHNLICH.replace("\n", "\r\n").encode("utf-8")
    pfad = _schreibe(repo, alt)
    r = advance(cli, repo, *BESCHLIESSEN)
    assert r.exit_code == 0, r.stderr
    assert pfad.read_bytes() == b"\xef\xbb\xbf" + UNGEWOEHNLICH_BESCHLOSSEN.replace("\n", "\r\n").encode("utf-8")
    assert fehler_fuer(repo, DATEI) == []


@pytest.mark.parametrize(
    ("alt", "neu"),
    [('status: "eingereicht"', 'status: "beschlossen"'), ("status: 'eingereicht'", "status: 'beschlossen'"), ("status:    eingereicht", "status:    beschlossen")],
    ids=["doppelt", "einfach", "viele-leerzeichen"],
)
def test_anfuehrungszeichen_am_status_bleiben(cli, repo, alt, neu):
    vorher = UNGEWOEHNLICH.replace("status: eingereicht  #", f"{alt}  #")
    pfad = _schreibe(repo, vorher)
    assert advance(cli, repo, *BESCHLIESSEN).exit_code == 0
    weg, dazu = aenderungen(vorher, pfad.read_text(encoding="utf-8"))
    assert weg == [f"{alt}  # Kommentar hinter dem Wert\n"]
    assert dazu == [f"{neu}  # Kommentar hinter dem Wert\n"] + NEUE_ZEILEN


def test_ohne_zeilenende_am_dateiende_verlauf_zuletzt(cli, repo):
    """Steht der Verlauf am Dateiende ohne abschließenden Zeilenumbruch, bekommt nur diese letzte
    Zeile einen (unvermeidlich, damit angehängt werden kann); ihr Inhalt bleibt gleich."""
    alt = UNGEWOEHNLICH.split("  # Kommentar am Ende des Eintrags")[0].rstrip("\n")
    pfad = _schreibe(repo, alt)
    assert advance(cli, repo, *BESCHLIESSEN).exit_code == 0
    neu = pfad.read_text(encoding="utf-8")
    assert neu == alt.replace("status: eingereicht  #", "status: beschlossen  #") + "\n" + "".join(NEUE_ZEILEN)
    weg, dazu = aenderungen(alt, neu)
    assert weg == ["status: eingereicht  # Kommentar hinter dem Wert\n", "    die über zwei Zeilen geht."]
    assert dazu == ["status: beschlossen  # Kommentar hinter dem Wert\n", "    die über zwei Zeilen geht.\n"] + NEUE_ZEILEN
    assert fehler_fuer(repo, DATEI) == []


def test_ohne_zeilenende_am_dateiende_anderes_zuletzt(cli, repo):
    """Steht etwas anderes am Dateiende, bleibt es ohne Zeilenumbruch, Byte für Byte."""
    alt = UNGEWOEHNLICH.rstrip("\n")
    pfad = _schreibe(repo, alt)
    assert advance(cli, repo, *BESCHLIESSEN).exit_code == 0
    neu = pfad.read_text(encoding="utf-8")
    assert neu == UNGEWOEHNLICH_BESCHLOSSEN.rstrip("\n")
    assert neu.endswith("\nbeispiel: true")
    weg, dazu = aenderungen(alt, neu)
    assert weg == ["status: eingereicht  # Kommentar hinter dem Wert\n"]
    assert dazu == ["status: beschlossen  # Kommentar hinter dem Wert\n"] + NEUE_ZEILEN


# --------------------------------------------------------------------------- --adressat

BESCHLOSSEN = f"""\
titel: Sprechstunde Wohnen
text: Das Amt richtet eine Sprechstunde ein.
arbeitsgruppe: ag-wohnraum-fuer-gefluechtete
entscheidungsgremium: steuerungsgruppe-beispielkreis
ADRESSATEN
# Kommentar über dem Status gehört zum Status
status: beschlossen
verlauf:
  - status: entwurf
    datum: 2026-01-12
  - status: eingereicht
    datum: 2026-02-02
  - status: beschlossen
    datum: 2026-04-22
    sitzung: {ENTSCHEIDUNG}
beispiel: true
"""
WEITERLEITEN = ["--datum", "2026-05-04", "--durch", "X"]
WEITER_ZEILEN = ["  - status: weitergeleitet\n", "    datum: 2026-05-04\n", "    durch: X\n"]


@pytest.mark.parametrize(
    ("adressaten_vorher", "adressaten_nachher"),
    [
        ("", f"adressaten:\n  - {ADRESSATEN[0]}\n  - {ADRESSATEN[1]}\n"),
        ("adressaten: []", f"adressaten:\n  - {ADRESSATEN[0]}\n  - {ADRESSATEN[1]}"),
        ("adressaten: []  # kommen noch", f"adressaten:  # kommen noch\n  - {ADRESSATEN[0]}\n  - {ADRESSATEN[1]}"),
        ("adressaten:\n  []", f"adressaten:\n  - {ADRESSATEN[0]}\n  - {ADRESSATEN[1]}"),
        (f"adressaten:\n  - {ADRESSATEN[0]}  # schon bekannt\n", f"adressaten:\n  - {ADRESSATEN[0]}  # schon bekannt\n  - {ADRESSATEN[1]}\n"),
        (f"adressaten:\n- {ADRESSATEN[0]}\n\n", f"adressaten:\n- {ADRESSATEN[0]}\n- {ADRESSATEN[1]}\n\n"),
    ],
    ids=["ohne-schluessel", "leere-flow-liste", "leere-flow-liste-mit-kommentar", "leere-flow-liste-eigene-zeile", "blockliste", "blockliste-spalte-0"],
)
def test_adressaten_werden_minimal_ergaenzt(cli, repo, adressaten_vorher, adressaten_nachher):
    alt = BESCHLOSSEN.replace("ADRESSATEN\n", adressaten_vorher + ("\n" if adressaten_vorher and not adressaten_vorher.endswith("\n") else ""))
    pfad = _schreibe(repo, alt)
    r = advance(cli, repo, *WEITERLEITEN, "--adressat", ADRESSATEN[0], "--adressat", ADRESSATEN[1])
    assert r.exit_code == 0, r.stderr
    neu = pfad.read_text(encoding="utf-8")
    erwartet = (
        BESCHLOSSEN.replace("ADRESSATEN\n", adressaten_nachher + ("\n" if not adressaten_nachher.endswith("\n") else ""))
        .replace("status: beschlossen\nverlauf", "status: weitergeleitet\nverlauf")
        .replace("beispiel: true\n", "".join(WEITER_ZEILEN) + "beispiel: true\n")
    )
    assert neu == erwartet
    assert lies(pfad)["adressaten"] == ADRESSATEN
    weg, dazu = aenderungen(alt, neu)
    assert "status: beschlossen\n" in weg and "status: weitergeleitet\n" in dazu
    # außer der Statuszeile ändert sich höchstens die Zeile mit „[]“
    assert all(z == "status: beschlossen\n" or "[]" in z for z in weg)
    assert set(dazu) - {"status: weitergeleitet\n"} - set(WEITER_ZEILEN) <= {
        "adressaten:\n", "adressaten:  # kommen noch\n", f"  - {ADRESSATEN[0]}\n", f"  - {ADRESSATEN[1]}\n", f"- {ADRESSATEN[1]}\n"
    }
    assert fehler_fuer(repo, DATEI) == []


def test_adressat_schon_vorhanden_wird_nicht_doppelt_eingetragen(cli, repo):
    alt = BESCHLOSSEN.replace("ADRESSATEN\n", f"adressaten:\n  - {ADRESSATEN[0]}\n")
    pfad = _schreibe(repo, alt)
    r = advance(cli, repo, *WEITERLEITEN, "--adressat", ADRESSATEN[0], "--adressat", ADRESSATEN[0])
    assert r.exit_code == 0, r.stderr
    weg, dazu = aenderungen(alt, pfad.read_text(encoding="utf-8"))
    assert weg == ["status: beschlossen\n"]
    assert dazu == ["status: weitergeleitet\n"] + WEITER_ZEILEN


def test_adressaten_in_flow_schreibweise_werden_klar_abgelehnt(cli, repo):
    _schreibe(repo, BESCHLOSSEN.replace("ADRESSATEN\n", f"adressaten: [{ADRESSATEN[0]}]\n"))
    vorher = schnappschuss(repo)
    r = advance(cli, repo, *WEITERLEITEN, "--adressat", ADRESSATEN[1])
    assert r.exit_code == 1
    assert "„adressaten“ steht in Flow-Schreibweise" in r.stderr and "Blockliste" in r.stderr
    assert schnappschuss(repo) == vorher
    # ohne neue Adressaten braucht es die Liste nicht zu ändern: das geht
    r = advance(cli, repo, *WEITERLEITEN)
    assert r.exit_code == 0, r.stderr


def test_verlauf_in_flow_schreibweise_wird_klar_abgelehnt(cli, repo):
    _schreibe(
        repo,
        BESCHLOSSEN.replace("ADRESSATEN\n", f"adressaten: [{ADRESSATEN[0]}]\n").split("verlauf:")[0]
        + f"verlauf: [{{status: entwurf, datum: 2026-01-12}}, {{status: eingereicht, datum: 2026-02-02}},\n"
        f"  {{status: beschlossen, datum: 2026-04-22, sitzung: {ENTSCHEIDUNG}}}]\n",
    )
    vorher = schnappschuss(repo)
    r = advance(cli, repo, *WEITERLEITEN)
    assert r.exit_code == 1
    assert "„verlauf“ steht in Flow-Schreibweise" in r.stderr
    assert schnappschuss(repo) == vorher


# --------------------------------------------------------------------------- umsetzung

WEITERGELEITET = f"""\
titel: Sprechstunde Wohnen
text: Das Amt richtet eine Sprechstunde ein.
arbeitsgruppe: ag-wohnraum-fuer-gefluechtete   # AG
entscheidungsgremium: steuerungsgruppe-beispielkreis
adressaten:
  - {ADRESSATEN[0]}
  - {ADRESSATEN[1]}
status: weitergeleitet
verlauf:
  - status: entwurf
    datum: 2026-01-12
  - status: eingereicht
    datum: 2026-02-02
  - status: beschlossen
    datum: 2026-04-22
    sitzung: {ENTSCHEIDUNG}
  - status: weitergeleitet
    datum: 2026-05-04
UMSETZUNG
# Schlusskommentar
beispiel: true
"""
BERICHT_ARGS = ["--adressat", ADRESSATEN[1], "--stand", "teilweise", "--bericht", "Sprechstunde läuft: dienstags 9–12 Uhr", "--datum", "2026-07-01"]
BERICHT_ZEILEN = [f"  - adressat: {ADRESSATEN[1]}\n", "    datum: 2026-07-01\n", "    stand: teilweise\n", '    bericht: "Sprechstunde läuft: dienstags 9–12 Uhr"\n']


@pytest.mark.parametrize(
    ("vorher", "nachher"),
    [
        ("", "umsetzung:\n" + "".join(BERICHT_ZEILEN)),
        (
            f"umsetzung:\n  - adressat: {ADRESSATEN[0]}   # erster Bericht\n    datum: 2026-06-01\n    stand: offen\n\n",
            f"umsetzung:\n  - adressat: {ADRESSATEN[0]}   # erster Bericht\n    datum: 2026-06-01\n    stand: offen\n" + "".join(BERICHT_ZEILEN) + "\n",
        ),
        ("umsetzung: []   # noch nichts", "umsetzung:   # noch nichts\n" + "".join(BERICHT_ZEILEN)),
    ],
    ids=["ohne-schluessel", "mit-berichten", "leere-liste"],
)
def test_umsetzungsbericht_wird_minimal_angehaengt(cli, repo, vorher, nachher):
    alt = WEITERGELEITET.replace("UMSETZUNG\n", vorher + ("\n" if vorher and not vorher.endswith("\n") else ""))
    pfad = _schreibe(repo, alt)
    r = umsetzung(cli, repo, *BERICHT_ARGS)
    assert r.exit_code == 0, r.stderr
    assert f"empfehlung {ID}: Umsetzungsbericht {ADRESSATEN[1]} (teilweise)" in r.stdout
    neu = pfad.read_text(encoding="utf-8")
    if not vorher:
        # ohne `umsetzung` wird der Schlüssel am Ende angelegt
        assert neu == alt + nachher
    else:
        assert neu == WEITERGELEITET.replace("UMSETZUNG\n", nachher if nachher.endswith("\n") else nachher + "\n")
    weg, dazu = aenderungen(alt, neu)
    assert all("[]" in z for z in weg)  # höchstens die Zeile mit „[]“
    assert dazu[-4:] == BERICHT_ZEILEN
    assert lies(pfad)["umsetzung"][-1] == {"adressat": ADRESSATEN[1], "datum": "2026-07-01", "stand": "teilweise", "bericht": "Sprechstunde läuft: dienstags 9–12 Uhr"}
    assert fehler_fuer(repo, DATEI) == []


def test_umsetzung_crlf(cli, repo):
    alt = WEITERGELEITET.replace("UMSETZUNG\n", "").replace("\n", "\r\n").encode("utf-8")
    pfad = _schreibe(repo, alt)
    assert umsetzung(cli, repo, *BERICHT_ARGS).exit_code == 0
    neu = pfad.read_bytes()
    assert neu == alt + ("umsetzung:\n" + "".join(BERICHT_ZEILEN)).replace("\n", "\r\n").encode("utf-8")
    assert fehler_fuer(repo, DATEI) == []


def test_verlauf_in_der_mitte_mit_kommentaren_und_pruefsitzung(cli, repo):
    """Nach umsetzung und umgesetzt: Kommentare zwischen den Listen stehen noch an ihrem Platz."""
    alt = WEITERGELEITET.replace("UMSETZUNG\n", "# Kommentar vor den Berichten\numsetzung:\n" + "".join(BERICHT_ZEILEN))
    pfad = _schreibe(repo, alt)
    r = advance(cli, repo, "--nach", "umgesetzt", "--sitzung", PRUEFUNG, "--datum", "2026-07-15", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    weg, dazu = aenderungen(alt, pfad.read_text(encoding="utf-8"))
    assert weg == ["status: weitergeleitet\n"]
    assert dazu == ["status: umgesetzt\n", "  - status: umgesetzt\n", "    datum: 2026-07-15\n", f"    sitzung: {PRUEFUNG}\n", "    durch: X\n"]
    text = pfad.read_text(encoding="utf-8")
    assert text.index("    durch: X\n") < text.index("# Kommentar vor den Berichten")
    assert fehler_fuer(repo, DATEI) == []


def test_dokumentmarken_bleiben(cli, repo):
    alt = "---\n" + UNGEWOEHNLICH + "...\n"
    pfad = _schreibe(repo, alt)
    assert advance(cli, repo, *BESCHLIESSEN).exit_code == 0
    assert pfad.read_text(encoding="utf-8") == "---\n" + UNGEWOEHNLICH_BESCHLOSSEN + "...\n"
    assert fehler_fuer(repo, DATEI) == []


def test_status_als_blocktext_wird_sicher_abgelehnt(cli, repo):
    """Eine Form, die sich nicht zeilengenau ändern lässt, wird abgelehnt statt verdorben: der neue
    Text wird vor dem Schreiben gelesen und mit den beabsichtigten Daten verglichen."""
    _schreibe(repo, UNGEWOEHNLICH.replace("status: eingereicht  # Kommentar hinter dem Wert\n", "status: >-\n  eingereicht\n"))
    vorher = schnappschuss(repo)
    r = advance(cli, repo, *BESCHLIESSEN)
    assert r.exit_code == 1
    assert "es wurde nichts geschrieben" in r.stderr
    assert schnappschuss(repo) == vorher


def test_crlf_mit_neuem_adressaten_schluessel(cli, repo):
    alt = BESCHLOSSEN.replace("ADRESSATEN\n", "").replace("\n", "\r\n").encode("utf-8")
    pfad = _schreibe(repo, alt)
    r = advance(cli, repo, *WEITERLEITEN, "--adressat", ADRESSATEN[0])
    assert r.exit_code == 0, r.stderr
    neu = pfad.read_bytes()
    erwartet = (
        BESCHLOSSEN.replace("ADRESSATEN\n", f"adressaten:\n  - {ADRESSATEN[0]}\n")
        .replace("status: beschlossen\nverlauf", "status: weitergeleitet\nverlauf")
        .replace("beispiel: true\n", "".join(WEITER_ZEILEN) + "beispiel: true\n")
    )
    assert neu == erwartet.replace("\n", "\r\n").encode("utf-8")
    assert neu.count(b"\n") == neu.count(b"\r\n")
    assert fehler_fuer(repo, DATEI) == []
