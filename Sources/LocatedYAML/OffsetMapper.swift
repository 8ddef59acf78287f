import Diagnostics

/// Turns libyaml's mark indices (code points from the start of the text, after any byte order mark) into byte
/// offsets. Marks arrive nearly in order, so a cursor that walks from the last answer keeps the total cost linear.
struct OffsetMapper {
  private let bytes: [UInt8]
  private let ascii: Bool
  private let bom: Int
  private var index = 0
  private var offset: Int

  init(source: SourceFile) {
    bytes = source.bytes
    ascii = source.isASCII
    bom = source.bomLength
    offset = source.bomLength
  }

  mutating func byteOffset(_ codePointIndex: Int) -> Int {
    if ascii { return min(codePointIndex, bytes.count) }
    while index < codePointIndex, offset < bytes.count {
      offset += sequenceLength(bytes[offset])
      index += 1
    }
    while index > codePointIndex, offset > bom {
      offset -= 1
      while offset > bom, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
      index -= 1
    }
    return min(offset, bytes.count)
  }

  @inline(__always)
  private func sequenceLength(_ lead: UInt8) -> Int {
    if lead < 0x80 { return 1 }
    if lead >= 0xF0 { return 4 }
    if lead >= 0xE0 { return 3 }
    if lead >= 0xC0 { return 2 }
    return 1
  }
}
