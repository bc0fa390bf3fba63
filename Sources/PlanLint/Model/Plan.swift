// The plan model: what every rule sees, whatever the file format.
//
// A `Plan` holds the facts (the YAML front matter, or the top level of a YAML plan) as a
// positioned YAML tree, and the body as a tree of `Section`s holding paragraphs, list items
// and tables, each with its position. No rule knows whether the plan was Markdown or YAML;
// a Word reader will produce the same model.

import Foundation

/// The input format a plan was read from.
public enum PlanFormat: String, Sendable, Codable {
    case markdown
    case yaml
    /// Word (.docx), read by `WordPlanReader`.
    case word
    /// OpenDocument text (.odt, flat .fodt).
    case openDocument = "opendocument"
}

/// A child and youth welfare plan as read from one file.
public struct Plan: Sendable {
    /// The path as given on the command line (or the example's path in a pack).
    public var file: String
    public var format: PlanFormat
    /// The facts: the front matter of a Markdown plan, or a YAML plan without its
    /// `sections`. Nil when the plan has none.
    public var facts: YAMLNode?
    /// The whole body as a root section (level 0, no title) whose children are the
    /// top-level headings; text before the first heading is the root's own blocks.
    public var body: Section
    /// HTML comments (`<!-- … -->`) with positions; they carry suppression directives.
    public var comments: [Comment]
    /// The source lines, for excerpts and underlined spans (line 1 is `lines[0]`).
    public var lines: [String]
    /// For a Word or OpenDocument plan, where each virtual line is in the document (the
    /// heading path and the paragraph, or the table cell); empty for Markdown and YAML.
    public var locations = LogicalLocations()
    /// For a Word or OpenDocument plan, its unaccepted tracked changes and open comments.
    public var review: DocumentReview?
    /// Keys of the facts planlint does not know (reported as warnings).
    public var keyWarnings: [PlanKeyWarning] = []
    /// The sidecar file beside the plan (`PLAN.planlint.yaml`), whose facts win over the
    /// front matter and the prose.
    public var sidecar: Sidecar?

    public init(file: String, format: PlanFormat, facts: YAMLNode?, body: Section, comments: [Comment], lines: [String]) {
        self.file = file
        self.format = format
        self.facts = facts
        self.body = body
        self.comments = comments
        self.lines = lines
    }

    /// The source line with a 1-based number, or nil.
    public func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// Every section in document order (depth first), the root excluded.
    public var allSections: [Section] { body.descendants }
}

/// A section of the plan: a heading and what follows it up to the next heading of the
/// same or a higher level.
public struct Section: Sendable {
    /// The heading text without markup (`## 2.1 Kasvuolot` → `2.1 Kasvuolot`).
    public var title: String
    /// Where the heading's text is (for the root: an empty range at 1:1).
    public var titleRange: SourceRange
    /// 1–6 for headings; 0 for the root.
    public var level: Int
    /// The first and last line the section covers, its subsections included.
    public var lines: ClosedRange<Int>
    /// Paragraphs, list items and tables directly under the heading (not in subsections).
    public var blocks: [Block]
    public var children: [Section]

    public init(title: String, titleRange: SourceRange, level: Int, lines: ClosedRange<Int>, blocks: [Block] = [], children: [Section] = []) {
        self.title = title
        self.titleRange = titleRange
        self.level = level
        self.lines = lines
        self.blocks = blocks
        self.children = children
    }

    /// Every subsection in document order (depth first), this section excluded.
    public var descendants: [Section] {
        children.flatMap { [$0] + $0.descendants }
    }

    /// This section's own blocks and those of all its subsections, in document order.
    public var allBlocks: [Block] {
        blocks + children.flatMap(\.allBlocks)
    }

    /// True when neither the section nor its subsections hold any text or table.
    public var isEmpty: Bool {
        allBlocks.allSatisfy { block in
            switch block {
            case .paragraph(let t), .listItem(let t):
                return t.text.trimmed(of: .whitespacesAndNewlines).isEmpty
            case .table(let table):
                return table.rows.isEmpty
            }
        }
    }
}

/// A block of the body.
public enum Block: Sendable {
    case paragraph(TextBlock)
    case listItem(TextBlock)
    case table(Table)

    /// The text blocks this block holds: itself, or a table's cells.
    public var textBlocks: [TextBlock] {
        switch self {
        case .paragraph(let t), .listItem(let t):
            return [t]
        case .table(let table):
            return (table.header + table.rows.flatMap { $0 }).map(\.content)
        }
    }
}

/// Text with positions: a paragraph, a list item or a table cell.
///
/// `text` joins the source lines with "\n" (list markers and the `>` of quotes removed,
/// inline markup kept). `segments` maps offsets in `text` back to file positions.
public struct TextBlock: Sendable {
    /// Where a run of `text` starts in the file. A new segment begins at each source line.
    public struct Segment: Sendable, Hashable {
        /// Offset in `text`, counted in Unicode scalars.
        public var textOffset: Int
        public var position: SourcePosition

        public init(textOffset: Int, position: SourcePosition) {
            self.textOffset = textOffset
            self.position = position
        }
    }

