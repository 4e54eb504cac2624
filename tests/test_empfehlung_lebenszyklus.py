"""`netzwerk empfehlung advance`: jeder Übergang der Lebenszyklus-Tabelle, jede Ablehnung eines
Wächters (Exit 1, deutsche Meldung, Datei Byte für Byte unverändert), Hauptpfad und Auswahl,
`--dry-run`."""

from __future__ import annotations

import subprocess

import pytest
from conftest import STICHTAG
from empfehlung_hilfen import (
    ADRESSATEN,
    BERICHT,
    DATEI,
    ENTSCHEIDUNG,
    GREMIUM,
    ID,
    PRUEFUNG,
    SCHRITTE,
    aenderungen,
    eintrag_zeilen,
    empfehlung_text,
    fehler_fuer,
    lies,
    repo_im_zustand,
    schnappschuss,
    schreibe_empfehlung,
    sitzung_anlegen,
    sitzungen_anlegen,
    zustand,
)

from netzwerk_cli.regelwerk import lebenszyklus

# Die Tabelle aus DOMAIN.md („Recommendation lifecycle“), unabhängig von regeln/lebenszyklus.yaml
VERTRAG = {
    "entwurf": {"eingereicht", "zurueckgezogen"},
    "eingereicht": {"beschlossen", "abgelehnt", "entwurf", "zurueckgezogen"},
    "beschlossen": {"weitergeleitet"},
    "weitergeleitet": {"in_umsetzung", "umgesetzt", "nicht_umgesetzt"},
    "in_umsetzung": {"umgesetzt", "nicht_umgesetzt"},
    "abgelehnt": set(),
    "zurueckgezogen": set(),
    "umgesetzt": set(),
    "nicht_umgesetzt": set(),
}
UEBERGAENGE = [(von, nach) for von in VERTRAG for nach in sorted(VERTRAG[von])]
NICHT_ERLAUBT = [(von, nach) for von in VERTRAG if VERTRAG[von] for nach in VERTRAG if nach not in VERTRAG[von]]
# Beispieldaten in Endzuständen
ENDZUSTAENDE = {"umgesetzt": "2023-001", "nicht_umgesetzt": "2023-002", "abgelehnt": "2023-003", "zurueckgezogen": "2023-004"}


def advance(cli, wurzel, *args, id_=ID):
    return cli("empfehlung", "advance", id_, "--daten", wurzel, *args)


def test_tabelle_entspricht_dem_vertrag():
    t = lebenszyklus.tabelle()
    assert {s: set(t.naechste(s)) for s in t.zustaende} == VERTRAG
    assert t.start == "entwurf"
    assert {s for s in VERTRAG if t.endzustand(s)} == set(ENDZUSTAENDE)


def test_hauptpfad_nie_zurueckziehen_oder_zurueckverweisen():
    t = lebenszyklus.tabelle()
    assert {s: t.hauptpfad(s) for s in VERTRAG if t.hauptpfad(s)} == {
        "entwurf": "eingereicht",
        "beschlossen": "weitergeleitet",
        "weitergeleitet": "in_umsetzung",
    }
    for s in VERTRAG:
        assert t.hauptpfad(s) not in ("zurueckgezogen", "entwurf")


# --------------------------------------------------------------------------- jeder Übergang


def _schritt_daten(von: str, nach: str) -> tuple[list[str], dict, list[str] | None]:
    """(CLI-Argumente, erwarteter Verlaufseintrag, Adressaten danach) für einen Übergang."""
    if nach in ("beschlossen", "abgelehnt", "entwurf"):
        sitzung, datum = ENTSCHEIDUNG, "2026-04-22"
    elif nach in ("umgesetzt", "nicht_umgesetzt"):
        sitzung, datum = PRUEFUNG, "2026-07-15"
    else:
        sitzung, datum = None, "2026-08-03"
    args = ["--nach", nach, "--datum", datum, "--durch", "Paula Probe"]
    eintrag = {"status": nach, "datum": datum}
    if sitzung:
        args += ["--sitzung", sitzung]
        eintrag["sitzung"] = sitzung
    eintrag["durch"] = "Paula Probe"
    adressaten = zustand(von)["adressaten"]
    if nach == "weitergeleitet":
        args += ["--adressat", ADRESSATEN[1]]
        adressaten = [ADRESSATEN[1]]
    return args, eintrag, adressaten


