"""Datenschutz über alle Befehle: Jeder Befehl der CLI läuft in jedem seiner Ausgabeformate auf
einem Datenrepository mit privaten Personen, deren Namen, ids und Kontaktdaten eindeutige
Marken sind. Geprüft wird:

* **Kontaktdaten** (`kontakt`: E-Mail, Telefon, Adresse – auch die öffentlicher Personen)
  erscheinen nie: nicht in stdout, nicht in stderr, nicht in geschriebenen Dateien;
* in der **öffentlichen Fassung** (`--oeffentlich`) erscheint keine nicht-öffentliche Person,
  weder mit Namen noch Nachnamen noch id (docs/BERICHTE.md: „Namen und ids nicht-öffentlicher
  Personen“ werden ersetzt) – eine öffentliche Person dagegen schon (Gegenprobe);
* die Liste der Fälle ist **vollständig**: Die Befehle werden aus der Typer-Anwendung selbst
  gelesen; ein neuer Befehl, ein neues `--format` oder ein neues `--oeffentlich` ohne Fall hier
  lässt `test_jeder_befehl_und_jedes_format_hat_einen_fall` scheitern.

Das Repository enthält auch Befunde, die Personen nennen (unbekannte Person im Gremium,
Anwesende ohne Mitgliedschaft, Schemafehler und YAML-Syntaxfehler in Personendateien), damit
`validate` über sie sprechen muss. Kontaktangaben, die selbst fehlerhaft sind, stehen in einem
eigenen Repository (`test_validate_zitiert_fehlerhafte_kontaktdaten_nicht`).
"""

from __future__ import annotations

import enum
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BEISPIEL, minimal_repo

STICHTAG = "2026-11-21"

# --------------------------------------------------------------------------- das Repository

KONTAKTE = {
    "xaver-privat": ("xaver.kontakt@marke-eins.invalid", "+49 7531 4711001", "Kontaktweg 11, 78467 Markenstadt"),
    "yvonne-privat": ("yvonne.kontakt@marke-zwei.invalid", "+49 7531 4711002", "Kontaktweg 22, 78467 Markenstadt"),
    "paula-offen": ("paula.kontakt@marke-drei.invalid", "+49 7531 4711003", "Kontaktweg 33, 78467 Markenstadt"),
    "wim-syntax": ("wim.kontakt@marke-vier.invalid", "+49 7531 4711004", "Kontaktweg 44, 78467 Markenstadt"),
    "quirin-schema": ("quirin.kontakt@marke-fuenf.invalid", "+49 7531 4711005", "Kontaktweg 55, 78467 Markenstadt"),
}
# Marken, die nie erscheinen dürfen: jede Kontaktangabe und ihre markanten Teile
KONTAKT_MARKEN = sorted(
    {w for werte in KONTAKTE.values() for w in werte}
    | {w.split("@")[0] for werte in KONTAKTE.values() for w in werte if "@" in w}
    | {"4711001", "4711002", "4711003", "4711004", "4711005", "Kontaktweg", "Markenstadt", "marke-"}
    | {"autorin.kontakt@marke-git.invalid", "committer.kontakt@marke-git.invalid"}  # Git-Metadaten
)
PRIVAT = {  # id → Name (nicht öffentlich)
    "xaver-privat": "Xaver Privatmann",
    "yvonne-privat": "Yvonne Privatfrau",
    "wim-syntax": "Wim Syntaxfehler",
    "quirin-schema": "Quirin Schemafehler",
}
PRIVATE_MARKEN = sorted(set(PRIVAT) | set(PRIVAT.values()) | {"Privatmann", "Privatfrau", "Syntaxfehler", "Schemafehler"})
OEFFENTLICH = "Paula Offenbach"


def _kontakt(id_: str) -> str:
    email, telefon, adresse = KONTAKTE[id_]
    return f'kontakt:\n  email: {email}\n  telefon: "{telefon}"\n  adresse: {adresse}\n'


