/// Which organization documents a set is read as: `.orglint.yaml`'s `dialect:` (Docs/dialects.md). `auto`, the
/// default, reads every dialect it recognises by shape.
public enum DialectChoice: String, CaseIterable, Sendable {
  case auto
  /// orglint/v1 documents only.
  case orglint
  /// A Landing Zone Accelerator config folder only.
  case lza
  /// org-formation templates only.
  case orgFormation = "org-formation"

  /// True when this choice reads documents of `dialect`.
  public func reads(_ dialect: DialectChoice) -> Bool { self == .auto || self == dialect }
}
