internal import CYAML
import Diagnostics

/// A libyaml event reduced to what the document builder needs, with byte offsets instead of libyaml's code-point
/// marks. A scalar's value is either verbatim in the file (`inSource`) or copied into its batch's `bytes`.
struct RawEvent {
  enum Kind: UInt8 {
    case documentStart, documentEnd, scalar, alias, sequenceStart, sequenceEnd, mappingStart, mappingEnd
  }
  var kind: Kind
  var style: YAMLStyle
  var inSource: Bool
  var start: UInt32
  var end: UInt32
  var value: UInt32
  var length: UInt32
  /// Index into the batch's `strings` of the anchor (or, for an alias, the anchor it names), or -1.
  var anchor: Int32
  /// Index into the batch's `strings` of the explicit tag, or -1.
  var tag: Int32
}

/// Events handed from the producer to the builder in one go. Owned by one side at a time.
final class EventBatch: @unchecked Sendable {
  var events: [RawEvent] = []
  var bytes: [UInt8] = []
  var strings: [String] = []
  /// Set on the last batch when reading stopped early: the finding that says why.
  var stop: ProducerStop?

  init() {}
}

/// Why the producer stopped before the end of the stream.
enum ProducerStop {
  case error(RuleDescriptor, String, offset: Int)
  case tooDeep(offset: Int)
}

/// Runs libyaml's event parser over a file and delivers its events in batches. The only user of libyaml.
struct EventProducer {
  static let batchSize = 4096
  let source: SourceFile
  let maxDepth: Int

  /// Parses the whole input, calling `deliver` with each full batch and with the last one. Events are gathered in
  /// local arrays and wrapped into a batch only when delivered (no class property access per event).
  func run(_ input: UnsafeBufferPointer<UInt8>, deliver: (EventBatch) -> Void) {
    var offsets = OffsetMapper(source: source)
    var events: [RawEvent] = []
    var bytes: [UInt8] = []
    var strings: [String] = []
    events.reserveCapacity(Self.batchSize)
    func flush(_ stop: ProducerStop?) {
      let batch = EventBatch()
      batch.events = events
      batch.bytes = bytes
      batch.strings = strings
      batch.stop = stop
      deliver(batch)
      events = []
      events.reserveCapacity(Self.batchSize)
      bytes = []
      strings = []
    }
    func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> Int32 {
      guard let p else { return -1 }
      strings.append(String(cString: p))
      return Int32(strings.count - 1)
    }
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) == 1 else {
      flush(.error(YAMLRules.syntaxError, "libyaml could not start (out of memory)", offset: 0))
      return
    }
    defer { yaml_parser_delete(parser) }
    guard let base = input.baseAddress, !input.isEmpty else {
      flush(nil)
      return
    }
    yaml_parser_set_input_string(parser, base, input.count)
    var event = yaml_event_t()
    var depth = 0
    var stop: ProducerStop?
    parsing: while true {
      guard yaml_parser_parse(parser, &event) == 1 else {
        stop = Self.describeError(parser.pointee, &offsets, source)
        break
      }
      defer { yaml_event_delete(&event) }
      if event.type == YAML_STREAM_END_EVENT { break }
      let start = offsets.byteOffset(event.start_mark.index)
      let end = offsets.byteOffset(event.end_mark.index)
      var raw = RawEvent(
        kind: .documentStart, style: .plain, inSource: false, start: UInt32(truncatingIfNeeded: start),
        end: UInt32(truncatingIfNeeded: end), value: 0, length: 0, anchor: -1, tag: -1)
      switch event.type {
      case YAML_DOCUMENT_START_EVENT:
        raw.kind = .documentStart
      case YAML_DOCUMENT_END_EVENT:
        raw.kind = .documentEnd
      case YAML_SCALAR_EVENT:
        let s = event.data.scalar
        raw.kind = .scalar
        switch s.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: raw.style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: raw.style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: raw.style = .literal
        case YAML_FOLDED_SCALAR_STYLE: raw.style = .folded
        default: raw.style = .plain
        }
        let length = s.length
        raw.length = UInt32(truncatingIfNeeded: min(length, Int(UInt32.max)))
        let candidate =
          raw.style == .plain ? start : (raw.style == .literal || raw.style == .folded ? -1 : start + 1)
        if candidate >= 0, candidate + length <= end,
          length == 0 || memcmpEqual(base + candidate, s.value, length)
        {
          raw.value = UInt32(candidate)
          raw.inSource = true
        } else {
          raw.value = UInt32(truncatingIfNeeded: bytes.count)
          bytes.append(contentsOf: UnsafeBufferPointer(start: s.value, count: length))
        }
        if s.anchor != nil { raw.anchor = string(s.anchor) }
        if s.tag != nil { raw.tag = string(s.tag) }
      case YAML_ALIAS_EVENT:
        raw.kind = .alias
        raw.anchor = string(event.data.alias.anchor)
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        if depth >= maxDepth {
          stop = .tooDeep(offset: start)
          break parsing
        }
        depth += 1
        raw.kind = isMapping ? .mappingStart : .sequenceStart
        let flow =
          isMapping
          ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
          : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
        raw.style = flow ? .flow : .block
        raw.anchor = string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
        raw.tag = string(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag)
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        depth -= 1
        raw.kind = event.type == YAML_MAPPING_END_EVENT ? .mappingEnd : .sequenceEnd
      default:
        continue parsing
      }
      events.append(raw)
      if events.count >= Self.batchSize { flush(nil) }
    }
    flush(stop)
  }

  private static func describeError(_ p: yaml_parser_t, _ offsets: inout OffsetMapper, _ source: SourceFile)
    -> ProducerStop
  {
    let problem = p.problem.map { String(cString: $0) } ?? "unknown error"
    switch p.error {
    case YAML_READER_ERROR:
      var message = problem
      if problem.contains("control characters") {
        message += " (U+\(hex(p.problem_value, width: 4)))"
      } else if p.problem_value >= 0 {
        message += " (byte 0x\(hex(p.problem_value, width: 2)))"
      }
      return .error(YAMLRules.invalidEncoding, "invalid text: \(message)", offset: p.problem_offset)
    case YAML_MEMORY_ERROR:
      return .error(YAMLRules.syntaxError, "libyaml ran out of memory", offset: 0)
    default:
      var message = problem
      if let context = p.context {
        let at = source.location(atByteOffset: offsets.byteOffset(p.context_mark.index))
        message += " (\(String(cString: context)) that starts at line \(at.line), column \(at.column))"
      }
      return .error(YAMLRules.syntaxError, message, offset: offsets.byteOffset(p.problem_mark.index))
    }
  }
}

private func hex(_ value: Int32, width: Int) -> String {
  let digits = String(value, radix: 16, uppercase: true)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
