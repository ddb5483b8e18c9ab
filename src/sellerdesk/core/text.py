"""User text is untrusted: it is stored as plain text and rendered escaped.

`clean_text` strips every HTML tag (keeping the words), normalises line endings and trims, so
that nothing a seller or agent writes can become markup in another person's browser or e-mail.
"""

import html

import nh3


def clean_text(value: str) -> str:
    # nh3 with no allowed tags drops markup (and script/style content) but keeps the words, escaped;
    # we unescape because templates escape at render time and "&amp;" must not reach people.
    stripped = html.unescape(nh3.clean(value, tags=set(), attributes={}, strip_comments=True))
    return "\n".join(line.rstrip() for line in stripped.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip()


# The largest id a database integer column holds; SQLite raises on anything above it.
MAX_DB_ID = 2**63 - 1


def id_param(value: str) -> int | None:
    """A database id from a query or form parameter, or None when the text is not one. Only ASCII
    digits count (`"²".isdigit()` is true, yet `int("²")` fails), and only numbers a column can hold."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 0 < number <= MAX_DB_ID else None
