/// Writes the SARIF object model (`SARIF.SarifLog`) straight into UTF-8 bytes through `PrettyJSONWriter`, byte for
/// byte what `StableJSON.encode` (Foundation's JSONEncoder) gives, at a fraction of its cost (at 5,000 accounts the
/// encoder took longer than reading the YAML).
///
/// Keys are written in sorted order by hand, nil properties left out as the encoder does. A property added to a
/// `SARIF` type must be added here too: SARIFWriterTests compares the two on fully populated logs and counts the
/// properties.
enum SARIFWriter {
  /// The log as text, with the final newline `StableJSON` adds.
  static func render(_ log: SARIF.SarifLog) -> String {
    var w = PrettyJSONWriter(capacity: 4096 + log.runs.reduce(0) { $0 + $1.results.count } * 1200)
    w.write(log)
    w.finish()
    return String(decoding: w.bytes, as: UTF8.self)
  }

  /// Writes a log of one run to `output` a chunk at a time, with `results` in place of the run's own.
  static func write(
    _ log: SARIF.SarifLog, results: some Sequence<SARIF.Result>, to output: (UnsafeRawBufferPointer) -> Void
  ) {
    precondition(log.runs.count == 1, "a log of one run")
    withoutActuallyEscaping(output) { output in
      var w = PrettyJSONWriter(output: output)
      w.object {
        $0.key("$schema") { $0.string(log.schema) }
        $0.key("runs") { w in w.array(log.runs) { $0.write($1, results: results) } }
        $0.key("version") { $0.string(log.version) }
      }
      w.finish()
    }
  }
}

extension PrettyJSONWriter {
  mutating func write(_ log: SARIF.SarifLog) {
    object {
      $0.key("$schema") { $0.string(log.schema) }
      $0.key("runs") { $0.array(log.runs) { $0.write($1, results: $1.results) } }
      $0.key("version") { $0.string(log.version) }
    }
  }

  /// `run` with `results` in place of its own.
  mutating func write(_ run: SARIF.Run, results: some Sequence<SARIF.Result>) {
    object {
      if let v = run.automationDetails { $0.key("automationDetails") { w in w.object { $0.key("id") { $0.string(v.id) } } } }
      $0.key("columnKind") { $0.string(run.columnKind) }
      $0.key("invocations") { $0.array(run.invocations) { $0.write($1) } }
      $0.key("originalUriBaseIds") { w in
        w.object {
          for (id, location) in run.originalUriBaseIds.sorted(by: { $0.key < $1.key }) {
            $0.key(id) { $0.write(location) }
          }
        }
      }
      $0.key("results") { $0.array(results) { $0.write($1) } }
      $0.key("tool") { w in w.object { $0.key("driver") { $0.write(run.tool.driver) } } }
    }
  }

  mutating func write(_ c: SARIF.ToolComponent) {
    object {
      if let v = c.informationUri { $0.key("informationUri") { $0.string(v) } }
      $0.key("name") { $0.string(c.name) }
      $0.key("rules") { $0.array(c.rules) { $0.write($1) } }
      if let v = c.semanticVersion { $0.key("semanticVersion") { $0.string(v) } }
      if let v = c.version { $0.key("version") { $0.string(v) } }
    }
  }

  mutating func write(_ d: SARIF.ReportingDescriptor) {
    object {
      if let v = d.defaultConfiguration { $0.key("defaultConfiguration") { $0.write(v) } }
      if let v = d.fullDescription { $0.key("fullDescription") { $0.write(v) } }
      if let v = d.help { $0.key("help") { $0.write(v) } }
      if let v = d.helpUri { $0.key("helpUri") { $0.string(v) } }
      $0.key("id") { $0.string(d.id) }
      if let v = d.name { $0.key("name") { $0.string(v) } }
      if let p = d.properties {
        $0.key("properties") { w in
          w.object {
            if let v = p.securitySeverity { $0.key("security-severity") { $0.string(v) } }
            if let v = p.tags { $0.key("tags") { $0.array(v) { $0.string($1) } } }
          }
        }
      }
      if let v = d.shortDescription { $0.key("shortDescription") { $0.write(v) } }
    }
  }

  mutating func write(_ r: SARIF.ReportingDescriptorReference) {
    object {
      $0.key("id") { $0.string(r.id) }
      if let v = r.index { $0.key("index") { $0.int(v) } }
    }
  }

  mutating func write(_ c: SARIF.ReportingConfiguration) {
    object {
      if let v = c.enabled { $0.key("enabled") { $0.bool(v) } }
      if let v = c.level { $0.key("level") { $0.string(v) } }
    }
  }

  mutating func write(_ m: SARIF.MultiformatMessageString) {
    object {
      if let v = m.markdown { $0.key("markdown") { $0.string(v) } }
      $0.key("text") { $0.string(m.text) }
    }
  }

  mutating func write(_ m: SARIF.Message) {
    object { $0.key("text") { $0.string(m.text) } }
  }

