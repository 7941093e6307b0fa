"""Bytes to text: BOMs first, then UTF-8, then Windows-1252; binary files are refused by their look."""

from __future__ import annotations

import codecs

from takeaways.errors import ArticleRejected, RejectionReason

_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"BZh": "a bzip2 archive",
    b"\x7fELF": "an executable",
    b"RIFF": "a media file",
    b"ID3": "an MP3 file",
    b"\xd0\xcf\x11\xe0": "a legacy Office document",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_SHARE_LIMIT = 0.05


def decode_text(raw: bytes) -> str:
    """Decode robustly, or reject with the reason an operator can act on."""
    if not raw.strip():
        raise ArticleRejected(RejectionReason.EMPTY, "the object is empty or only whitespace")
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise ArticleRejected(RejectionReason.BINARY, f"the object is {kind}, not text")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(encoding))
            except UnicodeDecodeError as error:
                raise ArticleRejected(RejectionReason.UNDECODABLE, f"invalid {encoding}: {error}") from error
    if b"\x00" in raw[:4096]:
        raise ArticleRejected(RejectionReason.BINARY, "the object contains NUL bytes: it is not text")
    try:
        return _checked(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return _checked(raw.decode("cp1252"))
    except UnicodeDecodeError as error:
        raise ArticleRejected(
            RejectionReason.UNDECODABLE, "the bytes are neither UTF-8, UTF-16 with a BOM, nor Windows-1252"
        ) from error


def _checked(text: str) -> str:
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if sample and controls / len(sample) > _CONTROL_SHARE_LIMIT:
        raise ArticleRejected(RejectionReason.BINARY, "the text is mostly control characters: it is not text")
    if not text.strip():
        raise ArticleRejected(RejectionReason.EMPTY, "the object is empty or only whitespace")
    return text
