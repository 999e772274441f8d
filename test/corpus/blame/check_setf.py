#!/usr/bin/env python3
"""Validate setf.tsv and print per-half label counts. Exit status 1 on any problem."""
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "setf.tsv")
EXPECTED = {"BLAME_PERSON": 120, "HUMAN_ERROR": 60, "JUDGMENT": 60,
            "COUNTERFACTUAL": 60, "OK": 180}
HEADER = ["label", "sentence", "note"]


def main():
    errors = []
    raw = open(PATH, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"FAIL: not UTF-8: {e}")
        return 1
    if text.startswith("\ufeff"):
        errors.append("file starts with a BOM")
    if "\r" in text:
        errors.append("file contains CR characters (expected LF line endings)")
    if not text.endswith("\n"):
        errors.append("file does not end with a newline")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if not lines or lines[0].split("\t") != HEADER:
        errors.append(f"bad header: {lines[0] if lines else ''!r}")
    rows = []
    seen = {}
    for i, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != 3:
            errors.append(f"line {i}: {len(cells)} cells, expected 3")
            continue
        label, sentence, note = cells
        if label not in EXPECTED:
            errors.append(f"line {i}: unknown label {label!r}")
        if not sentence.strip():
            errors.append(f"line {i}: empty sentence")
        elif sentence != sentence.strip():
            errors.append(f"line {i}: sentence has leading/trailing whitespace")
        if note != note.strip():
            errors.append(f"line {i}: note has leading/trailing whitespace")
        key = " ".join(sentence.split()).casefold()
        if key in seen:
            errors.append(f"line {i}: duplicate sentence (first at line {seen[key]})")
        else:
            seen[key] = i
        rows.append(label)
    counts = Counter(rows)
    for label, n in EXPECTED.items():
        if counts.get(label, 0) != n:
            errors.append(f"{label}: {counts.get(label, 0)} rows, expected {n}")
    if len(rows) != sum(EXPECTED.values()):
        errors.append(f"{len(rows)} data rows, expected {sum(EXPECTED.values())}")
    # pair structure: data rows 2k and 2k+1 share a label
    for k in range(0, len(rows) - 1, 2):
        if rows[k] != rows[k + 1]:
            errors.append(f"data rows {k} and {k + 1} differ in label")
    halves = {"even": Counter(rows[0::2]), "odd": Counter(rows[1::2])}
    for label, n in EXPECTED.items():
        for h, c in halves.items():
            if c.get(label, 0) * 2 != n:
                errors.append(f"{h} half has {c.get(label, 0)} {label}, expected {n // 2}")

    print(f"file: {PATH}")
    print(f"{'label':<16}{'total':>7}{'even':>7}{'odd':>7}")
    for label in EXPECTED:
        print(f"{label:<16}{counts.get(label, 0):>7}"
              f"{halves['even'].get(label, 0):>7}{halves['odd'].get(label, 0):>7}")
    print(f"{'ALL':<16}{len(rows):>7}{len(rows[0::2]):>7}{len(rows[1::2]):>7}")
    if errors:
        print(f"FAIL: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
