"""Ausgaben und Einschleusung (Issue 15, Klasse 4): Werte aus Daten, Dateinamen und Commits
dürfen in keiner Ausgabe eine Zeile, einen Knoten, einen Link, einen Stil oder eine Erwähnung
erzeugen, die die Daten nicht verlangt haben (docs/GARANTIEN.md, „Ausgaben und Einschleusung“).

Zuerst je Ziel ein Beispiel durch den echten Befehl, dann Eigenschaftstests: zufällige
Zeichenketten mit Steuer-, Bidi- und Auszeichnungszeichen durch jeden Darsteller, verglichen
mit einer harmlosen Grundlinie gleicher Struktur (jedes Zeichen des entschärften Werts durch „x“ ersetzt, Leerzeichen bleiben).
"""

from __future__ import annotations

import copy
import io
import json
import re
from dataclasses import replace

import pytest
from conftest import BEISPIEL, STICHTAG, minimal_repo
from hypothesis import example, given, settings
from hypothesis import strategies as st
from profil import beispiele
from rich.console import Console

ESC = "\x1b"
STEUER = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

# --------------------------------------------------------------------------- Bausteine

FEINDLICH = [
    "\x1b[2J\x1b[H",
    "\x1b]8;;https://evil.example\x1b\\klick\x1b]8;;\x1b\\",
    "\x9b31m",
    "\r",
    "\n",
    "\r\n",
    "\x85",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u2066",
    "\x7f",
    "\x00",
    "\t",
    "keine Fehler",
    "::error file=x.yaml::gefälscht",
    "##[error]gefälscht",
    "[bold red]",
    "[link=https://evil.example]",
    "[/]",
    "\\",
    "@team",
    "@org/team",
    "#123",
    "GH-42",
    "!7",
    "https://evil.example/x",
    "www.evil.example",
    "<img src=x onerror=alert(1)>",
    "&amp;",
    "&#64;",
    "[x](https://evil.example)",
    "```",
    "`",
    "|",
    "*",
    "_",
    "%%{init: {'theme':'dark'}}%%",
    "%%",
    '"]',
    "\r\nclick A https://evil.example",
    "\nA-->B",
    ";",
    "<b>",
    '\\"',
    "\\N",
    "a1b2c3d4e5",
    " ",
    "ä",
]

feindlich = st.lists(
    st.one_of(st.sampled_from(FEINDLICH), st.text(alphabet="\x1b\r\n\x85\u2028\u202e[]@#<>&`|%\"\\:;!*_ab1", max_size=6)),
    min_size=1,
    max_size=5,
).map("".join)


def konsole(breite: int = 1000) -> tuple[Console, io.StringIO]:
    """Die Konsole des Produkts, mit Farbe (damit eingeschleuste Stile und Links sichtbar würden)."""
    from netzwerk_cli.ausgabe.konsole import _SichereKonsole

    puffer = io.StringIO()
    k = _SichereKonsole(file=puffer, width=breite, force_terminal=True, color_system="truecolor", highlight=False, emoji=False, soft_wrap=True)
    return k, puffer


ANSI = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")


def text_struktur(ausgabe: str) -> tuple[int, list[str]]:
    """Zeilenzahl und Folge der Stil-/Link-Sequenzen; jedes ESC muss zu einer davon gehören."""
    folgen = ANSI.findall(ausgabe)
    assert ausgabe.count(ESC) == sum(f.count(ESC) for f in folgen), repr(ausgabe)
    rest = ANSI.sub("", ausgabe)
    assert not STEUER.search(rest), repr(STEUER.search(rest))
    assert not re.search(r"^\s*(::|##\[)", rest, re.M), rest
    return rest.count("\n"), folgen


def md_trenner(zeile: str) -> int:
    """Zahl der Zellentrenner `|` einer Tabellenzeile (ohne maskierte `\\|`)."""
    n, i = 0, 0
    while i < len(zeile):
        if zeile[i] == "\\":
            i += 2
            continue
        n += zeile[i] == "|"
        i += 1
    return n


