// The Markdown reader's block parser: reads the body one line at a time with CommonMark's
// two phases (match the open containers — block quotes and list items — then see what the
// rest of the line opens or continues) and emits paragraphs, list items and tables into the
// section tree, and HTML comments into a list.
//
// Part of the hand-written Markdown reader (no Markdown library with source positions is
// available to this project; see MarkdownParser.swift). What it simplifies:
//   - headings count only outside block quotes and lists; inside them the line is text;
//   - nested lists are flattened: each item is one list item whose text is its own
//     paragraphs up to its first nested block; later paragraphs of the item are paragraphs;
//   - containers nest at most `maxDepth` deep; deeper `>` and list markers are text;
//   - a comment running over several lines is found by `-->` alone: the lines in between
//     are not read as Markdown, and its text keeps any `>` of the lines it spans.

import Foundation

extension MarkdownParser {
    final class BlockParser {
        /// The deepest nesting of block quotes and list items that is parsed as such.
        static let maxDepth = 64

        /// Where the reader is on a line: a byte index and a column with tabs expanded to
        /// multiples of 4 (for indentation only).
        struct Cursor {
            var i: Int
            var vcol: Int
        }

        /// The indentation in front of a cursor.
        struct Indent {
            /// Width in columns, tabs expanded.
            var width: Int
            /// The first byte after the indentation (the line end when the rest is blank).
            var next: Int
            var nextVcol: Int
        }

        /// An open block quote or list item.
        struct Container {
            enum Kind {
                case quote
                /// Continuation lines must be indented by `width` columns.
                case item(width: Int)
            }

            var kind: Kind
            /// The item has had a non-blank line (an item may start with one blank line only).
            var hasContent: Bool
            /// The item's text has been emitted (an item is emitted once).
            var emitted = false
            /// The item's own text so far, one entry per logical line.
            var lines: [[Piece]] = []
            /// Where the item's text starts (for an empty item).
            var contentPosition: SourcePosition
        }

        /// The last paragraph line, if it was one plain physical line (a table header row).
        struct RawLine {
            var line: Int
            var start: Int
            var end: Int
        }

        /// The open paragraph.
        struct Paragraph {
            var lines: [[Piece]] = []
            /// A logical line continued past a line break by an open comment.
            var open: [Piece]?
            /// The index of the innermost container when the paragraph began, or -1.
            var owner: Int
            var firstLine: Int
            var lastRaw: RawLine?
        }

        /// The open table.
        struct TableState {
            var header: [TableCell]
            var rows: [[TableCell]]
            var start: SourcePosition
            var end: SourcePosition
        }

        /// Leaves whose lines are skipped.
        enum CodeState: Equatable {
            case none
            case fenced(UInt8, Int)
            case indented
            case html(HTMLKind)
        }

        /// A comment opened and not yet closed, and what the line after `-->` continues.
        struct PendingComment {
            enum Context {
                case paragraph
                case other
            }

            var line: Int
            var start: Int
            var context: Context
        }

        var source: Source
        let bytes: [UInt8]
        private let bodyStart: Int
        private var sections: SectionBuilder
        private var comments: [Comment] = []
        private var containers: [Container] = []
        var paragraph: Paragraph?
        private var table: TableState?
        private var code: CodeState = .none
        private var pending: PendingComment?
        /// The table cells read so far, and where the table that passed the limit starts.
        private var tableCells = 0
        /// The most table cells the plan may hold (`TableCellLimit.maxCells`).
        private let cellLimit: Int
        private(set) var tooManyCells: (at: SourcePosition, cells: Int)?

        init(source: Source, bodyStart: Int, cellLimit: Int) {
            self.cellLimit = cellLimit
            var source = source
            let firstLine = bodyStart + 1
            let lastLine = max(source.lineCount, firstLine)
            let origin = source.startPosition(ofLine: bodyStart)
            let root = Section(title: "", titleRange: SourceRange(at: origin), level: 0, lines: firstLine...lastLine)
            self.source = source
            self.bytes = source.bytes
            self.bodyStart = bodyStart
            self.sections = SectionBuilder(root: root, lastLine: lastLine)
        }

