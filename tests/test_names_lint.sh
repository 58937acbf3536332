#!/bin/sh
# ctest's doctest discovery splits a test name at ';' (and chokes on '['),
# turning a test into entries that run nothing: keep such names out.
bad=$(grep -rnE 'TEST_CASE\("[^"]*[][;]' "$1"/unit "$1"/e2e)
if [ -n "$bad" ]; then
  echo "test names with ';', '[' or ']' are not run by ctest:"
  echo "$bad"
  exit 1
fi
