#!/usr/bin/env bash
# Exits 0 when the app in this container answers HTTP 200 on an actuator path (default: readiness).
# The eclipse-temurin JRE image has neither curl nor wget, so this speaks HTTP/1.0 over bash's /dev/tcp.
#   healthcheck [/actuator/health/readiness]      port from $HEALTH_PORT (set by deploy/Dockerfile)
set -euo pipefail
path=${1:-/actuator/health/readiness}
port=${HEALTH_PORT:?HEALTH_PORT is not set}
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
exec 3<&-
[[ $status == HTTP/1.[01]\ 200* ]]
