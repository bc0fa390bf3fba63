// Where a person finds something in a document that has no line numbers: the heading it
// is under and the paragraph, or the table, row and column.
//
// A Word or OpenDocument plan is read into the same model as Markdown, with one virtual
// line per paragraph (and per table row) so that the line-based machinery works; the
// logical location is what the outputs show beside it: "luku 3.2, 4. kappale",
// "kapitel 3.2, 4 stycket", "chapter 3.2, paragraph 4".
import Foundation

public struct LogicalLocation: Sendable, Codable, Hashable {
    /// The part of the document.
    public enum Part: String, Sendable, Codable, Hashable {
        case body, header, footer, footnote, comment
        case textBox = "text_box"
    }

    public var part: Part
    /// The headings above, outermost first, each as its number ("3.2") when it has one,
    /// else its title.
    public var headings: [String]
    /// True when the location is the heading itself.
    public var isHeading: Bool
    /// The paragraph's ordinal under its heading (1-based; list items count as paragraphs).
    public var paragraph: Int?
    /// The table's ordinal under its heading, and the row and column (1-based, the header
    /// row is row 1).
    public var table: Int?
    public var row: Int?
    public var column: Int?

    public init(part: Part = .body, headings: [String], isHeading: Bool = false, paragraph: Int? = nil,
                table: Int? = nil, row: Int? = nil, column: Int? = nil) {
        self.part = part
        self.headings = headings
        self.isHeading = isHeading
        self.paragraph = paragraph
        self.table = table
        self.row = row
        self.column = column
    }

    enum CodingKeys: String, CodingKey {
        case part, headings
        case isHeading = "heading"
        case paragraph, table, row, column
    }

    /// The location in words, in one language.
    public func rendered(_ language: Language) -> String {
        let w = Catalogue.word
        var parts: [String] = []
        switch part {
        case .header: parts.append(w.header[language])
        case .footer: parts.append(w.footer[language])
        default: break
        }
        let isNumber = { (s: String) in s.first?.isNumber == true && s.allSatisfy { $0.isNumber || $0 == "." } }
        // A single unnumbered heading is the document's title: what follows it is the start.
        let title = headings.count == 1 && !isNumber(headings[0])
        if title, isHeading {
            parts.append(w.documentTitle[language])
        } else if let last = headings.last, !title {
            let name = isNumber(last) ? last : "«\(last)»"
            parts.append(w.chapter.render(language, ["name": .text(name)]))
        } else if part == .body || part == .footnote || part == .textBox {
            parts.append(w.documentStart[language])
        }
        if isHeading, !title { parts.append(w.heading[language]) }
        if let t = table {
            parts.append(w.table.render(language, ["n": .number(t)]))
            if let r = row { parts.append(w.row.render(language, ["n": .number(r)])) }
            if let c = column { parts.append(w.column.render(language, ["n": .number(c)])) }
        } else if let p = paragraph {
            parts.append(w.paragraph.render(language, ["n": .number(p)]))
        }
        switch part {
        case .footnote: parts.append(w.footnote[language])
        case .textBox: parts.append(w.textBox[language])
        case .comment: parts.append(w.commentPart[language])
        default: break
        }
        return parts.joined(separator: ", ")
    }
}

extension Language {
    /// 0, 1, 2 for fi, sv, en.
    var index: Int {
        switch self {
        case .fi: return 0
        case .sv: return 1
        case .en: return 2
        }
    }
}

/// The logical locations of a document's virtual lines: for each line, the location of
/// the text starting at each column (a table row has one per cell).
public struct LogicalLocations: Sendable {
    public struct Span: Sendable {
        public var column: Int
        public var location: LogicalLocation
    }

    public var lines: [Int: [Span]] = [:]

    public init() {}

    public mutating func set(line: Int, column: Int = 1, _ location: LogicalLocation) {
        lines[line, default: []].append(Span(column: column, location: location))
    }

    /// The location of the text at a line and column, or nil for a line with none.
    public func location(line: Int, column: Int) -> LogicalLocation? {
        guard let spans = lines[line] else { return nil }
        var found = spans.first?.location
        for s in spans where s.column <= column { found = s.location }
        return found
    }

    public var isEmpty: Bool { lines.isEmpty }
}