DATEIEN = {
    "organisationen/kreis.yaml": "name: Landkreis Testkreis\ntyp: landkreis\n",
    "organisationen/amt-a.yaml": "name: Amt A\ntyp: amt\nuebergeordnet: kreis\n",
    "organisationen/amt-b.yaml": "name: Amt B\ntyp: amt\nuebergeordnet: kreis\n",
    "personen/xaver-privat.yaml": (
        "# Standard: nicht öffentlich\nname: Xaver Privatmann\ntitel: Dr.\norganisation: kreis\n"
        "funktion: Referent für Integration\nrollen: [integrationsbeauftragte, ag_leitung]\n" + _kontakt("xaver-privat")
    ),
    "personen/yvonne-privat.yaml": (
        "name: Yvonne Privatfrau\norganisation: amt-a\nfunktion: Leiterin Amt A\nrollen: [amtsleitung]\noeffentlich: false\n"
        + _kontakt("yvonne-privat")
    ),
    "personen/paula-offen.yaml": (
        "name: Paula Offenbach\norganisation: amt-b\nfunktion: Leiterin Amt B\nrollen: [amtsleitung]\noeffentlich: true\n"
        + _kontakt("paula-offen")
    ),
    # YAML-Syntaxfehler in der Zeile mit der E-Mail-Adresse
    "personen/wim-syntax.yaml": (
        "name: Wim Syntaxfehler\nkontakt:\n  email: wim.kontakt@marke-vier.invalid: kaputt\n"
        '  telefon: "+49 7531 4711004"\n  adresse: Kontaktweg 44, 78467 Markenstadt\n'
    ),
    # Schemafehler neben gültigen Kontaktdaten (unbekanntes Feld, falscher Typ)
    "personen/quirin-schema.yaml": (
        "name: Quirin Schemafehler\nrollen: keine-liste\nlieblingsfarbe: blau\n" + _kontakt("quirin-schema")
    ),
    "gremien/testgremium.yaml": """\
name: Testgremium Integration
kurzname: Testgremium
art: steuerungsgruppe
organisation: kreis
sitzungen_pro_jahr: {min: 2, max: 3}
sitzgruppen:
  - id: beauftragte
    name: Integrationsbeauftragte
    anzahl: 1
    rolle: integrationsbeauftragte
  - id: aemter
    name: Ämter
    anzahl: 2
    je: organisation
    aus: [amt-a, amt-b]
mitglieder:
  - person: xaver-privat
    sitzgruppe: beauftragte
    von: 2025-01-01
  - person: yvonne-privat
    sitzgruppe: aemter
    von: 2025-01-01
  - person: paula-offen
    sitzgruppe: aemter
    von: 2025-01-01
  - person: xaver-privatt
    sitzgruppe: beauftragte
    von: 2025-01-01
  - person: quirin-schema
    von: 2025-01-01
""",
    "arbeitsgruppen/ag-test.yaml": (
        "name: AG Test (Leitung Xaver Privatmann)\neingesetzt_von: testgremium\nstatus: aktiv\n"
        "beginn: 2025-01-01\nende_geplant: 2027-12-31\nleitung: [xaver-privat]\n"
    ),
    "sitzungen/2026/testgremium-2026-03-01.yaml": """\
gremium: testgremium
datum: 2026-03-01
ort: Büro von Yvonne Privatfrau
status: durchgefuehrt
anwesend: [xaver-privat, yvonne-privat, paula-offen, wim-syntax]
tagesordnung:
  - nummer: 1
    titel: Empfehlung 2026-002
    berichterstattung: Xaver Privatmann
    empfehlungen: ["2026-002"]
    beschluss: {ergebnis: angenommen}
""",
    "sitzungen/2026/testgremium-2026-12-02.yaml": (
        "gremium: testgremium\ndatum: 2026-12-02\nort: Raum von xaver-privat\nstatus: geplant\n"
    ),
    "empfehlungen/2026/2026-001.yaml": """\
titel: Vorschlag von Yvonne Privatfrau
text: Text.
arbeitsgruppe: ag-test
entscheidungsgremium: testgremium
status: eingereicht
verlauf:
  - {status: entwurf, datum: 2026-01-10, durch: Xaver Privatmann}
  - {status: eingereicht, datum: 2026-02-01, durch: Xaver Privatmann}
""",
    "empfehlungen/2026/2026-002.yaml": """\
titel: Beratung im Amt
text: Das Amt berät.
arbeitsgruppe: ag-test
entscheidungsgremium: testgremium
adressaten: [amt-a]
status: weitergeleitet
verlauf:
  - {status: entwurf, datum: 2026-01-05, durch: Xaver Privatmann}
  - {status: eingereicht, datum: 2026-01-20}
  - {status: beschlossen, datum: 2026-03-01, sitzung: testgremium-2026-03-01}
  - {status: weitergeleitet, datum: 2026-03-10, notiz: Yvonne Privatfrau informiert}
umsetzung:
  - {adressat: amt-a, datum: 2026-04-01, stand: teilweise, bericht: Yvonne Privatfrau berichtet}
""",
}


