import Diagnostics

/// Turns raw events into arena documents: links children, resolves anchors, checks duplicate keys and alias limits,
/// and indexes the comments between scalars. A struct, so its hot state needs no runtime exclusivity checks.
struct DocumentBuilder {
  private struct Frame {
    var node: Int
    var pendingStart: Int
    var expanded: UInt64 = 1
    var anchor: String?
  }

  private struct Anchor {
    var node: UInt32
    var expanded: UInt64
    var open: Bool
  }

  let source: SourceFile
  let limits: YAMLLimits
  private(set) var documents: [YAMLDocument] = []
  private(set) var findings: [Finding] = []
  private(set) var comments = CommentIndex()

  private var doc: YAMLDocument?
  private var stack: [Frame] = []
  private var pending: [UInt32] = []
  private var anchors: [String: Anchor] = [:]
  private var tagIndex: [String: UInt16] = [:]
  private var aliasExpansion: UInt64 = 0
  private var aliasLimitReported = false
  private var scannedUpTo = 0

  init(source: SourceFile, limits: YAMLLimits) {
    self.source = source
    self.limits = limits
  }

  /// Adds a batch of events. Bytes of scalars not verbatim in the file come from the batch.
  mutating func consume(_ batch: EventBatch, _ input: UnsafeBufferPointer<UInt8>) {
    for i in batch.events.indices {
      handle(batch.events[i], batch, input)
    }
    switch batch.stop {
    case .error(let rule, let message, let offset)?:
      report(rule, message, at: offset)
      doc = nil
    case .tooDeep(let offset)?:
      report(
        YAMLRules.nestingTooDeep, "collections are nested deeper than \(limits.maxDepth) levels; reading stops here",
        at: offset)
      doc = nil
    case nil:
      break
    }
  }

  /// Ends the stream: indexes the comments after the last scalar.
  mutating func finish(_ input: UnsafeBufferPointer<UInt8>) {
    scanComments(upTo: input.count, input)
  }

  private mutating func handle(_ e: RawEvent, _ batch: EventBatch, _ input: UnsafeBufferPointer<UInt8>) {
    switch e.kind {
    case .documentStart:
      doc = YAMLDocument(file: source)
      if documents.isEmpty {
        // The first document is usually most of the file: reserve for it (about one node per 11 bytes, an entry
        // of `children` per 22) so the arena grows without copies. Untouched capacity of a large file costs no
        // memory; a small file's is a heap block, which a set of one file per account has 50,000 of.
        doc!.nodes.reserveCapacity(source.bytes.count / 10)
        doc!.children.reserveCapacity(source.bytes.count / 20)
      }
      anchors = [:]
      tagIndex = [:]
      aliasExpansion = 0
      aliasLimitReported = false
    case .documentEnd:
      if let d = doc { documents.append(d) }
      doc = nil
    case .scalar:
      guard doc != nil else { return }
      scanComments(upTo: Int(e.start), input)
      scannedUpTo = max(scannedUpTo, Int(e.end))
      var length = Int(e.length)
      if length > NodeRecord.maxCount {
        report(YAMLRules.fileTooLarge, "a scalar longer than 8 MiB is read as empty", at: Int(e.start))
        length = 0
      }
      var record = NodeRecord(start: Int(e.start), a: e.value, count: length, kind: .scalar, style: e.style)
      var derivable = false
      if e.inSource {
        record.meta |= NodeRecord.inSource
        derivable = Int(e.value) + length + (e.style == .plain ? 0 : 1) == Int(e.end)
      } else {
        record.a = UInt32(truncatingIfNeeded: doc!.buffer.count)
        let lo = Int(e.value)
        doc!.buffer.append(contentsOf: batch.bytes[lo..<lo + length])
      }
      let node = append(record)
      if !derivable { doc!.ends[UInt32(node)] = e.end }
      setTag(e.tag, batch, of: node)
      if e.anchor >= 0 {
        anchors[batch.strings[Int(e.anchor)]] = Anchor(node: UInt32(node), expanded: 1, open: false)
      }
      addChild(node, expanded: 1)
    case .alias:
      guard doc != nil else { return }
      alias(batch.strings[Int(e.anchor)], start: Int(e.start), end: Int(e.end))
    case .sequenceStart, .mappingStart:
      guard doc != nil else { return }
      let node = append(
        NodeRecord(start: Int(e.start), a: 0, count: 0, kind: e.kind == .mappingStart ? .mapping : .sequence, style: e.style))
      setTag(e.tag, batch, of: node)
      var frame = Frame(node: node, pendingStart: pending.count)
      if e.anchor >= 0 {
        let name = batch.strings[Int(e.anchor)]
        frame.anchor = name
        anchors[name] = Anchor(node: UInt32(node), expanded: 1, open: true)
      }
      stack.append(frame)
    case .sequenceEnd, .mappingEnd:
      guard doc != nil else { return }
      endCollection(eventEnd: Int(e.end))
    }
  }