@pytest.mark.parametrize(("von", "nach"), UEBERGAENGE, ids=[f"{v}->{n}" for v, n in UEBERGAENGE])
def test_jeder_uebergang(cli, beispiel, von, nach):
    mit_bericht = nach in ("umgesetzt", "nicht_umgesetzt")
    start = zustand(von, mit_bericht)
    pfad = repo_im_zustand(beispiel, von, mit_bericht)
    alt = pfad.read_text(encoding="utf-8")
    assert fehler_fuer(beispiel, DATEI) == []  # Ausgangslage ist gültig
    args, eintrag, adressaten = _schritt_daten(von, nach)

    r = advance(cli, beispiel, *args)

    assert r.exit_code == 0, r.stderr
    assert f"empfehlung {ID}: {von} → {nach}" in r.stdout
    neu = pfad.read_text(encoding="utf-8")
    # genau die Datei, die man von Hand schriebe: Status ersetzt, Eintrag angehängt
    assert neu == empfehlung_text(start["verlauf"] + [eintrag], adressaten, start["umsetzung"])
    weg, dazu = aenderungen(alt, neu)
    assert weg == [f"status: {von}\n"]
    neue_adressaten = ["adressaten:\n", f"  - {ADRESSATEN[1]}\n"] if nach == "weitergeleitet" else []
    assert dazu == neue_adressaten + [f"status: {nach}\n"] + eintrag_zeilen(eintrag)
    daten = lies(pfad)
    assert daten["status"] == nach
    assert daten["verlauf"][-1] == eintrag
    assert fehler_fuer(beispiel, DATEI) == []


def test_ohne_durch_ausserhalb_von_git_kein_durch(cli, beispiel):
    pfad = repo_im_zustand(beispiel, "entwurf")
    r = advance(cli, beispiel, "--datum", "2026-02-02")
    assert r.exit_code == 0, r.stderr
    assert lies(pfad)["verlauf"][-1] == {"status": "eingereicht", "datum": "2026-02-02"}


def test_notiz_wird_angehaengt_und_sicher_zitiert(cli, beispiel):
    pfad = repo_im_zustand(beispiel, "weitergeleitet")
    notiz = 'Bericht in der Sitzung: "Start" #1 – 50 % erledigt'
    r = advance(cli, beispiel, "--datum", "2026-06-01", "--durch", "Geschäftsstelle", "--notiz", notiz)
    assert r.exit_code == 0, r.stderr
    assert lies(pfad)["verlauf"][-1] == {"status": "in_umsetzung", "datum": "2026-06-01", "durch": "Geschäftsstelle", "notiz": notiz}
    assert fehler_fuer(beispiel, DATEI) == []


def test_ohne_datum_gilt_heute(cli, beispiel):
    from datetime import date

    pfad = repo_im_zustand(beispiel, "entwurf")
    vorher = date.today().isoformat()
    r = advance(cli, beispiel, "--durch", "X")
    assert r.exit_code == 0, r.stderr
    assert lies(pfad)["verlauf"][-1]["datum"] in (vorher, date.today().isoformat())  # auch um Mitternacht


# --------------------------------------------------------------------------- Hauptpfad und Auswahl


@pytest.mark.parametrize(
    ("von", "args", "nach"),
    [
        ("entwurf", [], "eingereicht"),
        ("beschlossen", ["--adressat", ADRESSATEN[0]], "weitergeleitet"),
        ("weitergeleitet", [], "in_umsetzung"),
    ],
)
def test_ohne_nach_der_hauptpfad(cli, beispiel, von, args, nach):
    pfad = repo_im_zustand(beispiel, von)
    r = advance(cli, beispiel, "--datum", "2026-08-03", "--durch", "X", *args)
    assert r.exit_code == 0, r.stderr
    assert lies(pfad)["status"] == nach
    assert f"{von} → {nach}" in r.stdout
    assert fehler_fuer(beispiel, DATEI) == []


