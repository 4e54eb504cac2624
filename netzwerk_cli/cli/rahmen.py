"""Der deutsche Rahmen der Kommandozeile: Hilfe („Aufruf:“, „Optionen:“ …) und Aufruffehler.

Typer bringt seit 0.26 ein eigenes, verkleinertes Click mit. Dessen Rahmentexte („Usage:“,
„Missing option“, „No such command“ …) sind fest eingebaute englische f-Strings; nur eine
Handvoll läuft über `gettext` der Standarddomäne. Eine gettext-Übersetzung würde also nur einen
Teil treffen (und wäre global). Stattdessen nutzt der Rahmen den dokumentierten Haken von Typer:
eigene Klassen für Befehle und Gruppen (`cls=`), abgeleitet von `typer.core.TyperCommand` und
`typer.core.TyperGroup`. Sie

* schreiben die Hilfe selbst (`format_help`) – aus den öffentlichen Angaben der Parameter
  (`opts`, `metavar`, `help`, `default`, `envvar`, `required`), nicht aus Typers Hilfezeilen;
* melden Aufruffehler selbst (`main`): Typer läuft ohne eigene Fehlerausgabe
  (`standalone_mode=False`), die Ausnahme wird nach ihrer Art (fehlender Parameter, unbekannte
  Option, ungültiger Wert …) und ihren Attributen deutsch formuliert;
* prüfen Befehlsnamen selbst (`resolve_command`) und schlagen ähnliche vor.

Importiert wird nur aus `typer`; die Ausnahmeklassen des gebündelten Click werden über die
Basisklassen von `typer.BadParameter` gefunden. Siehe docs/ENTSCHEIDUNGEN.md („Deutscher Rahmen“).
Dieses Modul wird beim Start geladen: keine schweren Importe.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import typer
import typer.core

HILFE_OPTIONEN = ["-h", "--help"]
KONTEXT = {"help_option_names": HILFE_OPTIONEN}
HILFE_TEXT = "Diese Hilfe anzeigen und beenden."


def _klasse(name: str) -> Any:
    """Eine Ausnahmeklasse des gebündelten Click, gefunden über die Basisklassen von `typer.BadParameter`.

    Als `Any` typisiert: Die Klasse ist erst zur Laufzeit bekannt (sie liegt in Typers privatem
    Paket), dient aber als Basisklasse und in `except`.
    """
    return next(k for k in typer.BadParameter.__mro__ if k.__name__ == name)


def _klick(objekt: object) -> Any:
    """Ein Objekt des gebündelten Click (Ausnahme, Befehl, `super()` eines Befehls), als `Any` typisiert.

    Dessen Klassen sind nur aus Typers privatem Paket importierbar; der Mischling `_Deutsch`
    kennt seine Typer-Basisklasse erst in `Befehl`/`Gruppe`.
    """
    return objekt


_KlickAusnahme: Any = _klasse("ClickException")
_Aufruffehler: Any = _klasse("UsageError")


class DeutscherAufruffehler(_Aufruffehler):
    """Aufruffehler, dessen Meldung schon deutsch ist (Exit 2)."""


# --------------------------------------------------------------------------- Bausteine


def beispiele(*aufrufe: str) -> str:
    """Epilog „Beispiele:“ mit je einem Aufruf pro Zeile (wird unverändert ausgegeben)."""
    return "Beispiele:\n" + "\n".join(f"  {a}" for a in aufrufe)


def auswahl(param: Any) -> list[str] | None:
    """Die erlaubten Werte eines Parameters mit fester Auswahl (Enum), sonst None."""
    for quelle in (getattr(param, "type_descriptor", None), getattr(param, "type", None)):  # Typer ≥ 0.29 | 0.26
        werte = getattr(quelle, "choices", None)
        if werte:
            return [str(getattr(w, "value", w)) for w in werte]
    return None


def _ist_option(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "option"


def _ist_schalter(param: Any) -> bool:
    return bool(getattr(param, "is_flag", False))


def metavar(param: Any) -> str:
    """Platzhalter für den Wert: ausdrücklich gesetzt, sonst die Auswahl, sonst TEXT."""
    if param.metavar:
        return param.metavar
    werte = auswahl(param)
    if werte:
        return "[" + "|".join(werte) + "]"
    return "TEXT"


def parametername(param: Any) -> str:
    """Wie ein Parameter in Meldungen heißt: die erste lange Option bzw. der Platzhalter."""
    if _ist_option(param):
        lang = [o for o in param.opts if o.startswith("--")]
        return (lang or list(param.opts))[0]
    return metavar(param) if param.metavar else (param.name or "").upper()


def _argument_anzeige(param: Any) -> str:
    name = parametername(param)
    if not param.required:
        name = f"[{name}]"
    if param.nargs != 1:
        name += "..."
    return name


def _standard(param: Any) -> str | None:
    zeigen = getattr(param, "show_default", None)
    if isinstance(zeigen, str):
        return zeigen
    if zeigen is False:
        return None
    wert = param.default
    if wert is None or callable(wert) or _ist_schalter(param) or wert in ((), []):
        return None
    if isinstance(wert, (list, tuple)):
        return ", ".join(str(getattr(w, "value", w)) for w in wert)
    return str(getattr(wert, "value", wert))


def hilfezeile(ctx: Any, param: Any, hilfeoption: Any) -> tuple[str, str] | None:
    if getattr(param, "hidden", False):
        return None
    if param is hilfeoption:
        return ", ".join(sorted(param.opts, key=len)), HILFE_TEXT
    if _ist_option(param):
        teile = [", ".join(sorted(param.opts, key=len))]
        if param.secondary_opts:
            teile.append(", ".join(param.secondary_opts))
        name = " / ".join(teile)
        if not _ist_schalter(param):
            name += " " + metavar(param)
    else:
        name = _argument_anzeige(param)
    zusatz = []
    envvar = param.envvar if getattr(param, "show_envvar", False) else None
    if envvar:
        zusatz.append("Umgebungsvariable: " + (envvar if isinstance(envvar, str) else ", ".join(envvar)))
    standard = _standard(param)
    if standard:
        zusatz.append(f"Standard: {standard}")
    if param.required:
        zusatz.append("Pflicht")
    text = param.help or ""
    if zusatz:
        text = f"{text}  [{'; '.join(zusatz)}]" if text else f"[{'; '.join(zusatz)}]"
    return name, text


def _aufrufteile(befehl: Any, ctx: Any) -> str:
    teile = ["[OPTIONEN]"] if befehl.options_metavar else []
    teile += [_argument_anzeige(p) for p in befehl.get_params(ctx) if not _ist_option(p)]
    if isinstance(befehl, typer.core.TyperGroup):
        teile.append("BEFEHL [ARGUMENTE]...")
    return " ".join(teile)


def aehnlich(wert: str, moeglich, n: int = 1) -> list[str]:
    """Die `n` ähnlichsten Namen (für „Meinten Sie …?“), die ähnlichsten zuerst."""
    import difflib

    kandidaten = sorted(moeglich)
    treffer = difflib.get_close_matches(wert, kandidaten, n=n, cutoff=0.6)
    if not treffer and len(wert) <= 3:  # kurze Namen („ag“): ein vertauschter Buchstabe reicht
        treffer = [k for k in kandidaten if len(k) == len(wert) and sum(a != b for a, b in zip(k, wert, strict=True)) == 1][:n]
    return treffer


def meinten_sie(vorschlaege: list[str] | tuple[str, ...]) -> str:
    if not vorschlaege:
        return ""
    return " Meinten Sie " + " oder ".join(f"„{v}“" for v in vorschlaege) + "?"


# --------------------------------------------------------------------------- Fehlermeldungen


def meldung(fehler: Exception) -> str:
    """Der deutsche Text zu einer Ausnahme des gebündelten Click."""
    arten = {k.__name__ for k in type(fehler).__mro__}
    text = str(getattr(fehler, "message", "") or "")
    param = getattr(fehler, "param", None)
    if isinstance(fehler, DeutscherAufruffehler):
        return text
    if "MissingParameter" in arten:
        if param is None:
            return "Eine Pflichtangabe fehlt."
        art = "Option" if _ist_option(param) else "Argument"
        werte = auswahl(param)
        return f"{art} „{parametername(param)}“ fehlt." + (f" Mögliche Werte: {', '.join(werte)}." if werte else "")
    if "NoSuchOption" in arten:
        return f"Unbekannte Option „{_klick(fehler).option_name}“." + meinten_sie(list(getattr(fehler, "possibilities", None) or []))
    if "BadOptionUsage" in arten:
        option = getattr(fehler, "option_name", "")
        if "does not take" in text:
            return f"Option „{option}“ nimmt keinen Wert an."
        if "requires" in text:
            return f"Option „{option}“ braucht einen Wert."
        return f"Option „{option}“ ist falsch angegeben."
    if "BadParameter" in arten:
        name = parametername(param) if param is not None else getattr(fehler, "param_hint", None) or "?"
        werte = auswahl(param) if param is not None else None
        if werte:
            treffer = re.search(r"'(.*)' is not one of", text)
            if treffer:
                wert = treffer.group(1)
                return f"Ungültiger Wert „{wert}“ für „{name}“. Mögliche Werte: {', '.join(werte)}." + meinten_sie(aehnlich(wert, werte))
            return f"Ungültiger Wert für „{name}“. Mögliche Werte: {', '.join(werte)}."
        if _ist_deutsch(text):  # eigene Prüfung (typer.BadParameter mit deutscher Meldung)
            return f"Ungültiger Wert für „{name}“: {text}"
        return f"Ungültiger Wert für „{name}“."
    treffer = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", text)
    if treffer:
        return f"Überzählige Angabe: {treffer.group(1)}. Werte mit Leerzeichen in Anführungszeichen setzen."
    if text.startswith("Missing command"):
        return "Befehl fehlt."
    treffer = re.match(r"No such command '(.*)'", text)
    if treffer:
        return f"Unbekannter Befehl „{treffer.group(1)}“."
    if "UsageError" in arten:
        return f"Aufruf fehlerhaft ({text})." if text else "Aufruf fehlerhaft."
    return text


def _ist_deutsch(text: str) -> bool:
    return bool(text) and bool(re.search(r"[äöüßÄÖÜ„“]", text))


def fehler_zeigen(fehler: Exception) -> None:
    ctx = getattr(fehler, "ctx", None)
    if "NoArgsIsHelpError" in {k.__name__ for k in type(fehler).__mro__} and ctx is not None:
        typer.echo(ctx.get_help(), err=True)
        return
    if ctx is not None:
        typer.echo(ctx.get_usage(), err=True)
        if ctx.command.get_help_option(ctx) is not None:
            typer.echo(f"Hilfe: „{ctx.command_path} --help“", err=True)
        typer.echo("", err=True)
    typer.echo(f"Fehler: {meldung(fehler)}", err=True)


# --------------------------------------------------------------------------- die Klassen


class _Deutsch:
    """Gemeinsamer Teil von Befehl und Gruppe (vor der Typer-Klasse in der MRO)."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, _aufrufteile(self, ctx), prefix="Aufruf: ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.format_usage(ctx, formatter)
        befehl = _klick(self)
        befehl.format_help_text(ctx, formatter)
        hilfeoption = befehl.get_help_option(ctx)
        argumente: list[tuple[str, str]] = []
        optionen: list[tuple[str, str]] = []
        for param in befehl.get_params(ctx):
            zeile = hilfezeile(ctx, param, hilfeoption)
            if zeile is not None:
                (optionen if _ist_option(param) else argumente).append(zeile)
        for titel, zeilen in (("Argumente", argumente), ("Optionen", optionen)):
            if zeilen:
                with formatter.section(titel):
                    formatter.write_dl(zeilen)
        self.befehle_schreiben(ctx, formatter)
        if befehl.epilog:
            formatter.write_paragraph()
            for zeile in befehl.epilog.splitlines():
                formatter.write(f"{zeile}\n")

    def befehle_schreiben(self, ctx: Any, formatter: Any) -> None:
        pass

    def main(
        self,
        args: Any = None,
        prog_name: Any = None,
        complete_var: Any = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        basis = _klick(super())
        if not standalone_mode:
            return basis.main(args, prog_name, complete_var, standalone_mode=False, windows_expand_args=windows_expand_args, **extra)
        try:
            ergebnis = basis.main(args, prog_name, complete_var, standalone_mode=False, windows_expand_args=windows_expand_args, **extra)
        except _KlickAusnahme as e:
            fehler_zeigen(e)
            sys.exit(e.exit_code)
        except typer.Abort:
            typer.echo("Abgebrochen.", err=True)
            sys.exit(1)
        sys.exit(ergebnis if isinstance(ergebnis, int) else 0)


class Befehl(_Deutsch, typer.core.TyperCommand):
    """Ein Befehl mit deutscher Hilfe und deutschen Aufruffehlern (`cls=Befehl`)."""


class Gruppe(_Deutsch, typer.core.TyperGroup):
    """Eine Befehlsgruppe mit deutscher Hilfe, deutschen Aufruffehlern und Vorschlägen bei Tippfehlern."""

    def befehle_schreiben(self, ctx: Any, formatter: Any) -> None:
        alle = [(n, self.get_command(ctx, n)) for n in self.list_commands(ctx)]
        befehle = [(n, b) for n, b in alle if b is not None and not b.hidden]
        if befehle:
            grenze = formatter.width - 6 - max(len(n) for n, _ in befehle)
            zeilen = [(n, b.get_short_help_str(limit=grenze)) for n, b in befehle]
            with formatter.section("Befehle"):
                formatter.write_dl(zeilen)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else None
        if name and not name.startswith("-") and not ctx.resilient_parsing and self.get_command(ctx, name) is None:
            bekannt = [n for n in self.list_commands(ctx) if not getattr(self.get_command(ctx, n), "hidden", False)]
            vorschlag = meinten_sie(aehnlich(name, bekannt)) or f" Bekannt: {', '.join(bekannt)}."
            raise DeutscherAufruffehler(f"Unbekannter Befehl „{name}“.{vorschlag}", ctx)
        return super().resolve_command(ctx, args)


def unteranwendung(hilfe: str, *aufrufe: str) -> typer.Typer:
    """Eine Befehlsgruppe (`netzwerk empfehlung …`) mit deutschem Rahmen und Beispielen."""
    return typer.Typer(
        help=hilfe,
        epilog=beispiele(*aufrufe) if aufrufe else None,
        cls=Gruppe,
        no_args_is_help=True,
        rich_markup_mode=None,
        context_settings=dict(KONTEXT),
    )
