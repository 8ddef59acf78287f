#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file's path, its bytes and a table of line starts, so that byte offsets turn into line and column on demand.
///
/// Line breaks are those of YAML 1.1 as libyaml reads them: LF, CR LF, a lone CR, and U+0085, U+2028, U+2029.
/// A leading UTF-8 byte order mark is not counted in the columns of line 1.
public final class SourceFile: Sendable {
  /// The path as shown to users (as given on the command line, or relative to the set root).
  public let path: String
  public let bytes: [UInt8]
  /// Byte offset of the first byte of each line; `lineStarts[0] == 0`. 32 bits: files are read up to 1 GiB.
  public let lineStarts: [UInt32]
  /// True when every byte is ASCII, so that byte offsets and code-point indices coincide.
  public let isASCII: Bool
  /// 3 when the file starts with a UTF-8 byte order mark, else 0.
  public let bomLength: Int
  /// The file read (device and inode), when it was read from the file system by `read(path:)`.
  public let identity: FileIdentity?

  public convenience init(path: String, bytes: [UInt8]) {
    self.init(path: path, bytes: bytes, identity: nil)
  }

  /// A file's bytes as read from the file `identity` names.
  public init(path: String, bytes: [UInt8], identity: FileIdentity?) {
    self.path = path
    self.bytes = bytes
    self.identity = identity
    let (starts, ascii) = bytes.withUnsafeBufferPointer { Self.lineTable($0) }
    self.lineStarts = starts
    self.isASCII = ascii
    self.bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  /// Line starts and whether the text is ASCII. ASCII text with LF breaks only (the common case) takes the fast path.
  private static func lineTable(_ buf: UnsafeBufferPointer<UInt8>) -> ([UInt32], Bool) {
    let n = buf.count
    guard let base = buf.baseAddress, n > 0 else { return ([0], true) }
    var starts: [UInt32] = [0]
    starts.reserveCapacity(n / 40 + 1)
    if isASCII(buf), memchr(base, 0x0D, n) == nil {
      var p = UnsafeRawPointer(base)
      let end = UnsafeRawPointer(base + n)
      while let hit = memchr(p, 0x0A, end - p) {
        let next = UnsafeRawPointer(hit) + 1
        starts.append(UInt32(truncatingIfNeeded: next - UnsafeRawPointer(base)))
        p = next
      }
      return (starts, true)
    }
    var ascii = true
    var i = 0
    while i < n {
      let b = buf[i]
      if b == 0x0A {
        starts.append(UInt32(truncatingIfNeeded: i + 1))
      } else if b == 0x0D {
        if i + 1 < n && buf[i + 1] == 0x0A { i += 1 }
        starts.append(UInt32(truncatingIfNeeded: i + 1))
      } else if b >= 0x80 {
        ascii = false
        // U+0085 is C2 85; U+2028 / U+2029 are E2 80 A8 / E2 80 A9.
        if b == 0xC2, i + 1 < n, buf[i + 1] == 0x85 {
          i += 1
          starts.append(UInt32(truncatingIfNeeded: i + 1))
        } else if b == 0xE2, i + 2 < n, buf[i + 1] == 0x80, buf[i + 2] == 0xA8 || buf[i + 2] == 0xA9 {
          i += 2
          starts.append(UInt32(truncatingIfNeeded: i + 1))
        }
      }
      i += 1
    }
    return (starts, ascii)
  }

  /// True when no byte has its high bit set; checks eight bytes at a time.
  private static func isASCII(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = buf.count
    let raw = UnsafeRawPointer(buf.baseAddress!)
    var i = 0
    var acc: UInt64 = 0
    while i + 8 <= n {
      acc |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      i += 8
    }
    while i < n {
      acc |= UInt64(buf[i])
      i += 1
    }
    return acc & 0x8080_8080_8080_8080 == 0
  }

  /// Reads a file; throws `SourceFileError` with the system's reason when it cannot be read.
  public static func read(path: String, displayPath: String? = nil, maxBytes: Int = 1 << 30) throws -> SourceFile {
    let shown = displayPath ?? path
    guard let file = FilePath.withSystemPath(path, { fopen($0, "rb") }) else {
      throw SourceFileError(path: shown, reason: String(cString: strerror(errno)))
    }
    defer { fclose(file) }
    var info = stat()
    guard fstat(fileno(file), &info) == 0 else {
      throw SourceFileError(path: shown, reason: String(cString: strerror(errno)))
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: throw SourceFileError(path: shown, reason: "is a directory")
    case S_IFCHR, S_IFBLK:  // /dev/zero never ends, /dev/urandom neither: refused before reading a byte
      throw SourceFileError(path: shown, reason: "is \(FileKind.describe(info)); orglint reads regular files and FIFOs")
    default: break
    }
    let expected = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
    if expected > maxBytes {
      throw SourceFileError(path: shown, reason: "file is larger than \(maxBytes >> 20) MiB")
    }
    var bytes: [UInt8] = []
    if expected > 0 {
      bytes = [UInt8](unsafeUninitializedCapacity: expected) { buf, count in
        count = fread(buf.baseAddress, 1, expected, file)
      }
    }
    // A regular file read whole ends here: one byte more says so without the 64 KiB chunk below, whose zeroing
    // was a tenth of a 5,000-file set's instructions (one file per account).
    if expected > 0, bytes.count == expected {
      let next = fgetc(file)
      if next == EOF {
        if ferror(file) != 0 { throw SourceFileError(path: shown, reason: String(cString: strerror(errno))) }
        return SourceFile(path: shown, bytes: bytes, identity: FileIdentity(info))
      }
      bytes.append(UInt8(truncatingIfNeeded: next))
    }
    // Whatever the size said (pipes, files that grow): read on to the end.
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
      if bytes.count > maxBytes {
        throw SourceFileError(path: shown, reason: "file is larger than \(maxBytes >> 20) MiB")
      }
      if n < chunk.count { break }
    }
    if ferror(file) != 0 { throw SourceFileError(path: shown, reason: String(cString: strerror(errno))) }
    return SourceFile(path: shown, bytes: bytes, identity: FileIdentity(info))
  }

