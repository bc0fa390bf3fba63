// Positions in a source file.
//
// Every reader (YAML, Markdown, and later Word) reports where things are with these two
// types, so that a finding can point at a true file position whatever the input format.

/// A point in a source file.
///
/// `line` and `column` are 1-based; columns count Unicode scalars (SARIF's
/// `unicodeCodePoints` column kind). `offset` is the 0-based UTF-8 byte offset from the
/// start of the file.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The first position of a file.
    public static let start = SourcePosition(line: 1, column: 1, offset: 0)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column, lhs.offset) < (rhs.line, rhs.column, rhs.offset)
    }

    public var description: String { "\(line):\(column)" }
}

/// A span of a source file: `start` is inclusive, `end` is exclusive.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// An empty range at one position.
    public init(at position: SourcePosition) {
        self.start = position
        self.end = position
    }

    public var description: String { "\(start)-\(end)" }
}
