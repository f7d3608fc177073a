"""The site's archive: everything it holds, exported to a folder and imported into an empty
database (``manage.py export_archive`` / ``import_archive``; see docs/backup.md)."""