  public var lineCount: Int { lineStarts.count }

  /// The 1-based line holding byte `offset` (offsets past the end belong to the last line).
  public func line(atByteOffset offset: Int) -> Int {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if Int(lineStarts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo + 1
  }

  /// The line, column (in code points) and offset of a byte offset.
  public func location(atByteOffset rawOffset: Int) -> SourceLocation {
    let offset = max(0, min(rawOffset, bytes.count))
    let line = self.line(atByteOffset: offset)
    var start = Int(lineStarts[line - 1])
    if line == 1 { start = min(bomLength, offset) }
    var column = 1
    if isASCII {
      column += offset - start
    } else {
      var i = start
      while i < offset {
        if bytes[i] & 0xC0 != 0x80 { column += 1 }
        i += 1
      }
    }
    return SourceLocation(line: line, column: column, offset: offset)
  }

  /// The byte range of a 1-based line, without its line break.
  public func byteRange(ofLine line: Int) -> Range<Int> {
    guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
    var start = Int(lineStarts[line - 1])
    if line == 1 { start = min(bomLength, bytes.count) }
    var end = line < lineStarts.count ? Int(lineStarts[line]) : bytes.count
    // Strip the line break (LF, CR LF, CR, NEL, LS, PS).
    if end > start, bytes[end - 1] == 0x0A { end -= 1 }
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    if end - start >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0x85 { end -= 2 }
    if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80,
      bytes[end - 1] == 0xA8 || bytes[end - 1] == 0xA9
    {
      end -= 3
    }
    return start..<max(start, end)
  }

  /// The text of a 1-based line, without its line break (invalid UTF-8 shows as U+FFFD).
  public func lineText(_ line: Int) -> String {
    String(decoding: bytes[byteRange(ofLine: line)], as: UTF8.self)
  }

  /// At most `width` code points of a 1-based line from column `first` on, without decoding the rest of the line (a
  /// 100 MB "line" stays 100 MB of bytes, not a 400 MB string); `cutAfter` when the line goes on.
  public func lineExcerpt(_ line: Int, fromColumn first: Int, width: Int) -> (text: String, cutAfter: Bool) {
    let range = byteRange(ofLine: line)
    let start = byteOffset(line: line, column: first)
    var end = start
    var count = 0
    while end < range.upperBound, count < width {
      end += 1
      while end < range.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 }
      count += 1
    }
    return (String(decoding: bytes[start..<end], as: UTF8.self), end < range.upperBound)
  }

  /// The byte offset of a 1-based line and 1-based code-point column (clamped to the line).
  public func byteOffset(line: Int, column: Int) -> Int {
    let range = byteRange(ofLine: line)
    var i = range.lowerBound
    var col = 1
    while i < range.upperBound, col < column {
      i += 1
      while i < range.upperBound, bytes[i] & 0xC0 == 0x80 { i += 1 }
      col += 1
    }
    return i
  }
}

/// A file that could not be read: the path and the system's reason.
public struct SourceFileError: Error, Sendable, CustomStringConvertible {
  public let path: String
  public let reason: String
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
  public var description: String { "\(path): cannot read: \(reason)" }
}
