/// The commit this binary was built from, shown by `orglint --version`.
///
/// nil in the repository, so a plain `swift build` says "unknown commit". `scripts/build-release.sh` builds from an
/// export of the commit and rewrites this file there with the commit's hash; the repository copy never changes.
enum BuildCommit {
  static let hash: String? = nil
}