        /// Parses the body and returns the root section and the comments.
        func run() -> (Section, [Comment]) {
            var line = bodyStart
            while line < source.lineCount, tooManyCells == nil {
                processLine(line)
                line += 1
            }
            if let open = pending, source.lineCount > 0 {
                // An unclosed comment runs to the end of the file.
                let last = source.lineCount - 1
                recordComment(startLine: open.line, startByte: open.start, endLine: last, endByte: source.lineEnds[last], closed: false)
                pending = nil
            }
            closeLeaf()
            closeContainers(downTo: 0)
            let sorted = comments.enumerated().sorted { a, b in
                a.element.range.start.offset != b.element.range.start.offset
                    ? a.element.range.start.offset < b.element.range.start.offset : a.offset < b.offset
            }.map(\.element)
            return (sections.finish(), sorted)
        }

        // MARK: - One line

        private func processLine(_ li: Int) {
            if pending != nil {
                continueComment(li)
                return
            }
            let end = source.lineEnds[li]
            var cur = Cursor(i: source.lineStarts[li], vcol: 0)

            // 1. Match the open containers.
            var matched = 0
            matching: while matched < containers.count {
                let ind = indentation(cur, end)
                switch containers[matched].kind {
                case .quote:
                    guard ind.width <= 3, ind.next < end, bytes[ind.next] == Byte.greaterThan else { break matching }
                    cur = afterQuoteMarker(ind, end)
                case .item(let width):
                    if ind.next >= end {
                        guard containers[matched].hasContent else { break matching }
                    } else {
                        guard ind.width >= width else { break matching }
                        cur = consume(cur, columns: width, end)
                    }
                }
                matched += 1
            }
            var allMatched = matched == containers.count
            let rest = indentation(cur, end)
            if rest.next < end {
                for k in 0..<matched { containers[k].hasContent = true }
            }

            // 2. Leaves that take whole lines: code, HTML blocks, table rows.
            if allMatched {
                switch code {
                case .fenced(let char, let length):
                    if rest.width <= 3, isClosingFence(rest.next, end, char, length) { code = .none }
                    return
                case .indented:
                    if rest.next >= end || rest.width >= 4 { return }
                    code = .none
                case .html(let kind):
                    if rest.next >= end {
                        if kind.endsAtBlankLine { code = .none }
                        return
                    }
                    scanForComments(li, from: rest.next, to: end)
                    if kind.ends(in: source, from: rest.next, to: end) { code = .none }
                    return
                case .none:
                    break
                }
                if table != nil {
                    if rest.next < end, lineHasPipe(rest.next, end), !startsNonRowBlock(rest, end, depth: matched) {
                        addTableRow(li, from: rest.next, to: end)
                        return
                    }
                    closeLeaf()
                }
            } else {
                // Code and HTML blocks have no lazy continuation.
                code = .none
            }

            // 3. Open new containers, then the leaf the rest of the line starts or continues.
            var depth = matched
            while true {
                let ind = indentation(cur, end)
                let start = classify(ind, end, tipParagraph: allMatched && paragraph != nil,
                                     paragraphOpen: paragraph != nil, depth: depth)
                if !allMatched {
                    if paragraph != nil, case .text = start {
                        // A lazy continuation line.
                        addParagraphLine(li, from: ind.next, to: end)
                        return
                    }
                    closeLeaf()
                    closeContainers(downTo: matched)
                    allMatched = true
                }
                switch start {
                case .blank:
                    closeLeaf()
                    return
                case .indentedCode:
                    closeLeaf()
                    interruptItem()
                    code = .indented
                    return
                case .quote:
                    closeLeaf()
                    interruptItem()
                    // A quote emits no text of its own: its content position is unused.
                    containers.append(Container(kind: .quote, hasContent: true, contentPosition: SourcePosition.start))
                    cur = afterQuoteMarker(ind, end)
                    depth += 1
                case .listItem(let marker):
                    closeLeaf()
                    interruptItem()
                    cur = openListItem(li, marker, ind, base: cur, end)
                    depth += 1
                case .atxHeading(let level, let contentStart):
                    closeLeaf()
                    if containers.isEmpty {
                        openATXHeading(li, level: level, contentStart: contentStart, end: end)
                    } else {
                        addParagraphLine(li, from: ind.next, to: end)
                        closeLeaf()
                    }
                    return
                case .fence(let char, let length):
                    closeLeaf()
                    interruptItem()
                    code = .fenced(char, length)
                    return
                case .html(let kind):
                    closeLeaf()
                    interruptItem()
                    code = .html(kind)
                    scanForComments(li, from: ind.next, to: end)
                    if !kind.endsAtBlankLine, kind.ends(in: source, from: ind.next, to: end) { code = .none }
                    return
                case .comment:
                    closeLeaf()
                    if hasTextBesideComments(ind.next, end) {
                        // `<!-- x --> Teksti`: CommonMark makes the line an HTML block, but
                        // a reader sees the text, so it is kept as a paragraph line.
                        addParagraphLine(li, from: ind.next, to: end)
                    } else {
                        scanForComments(li, from: ind.next, to: end)
                    }
                    return
                case .setextUnderline(let level):
                    finishSetextHeading(level: level)
                    return
                case .thematicBreak:
                    closeLeaf()
                    return
                case .tableDelimiter:
                    startTable()
                    return
                case .linkDefinition:
                    return
                case .text:
                    addParagraphLine(li, from: ind.next, to: end)
                    return
                }
            }
        }

