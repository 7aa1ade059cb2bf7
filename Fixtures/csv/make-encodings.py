#!/usr/bin/env python3
"""Writes three-tables.csv in the other encodings jixiao reads: GB18030, as Excel on Chinese Windows
saves "CSV (逗号分隔)" (no byte-order mark), and UTF-16LE with its byte-order mark. Each must score
exactly as the UTF-8 file does (CSVEncodingTests)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "three-tables.csv"), encoding="utf-8-sig", newline="") as f:
    text = f.read()
with open(os.path.join(HERE, "three-tables.gb18030.csv"), "wb") as f:
    f.write(text.encode("gb18030"))
with open(os.path.join(HERE, "three-tables.utf16le.csv"), "wb") as f:
    f.write(b"\xff\xfe" + text.encode("utf-16-le"))
