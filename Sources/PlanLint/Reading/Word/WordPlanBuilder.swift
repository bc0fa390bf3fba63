// From the paragraphs and tables of a Word or OpenDocument file to the plan model.
//
// Every non-empty paragraph, list item and heading becomes one virtual line, and every
// table row one line whose cells are joined by " | ". The virtual lines are the
// document's own words, so excerpts quote the document; positions are line and column on
// these lines, and each line also gets a logical location (heading path and paragraph
// ordinal, or table row and column) that the outputs show.
//
// A paragraph without a heading style is still a heading when it was typed as one: see
// `HandTypedHeading`.
import Foundation

/// A paragraph read from a document, before it is placed in the plan.
struct WordParagraph {
    var text: String
    /// 1–6 from the paragraph's style (resolved by name, basedOn chain, outline level).
    var headingLevel: Int?
    /// A heading's number from automatic numbering ("3.2"), put before its text.
    var number: String?
    var isListItem = false
    /// Every run with text is bold.
    var allBold = false
    var part: LogicalLocation.Part = .body
    /// Open review items inside the paragraph.
    var review: [DocumentReview.Kind] = []
}

struct WordTable {
    /// Rows of cells on the table's grid: a merged cell's text is repeated in every grid
    /// column it spans and in every row it covers vertically.
    var rows: [[String]]
    var review: [DocumentReview.Kind] = []
    var part: LogicalLocation.Part = .body
}

enum WordBlock {
    case paragraph(WordParagraph)
    case table(WordTable)
}

/// The rule for headings typed by hand (docs/plan-format.md, "Word input"): a paragraph
/// in the body that
///   1. has no heading style and is not a list item or in a table,
///   2. starts with a section number of one to four parts of one or two digits
///      ("3", "3.2", "3.2.1."), a space, and then a capital letter,
///   3. is at most 80 characters and does not end in a full stop, colon or semicolon,
///   4. and is bold throughout,
/// is a heading. Its level is the number of parts of its number ("3.2" → 2), shifted as
/// the document's styled, numbered headings are shifted: where a styled heading "3 Palvelut"
/// is at level 2 (under a title at level 1), a typed "3.2 Varhainen tuki" is at level 3.
/// Before any styled numbered heading, a document that opens with an unnumbered level-1
/// heading (its title) shifts by one, so typed chapters sit under the title.
enum HandTypedHeading {
    static let maxLength = 80

    static func level(of p: WordParagraph) -> Int? {
        guard p.headingLevel == nil, !p.isListItem, p.part == .body, p.allBold else { return nil }
        let text = p.text.trimmed(of: .whitespaces)
        return level(ofText: text)
    }

    /// Conditions 2 and 3 on the text alone.
    static func level(ofText text: String) -> Int? {
        guard text.count <= maxLength, let last = text.last, !".:;".contains(last) else { return nil }
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var parts = 0
        while true {
            var digits = 0
            while i < scalars.count, scalars[i].isASCII, scalars[i].properties.numericType != nil { digits += 1; i += 1 }
            guard digits >= 1, digits <= 2 else { return nil }
            parts += 1
            if i < scalars.count, scalars[i] == "." {
                i += 1
                if i < scalars.count, scalars[i].properties.numericType != nil, scalars[i].isASCII { continue }
            }
            break
        }
        guard parts <= 4, i < scalars.count, scalars[i] == " " else { return nil }
        while i < scalars.count, scalars[i] == " " { i += 1 }
        guard i < scalars.count, scalars[i].properties.isUppercase else { return nil }
        return min(parts, 6)
    }
}

struct WordPlanBuilder {
    let file: String
    let format: PlanFormat
    private var lines: [String] = []
    private var offset = 0
    private var sections: MarkdownParser.SectionBuilder?
    private var rootBlocks: [Block] = []
    private var locations = LogicalLocations()
    private var reviewItems: [DocumentReview.Item] = []
    /// The open headings: level and label (number, else title).
    private var headingStack: [(level: Int, label: String)] = []
    private var paragraphOrdinal = 0
    private var tableOrdinal = 0
    private var pending: [(kind: Pending, line: Int)] = []
    /// The level of the last styled numbered heading minus its number's parts.
    private var numberShift = 0
    private var sawNumberedHeading = false

