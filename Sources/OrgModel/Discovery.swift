import Diagnostics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the files of a organization set: folders are walked recursively for `*.yaml` / `*.yml` (hidden entries skipped,
/// symlink loops safe, entries sorted); named files bring in the whole set under their root for context.
public enum Discovery {
  /// A file of the set: where to read it and how to show it.
  public struct File: Hashable, Sendable {
    public let absolutePath: String
    /// As given on the command line, or relative to the current folder.
    public let displayPath: String
  }

  /// What `find(paths:)` found.
  public struct Result: Sendable {
    /// Every file of the set, sorted by display path.
    public var files: [File] = []
    /// The display paths of the files named on the command line; nil when only folders were given.
    public var namedFiles: [String]?
    /// The set's root when files were named (absolute).
    public var root: String?
    /// Paths that do not exist or cannot be read: missing, permission denied, a device named on the command line, a
    /// dangling symlink, a name that is not UTF-8 or a path too long for the system (IO001).
    public var unreadable: [SourceFileError] = []
    /// YAML-named entries of walked folders that are not regular files (FIFOs, sockets, devices): skipped (IO002).
    public var skipped: [SourceFileError] = []
  }

  /// The name of the config file that marks a set's root.
  public static let configFileName = ".orglint.yaml"

  public static func find(paths: [String]) -> Result {
    let cwd = FilePath.currentDirectory()
    var result = Result()
    var seen = Set<String>()  // real paths
    var namedFiles: [(path: String, absolute: String)] = []
    var walker = Walker(cwd: cwd)
    for path in paths {
      var st = stat()
      let shownPath = FilePath.displayed(path)
      guard FilePath.withSystemPath(path, { stat($0, &st) }) == 0 else {
        result.unreadable.append(SourceFileError(path: shownPath, reason: String(cString: strerror(errno))))
        continue
      }
      if st.st_mode & S_IFMT == S_IFDIR {
        walker.walk(directory: path, display: trimDot(path), explicit: true)
      } else {  // a FIFO is read to its end as `cat` would; SourceFile.read refuses devices
        namedFiles.append((path, FilePath.absolute(path, cwd: cwd)))
      }
    }
    var files: [File] = []
    for f in namedFiles {
      let file = File(absolutePath: f.absolute, displayPath: FilePath.displayed(f.path))
      if seen.insert(realPath(f.absolute)).inserted { files.append(file) }
    }
    if let first = namedFiles.first, let root = setRoot(startingAt: FilePath.parent(of: first.absolute)) {
      result.root = root
      walker.walk(directory: root, display: shown(root, cwd: cwd), explicit: false)
    }
    for f in walker.files where seen.insert(realPath(f.absolutePath)).inserted { files.append(f) }
    result.unreadable += walker.unreadable
    result.skipped = walker.skipped
    // The walk visits names in order, so the files are usually sorted already (not always: `a/x.yaml` comes after
    // `a-b.yaml` in byte order, while the walk visits folder `a` first).
    let inOrder = zip(files, files.dropFirst()).allSatisfy { !utf8Precedes($1.displayPath, $0.displayPath) }
    result.files = inOrder ? files : files.sorted { utf8Precedes($0.displayPath, $1.displayPath) }
    if !namedFiles.isEmpty {
      // Folders given next to files are reported whole.
      result.namedFiles = namedFiles.map { FilePath.displayed($0.path) } + walker.reportedFiles.map(\.displayPath)
    }
    return result
  }

  /// The nearest folder upward from `start` that has `.orglint.yaml` or a `.git` entry (a work tree's root),
  /// whichever comes first; nil when there is neither, and then the named files alone make up the set (loading
  /// a whole folder such as /tmp for context would be slow and surprising).
  public static func setRoot(startingAt start: String) -> String? {
    var dir = start
    while true {
      if exists(dir + "/" + configFileName) || exists(dir + "/.git") { return dir }
      let up = FilePath.parent(of: dir)
      if up == dir { return nil }
      dir = up
    }
  }
}

/// Walks folders; remembers which were given explicitly (their files are reported whole).
private struct Walker {
  let cwd: String
  var files: [Discovery.File] = []
  var reportedFiles: [Discovery.File] = []
  var unreadable: [SourceFileError] = []
  var skipped: [SourceFileError] = []
  var visited = Set<DirectoryID>()

  init(cwd: String) { self.cwd = cwd }

  struct DirectoryID: Hashable {
    let device: UInt64
    let inode: UInt64
  }

  /// Walks `directory`, shown as `display`; `explicit` for a folder given by the user (its files are reported),
  /// not for the set root walked for context.
  mutating func walk(directory: String, display: String, explicit: Bool) {
    let before = files.count
    visit(FilePath.absolute(directory, cwd: cwd), display: display)
    if explicit { reportedFiles += files[before...] }
  }

  private mutating func visit(_ dir: String, display: String) {
    var st = stat()
    guard FilePath.withSystemPath(dir, { stat($0, &st) }) == 0 else {
      unreadable.append(SourceFileError(path: display, reason: String(cString: strerror(errno))))
      return
    }
    guard visited.insert(DirectoryID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))).inserted else { return }
    guard let handle = FilePath.withSystemPath(dir, { opendir($0) }) else {
      let reason = String(cString: strerror(errno))
      unreadable.append(SourceFileError(path: display.isEmpty ? "." : display, reason: reason))
      return
    }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        let bytes = UnsafeRawBufferPointer(rebasing: raw.prefix { $0 != 0 })
        // Nearly every name is UTF-8: decoded here at once; the others are escaped as FilePath keeps them.
        return String(validating: bytes, as: UTF8.self) ?? FilePath.string(fromSystemBytes: bytes)
      }
      if name.hasPrefix(".") { continue }
      names.append(name)
    }
    closedir(handle)
    names.sort(by: utf8Precedes)
    for name in names {
      let path = dir + "/" + name
      let shownName = FilePath.displayed(name)
      let shown = display.isEmpty ? shownName : display + "/" + shownName
      let isYAMLName = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
      var info = stat()
      guard FilePath.withSystemPath(path, { stat($0, &info) }) == 0 else {
        let error = errno
        var link = stat()
        if error == ENOENT, FilePath.withSystemPath(path, { lstat($0, &link) }) == 0, link.st_mode & S_IFMT == S_IFLNK {
          // A dangling symlink: reported when it looks like it should lead to a YAML file.
          let target = linkTarget(path)
          if isYAMLName || target.hasSuffix(".yaml") || target.hasSuffix(".yml") {
            let reason = "a symbolic link to '\(target)', which does not exist"
            unreadable.append(SourceFileError(path: shown, reason: reason))
          }
        } else if error != ELOOP || isYAMLName {  // too long, no permission; a symlink loop named like YAML
          unreadable.append(SourceFileError(path: shown, reason: String(cString: strerror(error))))
        }
        continue
      }
      let kind = info.st_mode & S_IFMT
      if FilePath.hasEscapedBytes(name), kind == S_IFDIR || isYAMLName {
        unreadable.append(SourceFileError(path: shown, reason: "the name is not valid UTF-8; rename it"))
        continue
      }
      switch kind {
      case S_IFDIR: visit(path, display: shown)
      case S_IFREG where isYAMLName:
        files.append(Discovery.File(absolutePath: path, displayPath: shown))
      default:
        if isYAMLName, kind != S_IFREG {
          skipped.append(SourceFileError(path: shown, reason: "is \(FileKind.describe(info)), not a regular file"))
        }
      }
    }
  }

  /// The text of the symlink at `path`.
  private func linkTarget(_ path: String) -> String {
    var buffer = [UInt8](repeating: 0, count: 4097)
    let n = FilePath.withSystemPath(path) { p in
      buffer.withUnsafeMutableBytes { readlink(p, $0.baseAddress!.assumingMemoryBound(to: CChar.self), 4096) }
    }
    return n > 0 ? FilePath.displayed(FilePath.string(fromSystemBytes: buffer[0..<n])) : ""
  }
}

