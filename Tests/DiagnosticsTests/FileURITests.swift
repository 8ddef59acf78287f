import Diagnostics
import Testing

@Suite struct FileURITests {
  @Test func encodesEveryByteOutsideTheKeptCharacters() {
    #expect(FileURI.uri(ofPath: "/repo/org/prod.yaml") == "file:///repo/org/prod.yaml")
    #expect(FileURI.uri(ofPath: "/my repo/a:b/é#1.yaml") == "file:///my%20repo/a%3Ab/%C3%A9%231.yaml")
    #expect(FileURI.percentEncoded("org/a b.yaml") == "org/a%20b.yaml")
  }

  @Test func pathsComeBackFromTheirURIs() {
    for path in ["/repo/org/prod.yaml", "/my repo/a:b/é#1.yaml", "/100%/x?.yaml"] {
      #expect(FileURI.path(of: FileURI.uri(ofPath: path)) == path)
    }
    #expect(FileURI.path(of: "file://localhost/tmp/x.yaml") == "/tmp/x.yaml")
    #expect(FileURI.path(of: "file://server/share/x.yaml") == nil)
    #expect(FileURI.path(of: "https://example.com/x.yaml") == nil)
  }
}
