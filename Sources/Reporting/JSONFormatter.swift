import Foundation

/// orglint's own JSON (`JSONReport`): pretty-printed with sorted keys, so equal reports give byte-equal output.
/// Written by `JSONReportWriter`, which gives the bytes Foundation's JSONEncoder would, at a fraction of its cost.
public struct JSONFormatter: ReportFormatter {
  public init() {}

  public func render(_ report: Report) -> String {
    JSONReportWriter.render(JSONReport(report))
  }

  public func write(_ report: Report, to output: (UnsafeRawBufferPointer) -> Void) {
    JSONReportWriter.write(report, to: output)
  }
}
