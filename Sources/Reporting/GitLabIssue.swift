/// One issue of GitLab Code Quality's report (the subset of the Code Climate issue format GitLab reads).
public struct GitLabIssue: Codable, Hashable, Sendable {
  /// `location.path` and `location.lines.begin`.
  public struct Location: Codable, Hashable, Sendable {
    /// The first line of the issue.
    public struct Lines: Codable, Hashable, Sendable {
      public var begin: Int
    }
    public var path: String
    public var lines: Lines
  }

  public var type = "issue"
  public var checkName: String
  public var description: String
  public var categories: [String]
  public var fingerprint: String
  /// `info`, `minor`, `major`, `critical` or `blocker`.
  public var severity: String
  public var location: Location

  enum CodingKeys: String, CodingKey {
    case type, description, categories, fingerprint, severity, location
    case checkName = "check_name"
  }
}
