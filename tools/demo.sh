#!/usr/bin/env bash
# The demo behind `./dev run`: a development kliv-billingd with the "Demo AB"
# workspace (Pro 200, set by sales) and the owner's "Kliv Studio" (Free: its
# upgrade goes through Checkout on the emulator), the local Stripe emulator
# wired to it by signed webhooks, and the Kliv Konto app. Everything listens on
# 127.0.0.1 only and stops together.
#   ./dev run                      the app in a window (needs a display)
#   ./dev run --screenshots DIR    no display needed: every page in Swedish (and DIR/en in English),
#                                  a member's view and the app offline, as PNGs, under Xvfb
#   ./dev run --server-only        just the server and the emulator
set -euo pipefail
BUILD="$1"; shift
SHOTS=""; SERVER_ONLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --screenshots) SHOTS="$(realpath -m "${2:?--screenshots needs a folder}")"; shift 2 ;;
    --server-only) SERVER_ONLY=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

STATE="${KLIV_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/kliv-demo}"
mkdir -p "$STATE"
log() { printf '\033[1m[demo]\033[0m %s\n' "$*" >&2; }

free_port() {  # a port nobody answers on
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "no free port found" >&2; return 1
}

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

SERVER_PORT="${KLIV_DEMO_PORT:-$(free_port)}"
SERVER_URL="http://127.0.0.1:$SERVER_PORT"

# The webhook secret is per demo data folder, created once, never printed.
SECRET_FILE="$STATE/webhook-secret"
[ -f "$SECRET_FILE" ] || { umask 077; echo "whsec_demo_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$SECRET_FILE"; }
WEBHOOK_SECRET="$(cat "$SECRET_FILE")"

if [ -x "$BUILD/tools/stripe-emulator/stripe-emulator" ]; then
  EMU_PORT="$(free_port)"
  "$BUILD/tools/stripe-emulator/stripe-emulator" --port "$EMU_PORT" --data "$STATE/stripe" \
     --webhook-url "$SERVER_URL/webhooks/stripe" --webhook-secret "$WEBHOOK_SECRET" --running-clock \
     > "$STATE/stripe-emulator.log" 2>&1 &
  PIDS+=($!)
  export STRIPE_SECRET_KEY=sk_test_kliv_demo STRIPE_WEBHOOK_SECRET="$WEBHOOK_SECRET" \
         STRIPE_API_BASE="http://127.0.0.1:$EMU_PORT"
  log "Stripe emulator on http://127.0.0.1:$EMU_PORT (log: $STATE/stripe-emulator.log)"
else
  log "no Stripe emulator built: payments are unavailable in this demo"
fi

SERVER_LOG="$STATE/kliv-billingd.log"
"$BUILD/server/kliv-billingd" --dev --simulate-usage --port "$SERVER_PORT" --data "$STATE/server" \
   > "$SERVER_LOG" 2>&1 &