def _git(repo: Path, *args: str) -> str:
    umgebung = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Xaver Privatmann",
        "GIT_AUTHOR_EMAIL": "autorin.kontakt@marke-git.invalid",
        "GIT_COMMITTER_EMAIL": "committer.kontakt@marke-git.invalid",
    }
    return subprocess.run(["git", *args], cwd=repo, env=umgebung, check=True, capture_output=True, text=True).stdout


_VORLAGE: dict[str, Path] = {}


@pytest.fixture
def vorlage(tmp_path_factory) -> Path:
    """Das Repository als Git-Repository mit zwei Commits (gebaut einmal, in der isolierten
    Umgebung des ersten Tests). Nur lesen; wer schreibt, nimmt `kopie`."""
    if "repo" not in _VORLAGE:
        repo = minimal_repo(tmp_path_factory.mktemp("datenschutz") / "daten", DATEIEN)
        _git(repo, "init", "-q", "-b", "main")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", "Daten von Xaver Privatmann erfasst")
        pfad = repo / "empfehlungen/2026/2026-001.yaml"
        pfad.write_text(pfad.read_text(encoding="utf-8") + "# geprüft\n", encoding="utf-8")
        _git(repo, "commit", "-q", "-am", "2026-001 geprüft")
        _VORLAGE["repo"] = repo
    return _VORLAGE["repo"]


@pytest.fixture
def kopie(vorlage, tmp_path) -> Path:
    ziel = tmp_path / "daten"
    shutil.copytree(vorlage, ziel, symlinks=True)
    return ziel


# --------------------------------------------------------------------------- die Fälle


@dataclass(frozen=True)
class Fall:
    args: tuple[str, ...]
    schreibt: bool = False  # braucht eine eigene Kopie; geschriebene Dateien werden mitgeprüft
    exit_codes: tuple[int, ...] = (0,)
    ohne_daten: bool = False  # kein --daten (init)
    immer_oeffentlich: bool = False  # Export: stets öffentliche Fassung, auch die geschriebenen Dateien

    @property
    def oeffentlich(self) -> bool:
        return "--oeffentlich" in self.args or self.immer_oeffentlich

    def __str__(self) -> str:
        return " ".join(self.args)


def _berichte(befehl: tuple[str, ...], formate: tuple[str, ...], stichtag: bool = True, ausfuehrlich: bool = False) -> list[Fall]:
    faelle = []
    for fmt in formate:
        for oeff in ((), ("--oeffentlich",)):
            zusatz = ("--stichtag", STICHTAG) if stichtag else ()
            faelle.append(Fall((*befehl, "--format", fmt, *zusatz, *oeff)))
            if ausfuehrlich and fmt != "json":
                faelle.append(Fall((*befehl, "--format", fmt, "--ausfuehrlich", *zusatz, *oeff)))
    return faelle