@pytest.mark.parametrize(
    ("von", "auswahl"),
    [("eingereicht", ["beschlossen", "abgelehnt", "entwurf", "zurueckgezogen"]), ("in_umsetzung", ["umgesetzt", "nicht_umgesetzt"])],
)
def test_entscheidung_ohne_nach_zeigt_auswahl(cli, beispiel, von, auswahl):
    repo_im_zustand(beispiel, von, mit_bericht=True)
    vorher = schnappschuss(beispiel)
    r = advance(cli, beispiel, "--datum", "2026-08-03", "--sitzung", PRUEFUNG)
    assert r.exit_code == 1
    assert "hier steht eine Entscheidung an" in r.stderr
    for s in auswahl:
        assert f"--nach {s}" in r.stderr
    assert r.stderr.count("--nach ") == len(auswahl)
    assert schnappschuss(beispiel) == vorher


# --------------------------------------------------------------------------- Ablehnungen der Wächter

ANDERE = f"{GREMIUM}-2026-04-29"


def _sitzung(sitzung_id, datum, empfehlungen, **kw):
    return lambda w: sitzung_anlegen(w, sitzung_id, datum, empfehlungen, **kw)


# (id, Ausgangszustand, mit Bericht, Textänderungen, Vorbereitung, Argumente, erwartete Meldungsteile)
WAECHTER_FAELLE = [
    ("beschlossen-ohne-sitzung", "eingereicht", False, {}, None, ["--nach", "beschlossen", "--datum", "2026-04-22"],
     [f"fehlt die Sitzung von „{GREMIUM}“, in der entschieden wurde", "--sitzung"]),
    ("abgelehnt-ohne-sitzung", "eingereicht", False, {}, None, ["--nach", "abgelehnt", "--datum", "2026-04-22"],
     ["für „abgelehnt“ fehlt die Sitzung"]),
    ("zurueckverweisen-ohne-sitzung", "eingereicht", False, {}, None, ["--nach", "entwurf", "--datum", "2026-04-22"],
     ["für „entwurf“ fehlt die Sitzung"]),
    ("sitzung-gibt-es-nicht", "eingereicht", False, {}, None,
     ["--nach", "beschlossen", "--datum", "2026-04-22", "--sitzung", f"{GREMIUM}-2026-04-23"],
     [f"Sitzung „{GREMIUM}-2026-04-23“ gibt es nicht"]),
    ("sitzung-anderes-gremium", "eingereicht", False, {}, _sitzung("strategiegruppe-2026-04-22", "2026-04-22", [ID], gremium="strategiegruppe"),
     ["--nach", "beschlossen", "--datum", "2026-04-22", "--sitzung", "strategiegruppe-2026-04-22"],
     ["ist eine Sitzung von „strategiegruppe“", f"entschieden wird aber in „{GREMIUM}“"]),
    ("sitzung-vor-einreichung", "eingereicht", False, {}, _sitzung(f"{GREMIUM}-2026-01-20", "2026-01-20", [ID]),
     ["--nach", "beschlossen", "--datum", "2026-04-22", "--sitzung", f"{GREMIUM}-2026-01-20"],
     [f"Sitzung „{GREMIUM}-2026-01-20“ (2026-01-20) liegt vor „eingereicht“ (2026-02-02)"]),
    ("zurueckverweisen-sitzung-vor-einreichung", "eingereicht", False, {}, _sitzung(f"{GREMIUM}-2026-01-20", "2026-01-20", [ID]),
     ["--nach", "entwurf", "--datum", "2026-04-22", "--sitzung", f"{GREMIUM}-2026-01-20"],
     ["liegt vor „eingereicht“"]),
    ("tagesordnung-ohne-empfehlung", "eingereicht", False, {}, _sitzung(ANDERE, "2026-04-29", ["2026-001"]),
     ["--nach", "beschlossen", "--datum", "2026-04-29", "--sitzung", ANDERE],
     [f"die Tagesordnung der Sitzung „{ANDERE}“ führt die Empfehlung „{ID}“ nicht auf"]),
    ("datum-vor-der-sitzung", "eingereicht", False, {}, None,
     ["--nach", "beschlossen", "--datum", "2026-04-21", "--sitzung", ENTSCHEIDUNG],
     [f"Datum 2026-04-21 liegt vor der Sitzung „{ENTSCHEIDUNG}“ (2026-04-22)"]),
    ("sitzung-abgesagt", "eingereicht", False, {}, _sitzung(ANDERE, "2026-04-29", [ID], status="abgesagt"),
     ["--nach", "beschlossen", "--datum", "2026-04-29", "--sitzung", ANDERE],
     [f"Sitzung „{ANDERE}“ wurde abgesagt"]),
    ("beschluss-widerspricht-tagesordnung", "eingereicht", False, {}, _sitzung(ANDERE, "2026-04-29", [ID], ergebnis="abgelehnt"),
     ["--nach", "beschlossen", "--datum", "2026-04-29", "--sitzung", ANDERE],
     [f"laut Tagesordnung der Sitzung „{ANDERE}“ wurde die Empfehlung abgelehnt"]),
    ("ablehnung-widerspricht-tagesordnung", "eingereicht", False, {}, _sitzung(ANDERE, "2026-04-29", [ID], ergebnis="angenommen"),
     ["--nach", "abgelehnt", "--datum", "2026-04-29", "--sitzung", ANDERE],
     ["wurde die Empfehlung angenommen, der Verlauf sagt „abgelehnt“"]),
    ("ohne-entscheidungsgremium", "eingereicht", False, {"entscheidungsgremium": None}, None,
     ["--nach", "beschlossen", "--datum", "2026-04-22", "--sitzung", ENTSCHEIDUNG],
     ["fehlt das entscheidende Gremium („entscheidungsgremium“)"]),
    ("weiterleiten-ohne-adressaten", "beschlossen", False, {}, None, ["--datum", "2026-05-04"],
     ["zum Weiterleiten fehlt mindestens eine Adressatin („adressaten“"]),
    ("weiterleiten-an-unbekannte", "beschlossen", False, {}, None, ["--datum", "2026-05-04", "--adressat", "gibt-es-nicht"],
     ["Adressat „gibt-es-nicht“ gibt es nicht in organisationen/"]),
    ("umgesetzt-ohne-bericht", "in_umsetzung", False, {}, None,
     ["--nach", "umgesetzt", "--datum", "2026-07-15", "--sitzung", PRUEFUNG],
     ["für „umgesetzt“ fehlt ein Umsetzungsbericht („umsetzung“)"]),
    ("nicht-umgesetzt-ohne-bericht", "weitergeleitet", False, {}, None,
     ["--nach", "nicht_umgesetzt", "--datum", "2026-07-15", "--sitzung", PRUEFUNG],
     ["für „nicht_umgesetzt“ fehlt ein Umsetzungsbericht"]),
    ("umgesetzt-ohne-pruefsitzung", "in_umsetzung", True, {}, None, ["--nach", "umgesetzt", "--datum", "2026-07-15"],
     [f"fehlt die Sitzung von „{GREMIUM}“, in der die Umsetzung geprüft wurde"]),
    ("pruefsitzung-vor-weiterleitung", "in_umsetzung", True, {}, None,
     ["--nach", "umgesetzt", "--datum", "2026-07-15", "--sitzung", ENTSCHEIDUNG],
     [f"Sitzung „{ENTSCHEIDUNG}“ (2026-04-22) liegt vor „weitergeleitet“ (2026-05-04)"]),
    ("pruefsitzung-ohne-empfehlung", "weitergeleitet", True, {}, _sitzung(f"{GREMIUM}-2026-07-22", "2026-07-22", ["2025-001"]),
     ["--nach", "umgesetzt", "--datum", "2026-07-22", "--sitzung", f"{GREMIUM}-2026-07-22"],
     [f"führt die Empfehlung „{ID}“ nicht auf"]),
    ("einreichen-ohne-text", "entwurf", False, {"text": None}, None, ["--datum", "2026-02-02"],
     ["zum Einreichen fehlt der Text der Empfehlung („text“)"]),
    ("einreichen-ohne-herkunft", "entwurf", False, {"herkunft": None}, None, ["--datum", "2026-02-02"],
     ["zum Einreichen fehlt die Herkunft: „arbeitsgruppe“ oder „gremium“ angeben"]),
    ("einreichen-ohne-text-und-herkunft", "entwurf", False, {"text": None, "herkunft": None}, None, ["--datum", "2026-02-02"],
     ["fehlt der Text", "fehlt die Herkunft"]),
    ("datum-geht-zurueck", "weitergeleitet", False, {}, None, ["--datum", "2026-05-03"],
     ["Datum 2026-05-03 liegt vor dem letzten Verlaufseintrag (2026-05-04)", "Daten gehen nie zurück"]),
    ("schritt-nicht-erlaubt", "entwurf", False, {}, None, ["--nach", "beschlossen", "--datum", "2026-04-22", "--sitzung", ENTSCHEIDUNG],
     ["Schritt „entwurf“ → „beschlossen“ ist nicht erlaubt (von „entwurf“ aus: eingereicht, zurueckgezogen)"]),
]


