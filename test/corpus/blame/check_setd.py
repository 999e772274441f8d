#!/usr/bin/env python3
"""Sanity checks for setd.tsv. Exit status 0 when every check passes.

Licence: CC0-1.0.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "setd.tsv")
HEADER = "label\tsentence\tnote"
EXPECTED = {
    "BLAME_PERSON": 80,
    "HUMAN_ERROR": 80,
    "JUDGMENT": 80,
    "COUNTERFACTUAL": 80,
    "OK": 160,
}
MIN_HARD_NEGATIVES = 70


def main():
    errors = []
    with open(PATH, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"not UTF-8: {e}")
        return 1
    if "\r" in text:
        errors.append("file contains carriage returns")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if not lines or lines[0] != HEADER:
        errors.append(f"bad header: {lines[0] if lines else '(empty file)'!r}")
    counts = {k: 0 for k in EXPECTED}
    seen = {}
    hard = 0
    for n, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        if len(cols) != 3:
            errors.append(f"line {n}: {len(cols)} columns, expected 3")
            continue
        label, sentence, note = cols
        if label not in EXPECTED:
            errors.append(f"line {n}: unknown label {label!r}")
            continue
        counts[label] += 1
        if not sentence.strip():
            errors.append(f"line {n}: empty sentence")
            continue
        if sentence != sentence.strip():
            errors.append(f"line {n}: leading/trailing whitespace in sentence")
        if "\t" in sentence or "\n" in sentence or "\r" in sentence:
            errors.append(f"line {n}: tab or newline inside sentence")
        key = " ".join(sentence.lower().split())
        if key in seen:
            errors.append(f"line {n}: duplicate of line {seen[key]}: {sentence!r}")
        else:
            seen[key] = n
        if note.startswith("hard negative:"):
            if label != "OK":
                errors.append(f"line {n}: 'hard negative:' note on label {label}")
            hard += 1
    for label, want in EXPECTED.items():
        if counts[label] != want:
            errors.append(f"{label}: {counts[label]} rows, expected {want}")
    if hard < MIN_HARD_NEGATIVES:
        errors.append(f"only {hard} hard negatives, need at least {MIN_HARD_NEGATIVES}")
    print("counts:", ", ".join(f"{k}={v}" for k, v in counts.items()),
          f"total={sum(counts.values())}", f"hard_negatives={hard}")
    if errors:
        for e in errors:
            print("ERROR:", e)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