NEU = ("empfehlung", "new", "--titel", "Neue Empfehlung", "--arbeitsgruppe", "ag-test", "--datum", "2026-11-20", "--durch", "Geschäftsstelle")
SCHRITT = ("empfehlung", "advance", "2026-002", "--datum", "2026-11-20", "--durch", "Geschäftsstelle")
BERICHT = ("empfehlung", "umsetzung", "2026-002", "--adressat", "amt-a", "--stand", "vollstaendig", "--bericht", "Fertig.", "--datum", "2026-11-20")

FAELLE: dict[tuple[str, ...], list[Fall]] = {
    ("validate",): [Fall(("validate", "--format", f, "--stichtag", STICHTAG), exit_codes=(1,)) for f in ("text", "json", "github", "gitlab", "markdown")]
    + [Fall(("validate", "{daten}/personen", "--streng", "--stichtag", STICHTAG), exit_codes=(1,))],
    ("status",): _berichte(("status",), ("text", "markdown", "json"), ausfuehrlich=True),
    ("gremium", "show"): _berichte(("gremium", "show", "testgremium"), ("text", "markdown", "json")),
    ("diagramm",): _berichte(("diagramm",), ("mermaid", "dot"), stichtag=False),
    ("sitzung", "vorbereiten"): [
        Fall(("sitzung", "vorbereiten", "testgremium", "--datum", "2027-02-10", "--ort", "Kreishaus", *z), schreibt=True)
        for z in ((), ("--dry-run",), ("--commit",))
    ],
    ("empfehlung", "list"): [Fall(("empfehlung", "list", "--format", f)) for f in ("text", "json")],
    ("empfehlung", "show"): [Fall(("empfehlung", "show", i, "--format", f)) for i in ("2026-001", "2026-002") for f in ("text", "json")],
    ("empfehlung", "new"): [Fall((*NEU, "--dry-run")), Fall(NEU, schreibt=True)],
    ("empfehlung", "advance"): [Fall((*SCHRITT, "--dry-run")), Fall(SCHRITT, schreibt=True), Fall((*SCHRITT, "--commit"), schreibt=True)],
    ("empfehlung", "umsetzung"): [Fall((*BERICHT, "--dry-run")), Fall(BERICHT, schreibt=True)],
    ("verlauf",): [Fall(("verlauf", i, "--format", f)) for i in ("xaver-privat", "2026-001", "testgremium") for f in ("text", "json")],
    ("person", "anonymisieren"): [
        Fall(("person", "anonymisieren", "xaver-privat", "--dry-run", "--format", f, "--stichtag", STICHTAG), exit_codes=(0, 1))
        for f in ("text", "json")
    ]
    + [Fall(("person", "anonymisieren", "xaver-privat", "--stichtag", STICHTAG), schreibt=True)],
    ("export", "seite"): [Fall(("export", "seite", "{daten}/_site", "--stichtag", STICHTAG), schreibt=True, immer_oeffentlich=True)],
    ("init",): [Fall(("init", "{neu}"), schreibt=True, ohne_daten=True), Fall(("init", "{neu}", "--beispiel"), schreibt=True, ohne_daten=True)],
    # Veröffentlichungen: geschrieben wird nach {aus} (außerhalb des Datenrepositorys); geprüft werden auch diese Dateien
    ("export", "oparl"): [Fall(("export", "oparl", "{aus}", "--basis-url", "https://oparl.beispiel.invalid/x"), immer_oeffentlich=True)],
    ("export", "ical"): [Fall(("export", "ical", "{aus}"), immer_oeffentlich=True)],
    ("sitzung", "einladung"): [
        Fall(("sitzung", "einladung", s, "--format", f), immer_oeffentlich=True)
        for s in ("testgremium-2026-03-01", "testgremium-2026-12-02")
        for f in ("markdown", "html")
    ],
    ("sitzung", "niederschrift"): [
        Fall(("sitzung", "niederschrift", "testgremium-2026-03-01", "--format", f), immer_oeffentlich=True) for f in ("markdown", "html")
    ],
}