        // MARK: - Indentation

        func indentation(_ cur: Cursor, _ end: Int) -> Indent {
            var i = cur.i
            var v = cur.vcol
            while i < end {
                let b = bytes[i]
                if b == Byte.space {
                    v += 1
                } else if b == Byte.tab {
                    v += 4 - v % 4
                } else {
                    break
                }
                i += 1
            }
            return Indent(width: v - cur.vcol, next: i, nextVcol: v)
        }

        /// Skips up to `columns` columns of spaces and tabs (a tab may overshoot).
        private func consume(_ cur: Cursor, columns: Int, _ end: Int) -> Cursor {
            var i = cur.i
            var v = cur.vcol
            while i < end, v - cur.vcol < columns {
                let b = bytes[i]
                if b == Byte.space {
                    v += 1
                } else if b == Byte.tab {
                    v += 4 - v % 4
                } else {
                    break
                }
                i += 1
            }
            return Cursor(i: i, vcol: v)
        }

        /// Just after a `>` and the one space or tab that may follow it.
        private func afterQuoteMarker(_ ind: Indent, _ end: Int) -> Cursor {
            let cur = Cursor(i: ind.next + 1, vcol: ind.nextVcol + 1)
            return consume(cur, columns: 1, end)
        }

        private func lineHasPipe(_ start: Int, _ end: Int) -> Bool {
            var i = start
            while i < end {
                if bytes[i] == Byte.pipe { return true }
                i += 1
            }
            return false
        }

        /// True when a line with a pipe after a table starts a block rather than a row.
        private func startsNonRowBlock(_ ind: Indent, _ end: Int, depth: Int) -> Bool {
            switch classify(ind, end, tipParagraph: false, paragraphOpen: false, depth: depth) {
            case .quote, .atxHeading, .fence, .comment, .html, .thematicBreak: return true
            default: return false
            }
        }

        // MARK: - Containers

        /// Opens a list item; returns the cursor at its content.
        private func openListItem(_ li: Int, _ marker: ListMarker, _ ind: Indent, base: Cursor, _ end: Int) -> Cursor {
            let markerVcol = ind.nextVcol + (marker.end - ind.next)
            let afterMarker = Cursor(i: marker.end, vcol: markerVcol)
            let after = indentation(afterMarker, end)
            let width: Int
            let content: Cursor
            if after.next >= end {
                width = markerVcol + 1 - base.vcol
                content = Cursor(i: end, vcol: after.nextVcol)
            } else if after.width >= 5 {
                // The content is indented code: only one column belongs to the marker.
                width = markerVcol + 1 - base.vcol
                content = consume(afterMarker, columns: 1, end)
            } else {
                width = after.nextVcol - base.vcol
                content = Cursor(i: after.next, vcol: after.nextVcol)
            }
            let position = source.position(line: li, byte: content.i)
            containers.append(Container(kind: .item(width: width), hasContent: after.next < end, contentPosition: position))
            return content
        }

