#!/usr/bin/env bash
# Vendor the front-end packages into static/vendor/ (the product runs offline: no CDN).
#
# Versions are pinned here; to upgrade, change a version, run `make vendor`, check the
# pages and commit static/vendor/. Only the files the templates and tests use are copied,
# together with each package's licence. Needs npm (the registry, not node_modules).
#
# Layout (the paths templates/base.html and the browser tests refer to):
#   static/vendor/utrecht/design-tokens.css       @utrecht/design-tokens dist/theme.css
#                                                 (tokens under the .utrecht-theme class)
#   static/vendor/utrecht/component-library.css   @utrecht/component-library-css dist/index.css
#   static/vendor/htmx/htmx.min.js                htmx.org dist/htmx.min.js
#   static/vendor/axe-core/axe.min.js             axe-core (accessibility checks in e2e tests)
#   static/vendor/VERSIONS.txt                    package@version of everything above
set -euo pipefail

UTRECHT_COMPONENTS_VERSION=9.0.4
UTRECHT_TOKENS_VERSION=5.0.1
HTMX_VERSION=2.0.11 # stay on 2.x: htmx 4 is a different API
AXE_VERSION=4.14.1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/static/vendor"

command -v npm >/dev/null || {
    echo "vendor-static: npm is needed (apt-get install npm)" >&2
    exit 1
}

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Fetch one package tarball with `npm pack` and unpack it to $WORK/<name>/package.
fetch() {
    local spec="$1" name="$2"
    mkdir -p "$WORK/$name"
    local tgz
    tgz="$(cd "$WORK/$name" && npm pack --silent "$spec" 2>/dev/null | tail -n 1)"
    tar -xzf "$WORK/$name/$tgz" -C "$WORK/$name"
    echo "$spec" >>"$WORK/VERSIONS.txt"
}

fetch "@utrecht/component-library-css@$UTRECHT_COMPONENTS_VERSION" components
fetch "@utrecht/design-tokens@$UTRECHT_TOKENS_VERSION" tokens
fetch "htmx.org@$HTMX_VERSION" htmx
fetch "axe-core@$AXE_VERSION" axe

rm -rf "$DEST"
mkdir -p "$DEST/utrecht" "$DEST/htmx" "$DEST/axe-core"

cp "$WORK/components/package/dist/index.css" "$DEST/utrecht/component-library.css"
cp "$WORK/components/package/LICENSE.md" "$DEST/utrecht/LICENSE-component-library-css.md"
cp "$WORK/tokens/package/dist/theme.css" "$DEST/utrecht/design-tokens.css"
cp "$WORK/tokens/package/LICENSE.md" "$DEST/utrecht/LICENSE-design-tokens.md"

cp "$WORK/htmx/package/dist/htmx.min.js" "$DEST/htmx/htmx.min.js"
cp "$WORK/htmx/package/LICENSE" "$DEST/htmx/LICENSE"

cp "$WORK/axe/package/axe.min.js" "$DEST/axe-core/axe.min.js"
cp "$WORK/axe/package/LICENSE" "$DEST/axe-core/LICENSE"
cp "$WORK/axe/package/LICENSE-3RD-PARTY.txt" "$DEST/axe-core/LICENSE-3RD-PARTY.txt"

{
    echo "# Vendored by scripts/vendor-static.sh from the npm registry; do not edit by hand."
    cat "$WORK/VERSIONS.txt"
} >"$DEST/VERSIONS.txt"

echo "vendor-static: wrote $(find "$DEST" -type f | wc -l) files to static/vendor/"
cat "$DEST/VERSIONS.txt"