# Alltagsbefehle (Issue 14): Personen, Organisationen, Gremien, Sitzungen, Arbeitsgruppen
PERSON_NEU = ("person", "neu", "--name", "Neue Person", "--organisation", "amt-a", "--rolle", "amtsleitung")
FAELLE.update(
    {
        ("person", "neu"): [Fall((*PERSON_NEU, "--dry-run")), Fall(PERSON_NEU, schreibt=True), Fall((*PERSON_NEU, "--oeffentlich", "--commit"), schreibt=True)],
        ("gremium", "mitglied", "hinzufuegen"): [
            Fall(("gremium", "mitglied", "hinzufuegen", "testgremium", "yvonne-privat", "--sitzgruppe", "aemter", "--von", "2026-12-01",
                  "--art", "stellvertretung", "--vertritt", "paula-offen", *z), schreibt=True) for z in ((), ("--dry-run",))
        ],
        ("gremium", "mitglied", "beenden"): [
            Fall(("gremium", "mitglied", "beenden", "testgremium", "paula-offen", "--bis", "2026-12-31", *z), schreibt=True) for z in ((), ("--dry-run",), ("--commit",))
        ],
        ("person", "ausscheiden"): [Fall(("person", "ausscheiden", "xaver-privat", "--bis", "2026-12-31", *z), schreibt=True) for z in ((), ("--dry-run",))],
        ("organisation", "neu"): [Fall(("organisation", "neu", "--name", "Amt C", "--typ", "amt", "--uebergeordnet", "kreis", *z), schreibt=True) for z in ((), ("--dry-run",))],
        ("sitzung", "protokoll"): [
            Fall(("sitzung", "protokoll", "testgremium-2026-12-02", "--anwesend", "xaver-privat,yvonne-privat", "--entschuldigt", "paula-offen",
                  "--gast", "Gast von Yvonne Privatfrau", "--stichtag", "2026-12-03", *z), schreibt=True)
            for z in ((), ("--dry-run",), ("--commit",))
        ],
        ("ag", "einsetzen"): [
            Fall(("ag", "einsetzen", "--gremium", "testgremium", "--sitzung", "testgremium-2026-12-02", "--name", "AG Neu von Xaver Privatmann",
                  "--thema", "Thema", "--leitung", "xaver-privat", *z), schreibt=True)
            for z in ((), ("--dry-run",), ("--commit",))
        ],
        ("ag", "abschliessen"): [
            Fall(("ag", "abschliessen", "ag-test", "--am", "2026-11-20", *z), schreibt=True) for z in ((), ("--dry-run",), ("--commit",))
        ],
    }
)


# Listen (Issue 14): interne Fassungen mit Namen, aber nie Kontaktdaten; person list auch öffentlich
FAELLE.update(
    {
        ("gremium", "list"): [Fall(("gremium", "list", "--format", f, "--stichtag", STICHTAG)) for f in ("text", "json")],
        ("sitzung", "list"): [Fall(("sitzung", "list", "--format", f, "--gremium", "testgremium", "--ab", "2026-01-01")) for f in ("text", "json")],
        ("ag", "list"): [Fall(("ag", "list", "--format", f, "--stichtag", STICHTAG)) for f in ("text", "json")]
        + [Fall(("ag", "list", "--status", "aktiv"))],
        ("person", "list"): _berichte(("person", "list"), ("text", "json")),
    }
)


def _alle_faelle():
    for befehl, faelle in FAELLE.items():
        for fall in faelle:
            yield pytest.param(befehl, fall, id=str(fall))


