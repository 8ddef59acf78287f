import Diagnostics

// The SARIF 2.1.0 object model that SARIFFormatter fills: one Codable struct per spec object, in the spec's order
// from the log down to regions (each cites its section).

/// Namespace of the SARIF 2.1.0 object model
/// (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), one `Codable` struct per spec object,
/// named after it; nil properties are left out of the JSON.
enum SARIF {
  static let version = "2.1.0"
  static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  /// The base id relative artifact URIs are resolved against.
  static let sourceRootId = "%SRCROOT%"
}

extension SARIF {
  /// §3.13 sarifLog: the top-level object.
  struct SarifLog: Codable, Hashable {
    var schema = SARIF.schemaURI
    var version = SARIF.version
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version, runs
    }
  }
}

extension SARIF {
  /// §3.14 run: one invocation of one tool, its rules and its results.
  struct Run: Codable, Hashable {
    var tool: Tool
    var invocations: [Invocation]
    var automationDetails: RunAutomationDetails?
    var originalUriBaseIds: [String: ArtifactLocation]
    /// §3.14.26: columns count Unicode code points, as orglint's locations do.
    var columnKind = "unicodeCodePoints"
    var results: [Result]
  }
}

extension SARIF {
  /// §3.18 tool: the analysis tool, described by its driver component.
  struct Tool: Codable, Hashable {
    var driver: ToolComponent
  }
}

extension SARIF {
  /// §3.19 toolComponent: orglint itself, with every rule in force.
  struct ToolComponent: Codable, Hashable {
    var name: String
    var version: String?
    var semanticVersion: String?
    var informationUri: String?
    var rules: [ReportingDescriptor]
  }
}

extension SARIF {
  /// §3.49 reportingDescriptor: one rule's metadata.
  struct ReportingDescriptor: Codable, Hashable {
    var id: String
    var name: String?
    var shortDescription: MultiformatMessageString?
    var fullDescription: MultiformatMessageString?
    var help: MultiformatMessageString?
    var helpUri: String?
    var defaultConfiguration: ReportingConfiguration?
    var properties: PropertyBag?
  }
}

extension SARIF {
  /// §3.52 reportingDescriptorReference: points at a rule of `tool.driver.rules` by id and index.
  struct ReportingDescriptorReference: Codable, Hashable {
    var id: String
    var index: Int?
  }
}

extension SARIF {
  /// §3.50 reportingConfiguration: a rule's level and whether it is enabled.
  struct ReportingConfiguration: Codable, Hashable {
    var enabled: Bool?
    var level: String?
  }
}

extension SARIF {
  /// §3.51 configurationOverride: a rule configuration the config file changed for this run.
  struct ConfigurationOverride: Codable, Hashable {
    var configuration: ReportingConfiguration
    var descriptor: ReportingDescriptorReference
  }
}

extension SARIF {
  /// §3.12 multiformatMessageString: text with an optional Markdown rendering (rule descriptions and help).
  struct MultiformatMessageString: Codable, Hashable {
    var text: String
    var markdown: String?
  }
}

extension SARIF {
  /// §3.11 message: plain text shown to the user.
  struct Message: Codable, Hashable {
    var text: String
  }
}

extension SARIF {
  /// §3.8 propertyBag: a rule's tags and GitHub code scanning's `security-severity` ("9.0").
  struct PropertyBag: Codable, Hashable {
    var tags: [String]?
    var securitySeverity: String?

    enum CodingKeys: String, CodingKey {
      case tags
      case securitySeverity = "security-severity"
    }
  }
}

extension SARIF {
  /// §3.20 invocation: how the run went (exit code, configuration problems, overrides from the config file).
  struct Invocation: Codable, Hashable {
    var executionSuccessful: Bool
    var exitCode: Int
    var ruleConfigurationOverrides: [ConfigurationOverride]?
    var toolConfigurationNotifications: [Notification]?
    var toolExecutionNotifications: [Notification]?
  }
}

extension SARIF {
  /// §3.58 notification: a problem with the run itself (a bad config or rule file, truncated results).
  struct Notification: Codable, Hashable {
    var level: String
    var message: Message
    var locations: [Location]?
    var associatedRule: ReportingDescriptorReference?
  }
}

