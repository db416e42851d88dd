"""One user's session in a process of its own, for test_shared_document's race: opens the shared
project, edits a card, waits at a barrier (a file per process in a folder) until the other process
is there too, then saves at once. On a conflict it keeps its version as a new scenario, as the
window's « Enregistrer la mienne comme nouveau scénario » does, and saves again.

    python concurrent_saver.py URL KEY BARRIER_FOLDER ME OTHER HOLDER

Prints one JSON line: {"outcome": "saved" | "conflict", "scenarios": [...]}. The password comes
from PGPASSWORD, as for any libpq client.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from projects import set_holder

from orgdesigner.app.shared import SharedStore, keep_mine, open_shared
from orgdesigner.storage.repository import Repository, RepositoryAddress, ScenarioConflict

SCENARIO = "Existant 2026"


def main(url: str, key: str, barrier: str, me: str, other: str, holder: str) -> None:
    repository = Repository(RepositoryAddress.parse(url)[0])
    document = open_shared(repository, key)
    set_holder(document, SCENARIO, "p1", holder)
    folder = Path(barrier)
    (folder / me).touch()
    deadline = time.monotonic() + 60
    while not (folder / other).exists():
        if time.monotonic() > deadline:
            sys.exit("the other process never reached the barrier")
        time.sleep(0.001)
    try:
        document.save()
        outcome = "saved"
    except ScenarioConflict:
        outcome = "conflict"
        store = document.store
        assert isinstance(store, SharedStore)
        keep_mine(document, store, SCENARIO, document.free_name(f"{SCENARIO} (mes modifications)"))
        document.save()
    assert not document.is_modified
    print(json.dumps({"outcome": outcome, "scenarios": list(document.scenario_names)}))
    repository.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
