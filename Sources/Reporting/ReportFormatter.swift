/// Turns a report into the text of one output format.
public protocol ReportFormatter: Sendable {
  func render(_ report: Report) -> String

  /// Writes what `render` gives to `output`, in chunks when the format can write them as it goes (so that a large
  /// report is not held whole), else as one.
  func write(_ report: Report, to output: (UnsafeRawBufferPointer) -> Void)
}

extension ReportFormatter {
  public func write(_ report: Report, to output: (UnsafeRawBufferPointer) -> Void) {
    var text = render(report)
    text.withUTF8 { output(UnsafeRawBufferPointer($0)) }
  }
}
