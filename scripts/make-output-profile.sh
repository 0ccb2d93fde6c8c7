#!/bin/sh
# Makes assets/icc/CGATS-TR005.icc from the CGATS TR 005 characterization data (see assets/icc/README.md).
# Needs Debian's argyll and icc-profiles-free packages; run once, commit the result.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp /usr/share/color/icc/TR005.ti3 "$work/TR005.ti3"
colprof -ql -kr -l300 -L95 \
  -D "CGATS TR 005 (SWOP Grade 5 coated), from ANSI CGATS/SWOP TR 005-2007 characterization data" \
  -C "Characterization data: ANSI CGATS/SWOP TR 005-2007. Profile made with ArgyllCMS colprof; freely distributable." \
  -O "$work/TR005.icc" "$work/TR005"
cp "$work/TR005.icc" "$(dirname "$0")/../assets/icc/CGATS-TR005.icc"
