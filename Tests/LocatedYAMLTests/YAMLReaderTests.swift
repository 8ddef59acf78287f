import Diagnostics
import Testing

@testable import LocatedYAML

func read(_ text: String, limits: YAMLLimits = YAMLLimits()) -> YAMLFile {
  YAMLReader.read(SourceFile(path: "t.yaml", bytes: Array(text.utf8)), limits: limits)
}

func read(bytes: [UInt8]) -> YAMLFile {
  YAMLReader.read(SourceFile(path: "t.yaml", bytes: bytes))
}

/// `line:col` of a finding, or of a node.
func at(_ f: Finding) -> String { f.range.map { "\($0.start)" } ?? "-" }

@Suite struct YAMLReaderTests {
  @Test func nodesHaveLocationsTagsAndStyles() throws {
    let file = read("a: 1\nb:\n  - 'x'\n  - !Ref y\nc: {d: \"é\"}\n")
    #expect(file.findings.isEmpty)
    let doc = try #require(file.documents.first)
    let root = try #require(doc.root)
    #expect(doc.kind(root) == .mapping)
    #expect(doc.count(root) == 3)
    #expect(doc.scalar(doc.key(root, 1)) == "b")
    let list = doc.value(root, 1)
    #expect(doc.kind(list) == .sequence)
    #expect("\(doc.start(list))" == "3:3")
    #expect(doc.style(doc.item(list, 0)) == .singleQuoted)
    #expect(doc.scalar(doc.item(list, 0)) == "x")
    #expect(doc.tag(doc.item(list, 1)) == "!Ref")
    #expect(doc.scalar(doc.item(list, 1)) == "y")
    #expect("\(doc.start(doc.item(list, 1)))" == "4:5")
    let flow = doc.value(root, 2)
    #expect(doc.style(flow) == .flow)
    #expect(doc.range(flow).start.description == "5:4")
    #expect(doc.range(flow).end.description == "5:12")
    #expect(doc.scalar(doc.value(flow, 0)) == "é")
    // A block collection ends where its last value ends, not at the next token.
    #expect(doc.range(list).end.description == "4:11")
  }

  @Test func columnsCountCodePointsAfterMultiByteCharacters() throws {
    let file = read("ä: ö\nname: \"日本\"\n")
    let doc = try #require(file.documents.first)
    let root = try #require(doc.root)
    #expect("\(doc.start(doc.value(root, 0)))" == "1:4")
    let v = doc.value(root, 1)
    #expect("\(doc.start(v))" == "2:7")
    #expect(doc.range(v).end.description == "2:11")
    #expect(doc.scalar(v) == "日本")
  }

  @Test func bomAndCRLFKeepPositions() throws {
    let file = read(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: x\r\n".utf8))
    #expect(file.findings.isEmpty)
    let doc = try #require(file.documents.first)
    let root = try #require(doc.root)
    #expect("\(doc.start(doc.key(root, 0)))" == "1:1")
    #expect("\(doc.start(doc.value(root, 1)))" == "2:4")
    #expect(doc.scalar(doc.value(root, 1)) == "x")
  }

  @Test func allDocumentsOfAStream() {
    let file = read("a: 1\n---\nb: 2\n---\n")
    #expect(file.documents.count == 3)
    #expect(file.documents[2].root.map { file.documents[2].isNull($0) } == true)
  }

  @Test func syntaxErrorAtLibyamlsMarkWithContext() throws {
    let file = read("a: 1\nb: [1, 2\nc: 3\n")
    let f = try #require(file.findings.first)
    #expect(f.ruleId == "YAML001")
    #expect(at(f) == "3:2")
    #expect(
      f.message
        == "did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2, column 4)")
    #expect(file.documents.isEmpty)
  }

  @Test func duplicateKeyAtTheSecondKeyNamingTheFirstLine() throws {
    let file = read("name: a\nid: 1\nname: b\n")
    let f = try #require(file.findings.first)
    #expect(f.ruleId == "YAML002")
    #expect(at(f) == "3:1")
    #expect(f.message == "duplicate key 'name'; it is first defined at line 1")
    let doc = try #require(file.documents.first)
    #expect(doc.isDuplicateKey(doc.key(doc.root!, 2)))
    #expect(!doc.isDuplicateKey(doc.key(doc.root!, 0)))
  }