# --------------------------------------------------------------------------- Vollständigkeit


def _befehle() -> dict[tuple[str, ...], object]:
    """Alle aufrufbaren Befehle der Anwendung (Blätter des Befehlsbaums), aus Typer gelesen."""
    import typer.main

    from netzwerk_cli.cli import app

    ergebnis = {}

    def gehe(befehl, pfad):
        unter = getattr(befehl, "commands", None)
        if unter is None:
            ergebnis[pfad] = befehl
            return
        if not unter and pfad:
            ergebnis[pfad] = befehl  # leere Gruppe: ein Platzhalter (siehe unten)
        for name, u in unter.items():
            gehe(u, pfad + (name,))

    gehe(typer.main.get_command(app), ())
    return ergebnis


def _optionen(befehl) -> dict[str, list[str] | None]:
    """Optionsname → erlaubte Werte (bei Enum-Optionen wie --format) bzw. None."""
    optionen = {}
    for p in befehl.params:
        if getattr(p, "param_type_name", "") != "option":
            continue
        typ = getattr(getattr(p, "type_descriptor", None), "annotation", None)
        werte = [e.value for e in typ] if isinstance(typ, type) and issubclass(typ, enum.Enum) else None
        if werte is None:
            werte = [str(c) for c in getattr(getattr(p, "type", None), "choices", None) or []] or None
        for name in p.opts:
            optionen[name] = werte
    return optionen


def test_jeder_befehl_und_jedes_format_hat_einen_fall():
    befehle = _befehle()
    assert len(befehle) >= 12, sorted(befehle)  # die Aufzählung funktioniert
    platzhalter = sorted(p for p, b in befehle.items() if getattr(b, "commands", None) == {})
    ohne_fall = sorted(set(befehle) - set(FAELLE) - set(platzhalter))
    assert not ohne_fall, f"Befehle ohne Datenschutzfall in FAELLE: {ohne_fall}"
    assert not sorted(set(FAELLE) - set(befehle)), "Fälle für Befehle, die es nicht (mehr) gibt"
    for pfad, befehl in befehle.items():
        if pfad in platzhalter:
            continue
        optionen = _optionen(befehl)
        faelle = FAELLE[pfad]
        formate = optionen.get("--format")
        if formate:
            benutzt = {f.args[f.args.index("--format") + 1] for f in faelle if "--format" in f.args}
            benutzt |= {formate[0]} if any("--format" not in f.args for f in faelle) else set()  # Standardformat
            assert set(formate) <= benutzt, f"{' '.join(pfad)}: Formate ohne Fall: {sorted(set(formate) - benutzt)}"
        if "--oeffentlich" in optionen:
            for fmt in formate or [None]:
                assert any(f.oeffentlich and (fmt is None or fmt in f.args) for f in faelle), f"{' '.join(pfad)}: kein --oeffentlich-Fall für {fmt}"


def test_platzhalter_befehle():
    """Eine leere Befehlsgruppe (z. B. „person“ vor „anonymisieren“) hat nichts zu prüfen."""
    platzhalter = sorted(p for p, b in _befehle().items() if getattr(b, "commands", None) == {})
    if not platzhalter:
        pytest.skip("keine Platzhalter-Befehle (alle Befehlsgruppen haben Befehle)")
    for pfad in platzhalter:
        assert pfad not in FAELLE


# --------------------------------------------------------------------------- Ausführen und prüfen


def _kontaktfrei(text: str, wo: str) -> None:
    klein = text.lower()
    for marke in KONTAKT_MARKEN:
        assert marke.lower() not in klein, f"{wo}: Kontaktdaten „{marke}“ in der Ausgabe"


def _ohne_private(text: str, wo: str) -> None:
    for marke in PRIVATE_MARKEN:
        assert not re.search(rf"(?<![\w-]){re.escape(marke)}(?![\w-])", text, re.IGNORECASE), f"{wo}: „{marke}“ in der öffentlichen Fassung"


