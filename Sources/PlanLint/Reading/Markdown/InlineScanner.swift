// Inline scanning within one line for the Markdown reader: finds HTML comments, backtick
// code spans (so that `<!--` or `|` inside code means nothing) and, for table rows, the
// pipes that separate cells. Backslash escapes are honoured outside code spans.
//
// Part of the hand-written Markdown reader (no Markdown library with source positions is
// available to this project; see MarkdownParser.swift). Code spans are matched within one
// line only; a code span running over a line break is not recognised.

extension MarkdownParser {
    /// An HTML comment found on a line: `start` at `<`, `end` just after `-->`, or the end
    /// of the scanned range when the comment is not closed on that line.
    struct CommentSpan {
        var start: Int
        var end: Int
        var closed: Bool
    }

    /// What a line holds besides plain text.
    struct InlineSpans {
        /// Comments in order; only the last may be unclosed.
        var comments: [CommentSpan] = []
        /// Unescaped pipes outside code spans and comments (only when asked for).
        var pipes: [Int] = []
    }
}

extension MarkdownParser.Source {
    // An extension of a nested type does not see its outer type's names.
    typealias Byte = MarkdownParser.Byte

    /// Scans the bytes `start..<end` of one line.
    func scanInline(_ start: Int, _ end: Int, pipes wantPipes: Bool) -> MarkdownParser.InlineSpans {
        var spans = MarkdownParser.InlineSpans()
        var runs: [Int: [Int]]?
        var i = start
        while i < end {
            let b = bytes[i]
            if b == Byte.backslash {
                i += 2
                continue
            }
            if b == Byte.backtick {
                var j = i
                while j < end, bytes[j] == Byte.backtick { j += 1 }
                let length = j - i
                if runs == nil { runs = backtickRuns(start, end) }
                if let table = runs, let close = Self.firstRun(in: table[length] ?? [], atOrAfter: j) {
                    i = close + length
                } else {
                    i = j
                }
                continue
            }
            if b == Byte.lessThan, i + 3 < end, bytes[i + 1] == Byte.bang,
               bytes[i + 2] == Byte.minus, bytes[i + 3] == Byte.minus {
                if let close = findCommentClose(from: i + 4, to: end) {
                    spans.comments.append(MarkdownParser.CommentSpan(start: i, end: close + 3, closed: true))
                    i = close + 3
                } else {
                    spans.comments.append(MarkdownParser.CommentSpan(start: i, end: end, closed: false))
                    i = end
                }
                continue
            }
            if wantPipes, b == Byte.pipe { spans.pipes.append(i) }
            i += 1
        }
        return spans
    }

    /// The index of the first `-->` in `start..<end`.
    func findCommentClose(from start: Int, to end: Int) -> Int? {
        var k = start
        while k + 2 < end {
            if bytes[k] == Byte.minus, bytes[k + 1] == Byte.minus, bytes[k + 2] == Byte.greaterThan { return k }
            k += 1
        }
        return nil
    }

    /// True when `needle` occurs in `start..<end`, ASCII letters compared without case.
    func contains(_ needle: [UInt8], from start: Int, to end: Int, ignoringCase: Bool) -> Bool {
        guard !needle.isEmpty, end - start >= needle.count else { return needle.isEmpty }
        var i = start
        while i + needle.count <= end {
            var k = 0
            while k < needle.count {
                let b = ignoringCase ? Byte.lower(bytes[i + k]) : bytes[i + k]
                if b != needle[k] { break }
                k += 1
            }
            if k == needle.count { return true }
            i += 1
        }
        return false
    }

    /// The maximal backtick runs of `start..<end`: run length → start indices, ascending.
    private func backtickRuns(_ start: Int, _ end: Int) -> [Int: [Int]] {
        var runs: [Int: [Int]] = [:]
        var i = start
        while i < end {
            if bytes[i] == Byte.backtick {
                let s = i
                while i < end, bytes[i] == Byte.backtick { i += 1 }
                runs[i - s, default: []].append(s)
            } else {
                i += 1
            }
        }
        return runs
    }

    /// The first start in the ascending `starts` that is at least `index` (binary search).
    private static func firstRun(in starts: [Int], atOrAfter index: Int) -> Int? {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < index { low = mid + 1 } else { high = mid }
        }
        return low < starts.count ? starts[low] : nil
    }
}
