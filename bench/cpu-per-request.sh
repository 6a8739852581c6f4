#!/usr/bin/env bash
# CPU time of a running app process per request, for one URL: the process's user + system time (from
# /proc/PID/stat) before and after N requests sent by `hey` with 4 connections, divided by N. Much less sensitive
# to other load on the machine than response times (see bench/README.md, "web", CPU per request).
#
# usage: bench/cpu-per-request.sh PID N "Header: value" URL
#   e.g. bench/cpu-per-request.sh 1234 300 "Cookie: .AspNetCore.Identity.Application=…" http://127.0.0.1:5190/week
set -euo pipefail
pid=$1 n=$2 header=$3 url=$4
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks)
codes=$(hey -n "$n" -c 4 -disable-redirects -H "$header" "$url" | grep -E '^\s+\[[0-9]+\]' | tr -s ' ' | tr '\n' ' ')
after=$(ticks)
awk -v a="$before" -v b="$after" -v n="$n" -v hz="$hz" -v u="$url" -v c="$codes" \
  'BEGIN { printf "%s: %.2f CPU-ms/request (status:%s)\n", u, (b - a) * 1000 / hz / n, c }'
