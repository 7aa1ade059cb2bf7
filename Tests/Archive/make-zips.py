#!/usr/bin/env python3
"""Writes Tests/Archive/zip/: ZIP archives for ZipArchiveTests and MANIFEST.json with what each must give.

Good archives come from Python's zipfile (a real producer: stored, deflated, streamed with data
descriptors, forced ZIP64) and from the small writer below (a comment that holds a fake end signature,
ZIP64 end records and extra fields). Hostile archives are made by the writer, one defect each:
compression ratio, declared sizes, entry count, overlapping entries, truncation, a bad CRC, encryption,
ZIP64 markers without their record, unsafe and duplicate names, other methods, split archives, a local
header that disagrees with the directory, data that inflates short. Each manifest line names the stage
("open" or "read" with the entry) and a phrase the error must contain."""
import io, json, pathlib, struct, zipfile, zlib

out = pathlib.Path(__file__).resolve().parent / "zip"
out.mkdir(exist_ok=True)
for old in out.glob("*.zip"):
    old.unlink()
manifest = []

SHEET = ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet><sheetData>'
         + "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>{r}</v></c></row>' for r in range(1, 200))
         + "</sheetData></worksheet>").encode()
TEXT = "项目支出绩效自评表 (2024年度)\n".encode() * 20


def deflate(data, level=6):
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def entry(name, data, method=8, **overrides):
    body = deflate(data) if method == 8 else data
    e = dict(name=name.encode() if isinstance(name, str) else name, data=data, body=body, method=method,
             crc=zlib.crc32(data), csize=len(body), usize=len(data), flags=0x800, descriptor=False,
             local_name=None, local_method=None, zip64=False, offset=None)
    e.update(overrides)
    return e


def build(entries, comment=b"", zip64_end=False, end_overrides=None, prefix=b""):
    """A ZIP archive; every field can be overridden per entry to make it lie."""
    body = bytearray(prefix)
    for e in entries:
        e["_offset"] = len(body) if e["offset"] is None else e["offset"]
        name = e["local_name"] or e["name"]
        method = e["method"] if e["local_method"] is None else e["local_method"]
        crc, csize, usize = (0, 0, 0) if e["descriptor"] else (e["crc"], e["csize"], e["usize"])
        extra = b""
        if e["zip64"]:
            extra = struct.pack("<HHQQ", 1, 16, e["usize"], e["csize"])
            csize, usize = 0xFFFFFFFF, 0xFFFFFFFF
        flags = e["flags"] | (0x08 if e["descriptor"] else 0)
        if e["offset"] is None:
            body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21, crc, csize, usize, len(name), len(extra))
            body += name + extra + e["body"]
            if e["descriptor"]:
                body += struct.pack("<IIII", 0x08074B50, e["crc"], e["csize"], e["usize"])
    directory_offset = len(body)
    for e in entries:
        flags = e["flags"] | (0x08 if e["descriptor"] else 0)
        csize, usize, offset, extra = e["csize"], e["usize"], e["_offset"], b""
        if e["zip64"]:
            extra = struct.pack("<HHQQQ", 1, 24, usize, csize, offset)
            csize, usize, offset = 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF
        body += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, e["method"], 0, 0x21, e["crc"], csize, usize,
                            len(e["name"]), len(extra), 0, e.get("disk", 0), 0, 0, offset)
        body += e["name"] + extra
    directory_size = len(body) - directory_offset
    end = dict(disk=0, directory_disk=0, here=len(entries), count=len(entries), size=directory_size, offset=directory_offset)
    if zip64_end:
        record = len(body)
        body += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, len(entries), len(entries), directory_size, directory_offset)
        body += struct.pack("<IIQI", 0x07064B50, 0, record, 1)
        end.update(here=0xFFFF, count=0xFFFF, size=0xFFFFFFFF, offset=0xFFFFFFFF)
    end.update(end_overrides or {})
    body += struct.pack("<IHHHHIIH", 0x06054B50, end["disk"], end["directory_disk"], end["here"], end["count"], end["size"],
                        end["offset"], len(comment)) + comment
    return bytes(body)


