#!/usr/bin/env bash
# Browser tests of case handling (Tasklist filters and forms, the case view) in Debian's Chromium, driven by
# playwright-core from package.json. Needs APP_URL (set by .ci/e2e). Screenshots go to target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium > /dev/null
fi
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

mkdir -p target/e2e
node src/test/e2e/case-handling.test.mjs
