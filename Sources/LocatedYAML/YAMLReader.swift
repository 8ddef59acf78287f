import Diagnostics
import Dispatch

/// A file read as YAML: its complete documents, the findings met on the way, and its comments.
public struct YAMLFile: Sendable {
  public let source: SourceFile
  /// Documents in order; a document cut short by an error or a limit is left out.
  public let documents: [YAMLDocument]
  public let findings: [Finding]
  public let comments: CommentIndex
}

/// Limits that keep hostile input cheap.
public struct YAMLLimits: Sendable {
  /// Deepest nesting of collections; reading stops past it (libyaml's cost grows quadratically with depth).
  public var maxDepth = 512
  /// Most nodes that aliases may add to a document when expanded, at least; grows to 4× the document's own nodes.
  public var maxAliasExpansion = 1_000_000
  /// Largest file read.
  public var maxFileBytes = 1 << 30
  /// Files at least this large (1 MiB) are parsed on a second thread while the arena is built on the calling one.
  public var pipelineThreshold = 1 << 20

  public init() {}
}

/// Reads YAML with libyaml's event parser into located documents. The only user of libyaml.
public enum YAMLReader {
  /// Reads every document of `source`. Never throws and never traps: every problem is a finding.
  public static func read(_ source: SourceFile, limits: YAMLLimits = YAMLLimits()) -> YAMLFile {
    if source.bytes.count > limits.maxFileBytes {
      let finding = Finding(
        YAMLRules.fileTooLarge,
        "file is \(source.bytes.count >> 20) MiB, more than the \(limits.maxFileBytes >> 20) MiB orglint reads",
        path: source.path, range: SourceRange(at: source.location(atByteOffset: 0)))
      return YAMLFile(source: source, documents: [], findings: [finding], comments: CommentIndex())
    }
    var builder = DocumentBuilder(source: source, limits: limits)
    let producer = EventProducer(source: source, maxDepth: limits.maxDepth)
    source.bytes.withUnsafeBufferPointer { input in
      if input.count >= limits.pipelineThreshold {
        // Large files: libyaml runs on a second thread while this one builds the arena from its events.
        let channel = BatchChannel()
        let sendableInput = SendableBuffer(buffer: input)
        DispatchQueue.global(qos: .userInitiated).async {
          producer.run(sendableInput.buffer) { channel.send($0) }
          channel.close()
        }
        while let batch = channel.receive() { builder.consume(batch, input) }
      } else {
        producer.run(input) { builder.consume($0, input) }
      }
      builder.finish(input)
    }
    return YAMLFile(
      source: source, documents: builder.documents, findings: builder.findings, comments: builder.comments)
  }
}