    private enum Pending {
        case heading(level: Int, title: String, range: SourceRange)
        case block(Block)
    }

    init(file: String, format: PlanFormat) {
        self.file = file
        self.format = format
    }

    /// Headers and footers are read first into the root section (cover information sits
    /// there) but numbered after the body, so the body's first line is line 1 as in the
    /// Markdown twin.
    static func build(_ blocks: [WordBlock], file: String, format: PlanFormat) -> Plan {
        var b = WordPlanBuilder(file: file, format: format)
        let isMargin = { (block: WordBlock) -> Bool in
            switch block {
            case .paragraph(let p): return p.part == .header || p.part == .footer
            case .table(let t): return t.part == .header || t.part == .footer
            }
        }
        for block in blocks where !isMargin(block) { b.add(block) }
        let bodyPending = b.pending.count
        for block in blocks where isMargin(block) { b.add(block) }
        let margins = b.pending[bodyPending...].compactMap { item -> Block? in
            if case .block(let block) = item.kind { return block }
            return nil
        }
        b.pending.removeSubrange(bodyPending...)
        var plan = b.finish()
        plan.body.blocks.insert(contentsOf: margins, at: 0)
        return plan
    }

    private var headingLabels: [String] { headingStack.map(\.label) }

    /// Appends a virtual line and returns its number and its first position.
    private mutating func newLine(_ text: String) -> (Int, SourcePosition) {
        lines.append(text)
        let number = lines.count
        let start = SourcePosition(line: number, column: 1, offset: offset)
        offset += text.utf8.count + 1
        return (number, start)
    }

    mutating func add(_ block: WordBlock) {
        switch block {
        case .paragraph(var p):
            var text = Self.clean(p.text)
            if let n = p.number, p.headingLevel != nil { text = n + " " + text }
            p.text = text
            guard !text.isEmpty else {
                // An empty paragraph can still hold a comment or a change: count it at the previous line.
                for kind in p.review { addReview(kind, line: max(1, lines.count), location: currentLocation(part: p.part)) }
                return
            }
            let typed = HandTypedHeading.level(of: p).map { max(1, min(6, $0 + numberShift)) }
            if let styled = p.headingLevel {
                if let parts = HandTypedHeading.level(ofText: text) {
                    numberShift = styled - parts
                    sawNumberedHeading = true
                } else if headingStack.isEmpty, styled == 1, !sawNumberedHeading {
                    numberShift = 1
                }
            }
            if let level = p.headingLevel ?? typed {
                let (line, start) = newLine(text)
                let range = TextBlock(text: text, at: start).range
                while let top = headingStack.last, top.level >= level { headingStack.removeLast() }
                headingStack.append((level, Self.label(of: text)))
                paragraphOrdinal = 0
                tableOrdinal = 0
                pending.append((.heading(level: level, title: text, range: range), line))
                let loc = LogicalLocation(part: p.part, headings: headingLabels, isHeading: true)
                locations.set(line: line, loc)
                for kind in p.review { addReview(kind, line: line, location: loc) }
                return
            }
            let (line, start) = newLine(text)
            if p.part == .body { paragraphOrdinal += 1 }
            let loc = currentLocation(part: p.part)
            locations.set(line: line, loc)
            let tb = TextBlock(text: text, at: start)
            pending.append((.block(p.isListItem ? .listItem(tb) : .paragraph(tb)), line))
            for kind in p.review { addReview(kind, line: line, location: loc) }
        case .table(let t):
            let rows = t.rows.map { $0.map(Self.clean) }.filter { !$0.allSatisfy(\.isEmpty) }
            guard !rows.isEmpty else { return }
            tableOrdinal += 1
            var cellsByRow: [[TableCell]] = []
            var firstStart: SourcePosition?
            var lastEnd = SourcePosition.start
            var firstLine = 0
            for (r, row) in rows.enumerated() {
                let text = row.joined(separator: " | ")
                let (line, start) = newLine(text)
                if firstStart == nil { firstStart = start; firstLine = line }
                var column = 1
                var byte = start.offset
                var cells: [TableCell] = []
                for (c, cell) in row.enumerated() {
                    let pos = SourcePosition(line: line, column: column, offset: byte)
                    cells.append(TableCell(content: TextBlock(text: cell, at: pos)))
                    locations.set(line: line, column: column,
                                  LogicalLocation(part: t.part, headings: headingLabels, table: tableOrdinal, row: r + 1, column: c + 1))
                    column += cell.unicodeScalars.count + 3
                    byte += cell.utf8.count + 3
                }
                lastEnd = SourcePosition(line: line, column: text.unicodeScalars.count + 1, offset: start.offset + text.utf8.count)
                cellsByRow.append(cells)
            }
            let width = cellsByRow.map(\.count).max() ?? 0
            let padded = cellsByRow.map { row -> [TableCell] in
                row + (row.count..<width).map { _ in TableCell(content: TextBlock(text: "", at: row.last?.range.end ?? .start)) }
            }
            let table = Table(header: padded[0], rows: Array(padded.dropFirst()), range: SourceRange(start: firstStart ?? .start, end: lastEnd))
            pending.append((.block(.table(table)), firstLine))
            let loc = LogicalLocation(part: t.part, headings: headingLabels, table: tableOrdinal)
            for kind in t.review { addReview(kind, line: firstLine, location: loc) }
        }
    }

