// GFM pipe-table rows for the Markdown reader: splits a row into cells at unescaped pipes
// outside code spans and comments, trims each cell, turns `\|` into `|`, and gives every
// cell its exact position.
//
// Part of the hand-written Markdown reader (no Markdown library with source positions is
// available to this project; see MarkdownParser.swift).

extension MarkdownParser.BlockParser {
    /// The cell bounds of the row `start..<end` (leading and trailing pipes dropped) and
    /// the end of the row without trailing blanks.
    func rowBounds(_ start: Int, _ end: Int, _ spans: MarkdownParser.InlineSpans) -> (cells: [(Int, Int)], end: Int) {
        var e = end
        while e > start, Byte.isSpaceOrTab(bytes[e - 1]) { e -= 1 }
        let pipes = spans.pipes
        var first = 0
        var last = pipes.count
        var s = start
        var cellsEnd = e
        if first < last, pipes[first] == start {
            s = start + 1
            first += 1
        }
        if first < last, pipes[last - 1] == e - 1 {
            cellsEnd = e - 1
            last -= 1
        }
        var cells: [(Int, Int)] = []
        var cellStart = s
        var k = first
        while k < last {
            cells.append((cellStart, pipes[k]))
            cellStart = pipes[k] + 1
            k += 1
        }
        cells.append((cellStart, max(cellStart, cellsEnd)))
        return (cells, e)
    }

    /// The number of cells of a paragraph line that may become a header row.
    func headerCellCount(_ raw: RawLine) -> Int {
        let spans = source.scanInline(raw.start, raw.end, pipes: true)
        return rowBounds(raw.start, raw.end, spans).cells.count
    }

    /// The cells of the row `start..<end` on line `li`, and the position of the row's end;
    /// nil when the row, counted as at least `columns` wide, takes the plan's cells past
    /// `TableCellLimit.maxCells` (no cell of it is built).
    func rowCells(_ li: Int, from start: Int, to end: Int, columns: Int, collectComments: Bool) -> (cells: [TableCell], end: SourcePosition)? {
        let spans = source.scanInline(start, end, pipes: true)
        if collectComments {
            // Records the closed comments (and notes an unclosed one).
            _ = keepText(li, start, end, spans)
            if let open = spans.comments.last, !open.closed {
                beginPendingComment(line: li, start: open.start)
            }
        }
        let bounds = rowBounds(start, end, spans)
        guard countTableCells(max(columns, bounds.cells.count)) else { return nil }
        var cells: [TableCell] = []
        cells.reserveCapacity(bounds.cells.count)
        var commentIndex = 0
        for (a, b) in bounds.cells {
            // The cell's text outside comments (comments never straddle a pipe).
            var pieces: [MarkdownParser.Piece] = []
            var cursor = a
            while commentIndex < spans.comments.count, spans.comments[commentIndex].end <= a { commentIndex += 1 }
            var k = commentIndex
            while k < spans.comments.count, spans.comments[k].start < b {
                let span = spans.comments[k]
                if span.start > cursor { pieces.append(MarkdownParser.Piece(line: li, start: cursor, end: span.start)) }
                cursor = max(cursor, min(span.end, b))
                k += 1
            }
            if cursor < b { pieces.append(MarkdownParser.Piece(line: li, start: cursor, end: b)) }
            pieces = unescapingPipes(pieces)
            trim(&pieces, leading: true, trailing: true)
            // An empty cell sits where text would start: after one space following the pipe.
            let emptyAt = a < b && Byte.isSpaceOrTab(bytes[a]) ? a + 1 : a
            cells.append(TableCell(content: textBlock([pieces], fallback: source.position(line: li, byte: emptyAt))))
        }
        return (cells, source.position(line: li, byte: bounds.end))
    }

    /// Splits pieces around the backslash of each `\|`, so that the text holds `|` alone.
    private func unescapingPipes(_ pieces: [MarkdownParser.Piece]) -> [MarkdownParser.Piece] {
        var out: [MarkdownParser.Piece] = []
        for piece in pieces {
            var s = piece.start
            var i = piece.start
            while i < piece.end {
                if bytes[i] == Byte.backslash, i + 1 < piece.end {
                    if bytes[i + 1] == Byte.pipe {
                        if i > s { out.append(MarkdownParser.Piece(line: piece.line, start: s, end: i)) }
                        s = i + 1
                    }
                    i += 2
                    continue
                }
                i += 1
            }
            if s < piece.end { out.append(MarkdownParser.Piece(line: piece.line, start: s, end: piece.end)) }
        }
        return out
    }
}
