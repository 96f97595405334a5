#!/usr/bin/env bash
# A stand-in for the forecast's child JVM in the API tests (asylumchain.forecast.command): it answers the contract of
# docs/forecast.md (arguments, PROGRESS lines, exit codes, forecast.json in --out) in milliseconds. The seed picks
# the behaviour: 2 refuses the scenario (exit 2), 1 fails (exit 1), 3 stops short of heap (exit 3), 99 waits for a file "release" in --out after its
# first week, 98 before its first week, while it places a start stock (PLACING lines).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
[ "$1" = "forecast" ] || { echo "first argument must be forecast, got $1" >&2; exit 1; }
shift
scenario="" out="" seed=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scenario) scenario="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --weeks|--from-now|--shards|--sample) echo "$1 $2" >> "$out/arguments.txt"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 1 ;;
  esac
done
echo "scenario $scenario" >> "$out/arguments.txt"
echo "Starting the isolated engine (a log line before the progress)"
case "$seed" in
  2) echo "scenario.inflow.FIRST: must not be negative" >&2; exit 2 ;;
  1) echo "java.lang.IllegalStateException: the engine broke" >&2; exit 1 ;;
  3) echo "java.lang.IllegalStateException: a stack trace of another thread, not the reason" >&2
     echo "forecast stopped: too little heap for this run: the collector took 91 % of the last 120 s" >&2
     echo "INFO Closing the forecast's context (a log line after the reason)" >&2; exit 3 ;;
esac
if [ "$seed" = 98 ]; then
  echo "PLACING placed=0 toPlace=54000 cpuSeconds=0.0 heapMb=310 shards=2"
  echo "PLACING placed=13500 toPlace=54000 etaSeconds=600 cpuSeconds=400.0 heapMb=1900 shards=2"
  for _ in $(seq 1 600); do [ -e "$out/release" ] && break; sleep 0.1; done
fi
echo "PROGRESS date=2023-01-02 week=1 weeks=30 cases=120 steps=4000 stepsPerSecond=2000 etaSeconds=58"
if [ "$seed" = 99 ]; then
  for _ in $(seq 1 600); do [ -e "$out/release" ] && break; sleep 0.1; done
fi
echo "PROGRESS date=2023-07-24 week=30 weeks=30 cases=22500 steps=675000 stepsPerSecond=9400 etaSeconds=0"
cp "$here/min.json" "$out/forecast.json"
printf 'week,start,inflow.FIRST\n1,2023-01-02,619\n' > "$out/weekly.csv"
echo "REPORT $out/forecast.json"