  private mutating func alias(_ name: String, start: Int, end: Int) {
    var record = NodeRecord(start: start, a: UInt32.max, count: 0, kind: .alias, style: .plain)
    var expanded: UInt64 = 1
    if let anchor = anchors[name] {
      if anchor.open {
        report(YAMLRules.aliasLimit, "alias '*\(name)' refers to the collection that contains it", at: start)
      } else {
        aliasExpansion &+= anchor.expanded
        let limit = UInt64(max(limits.maxAliasExpansion, 4 * doc!.nodes.count))
        if aliasExpansion > limit {
          if !aliasLimitReported {
            report(
              YAMLRules.aliasLimit,
              "aliases expand to more than \(limit) nodes; '*\(name)' and later aliases are read as null", at: start)
            aliasLimitReported = true
          }
        } else {
          record.a = anchor.node
          expanded = anchor.expanded
        }
      }
    } else {
      report(YAMLRules.undefinedAlias, "alias '*\(name)' refers to no anchor defined before it", at: start)
    }
    let node = append(record)
    doc!.ends[UInt32(node)] = UInt32(truncatingIfNeeded: end)
    addChild(node, expanded: expanded)
  }

  private mutating func endCollection(eventEnd: Int) {
    let frame = stack.removeLast()
    var count = pending.count - frame.pendingStart
    var record = doc!.nodes[frame.node]
    record.a = UInt32(doc!.children.count)
    if record.kind == .mapping {
      // A value is the node right after its key unless the key is a collection: then keep full pairs.
      let compact = stride(from: frame.pendingStart, to: pending.count, by: 2).allSatisfy {
        let k = doc!.nodes[Int(pending[$0])].kind
        return k == .scalar || k == .alias
      }
      if compact {
        count /= 2
        for i in stride(from: frame.pendingStart, to: pending.count, by: 2) { doc!.children.append(pending[i]) }
      } else {
        record.fullPairs = true
        doc!.children.append(contentsOf: pending[frame.pendingStart...])
      }
    } else {
      doc!.children.append(contentsOf: pending[frame.pendingStart...])
    }
    pending.removeLast(pending.count - frame.pendingStart)
    if count > NodeRecord.maxCount {
      report(YAMLRules.fileTooLarge, "a collection with more than 8 million entries is cut short", at: Int(record.start))
    }
    record.count = count
    doc!.nodes[frame.node] = record
    if record.style != .block || count == 0 {
      // Flow collections end at their closing bracket; block ones where their last entry ends (derived).
      doc!.ends[UInt32(frame.node)] = UInt32(max(eventEnd, Int(record.start)))
    }
    if record.kind == .mapping { markDuplicateKeys(frame.node) }
    if let name = frame.anchor {
      anchors[name] = Anchor(node: UInt32(frame.node), expanded: frame.expanded, open: false)
    }
    addChild(frame.node, expanded: frame.expanded)
  }

  private mutating func append(_ record: NodeRecord) -> Int {
    doc!.nodes.append(record)
    return doc!.nodes.count - 1
  }