@pytest.mark.parametrize(
    ("von", "mit_bericht", "text_kwargs", "vorbereitung", "args", "erwartet"),
    [f[1:] for f in WAECHTER_FAELLE],
    ids=[f[0] for f in WAECHTER_FAELLE],
)
def test_waechter_lehnen_ab_und_aendern_nichts(cli, beispiel, von, mit_bericht, text_kwargs, vorbereitung, args, erwartet):
    repo_im_zustand(beispiel, von, mit_bericht, **text_kwargs)
    if vorbereitung:
        vorbereitung(beispiel)
    vorher = schnappschuss(beispiel)

    r = advance(cli, beispiel, "--durch", "X", *args)

    assert r.exit_code == 1, r.stdout
    assert r.stderr.startswith("Fehler:")
    meldung = " ".join(r.stderr.split())  # Rich bricht nicht um, aber sicher ist sicher
    for teil in erwartet:
        assert " ".join(teil.split()) in meldung
    assert "Traceback" not in r.stderr
    assert schnappschuss(beispiel) == vorher


def test_mehrere_fehlende_teile_werden_alle_genannt(cli, beispiel):
    repo_im_zustand(beispiel, "entwurf", text=None, herkunft=None)
    r = advance(cli, beispiel, "--datum", "2026-02-02", "--durch", "X")
    assert r.exit_code == 1
    assert "abgelehnt; nichts geändert" in r.stderr
    assert r.stderr.count("\n  - ") == 2


