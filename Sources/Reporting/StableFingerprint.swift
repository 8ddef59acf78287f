import Diagnostics

extension Finding {
  /// The finding's fingerprint, or, when the engine set none, `sha256:` + the SHA-256 of rule id, path and message
  /// (stable across runs and line moves, but not across message edits).
  var stableFingerprint: String {
    if let fingerprint { return fingerprint }
    return "sha256:" + SHA256.hex(ruleId + "\u{0}" + (path ?? "") + "\u{0}" + message)
  }
}