extension SARIF {
  /// §3.17 runAutomationDetails: identifies the run's category (code scanning's `category`).
  struct RunAutomationDetails: Codable, Hashable {
    var id: String
  }
}

extension SARIF {
  /// §3.27 result: one finding, or (`kind: "open"`, `level: "none"`) one check that could not be judged.
  struct Result: Codable, Hashable {
    var ruleId: String
    var ruleIndex: Int
    /// §3.27.9: nil means `fail`; `open` for a check not judged.
    var kind: String?
    var level: String
    var message: Message
    var locations: [Location]?
    var relatedLocations: [Location]?
    var partialFingerprints: [String: String]
    var suppressions: [Suppression]?
    var baselineState: String?
    var fixes: [Fix]? = nil
  }
}

extension SARIF {
  /// §3.55 fix: a proposed repair of a result, as replacements in files (§3.56 artifactChange, §3.57 replacement).
  struct Fix: Codable, Hashable {
    var description: Message
    var artifactChanges: [ArtifactChange]
  }

  /// §3.56 artifactChange: the replacements in one file.
  struct ArtifactChange: Codable, Hashable {
    var artifactLocation: ArtifactLocation
    var replacements: [Replacement]
  }

  /// §3.57 replacement: a region removed and the text put in its place (an empty region inserts).
  struct Replacement: Codable, Hashable {
    var deletedRegion: Region
    var insertedContent: ArtifactContent?
  }

  /// §3.3 artifactContent, as text.
  struct ArtifactContent: Codable, Hashable {
    var text: String
  }
}

extension SARIF {
  /// §3.35 suppression: why a result is not counted (an in-source comment or the config's central list).
  struct Suppression: Codable, Hashable {
    var kind: String
    var status = "accepted"
    var justification: String?
    var location: Location?
  }
}

extension SARIF {
  /// §3.28 location: where a result, related evidence or notification is, physically and logically.
  struct Location: Codable, Hashable {
    var id: Int?
    var physicalLocation: PhysicalLocation?
    var logicalLocations: [LogicalLocation]?
    var message: Message?
  }
}

extension SARIF {
  /// §3.29 physicalLocation: a file and a region of it.
  struct PhysicalLocation: Codable, Hashable {
    var artifactLocation: ArtifactLocation
    var region: Region?
  }
}

extension SARIF {
  /// §3.4 artifactLocation: a file, as a URI (relative ones resolved against `uriBaseId`).
  struct ArtifactLocation: Codable, Hashable {
    var uri: String?
    var uriBaseId: String?
    var description: Message?
  }
}

extension SARIF {
  /// Turns display paths into SARIF artifact URIs: forward slashes, no leading `./`, RFC 3986 percent-encoding.
  enum ArtifactURI {
    /// The artifact location of `path`: relative to `%SRCROOT%`, or a `file://` URI when the path is absolute.
    static func location(of path: String) -> ArtifactLocation {
      var p = path.replacingAll("\\", with: "/")
      while p.hasPrefix("./") { p.removeFirst(2) }
      if p.hasPrefix("/") { return ArtifactLocation(uri: FileURI.uri(ofPath: p)) }
      return ArtifactLocation(uri: FileURI.percentEncoded(p), uriBaseId: SARIF.sourceRootId)
    }
  }
}

extension String {
  /// `self` with every occurrence of `target` replaced (Foundation-free).
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}

extension SARIF {
  /// §3.30 region: 1-based lines and code-point columns; `endColumn` is exclusive. A fix's regions also give the bytes
  /// (`byteOffset`, `byteLength`: the same span, counted from the file's first byte).
  struct Region: Codable, Hashable {
    var startLine: Int
    var startColumn: Int?
    var endLine: Int?
    var endColumn: Int?
    var byteOffset: Int? = nil
    var byteLength: Int? = nil
  }
}

extension SARIF {
  /// §3.33 logicalLocation: the model entity a finding is about (`organization/o-…/account/…/root/password`).
  struct LogicalLocation: Codable, Hashable {
    var fullyQualifiedName: String
  }
}
