import Testing

@testable import Diagnostics

@Suite struct GoDurationTests {
  @Test func readsGoDurationsExactly() {
    #expect(GoDuration.nanoseconds("24h") == 86_400_000_000_000)
    #expect(GoDuration.nanoseconds("1h30m") == 5_400_000_000_000)
    #expect(GoDuration.nanoseconds("1.5s") == 1_500_000_000)
    #expect(GoDuration.nanoseconds("30d") == 2_592_000_000_000_000)
    #expect(GoDuration.nanoseconds("-2m") == -120_000_000_000)
    #expect(GoDuration.nanoseconds("+300ms") == 300_000_000)
    #expect(GoDuration.nanoseconds("1us") == 1_000)
    #expect(GoDuration.nanoseconds("1µs") == 1_000)
    #expect(GoDuration.nanoseconds("1μs") == 1_000)
    #expect(GoDuration.nanoseconds("0") == 0)
    #expect(GoDuration.nanoseconds(".5h") == 1_800_000_000_000)
    // Exact where a Double would round: 0.1h + 0.2h is 1_080_000_000_000 ns to the nanosecond.
    #expect(GoDuration.nanoseconds("0.1h0.2h") == 1_080_000_000_000)
    #expect(GoDuration.nanoseconds("1.000000001s") == 1_000_000_001)
    // Digits below a nanosecond are dropped, as Go does.
    #expect(GoDuration.nanoseconds("1.9ns") == 1)
  }

  @Test func rejectsWhatIsNotADuration() {
    for text in ["", "-", "+", "h", "2x", "1", "5m3", "1.5.3h", ".h", "1h ", " 1h", "１h", "9223372036854775808ns"] {
      #expect(GoDuration.nanoseconds(text) == nil, "\(text)")
    }
    // 107 000 days is about 293 years: past Int64 nanoseconds.
    #expect(GoDuration.nanoseconds("107000d") == nil)
    #expect(GoDuration.nanoseconds("106000d") == Int64(9_158_400_000_000_000_000))
  }

  @Test func printsBothForms() {
    #expect(GoDuration.shortText(30 * 86_400 * 1_000_000_000) == "30d")
    #expect(GoDuration.shortText(900_000_000_000) == "15m")
    #expect(GoDuration.shortText(90_000_000_000) == "90s")
    #expect(GoDuration.shortText(250_000_000) == "250ms")
    #expect(GoDuration.shortText(1_500) == "1500ns")
    #expect(GoDuration.shortText(0) == "0s")
    #expect(GoDuration.secondsText(3_600_000_000_000) == "3600s")
    #expect(GoDuration.secondsText(1_500_000_000) == "1.5s")
    #expect(GoDuration.secondsText(-1) == "-0.000000001s")
    #expect(GoDuration.secondsText(.min) == "-9223372036.854775808s")
  }
}
