"""A file's bytes as text: the one encoding rule of the command line and the page
(docs/assets/js/file-text.js), published through :mod:`scoring_py.formats`."""

from .errors import ScoringError

__all__ = ["decode_file"]

_ENCODING_REFUSED = (
    "Filen kan inte läsas som text: den ska vara sparad som UTF-8 (med eller utan BOM) eller "
    "som UTF-16 med BOM."
)
"""The one message for a file in any other encoding (docs/assets/js/file-text.js says the same)."""

_BOMS = (
    (b"\xff\xfe\x00\x00", None),  # UTF-32 LE, before UTF-16 LE whose BOM it starts with
    (b"\x00\x00\xfe\xff", None),  # UTF-32 BE
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_file(data: bytes) -> str:
    """A file's bytes as text, by the rule the page follows too (file-text.js).

    UTF-8 with or without a BOM, and UTF-16 LE or BE with a BOM, are read (the BOM is
    dropped); anything else (invalid UTF-8, UTF-16 without a BOM, UTF-32, a NUL character) is
    refused. The vectors in tests/fixtures/encodings/vectors.json hold both to it.

    Raises:
        ScoringError: :data:`_ENCODING_REFUSED`.
    """
    encoding: str | None = "utf-8"
    for bom, named in _BOMS:
        if data.startswith(bom):
            encoding, data = named, data[len(bom) :]
            break
    if encoding is None:
        raise ScoringError(_ENCODING_REFUSED)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise ScoringError(_ENCODING_REFUSED) from None
    if "\x00" in text:
        raise ScoringError(_ENCODING_REFUSED)
    return text
