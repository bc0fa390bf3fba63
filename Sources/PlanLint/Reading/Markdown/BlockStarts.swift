// Recognisers for the Markdown line that opens a block: ATX headings, setext underlines,
// code fences, thematic breaks, list markers, HTML blocks (CommonMark's seven kinds),
// link reference definitions and GFM table delimiter rows; and `classify`, which applies
// them in CommonMark's order of precedence.
//
// Part of the hand-written Markdown reader (no Markdown library with source positions is
// available to this project; see MarkdownParser.swift). Each recogniser takes the index of
// the first non-blank byte of the rest of a line and the line's end.

extension MarkdownParser {
    /// What the rest of a line (after the matched containers) starts.
    enum BlockStart {
        case blank
        case indentedCode
        case quote
        case listItem(ListMarker)
        case atxHeading(level: Int, contentStart: Int)
        case fence(UInt8, Int)
        case html(HTMLKind)
        case comment
        case setextUnderline(level: Int)
        case thematicBreak
        case tableDelimiter
        case linkDefinition
        case text
    }

    /// A list item marker: where it ends and what kind it is.
    struct ListMarker {
        /// Just after the marker (`-`, `*`, `+`, `1.` or `1)`).
        var end: Int
        var ordered: Bool
    }

    /// The HTML blocks of CommonMark other than comments, by how they end.
    enum HTMLKind: Equatable {
        /// `<script>`, `<pre>`, `<style>`, `<textarea>`: end at the closing tag.
        case raw(closingTag: [UInt8])
        /// `<?`: ends at `?>`.
        case processingInstruction
        /// `<!DOCTYPE`: ends at `>`.
        case declaration
        /// `<![CDATA[`: ends at `]]>`.
        case cdata
        /// A known block-level tag: ends at a blank line.
        case blockTag
        /// Any other complete tag alone on its line: ends at a blank line.
        case otherTag

        var endsAtBlankLine: Bool { self == .blockTag || self == .otherTag }
        var canInterruptParagraph: Bool { self != .otherTag }

        /// True when the bytes `start..<end` hold the block's end marker.
        func ends(in source: Source, from start: Int, to end: Int) -> Bool {
            switch self {
            case .raw(let tag): return source.contains(tag, from: start, to: end, ignoringCase: true)
            case .processingInstruction: return source.contains(Array("?>".utf8), from: start, to: end, ignoringCase: false)
            case .declaration: return source.contains([Byte.greaterThan], from: start, to: end, ignoringCase: false)
            case .cdata: return source.contains(Array("]]>".utf8), from: start, to: end, ignoringCase: false)
            case .blockTag, .otherTag: return false
            }
        }
    }

    static let rawHTMLTags: Set<String> = ["script", "pre", "style", "textarea"]
    static let blockHTMLTags: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
        "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
        "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ]
}

extension MarkdownParser.BlockParser {
    // An extension of a nested type does not see its outer type's names.
    typealias Byte = MarkdownParser.Byte
    typealias BlockStart = MarkdownParser.BlockStart

    /// What the rest of a line starts, in CommonMark's order of precedence.
    ///
    /// - `tipParagraph`: a paragraph is open and every container matched, so the line may
    ///   continue it; setext underlines and table delimiters only exist then, and list items
    ///   and some HTML blocks may not interrupt it.
    /// - `paragraphOpen`: a paragraph is open (perhaps only lazily continued); indented code
    ///   and link definitions cannot start then.
    func classify(_ ind: Indent, _ end: Int, tipParagraph: Bool, paragraphOpen: Bool, depth: Int) -> BlockStart {
        let p = ind.next
        if p >= end { return .blank }
        if ind.width >= 4 { return paragraphOpen ? .text : .indentedCode }
        let b = bytes[p]
        let roomForContainer = depth < Self.maxDepth
        if b == Byte.greaterThan { return roomForContainer ? .quote : .text }
        if b == Byte.hash, let heading = atxHeading(p, end) {
            return .atxHeading(level: heading.level, contentStart: heading.contentStart)
        }
        if b == Byte.backtick || b == Byte.tilde, let fence = fenceOpening(p, end) {
            return .fence(fence.char, fence.length)
        }
        if b == Byte.lessThan {
            if isCommentStart(p, end) { return .comment }
            if let kind = htmlBlockStart(p, end), kind.canInterruptParagraph || !tipParagraph { return .html(kind) }
        }
        if tipParagraph, b == Byte.equals || b == Byte.minus, let level = setextUnderline(p, end) {
            return .setextUnderline(level: level)
        }
        if b == Byte.star || b == Byte.minus || b == Byte.underscore, isThematicBreak(p, end) { return .thematicBreak }
        if tipParagraph, isTableDelimiterForParagraph(p, end) { return .tableDelimiter }
        if roomForContainer, let marker = listMarker(p, end, interruptingParagraph: tipParagraph) { return .listItem(marker) }
        if !paragraphOpen, b == Byte.leftBracket, isLinkReferenceDefinition(p, end) { return .linkDefinition }
        return .text
    }

