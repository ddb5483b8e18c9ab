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
