import Foundation

/// orglint's own JSON (`JSONReport`): pretty-printed with sorted keys, so equal reports give byte-equal output.
public struct JSONFormatter: ReportFormatter {
  public init() {}

  public func render(_ report: Report) -> String {
    StableJSON.encode(JSONReport(report))
  }
}
