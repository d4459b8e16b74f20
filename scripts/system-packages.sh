#!/usr/bin/env bash
# Install the Debian packages the tests need, only those that are missing:
#   chromium                     the browser Playwright drives (/usr/bin/chromium; Playwright
#                                never downloads browsers here)
#   poppler-utils                pdftotext/pdftoppm, to read generated PDFs in tests
#   libpango*, libharfbuzz-subset0, fonts-dejavu-core   what WeasyPrint loads to render PDF
#   default-jre-headless         Java for the Nu HTML Checker (vnu.jar), unless java is on the PATH
#   npm                          installs tests/tools (vnu-jar), unless npm is on the PATH
# Needs root (or passwordless sudo) when something is missing; otherwise only warns.
set -euo pipefail

PACKAGES=(chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
# A JDK or NodeSource's nodejs (which bundles npm) serves as well as Debian's packages.
command -v java >/dev/null 2>&1 || PACKAGES+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-packages: not a Debian system; make sure these are installed: ${PACKAGES[*]}" >&2
    exit 0
fi

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "system-packages: missing ${missing[*]}; install them as root:" >&2
    echo "  apt-get install -y ${missing[*]}" >&2
    exit 0
fi

echo "system-packages: installing ${missing[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
