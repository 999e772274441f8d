#!/usr/bin/env python3
"""Validate sete.tsv: header, labels, per-label counts, no duplicates, no tabs."""
import collections
import os
import sys

EXPECTED = {"BLAME_PERSON": 120, "HUMAN_ERROR": 60, "JUDGMENT": 60,
            "COUNTERFACTUAL": 60, "OK": 180}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "sete.tsv")
    problems = []
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SystemExit(f"not UTF-8: {e}")
    if "\r" in text:
        problems.append("carriage return found")
    lines = text.split("\n")
    if lines[-1] == "":
        lines = lines[:-1]
    if lines[0] != "label\tsentence\tnote":
        problems.append(f"bad header: {lines[0]!r}")
    counts = collections.Counter()
    seen = {}
    halves = {0: collections.Counter(), 1: collections.Counter()}
    for i, line in enumerate(lines[1:]):
        cells = line.split("\t")
        if len(cells) != 3:
            problems.append(f"row {i}: {len(cells)} cells (tab inside a cell?)")
            continue
        label, sentence, note = cells
        if label not in EXPECTED:
            problems.append(f"row {i}: unknown label {label!r}")
        if not sentence.strip() or sentence != sentence.strip():
            problems.append(f"row {i}: empty or padded sentence")
        key = " ".join(sentence.lower().split())
        if key in seen:
            problems.append(f"row {i}: duplicate of row {seen[key]}")
        seen[key] = i
        counts[label] += 1
        halves[i % 2][label] += 1
    for label, want in EXPECTED.items():
        if counts[label] != want:
            problems.append(f"{label}: {counts[label]} rows, expected {want}")
    total = sum(counts.values())
    print(f"{total} rows")
    for label in EXPECTED:
        print(f"  {label:15} {counts[label]:4}  tuning(even) {halves[0][label]:3}  held-out(odd) {halves[1][label]:3}")
    if problems:
        print("PROBLEMS:")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
