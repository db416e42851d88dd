"""The project file: SQLite through SQLAlchemy's typed ORM, with Alembic migrations."""

from orgdesigner.storage.project_file import (
    SQLITE_HEADER,
    ProjectFileError,
    add_scenario,
    load_project,
    remove_stale_temporaries,
    save_project,
)

__all__ = ["SQLITE_HEADER", "ProjectFileError", "add_scenario", "load_project", "remove_stale_temporaries",
           "save_project"]
