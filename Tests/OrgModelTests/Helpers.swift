import Diagnostics
import LocatedYAML

@testable import OrgModel

/// Loads YAML texts as a set, each as its own file (`a.yaml`, `b.yaml`, ... unless named).
func load(_ texts: String..., paths: [String] = []) -> LoadedSet {
  let sources = texts.enumerated().map { i, text in
    SourceFile(path: i < paths.count ? paths[i] : "\(Character(Unicode.Scalar(97 + i)!)).yaml", bytes: Array(text.utf8))
  }
  return OrgSetLoader.load(sources: sources)
}

/// `ID line:col message` of a finding, the form the tests pin.
func show(_ f: Finding) -> String {
  "\(f.ruleId) \(f.range.map { "\($0.start)" } ?? "-") \(f.message)"
}

func shown(_ set: LoadedSet) -> [String] { set.findings.map(show) }

/// `path:line:col-line:col` of a location.
func show(_ l: ModelLocation) -> String { "\(l.path):\(l.range.start)-\(l.range.end)" }

let header = "apiVersion: orglint/v1\n"