    public var text: String
    public var range: SourceRange
    public var segments: [Segment]

    public init(text: String, range: SourceRange, segments: [Segment]) {
        self.text = text
        self.range = range
        self.segments = segments
    }

    /// A single-line block starting at `position`.
    public init(text: String, at position: SourcePosition) {
        let scalars = text.unicodeScalars.count
        let bytes = text.utf8.count
        self.text = text
        self.range = SourceRange(
            start: position,
            end: SourcePosition(line: position.line, column: position.column + scalars, offset: position.offset + bytes)
        )
        self.segments = [Segment(textOffset: 0, position: position)]
    }

    /// Blocks read as one text, separated by line breaks; every scalar keeps its position.
    /// Nil for no blocks.
    public init?(joining blocks: [TextBlock]) {
        guard let first = blocks.first, let last = blocks.last else { return nil }
        var text = ""
        var segments: [Segment] = []
        var offset = 0
        for (i, b) in blocks.enumerated() {
            if i > 0 {
                text += "\n"
                offset += 1
            }
            segments += b.segments.map { Segment(textOffset: $0.textOffset + offset, position: $0.position) }
            text += b.text
            offset += b.text.unicodeScalars.count
        }
        self.init(text: text, range: SourceRange(start: first.range.start, end: last.range.end), segments: segments)
    }

    /// The file position of the Unicode scalar at `offset` in `text`.
    ///
    /// Within a segment, columns advance one per scalar and byte offsets by the scalar's
    /// UTF-8 length.
    public func position(atScalarOffset offset: Int) -> SourcePosition {
        guard var segment = segments.first else { return range.start }
        for s in segments where s.textOffset <= offset { segment = s }
        var position = segment.position
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var count = 0
        while count < offset, index < scalars.endIndex {
            if count >= segment.textOffset {
                position.column += 1
                position.offset += UTF8.width(scalars[index])
            }
            scalars.formIndex(after: &index)
            count += 1
        }
        return position
    }

    /// The file range of the scalars `lower..<upper` of `text`.
    public func range(ofScalars lower: Int, _ upper: Int) -> SourceRange {
        SourceRange(start: position(atScalarOffset: lower), end: position(atScalarOffset: upper))
    }

    /// The positions of the block's scalars, for many lookups in one block.
    public var positions: Positions { Positions(self) }

    /// `position(atScalarOffset:)` without walking the text on every lookup: the UTF-8
    /// offset of every scalar is counted once. For a block with many matches (a long
    /// paragraph of council decisions), walking the text per match made it quadratic.
    public struct Positions: Sendable {
        private let segments: [Segment]
        private let start: SourcePosition
        /// `bytesBefore[i]`: the UTF-8 length of the first `i` scalars.
        private let bytesBefore: [Int]

        init(_ block: TextBlock) {
            segments = block.segments
            start = block.range.start
            var bytes: [Int] = [0]
            bytes.reserveCapacity(block.text.unicodeScalars.count + 1)
            for scalar in block.text.unicodeScalars { bytes.append((bytes.last ?? 0) + UTF8.width(scalar)) }
            bytesBefore = bytes
        }

        /// What `TextBlock.position(atScalarOffset:)` returns.
        public func position(atScalarOffset offset: Int) -> SourcePosition {
            guard var segment = segments.first else { return start }
            for s in segments where s.textOffset <= offset { segment = s }
            var position = segment.position
            let end = min(offset, bytesBefore.count - 1)
            if end > segment.textOffset {
                position.column += end - segment.textOffset
                position.offset += bytesBefore[end] - bytesBefore[segment.textOffset]
            }
            return position
        }

        /// What `TextBlock.range(ofScalars:_:)` returns.
        public func range(ofScalars lower: Int, _ upper: Int) -> SourceRange {
            SourceRange(start: position(atScalarOffset: lower), end: position(atScalarOffset: upper))
        }
    }
}

/// A GitHub-flavoured pipe table.
public struct Table: Sendable {
    public var header: [TableCell]
    public var rows: [[TableCell]]
    public var range: SourceRange

    public init(header: [TableCell], rows: [[TableCell]], range: SourceRange) {
        self.header = header
        self.rows = rows
        self.range = range
    }
}

/// A table cell: its trimmed text with positions.
public struct TableCell: Sendable {
    public var content: TextBlock
    public var text: String { content.text }
    public var range: SourceRange { content.range }

    public init(content: TextBlock) {
        self.content = content
    }
}

/// An HTML comment of the body, `<!-- … -->`, with the text between the markers trimmed.
public struct Comment: Sendable, Hashable {
    public var text: String
    public var range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// What a Word or OpenDocument file still has open for review: tracked changes not yet
/// accepted or rejected, and comments not resolved.
public struct DocumentReview: Sendable {
    public enum Kind: String, Sendable, Codable {
        case insertion, deletion, comment
    }

    public struct Item: Sendable {
        public var kind: Kind
        /// The virtual line of the paragraph it is in.
        public var line: Int
        public var location: LogicalLocation
    }

    public var items: [Item]

    public init(items: [Item]) {
        self.items = items
    }

    public func count(_ kind: Kind) -> Int { items.filter { $0.kind == kind }.count }
}
