import Testing

@testable import Diagnostics

@Suite struct CivilDateTests {
  @Test func onlyDatesThatExist() {
    #expect(CivilDate(year: 2026, month: 2, day: 31) == nil)
    #expect(CivilDate(year: 2026, month: 4, day: 31) == nil)
    #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
    #expect(CivilDate(year: 2026, month: 0, day: 1) == nil)
    #expect(CivilDate(year: 2026, month: 1, day: 0) == nil)
    #expect(CivilDate(year: 2026, month: 12, day: 31) != nil)
  }

  @Test func leapYears() {
    #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
    #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)  // a century not divisible by 400
    #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
    #expect(CivilDate.days(inMonth: 2, year: 2100) == 28)
  }

  @Test func daysSinceEpochBothWays() {
    #expect(CivilDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
    #expect(CivilDate(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
    #expect(CivilDate(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
    #expect(CivilDate(year: 1, month: 1, day: 1)?.daysSinceEpoch == -719_162)
    // Every day of 1600-01-01 ... 2399-11-08 round-trips and follows the one before it.
    var previous = CivilDate(daysSinceEpoch: -135_141)
    #expect(previous.description == "1599-12-31")
    var broken: [Int64] = []
    for days in Int64(-135_140)...157_000 {
      let date = CivilDate(daysSinceEpoch: days)
      if date.daysSinceEpoch != days || !(previous < date) || CivilDate(fullDate: date.description) != date {
        broken.append(days)
      }
      previous = date
    }
    #expect(broken.isEmpty)
    #expect(previous.description == "2399-11-08")
  }

  @Test func fullDateText() {
    #expect(CivilDate(fullDate: "2027-03-01")?.description == "2027-03-01")
    #expect(CivilDate(fullDate: "2028-02-29") != nil)
    for text in ["2027-02-29", "2027-02-31", "2027-13-01", "2027-00-10", "2027-1-01", "27-01-01xx", "2027-03-01 ", ""] {
      #expect(CivilDate(fullDate: text) == nil, "\(text)")
    }
  }

  @Test func civilTimeFields() {
    // 2026-11-25T13:14:15Z, a Wednesday, day 328 of the year (0-based).
    let c = CivilTime(secondsSinceEpoch: 1_795_612_455)
    #expect([c.year, c.month, c.day, c.hour, c.minute, c.second] == [2026, 11, 25, 13, 14, 15])
    #expect(c.dayOfWeek == 3)
    #expect(c.dayOfYear == 328)
    let before = CivilTime(secondsSinceEpoch: -1)
    #expect([before.year, before.month, before.day, before.hour, before.minute, before.second] == [1969, 12, 31, 23, 59, 59])
    #expect(before.dayOfWeek == 3)
  }
}

@Suite struct RFC3339Tests {
  @Test func offsetsAndSeparators() throws {
    let utc = try #require(RFC3339.parse("2026-10-01T10:00:00Z"))
    #expect(utc.seconds == 1_790_848_800 && utc.nanos == 0)
    for text in [
      "2026-10-01t10:00:00z", "2026-10-01 10:00:00Z", "2026-10-01T12:30:00+02:30", "2026-10-01T05:00:00-05:00",
      "2026-10-01T10:00:00+00:00", "2026-10-01T10:00:00-00:00", "2026-10-02T09:59:00+23:59",
    ] {
      #expect(RFC3339.parse(text)?.seconds == utc.seconds, "\(text)")
    }
    #expect(RFC3339.parse("2026-10-01 10:00:00Z", spaceForT: false) == nil)
    #expect(RFC3339.parse("2026-10-01T10:00:00Z", spaceForT: false)?.seconds == utc.seconds)
    #expect(RFC3339.parse("2026-01-01T01:30:00+02:00")?.seconds == RFC3339.parse("2025-12-31T23:30:00Z")?.seconds)
  }

  @Test func fractions() {
    #expect(RFC3339.parse("2026-10-01T10:00:00.5Z")?.nanos == 500_000_000)
    #expect(RFC3339.parse("2026-10-01T10:00:00.123456789Z")?.nanos == 123_456_789)
    #expect(RFC3339.parse("2026-10-01T10:00:00.000000001+01:00")?.nanos == 1)
    #expect(RFC3339.parse("2026-10-01T10:00:00.1234567891Z")?.nanos == 123_456_789)  // past nanoseconds: dropped
    #expect(RFC3339.parse("2026-10-01T10:00:00.Z") == nil)
    #expect(RFC3339.parse("2026-10-01T10:00:00.") == nil)
  }

  @Test func rejectsWhatIsNotAnInstant() {
    for text in [
      "", "yesterday", "2026-10-01", "2026-10-01T10:00:00", "2026-10-01T10:00:00+0200", "2026-10-01T10:00:00Zjunk",
      "2026-10-01T10:00:00+02:00x", "2026-10-01T10:00:00+02", "2026-1-01T10:00:00Z", "２026-10-01T10:00:00Z",
      "2026-13-01T10:00:00Z", "2026-02-31T10:00:00Z", "2026-02-29T10:00:00Z", "1900-02-29T00:00:00Z",
      "2026-04-31T00:00:00Z", "2026-10-01T24:00:00Z", "2026-10-01T10:60:00Z", "2026-12-31T23:59:60Z",
      "2026-10-01T10:00:00+24:00", "2026-10-01T10:00:00+01:60", "2026-10-01X10:00:00Z",
    ] {
      #expect(RFC3339.parse(text) == nil, "\(text)")
    }
    #expect(RFC3339.parse("2024-02-29T10:00:00Z") != nil)
    #expect(RFC3339.parse("2000-02-29T10:00:00Z") != nil)
  }

  @Test func printsUTC() {
    #expect(RFC3339.format(seconds: 0) == "1970-01-01T00:00:00Z")
    #expect(RFC3339.format(seconds: -1) == "1969-12-31T23:59:59Z")
    #expect(RFC3339.format(seconds: 951_782_400) == "2000-02-29T00:00:00Z")
    #expect(RFC3339.format(seconds: 1_790_848_800, nanos: 250_000_000) == "2026-10-01T10:00:00.25Z")
    #expect(RFC3339.format(seconds: 1_790_848_800, nanos: 1) == "2026-10-01T10:00:00.000000001Z")
    #expect(RFC3339.format(seconds: -62_135_596_800) == "0001-01-01T00:00:00Z")
    #expect(RFC3339.format(seconds: 253_402_300_799) == "9999-12-31T23:59:59Z")
  }

  @Test func printedTextReadsBack() {
    for seconds: Int64 in [-62_135_596_800, -1, 0, 86_399, 951_782_400, 1_790_848_800, 253_402_300_799] {
      let text = RFC3339.format(seconds: seconds, nanos: 5)
      #expect(RFC3339.parse(text)?.seconds == seconds, "\(text)")
      #expect(RFC3339.parse(text)?.nanos == 5, "\(text)")
    }
  }
}
