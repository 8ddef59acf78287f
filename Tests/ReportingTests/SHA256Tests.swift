import OrglintTestSupport
import Testing

@testable import Reporting

@Suite struct SHA256Tests {
  @Test func knownVectors() {
    #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test(.requires(.python(), for: "SHA-256 compared with Python's hashlib"))
  func agreesWithPythonAcrossPaddingBoundaries() throws {
    // Lengths 0...130 cross the 55/56/64-byte padding cases; multi-byte text checks UTF-8 input.
    let inputs = (0...130).map { String(repeating: "é", count: $0 % 3) + String(repeating: "a", count: $0) }
    let outcome = try PythonScript.run(
      """
      import hashlib, sys
      for line in sys.stdin.read().split("\\n")[:-1]: print(hashlib.sha256(line.encode()).hexdigest())
      """,
      input: inputs.map { $0 + "\n" }.joined())
    #expect(outcome.stdout.split(separator: "\n").map(String.init) == inputs.map(SHA256.hex))
  }
}