def _neue_und_geaenderte(vorher: dict[str, bytes], wurzel: Path) -> dict[str, str]:
    nachher = {
        p.relative_to(wurzel).as_posix(): p.read_bytes()
        for p in wurzel.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(wurzel).parts
    }
    return {k: v.decode("utf-8", errors="replace") for k, v in nachher.items() if vorher.get(k) != v}


@pytest.mark.parametrize(("befehl", "fall"), list(_alle_faelle()))
def test_keine_kontaktdaten_und_oeffentlich_keine_privaten(cli, vorlage, tmp_path, befehl, fall):
    if fall.ohne_daten:  # init: ein neuer Ordner; geprüft wird gegen die Kontaktdaten der Beispieldaten
        wurzel = tmp_path / "neu"
        args = [a.replace("{neu}", str(wurzel)) for a in fall.args]
        vorher: dict[str, bytes] = {}
    else:
        wurzel = vorlage
        if fall.schreibt:
            wurzel = tmp_path / "daten"
            shutil.copytree(vorlage, wurzel, symlinks=True)
        args = [*(a.replace("{daten}", str(wurzel)).replace("{aus}", str(tmp_path / "aus")) for a in fall.args), "--daten", str(wurzel)]
        vorher = {
            p.relative_to(wurzel).as_posix(): p.read_bytes() for p in wurzel.rglob("*") if p.is_file() and ".git" not in p.relative_to(wurzel).parts
        }

    r = cli(*args)

    ausgabe = r.stdout + r.stderr
    assert r.exit_code in fall.exit_codes, f"Exit {r.exit_code}: {ausgabe}"
    assert "Traceback" not in ausgabe
    _kontaktfrei(ausgabe, str(fall))
    geschrieben = _neue_und_geaenderte(vorher, wurzel) if fall.schreibt else {}
    if fall.ohne_daten:
        kontakte = _kontakte_der_beispieldaten()
        for text in [ausgabe, *(v for k, v in geschrieben.items() if not k.startswith("personen/"))]:
            for wert in kontakte:
                assert wert not in text, (fall, wert)
    else:
        for datei, text in geschrieben.items():
            _kontaktfrei(text, f"{fall} → {datei}")
        if fall.schreibt and not fall.args[-1] == "--dry-run":
            assert geschrieben, "der Fall schreibt nichts – prüft also nichts Geschriebenes"
    if fall.immer_oeffentlich and fall.schreibt:  # Export ins Repository: jede geschriebene Datei ist öffentlich
        for datei, text in geschrieben.items():
            _ohne_private(f"{datei}\n{text}", f"{fall} → {datei}")
        ausgabe += "\n".join(geschrieben.values())  # für die Gegenprobe unten
        assert OEFFENTLICH in ausgabe  # Gegenprobe: öffentliche Personen erscheinen
    exportiert = {
        p.relative_to(tmp_path / "aus").as_posix(): p.read_text(encoding="utf-8").replace("\r\n ", "").replace("\r\n\t", "")  # .ics entfalten
        for p in sorted((tmp_path / "aus").rglob("*"))
        if p.is_file()
    }
    if "{aus}" in fall.args:
        assert exportiert, "der Export schreibt nichts – prüft also nichts"
        for datei, text in exportiert.items():
            _kontaktfrei(datei + "\n" + text, f"{fall} → {datei}")
            _ohne_private(datei + "\n" + text, f"{fall} → {datei}")
        ausgabe += "\n".join(exportiert.values())
    if fall.oeffentlich:
        _ohne_private(ausgabe, str(fall))
        if befehl == ("gremium", "show"):
            assert OEFFENTLICH in ausgabe  # Gegenprobe: öffentliche Personen erscheinen
        # person neu --oeffentlich: der neue Name ist öffentlich; die Einladung einer Sitzung ohne Personen schwärzt nichts
        if befehl not in (("diagramm",), ("person", "neu")) and "testgremium-2026-12-02" not in fall.args:
            # Gegenprobe: geschwärzt, nicht bloß weggelassen
            assert "Name nicht" in ausgabe or '"nicht_oeffentlich": true' in ausgabe
    if befehl == ("person", "anonymisieren"):
        # docs/DATENSCHUTZ.md: der Name der Person erscheint dort nie (auch nicht im Diff)
        for marke in ("Xaver Privatmann", "Privatmann"):
            assert marke.lower() not in ausgabe.lower(), f"{fall}: Name „{marke}“ in der Ausgabe"


