"""The local editor account ``load_demo`` creates, and the private file that keeps its password."""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

USERNAME = "editor"


@dataclass(frozen=True)
class EditorAccount:
    username: str
    password: str
    created: bool
    path: Path


def credentials_path() -> Path:
    """Where the password is kept: ``var/`` under the project, which git ignores."""
    return Path(settings.BASE_DIR) / "var" / "editor-credentials.txt"


def editor_account_ensure(*, path: Path | None = None) -> EditorAccount:
    """The local superuser "editor", created once with a random password written to ``path``.

    Later calls read the password back from the file. If the account exists but the file
    is gone, the password cannot be recovered, so a new one is set and written.
    """
    path = path or credentials_path()
    user = get_user_model().objects.filter(username=USERNAME).first()
    saved = _read_password(path)
    if user is not None and saved:
        return EditorAccount(USERNAME, saved, created=False, path=path)
    password = secrets.token_urlsafe(16)
    with transaction.atomic():
        if user is None:
            get_user_model().objects.create_superuser(USERNAME, "", password)
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        _write_password(path, password)
    return EditorAccount(USERNAME, password, created=user is None, path=path)


def _read_password(path: Path) -> str:
    try:
        lines = path.read_text().splitlines()
    except FileNotFoundError:
        return ""
    fields = dict(line.split(": ", 1) for line in lines if ": " in line)
    return fields.get("password", "") if fields.get("username") == USERNAME else ""


def _write_password(path: Path, password: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.chmod(path, 0o600)  # the mode given to open() does not apply to an existing file
    with os.fdopen(descriptor, "w") as file:
        file.write(
            "# Local editor account created by `manage.py load_demo`. Keep this file private.\n"
            f"username: {USERNAME}\npassword: {password}\n"
        )
