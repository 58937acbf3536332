#!/usr/bin/env bash
# Checks one HTML page the way a notice board needs it:
#   check_page.sh PAGE [ID ...]
# - valid HTML (tidy reports no errors and no warnings);
# - self-contained: no script, no stylesheet link, no image or other
#   resource, no url() in CSS, nothing fetched from the network;
# - renders in headless Chromium to a PNG of real size, with no console
#   message (an error in the page would log one);
# - every ID given is an element of the rendered page.
# Exits 0 when all holds; prints each failure and exits 1 otherwise.
set -uo pipefail
page=$1
shift
fail=0
problem() {
  echo "check_page: $page: $*" >&2
  fail=1
}

out=$(tidy -errors -q "$page" 2>&1)
status=$?
if [ "$status" -ne 0 ] || [ -n "$out" ]; then
  problem "tidy (exit $status): $out"
fi

for pattern in '<script' '<link' '<img' '<iframe' '<object' '<embed' ' src=' 'url(' '@import' 'http-equiv'; do
  if grep -qiF -- "$pattern" "$page"; then
    problem "holds '$pattern': the page must be self-contained"
  fi
done
# The only address allowed is SVG's namespace name, which is never fetched.
if grep -oE 'https?://[^" ]+' "$page" | grep -vqx 'http://www.w3.org/2000/svg'; then
  problem "refers to an address other than the SVG namespace"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
abs=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
chromium_flags=(--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile"
                --host-resolver-rules="MAP * ~NOTFOUND" --enable-logging=stderr --v=0)
timeout 120 chromium "${chromium_flags[@]}" --window-size=1280,2400 --screenshot="$work/page.png" "file://$abs" \
  > "$work/stdout" 2> "$work/stderr"
if [ ! -s "$work/page.png" ] || [ "$(head -c 8 "$work/page.png" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
  problem "Chromium made no PNG: $(tail -3 "$work/stderr")"
elif [ "$(stat -c %s "$work/page.png")" -lt 10000 ]; then
  problem "the PNG is nearly empty ($(stat -c %s "$work/page.png") bytes)"
fi
if grep -q ':CONSOLE' "$work/stderr"; then
  problem "console messages: $(grep ':CONSOLE' "$work/stderr")"
fi
if [ $# -gt 0 ]; then
  timeout 120 chromium "${chromium_flags[@]}" --dump-dom "file://$abs" > "$work/dom" 2> /dev/null
  for id in "$@"; do
    grep -qF "id=\"$id\"" "$work/dom" || problem "the rendered page has no element with id '$id'"
  done
fi
[ -n "${CHECK_PAGE_KEEP_PNG:-}" ] && cp "$work/page.png" "$CHECK_PAGE_KEEP_PNG"
exit $fail
