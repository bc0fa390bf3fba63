// The Markdown reader's view of a file: its UTF-8 bytes, the line table, and the
// conversion of a byte index into a `SourcePosition` (1-based line, column in Unicode
// scalars, 0-based byte offset).
//
// Part of the hand-written Markdown reader (no Markdown library with source positions is
// available to this project; see MarkdownParser.swift).

extension MarkdownParser {
    /// ASCII bytes the reader looks for.
    enum Byte {
        static let tab: UInt8 = 0x09
        static let lf: UInt8 = 0x0A
        static let cr: UInt8 = 0x0D
        static let space: UInt8 = 0x20
        static let bang: UInt8 = 0x21
        static let doubleQuote: UInt8 = 0x22
        static let hash: UInt8 = 0x23
        static let singleQuote: UInt8 = 0x27
        static let leftParen: UInt8 = 0x28
        static let rightParen: UInt8 = 0x29
        static let star: UInt8 = 0x2A
        static let plus: UInt8 = 0x2B
        static let minus: UInt8 = 0x2D
        static let dot: UInt8 = 0x2E
        static let slash: UInt8 = 0x2F
        static let colon: UInt8 = 0x3A
        static let lessThan: UInt8 = 0x3C
        static let equals: UInt8 = 0x3D
        static let greaterThan: UInt8 = 0x3E
        static let question: UInt8 = 0x3F
        static let leftBracket: UInt8 = 0x5B
        static let backslash: UInt8 = 0x5C
        static let rightBracket: UInt8 = 0x5D
        static let caret: UInt8 = 0x5E
        static let underscore: UInt8 = 0x5F
        static let backtick: UInt8 = 0x60
        static let leftBrace: UInt8 = 0x7B
        static let pipe: UInt8 = 0x7C
        static let rightBrace: UInt8 = 0x7D
        static let tilde: UInt8 = 0x7E

        static func isSpaceOrTab(_ b: UInt8) -> Bool { b == space || b == tab }
        static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
        /// ASCII lower case of a letter; other bytes unchanged.
        static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
    }

    /// A run of source bytes on one line that is kept as text.
    struct Piece: Equatable {
        /// 0-based line index.
        var line: Int
        var start: Int
        var end: Int
    }

    /// The file's bytes and lines, and byte → position conversion.
    struct Source {
        let bytes: [UInt8]
        /// Byte index of the first byte of each line (line 1 is index 0; after a BOM, 3).
        let lineStarts: [Int]
        /// Byte index just after the last byte of each line, its terminator excluded.
        let lineEnds: [Int]

        // The last conversion, so that positions asked for left to right along one line
        // cost their distance, not the line's length.
        private var cacheLine = -1
        private var cacheByte = 0
        private var cacheColumn = 1

        init(_ text: String) {
            let bytes = Array(text.utf8)
            var starts: [Int] = []
            var ends: [Int] = []
            let count = bytes.count
            var i = 0
            if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
            var lineStart = i
            while i < count {
                let b = bytes[i]
                if b == Byte.lf {
                    starts.append(lineStart)
                    ends.append(i)
                    i += 1
                    lineStart = i
                } else if b == Byte.cr {
                    starts.append(lineStart)
                    ends.append(i)
                    i += (i + 1 < count && bytes[i + 1] == Byte.lf) ? 2 : 1
                    lineStart = i
                } else {
                    i += 1
                }
            }
            // A final terminator does not start another line.
            if lineStart < count {
                starts.append(lineStart)
                ends.append(count)
            }
            self.bytes = bytes
            self.lineStarts = starts
            self.lineEnds = ends
        }

        var lineCount: Int { lineStarts.count }

        /// Every line as a string, terminators excluded.
        func lineStrings() -> [String] {
            var result: [String] = []
            result.reserveCapacity(lineCount)
            for index in 0..<lineCount {
                result.append(text(lineStarts[index], lineEnds[index]))
            }
            return result
        }

        /// The bytes `start..<end` as a string.
        func text(_ start: Int, _ end: Int) -> String {
            guard start < end else { return "" }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }

        /// The bytes `start..<end` as a string with every line terminator turned into `\n`.
        func normalizedText(_ start: Int, _ end: Int) -> String {
            guard start < end else { return "" }
            var out: [UInt8] = []
            out.reserveCapacity(end - start)
            var i = start
            while i < end {
                let b = bytes[i]
                if b == Byte.cr {
                    out.append(Byte.lf)
                    if i + 1 < end, bytes[i + 1] == Byte.lf { i += 1 }
                } else {
                    out.append(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// The number of Unicode scalars in the bytes `start..<end` (which hold whole scalars).
        func scalarCount(_ start: Int, _ end: Int) -> Int {
            var count = 0
            var i = start
            while i < end {
                if bytes[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            return count
        }

        /// True when line `line` is `---` (or `...` when `allowDots`) with only trailing
        /// spaces or tabs.
        func isFence(line: Int, allowDots: Bool) -> Bool {
            let start = lineStarts[line]
            var end = lineEnds[line]
            while end > start, Byte.isSpaceOrTab(bytes[end - 1]) { end -= 1 }
            guard end - start == 3 else { return false }
            let c = bytes[start]
            guard c == Byte.minus || (allowDots && c == Byte.dot) else { return false }
            return bytes[start + 1] == c && bytes[start + 2] == c
        }

        /// The position of byte `byte` on the 0-based line `line`.
        mutating func position(line: Int, byte: Int) -> SourcePosition {
            let start = lineStarts[line]
            let target = min(max(byte, start), lineEnds[line])
            var column: Int
            var i: Int
            if line == cacheLine, target >= cacheByte {
                column = cacheColumn
                i = cacheByte
            } else {
                column = 1
                i = start
            }
            while i < target {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            cacheLine = line
            cacheByte = target
            cacheColumn = column
            return SourcePosition(line: line + 1, column: column, offset: target)
        }

        /// The start of the 0-based line `line`, or the end of the file as the start of the
        /// line after the last one.
        mutating func startPosition(ofLine line: Int) -> SourcePosition {
            if line < lineCount { return position(line: line, byte: lineStarts[line]) }
            return SourcePosition(line: line + 1, column: 1, offset: bytes.count)
        }
    }
}
