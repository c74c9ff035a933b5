#!/usr/bin/env bash
# Writes the `broadsheet ingest --manifest` file that loads the Chronicling
# America front pages of 1916 in one process: one row per page file, the
# paper's name from titles.tsv, the page number from the file's `seq-N`,
# language en. A paper's second edition of a day (`ed-2`) is titled
# "NAME (edition 2)", because the corpus tells editions apart by title and
# date. File paths are written relative to the manifest.
#
# Usage: tests/support/chronam-manifest.sh ../shared/corpora/chronam-1916 build/chronam.tsv
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 CHRONAM_FOLDER MANIFEST.tsv" >&2
  exit 2
fi
source_dir=$1
manifest=$2
mkdir -p "$(dirname "$manifest")"
relative=$(realpath --relative-to="$(dirname "$manifest")" "$source_dir")
partial=$(mktemp "$manifest.XXXXXX")
trap 'rm -f "$partial"' EXIT
(cd "$source_dir" && find dates -name '*.txt' | LC_ALL=C sort) | awk -v base="$relative" '
  BEGIN { OFS = "\t"; print "file", "date", "page", "publication", "lang" }
  FNR == NR { split($0, cell, "\t"); name[cell[1]] = cell[2]; next }
  {
    # dates/19160125/sn82014682-ed-2_seq-1.txt
    split($0, part, "/")
    day = part[2]; file = part[3]
    if (!match(file, /^[^-]+-ed-[0-9]+_seq-[0-9]+\.txt$/)) { print "unexpected file name: " $0 > "/dev/stderr"; exit 1 }
    lccn = file; sub(/-ed-.*/, "", lccn)
    edition = file; sub(/^[^-]+-ed-/, "", edition); sub(/_seq-.*/, "", edition)
    page = file; sub(/.*_seq-/, "", page); sub(/\.txt$/, "", page)
    if (!(lccn in name)) { print "no paper " lccn " in titles.tsv: " $0 > "/dev/stderr"; exit 1 }
    title = name[lccn]
    if (edition != 1) title = title " (edition " edition ")"
    print base "/" $0, substr(day, 1, 4) "-" substr(day, 5, 2) "-" substr(day, 7, 2), page + 0, title, "en"
  }
' "$source_dir/titles.tsv" - > "$partial"
chmod 644 "$partial"
mv "$partial" "$manifest"
trap - EXIT
