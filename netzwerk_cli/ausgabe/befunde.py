"""Befunde darstellen: `text` (Rich), `json` (stabile Struktur), `github` (Workflow-Annotationen),
`markdown` (Zusammenfassung eines CI-Laufs). Werte gehen durch ausgabe/escape.py: je Befund
genau eine Zeile, kein Steuerzeichen roh, keine Zeile beginnt mit einem Workflow-Befehl."""

from __future__ import annotations

from collections.abc import Callable

from netzwerk_cli.grundlagen import escape
from netzwerk_cli.grundlagen.befunde import FEHLER, Bericht


def zusammenfassung(bericht: Bericht) -> str:
    def mehrzahl(n: int, eins: str, viele: str) -> str:
        return f"{n} {eins if n == 1 else viele}"

    dateien = mehrzahl(bericht.dateien, "Datei", "Dateien")
    fehler = "keine Fehler" if not bericht.fehler else mehrzahl(bericht.fehler, "Fehler", "Fehler")
    warnungen = "keine Warnungen" if not bericht.warnungen else mehrzahl(bericht.warnungen, "Warnung", "Warnungen")
    return f"{dateien} geprüft: {fehler}, {warnungen}"


def zeile(b) -> str:
    """Ein Befund als eine Zeile schlichter Text (ohne Markup)."""
    datei = escape.zeilenanfang(escape.terminal(b.datei))
    return f"{datei}:{b.zeile}:{b.spalte}: {b.schwere} [{escape.terminal(b.regel)}] {escape.terminal(b.meldung)}"


def als_text(bericht: Bericht, konsole) -> None:
    for b in bericht.sortiert():
        farbe = "red" if b.schwere == FEHLER else "yellow"
        datei = escape.zeilenanfang(escape.terminal(b.datei))
        konsole.print(
            f"[bold]{escape.rich(datei)}:{b.zeile}:{b.spalte}:[/] [{farbe}]{b.schwere}[/] "
            f"[dim]\\[{escape.rich(b.regel)}][/] {escape.rich(b.meldung)}"
        )
    farbe = "red" if bericht.fehler else ("yellow" if bericht.warnungen else "green")
    konsole.print(f"[bold {farbe}]{escape.rich(zusammenfassung(bericht))}[/]")


def als_markdown(bericht: Bericht) -> str:
    """Für die Zusammenfassung eines CI-Laufs (Job Summary, Kommentar): die Textzeilen in einem
    Codeblock, dessen Zaun länger ist als jede Backtick-Folge darin (darin wird nichts verlinkt
    und nichts erwähnt)."""
    inhalt = "\n".join([*(zeile(b) for b in bericht.sortiert()), zusammenfassung(bericht)])
    z = escape.zaun(inhalt)
    return f"## netzwerk validate\n\n{z}text\n{inhalt}\n{z}\n"


def als_json(bericht: Bericht) -> str:
    return escape.json_text(
        {
            "befunde": [b.als_dict() for b in bericht.sortiert()],
            "zusammenfassung": {"dateien": bericht.dateien, "fehler": bericht.fehler, "warnungen": bericht.warnungen},
        }
    )


_daten = escape.github_daten
_eigenschaft = escape.github_eigenschaft


def als_github(bericht: Bericht, praefix: str = "") -> str:
    """GitHub-Workflow-Annotationen; `praefix` macht Pfade relativ zum Arbeitsbereich."""
    zeilen = []
    for b in bericht.sortiert():
        art = "error" if b.schwere == FEHLER else "warning"
        datei = f"{praefix}{b.datei}"
        zeilen.append(
            f"::{art} file={_eigenschaft(datei)},line={b.zeile},col={b.spalte},"
            f"title={_eigenschaft(b.regel)}::{_daten(f'[{b.regel}] {b.meldung}')}"
        )
    zeilen.append(zusammenfassung(bericht))
    return "\n".join(zeilen)


def _codequality(bericht: Bericht, praefix: str) -> str:
    from netzwerk_cli.ausgabe.codequality import als_codequality

    return als_codequality(bericht, praefix)


# Zeichenketten-Formate von `validate --format` (Text geht über die Rich-Konsole: `als_text`).
# Jeder Renderer bekommt den Bericht und das Präfix der Datenwurzel relativ zum Arbeitsordner.
RENDERER: dict[str, Callable[[Bericht, str], str]] = {
    "json": lambda bericht, praefix: als_json(bericht),
    "github": als_github,
    "gitlab": _codequality,
    "markdown": lambda bericht, praefix: als_markdown(bericht),
}

