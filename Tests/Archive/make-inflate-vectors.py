#!/usr/bin/env python3
"""Writes Tests/Archive/inflate/: raw DEFLATE streams (RFC 1951, no zlib header) made by zlib at several
levels and strategies from deterministic data, and MANIFEST.json with each stream's original size and
CRC-32, which InflateTests check the inflater against. Run from anywhere; the output is reproducible for a
given zlib version (zlib.ZLIB_VERSION is recorded in the manifest)."""
import json, pathlib, random, zlib

out = pathlib.Path(__file__).resolve().parent / "inflate"
out.mkdir(exist_ok=True)
for old in out.glob("*.deflate"):
    old.unlink()

rng = random.Random(17)
cjk = "项目名称绩效自评表年度指标值实际完成值分值得分偏差原因分析及改进措施产出指标效益指标满意度数量质量时效成本"


def sheet_xml(rows):
    cells = []
    for r in range(1, rows + 1):
        row = "".join(f'<c r="{col}{r}" s="{rng.randint(0, 9)}" t="s"><v>{rng.randint(0, 500)}</v></c>' for col in "ABCDEFGH")
        cells.append(f'<row r="{r}" spans="1:8">{row}</row>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet><sheetData>' + "".join(cells) + "</sheetData></worksheet>").encode()


data = {
    "empty": b"",
    "one-byte": b"a",
    "short-text": b"Hello, hello, hello, DEFLATE!\n",
    "sheet-xml": sheet_xml(150),
    "cjk-text": "".join(rng.choice(cjk) for _ in range(4000)).encode(),
    "random": bytes(rng.getrandbits(8) for _ in range(8000)),
    "zeros": bytes(70000),
    "period-3": b"abc" * 10000,
    "period-7-with-noise": bytes((i % 7) if rng.random() > 0.01 else rng.getrandbits(8) for i in range(20000)),
    # A 30,000-byte block repeated: matches reach back close to the 32 KiB window.
    "far-matches": (lambda block: block * 3)(bytes(rng.getrandbits(8) for _ in range(30000))),
    "all-byte-values": bytes(range(256)) * 12,
}

settings = [
    ("level0", 0, zlib.Z_DEFAULT_STRATEGY),
    ("level1", 1, zlib.Z_DEFAULT_STRATEGY),
    ("level6", 6, zlib.Z_DEFAULT_STRATEGY),
    ("level9", 9, zlib.Z_DEFAULT_STRATEGY),
    ("fixed", 6, zlib.Z_FIXED),
    ("huffman-only", 6, zlib.Z_HUFFMAN_ONLY),
    ("rle", 6, zlib.Z_RLE),
    ("filtered", 6, zlib.Z_FILTERED),
]

manifest = {"zlib": zlib.ZLIB_VERSION, "vectors": []}


def add(name, original, stream):
    (out / f"{name}.deflate").write_bytes(stream)
    manifest["vectors"].append({"file": f"{name}.deflate", "size": len(original), "crc32": zlib.crc32(original)})


for data_name, original in data.items():
    for setting_name, level, strategy in settings:
        # Data that compresses badly is kept small in the repository: random data and the far matches at
        # two settings only, and stored (level 0) streams only of the small data and of the zeros, whose
        # 70,000 bytes need two stored blocks.
        if data_name in ("random", "far-matches") and setting_name not in ("level0" if data_name == "random" else "level6", "level6"):
            continue
        if setting_name == "level0" and data_name not in ("empty", "one-byte", "short-text", "random", "zeros", "all-byte-values"):
            continue
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
        add(f"{data_name}.{setting_name}", original, compressor.compress(original) + compressor.flush())

# Block boundaries inside the data: sync flushes (an empty stored block each), a full flush, and a
# change of level between blocks.
original = data["sheet-xml"]
compressor = zlib.compressobj(6, zlib.DEFLATED, -15, 9)
pieces = [compressor.compress(original[:1000]), compressor.flush(zlib.Z_SYNC_FLUSH), compressor.compress(original[1000:5000]),
          compressor.flush(zlib.Z_FULL_FLUSH), compressor.compress(original[5000:]), compressor.flush()]
add("sheet-xml.flushes", original, b"".join(pieces))
# A small window (512 bytes) and the smallest memory level.
compressor = zlib.compressobj(9, zlib.DEFLATED, -9, 1)
add("sheet-xml.window512", original, compressor.compress(original) + compressor.flush())

# For the differential tests of the inflater's fast loop: random data with repeats at every level 1...9,
# and the match edges: distance 1 overlapping its own output, the longest length (258) and the farthest
# distance (32,768, the whole window).
def mixed(size):
    piece = bytearray()
    while len(piece) < size:
        if piece and rng.random() < 0.5:
            distance = rng.randint(1, len(piece))
            start = len(piece) - distance
            for i in range(rng.randint(3, 300)):
                piece.append(piece[start + i])
        else:
            piece.extend(rng.getrandbits(8) % rng.choice((4, 16, 256)) for _ in range(rng.randint(1, 20)))
    return bytes(piece[:size])


random_with_repeats = mixed(12000)
for level in range(1, 10):
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, 9)
    add(f"random-with-repeats.level{level}", random_with_repeats, compressor.compress(random_with_repeats) + compressor.flush())
window = bytes(rng.getrandbits(8) for _ in range(32768))
edges = {
    "distance-1": b"q" + b"x" * 3000 + b"yz" * 700,
    "window-32768": window + window[:600] + b"end",
}
for data_name, original in edges.items():
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    add(f"{data_name}.level9", original, compressor.compress(original) + compressor.flush())

(out / "MANIFEST.json").write_text(json.dumps(manifest, indent=1) + "\n")
print(f"{len(manifest['vectors'])} vectors, {sum(p.stat().st_size for p in out.glob('*.deflate'))} bytes")
