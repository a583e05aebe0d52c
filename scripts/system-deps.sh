#!/usr/bin/env bash
# What the tests and chart exports need beyond the venv. Debian packages: Chromium (browser tests,
# kaleido), DejaVu fonts (Latin and Cyrillic in exports), poppler-utils (pdftoppm opens exported PDFs),
# node and npm (the OpenID provider of the sign-in test), nginx (the two-process proxy test and
# make serve). Then the npm packages of the tests, exactly as tests/oidc/package-lock.json (the provider)
# and tests/axe/package-lock.json (axe-core) pin them.
# Installs only what is missing; needs root (or sudo) and Debian's package registry.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# npm ci again only when the lock file changed since the last install: the test OpenID provider
# (tests/oidc) and axe-core for the accessibility test (tests/axe).
for folder in oidc axe; do
  dir="$here/tests/$folder"
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed" 2>/dev/null; then
    echo "installing the test npm packages (npm ci in tests/$folder)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed"
  fi
done