/// True when `a`'s UTF-8 bytes sort before `b`'s (byte order, as `LC_ALL=C ls` lists names): the order of files in
/// a set. One `memcmp`, where comparing the `utf8` views element by element cost a fifth of the walk of a
/// 5,000-file folder.
func utf8Precedes(_ a: String, _ b: String) -> Bool {
  var a = a
  var b = b
  return a.withUTF8 { x in
    b.withUTF8 { y in
      let n = min(x.count, y.count)
      let order = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
      return order != 0 ? order < 0 : x.count < y.count
    }
  }
}

private func exists(_ path: String) -> Bool {
  var st = stat()
  return FilePath.withSystemPath(path) { lstat($0, &st) } == 0
}

private func realPath(_ path: String) -> String {
  guard let p = FilePath.withSystemPath(path, { realpath($0, nil) }) else { return path }
  defer { free(p) }
  return FilePath.string(fromSystemBytes: UnsafeRawBufferPointer(start: p, count: strlen(p)))
}

/// A folder found by the loader, as users see it: relative to the current folder when it is inside it, else
/// absolute.
private func shown(_ path: String, cwd: String) -> String {
  let r = FilePath.relative(path, from: cwd)
  return r.hasPrefix("..") ? path : r
}

/// `./configs` → `configs`, `.` → `""`, so that walked files show as `configs/a.yaml` and `a.yaml`.
private func trimDot(_ path: String) -> String {
  var p = Substring(path)
  while p.hasPrefix("./") { p = p.dropFirst(2) }
  while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
  return p == "." ? "" : String(p)
}