def test_gespeicherte_unbekannte_adressaten_verhindern_weiterleiten(cli, beispiel):
    sitzungen_anlegen(beispiel)
    schreibe_empfehlung(beispiel, empfehlung_text(_bis_beschlossen(), ["gibt-es-nicht"]))
    vorher = schnappschuss(beispiel)
    r = advance(cli, beispiel, "--datum", "2026-05-04", "--durch", "X", "--adressat", ADRESSATEN[0])
    assert r.exit_code == 1
    assert "Adressat „gibt-es-nicht“ gibt es nicht in organisationen/" in r.stderr
    assert schnappschuss(beispiel) == vorher


def _bis_beschlossen():
    return [dict(SCHRITTE[s]) for s in ("entwurf", "eingereicht", "beschlossen")]


def test_titel_waechter_direkt():
    # Ohne Titel ist ein Datensatz schon schema-ungültig (advance lehnt dann vorher ab, s. u.);
    # der Wächter selbst nennt das fehlende Stück trotzdem.
    schritt = lebenszyklus.Schritt(ID, {"arbeitsgruppe": "ag"}, {"status": "eingereicht", "datum": "2026-02-02"}, [], ("verlauf", 1), None)
    meldungen = [m for _, m in lebenszyklus.pruefe_schritt(schritt)]
    assert "zum Einreichen fehlt der Titel („titel“)" in meldungen
    assert "zum Einreichen fehlt der Text der Empfehlung („text“)" in meldungen


def test_schema_ungueltige_empfehlung_wird_nicht_bearbeitet(cli, beispiel):
    repo_im_zustand(beispiel, "entwurf", titel=None)
    vorher = schnappschuss(beispiel)
    r = advance(cli, beispiel, "--datum", "2026-02-02", "--durch", "X")
    assert r.exit_code == 1
    assert f"Empfehlung „{ID}“ ({DATEI}) hat Fehler" in r.stderr
    assert "netzwerk validate" in r.stderr
    assert schnappschuss(beispiel) == vorher


