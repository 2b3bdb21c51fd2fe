"""`python -m saljkompetens check|new`: the editors' commands (see `saljkompetens.cli`)."""

import sys

from .cli import main

sys.exit(main())