def ohne_code_und_escapes(zeile: str) -> str:
    """Text einer Markdown-Zeile ohne Code-Spannen und ohne Backslash-Maskierungen (wie CommonMark:
    in Code-Spannen gelten Backslashes nicht; eine Spanne endet an einer gleich langen Folge)."""
    rest, i = [], 0
    while i < len(zeile):
        if zeile[i] == "\\":
            i += 2
            continue
        if zeile[i] == "`":
            lauf = re.match(r"`+", zeile[i:]).group()
            ende = re.compile(r"(?<!`)" + lauf + r"(?!`)").search(zeile, i + len(lauf))
            if ende:
                i = ende.end()
                continue
        rest.append(zeile[i])
        i += 1
    return "".join(rest)


VERBOTEN_MD = re.compile(r"@[A-Za-z0-9]|#\d|![\d]|(?i:gh-\d)|<[A-Za-z/!?]|\]\(|&[#A-Za-z0-9]+;|://|(?i:www\.)|\$")


def md_struktur(ausgabe: str) -> list[int]:
    assert not STEUER.search(ausgabe)
    for zeile in ausgabe.split("\n"):
        rest = ohne_code_und_escapes(zeile)
        assert "`" not in rest, zeile  # jede Backtick-Folge gehört zu einer Code-Spanne oder ist maskiert
        assert not VERBOTEN_MD.search(rest), (zeile, VERBOTEN_MD.search(rest))
    return [md_trenner(z) for z in ausgabe.split("\n")]


def ersetze(daten, schluessel: set[str], werte):
    """Alle Zeichenketten unter `schluessel` (auch in Listen darunter) durch die nächsten `werte`."""
    if isinstance(daten, dict):
        return {
            k: (_fuelle(v, werte) if k in schluessel else ersetze(v, schluessel, werte)) for k, v in daten.items()
        }
    if isinstance(daten, list):
        return [ersetze(v, schluessel, werte) for v in daten]
    return daten


def _fuelle(wert, werte):
    if isinstance(wert, str):
        return next(werte)
    if isinstance(wert, list):
        return [_fuelle(v, werte) for v in wert]
    if isinstance(wert, dict):
        return {k: _fuelle(v, werte) for k, v in wert.items()}
    return wert


def endlos(liste: list[str]):
    while True:
        yield from liste


# --------------------------------------------------------------------------- je Ziel ein Befehl


def test_validate_text_dateiname_faelscht_keine_zeile(cli, tmp_path):
    boese = "x\n::error file=a.yaml::gefälscht\x1b[2J\x1b[H0 Dateien geprüft: keine Fehler"
    repo = minimal_repo(tmp_path / "netz", {f"gremien/{boese}.yaml": "name: X\n"})
    r = cli("validate", "--daten", repo)
    assert r.exit_code == 1
    assert ESC not in r.stdout
    assert not re.search(r"^\s*::", r.stdout, re.M)
    befunde = [z for z in r.stdout.splitlines() if ": fehler [" in z or ": warnung [" in z]
    assert len(r.stdout.splitlines()) == len(befunde) + 1  # je Befund eine Zeile, dazu die Zusammenfassung
    assert "\\n::error" in r.stdout and "\\x1b[2J" in r.stdout  # sichtbar statt wirksam


def test_validate_github_und_gitlab_ohne_steuerzeichen(cli, tmp_path):
    repo = minimal_repo(tmp_path / "netz", {"gremien/a\x1b[31m\u202eb.yaml": "name: X\n"})
    gh = cli("validate", "--daten", repo, "--format", "github").stdout
    assert ESC not in gh and "\u202e" not in gh
    assert all(z.startswith("::") for z in gh.splitlines()[:-1])
    gl = cli("validate", "--daten", repo, "--format", "gitlab").stdout
    assert ESC not in gl and "\u202e" not in gl
    assert json.loads(gl)[0]["location"]["path"].startswith("gremien/a")


