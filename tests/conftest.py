"""Qt runs offscreen in tests: no display is needed, on a developer's machine or in CI. And the
settings Qt keeps (recent files, the language preference) go to a folder of the test run, never to
the user's own."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="orgdesigner-test-config-")
