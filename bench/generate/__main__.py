"""`python -m bench.generate …` (siehe haupt.py)."""

import sys

from bench.generate.haupt import main

sys.exit(main())