@pytest.mark.parametrize(("von", "nach"), NICHT_ERLAUBT, ids=[f"{v}->{n}" for v, n in NICHT_ERLAUBT])
def test_nicht_erlaubte_schritte(cli, beispiel, von, nach):
    repo_im_zustand(beispiel, von, mit_bericht=True)
    vorher = schnappschuss(beispiel)
    r = advance(cli, beispiel, "--nach", nach, "--datum", "2026-08-03", "--sitzung", PRUEFUNG, "--durch", "X")
    assert r.exit_code == 1
    erlaubt = ", ".join(lebenszyklus.tabelle().naechste(von))
    assert f"Schritt „{von}“ → „{nach}“ ist nicht erlaubt (von „{von}“ aus: {erlaubt})" in r.stderr
    assert schnappschuss(beispiel) == vorher


@pytest.mark.parametrize(("status", "id_"), sorted(ENDZUSTAENDE.items()))
def test_endzustand(cli, beispiel, status, id_):
    vorher = schnappschuss(beispiel)
    r = advance(cli, beispiel, "--datum", "2026-08-03", id_=id_)
    assert r.exit_code == 1
    assert f"Empfehlung „{id_}“ ist „{status}“ (Endzustand); es gibt keinen weiteren Schritt" in r.stderr
    r = advance(cli, beispiel, "--nach", "entwurf", "--datum", "2026-08-03", id_=id_)
    assert r.exit_code == 1
    assert "ist nicht erlaubt" in r.stderr and "keiner (Endzustand)" in r.stderr
    assert schnappschuss(beispiel) == vorher


def test_unbekannter_status_ist_aufruffehler(cli, beispiel):
    repo_im_zustand(beispiel, "entwurf")
    vorher = schnappschuss(beispiel)
    r = advance(cli, beispiel, "--nach", "erledigt", "--datum", "2026-02-02")
    assert r.exit_code == 2
    assert "„erledigt“ ist kein Status" in r.stderr and "eingereicht" in r.stderr
    assert schnappschuss(beispiel) == vorher


def test_ungueltiges_datum_ist_aufruffehler(cli, beispiel):
    repo_im_zustand(beispiel, "entwurf")
    vorher = schnappschuss(beispiel)
    for datum in ("2026-02-30", "2.2.2026", "2026-2-2"):
        r = advance(cli, beispiel, "--datum", datum, "--durch", "X")
        assert r.exit_code == 2
        assert f"„{datum}“ ist kein gültiges Datum" in r.stderr
    assert schnappschuss(beispiel) == vorher


def test_unbekannte_empfehlung(cli, beispiel):
    vorher = schnappschuss(beispiel)
    r = advance(cli, beispiel, "--datum", "2026-02-02", id_="2026-999")
    assert r.exit_code == 1
    assert "Empfehlung „2026-999“ gibt es nicht" in r.stderr
    assert schnappschuss(beispiel) == vorher


def test_abgelehnter_schritt_laesst_sich_danach_richtig_gehen(cli, beispiel):
    """Nach einer Ablehnung ist nichts „halb“ geschrieben: derselbe Schritt mit Sitzung gelingt."""
    pfad = repo_im_zustand(beispiel, "eingereicht")
    assert advance(cli, beispiel, "--nach", "beschlossen", "--datum", "2026-04-22").exit_code == 1
    r = advance(cli, beispiel, "--nach", "beschlossen", "--datum", "2026-04-22", "--sitzung", ENTSCHEIDUNG, "--durch", "X")
    assert r.exit_code == 0, r.stderr
    assert [v["status"] for v in lies(pfad)["verlauf"]] == ["entwurf", "eingereicht", "beschlossen"]


# --------------------------------------------------------------------------- Beispieldaten


