"""Qt runs offscreen in tests: no display is needed, on a developer's machine or in CI."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