        /// Emits the innermost list item's text now, because a block other than a paragraph
        /// starts inside it.
        private func interruptItem() {
            guard let last = containers.indices.last, case .item = containers[last].kind,
                  !containers[last].emitted else { return }
            containers[last].emitted = true
            let lines = containers[last].lines
            containers[last].lines = []
            if !lines.isEmpty {
                sections.append(.listItem(textBlock(lines, fallback: containers[last].contentPosition)))
            }
        }

        private func closeContainers(downTo count: Int) {
            while containers.count > count, let container = containers.popLast() {
                if case .item = container.kind, !container.emitted {
                    sections.append(.listItem(textBlock(container.lines, fallback: container.contentPosition)))
                }
            }
        }

        // MARK: - Leaves

        /// Closes the open paragraph or table (emitting it) and any code or HTML block.
        private func closeLeaf() {
            if var p = paragraph {
                paragraph = nil
                if let open = p.open {
                    var line = open
                    trim(&line, leading: true, trailing: true)
                    if !line.isEmpty { p.lines.append(line) }
                }
                route(p.lines, owner: p.owner)
            }
            if let t = table {
                table = nil
                let range = SourceRange(start: t.start, end: t.end)
                sections.append(.table(Table(header: t.header, rows: t.rows, range: range)))
            }
            code = .none
        }

        /// Paragraph lines go to the list item they belong to (until it is emitted), or
        /// become a paragraph.
        private func route(_ lines: [[Piece]], owner: Int) {
            let kept = lines.filter { !$0.isEmpty }
            guard let first = kept.first?.first else { return }
            if owner >= 0, owner < containers.count, case .item = containers[owner].kind, !containers[owner].emitted {
                containers[owner].lines.append(contentsOf: kept)
            } else {
                sections.append(.paragraph(textBlock(kept, fallback: source.position(line: first.line, byte: first.start))))
            }
        }

        private func addParagraphLine(_ li: Int, from start: Int, to end: Int) {
            if paragraph == nil {
                paragraph = Paragraph(owner: containers.count - 1, firstLine: li)
            }
            let spans = source.scanInline(start, end, pipes: false)
            let (pieces, openComment) = keepText(li, start, end, spans)
            if let openComment {
                paragraph?.open = pieces
                paragraph?.lastRaw = nil
                pending = PendingComment(line: li, start: openComment, context: .paragraph)
            } else {
                var line = pieces
                trim(&line, leading: true, trailing: true)
                if line.isEmpty {
                    paragraph?.lastRaw = nil
                } else {
                    paragraph?.lines.append(line)
                    paragraph?.lastRaw = RawLine(line: li, start: start, end: end)
                }
            }
        }

        private func openATXHeading(_ li: Int, level: Int, contentStart: Int, end: Int) {
            let spans = source.scanInline(contentStart, end, pipes: false)
            let (kept, openComment) = keepText(li, contentStart, end, spans)
            if let openComment { pending = PendingComment(line: li, start: openComment, context: .other) }
            var pieces = kept
            trim(&pieces, leading: true, trailing: true)
            // The closing sequence: `#`s preceded by a space (or making up the whole text).
            if let last = pieces.last {
                var k = last.end
                while k > last.start, bytes[k - 1] == Byte.hash { k -= 1 }
                if k < last.end, (k == last.start && pieces.count == 1) || (k > last.start && Byte.isSpaceOrTab(bytes[k - 1])) {
                    pieces[pieces.count - 1].end = k
                    trim(&pieces, leading: false, trailing: true)
                }
            }
            // Trailing attributes: `{#id}`, `{.class}`, `{-}`.
            if let last = pieces.last, bytes[last.end - 1] == Byte.rightBrace {
                var k = last.end - 2
                while k >= last.start, bytes[k] != Byte.leftBrace, bytes[k] != Byte.rightBrace { k -= 1 }
                if k >= last.start, bytes[k] == Byte.leftBrace, k + 1 < last.end - 1,
                   bytes[k + 1] == Byte.hash || bytes[k + 1] == Byte.dot || bytes[k + 1] == Byte.minus,
                   k == last.start || Byte.isSpaceOrTab(bytes[k - 1]) {
                    pieces[pieces.count - 1].end = k
                    trim(&pieces, leading: false, trailing: true)
                }
            }
            let block = textBlock([pieces], fallback: source.position(line: li, byte: contentStart))
            sections.open(level: level, title: MarkdownParser.plainTitle(block.text), titleRange: block.range, line: li + 1)
        }

