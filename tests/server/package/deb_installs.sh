#!/usr/bin/env bash
# deb_installs.sh BUILD_DIR CPACK: two packages. kliv-billingd holds the server,
# its plan catalog, a systemd unit that passes `systemd-analyze verify` and its
# configuration file (a conffile); kliv-konto holds the app and not the server;
# neither ships a development tool. The unpacked server, started with the
# packaged configuration, answers GET /v1/plans with the installed catalog
# without being told where it is.
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
deb="$(ls "$tmp"/out/kliv-billingd_*.deb 2>/dev/null | head -n1)"
[ -n "$deb" ] || fail "cpack wrote no kliv-billingd .deb: $(ls "$tmp/out")"
dpkg-deb --contents "$deb" >"$tmp/contents.txt"
dpkg-deb -x "$deb" "$tmp/root"
dpkg-deb -e "$deb" "$tmp/control"
app_deb="$(ls "$tmp"/out/kliv-konto_*.deb 2>/dev/null | head -n1)"
if [ -f "$build/app/kliv-konto" ] || [ -n "$app_deb" ]; then
  [ -n "$app_deb" ] || fail "cpack wrote no kliv-konto .deb"
  dpkg-deb --contents "$app_deb" >"$tmp/app-contents.txt"
  grep -q './usr/bin/kliv-konto$' "$tmp/app-contents.txt" || fail "no usr/bin/kliv-konto in kliv-konto"
  if grep -Eq 'kliv-billingd|stripe-emulator|plans.json' "$tmp/app-contents.txt"; then
    fail "the app package carries server files: $(grep -E 'kliv-billingd|stripe-emulator|plans.json' "$tmp/app-contents.txt")"
  fi
fi
grep -q 'kliv-konto' "$tmp/contents.txt" && fail "the server package carries app files: $(grep kliv-konto "$tmp/contents.txt")"

unit="$tmp/root/usr/lib/systemd/system/kliv-billingd.service"
[ -f "$unit" ] || fail "no systemd unit in the server package"
[ -f "$tmp/root/etc/kliv/billingd.conf" ] || fail "no /etc/kliv/billingd.conf in the server package"
grep -qx '/etc/kliv/billingd.conf' "$tmp/control/conffiles" || fail "/etc/kliv/billingd.conf is not a conffile"
for want in 'DynamicUser=yes' 'NoNewPrivileges=yes' 'ProtectSystem=strict' 'PrivateTmp=yes' 'StateDirectory=kliv-billingd' \
            'Restart=on-failure' 'KillSignal=SIGTERM' 'ExecStart=/usr/bin/kliv-billingd --config /etc/kliv/billingd.conf'; do
  grep -qx "$want" "$unit" || fail "the unit lacks $want"
done
if command -v systemd-analyze >/dev/null 2>&1; then
  # Verified as installed: the unit's binary is the unpacked one.
  sed "s|/usr/bin/kliv-billingd|$tmp/root/usr/bin/kliv-billingd|" "$unit" >"$tmp/kliv-billingd.service"
  systemd-analyze verify "$tmp/kliv-billingd.service" >"$tmp/verify.log" 2>&1 \
    || { cat "$tmp/verify.log" >&2; fail "systemd-analyze verify refused the unit"; }
fi

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
  "$tmp/root/usr/bin/kliv-billingd" --config "$tmp/root/etc/kliv/billingd.conf" --data "$tmp/data" --port 0 >"$tmp/out.log" 2>"$tmp/err.log" &
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
grep -q "configuration from $tmp/root/etc/kliv/billingd.conf" "$tmp/err.log" || fail "the packaged configuration was not read"
echo "ok: $(basename "$deb") (unit verified, conffile) and $(basename "${app_deb:-none}"); no stripe-emulator; the server serves the installed catalog: $served"
