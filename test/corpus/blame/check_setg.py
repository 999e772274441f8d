#!/usr/bin/env python3
"""Validate setg.tsv. Exit status 0 when every check passes, 1 otherwise."""
import re
import sys
from collections import Counter
from pathlib import Path

PATH = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "setg.tsv"
HEADER = ["label", "sentence", "note"]
LABELS = ("BLAME_PERSON", "OK")
EXPECTED = {"BLAME_PERSON": 200, "OK": 200}

errors = []


def err(msg):
    errors.append(msg)


raw = PATH.read_bytes()
try:
    text = raw.decode("utf-8")
except UnicodeDecodeError as e:
    print(f"FAIL: not UTF-8: {e}")
    sys.exit(1)
if raw.startswith(b"\xef\xbb\xbf"):
    err("file starts with a BOM")
if "\r" in text:
    err("CR characters found (line endings must be LF)")
if not text.endswith("\n"):
    err("file does not end with a newline")

lines = text.split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if not lines:
    print("FAIL: empty file")
    sys.exit(1)
if lines[0].split("\t") != HEADER:
    err(f"bad header: {lines[0]!r}")

rows = []
for i, line in enumerate(lines[1:], start=2):
    cells = line.split("\t")
    if len(cells) != 3:
        err(f"line {i}: {len(cells)} cells, expected 3")
        continue
    label, sentence, note = cells
    if label not in LABELS:
        err(f"line {i}: unknown label {label!r}")
    if not sentence.strip():
        err(f"line {i}: empty sentence")
    elif sentence != sentence.strip():
        err(f"line {i}: sentence has leading/trailing whitespace")
    if note != note.strip():
        err(f"line {i}: note has leading/trailing whitespace")
    rows.append((label, sentence, note))

counts = Counter(r[0] for r in rows)
for lab, n in EXPECTED.items():
    if counts.get(lab, 0) != n:
        err(f"count {lab}: {counts.get(lab, 0)}, expected {n}")
if len(rows) != sum(EXPECTED.values()):
    err(f"{len(rows)} data rows, expected {sum(EXPECTED.values())}")

seen = {}
for i, (_, s, _) in enumerate(rows):
    key = re.sub(r"\s+", " ", s).strip().casefold()
    if key in seen:
        err(f"duplicate sentence at data rows {seen[key]} and {i}: {s[:60]!r}")
    else:
        seen[key] = i

if len(rows) % 2:
    err("odd number of data rows; cannot form pairs")
for k in range(0, len(rows) - 1, 2):
    if rows[k][0] != rows[k + 1][0]:
        err(f"data rows {k} and {k + 1} (pair {k // 2}) have different labels")

halves = {"even": Counter(r[0] for r in rows[0::2]),
          "odd": Counter(r[0] for r in rows[1::2])}
for name, c in halves.items():
    print(f"{name} half: " + ", ".join(f"{lab}={c.get(lab, 0)}" for lab in LABELS)
          + f", total={sum(c.values())}")
    for lab, n in EXPECTED.items():
        if c.get(lab, 0) * 2 != n:
            err(f"{name} half holds {c.get(lab, 0)} {lab}, expected {n // 2}")
print("totals: " + ", ".join(f"{lab}={counts.get(lab, 0)}" for lab in LABELS))

if errors:
    for e in errors:
        print("FAIL:", e)
    sys.exit(1)
print("OK: all checks passed")
