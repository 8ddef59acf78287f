import Testing

@testable import Diagnostics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct CurrentDirectoryTests {
  @Test func isTheAbsoluteFolderTheProcessRunsIn() throws {
    let cwd = try #require(FilePath.currentDirectory())
    #expect(cwd.hasPrefix("/"))
    var here = stat()
    var named = stat()
    #expect(stat(".", &here) == 0)
    #expect(FilePath.withSystemPath(cwd) { stat($0, &named) } == 0)
    #expect(here.st_ino == named.st_ino && here.st_dev == named.st_dev)
  }
}
