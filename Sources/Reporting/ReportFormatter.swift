/// Turns a report into the text of one output format.
public protocol ReportFormatter: Sendable {
  func render(_ report: Report) -> String
}
