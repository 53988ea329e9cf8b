"""`python -m layoutfix …` runs the same command line as the `layoutfix` script (handy in a venv that has
not put its scripts on PATH)."""
from .cli import main

raise SystemExit(main())
