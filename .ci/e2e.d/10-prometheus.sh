#!/usr/bin/env bash
# A real Prometheus scrapes the running application ($APP_URL) with the alert rules loaded; after a few cases are
# registered, every query of every Grafana dashboard panel must return data from Prometheus's HTTP API.
# Metrics listed in monitoring/pending-metrics.txt (other modules' metrics not merged yet) are reported as PENDING;
# one that is listed there but does exist fails the check, so the list cannot go stale.
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${APP_URL:?APP_URL must point at the running application}"
command -v prometheus > /dev/null || { echo "prometheus is not installed (.ci/run installs Debian's package)"; exit 1; }

work=$(mktemp -d)
prom_pid=
cleanup() {
  if [ -n "$prom_pid" ]; then kill "$prom_pid" 2>/dev/null || true; wait "$prom_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
export PROM_URL="http://127.0.0.1:${port}"
target=${APP_URL#*://}
cp monitoring/prometheus/alerts.yml "$work/alerts.yml"
cat > "$work/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - alerts.yml
scrape_configs:
  - job_name: asylum-chain
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: ["${target}"]
YAML

prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:${port}" > "$work/prometheus.log" 2>&1 &
prom_pid=$!
for _ in $(seq 1 60); do
  if curl -fs "$PROM_URL/-/ready" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$prom_pid" 2>/dev/null; then echo "Prometheus did not start:"; cat "$work/prometheus.log"; exit 1; fi
  sleep 0.5
done
curl -fs "$PROM_URL/-/ready" > /dev/null || { echo "Prometheus is not ready:"; tail -n 30 "$work/prometheus.log"; exit 1; }
echo "Prometheus $(prometheus --version 2>&1 | head -n 1 | awk '{print $3}') on $PROM_URL scrapes $APP_URL every second"

# a first scrape before the cases, so that increase() and rate() see the counters move
sleep 2
for i in 1 2 3; do
  status=$(curl -s -o "$work/case-$i.json" -w '%{http_code}' -u agent:demo -H 'Content-Type: application/json' \
    "$APP_URL/api/cases" -d '{
      "person": {"familyName": "Prometheus", "givenNames": "Test", "birthDate": "1990-01-0'"$i"'", "sex": "X", "nationality": "SYR"},
      "applicationType": "FIRST", "arrival": {"location": "TER_APEL", "date": "2026-01-05"},
      "unaccompaniedMinor": false, "temporaryProtectionUkraine": false, "familyMembersAbroad": []}')
  [ "$status" = 201 ] || { echo "registering case $i answered $status: $(cat "$work/case-$i.json")"; exit 1; }
done
echo "registered 3 cases"

python3 - <<'PY'
import glob, json, os, re, sys, time, urllib.parse, urllib.request

prom = os.environ["PROM_URL"]

def query(expr):
    url = prom + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    with urllib.request.urlopen(url, timeout=10) as response:
        body = json.load(response)
    if body.get("status") != "success":
        raise RuntimeError(body.get("error", body))
    return body["data"]["result"]

# wait until Prometheus has scraped the three new cases entering registration (asylum_cases_registered_total
# counts an application only when it is signed at I&R, a task later), then for two more scrapes
deadline = time.time() + 60
while True:
    result = query('sum(asylum_stages_entered_total{stage="registration"})')
    if result and float(result[0]["value"][1]) >= 3:
        break
    if time.time() > deadline:
        sys.exit("Prometheus did not see the 3 registered cases within 60 s: " + json.dumps(result))
    time.sleep(1)
time.sleep(2.5)

pending = set()
with open("monitoring/pending-metrics.txt") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            pending.add(line.replace(".", "_"))

SUFFIX = re.compile(r"_(total|seconds_count|seconds_sum|seconds_bucket|seconds_max|seconds)$")
def base(name):
    return SUFFIX.sub("", name)

VARIABLES = {"$__rate_interval": "1m", "$__range": "1h", "$__interval": "15s", "${__rate_interval}": "1m"}

rows, failures = [], []
for path in sorted(glob.glob("monitoring/grafana/dashboards/*.json")):
    dashboard = json.load(open(path))
    panels = []
    for panel in dashboard["panels"]:
        panels.append(panel)
        panels.extend(panel.get("panels", []))  # collapsed rows keep their panels inside
    for panel in panels:
        for target in panel.get("targets", []):
            expr = target.get("expr")
            if not expr:
                continue
            for variable, value in VARIABLES.items():
                expr = expr.replace(variable, value)
            if "$" in expr:
                failures.append(f"{os.path.basename(path)} / {panel['title']}: unreplaced variable in {expr}")
                continue
            names = {base(n) for n in re.findall(r"\basylum_[a-z0-9_]+", expr)}
            where = f"{os.path.basename(path)[:-5]} / {panel['title']} / {target['refId']}"
            if names and names <= pending:
                present = [n for n in sorted(names) if query('count({__name__=~"%s(_total|_seconds.*)?"})' % n)]
                if present:
                    failures.append(f"{where}: {', '.join(present)} listed in pending-metrics.txt but scraped: "
                                    "remove it from the list")
                    rows.append(("FAIL", where, "pending metric exists"))
                else:
                    rows.append(("PENDING", where, ", ".join(sorted(names))))
                continue
            try:
                result = query(expr)
            except Exception as e:  # noqa: BLE001 - report every failing query, not just the first
                failures.append(f"{where}: query error {e}: {expr}")
                rows.append(("FAIL", where, "query error"))
                continue
            if not result:
                failures.append(f"{where}: no data for {expr}")
                rows.append(("FAIL", where, "no data"))
            else:
                rows.append(("OK", where, f"{len(result)} series"))

rules = json.load(urllib.request.urlopen(prom + "/api/v1/rules", timeout=10))["data"]["groups"]
rule_count = sum(len(g["rules"]) for g in rules)
broken = [r["name"] for g in rules for r in g["rules"] if r.get("health") == "err"]
for name in broken:
    failures.append(f"alert rule {name} does not evaluate: " + str([r.get("lastError") for g in rules for r in g["rules"] if r["name"] == name]))

width = max(len(r[1]) for r in rows)
for status, where, detail in rows:
    print(f"{status:8} {where:{width}}  {detail}")
counts = {s: sum(1 for r in rows if r[0] == s) for s in ("OK", "PENDING", "FAIL")}
print(f"panel queries: {counts['OK']} with data, {counts['PENDING']} pending other modules, {counts['FAIL']} failed; "
      f"{rule_count} alert rules loaded, {len(broken)} broken")
if failures:
    print("\n".join(failures))
    sys.exit(1)
PY
