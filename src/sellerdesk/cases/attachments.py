"""Attachment rules: size, count and type. The type is decided from the file's first bytes and
its extension together, never from what the client claims."""

from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sellerdesk.core.errors import SellerdeskError

from .errors import CasesError

# extension -> (content type, accepted leading bytes; None = text, checked as UTF-8)
ALLOWED_TYPES: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".gif": ("image/gif", (b"GIF87a", b"GIF89a")),
    ".webp": ("image/webp", (b"RIFF",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    ".txt": ("text/plain", None),
    ".csv": ("text/csv", None),
}


def limits() -> dict:
    """The limits a form states beside its file input: how many files, and how large each."""
    return {
        "count": settings.SELLERDESK["ATTACHMENTS_PER_MESSAGE"],
        "megabytes": settings.SELLERDESK["ATTACHMENT_MAX_BYTES"] // (1024 * 1024),
    }


def safe_filename(name: str) -> str:
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(c if c.isalnum() or c in "._- " else "_" for c in base).strip(" .")
    return (cleaned or "file")[:150]


def check_upload(upload: UploadedFile) -> str:
    """Validates one uploaded file and returns its content type; raises a `SellerdeskError`."""
    limit = settings.SELLERDESK["ATTACHMENT_MAX_BYTES"]
    name = safe_filename(upload.name or "file")
    if upload.size > limit:
        raise SellerdeskError(
            CasesError.ATTACHMENT_TOO_LARGE,
            _("%(name)s is %(size)s KB; files may be at most %(limit)s MB.")
            % {"name": name, "size": upload.size // 1024, "limit": limit // (1024 * 1024)},
            fields={"attachments": [_("%(name)s: too large") % {"name": name}]},
        )
    extension = PurePath(name).suffix.lower()
    allowed = ALLOWED_TYPES.get(extension)
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if allowed is not None:
        content_type, signatures = allowed
        ok = b"\x00" not in head if signatures is None else any(head.startswith(sig) for sig in signatures)
        if ok:
            return content_type
    kinds = ", ".join(sorted(e.lstrip(".") for e in ALLOWED_TYPES))
    raise SellerdeskError(
        CasesError.ATTACHMENT_TYPE_NOT_ALLOWED,
        _("%(name)s is not an accepted file. Accepted: %(kinds)s.") % {"name": name, "kinds": kinds},
        fields={"attachments": [_("%(name)s: type not allowed") % {"name": name}]},
    )


def check_uploads(uploads: list[UploadedFile]) -> list[str]:
    most = settings.SELLERDESK["ATTACHMENTS_PER_MESSAGE"]
    if len(uploads) > most:
        raise SellerdeskError(
            CasesError.TOO_MANY_ATTACHMENTS,
            ngettext(
                "At most %(count)d file can be attached to one message.",
                "At most %(count)d files can be attached to one message.",
                most,
            )
            % {"count": most},
            fields={
                "attachments": [ngettext("at most %(count)d file", "at most %(count)d files", most) % {"count": most}]
            },
        )
    return [check_upload(u) for u in uploads]