    /// `#`…`######` followed by a space, a tab or the end of the line.
    func atxHeading(_ p: Int, _ end: Int) -> (level: Int, contentStart: Int)? {
        var i = p
        while i < end, bytes[i] == Byte.hash, i - p < 7 { i += 1 }
        let level = i - p
        guard level >= 1, level <= 6 else { return nil }
        guard i == end || Byte.isSpaceOrTab(bytes[i]) else { return nil }
        while i < end, Byte.isSpaceOrTab(bytes[i]) { i += 1 }
        return (level, i)
    }

    /// Three or more backticks or tildes; a backtick fence's info string has no backtick.
    func fenceOpening(_ p: Int, _ end: Int) -> (char: UInt8, length: Int)? {
        let char = bytes[p]
        var i = p
        while i < end, bytes[i] == char { i += 1 }
        let length = i - p
        guard length >= 3 else { return nil }
        if char == Byte.backtick {
            while i < end {
                if bytes[i] == Byte.backtick { return nil }
                i += 1
            }
        }
        return (char, length)
    }

    /// A closing fence: at least `length` of `char`, then only spaces or tabs.
    func isClosingFence(_ p: Int, _ end: Int, _ char: UInt8, _ length: Int) -> Bool {
        var i = p
        while i < end, bytes[i] == char { i += 1 }
        guard i - p >= length else { return false }
        while i < end {
            if !Byte.isSpaceOrTab(bytes[i]) { return false }
            i += 1
        }
        return true
    }

    /// `===` (level 1) or `---` (level 2), any length, then only spaces or tabs.
    func setextUnderline(_ p: Int, _ end: Int) -> Int? {
        let char = bytes[p]
        var i = p
        while i < end, bytes[i] == char { i += 1 }
        while i < end, Byte.isSpaceOrTab(bytes[i]) { i += 1 }
        guard i == end else { return nil }
        return char == Byte.equals ? 1 : 2
    }

    /// Three or more `*`, `-` or `_` (the same one), spaces and tabs allowed between.
    func isThematicBreak(_ p: Int, _ end: Int) -> Bool {
        let char = bytes[p]
        var count = 0
        var i = p
        while i < end {
            let b = bytes[i]
            if b == char {
                count += 1
            } else if !Byte.isSpaceOrTab(b) {
                return false
            }
            i += 1
        }
        return count >= 3
    }

