#!/usr/bin/env bash
# Installs the real editors the end-to-end suites drive (test/e2e/README.md):
#   - code-server 4.100.3 (VS Code 1.100 served to a browser) from the npm registry, into the
#     git-ignored .vscode-test/code-server/ of this repository;
#   - Debian's chromium (the browser that shows it), neovim (a second LSP client) and ripgrep.
#
# Idempotent and fast when cached: each part is skipped when it is already there.
# Runs as root on a fresh machine and in CI (CI=true, no stdin): nothing asks a question.
# It downloads nothing but npm packages and Debian packages; see "No downloads" below.
#
# Environment:
#   TRACKPLAN_CODE_SERVER_DIR   install prefix (default: <repo>/.vscode-test/code-server)
#   TRACKPLAN_E2E_SKIP_APT=1    never call apt-get (fail if a Debian package is missing)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# code-server 4.100.3 bundles @vscode/ripgrep 1.15.11, which fetches ripgrep v13.0.0-10 (see below).
RIPGREP_PACKAGE_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
prefix="${TRACKPLAN_CODE_SERVER_DIR:-$repo/.vscode-test/code-server}"
bin="$prefix/node_modules/.bin/code-server"
stamp="$prefix/.trackplan-installed-$CODE_SERVER_VERSION"

log() { printf '[install-code-server] %s\n' "$*" >&2; }
started=$SECONDS

# ---------------------------------------------------------------------------------------------
# 1. Debian packages. The -dev packages are the headers code-server's native modules
#    (kerberos, native-keymap, node-pty, …) compile against when no prebuilt binary applies.
# ---------------------------------------------------------------------------------------------
debian_packages=(chromium neovim ripgrep libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config)
missing=()
for package in "${debian_packages[@]}"; do
	dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
	if [[ "${TRACKPLAN_E2E_SKIP_APT:-}" == 1 ]]; then
		log "missing Debian packages: ${missing[*]} (TRACKPLAN_E2E_SKIP_APT=1, so not installing)"
		exit 1
	fi
	if [[ "$(id -u)" != 0 ]]; then
		log "missing Debian packages: ${missing[*]}; run as root, or: sudo apt-get install -y ${missing[*]}"
		exit 1
	fi
	log "apt-get install ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq </dev/null
	apt-get install -y -qq -o Dpkg::Use-Pty=0 "${missing[@]}" </dev/null >/dev/null
	log "Debian packages installed ($((SECONDS - started)) s)"
fi
for tool in /usr/bin/chromium /usr/bin/nvim /usr/bin/rg; do
	[[ -x "$tool" ]] || { log "expected $tool after installing the Debian packages"; exit 1; }
done

# ---------------------------------------------------------------------------------------------
# 2. code-server from the npm registry, cached under .vscode-test/.
# ---------------------------------------------------------------------------------------------
if [[ -f "$stamp" && -x "$bin" ]] && "$bin" --version >/dev/null 2>&1; then
	log "code-server $CODE_SERVER_VERSION already installed in $prefix ($((SECONDS - started)) s)"
	exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if ((node_major != 20)); then
	log "warning: code-server $CODE_SERVER_VERSION expects Node 20; this is Node $(node --version)"
fi

# No downloads. code-server's install would otherwise reach beyond the npm registry in these places:
#  - @vscode/ripgrep's postinstall downloads rg from GitHub releases unless its cache already
#    holds the asset: pre-seed the cache with Debian's /usr/bin/rg (same file name, same layout).
ripgrep_cache="$(node -p "require('os').tmpdir()")/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
if [[ ! -s "$ripgrep_cache/$RIPGREP_ASSET" ]]; then
	mkdir -p "$ripgrep_cache"
	staging="$(mktemp -d)"
	cp /usr/bin/rg "$staging/rg"
	tar czf "$ripgrep_cache/$RIPGREP_ASSET" -C "$staging" rg
	rm -rf "$staging"
fi
#  - node-gyp downloads Node's headers from nodejs.org unless told where they are: use the
#    headers Node ships (/usr/include/node on these machines).
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node_version.h ]]; then
	export npm_config_nodedir=/usr
fi
#  - argon2 (node-pre-gyp) and kerberos (prebuild-install) first try a prebuilt binary from
#    GitHub releases, then compile when that fails: build_from_source skips the download attempt
#    (it also makes @parcel/watcher compile instead of using its npm-shipped prebuilt binary).
export npm_config_build_from_source=true
#  - npm_config_yes: node-pty's install script calls npx, which would otherwise wait for a "yes";
#    npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it.
export npm_config_yes=true npm_config_unsafe_perm=true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel="${npm_config_loglevel:-warn}"

# Start clean, but only ever delete a folder this script made (TRACKPLAN_CODE_SERVER_DIR may point anywhere).
if [[ -e "$prefix" && -n "$(ls -A "$prefix" 2>/dev/null)" ]] && ! grep -qs '"trackplan-e2e-code-server"' "$prefix/package.json"; then
	log "$prefix exists and was not made by this script; refusing to replace it"
	exit 1
fi
rm -rf "$prefix"
mkdir -p "$prefix"
log "npm install code-server@$CODE_SERVER_VERSION into $prefix (a few minutes, ~300 MB)"
# A package.json of its own, so npm never walks up to this repository's package.json/lockfile.
# allowScripts: npm 11 reviews dependency install scripts; these two must run (code-server's
# postinstall installs VS Code's own dependencies into lib/vscode, argon2 builds its addon).
cat >"$prefix/package.json" <<'JSON'
{
  "name": "trackplan-e2e-code-server",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
npm install --prefix "$prefix" --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION" </dev/null

# The postinstall must have run: without it code-server starts but VS Code has no node_modules.
vscode_dir="$prefix/node_modules/code-server/lib/vscode"
for built in node_modules/node-pty/build/Release/pty.node node_modules/@vscode/ripgrep/bin/rg node_modules.asar; do
	if [[ ! -e "$vscode_dir/$built" ]]; then
		log "code-server's postinstall did not complete: $vscode_dir/$built is missing"
		log "(were install scripts skipped? see npm's allowScripts / ignore-scripts settings)"
		exit 1
	fi
done
"$bin" --version >/dev/null
touch "$stamp"
log "code-server $("$bin" --version | head -1) installed in $prefix ($((SECONDS - started)) s)"
