#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with starting inputs made from the test
# fixtures (and, when ../shared is there, the seed page and a few 1916
# pages), so that each target starts from real input rather than from
# nothing. Idempotent: the same files are written again. Run from the
# repository root; `make fuzz` does.
set -euo pipefail

corpus=fuzz/corpus
mkdir -p "$corpus"/{ingest_page,ingest_alto,corpus_load,index_decode,query_search,archive_search}

# The ingest target reads its first byte as the convention and page number.
pages=(tests/fixtures/ingest/*.txt)
[ -f ../shared/seed/000_866a33b537f54303.txt ] && pages+=(../shared/seed/000_866a33b537f54303.txt)
if [ -d ../shared/corpora/chronam-1916/dates ]; then
  while IFS= read -r page; do pages+=("$page"); done \
    < <(find ../shared/corpora/chronam-1916/dates -name '*.txt' | sort | head -n 3)
fi
for page in "${pages[@]}"; do
  for control in 00 01 02; do
    { printf "\x$control"; cat "$page"; } > "$corpus/ingest_page/$control-$(basename "$page")"
  done
done

cp tests/fixtures/*.json "$corpus/corpus_load/"

# ALTO pages of three versions and units, when ../shared holds them.
if [ -d ../shared/corpora/pages ]; then
  for page in loc-nordstern-1878/0011.xml sbb-tageblatt-1925/newspaper_issue_1-alto_p2.xml bnl-luxzeit-1858/text/1858-12-07_01-00003.xml; do
    cp "../shared/corpora/pages/$page" "$corpus/ingest_alto/$(basename "$page")"
  done
fi

# Index edits: one flipped byte in the payload, sealed and unsealed.
printf '\x00\x00\x40\x00\x01' > "$corpus/index_decode/flip"
printf '\x01\x00\x40\x00\x01' > "$corpus/index_decode/flip-sealed"

# Archive index edits: each of the first files, one flipped byte, sealed and unsealed.
for file in 0 1 2 3; do
  printf "\x0$file\x00\x00\x18\x00\x01" > "$corpus/archive_search/flip-$file"
  printf "\x0$file\x01\x00\x18\x00\x01" > "$corpus/archive_search/flip-sealed-$file"
done

for query in 青岛 上合組織 '"新型 能源"' 'ＣＯＮＧＲＥＳＳ 合作' '!!! ...'; do
  printf '%s' "$query" > "$corpus/query_search/$(printf '%s' "$query" | od -An -tx1 | tr -d ' \n' | cut -c1-16)"
done
