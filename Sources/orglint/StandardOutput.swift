#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  private let systemWrite = Darwin.write
#endif

/// Writing a command's result to standard output, where every failure is reported instead of trapping or being
/// ignored: a closed descriptor (`>&-`), a full device (`>/dev/full`), a pipe whose reader has gone (EPIPE;
/// SIGPIPE is ignored so that the write returns the error instead of killing the process).
enum StandardOutput {
  /// Why standard output could not take the text: the system's reason.
  struct WriteError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "cannot write to standard output: \(reason)" }
  }

  /// True when file descriptor 1 is open: with `>&-` it is not, and a command should stop before doing its work.
  static var isOpen: Bool { fcntl(1, F_GETFD) != -1 }

  /// Writes all of `text` to file descriptor 1, retrying short writes and EINTR.
  static func write(_ text: String) throws(WriteError) {
    signal(SIGPIPE, SIG_IGN)
    var bytes = Array(text.utf8)
    var failure: Int32 = 0
    bytes.withUnsafeMutableBytes { buffer in
      var done = 0
      while done < buffer.count {
        let n = systemWrite(1, buffer.baseAddress! + done, buffer.count - done)
        if n > 0 {
          done += n
        } else if n < 0, errno == EINTR {
          continue
        } else {
          failure = n < 0 ? errno : EIO
          return
        }
      }
    }
    if failure != 0 { throw WriteError(reason: String(cString: strerror(failure))) }
  }
}