    /// A bullet (`-`, `+`, `*`) or ordered (`1.`, `1)`, up to nine digits) marker followed by
    /// a space, a tab or the end of the line. When interrupting a paragraph the item must
    /// not be empty and an ordered list must start at 1 (as in CommonMark).
    func listMarker(_ p: Int, _ end: Int, interruptingParagraph: Bool) -> MarkdownParser.ListMarker? {
        let b = bytes[p]
        var i = p
        var ordered = false
        var number = 0
        if b == Byte.minus || b == Byte.plus || b == Byte.star {
            i += 1
        } else if Byte.isDigit(b) {
            while i < end, Byte.isDigit(bytes[i]), i - p < 10 {
                number = number * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            guard i - p <= 9, i < end, bytes[i] == Byte.dot || bytes[i] == Byte.rightParen else { return nil }
            i += 1
            ordered = true
        } else {
            return nil
        }
        guard i == end || Byte.isSpaceOrTab(bytes[i]) else { return nil }
        if interruptingParagraph {
            var k = i
            while k < end, Byte.isSpaceOrTab(bytes[k]) { k += 1 }
            if k == end { return nil }
            if ordered, number != 1 { return nil }
        }
        return MarkdownParser.ListMarker(end: i, ordered: ordered)
    }

    /// `<!--` at `p`.
    func isCommentStart(_ p: Int, _ end: Int) -> Bool {
        p + 3 < end && bytes[p] == Byte.lessThan && bytes[p + 1] == Byte.bang
            && bytes[p + 2] == Byte.minus && bytes[p + 3] == Byte.minus
    }

    /// The HTML block a line starting with `<` opens (comments excluded), if any.
    func htmlBlockStart(_ p: Int, _ end: Int) -> MarkdownParser.HTMLKind? {
        guard p + 1 < end, bytes[p] == Byte.lessThan else { return nil }
        let second = bytes[p + 1]
        if second == Byte.question { return .processingInstruction }
        if second == Byte.bang {
            if source.contains(Array("<![CDATA[".utf8), from: p, to: min(end, p + 9), ignoringCase: false) { return .cdata }
            if p + 2 < end, Byte.isLetter(bytes[p + 2]) { return .declaration }
            return nil
        }
        var i = p + 1
        let closing = second == Byte.slash
        if closing { i += 1 }
        let nameStart = i
        guard i < end, Byte.isLetter(bytes[i]) else { return nil }
        while i < end, Byte.isAlphanumeric(bytes[i]) || bytes[i] == Byte.minus { i += 1 }
        let name = String(decoding: bytes[nameStart..<i].map(Byte.lower), as: UTF8.self)
        let atEnd = i >= end
        let next: UInt8 = atEnd ? 0 : bytes[i]
        if !closing, MarkdownParser.rawHTMLTags.contains(name), atEnd || Byte.isSpaceOrTab(next) || next == Byte.greaterThan {
            return .raw(closingTag: Array("</\(name)>".utf8))
        }
        if MarkdownParser.blockHTMLTags.contains(name) {
            if atEnd || Byte.isSpaceOrTab(next) || next == Byte.greaterThan { return .blockTag }
            if next == Byte.slash, i + 1 < end, bytes[i + 1] == Byte.greaterThan { return .blockTag }
        }
        // Any other tag, alone on its line (a simplified test of CommonMark's kind 7).
        guard !atEnd, Byte.isSpaceOrTab(next) || next == Byte.greaterThan || next == Byte.slash else { return nil }
        var e = end
        while e > i, Byte.isSpaceOrTab(bytes[e - 1]) { e -= 1 }
        guard e > i, bytes[e - 1] == Byte.greaterThan else { return nil }
        if closing {
            var k = i
            while k < e - 1 {
                if !Byte.isSpaceOrTab(bytes[k]) { return nil }
                k += 1
            }
        }
        return .otherTag
    }

    /// `[label]: destination "optional title"` on one line (footnotes `[^1]:` excluded).
    func isLinkReferenceDefinition(_ p: Int, _ end: Int) -> Bool {
        guard p + 1 < end, bytes[p] == Byte.leftBracket, bytes[p + 1] != Byte.caret else { return false }
        var i = p + 1
        var labelHasText = false
        while i < end, bytes[i] != Byte.rightBracket {
            let b = bytes[i]
            if b == Byte.leftBracket { return false }
            if !Byte.isSpaceOrTab(b) { labelHasText = true }
            i += b == Byte.backslash ? 2 : 1
        }
        guard labelHasText, i + 1 < end, bytes[i] == Byte.rightBracket, bytes[i + 1] == Byte.colon else { return false }
        i += 2
        while i < end, Byte.isSpaceOrTab(bytes[i]) { i += 1 }
        guard i < end else { return false }
        // The destination.
        if bytes[i] == Byte.lessThan {
            while i < end, bytes[i] != Byte.greaterThan { i += 1 }
            guard i < end else { return false }
            i += 1
        } else {
            while i < end, !Byte.isSpaceOrTab(bytes[i]) { i += 1 }
        }
        // An optional title, then nothing.
        let afterDestination = i
        while i < end, Byte.isSpaceOrTab(bytes[i]) { i += 1 }
        if i == end { return true }
        guard i > afterDestination else { return false }
        var e = end
        while e > i, Byte.isSpaceOrTab(bytes[e - 1]) { e -= 1 }
        let open = bytes[i]
        let close: UInt8
        switch open {
        case Byte.doubleQuote: close = Byte.doubleQuote
        case Byte.singleQuote: close = Byte.singleQuote
        case Byte.leftParen: close = Byte.rightParen
        default: return false
        }
        return e - i >= 2 && bytes[e - 1] == close
    }

    /// True when the line is a delimiter row (`|---|:--:|`) with as many cells as the last
    /// line of the open paragraph, which then becomes the table's header row.
    func isTableDelimiterForParagraph(_ p: Int, _ end: Int) -> Bool {
        guard let paragraph, paragraph.open == nil, let header = paragraph.lastRaw,
              let count = delimiterCellCount(p, end) else { return false }
        return headerCellCount(header) == count
    }

    /// The number of cells of a delimiter row, or nil when the line is not one.
    func delimiterCellCount(_ p: Int, _ end: Int) -> Int? {
        var hasPipe = false
        var i = p
        while i < end {
            let b = bytes[i]
            if b == Byte.pipe {
                hasPipe = true
            } else if b != Byte.minus, b != Byte.colon, !Byte.isSpaceOrTab(b) {
                return nil
            }
            i += 1
        }
        guard hasPipe else { return nil }
        var e = end
        while e > p, Byte.isSpaceOrTab(bytes[e - 1]) { e -= 1 }
        var s = p
        if s < e, bytes[s] == Byte.pipe { s += 1 }
        if e > s, bytes[e - 1] == Byte.pipe { e -= 1 }
        var count = 0
        var cellStart = s
        var k = s
        while k <= e {
            if k == e || bytes[k] == Byte.pipe {
                // One cell: optional spaces, optional `:`, dashes, optional `:`, spaces.
                var a = cellStart
                var b = k
                while a < b, Byte.isSpaceOrTab(bytes[a]) { a += 1 }
                while b > a, Byte.isSpaceOrTab(bytes[b - 1]) { b -= 1 }
                if a < b, bytes[a] == Byte.colon { a += 1 }
                if b > a, bytes[b - 1] == Byte.colon { b -= 1 }
                guard a < b else { return nil }
                var m = a
                while m < b {
                    if bytes[m] != Byte.minus { return nil }
                    m += 1
                }
                count += 1
                cellStart = k + 1
            }
            k += 1
        }
        return count
    }
}
