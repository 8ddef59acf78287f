import Diagnostics

/// Writes a `JSONReport` straight into UTF-8 bytes through `PrettyJSONWriter`, byte for byte what `StableJSON.encode`
/// (Foundation's JSONEncoder, pretty-printed, sorted keys, unescaped slashes) gives, without its intermediate tree: a
/// 50,000-account run has ~66,000 findings, and the encoder spent more time and memory on them than the rules did
/// (Docs/benchmarks.md).
///
/// Keys are written in sorted order by hand. A field added to `JSONFinding` (or the other report types) must be added
/// here too: JSONReportWriterTests compares the two writers on fully populated reports and counts the fields.
enum JSONReportWriter {
  /// The report as text, with the final newline `StableJSON` adds.
  static func render(_ report: JSONReport) -> String {
    var w = PrettyJSONWriter(capacity: 64 + report.findings.count * 600)
    w.write(report)
    w.finish()
    return String(decoding: w.bytes, as: UTF8.self)
  }

  /// Writes `JSONReport(report)` to `output` a chunk at a time, converting each finding as it is written (the
  /// findings' JSON shapes are never all held at once).
  static func write(_ report: Report, to output: (UnsafeRawBufferPointer) -> Void) {
    let envelope = JSONReport(report, findings: false)
    withoutActuallyEscaping(output) { output in
      var w = PrettyJSONWriter(output: output)
      w.write(envelope, findings: report.findingsInReportOrder.lazy.map(JSONFinding.init))
      w.finish()
    }
  }
}

extension PrettyJSONWriter {
  mutating func write(_ r: JSONReport) { write(r, findings: r.findings) }

  /// `r` with `findings` in place of its own.
  mutating func write(_ r: JSONReport, findings: some Sequence<JSONFinding>) {
    object {
      $0.key("findings") { $0.array(findings) { $0.write($1) } }
      $0.key("invocation") { w in
        w.object {
          $0.key("configurationProblems") { $0.array(r.invocation.configurationProblems) { $0.write($1) } }
          $0.key("exitCode") { $0.int(r.invocation.exitCode) }
          $0.key("toolVersion") { $0.string(r.invocation.toolVersion) }
        }
      }
      $0.key("notJudged") { $0.array(r.notJudged) { $0.write($1) } }
      $0.key("summary") { $0.write(r.summary) }
      $0.key("version") { $0.int(r.version) }
    }
  }

  mutating func write(_ f: JSONFinding) {
    object {
      if let v = f.baselineState { $0.key("baselineState") { $0.string(v) } }
      if let v = f.column { $0.key("column") { $0.int(v) } }
      if let v = f.endColumn { $0.key("endColumn") { $0.int(v) } }
      if let v = f.endLine { $0.key("endLine") { $0.int(v) } }
      $0.key("fingerprint") { $0.string(f.fingerprint) }
      if let fixes = f.fixes {
        $0.key("fixes") {
          $0.array(fixes) { w, fix in
            w.object {
              $0.key("description") { $0.string(fix.description) }
              $0.key("edits") {
                $0.array(fix.edits) { w, e in
                  w.object {
                    $0.key("byteLength") { $0.int(e.byteLength) }
                    $0.key("byteOffset") { $0.int(e.byteOffset) }
                    $0.key("column") { $0.int(e.column) }
                    $0.key("endColumn") { $0.int(e.endColumn) }
                    $0.key("endLine") { $0.int(e.endLine) }
                    $0.key("line") { $0.int(e.line) }
                    $0.key("replacement") { $0.string(e.replacement) }
                  }
                }
              }
            }
          }
        }
      }
      if let v = f.line { $0.key("line") { $0.int(v) } }
      if let v = f.logicalLocation { $0.key("logicalLocation") { $0.string(v) } }
      $0.key("message") { $0.string(f.message) }
      if let v = f.path { $0.key("path") { $0.string(v) } }
      if let related = f.related {
        $0.key("related") {
          $0.array(related) { w, r in
            w.object {
              if let v = r.column { $0.key("column") { $0.int(v) } }
              if let v = r.line { $0.key("line") { $0.int(v) } }
              $0.key("message") { $0.string(r.message) }
              $0.key("path") { $0.string(r.path) }
            }
          }
        }
      }
      $0.key("ruleId") { $0.string(f.ruleId) }
      $0.key("ruleName") { $0.string(f.ruleName) }
      $0.key("severity") { $0.string(f.severity) }
      $0.key("suppressed") { $0.bool(f.suppressed) }
      if let s = f.suppression {
        $0.key("suppression") { w in
          w.object {
            $0.key("justification") { $0.string(s.justification) }
            $0.key("kind") { $0.string(s.kind) }
          }
        }
      }
    }
  }

  mutating func write(_ c: JSONReport.NotJudgedCheck) {
    object {
      $0.key("causes") { $0.array(c.causes) { $0.string($1) } }
      $0.key("column") { $0.int(c.column) }
      $0.key("entity") { $0.string(c.entity) }
      $0.key("line") { $0.int(c.line) }
      $0.key("path") { $0.string(c.path) }
      $0.key("rule") { $0.string(c.rule) }
    }
  }

  mutating func write(_ s: ReportSummary) {
    object {
      $0.key("baselined") { $0.int(s.baselined) }
      $0.key("checks") { $0.int(s.checks) }
      $0.key("coverage") { $0.double(s.coverage) }
      $0.key("errors") { $0.int(s.errors) }
      $0.key("filesScanned") { $0.int(s.filesScanned) }
      $0.key("notJudged") { $0.int(s.notJudged) }
      $0.key("notes") { $0.int(s.notes) }
      $0.key("suppressed") { $0.int(s.suppressed) }
      $0.key("warnings") { $0.int(s.warnings) }
    }
  }
}