    private func currentLocation(part: LogicalLocation.Part) -> LogicalLocation {
        LogicalLocation(part: part, headings: part == .header || part == .footer ? [] : headingLabels,
                        paragraph: part == .header || part == .footer ? nil : max(1, paragraphOrdinal))
    }

    private mutating func addReview(_ kind: DocumentReview.Kind, line: Int, location: LogicalLocation) {
        reviewItems.append(DocumentReview.Item(kind: kind, line: line, location: location))
    }

    mutating func finish() -> Plan {
        let last = max(1, lines.count)
        var builder = MarkdownParser.SectionBuilder(
            root: Section(title: "", titleRange: SourceRange(at: .start), level: 0, lines: 1...last), lastLine: last)
        for (item, line) in pending {
            switch item {
            case .heading(let level, let title, let range): builder.open(level: level, title: title, titleRange: range, line: line)
            case .block(let block): builder.append(block)
            }
        }
        var plan = Plan(file: file, format: format, facts: nil, body: builder.finish(), comments: [], lines: lines)
        plan.locations = locations
        plan.review = DocumentReview(items: reviewItems)
        return plan
    }

    /// A heading's label in a location: its number ("3.2"), else its title.
    static func label(of title: String) -> String {
        let scalars = Array(title.unicodeScalars)
        var i = 0
        while i < scalars.count, (scalars[i].isASCII && scalars[i].properties.numericType != nil) || scalars[i] == "." { i += 1 }
        if i > 0, i < scalars.count, scalars[i] == " ", scalars[0] != "." {
            var number = String(String.UnicodeScalarView(scalars[0..<i]))
            while number.hasSuffix(".") { number.removeLast() }
            if !number.isEmpty { return number }
        }
        return title
    }

    /// Whitespace as a reader sees it: tabs, line breaks and runs of spaces become one space.
    static func clean(_ text: String) -> String {
        // Gathered as UTF-8 and made a String once (appending scalar by scalar to a String
        // costs hundreds of instructions a character).
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for ch in text.unicodeScalars {
            if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" || ch == "\u{A0}" || ch == "\u{2028}" {
                space = true
                continue
            }
            if ch.properties.generalCategory == .control || ch == "\u{FEFF}" || ch == "\u{AD}" { continue }
            if space, !out.isEmpty { out.append(0x20) }
            space = false
            UTF8.encode(ch) { out.append($0) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
