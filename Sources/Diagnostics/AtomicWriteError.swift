/// A file `AtomicFileWriter` could not write: the path and the system's reason.
public struct AtomicWriteError: Error, Hashable, Sendable, CustomStringConvertible {
  public let path: String
  public let reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): cannot write: \(reason)" }
}
