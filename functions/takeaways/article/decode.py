"""Bytes to text: gzip unpacked, BOMs first, then UTF-16 by its zero bytes, UTF-8, Windows-1252.

Binary files are refused by their look. A few stray bytes in otherwise good UTF-8 (a
truncated upload, one pasted Latin-1 byte) do not turn the whole article into mojibake.
"""

from __future__ import annotations

import codecs
import zlib

from takeaways.errors import ArticleRejected, RejectionReason

_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
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
_GZIP = b"\x1f\x8b"
# UTF-16 without a BOM: text in a Latin script has a zero in nearly every other byte.
_UTF16_SAMPLE = 4096
_UTF16_ZERO_SHARE = 0.3
# Good UTF-8 with at most this share of undecodable bytes keeps its UTF-8 reading.
_STRAY_BYTE_SHARE = 0.01


def decode_text(raw: bytes, *, max_bytes: int = 5_000_000) -> str:
    """Decode robustly, or reject with the reason an operator can act on.

    A gzip body (``Content-Encoding: gzip``, or a gzip file under a text name) is
    unpacked first, to at most ``max_bytes``: a small bomb cannot fill the memory.
    """
    if raw.startswith(_GZIP):
        raw = _gunzipped(raw, max_bytes)
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
    utf16 = _utf16_without_bom(raw)
    if utf16:
        try:
            return _checked(raw.decode(utf16))
        except UnicodeDecodeError as error:
            raise ArticleRejected(RejectionReason.UNDECODABLE, f"invalid {utf16}: {error}") from error
    if b"\x00" in raw[:4096]:
        raise ArticleRejected(RejectionReason.BINARY, "the object contains NUL bytes: it is not text")
    try:
        return _checked(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    lenient = raw.decode("utf-8", errors="replace")
    strays = lenient.count("\ufffd")
    if strays <= max(1, len(raw) * _STRAY_BYTE_SHARE) and any(
        ord(ch) > 0x7F and ch != "\ufffd" for ch in lenient
    ):
        return _checked(lenient.replace("\ufffd", ""))
    # Windows-1252 leaves five bytes undefined; one of them in a file is a stray, not a reason to refuse it.
    return _checked(raw.decode("cp1252", errors="replace").replace("\ufffd", ""))


def _gunzipped(raw: bytes, max_bytes: int) -> bytes:
    unpacker = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        text = unpacker.decompress(raw, max_bytes + 1)
    except zlib.error as error:
        raise ArticleRejected(
            RejectionReason.BINARY, f"the object is a damaged gzip archive: {error}"
        ) from error
    if len(text) > max_bytes:
        raise ArticleRejected(
            RejectionReason.TOO_LARGE, f"the gzip body unpacks to more than {max_bytes} bytes"
        )
    return text


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when zeros fill one byte position of each pair, else None."""
    sample = raw[:_UTF16_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even_zeros = sample[0 : pairs * 2 : 2].count(0)
    odd_zeros = sample[1 : pairs * 2 : 2].count(0)
    if odd_zeros >= pairs * _UTF16_ZERO_SHARE and even_zeros <= pairs * 0.02:
        return "utf-16-le"
    if even_zeros >= pairs * _UTF16_ZERO_SHARE and odd_zeros <= pairs * 0.02:
        return "utf-16-be"
    return None


def _checked(text: str) -> str:
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if sample and controls / len(sample) > _CONTROL_SHARE_LIMIT:
        raise ArticleRejected(RejectionReason.BINARY, "the text is mostly control characters: it is not text")
    if not text.strip():
        raise ArticleRejected(RejectionReason.EMPTY, "the object is empty or only whitespace")
    return text
