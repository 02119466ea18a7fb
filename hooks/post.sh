#!/usr/bin/env bash
# Posts one example CDS Hooks request to the service and prints the cards.
#   hooks/post.sh <request-file> [base-url]        base-url defaults to http://localhost:8080
# The service id comes from the file's "hook" (patient-view -> hypomagnesemia-patient-view, ...).
# No JWT is sent unless TOKEN is set (then: Authorization: Bearer $TOKEN); without one the service must run
# in its demo mode. Needs curl; pretty-prints with python3 when it is there, else prints the raw answer.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 <request-file> [base-url]" >&2
  exit 2
fi
file=$1
base=${2:-http://localhost:8080}
base=${base%/}
[ -r "$file" ] || { echo "cannot read $file" >&2; exit 2; }
command -v curl >/dev/null 2>&1 || { echo "curl is needed" >&2; exit 2; }

# The first "hook": "<name>" in the file (the request's top-level field; the generated files put it first).
hook=$(grep -m1 -o '"hook"[[:space:]]*:[[:space:]]*"[^"]*"' "$file" | sed 's/.*"\([^"]*\)"$/\1/')
case "$hook" in
  patient-view|order-select|order-sign) service="hypomagnesemia-$hook" ;;
  *) echo "$file: unknown or missing hook '${hook}'" >&2; exit 2 ;;
esac

url="$base/cds-services/$service"
auth=()
if [ -n "${TOKEN:-}" ]; then
  auth=(-H "Authorization: Bearer $TOKEN")
fi

body=$(mktemp)
trap 'rm -f "$body"' EXIT
status=$(curl -sS -o "$body" -w '%{http_code}' -X POST "$url" \
  -H 'Content-Type: application/json' -H 'Accept: application/json' \
  ${auth[@]+"${auth[@]}"} --data-binary @"$file")

echo "POST $url -> HTTP $status" >&2
if command -v python3 >/dev/null 2>&1 && python3 -m json.tool "$body" >/dev/null 2>&1; then
  python3 -m json.tool "$body"
else
  cat "$body"; echo
fi
case "$status" in
  2??) exit 0 ;;
  *) exit 1 ;;
esac
