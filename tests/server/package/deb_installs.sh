#!/usr/bin/env bash
# deb_installs.sh BUILD_DIR CPACK: the package holds kliv-billingd and its plan
# catalog and no development tools, and the unpacked server answers
# GET /v1/plans with the catalog without being told where it is.
set -euo pipefail
build="$1"; cpack="${2:-cpack}"
fail() { echo "FAIL: $*" >&2; exit 1; }

tmp="$(mktemp -d /tmp/kliv-deb-test.XXXXXX)"   # outside the build tree on purpose
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# The package from this build tree's CPack config, written to the temp dir
# (cpack installs only what is built; it does not build).
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 \
  || { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb="$(ls "$tmp"/out/*.deb 2>/dev/null | head -n1)"
[ -n "$deb" ] || fail "cpack wrote no .deb"
dpkg-deb --contents "$deb" >"$tmp/contents.txt"
dpkg-deb -x "$deb" "$tmp/root"

[ -x "$tmp/root/usr/bin/kliv-billingd" ] || fail "no usr/bin/kliv-billingd in the package"
[ -f "$tmp/root/usr/share/kliv/plans.json" ] || fail "no usr/share/kliv/plans.json in the package"
if grep -q 'stripe-emulator' "$tmp/contents.txt"; then
  fail "the package ships the development-only stripe-emulator: $(grep stripe-emulator "$tmp/contents.txt")"
fi

# Mark the unpacked catalog, so that serving it proves it is the one read
# (the source tree's catalog exists on this machine, a user's has none).
catalog="$tmp/root/usr/share/kliv/plans.json"
jq '.plans[0].name = "Packaged " + .plans[0].name' "$catalog" >"$tmp/plans.marked" && mv "$tmp/plans.marked" "$catalog"

# Start the unpacked server: no --plans, no KLIV_PLANS_FILE, a fresh data dir.
: >"$tmp/out.log"   # exists before the background job opens it
env -u KLIV_PLANS_FILE HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg" \
  "$tmp/root/usr/bin/kliv-billingd" --data "$tmp/data" --port 0 >"$tmp/out.log" 2>"$tmp/err.log" &
server_pid=$!
base=""
deadline=$((SECONDS + 60))
while [ -z "$base" ]; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$tmp/err.log" >&2
    server_pid=""
    fail "the unpacked kliv-billingd exited before listening"
  fi
  [ "$SECONDS" -lt "$deadline" ] || fail "the unpacked kliv-billingd did not start listening within 60 s"
  base="$(sed -n 's/^kliv-billingd listening on \(http:[^ ]*\)$/\1/p' "$tmp/out.log" | head -n1)"
  [ -n "$base" ] || sleep 0.1
done

code="$(curl -sS -o "$tmp/plans.json" -w '%{http_code}' --max-time 20 "$base/v1/plans")"
[ "$code" = 200 ] || fail "GET /v1/plans answered $code: $(head -c 300 "$tmp/plans.json")"
# The catalog as unpacked (marked name included), not the source tree's.
served="$(jq -r '[.plans[] | .id + "=" + .name] | sort | join(",")' "$tmp/plans.json")"
shipped="$(jq -r '[.plans[] | .id + "=" + .name] | sort | join(",")' "$catalog")"
[ -n "$served" ] && [ "$served" = "$shipped" ] \
  || fail "GET /v1/plans served [$served], the package ships [$shipped] (a catalog other than the installed one was read)"
echo "ok: $(basename "$deb") has no stripe-emulator; its kliv-billingd serves the installed catalog: $served"
