import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
#endif

extension FileHandle {
  /// Everything left to read, up to end of file. Unlike Foundation's `readDataToEndOfFile()`, which traps on any
  /// read error (seen: "Interrupted system call" on a loaded machine), a read interrupted by a signal is retried, and
  /// any other error ends the data there.
  public func readAllRetryingInterrupts() -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let descriptor = fileDescriptor
    while true {
      let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        data.append(contentsOf: buffer[0..<count])
      } else if count < 0, errno == EINTR {
        continue
      } else {
        return data
      }
    }
  }
}