def test_validate_markdown_zaun_laenger_als_jede_backtickfolge(cli, tmp_path):
    repo = minimal_repo(tmp_path / "netz", {"gremien/a````b.yaml": "name: X\n"})
    r = cli("validate", "--daten", repo, "--format", "markdown")
    assert r.exit_code == 1
    zeilen = r.stdout.splitlines()
    assert zeilen[0] == "## netzwerk validate"
    zaun = zeilen[2].removesuffix("text")
    assert set(zaun) == {"`"} and len(zaun) > 4 and zeilen[-1] == zaun
    assert all(zaun not in z for z in zeilen[3:-1])


def _beispiel_mit(beispiel, datei: str, alt: str, neu: str):
    pfad = beispiel / datei
    text = pfad.read_text(encoding="utf-8")
    assert alt in text
    pfad.write_text(text.replace(alt, neu, 1), encoding="utf-8")


def _organisation(beispiel):
    """Name einer Organisation, die im Status als Adressat erscheint (mit YAML-Escapes)."""
    daten = json.loads(_status_json(beispiel))
    name = daten["umsetzung"][0]["adressaten"][0]["name"]
    return name


def _status_json(beispiel):
    from typer.testing import CliRunner

    from netzwerk_cli.cli import app

    return CliRunner().invoke(app, ["status", "--daten", str(beispiel), "--stichtag", STICHTAG, "--format", "json"]).stdout


def test_status_text_kein_rich_markup_aus_daten(cli, beispiel):
    name = _organisation(beispiel)
    datei = next(p for p in (beispiel / "organisationen").rglob("*.yaml") if f"name: {name}" in p.read_text(encoding="utf-8"))
    _beispiel_mit(beispiel, str(datei.relative_to(beispiel)), f"name: {name}", 'name: "[reverse][link=https://evil.example]Amt\\e[2J"')
    r = cli("status", "--daten", beispiel, "--stichtag", STICHTAG, "--ausfuehrlich")
    assert r.exit_code == 0
    assert "[reverse][link=https://evil.example]Amt\\x1b[2J" in r.stdout
    assert ESC not in r.stdout


def test_status_markdown_keine_erwaehnung_kein_link(cli, beispiel):
    name = _organisation(beispiel)
    datei = next(p for p in (beispiel / "organisationen").rglob("*.yaml") if f"name: {name}" in p.read_text(encoding="utf-8"))
    _beispiel_mit(beispiel, str(datei.relative_to(beispiel)), f"name: {name}", 'name: "@team #123 https://evil.example <b>x</b> &amp; GH-1"')
    r = cli("status", "--daten", beispiel, "--stichtag", STICHTAG, "--format", "markdown", "--ausfuehrlich")
    assert r.exit_code == 0
    assert "`@team`" in r.stdout and "`#123`" in r.stdout and "`https://evil.example`" in r.stdout
    md_struktur(r.stdout)


def test_status_json_ohne_rohe_bidi_und_c1(cli, beispiel):
    _beispiel_mit(beispiel, "netzwerk.yaml", "name: ", 'name: "A\\u202eB\\x85C\\x9b31m"\nalter_name: ')
    text = (beispiel / "netzwerk.yaml").read_text(encoding="utf-8")
    (beispiel / "netzwerk.yaml").write_text(text.replace("\nalter_name: ", "\n# ", 1), encoding="utf-8")
    r = cli("status", "--daten", beispiel, "--stichtag", STICHTAG, "--format", "json")
    assert r.exit_code == 0
    assert not STEUER.search(r.stdout.replace("\n", ""))
    assert json.loads(r.stdout)["netzwerk"]["name"] == "A\u202eB\x85C\x9b31m"


