// Turning libyaml's marks into true file positions.
//
// libyaml counts characters (Unicode scalars), not bytes, in its marks' `index` and `column`.
// This file owns the translation: a sparse table of UTF-8 byte offsets per scalar, built once
// per load, gives a mark's byte offset; the caller's `base` shifts every position so it is a
// true position in the file when the YAML is embedded (Markdown front matter). It also finds
// the line and column of a raw byte offset, which is all libyaml reports for encoding errors.

/// Positions in one YAML input, as true positions in its file.
struct SourceMap {
    /// The whole input, including a leading UTF-8 byte order mark if there is one.
    let bytes: [UInt8]
    /// Where the text libyaml reads starts: 3 after a UTF-8 byte order mark, else 0.
    let start: Int
    /// The file position of the first byte of `bytes`.
    let base: SourcePosition

    /// Scalars between two entries of `checkpoints`.
    private static let stride = 16
    /// True when every byte is ASCII, so a scalar index is a byte offset.
    private let isASCII: Bool
    /// The byte offset of scalar `k * stride`, for every k (empty for ASCII input).
    private let checkpoints: [Int]
    /// How many scalars libyaml reads.
    private let scalarCount: Int

    /// Indexes `bytes`, whose first byte is at `base` in its file.
    init(bytes: [UInt8], base: SourcePosition) {
        self.bytes = bytes
        self.base = base
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        start = hasBOM ? 3 : 0
        isASCII = bytes.allSatisfy { $0 < 0x80 }
        if isASCII {
            checkpoints = []
            scalarCount = bytes.count - start
            return
        }
        var table: [Int] = []
        table.reserveCapacity(bytes.count / Self.stride + 1)
        var count = 0
        var i = start
        while i < bytes.count {
            // Every byte that is not a UTF-8 continuation byte starts a scalar.
            if bytes[i] & 0xC0 != 0x80 {
                if count % Self.stride == 0 { table.append(i) }
                count += 1
            }
            i += 1
        }
        checkpoints = table
        scalarCount = count
    }

    /// The byte offset in `bytes` of the scalar with index `index` in libyaml's text.
    func byteOffset(ofScalar index: Int) -> Int {
        if index <= 0 { return start }
        if index >= scalarCount { return bytes.count }
        if isASCII { return start + index }
        let slot = index / Self.stride
        guard slot < checkpoints.count else { return bytes.count }
        var offset = checkpoints[slot]
        var remaining = index % Self.stride
        while remaining > 0 && offset < bytes.count {
            offset += 1
            while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    /// The file position of a libyaml mark (0-based line, column and scalar index).
    func position(line: Int, column: Int, index: Int) -> SourcePosition {
        SourcePosition(
            line: line + base.line,
            column: column + 1 + (line == 0 ? base.column - 1 : 0),
            offset: byteOffset(ofScalar: index) + base.offset
        )
    }

    /// The file position of a byte offset in `bytes`, counting lines and columns the way
    /// libyaml does (line breaks: LF, CR, CR LF, NEL, LS, PS; columns in scalars).
    func position(ofByte target: Int) -> SourcePosition {
        let end = min(max(target, start), bytes.count)
        var line = 0
        var column = 0
        var i = start
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1; column = 0; i += 1
            } else if b == 0x0D {
                line += 1; column = 0
                i += (i + 1 < end && bytes[i + 1] == 0x0A) ? 2 : 1
            } else if b == 0xC2, i + 1 < end, bytes[i + 1] == 0x85 {
                line += 1; column = 0; i += 2
            } else if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80,
                bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9
            {
                line += 1; column = 0; i += 3
            } else {
                if b & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        return SourcePosition(
            line: line + base.line,
            column: column + 1 + (line == 0 ? base.column - 1 : 0),
            offset: end + base.offset
        )
    }
}