def test_beispiel_2026_003_wird_in_geplanter_sitzung_beraten(cli, beispiel):
    """Die Beispiel-Empfehlung 2026-003 steht auf der Tagesordnung vom 17.03.2027. Ein Beschluss
    durch diese noch geplante, künftige Sitzung wird abgelehnt (Issue 14, `verlauf-zukunft`)."""
    datei = beispiel / "empfehlungen/2026/2026-003.yaml"
    alt = datei.read_bytes()
    r = advance(cli, beispiel, "--nach", "beschlossen", "--sitzung", f"{GREMIUM}-2027-03-17", "--datum", "2027-03-17", "--durch", "X", id_="2026-003")
    assert r.exit_code == 1, r.stderr
    assert "[verlauf-zukunft]" in r.stderr and "noch „geplant“" in r.stderr
    assert datei.read_bytes() == alt


def test_beispiel_2026_001_weiterleiten(cli, beispiel):
    datei = "empfehlungen/2026/2026-001.yaml"
    alt = (beispiel / datei).read_text(encoding="utf-8")
    r = advance(cli, beispiel, "--adressat", ADRESSATEN[0], "--datum", "2026-11-02", "--durch", "Geschäftsstelle Integration", id_="2026-001")
    assert r.exit_code == 0, r.stderr
    weg, dazu = aenderungen(alt, (beispiel / datei).read_text(encoding="utf-8"))
    assert weg == ["status: beschlossen\n"]
    assert dazu == [
        "adressaten:\n",
        f"  - {ADRESSATEN[0]}\n",
        "status: weitergeleitet\n",
        "  - status: weitergeleitet\n",
        "    datum: 2026-11-02\n",
        "    durch: Geschäftsstelle Integration\n",
    ]
    assert fehler_fuer(beispiel, datei) == []


# --------------------------------------------------------------------------- --dry-run


def _diff_ausgabe(stdout: str) -> str:
    assert stdout.endswith("(Probelauf: nichts geschrieben)\n")
    return stdout[: -len("(Probelauf: nichts geschrieben)\n")]


@pytest.mark.parametrize("ohne_zeilenende", [False, True], ids=["normal", "ohne-zeilenende-am-schluss"])
def test_dry_run_zeigt_diff_und_schreibt_nichts(cli, beispiel, tmp_path, ohne_zeilenende):
    pfad = repo_im_zustand(beispiel, "eingereicht")
    if ohne_zeilenende:
        pfad.write_bytes(pfad.read_bytes().rstrip(b"\n"))
    original = pfad.read_bytes()
    args = ["--nach", "beschlossen", "--sitzung", ENTSCHEIDUNG, "--datum", "2026-04-22", "--durch", "X"]
    vorher = schnappschuss(beispiel)

    r = advance(cli, beispiel, *args, "--dry-run")

    assert r.exit_code == 0, r.stderr
    assert schnappschuss(beispiel) == vorher
    diff = _diff_ausgabe(r.stdout)
    assert diff.startswith(f"--- a/{DATEI}\n+++ b/{DATEI}\n@@ ")
    assert "\n-status: eingereicht\n+status: beschlossen\n" in diff
    assert f"+    sitzung: {ENTSCHEIDUNG}\n" in diff
    assert ("\\ No newline at end of file\n" in diff) == ohne_zeilenende

    # Der gezeigte Diff ist genau die Änderung, die ohne --dry-run geschrieben wird: mit `git apply`
    # auf eine Kopie angewandt ergibt er Byte für Byte dieselbe Datei.
    patch = tmp_path / "aenderung.patch"
    patch.write_text(diff, encoding="utf-8")
    r = advance(cli, beispiel, *args)
    assert r.exit_code == 0, r.stderr
    geschrieben = pfad.read_bytes()
    pfad.write_bytes(original)
    subprocess.run(["git", "apply", str(patch)], cwd=beispiel, check=True, capture_output=True)
    assert pfad.read_bytes() == geschrieben


def test_dry_run_zeigt_auch_ablehnungen(cli, beispiel):
    repo_im_zustand(beispiel, "eingereicht")
    vorher = schnappschuss(beispiel)
    r = advance(cli, beispiel, "--nach", "beschlossen", "--datum", "2026-04-22", "--dry-run")
    assert r.exit_code == 1
    assert "fehlt die Sitzung" in r.stderr
    assert schnappschuss(beispiel) == vorher