def good(file, data, note, entries=None):
    """entries: name → data, for an archive Python's zipfile cannot check (it takes the last end
    signature in the file, even one inside the comment)."""
    (out / file).write_bytes(data)
    if entries is not None:
        entries = {name: {"size": len(d), "crc32": zlib.crc32(d)} for name, d in entries.items()}
    else:
        with zipfile.ZipFile(io.BytesIO(data)) as check:
            entries = {i.filename: {"size": i.file_size, "crc32": i.CRC} for i in check.infolist()}
            assert check.testzip() is None
    manifest.append({"file": file, "note": note, "entries": entries})


def bad(file, data, stage, error, note, entry_name=None):
    (out / file).write_bytes(data)
    line = {"file": file, "note": note, "stage": stage, "error": error}
    if entry_name:
        line["entry"] = entry_name
    manifest.append(line)


# --- made by Python's zipfile -------------------------------------------------------------------
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as z:
    z.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>', compress_type=zipfile.ZIP_STORED)
    z.writestr("xl/worksheets/sheet1.xml", SHEET, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("xl/中文名称.xml", TEXT, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    z.writestr("docProps/", b"")
good("zipfile.zip", buffer.getvalue(), "Python zipfile: stored, deflated (levels 6 and 9), a UTF-8 name, a directory")


class Unseekable(io.RawIOBase):
    """Makes zipfile stream: sizes and CRCs go in data descriptors after each entry."""
    def __init__(self):
        self.data = bytearray()
    def writable(self):
        return True
    def write(self, b):
        self.data += b
        return len(b)


stream = Unseekable()
with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as z:
    with z.open("xl/worksheets/sheet1.xml", "w") as f:
        f.write(SHEET)
    with z.open("xl/big.xml", "w", force_zip64=True) as f:
        f.write(TEXT)
good("zipfile-streamed.zip", bytes(stream.data), "Python zipfile written to a stream: data descriptors, a forced ZIP64 entry")

# --- made by the writer above ---------------------------------------------------------------------
good("comment.zip", build([entry("a.xml", SHEET), entry("b.txt", TEXT, method=0)],
                          comment=b"PK\x05\x06 a comment that holds a fake end signature"),
     "a comment holding a fake end-of-directory signature", entries={"a.xml": SHEET, "b.txt": TEXT})
good("descriptor.zip", build([entry("a.xml", SHEET, descriptor=True), entry("b.txt", TEXT, method=0, descriptor=True)]),
     "data descriptors (flag bit 3) with signatures, local sizes zero")
good("zip64.zip", build([entry("a.xml", SHEET, zip64=True), entry("b.txt", TEXT, method=0)], zip64_end=True),
     "ZIP64 end record and locator, ZIP64 extra fields in local and central headers")
good("empty.zip", build([]), "no entries")

bomb = bytes(10 << 20)
bad("bomb-ratio.zip", build([entry("xl/worksheets/sheet1.xml", bomb)]), "open", "more than 200 times",
    "10 MiB of zeros deflated to about 10 KB", "xl/worksheets/sheet1.xml")
bad("bomb-declared-size.zip", build([entry("a.xml", SHEET, usize=300 << 20)]), "open", "more than the 268435456 allowed",
    "an entry declaring 300 MiB", "a.xml")
bad("too-many-entries.zip", build([entry("a.xml", SHEET)], end_overrides=dict(here=10001, count=10001)), "open",
    "10001 entries, more than the 10000", "an end record declaring 10,001 entries")
# The overlap trick: entry "outer" is stored, and its data is entry "inner"'s local header and data.
inner = entry("inner.xml", SHEET)
inner_bytes = build([inner])[: 30 + len(inner["name"]) + inner["csize"]]
outer = entry("outer.xml", inner_bytes, method=0)
overlap = build([outer])
directory_at = struct.unpack("<I", overlap[-6:-2])[0]
inner_offset = 30 + len(outer["name"])
inner_central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, inner["crc"], inner["csize"],
                            inner["usize"], len(inner["name"]), 0, 0, 0, 0, 0, inner_offset) + inner["name"]
directory = overlap[directory_at:-22] + inner_central
overlap = overlap[:directory_at] + directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 2, 2, len(directory), directory_at, 0)
bad("overlap.zip", overlap, "open", "overlaps", "a stored entry whose data holds a second entry (the quoted-overlap zip bomb)",
    "outer.xml")