def test_diagramm_mermaid_wagenruecklauf_und_direktive(cli, beispiel):
    _beispiel_mit(
        beispiel,
        "netzwerk.yaml",
        "name: ",
        'name: "N\\rclick G_x \\"https://evil.example\\"\\n%%{init: {\'theme\': \'dark\'}}%%"\n# ',
    )
    gremium = next((beispiel / "gremien").glob("*.yaml"))
    text = gremium.read_text(encoding="utf-8")
    gremium.write_text(re.sub(r"(?m)^name: .*$", lambda _: 'name: "G\\r\\n  click X \\"https://evil.example\\"\\r  %%{init: {}}%%\\"]"', text, count=1), encoding="utf-8")
    r = cli("diagramm", "--daten", beispiel)
    assert r.exit_code == 0
    zeilen = r.stdout.split("\n")
    assert "\r" not in r.stdout
    assert not any(z.strip().startswith("click") for z in zeilen)
    assert "%%{" not in r.stdout
    assert sum("%%" in z for z in zeilen) == 1 and zeilen[1].startswith("  %% ")


def test_diagramm_dot_ohne_steuerzeichen(cli, beispiel):
    gremium = next((beispiel / "gremien").glob("*.yaml"))
    text = gremium.read_text(encoding="utf-8")
    gremium.write_text(re.sub(r"(?m)^name: .*$", lambda _: 'name: "G\\e[2J\\"\\\\\\r];x->y;"', text, count=1), encoding="utf-8")
    r = cli("diagramm", "--daten", beispiel, "--format", "dot")
    assert r.exit_code == 0
    assert not STEUER.search(r.stdout.replace("\n", ""))
    skelett = re.sub(r'"(?:[^"\\\n]|\\.)*"', "S", r.stdout)
    assert "x->y" not in skelett


