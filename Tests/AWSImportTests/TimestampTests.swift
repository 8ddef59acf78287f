import Testing

@testable import AWSImport

@Suite struct TimestampTests {
  @Test(arguments: [
    ("2026-10-01T10:00:00Z", "2026-10-01T10:00:00Z"),
    ("2026-10-01T10:00:00.123456+00:00", "2026-10-01T10:00:00Z"),
    ("2026-10-01T03:00:00-07:00", "2026-10-01T10:00:00Z"),
    ("2026-01-01 01:30:00+02:00", "2025-12-31T23:30:00Z"),
    ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
    ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
  ])
  func normalisesToUTC(input: String, expected: String) {
    #expect(Timestamp(parsing: input)?.description == expected)
  }

  @Test(arguments: [
    "N/A", "no_information", "not_supported", "2026-13-01T00:00:00Z", "2026-10-01T10:00:00",
    "2026-10-01T10:00:00+0000", "2026-10-01T10:00:00Zjunk", "", "2026-02-31T00:00:00Z", "2026-12-31T23:59:60Z",
  ])
  func rejectsWhatIsNotATime(input: String) {
    #expect(Timestamp(parsing: input) == nil)
  }

  @Test func addsSeconds() {
    let start = Timestamp(parsing: "2026-12-31T23:55:00Z")!
    #expect(start.adding(seconds: 900)?.description == "2027-01-01T00:10:00Z")
  }
}