bad("same-header-twice.zip", (lambda e: build([e, entry("a.xml", SHEET, offset=0)]))(entry("a.xml", SHEET)), "open",
    "overlaps", "two directory entries pointing at one local header", "a.xml")
good_bytes = build([entry("a.xml", SHEET), entry("b.txt", TEXT)])
bad("truncated.zip", good_bytes[: len(good_bytes) // 2], "open", "cut short", "the first half of an archive")
bad("not-a-zip.zip", b"Name,Weight\n\xe9\xa1\xb9\xe7\x9b\xae,10\n" * 3, "open", "not a ZIP archive", "a CSV file named .zip")
bad("bad-crc.zip", build([entry("a.xml", SHEET, crc=zlib.crc32(SHEET) ^ 1)]), "read", "CRC-32", "a CRC one bit off", "a.xml")
bad("encrypted.zip", build([entry("a.xml", SHEET, flags=0x801)]), "read", "encrypted", "the encryption flag set", "a.xml")
bad("zip64-missing-record.zip", build([entry("a.xml", SHEET)], end_overrides=dict(offset=0xFFFFFFFF)), "open",
    "ZIP64 end record that is missing", "an end record with ZIP64 markers and no ZIP64 record")
bad("zip64-missing-extra.zip", build([entry("a.xml", SHEET, csize=0xFFFFFFFF)]), "open", "no ZIP64 extra field",
    "an entry with a ZIP64 size marker and no extra field", "a.xml")
bad("parent-path.zip", build([entry("../../evil.xml", SHEET)]), "open", "not a safe relative path", "a name with ..")
bad("absolute-path.zip", build([entry("/etc/evil.xml", SHEET)]), "open", "not a safe relative path", "an absolute name")
bad("backslash-path.zip", build([entry("xl\\..\\evil.xml", SHEET)]), "open", "not a safe relative path", "a name with backslashes")
bad("control-name.zip", build([entry("a\x07.xml", SHEET)]), "open", "not a safe relative path", "a name with a control character")
bad("latin1-name.zip", build([entry(b"caf\xe9.xml", SHEET)]), "open", "not UTF-8", "a name that is not UTF-8")
bad("duplicate-name.zip", build([entry("a.xml", SHEET), entry("a.xml", TEXT)]), "open", "two entries have this name",
    "two entries named a.xml", "a.xml")
bad("lzma.zip", build([entry("a.xml", SHEET, method=14, body=SHEET, csize=len(SHEET))]), "read", "method 14 (LZMA)",
    "an LZMA entry", "a.xml")
bad("split.zip", build([entry("a.xml", SHEET)], end_overrides=dict(disk=1, directory_disk=1)), "open", "several disks",
    "an archive that says it is disk 2 of a set")
bad("local-name-differs.zip", build([entry("a.xml", SHEET, local_name=b"b.xml")]), "open", "disagrees with the central directory",
    "a local header with another name", "a.xml")
bad("short-data.zip", build([entry("a.xml", SHEET, usize=len(SHEET) + 10)]), "read", "not the", "an entry declaring 10 bytes more than it holds",
    "a.xml")
bad("long-data.zip", build([entry("a.xml", SHEET, usize=len(SHEET) - 10)]), "read", "more than the", "an entry declaring 10 bytes less than it holds",
    "a.xml")
bad("damaged-data.zip", build([entry("a.xml", SHEET, body=b"\x07" + deflate(SHEET)[1:])]), "read", "damaged",
    "deflated data with a reserved block type", "a.xml")
bad("directory-outside.zip", build([entry("a.xml", SHEET)], end_overrides=dict(offset=10**6)), "open", "outside the file",
    "an end record pointing past the file")

(out / "MANIFEST.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
print(len(manifest), "archives,", sum(p.stat().st_size for p in out.glob("*.zip")), "bytes")