  @Test func invalidUTF8AndNULAreLocated() throws {
    let bad = read(bytes: Array("a: 1\nb: ".utf8) + [0xFF] + Array("\n".utf8))
    let f = try #require(bad.findings.first)
    #expect(f.ruleId == "YAML003")
    #expect(at(f) == "2:4")
    #expect(f.message == "invalid text: invalid leading UTF-8 octet (byte 0xFF)")
    let nul = read(bytes: Array("a: x".utf8) + [0] + Array("y\n".utf8))
    let g = try #require(nul.findings.first)
    #expect(g.ruleId == "YAML003")
    #expect(at(g) == "1:5")
    #expect(g.message == "invalid text: control characters are not allowed (U+0000)")
  }

  @Test func deepNestingStopsEarlyWithAFinding() throws {
    let deep = String(repeating: "[", count: 100_000)
    let file = read("a: " + deep)
    let f = try #require(file.findings.first)
    #expect(f.ruleId == "YAML004")
    #expect(at(f) == "1:515")
    #expect(f.message == "collections are nested deeper than 512 levels; reading stops here")
    #expect(file.documents.isEmpty)
  }

  @Test func aliasBombIsRefusedWithoutExpanding() throws {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for i in 1...9 {
      let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
      text += "a\(i): &a\(i) [\(refs)]\n"
    }
    let file = read(text)
    let f = try #require(file.findings.first)
    #expect(f.ruleId == "YAML005")
    #expect(at(f) == "6:45")
    #expect(f.message == "aliases expand to more than 1000000 nodes; '*a4' and later aliases are read as null")
    let doc = try #require(file.documents.first)
    let last = doc.value(doc.root!, 9)
    #expect(doc.resolve(doc.item(last, 0)) == nil)
    // Aliases below the limit resolve to their anchor.
    let second = doc.value(doc.root!, 1)
    #expect(doc.resolve(doc.item(second, 0)) == doc.value(doc.root!, 0))
  }

  @Test func recursiveAndUndefinedAliases() throws {
    let rec = read("a: &x [1, *x]\n")
    #expect(rec.findings.map(\.ruleId) == ["YAML005"])
    #expect(rec.findings.first?.message == "alias '*x' refers to the collection that contains it")
    let undef = read("a: 1\nb: *nope\n")
    #expect(undef.findings.map(\.ruleId) == ["YAML006"])
    #expect(undef.findings.first.map(at) == "2:4")
  }

  @Test func commentsAreIndexedOutsideScalars() {
    let file = read(
      """
      # top
      a: "x # not a comment" # trailing
      b: |
        # inside a block scalar
      c: y#not
      d: z # orglint-disable-next-line ROOT001 -- reason
      """)
    let comments = file.comments.comments
    #expect(comments.map(\.line) == [1, 2, 6])
    #expect(file.comments.comment(onLine: 2)?.text == "trailing")
    #expect(file.comments.comment(onLine: 2)?.column == 24)
    #expect(file.comments.comment(onLine: 6)?.text == "orglint-disable-next-line ROOT001 -- reason")
    #expect(file.comments.comment(onLine: 4) == nil)
  }

  @Test func scalarValuesFromSourceAndFromTheBuffer() throws {
    let file = read("a: plain text\nb: \"esc\\tape\"\nc: 'it''s'\nd: >\n  folded\n  text\n")
    let doc = try #require(file.documents.first)
    let root = doc.root!
    #expect(doc.scalar(doc.value(root, 0)) == "plain text")
    #expect(doc.scalar(doc.value(root, 1)) == "esc\tape")
    #expect(doc.scalar(doc.value(root, 2)) == "it's")
    #expect(doc.scalar(doc.value(root, 3)) == "folded text\n")
    #expect(doc.scalar(doc.value(root, 0), equals: "plain text"))
  }

  @Test func emptyInputHasNoDocuments() {
    #expect(read("").documents.isEmpty)
    #expect(read("").findings.isEmpty)
    #expect(read("# only a comment\n").comments.comments.count == 1)
  }
}

