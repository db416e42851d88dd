"""Text from users and files, shown where Qt guesses between plain text and HTML.

Tooltips, and QLabel and QMessageBox left in their default format, show a string as HTML when its
first line looks as if it holds a tag (Qt::mightBeRichText): a finding quoting a holder named
« <b>Évelyne</b> » would show her name bold, a title « <img src=x> » would vanish, a path with
« &lt; » would lose it. Whatever quotes a name, a title, a file name or a message goes through
`plain` on its way to one of them.
"""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain(text: str) -> str:
    """`text`, shown by Qt as typed: unchanged when Qt takes it for plain text (most text, which so
    keeps the native look), else as HTML saying it literally, line breaks kept."""
    if not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
