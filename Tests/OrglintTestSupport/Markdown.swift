import Foundation

/// Reading the code blocks of the documentation, for tests that check the snippets users copy.
public enum Markdown {
  /// The bodies of the fenced blocks of `language` in the Markdown file at `path` (fences may be indented, as in
  /// list items; the fence's indentation is removed from each line).
  public static func fencedBlocks(_ language: String, in path: String) throws -> [String] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var blocks: [String] = []
    var current: [Substring]?
    var indent = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.drop { $0 == " " }
      if var body = current {
        if trimmed.hasPrefix("```") {
          blocks.append(body.joined(separator: "\n") + "\n")
          current = nil
        } else {
          body.append(line.dropFirst(min(indent, line.prefix { $0 == " " }.count)))
          current = body
        }
      } else if trimmed == "```\(language)" {
        current = []
        indent = line.count - trimmed.count
      }
    }
    return blocks
  }
}