def _kontakte_der_beispieldaten() -> list[str]:
    import yaml

    werte = []
    for p in (BEISPIEL / "personen").rglob("*.yaml"):
        werte += [str(v) for v in (yaml.safe_load(p.read_text(encoding="utf-8")).get("kontakt") or {}).values()]
    return werte


def test_gegenprobe_intern_stehen_die_namen_da(cli, vorlage):
    """Die Marken sind erreichbar: intern zeigen die Berichte die privaten Namen, validate spricht
    über die Personen mit Fehlern – die Prüfungen oben sind also nicht leer."""
    r = cli("gremium", "show", "testgremium", "--daten", vorlage, "--stichtag", STICHTAG)
    assert "Xaver Privatmann" in r.stdout and "Yvonne Privatfrau" in r.stdout
    r = cli("validate", "--daten", vorlage, "--stichtag", STICHTAG)
    for text in ("personen/wim-syntax.yaml", "personen/quirin-schema.yaml", "xaver-privatt", "lieblingsfarbe"):
        assert text in r.stdout, text
    r = cli("empfehlung", "show", "2026-001", "--daten", vorlage)
    assert "Xaver Privatmann" in r.stdout
    assert "Yvonne Privatfrau" in cli("status", "--daten", vorlage, "--stichtag", STICHTAG, "--format", "json").stdout
    assert _kontakte_der_beispieldaten()


# --------------------------------------------------------------------------- fehlerhafte Kontaktdaten


FEHLERHAFTE_KONTAKTE = {
    "personen/ella-email.yaml": "name: Ella Email\nkontakt:\n  email: ella-kontakt-ohne-at.marke-sechs.invalid\n",
    "personen/theo-telefon.yaml": 'name: Theo Telefon\nkontakt:\n  telefon: ["+49 7531 4711007"]\n',
    "personen/olga-oktal.yaml": "name: Olga Oktal\nkontakt:\n  telefon: 07531471100\n",  # YAML 1.1: oktal
    "personen/anton-adresse.yaml": "name: Anton Adresse\nkontakt:\n  adresse: 4711009\n",
    "personen/karl-kontakt.yaml": 'name: Karl Kontakt\nkontakt: "karl.kontakt@marke-zehn.invalid, +49 7531 4711010"\n',
}
FEHLERHAFTE_MARKEN = ["ella-kontakt-ohne-at", "4711007", "07531471100", "4711009", "karl.kontakt@marke-zehn.invalid", "4711010"]


@pytest.mark.parametrize("format", ["text", "json", "github", "gitlab", "markdown"])
def test_validate_zitiert_fehlerhafte_kontaktdaten_nicht(cli, tmp_path, format):
    repo = minimal_repo(tmp_path / "r", FEHLERHAFTE_KONTAKTE)
    r = cli("validate", "--daten", repo, "--format", format, "--stichtag", STICHTAG)
    assert r.exit_code == 1
    ausgabe = r.stdout + r.stderr
    for datei in FEHLERHAFTE_KONTAKTE:  # jede Datei hat ihren Befund …
        assert datei in ausgabe, datei
    for marke in FEHLERHAFTE_MARKEN:  # … ohne den Wert zu zitieren
        assert marke not in ausgabe, f"„{marke}“ in der Ausgabe von validate --format {format}"