def test_validierung_des_ganzen_beispiels_nach_mehreren_schritten(cli, beispiel):
    """Nach einer Folge von Schritten meldet `netzwerk validate` für das ganze Repository keinen Fehler."""
    sitzungen_anlegen(beispiel)
    schreibe_empfehlung(beispiel, empfehlung_text(**zustand("entwurf")))
    schritte = [
        ["--datum", "2026-02-02"],
        ["--nach", "beschlossen", "--sitzung", ENTSCHEIDUNG, "--datum", "2026-04-22"],
        ["--adressat", ADRESSATEN[0], "--adressat", ADRESSATEN[1], "--datum", "2026-05-04"],
    ]
    for args in schritte:
        assert advance(cli, beispiel, "--durch", "X", *args).exit_code == 0
    r = cli("empfehlung", "umsetzung", ID, "--daten", beispiel, "--adressat", BERICHT["adressat"], "--stand", "vollstaendig", "--bericht", "fertig", "--datum", "2026-07-01")
    assert r.exit_code == 0, r.stderr
    r = advance(cli, beispiel, "--nach", "umgesetzt", "--sitzung", PRUEFUNG, "--datum", "2026-07-15", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    r = cli("validate", "--daten", beispiel, "--stichtag", STICHTAG, "--format", "json")
    assert '"fehler": 0' in r.stdout
    assert r.exit_code == 0


# --------------------------------------------------------------------------- --sitzung ohne Wächter


def test_sitzung_bei_schritt_ohne_waechter_muss_es_geben(cli, beispiel):
    """Auch wo kein Wächter eine Sitzung verlangt (weitergeleitet → in_umsetzung), wird kein Verweis
    ins Leere geschrieben – sonst meldete `validate` danach ref-unbekannt."""
    pfad = repo_im_zustand(beispiel, "weitergeleitet")
    vorher = schnappschuss(beispiel)
    r = advance(cli, beispiel, "--sitzung", f"{GREMIUM}-2026-06-03", "--datum", "2026-06-03", "--durch", "X")
    assert r.exit_code == 1
    assert f"Sitzung „{GREMIUM}-2026-06-03“ gibt es nicht in sitzungen/" in r.stderr
    assert schnappschuss(beispiel) == vorher
    r = advance(cli, beispiel, "--sitzung", PRUEFUNG, "--datum", "2026-07-15", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    assert lies(pfad)["verlauf"][-1]["sitzung"] == PRUEFUNG
    assert fehler_fuer(beispiel, DATEI) == []


# --------------------------------------------------------------------------- list / show nach einem Schritt


def test_list_und_show_zeigen_den_neuen_stand(cli, beispiel):
    import json

    repo_im_zustand(beispiel, "eingereicht")
    r = advance(cli, beispiel, "--nach", "beschlossen", "--sitzung", ENTSCHEIDUNG, "--datum", "2026-04-22", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    r = cli("empfehlung", "list", "--daten", beispiel, "--status", "beschlossen", "--format", "json")
    assert r.exit_code == 0
    zeilen = {z["id"]: z for z in json.loads(r.stdout)}
    assert zeilen[ID]["seit"] == "2026-04-22"
    assert zeilen[ID]["naechster_schritt"] == "weitergeleitet"
    assert zeilen[ID]["datei"] == DATEI
    r = cli("empfehlung", "show", ID, "--daten", beispiel)
    assert r.exit_code == 0
    assert "Status: beschlossen" in r.stdout
    assert f"2026-04-22  ● beschlossen (Sitzung {ENTSCHEIDUNG}, durch X)" in r.stdout
    assert "Nächste mögliche Schritte: weitergeleitet; ohne --nach: weitergeleitet" in r.stdout


def test_notiz_mit_zeilenumbruch_am_ende(cli, beispiel):
    """Ein Zeilenumbruch am Ende einer Notiz darf nicht roh in die Datei geraten (von hypothesis gefunden)."""
    pfad = repo_im_zustand(beispiel, "weitergeleitet")
    r = advance(cli, beispiel, "--datum", "2026-06-01", "--durch", "X", "--notiz", "Erledigt.\n")
    assert r.exit_code == 0, r.stderr
    assert lies(pfad)["verlauf"][-1]["notiz"] == "Erledigt.\n"
    assert '    notiz: "Erledigt.\\n"\n' in pfad.read_text(encoding="utf-8")
    assert fehler_fuer(beispiel, DATEI) == []
