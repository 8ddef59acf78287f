/// How LSP positions count characters within a line: UTF-16 code units (the protocol's default) or UTF-8 bytes
/// (when the client offers `utf-8` in `general.positionEncodings`).
public enum PositionEncoding: String, Sendable {
  case utf16 = "utf-16"
  case utf8 = "utf-8"
}

/// The line starts of a text as LSP counts lines (LF, CR LF, a lone CR), and conversions between byte offsets and
/// positions.
public struct LineIndex: Sendable {
  public let bytes: [UInt8]
  /// Byte offset of each line's first byte; `starts[0] == 0`.
  let starts: [Int]

  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b == 10 {
        starts.append(i + 1)
      } else if b == 13 {
        if i + 1 < n, bytes[i + 1] == 10 { i += 1 }
        starts.append(i + 1)
      }
      i += 1
    }
    self.starts = starts
  }

  /// The byte range of a 0-based line without its line break (empty past the end).
  func lineBytes(_ line: Int) -> Range<Int> {
    guard line >= 0, line < starts.count else { return bytes.count..<bytes.count }
    let start = starts[line]
    var end = line + 1 < starts.count ? starts[line + 1] : bytes.count
    if end > start, bytes[end - 1] == 10 { end -= 1 }
    if end > start, bytes[end - 1] == 13 { end -= 1 }
    return start..<end
  }

  /// The byte offset of a position; a character past the line's end means the line's end, a line past the last
  /// means the end of the text (as LSP asks).
  public func offset(of position: Position, encoding: PositionEncoding) -> Int {
    if position.line < 0 { return 0 }
    guard position.line < starts.count else { return bytes.count }
    let line = lineBytes(position.line)
    var i = line.lowerBound
    var units = 0
    while i < line.upperBound, units < position.character {
      let (length, width) = scalar(at: i, end: line.upperBound)
      if encoding == .utf16, units + width > position.character { break }  // inside a surrogate pair: stay before it
      units += encoding == .utf16 ? width : length
      i += length
    }
    return i
  }

  /// The position of a byte offset (clamped to the text).
  public func position(of rawOffset: Int, encoding: PositionEncoding) -> Position {
    let offset = max(0, min(rawOffset, bytes.count))
    var lo = 0
    var hi = starts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    let line = lineBytes(lo)
    let end = min(offset, line.upperBound)
    if encoding == .utf8 { return Position(line: lo, character: end - line.lowerBound) }
    var i = line.lowerBound
    var units = 0
    while i < end {
      let (length, width) = scalar(at: i, end: line.upperBound)
      units += width
      i += length
    }
    return Position(line: lo, character: units)
  }

  /// The byte length of the UTF-8 sequence at `i` (1 for a stray byte) and its width in UTF-16 code units.
  private func scalar(at i: Int, end: Int) -> (length: Int, utf16: Int) {
    let b = bytes[i]
    let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
    guard i + length <= end else { return (1, 1) }
    return (length, length == 4 ? 2 : 1)
  }
}

/// An open document: the client's text (which overrides the file on disk) and its version.
public struct TextDocument: Sendable {
  public let uri: String
  public let path: String
  public private(set) var version: Int
  public private(set) var index: LineIndex

  public var bytes: [UInt8] { index.bytes }

  public init(uri: String, path: String, version: Int, text: String) {
    self.uri = uri
    self.path = path
    self.version = version
    self.index = LineIndex(Array(text.utf8))
  }

  /// Applies the changes in order (each range is in the text as left by the previous one).
  public mutating func apply(_ changes: [TextDocumentContentChangeEvent], version: Int, encoding: PositionEncoding) {
    var bytes = index.bytes
    var current = index
    for change in changes {
      if let range = change.range {
        let start = current.offset(of: range.start, encoding: encoding)
        let end = max(start, current.offset(of: range.end, encoding: encoding))
        bytes.replaceSubrange(start..<end, with: Array(change.text.utf8))
      } else {
        bytes = Array(change.text.utf8)
      }
      current = LineIndex(bytes)
    }
    index = current
    self.version = version
  }
}
