import Diagnostics

/// The built-in rules, embedded from `Rules/*.yaml` at build time (see `scripts/embed-rules.py`), so the binary
/// needs no source tree at run time.
public enum BuiltinRules {
  /// The built-in rule files as source files, with their repository paths.
  public static var sources: [SourceFile] {
    files.map { SourceFile(path: $0.path, bytes: Array(($0.text + "\n").utf8)) }
  }
}
