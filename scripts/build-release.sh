#!/usr/bin/env bash
# Builds the release tarball of orglint for Linux: a binary that runs on a machine without Swift or libyaml.
#
#   scripts/build-release.sh [OUT_DIR]     (default OUT_DIR: dist/)
#
# writes OUT_DIR/orglint-<version>-linux-<arch>.tar.gz and OUT_DIR/orglint-<version>-linux-<arch>.tar.gz.sha256
# (`sha256sum -c` format). The tarball holds orglint-<version>-linux-<arch>/ with `orglint`, README.md and the
# licences of what is linked in.
#
# What is built is the committed HEAD, exported to a temporary folder (uncommitted changes are not in a release),
# where Sources/orglint/BuildCommit.swift is rewritten with the commit's hash so that `orglint --version` names it;
# the checkout is never modified. The build is `swift build -c release --static-swift-stdlib`, and libyaml is linked
# from its static archive (Debian's libyaml-dev ships libyaml.a): the binary needs only the C library. The script
# checks that with the binary's dynamic section and runs it with an empty environment before packing.
#
# Static libyaml: the CYAML module finds libyaml through pkg-config (`-L<libdir> -lyaml`), and a linker given
# `-L/usr/lib/... -lyaml` takes libyaml.so. The script puts a copy of yaml-0.1.pc first on PKG_CONFIG_PATH whose
# libdir is a folder holding only libyaml.a, so `-lyaml` can only mean the archive; the repository is unchanged.
#
# Needs: Swift 6, libyaml-dev (libyaml.a), pkg-config, git, tar, gzip, sha256sum, readelf (binutils).
# Environment: ORGLINT_RELEASE_SCRATCH, the build folder (default .build-release/, reused between runs).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$repo/dist}"
scratch="${ORGLINT_RELEASE_SCRATCH:-$repo/.build-release}"
fail() { echo "build-release: error: $*" >&2; exit 2; }

commit="$(git -C "$repo" rev-parse HEAD)" || fail "not a git checkout: $repo"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "build-release: note: uncommitted changes are not in the release; building HEAD $commit" >&2
fi
version="$(git -C "$repo" show HEAD:Sources/orglint/Orglint.swift |
  sed -n 's/^  static let current = "\([0-9A-Za-z.+-]*\)"$/\1/p')"
[ -n "$version" ] || fail "no 'static let current = \"...\"' in Sources/orglint/Orglint.swift"
case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) arch="$(uname -m)" ;;
esac
name="orglint-$version-linux-$arch"

libdir="$(pkg-config --variable=libdir yaml-0.1)" || fail "pkg-config finds no yaml-0.1: install libyaml-dev pkg-config"
[ -f "$libdir/libyaml.a" ] || fail "$libdir/libyaml.a not found: install libyaml-dev (it ships the static archive)"

work="$(mktemp -d "${TMPDIR:-/tmp}/orglint-release.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# The export lives in the scratch folder at a fixed path: `git archive` gives every file the commit's time, so a
# second run of the same commit recompiles only BuildCommit.swift.
src="$scratch/export"
rm -rf "$src" "$scratch/static"
mkdir -p "$src" "$scratch/static/pkgconfig" "$work/stage/$name/licenses" "$out"
git -C "$repo" archive --format=tar "$commit" | tar -x -C "$src"
cat >"$src/Sources/orglint/BuildCommit.swift" <<EOF
/// The commit this binary was built from (written by scripts/build-release.sh).
enum BuildCommit {
  static let hash: String? = "$commit"
}
EOF
ln -s "$libdir/libyaml.a" "$scratch/static/libyaml.a"
sed "s|^libdir=.*|libdir=$scratch/static|" "$(pkg-config --variable=pcfiledir yaml-0.1)/yaml-0.1.pc" \
  >"$scratch/static/pkgconfig/yaml-0.1.pc"
export PKG_CONFIG_PATH="$scratch/static/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

echo "build-release: building orglint $version ($commit) for linux-$arch" >&2
swift build --package-path "$src" --scratch-path "$scratch" -c release --static-swift-stdlib --product orglint
binary="$(swift build --package-path "$src" --scratch-path "$scratch" -c release --show-bin-path)/orglint"

# Only the C library and the loader may remain dynamic: no libswift*, libFoundation*, libicu* or libyaml.
needed="$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')"
echo "build-release: dynamic libraries: $(echo $needed)" >&2
for library in $needed; do
  case "$library" in
    libc.so.* | libm.so.* | libdl.so.* | libpthread.so.* | librt.so.* | libutil.so.* | ld-linux*.so.*) ;;
    libstdc++.so.* | libgcc_s.so.*) ;;  # part of every Linux distribution's base system
    *) fail "$binary needs $library: it would not run without it" ;;
  esac
done
reported="$(env -i "$binary" --version)"
[ "$reported" = "$version (commit $commit)" ] || fail "the binary reports '$reported', expected '$version (commit $commit)'"

cp "$binary" "$work/stage/$name/orglint"
strip "$work/stage/$name/orglint" 2>/dev/null || true
cp "$repo/README.md" "$work/stage/$name/README.md"
cp "$(dirname "$(dirname "$(command -v swift)")")/share/swift/LICENSE.txt" "$work/stage/$name/licenses/swift.txt" 2>/dev/null ||
  fail "the Swift toolchain's share/swift/LICENSE.txt not found"
cp "$scratch/checkouts/swift-argument-parser/LICENSE.txt" "$work/stage/$name/licenses/swift-argument-parser.txt"
cp /usr/share/doc/libyaml-dev/copyright "$work/stage/$name/licenses/libyaml.txt" 2>/dev/null ||
  cp "$(find /usr/share/doc -path '*libyaml*' -name copyright | head -1)" "$work/stage/$name/licenses/libyaml.txt" ||
  fail "libyaml's copyright file not found under /usr/share/doc"

# Reproducible archive: sorted names, fixed owner, the commit's time as every file's time, no gzip timestamp.
stamp="$(git -C "$repo" show -s --format=%ct "$commit")"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" -C "$work/stage" -cf - "$name" |
  gzip -n -9 >"$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
echo "$out/$name.tar.gz"
