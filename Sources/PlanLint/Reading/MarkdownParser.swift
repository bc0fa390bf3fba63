// The Markdown reader's entry point: splits a Markdown plan into its YAML front matter, a
// tree of sections holding positioned paragraphs, list items and tables, and its HTML
// comments.
//
// No Markdown library with source positions is available to this project (Ink only renders
// HTML), so the reader is written by hand: a CommonMark-style block parser for the subset
// plans use (ATX and setext headings, paragraphs, block quotes, lists, fenced and indented
// code, HTML blocks and comments, GFM pipe tables). It works on the file's UTF-8 bytes in
// one pass, so every position it reports is a true file position, and it never backtracks.
//
// This file owns the public API and the front matter. The rest lives in Markdown/:
//   MarkdownSource.swift     bytes, the line table, byte → line/column/offset
//   InlineScanner.swift      code spans, HTML comments and pipes within one line
//   BlockParser.swift        the container/leaf state machine, one line at a time
//   BlockStarts.swift        recognisers for the line that opens a block
//   TableRows.swift          GFM pipe-table rows and cells
//   HeadingTitle.swift       inline markup removed from heading titles
//   SectionBuilder.swift     the section tree and its line ranges

import Foundation

/// A Markdown file read into front matter, a section tree and comments, with positions.
public struct MarkdownDocument: Sendable {
    /// The YAML front matter between the `---` fences at the top of the file.
    public struct FrontMatter: Sendable {
        /// The YAML between the fences, exactly as in the file (line endings normalised to
        /// `\n`, each line followed by one).
        public var text: String
        /// The file position of the first character of `text`.
        public var base: SourcePosition
        /// From the opening `---` to the end of the closing fence line.
        public var range: SourceRange

        /// Creates front matter from its parts.
        public init(text: String, base: SourcePosition, range: SourceRange) {
            self.text = text
            self.base = base
            self.range = range
        }
    }

    /// The front matter, or nil when the file does not start with a `---` line.
    public var frontMatter: FrontMatter?
    /// The body as a root section (level 0, no title) covering the first body line to the
    /// last line of the file.
    public var body: Section
    /// The HTML comments of the body in document order, with their trimmed inner text.
    public var comments: [Comment]
    /// All lines of the file without their terminators; line 1 is `lines[0]`.
    public var lines: [String]

    /// Creates a document from its parts.
    public init(frontMatter: FrontMatter?, body: Section, comments: [Comment], lines: [String]) {
        self.frontMatter = frontMatter
        self.body = body
        self.comments = comments
        self.lines = lines
    }
}

/// Reads Markdown plans.
public enum MarkdownParser {
    /// Reads a Markdown file's text.
    ///
    /// Line endings may be `\n`, `\r\n` or a lone `\r`; a leading UTF-8 byte order mark is
    /// skipped but counted in byte offsets. The errors are front matter that is opened
    /// and never closed, and tables holding more than `cellLimit` cells (the tests give a
    /// smaller limit to test how cells are counted on small tables).
    public static func parse(_ text: String, file: String, cellLimit: Int = TableCellLimit.maxCells) throws(InputError) -> MarkdownDocument {
        var source = Source(text)
        let lines = source.lineStrings()
        var frontMatter: MarkdownDocument.FrontMatter?
        var bodyStart = 0

        if source.lineCount > 0, source.isFence(line: 0, allowDots: false) {
            var closing: Int?
            var line = 1
            while line < source.lineCount {
                if source.isFence(line: line, allowDots: true) {
                    closing = line
                    break
                }
                line += 1
            }
            let opening = source.position(line: 0, byte: source.lineStarts[0])
            guard let close = closing else {
                throw InputError(.invalidPlan, file: file, at: opening,
                                 "front matter opened on line 1 is never closed (expected a line with ---)")
            }
            var yaml = ""
            for index in 1..<close {
                yaml += lines[index]
                yaml += "\n"
            }
            let base = source.position(line: 1, byte: source.lineStarts[1])
            let end = source.position(line: close, byte: source.lineEnds[close])
            frontMatter = MarkdownDocument.FrontMatter(text: yaml, base: base, range: SourceRange(start: opening, end: end))
            bodyStart = close + 1
        }

        let parser = BlockParser(source: source, bodyStart: bodyStart, cellLimit: cellLimit)
        let (body, comments) = parser.run()
        if let over = parser.tooManyCells {
            throw InputError(.tooLarge, file: file, at: over.at, TableCellLimit.message(cells: over.cells, limit: cellLimit))
        }
        return MarkdownDocument(frontMatter: frontMatter, body: body, comments: comments, lines: lines)
    }
}
