# Shared by scripts/serve and scripts/test: install what is missing, skip what is there.
# Everything comes from the package registries (crates.io, npm, Debian); nothing else is fetched.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# Must equal the wasm-bindgen version pinned in Cargo.toml (and so in Cargo.lock).
WASM_BINDGEN_VERSION="$(grep -E '^wasm-bindgen = "=' "$ROOT/Cargo.toml" | sed -E 's/.*"=([0-9.]+)".*/\1/')"

export PATH="$HOME/.cargo/bin:$ROOT/scripts/tools/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    say "Installing Trunk $TRUNK_VERSION (compiles from source, about 5 minutes)"
    # --locked: without it Trunk 0.21 fails to compile (lightningcss/cssparser mismatch).
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION" \
     || ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
    # No --locked: one dependency in its lock file is missing from the registry.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
}

ensure_wasm_opt() {
  if [ ! -x "$ROOT/scripts/tools/node_modules/.bin/wasm-opt" ]; then
    say "Installing wasm-opt (npm package binaryen)"
    (cd "$ROOT/scripts/tools" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "Installing Chromium and ChromeDriver (Debian packages)"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# The Russian and Chinese print views are checked as PDFs (tests/e2e/i18n.test.mjs): Chromium
# needs CJK glyphs, which a minimal Debian lacks (tofu boxes instead of 客户计划书).
ensure_cjk_fonts() {
  if ! fc-list 2>/dev/null | grep -qi 'cjk'; then
    say "Installing Noto CJK fonts (Debian package fonts-noto-cjk)"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-noto-cjk >/dev/null
  fi
}

ensure_e2e_packages() {
  # exceljs reads the app's .xlsx export back in its e2e test (an independent reader).
  if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$ROOT/tests/e2e/node_modules/exceljs" ]; then
    say "Installing playwright-core and exceljs (npm; Debian's Chromium is used, no browser is downloaded)"
    (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# rustfmt and clippy come with the machine's toolchain; added if a minimal profile left them out.
ensure_lint_tools() {
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    say "Adding rustfmt and clippy to the toolchain"
    rustup component add rustfmt clippy
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
}

# Size of an optimised wasm of the build, raw and gzipped, in bytes: "RAW GZIP FILE". The
# argument names the binary: kam-planner (the page, the default) or import-worker (the import's
# Web Worker). Trunk names the page's wasm with a content hash, the worker's without.
wasm_size() {
  local bin="${1:-kam-planner}" wasm
  wasm=""
  for f in "$ROOT"/dist/"$bin"_bg.wasm "$ROOT"/dist/"$bin"-*_bg.wasm; do
    if [ -f "$f" ]; then wasm="$f"; break; fi
  done
  [ -n "$wasm" ] || { echo "no $bin wasm in dist/" >&2; return 1; }
  printf '%s %s %s\n' "$(stat -c %s "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)" "$wasm"
}
