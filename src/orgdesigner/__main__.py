"""`python -m orgdesigner` runs the command line."""

import sys

from orgdesigner.cli import main

sys.exit(main())