def test_empfehlung_list_und_show_ohne_markup_und_steuerzeichen(cli, beispiel):
    datei = next((beispiel / "empfehlungen").rglob("*.yaml"))
    text = datei.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^titel: .*$", lambda _: 'titel: "[link=https://evil.example]T\\e[2J\\nkeine Fehler"', text, count=1)
    datei.write_text(text, encoding="utf-8")
    r = cli("empfehlung", "list", "--daten", beispiel)
    assert r.exit_code == 0 and ESC not in r.stdout and "[link=https://evil.example]T" in re.sub(r"\s+", "", r.stdout)
    assert not any(z.startswith("keine Fehler") for z in r.stdout.splitlines())
    r = cli("empfehlung", "show", datei.stem, "--daten", beispiel)
    assert r.exit_code == 0 and ESC not in r.stdout and "[link=https://evil.example]T" in r.stdout
    assert not any(z.startswith("keine Fehler") for z in r.stdout.splitlines())


def test_fehlermeldung_ohne_steuerzeichen(capsys):
    from netzwerk_cli.ausgabe.konsole import fehler_melden

    fehler_melden("Datei „a\x1b[2J[link=https://evil.example]b“ fehlt")
    err = capsys.readouterr().err
    assert ESC not in err and "\\x1b[2J[link=https://evil.example]b" in err


def test_konsole_sicherheitsnetz():
    """Auch ein Darsteller, der einen Wert vergäße, bringt kein ESC aus den Daten ans Terminal."""
    from rich.text import Text

    k, puffer = konsole(80)
    k.print(Text("a\x1b]8;;https://evil.example\x1b\\b\x9b2J\u202ec"), style="bold")
    struktur = text_struktur(puffer.getvalue())
    assert struktur[0] == 1


# --------------------------------------------------------------------------- Eigenschaften je Darsteller


_GRUNDLAGEN: dict = {}


def grundlagen_laden() -> dict:
    if _GRUNDLAGEN:
        return _GRUNDLAGEN
    from netzwerk_cli.aktionen import empfehlungen
    from netzwerk_cli.berichte.diagramm import netzwerkgraph
    from netzwerk_cli.berichte.gremium import gremiumsbericht
    from netzwerk_cli.berichte.grundlagen import laden
    from netzwerk_cli.berichte.status import statusbericht, uebersicht_zusatz

    repo = laden(BEISPIEL, STICHTAG)
    gremium_id = next(iter(sorted(repo.bestand.ids("gremium")))) if hasattr(repo.bestand, "ids") else "strategiegruppe"
    from netzwerk_cli.berichte import listen
    from netzwerk_cli.berichte.empfehlung import empfehlungsbericht

    zeilen = listen.empfehlungen(repo.bestand)
    # mit Adressaten, Umsetzungsberichten und fälliger Wiedervorlage: jede Zeile der Einzelansicht
    ds = empfehlungen.hole(repo.bestand, "2024-001")
    _GRUNDLAGEN.update({
        "status": statusbericht(repo, False),
        "zusatz": uebersicht_zusatz(repo),
        "gremium": gremiumsbericht(repo, gremium_id, False),
        "graph": netzwerkgraph(repo.bestand, False),
        "zeilen": zeilen,
        "empfehlung": empfehlungsbericht(repo, ds),
    })
    return _GRUNDLAGEN


@pytest.fixture(scope="module")
def grundlagen_geladen():
    grundlagen_laden()


DATENFELDER = {
    "name", "kurzname", "titel", "bezeichnung", "ort", "gremium_name", "organisation_name", "regel", "text",
    "aufgaben", "vakant_fuer", "art_text", "status_text", "empfehlung", "leitung", "rolle", "nicht_vertreten",
    "stellvertretung", "ohne_sitzgruppe",
}


def harmlos(s: str) -> str:
    """Grundlinie mit der Länge und den Leerzeichen, die der böse Wert nach dem Entschärfen für
    eine Berichtszelle hat (`escape.einzeilig`): Rich füllt Spalten auf die längste Zelle auf.
    Wäre die Grundlinie anders lang, füllte es andere Zeilen – ein anderer, aber harmloser Aufbau."""
    from netzwerk_cli.grundlagen import escape

    return "".join(" " if c == " " else "x" for c in escape.einzeilig(s))


def _paar(werte: list[str]):
    return endlos(werte), endlos([harmlos(w) for w in werte])


@settings(max_examples=beispiele(60))
@given(st.lists(feindlich, min_size=1, max_size=8))
# von Hypothesis gefunden: entschärft anders lang als eine Grundlinie „x“ * len(wert) → andere Auffüllung
@example(werte=["\x1b[2J\x1b[H", "\u202e", "https://evil.example/x\r\nclick A https://evil.example[/]:\u2029", "\r", "\u2028\n#&*\x85\\"])
@example(werte=["\r"])
def test_status_text_und_markdown(grundlagen_geladen, werte):
    from netzwerk_cli.ausgabe.status import als_json_text
    from netzwerk_cli.ausgabe.status.markdown import als_markdown
    from netzwerk_cli.ausgabe.status.text import als_text

    grundlagen = _GRUNDLAGEN
    boese, gut = _paar(werte)
    b = ersetze(copy.deepcopy(grundlagen["status"]), DATENFELDER, boese)
    g = ersetze(copy.deepcopy(grundlagen["status"]), DATENFELDER, gut)
    for ausfuehrlich in (False, True):
        ergebnisse = []
        for bericht in (b, g):
            k, puffer = konsole()
            als_text(bericht, k, ausfuehrlich, grundlagen["zusatz"])
            ergebnisse.append(text_struktur(puffer.getvalue()))
        assert ergebnisse[0] == ergebnisse[1]
        assert md_struktur(als_markdown(b, ausfuehrlich, grundlagen["zusatz"])) == md_struktur(
            als_markdown(g, ausfuehrlich, grundlagen["zusatz"])
        )
    aus = als_json_text(b)
    assert not STEUER.search(aus.replace("\n", "")) and json.loads(aus) == b


@settings(max_examples=beispiele(60))
@given(st.lists(feindlich, min_size=1, max_size=8))
def test_gremium_show(grundlagen_geladen, werte):
    from netzwerk_cli.ausgabe import gremium as darstellung

    grundlagen = _GRUNDLAGEN
    boese, gut = _paar(werte)
    b = ersetze(copy.deepcopy(grundlagen["gremium"]), DATENFELDER, boese)
    g = ersetze(copy.deepcopy(grundlagen["gremium"]), DATENFELDER, gut)
    ergebnisse = []
    for bericht in (b, g):
        k, puffer = konsole()
        darstellung.als_text(bericht, k)
        ergebnisse.append(text_struktur(puffer.getvalue()))
    assert ergebnisse[0] == ergebnisse[1]
    assert md_struktur(darstellung.als_markdown(b)) == md_struktur(darstellung.als_markdown(g))
    assert json.loads(darstellung.als_json_text(b)) == b


MERMAID_ZEILE = re.compile(
    r'^  (?:[A-Z]_\w+(?:\["[^"]*"\]|\[\["[^"]*"\]\]|\(\["[^"]*"\]\)):::\w+'
    r'|[A-Z]_\w+ (?:-->|-\.->|==>)\|"[^"]*"\| [A-Z]_\w+'
    r"|classDef \w+ [^%]*)$"
)
DOT_TEXT = re.compile(r'"(?:[^"\\\n]|\\.)*"')


@settings(max_examples=beispiele(60))
@given(st.lists(feindlich, min_size=1, max_size=8))
def test_diagramm_mermaid_und_dot(grundlagen_geladen, werte):
    from netzwerk_cli.ausgabe import diagramm as darstellung

    grundlagen = _GRUNDLAGEN
    boese, gut = _paar(werte)
    graphen = []
    for quelle in (boese, gut):
        graph = copy.deepcopy(grundlagen["graph"])
        graph.titel = next(quelle)
        graph.knoten = [replace(k, bezeichnung=next(quelle)) for k in graph.knoten]
        graphen.append(graph)
    m_boese, m_gut = (darstellung.als_mermaid(g) for g in graphen)
    assert m_boese.count("\n") == m_gut.count("\n")
    zeilen = m_boese.split("\n")
    assert zeilen[0] == "flowchart LR" and zeilen[1].startswith("  %% ") and "%%" not in zeilen[1][5:]
    assert "%%" not in "\n".join(zeilen[2:]) and "\r" not in m_boese and not STEUER.search(m_boese.replace("\n", ""))
    for z in zeilen[2:-1]:
        assert MERMAID_ZEILE.match(z), z
    d_boese, d_gut = (darstellung.als_dot(g) for g in graphen)
    assert not STEUER.search(d_boese.replace("\n", ""))
    assert DOT_TEXT.sub("S", d_boese) == DOT_TEXT.sub("S", d_gut)


@settings(max_examples=beispiele(60))
@given(st.lists(feindlich, min_size=3, max_size=8))
def test_validate_text_github_json_gitlab(werte):
    from netzwerk_cli.ausgabe import befunde as darstellung
    from netzwerk_cli.ausgabe.codequality import als_codequality
    from netzwerk_cli.grundlagen.befunde import Befund, Bericht

    def bericht(quelle) -> Bericht:
        return Bericht(
            [Befund(f"gremien/{next(quelle)}.yaml", 3, 5, "fehler", "schema", next(quelle)), Befund(next(quelle), 0, 0, "warnung", "id", "x")],
            dateien=2,
        )

    boese, gut = _paar(werte)
    b, g = bericht(boese), bericht(gut)
    ergebnisse = []
    for x in (b, g):
        k, puffer = konsole()
        darstellung.als_text(x, k)
        ergebnisse.append(text_struktur(puffer.getvalue()))
    assert ergebnisse[0] == ergebnisse[1]
    gh = darstellung.als_github(b)
    assert not STEUER.search(gh.replace("\n", ""))
    assert len(gh.split("\n")) == 3 and all(z.startswith("::") for z in gh.split("\n")[:2])
    assert not gh.split("\n")[2].startswith(("::", "##"))
    for z in gh.split("\n")[:2]:
        eigenschaften, _, _ = z.partition("::")[2].partition("::")
        assert len(eigenschaften.split(",")) == 4  # file, line, col, title – keine weiteren
    daten = json.loads(darstellung.als_json(b))
    assert [x["meldung"] for x in daten["befunde"]] == [x.meldung for x in b.sortiert()]
    gl = als_codequality(b)
    assert not STEUER.search(gl.replace("\n", "")) and len(json.loads(gl)) == 2
    md = darstellung.als_markdown(b)
    zaun = md.split("\n")[2].removesuffix("text")
    assert md.split("\n").count(zaun) == 1 and md.rstrip("\n").endswith("\n" + zaun)
    assert md.count("\n") == darstellung.als_markdown(g).count("\n")


@settings(max_examples=beispiele(30))
@given(st.lists(feindlich, min_size=1, max_size=8))
def test_empfehlung_list_und_show(grundlagen_geladen, werte):
    from netzwerk_cli.ausgabe import empfehlungen as darstellung
    from netzwerk_cli.ausgabe import listen as listendarstellung

    grundlagen = _GRUNDLAGEN
    boese, gut = _paar(werte)
    ergebnisse = []
    # der Text einer Empfehlung ist mehrzeilig: dort verlangen die Daten ihre Zeilenumbrüche selbst
    texte = (werte[0], re.sub(r"[^\n]", "x", werte[0]))
    for quelle, mehrzeilig in zip((boese, gut), texte, strict=True):
        zeilen = [dict(z, titel=next(quelle), herkunft_name=next(quelle)) for z in grundlagen["zeilen"]]
        k, puffer = konsole()
        liste = io.StringIO()
        listendarstellung.empfehlungen_text(zeilen, breite=100_000, datei=liste)  # breit: kein Umbruch, eine Zeile je Empfehlung
        assert not STEUER.search(liste.getvalue().replace("\n", ""))
        puffer.write(liste.getvalue())
        # jede Zeichenkette aus den Daten: Titel, Datei, Namen, Verlauf (Notiz, durch, Sitzung), Stand
        b = ersetze(copy.deepcopy(grundlagen["empfehlung"]), DATENFELDER | {"datei", "notiz", "durch", "sitzung", "stand_text"}, quelle)
        b["text"] = "eins\nzwei " + mehrzeilig
        darstellung.einzeln_text(b, k)
        ergebnisse.append(text_struktur(puffer.getvalue()))
        json.loads(listendarstellung.als_json(zeilen))
    assert ergebnisse[0] == ergebnisse[1]


@settings(max_examples=beispiele(60))
@given(st.lists(feindlich, min_size=1, max_size=8), st.booleans())
def test_verlauf(werte, terminal):
    from netzwerk_cli.ausgabe import verlauf as darstellung
    from netzwerk_cli.historie import Eintrag, Historie

    boese, gut = _paar(werte)
    ergebnisse = []
    for quelle in (boese, gut):
        h = Historie(
            "empfehlung", "2026-001", f"empfehlungen/{next(quelle)}.yaml",
            eintraege=[Eintrag("a" * 40, "2026-01-05T09:00:00+01:00", next(quelle), next(quelle), "neu", "x.yaml", status="entwurf") for _ in range(3)],
        )
        k, puffer = konsole()
        if not terminal:
            k = Console(file=puffer, width=4000, color_system=None, force_terminal=False, highlight=False)
        darstellung.als_text(h, k)
        ergebnisse.append(text_struktur(puffer.getvalue()))
        aus = darstellung.als_json(h)
        assert not STEUER.search(aus.replace("\n", "")) and json.loads(aus)["eintraege"][0]["autor"] == h.eintraege[0].autor
    assert ergebnisse[0] == ergebnisse[1]


@settings(max_examples=beispiele(200))
@given(feindlich)
def test_escape_markdown_und_json_einzeln(wert):
    from netzwerk_cli.grundlagen import escape

    for tabelle in (False, True):
        md = escape.markdown(wert, tabelle)
        assert "\n" not in md
        md_struktur(md)
        if tabelle:
            assert md_trenner(md) == 0
    assert json.loads(escape.json_text(wert)) == wert
    assert "\n" not in escape.terminal(wert) and not STEUER.search(escape.terminal(wert))
    assert "\n" not in escape.mermaid(wert) and '"' not in escape.mermaid(wert) and "%" not in escape.mermaid(wert)
    assert DOT_TEXT.fullmatch(escape.dot(wert))
