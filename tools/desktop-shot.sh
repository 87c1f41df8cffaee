#!/usr/bin/env bash
# Run by tools/demo.sh inside Xvfb and its own D-Bus session: a notification
# daemon (dunst) and a tray (trayer), the app signed in with its tray icon on,
# then a spend that crosses the 75 % alert, and a picture of the whole screen.
#   desktop-shot.sh APP SERVER_URL LANG DIR SERVICE_TOKEN WORKSPACE MEMBER_ID CREDITS OUT
set -euo pipefail
APP="$1" SERVER_URL="$2" LANG_="$3" DIR="$4" SERVICE="$5" WS="$6" MEMBER="$7" CREDITS="$8" OUT="$9"
dunst >/dev/null 2>&1 &
trayer --edge bottom --align right --widthtype request --height 32 --SetDockType false >/dev/null 2>&1 &
sleep 1
rm -f "$DIR/.desktop"
"$APP" --server "$SERVER_URL" --lang "$LANG_" --screenshots "$DIR" --screenshot-set desktop --screenshot-size 1100x680 &
APP_PID=$!
for _ in $(seq 600); do [ -f "$DIR/.desktop" ] && break; sleep 0.1; done
[ -f "$DIR/.desktop" ] || { echo "the app never reached the desktop picture" >&2; exit 1; }
sleep 2
# One spend of CREDITS by the owner: the live channel carries the balance and the alert.
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $SERVICE" -H 'Content-Type: application/json' \
  -d "{\"idempotency_key\":\"desktop-shot-$(date +%s)\",\"member_id\":\"$MEMBER\",\"project\":\"Bageriet\",\"activity\":\"Ny sida\",\"credits\":$CREDITS}" \
  "$SERVER_URL/v1/workspaces/$WS/usage"
sleep 5
import -window root "$OUT"
rm -f "$DIR/.desktop"
wait "$APP_PID"
