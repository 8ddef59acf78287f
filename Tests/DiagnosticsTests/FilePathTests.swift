import Testing

@testable import Diagnostics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct CurrentDirectoryTests {
  @Test func isTheAbsoluteFolderTheProcessRunsIn() throws {
    let cwd = FilePath.currentDirectory()
    #expect(cwd.hasPrefix("/"))
    var here = stat()
    var named = stat()
    #expect(stat(".", &here) == 0)
    #expect(FilePath.withSystemPath(cwd) { stat($0, &named) } == 0)
    #expect(here.st_ino == named.st_ino && here.st_dev == named.st_dev)
  }
}

@Suite struct PathArithmeticTests {
  @Test func absoluteRelativeAndParent() {
    #expect(FilePath.absolute("b/../c/./d.yaml", cwd: "/w") == "/w/c/d.yaml")
    #expect(FilePath.absolute("/x//y/../z", cwd: "/w") == "/x/z")
    #expect(FilePath.absolute("../../..", cwd: "/w") == "/")
    #expect(FilePath.relative("/a/b/c.yaml", from: "/a") == "b/c.yaml")
    #expect(FilePath.relative("/a/x/c.yaml", from: "/a/b") == "../x/c.yaml")
    #expect(FilePath.relative("/a", from: "/a") == "")
    #expect(FilePath.parent(of: "/a/b") == "/a")
    #expect(FilePath.parent(of: "/a") == "/")
    #expect(FilePath.parent(of: "/") == "/")
  }

  @Test func besideAFile() {
    #expect(FilePath.beside("sub/.orglint.yaml", "policy/rules") == "sub/policy/rules")
    #expect(FilePath.beside("./sub/.orglint.yaml", "./policy") == "sub/policy")
    #expect(FilePath.beside(".orglint.yaml", "baseline.json") == "baseline.json")
    #expect(FilePath.beside("sub/.orglint.yaml", "/abs/rules") == "/abs/rules")
  }
}
