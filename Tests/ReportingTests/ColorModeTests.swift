import Testing

@testable import Reporting

@Suite struct ColorModeTests {
  @Test func autoFollowsTerminalAndNoColor() {
    #expect(ColorMode.auto.isEnabled(outputIsTerminal: true, environment: [:]))
    #expect(!ColorMode.auto.isEnabled(outputIsTerminal: false, environment: [:]))
    #expect(!ColorMode.auto.isEnabled(outputIsTerminal: true, environment: ["NO_COLOR": "1"]))
    #expect(ColorMode.auto.isEnabled(outputIsTerminal: true, environment: ["NO_COLOR": ""]))
    #expect(!ColorMode.auto.isEnabled(outputIsTerminal: true, environment: ["TERM": "dumb"]))
    #expect(ColorMode.always.isEnabled(outputIsTerminal: false, environment: ["NO_COLOR": "1"]))
    #expect(!ColorMode.never.isEnabled(outputIsTerminal: true, environment: [:]))
    #expect(ColorMode(rawValue: "always") == .always)
  }
}