        private func finishSetextHeading(level: Int) {
            guard containers.isEmpty, let p = paragraph, p.open == nil else {
                closeLeaf()
                return
            }
            let lines = p.lines.filter { !$0.isEmpty }
            guard let first = lines.first?.first else {
                closeLeaf()
                return
            }
            paragraph = nil
            let block = textBlock(lines, fallback: source.position(line: first.line, byte: first.start))
            let title = MarkdownParser.plainTitle(block.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " "))
            sections.open(level: level, title: title, titleRange: block.range, line: p.firstLine + 1)
        }

        // MARK: - Tables

        /// Turns the paragraph's last line into a table header; the lines before it stay a
        /// paragraph.
        private func startTable() {
            guard var p = paragraph, let header = p.lastRaw, p.open == nil, !p.lines.isEmpty else {
                closeLeaf()
                return
            }
            paragraph = nil
            p.lines.removeLast()
            route(p.lines, owner: p.owner)
            interruptItem()
            let start = source.position(line: header.line, byte: header.start)
            tableStart = start
            guard let row = rowCells(header.line, from: header.start, to: header.end, columns: 0, collectComments: false) else { return }
            table = TableState(header: row.cells, rows: [], start: start, end: row.end)
        }

        /// Where the table being read starts (for the error of a table past the limit).
        private var tableStart = SourcePosition.start

        /// Adds `n` cells to the plan's count; false (and the error noted) past the limit.
        func countTableCells(_ n: Int) -> Bool {
            tableCells += n
            guard tableCells > cellLimit else { return true }
            tooManyCells = (table?.start ?? tableStart, tableCells)
            return false
        }

        private func addTableRow(_ li: Int, from start: Int, to end: Int) {
            guard let columns = table?.header.count else { return }
            guard var row = rowCells(li, from: start, to: end, columns: columns, collectComments: true) else { return }
            while row.cells.count < columns {
                row.cells.append(TableCell(content: TextBlock(text: "", at: row.end)))
            }
            table?.rows.append(row.cells)
            table?.end = row.end
        }

        // MARK: - Comments

        /// Keeps the text of `start..<end` outside comments; records the closed comments and
        /// returns where an unclosed one starts.
        func keepText(_ li: Int, _ start: Int, _ end: Int, _ spans: InlineSpans) -> ([Piece], Int?) {
            var pieces: [Piece] = []
            var cursor = start
            var open: Int?
            for span in spans.comments {
                if span.start > cursor { pieces.append(Piece(line: li, start: cursor, end: span.start)) }
                if span.closed {
                    recordComment(startLine: li, startByte: span.start, endLine: li, endByte: span.end, closed: true)
                } else {
                    open = span.start
                }
                cursor = max(cursor, span.end)
            }
            if cursor < end { pieces.append(Piece(line: li, start: cursor, end: end)) }
            return (pieces, open)
        }

        /// Records the comments of a line that is not text (an HTML block, a comment line, the
        /// rest of a line after a comment that ended there).
        private func scanForComments(_ li: Int, from start: Int, to end: Int) {
            let spans = source.scanInline(start, end, pipes: false)
            for span in spans.comments {
                if span.closed {
                    recordComment(startLine: li, startByte: span.start, endLine: li, endByte: span.end, closed: true)
                } else {
                    pending = PendingComment(line: li, start: span.start, context: .other)
                }
            }
        }

        /// True when `start..<end` closes every comment it opens and has text outside them.
        private func hasTextBesideComments(_ start: Int, _ end: Int) -> Bool {
            let spans = source.scanInline(start, end, pipes: false)
            if let last = spans.comments.last, !last.closed { return false }
            var cursor = start
            for span in spans.comments {
                var k = cursor
                while k < span.start {
                    if !Byte.isSpaceOrTab(bytes[k]) { return true }
                    k += 1
                }
                cursor = span.end
            }
            while cursor < end {
                if !Byte.isSpaceOrTab(bytes[cursor]) { return true }
                cursor += 1
            }
            return false
        }