SERVER_PID=$!
PIDS+=($SERVER_PID)
for _ in $(seq 100); do grep -q "listening on" "$SERVER_LOG" 2>/dev/null && break; sleep 0.1; done
grep -q "listening on" "$SERVER_LOG" || { log "the server did not start:"; cat "$SERVER_LOG" >&2; exit 1; }
log "kliv-billingd on $SERVER_URL (log: $SERVER_LOG)"
# One clock: the server's dev clock (kept in its data folder, moved by POST
# /v1/dev/clock) is the emulator's too, or an upgrade's preview and its invoice
# are prorated for different instants.
if [ -n "${EMU_PORT:-}" ]; then
  NOW="$(curl -sf "$SERVER_URL/v1/dev/clock" | sed -n 's/.*"now" *: *"\([^"]*\)".*/\1/p')"
  if [ -n "$NOW" ] && curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $STRIPE_SECRET_KEY" \
       -d "{\"now\":\"$NOW\"}" "http://127.0.0.1:$EMU_PORT/_emulator/clock"; then
    log "the Stripe emulator's clock follows the server's ($NOW)"
  else
    log "could not set the Stripe emulator's clock to the server's"
  fi
fi
# The demo seed prints its sign-in details right after the server listens.
for _ in $(seq 100); do grep -q "^demo owner:" "$SERVER_LOG" 2>/dev/null && break; sleep 0.1; done
grep -E '^demo ' "$SERVER_LOG" >&2 || true

if [ "$SERVER_ONLY" = 1 ]; then
  log "server only: press Ctrl+C to stop"
  wait
  exit 0
fi

APP="$BUILD/app/kliv-konto"
[ -x "$APP" ] || { log "the app is not built ($APP)"; exit 1; }

if [ -n "$SHOTS" ]; then
  mkdir -p "$SHOTS" "$SHOTS/en"
  # Screenshots sign in with an operator-issued token instead of the browser.
  token_for() {
    "$BUILD/server/kliv-billingd" admin issue-token --user "$1" --data "$STATE/server" 2>/dev/null \
      | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
  }
  shoot() {  # shoot EMAIL LANG DIR SET
    KLIV_SCREENSHOT_TOKEN="$(token_for "$1")" xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
      "$APP" --server "$SERVER_URL" --lang "$2" --screenshots "$3" --screenshot-set "$4"
  }
  export KLIV_SCREENSHOT_WORKSPACE="$(sed -n 's/^demo workspace "Demo AB": \(ws_[^ ]*\)$/\1/p' "$SERVER_LOG" | head -1)"
  OWNER="$(sed -n 's/^demo owner: \([^ ]*\) .*/\1/p' "$SERVER_LOG" | head -1)"
  MEMBER="$(sed -n 's/^demo member: \([^ ]*\) .*/\1/p' "$SERVER_LOG" | head -1)"
  log "taking screenshots into $SHOTS under Xvfb: the owner in Swedish and English, a member, then offline"
  shoot "$OWNER" sv "$SHOTS" owner
  shoot "$OWNER" en "$SHOTS/en" owner
  [ -n "$MEMBER" ] && shoot "$MEMBER" sv "$SHOTS" member
  # The whole screen: the tray and a credit alert's notification (needs a
  # notification daemon and a tray to draw them: dunst and trayer).
  if command -v dunst >/dev/null && command -v trayer >/dev/null && command -v import >/dev/null; then
    SERVICE_TOKEN="$("$BUILD/server/kliv-billingd" admin issue-token --service --data "$STATE/server" 2>/dev/null \
      | sed -n 's/.*"service_token" *: *"\([^"]*\)".*/\1/p')"
    OWNER_TOKEN="$(token_for "$OWNER")"
    # The owner's member id and the credits that take the workspace past 75 % of its allowance.
    read -r OWNER_MEMBER SPEND < <(python3 - "$SERVER_URL" "$OWNER_TOKEN" "$KLIV_SCREENSHOT_WORKSPACE" <<'PY'
import json, sys, urllib.request
url, token, ws = sys.argv[1:]
get = lambda p: json.load(urllib.request.urlopen(urllib.request.Request(url + p, headers={"Authorization": "Bearer " + token})))
me = get("/v1/me")
member = next(m["member_id"] for m in me["memberships"] if m["workspace_id"] == ws)
b = get("/v1/workspaces/%s/balance" % ws)
print(member, max(1, (b["allowance"] * 3 + 3) // 4 - b["used"] + 2))
PY
)
    log "the desktop picture: a spend of $SPEND credits crosses the 75 % alert"
    KLIV_SCREENSHOT_TOKEN="$OWNER_TOKEN" xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
      bash "$(dirname "$0")/desktop-shot.sh" "$APP" "$SERVER_URL" sv "$SHOTS" "$SERVICE_TOKEN" \
        "$KLIV_SCREENSHOT_WORKSPACE" "$OWNER_MEMBER" "$SPEND" "$SHOTS/16-skrivbordet.png"
  else
    log "no picture of the desktop (tray and notification): it needs dunst and trayer (apt install dunst trayer)"
  fi
  # Offline last: the app asks (DIR/.stop-server) and the server is killed under it.
  rm -f "$SHOTS/.stop-server"
  ( for _ in $(seq 600); do [ -f "$SHOTS/.stop-server" ] && { kill -9 "$SERVER_PID" 2>/dev/null; break; }; sleep 0.1; done ) &
  shoot "$OWNER" sv "$SHOTS" offline
  rm -f "$SHOTS/.stop-server"
  log "screenshots: $(cd "$SHOTS" && ls -R | tr '\n' ' ')"
  exit 0
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  log "there is no display (DISPLAY and WAYLAND_DISPLAY are unset), so the app cannot open a window."
  log "Take screenshots of every page under Xvfb instead:  ./dev run --screenshots DIR"
  log "or keep only the server and the emulator running:  ./dev run --server-only"
  exit 1
fi
"$APP" --server "$SERVER_URL"
