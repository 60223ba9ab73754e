#!/usr/bin/env bash
# The README's quick start, checked: `npm start` must score the bundled sample and print the table.
set -uo pipefail
output="$(npm start 2>&1)"
status=$?
echo "$output" | tail -n 8
[ "$status" -eq 0 ] || { echo "npm start exited with $status"; exit 1; }
echo "$output" | grep -q '^Overall: level [1-5] ' || { echo "npm start did not print an overall level"; exit 1; }