@Suite struct PipelineTests {
  /// The channel hands a batch over and keeps no reference to it: the builder frees each batch's events once
  /// consumed (a queue that kept the last 64 read batches held 7.5 MB of events at the peak of a 5,000-account load).
  @Test func aReceivedBatchIsNoLongerHeldByTheChannel() {
    let channel = BatchChannel()
    weak var first: EventBatch?
    weak var second: EventBatch?
    do {
      let a = EventBatch()
      let b = EventBatch()
      first = a
      second = b
      channel.send(a)
      channel.send(b)
    }
    do {
      let got = channel.receive()
      #expect(got != nil && got === first)
    }
    #expect(first == nil)
    #expect(second != nil)
    channel.close()
    #expect(channel.receive() === second)
    #expect(second == nil)
    #expect(channel.receive() == nil)
  }

  /// The two-thread path (used for large files) builds exactly what the one-thread path builds.
  @Test func pipelinedReadEqualsSequentialRead() throws {
    var text = "# header\n"
    for i in 0..<3000 {
      text += "- id: \"\(100_000_000_000 + i)\"\n  name: acct-\(i) # c\(i)\n  tags: {a: 'x', é: \"y\\tz\"}\n"
    }
    text += "---\nk: &a [1, 2]\nk: *a\n---\nbad: [\n"
    var pipelined = YAMLLimits()
    pipelined.pipelineThreshold = 0
    let one = read(text)
    let two = read(text, limits: pipelined)
    #expect(one.documents.count == 2)
    #expect(two.documents.count == one.documents.count)
    #expect(two.findings == one.findings)
    #expect(two.findings.map(\.ruleId) == ["YAML002", "YAML001"])
    #expect(two.comments.comments == one.comments.comments)
    #expect(two.comments.comments.count == 3001)
    for (a, b) in zip(one.documents, two.documents) {
      #expect(a.nodeCount == b.nodeCount)
      for i in 0..<a.nodeCount {
        let n = YAMLNodeID(i)
        #expect(a.kind(n) == b.kind(n) && a.scalar(n) == b.scalar(n) && a.range(n) == b.range(n))
      }
    }
  }
}

@Suite struct ArenaLayoutTests {
  /// End positions are derived for verbatim scalars and block collections, and kept for everything else.
  @Test func endsOfEveryKindOfNode() throws {
    let file = read("a: \"x\\\\\"\nb: 'q'\nc: |\n  lit\nd: [1, {e: f}]\ng: &k v\nh: *k\ni: {}\nj:\n  - 1\n  - [2]\n")
    #expect(file.findings.isEmpty)
    let doc = try #require(file.documents.first)
    let root = try #require(doc.root)
    func end(_ i: Int) -> String { "\(doc.range(doc.value(root, i)).end)" }
    #expect(doc.scalar(doc.value(root, 0)) == "x\\")
    #expect(end(0) == "1:9")  // the escaped quote makes the value a prefix of the text: the end is kept
    #expect(end(1) == "2:7")
    #expect(end(2) == "5:1")
    #expect(end(3) == "5:15")
    #expect(end(5) == "7:6")
    #expect(end(6) == "8:6")
    #expect(end(4) == "6:8")
    #expect(end(7) == "11:8")
    #expect("\(doc.range(root).end)" == "11:8")
  }

  @Test func collectionKeysKeepFullPairs() throws {
    let file = read("? [a, b]\n: 1\nplain: 2\n*x : 3\n")
    // '*x' names no anchor, but the mapping still pairs keys and values correctly.
    let doc = try #require(file.documents.first)
    let root = try #require(doc.root)
    #expect(doc.count(root) == 3)
    #expect(doc.kind(doc.key(root, 0)) == .sequence)
    #expect(doc.scalar(doc.value(root, 0)) == "1")
    #expect(doc.scalar(doc.value(root, 1)) == "2")
    #expect(doc.kind(doc.key(root, 2)) == .alias)
    #expect(doc.scalar(doc.value(root, 2)) == "3")
    let simple = try #require(read("&k a: 1\n*k : 2\n").documents.first)
    #expect(simple.count(simple.root!) == 2)
    #expect(simple.scalar(simple.value(simple.root!, 1)) == "2")
  }
}
