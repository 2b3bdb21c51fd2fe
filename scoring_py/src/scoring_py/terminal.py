"""Text for a terminal: nothing from a file reaches it raw.

A file can hold characters that a terminal acts on instead of showing: C0 controls (ESC
starts the sequences that move the cursor, change colours or set the window title), DEL, C1
controls, and format characters such as the bidi overrides (U+202E turns the rest of a line
around). :func:`escape_controls` shows each of them as ``\\x1b``/``\\u202e``;
:func:`escape_json_controls` writes them as JSON's own ``\\u…`` escapes, so JSON stays JSON.
"""

import re

__all__ = ["escape_controls", "escape_json_controls"]

# General categories Cc (C0, DEL, C1), Cf (format: bidi controls, zero-width characters, BOM,
# tag characters …), Zl and Zp (U+2028, U+2029), as ranges, so that nothing has to be worked
# out when the command starts (walking all of Unicode takes 0.1 s). The Cf ranges are
# Unicode 15's; tests/test_scoring_cli.py checks them against this Python's unicodedata.
_BUT_NEWLINE = (
    "\x00-\x09\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
_NOT_NEWLINE = re.compile(f"[{_BUT_NEWLINE}]")
_ANY = re.compile(f"[\n{_BUT_NEWLINE}]")


def escape_controls(text: str, keep_newlines: bool = True) -> str:
    r"""`text` with every control and format character written as an escape.

    ``"\x1b[2J"`` becomes ``\x1b[2J`` (four visible characters), U+202E ``\u202e`` and
    U+E0041 ``\U000e0041``. With `keep_newlines`, ``\n`` is kept (the line breaks of our own
    messages).
    """
    return (_NOT_NEWLINE if keep_newlines else _ANY).sub(_escape, text)


def escape_json_controls(json_text: str) -> str:
    r"""JSON text with the control and format characters that ``json.dumps(...,
    ensure_ascii=False)`` leaves raw (DEL, C1, bidi and other format characters, U+2028/9)
    written as ``\u…`` escapes: the same JSON value, safe to print."""
    return _ANY.sub(_json_escape, json_text)


def _escape(match: "re.Match[str]") -> str:
    code = ord(match.group())
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _json_escape(match: "re.Match[str]") -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
