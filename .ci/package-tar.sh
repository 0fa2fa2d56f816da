#!/usr/bin/env bash
# The portable tar.gz: the release binary, the app icon and the licence files.
#   bash .ci/package-tar.sh        -> target/packages/salesdesk-<version>-<arch>-linux.tar.gz
# Builds the release binary first (slow); CARGO_TARGET_DIR is honoured. Not part of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
name="salesdesk-${version}-$(uname -m)-linux"
cargo build --release --bin salesdesk
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name"
install -m 755 "$target/release/salesdesk" "$stage/$name/salesdesk"
install -m 644 assets/icon.png "$stage/$name/salesdesk.png"
install -m 644 assets/linux/salesdesk.desktop "$stage/$name/salesdesk.desktop"
install -m 644 LICENSE "$stage/$name/LICENSE"
install -m 644 assets/fonts/OFL.txt "$stage/$name/OFL-NotoSansSC.txt"
install -m 644 README.md "$stage/$name/README.md"
mkdir -p target/packages
tar -C "$stage" -czf "target/packages/$name.tar.gz" "$name"
echo "target/packages/$name.tar.gz"
