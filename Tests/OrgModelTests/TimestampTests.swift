import Testing

@testable import OrgModel

@Suite struct TimestampTests {
  @Test func parsesUTCAndOffsets() throws {
    let utc = try #require(Timestamp(rfc3339: "2026-10-01T10:00:00Z"))
    #expect(utc.seconds == 1_790_848_800)
    #expect(utc.nanos == 0)
    #expect(Timestamp(rfc3339: "2026-10-01t10:00:00z") == utc)
    #expect(Timestamp(rfc3339: "2026-10-01 10:00:00Z") == utc)
    #expect(Timestamp(rfc3339: "2026-10-01T12:30:00+02:30") == utc)
    #expect(Timestamp(rfc3339: "2026-10-01T05:00:00-05:00") == utc)
    #expect(Timestamp(rfc3339: "1970-01-01T00:00:00Z") == Timestamp(seconds: 0))
    #expect(Timestamp(rfc3339: "1969-12-31T23:59:59Z") == Timestamp(seconds: -1))
  }

  @Test func fractionsKeepNanoseconds() throws {
    #expect(Timestamp(rfc3339: "2026-10-01T10:00:00.5Z")?.nanos == 500_000_000)
    #expect(Timestamp(rfc3339: "2026-10-01T10:00:00.123456789Z")?.nanos == 123_456_789)
    // Digits past nanoseconds are dropped.
    #expect(Timestamp(rfc3339: "2026-10-01T10:00:00.1234567891Z")?.nanos == 123_456_789)
  }

  @Test func rejectsMalformedText() {
    for text in [
      "", "2026-10-01", "2026-10-01T10:00:00", "2026-13-01T10:00:00Z", "2026-02-29T10:00:00Z",
      "2026-10-01T24:00:00Z", "2026-10-01T10:60:00Z", "2026-10-01T10:00:00.Z", "2026-10-01T10:00:00+0200",
      "2026-10-01T10:00:00Zjunk", "yesterday", "2026-1-01T10:00:00Z", "２026-10-01T10:00:00Z",
    ] {
      #expect(Timestamp(rfc3339: text) == nil, "\(text)")
    }
    #expect(Timestamp(rfc3339: "2024-02-29T10:00:00Z") != nil)
  }

  @Test func ordersAndPrints() throws {
    let a = try #require(Timestamp(rfc3339: "2026-10-01T10:00:00Z"))
    let b = try #require(Timestamp(rfc3339: "2026-10-01T10:00:00.000000001Z"))
    #expect(a < b)
    #expect(a.description == "2026-10-01T10:00:00Z")
    #expect(b.description == "2026-10-01T10:00:00.000000001Z")
    #expect(Timestamp(rfc3339: "2026-10-01T12:30:00.25+02:00")?.description == "2026-10-01T10:30:00.25Z")
    #expect(Timestamp(seconds: -1).description == "1969-12-31T23:59:59Z")
  }
}
