#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file as the file system knows it: device and inode. Two spellings of one file (a symlink, `./a` and `a`, a hard
/// link) have the same identity, so this is how orglint tells whether an output would overwrite one of its inputs.
public struct FileIdentity: Hashable, Sendable {
  public let device: UInt64
  public let inode: UInt64

  public init(device: UInt64, inode: UInt64) {
    self.device = device
    self.inode = inode
  }

  /// The identity of the file `path` names (symlinks followed), or nil when it does not exist or cannot be reached.
  public init?(path: String) {
    var info = stat()
    guard FilePath.withSystemPath(path, { stat($0, &info) }) == 0 else { return nil }
    self.init(info)
  }

  /// The identity in a `stat` result.
  public init(_ info: stat) {
    self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }
}

/// The kinds of file in `stat`'s `st_mode`, named for messages.
public enum FileKind {
  /// "a FIFO", "a character device", "a regular file", ...
  public static func describe(_ info: stat) -> String {
    switch info.st_mode & S_IFMT {
    case S_IFREG: return "a regular file"
    case S_IFDIR: return "a directory"
    case S_IFIFO: return "a FIFO"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    case S_IFLNK: return "a symbolic link"
    default: return "a special file"
    }
  }
}