  private mutating func addChild(_ node: Int, expanded: UInt64) {
    if stack.isEmpty {
      doc!.root = YAMLNodeID(node)
    } else {
      pending.append(UInt32(node))
      stack[stack.count - 1].expanded &+= expanded
    }
  }

  private mutating func setTag(_ index: Int32, _ batch: EventBatch, of node: Int) {
    guard index >= 0 else { return }
    let name = batch.strings[Int(index)]
    var tag = tagIndex[name]
    if tag == nil, doc!.tags.count < Int(UInt16.max) {
      doc!.tags.append(name)
      tag = UInt16(doc!.tags.count - 1)
      tagIndex[name] = tag
    }
    guard let tag else { return }
    doc!.tagOf[UInt32(node)] = tag
    doc!.nodes[node].meta |= NodeRecord.hasTag
  }

  // MARK: Duplicate keys

  private mutating func markDuplicateKeys(_ mapping: Int) {
    for (key, first) in Self.duplicateKeys(of: YAMLNodeID(mapping), in: doc!) {
      doc!.nodes[Int(key.index)].meta |= NodeRecord.duplicateKey
      let firstLine = source.line(atByteOffset: doc!.startOffset(first))
      report(
        YAMLRules.duplicateKey, "duplicate key '\(doc!.scalar(key))'; it is first defined at line \(firstLine)",
        at: doc!.startOffset(key), end: doc!.endOffset(key))
    }
  }

  /// Each scalar key that repeats an earlier one, with that first key.
  private static func duplicateKeys(of id: YAMLNodeID, in d: YAMLDocument) -> [(YAMLNodeID, YAMLNodeID)] {
    let n = d.count(id)
    guard n > 1 else { return [] }
    var found: [(YAMLNodeID, YAMLNodeID)] = []
    if n <= 16 {
      // Small mappings (nearly all): compare bytes pairwise, allocating nothing.
      for i in 1..<n {
        let key = d.key(id, i)
        guard d.kind(key) == .scalar else { continue }
        for j in 0..<i where d.kind(d.key(id, j)) == .scalar && d.scalarBytesEqual(key, d.key(id, j)) {
          found.append((key, d.key(id, j)))
          break
        }
      }
      return found
    }
    var seen: [String: YAMLNodeID] = [:]
    seen.reserveCapacity(n)
    for i in 0..<n {
      let key = d.key(id, i)
      guard d.kind(key) == .scalar else { continue }
      let text = d.scalar(key)
      if let first = seen[text] { found.append((key, first)) } else { seen[text] = key }
    }
    return found
  }

  // MARK: Comments

  /// Records the `#` comments between the last scalar and byte `limit` (comments never start inside a scalar).
  private mutating func scanComments(upTo limit: Int, _ input: UnsafeBufferPointer<UInt8>) {
    var i = scannedUpTo
    let end = min(limit, input.count)
    while i < end {
      if input[i] == UInt8(ascii: "#"), i == 0 || isSpaceOrBreak(input[i - 1]) {
        var j = i + 1
        while j < input.count, input[j] != 0x0A, input[j] != 0x0D { j += 1 }
        let loc = source.location(atByteOffset: i)
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[(i + 1)..<j]), as: UTF8.self)
        comments.comments.append(.init(line: loc.line, column: loc.column, text: trim(text)))
        i = j
      } else {
        i += 1
      }
    }
    scannedUpTo = max(scannedUpTo, end)
  }

  private mutating func report(_ rule: RuleDescriptor, _ message: String, at offset: Int, end: Int? = nil) {
    let start = source.location(atByteOffset: offset)
    let range = SourceRange(start: start, end: end.map { source.location(atByteOffset: $0) } ?? start)
    findings.append(Finding(rule, message, path: source.path, range: range))
  }
}

@inline(__always)
private func isSpaceOrBreak(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

private func trim(_ s: String) -> String {
  var sub = Substring(s)
  while let f = sub.first, f == " " || f == "\t" { sub.removeFirst() }
  while let l = sub.last, l == " " || l == "\t" { sub.removeLast() }
  return String(sub)
}