  mutating func write(_ i: SARIF.Invocation) {
    object {
      $0.key("executionSuccessful") { $0.bool(i.executionSuccessful) }
      $0.key("exitCode") { $0.int(i.exitCode) }
      if let v = i.ruleConfigurationOverrides {
        $0.key("ruleConfigurationOverrides") {
          $0.array(v) { w, o in
            w.object {
              $0.key("configuration") { $0.write(o.configuration) }
              $0.key("descriptor") { $0.write(o.descriptor) }
            }
          }
        }
      }
      if let v = i.toolConfigurationNotifications {
        $0.key("toolConfigurationNotifications") { $0.array(v) { $0.write($1) } }
      }
      if let v = i.toolExecutionNotifications { $0.key("toolExecutionNotifications") { $0.array(v) { $0.write($1) } } }
    }
  }

  mutating func write(_ n: SARIF.Notification) {
    object {
      if let v = n.associatedRule { $0.key("associatedRule") { $0.write(v) } }
      $0.key("level") { $0.string(n.level) }
      if let v = n.locations { $0.key("locations") { $0.array(v) { $0.write($1) } } }
      $0.key("message") { $0.write(n.message) }
    }
  }

  mutating func write(_ r: SARIF.Result) {
    object {
      if let v = r.baselineState { $0.key("baselineState") { $0.string(v) } }
      if let v = r.fixes { $0.key("fixes") { $0.array(v) { $0.write($1) } } }
      if let v = r.kind { $0.key("kind") { $0.string(v) } }
      $0.key("level") { $0.string(r.level) }
      if let v = r.locations { $0.key("locations") { $0.array(v) { $0.write($1) } } }
      $0.key("message") { $0.write(r.message) }
      $0.key("partialFingerprints") { w in
        w.object {
          for (name, value) in r.partialFingerprints.sorted(by: { $0.key < $1.key }) {
            $0.key(name) { $0.string(value) }
          }
        }
      }
      if let v = r.relatedLocations { $0.key("relatedLocations") { $0.array(v) { $0.write($1) } } }
      $0.key("ruleId") { $0.string(r.ruleId) }
      $0.key("ruleIndex") { $0.int(r.ruleIndex) }
      if let v = r.suppressions {
        $0.key("suppressions") {
          $0.array(v) { w, s in
            w.object {
              if let v = s.justification { $0.key("justification") { $0.string(v) } }
              $0.key("kind") { $0.string(s.kind) }
              if let v = s.location { $0.key("location") { $0.write(v) } }
              $0.key("status") { $0.string(s.status) }
            }
          }
        }
      }
    }
  }

  mutating func write(_ f: SARIF.Fix) {
    object {
      $0.key("artifactChanges") {
        $0.array(f.artifactChanges) { w, change in
          w.object {
            $0.key("artifactLocation") { $0.write(change.artifactLocation) }
            $0.key("replacements") {
              $0.array(change.replacements) { w, r in
                w.object {
                  $0.key("deletedRegion") { $0.write(r.deletedRegion) }
                  if let v = r.insertedContent {
                    $0.key("insertedContent") { w in w.object { $0.key("text") { $0.string(v.text) } } }
                  }
                }
              }
            }
          }
        }
      }
      $0.key("description") { $0.write(f.description) }
    }
  }

  mutating func write(_ l: SARIF.Location) {
    object {
      if let v = l.id { $0.key("id") { $0.int(v) } }
      if let v = l.logicalLocations {
        $0.key("logicalLocations") {
          $0.array(v) { w, logical in
            w.object { $0.key("fullyQualifiedName") { $0.string(logical.fullyQualifiedName) } }
          }
        }
      }
      if let v = l.message { $0.key("message") { $0.write(v) } }
      if let p = l.physicalLocation {
        $0.key("physicalLocation") { w in
          w.object {
            $0.key("artifactLocation") { $0.write(p.artifactLocation) }
            if let v = p.region { $0.key("region") { $0.write(v) } }
          }
        }
      }
    }
  }

  mutating func write(_ a: SARIF.ArtifactLocation) {
    object {
      if let v = a.description { $0.key("description") { $0.write(v) } }
      if let v = a.uri { $0.key("uri") { $0.string(v) } }
      if let v = a.uriBaseId { $0.key("uriBaseId") { $0.string(v) } }
    }
  }

  mutating func write(_ r: SARIF.Region) {
    object {
      if let v = r.byteLength { $0.key("byteLength") { $0.int(v) } }
      if let v = r.byteOffset { $0.key("byteOffset") { $0.int(v) } }
      if let v = r.endColumn { $0.key("endColumn") { $0.int(v) } }
      if let v = r.endLine { $0.key("endLine") { $0.int(v) } }
      if let v = r.startColumn { $0.key("startColumn") { $0.int(v) } }
      $0.key("startLine") { $0.int(r.startLine) }
    }
  }
}
