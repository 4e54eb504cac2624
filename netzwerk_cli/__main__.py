"""Einstiegspunkt `netzwerk` (auch `python -m netzwerk_cli`)."""


def main() -> None:
    from netzwerk_cli.cli import run

    run()


if __name__ == "__main__":
    main()
