"""Allows ``python -m scoring_py``."""

import sys

from .cli import main

sys.exit(main())