        /// Notes a comment left open by a line that is not paragraph text.
        func beginPendingComment(line: Int, start: Int) {
            pending = PendingComment(line: line, start: start, context: .other)
        }

        /// A line inside a comment that began on an earlier line.
        private func continueComment(_ li: Int) {
            guard let open = pending else { return }
            let start = source.lineStarts[li]
            let end = source.lineEnds[li]
            guard let close = source.findCommentClose(from: start, to: end) else { return }
            recordComment(startLine: open.line, startByte: open.start, endLine: li, endByte: close + 3, closed: true)
            pending = nil
            switch open.context {
            case .paragraph where paragraph != nil:
                let spans = source.scanInline(close + 3, end, pipes: false)
                let (pieces, reopened) = keepText(li, close + 3, end, spans)
                paragraph?.open?.append(contentsOf: pieces)
                if let reopened {
                    pending = PendingComment(line: li, start: reopened, context: .paragraph)
                } else {
                    var line = paragraph?.open ?? []
                    trim(&line, leading: true, trailing: true)
                    paragraph?.open = nil
                    if !line.isEmpty { paragraph?.lines.append(line) }
                }
            default:
                scanForComments(li, from: close + 3, to: end)
            }
        }

        func recordComment(startLine: Int, startByte: Int, endLine: Int, endByte: Int, closed: Bool) {
            let innerStart = min(startByte + 4, endByte)
            let innerEnd = closed ? max(innerStart, endByte - 3) : endByte
            let text = source.normalizedText(innerStart, innerEnd).trimmed(of: .whitespacesAndNewlines)
            let range = SourceRange(start: source.position(line: startLine, byte: startByte),
                                    end: source.position(line: endLine, byte: endByte))
            comments.append(Comment(text: text, range: range))
        }

        // MARK: - Text

        /// Drops spaces and tabs at the start of the first piece and the end of the last,
        /// and pieces left empty.
        func trim(_ pieces: inout [Piece], leading: Bool, trailing: Bool) {
            if leading {
                while let first = pieces.first {
                    var s = first.start
                    while s < first.end, Byte.isSpaceOrTab(bytes[s]) { s += 1 }
                    if s < first.end {
                        pieces[0].start = s
                        break
                    }
                    pieces.removeFirst()
                }
            }
            if trailing {
                while let last = pieces.last {
                    var e = last.end
                    while e > last.start, Byte.isSpaceOrTab(bytes[e - 1]) { e -= 1 }
                    if e > last.start {
                        pieces[pieces.count - 1].end = e
                        break
                    }
                    pieces.removeLast()
                }
            }
        }

        /// A text block from logical lines of pieces: pieces are concatenated, lines joined
        /// with `\n`, and a segment starts at each piece that does not continue the one
        /// before it in the file.
        func textBlock(_ lines: [[Piece]], fallback: @autoclosure () -> SourcePosition) -> TextBlock {
            var buffer: [UInt8] = []
            var segments: [TextBlock.Segment] = []
            var scalars = 0
            var last: Piece?
            for line in lines {
                let pieces = line.filter { $0.end > $0.start }
                guard !pieces.isEmpty else { continue }
                if last != nil {
                    buffer.append(Byte.lf)
                    scalars += 1
                }
                var previous: Piece?
                for piece in pieces {
                    if let previous, previous.line == piece.line, previous.end == piece.start {
                        // Continues the segment before it.
                    } else {
                        segments.append(TextBlock.Segment(textOffset: scalars, position: source.position(line: piece.line, byte: piece.start)))
                    }
                    buffer.append(contentsOf: bytes[piece.start..<piece.end])
                    scalars += source.scalarCount(piece.start, piece.end)
                    previous = piece
                }
                last = previous
            }
            guard let first = segments.first, let end = last else {
                return TextBlock(text: "", at: fallback())
            }
            let range = SourceRange(start: first.position, end: source.position(line: end.line, byte: end.end))
            return TextBlock(text: String(decoding: buffer, as: UTF8.self), range: range, segments: segments)
        }
    }
}
