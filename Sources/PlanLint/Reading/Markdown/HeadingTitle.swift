// Heading titles without inline markup, for the Markdown reader: `**`, `*`, `_`, `~~`,
// backticks and backslash escapes removed, links and images reduced to their text
// (`[text](url)`, `[text][ref]`, `![alt](src)`), white space runs made one space.
// Paragraph text keeps its markup; only titles are cleaned, because rules compare titles
// with expected section names.
//
// Part of the hand-written Markdown reader (no Markdown library with source positions is
// available to this project; see MarkdownParser.swift). Linear in the title's length.

extension MarkdownParser {
    /// The title text of a heading with inline markup removed, outer white space trimmed
    /// and inner runs of white space made one space.
    static func plainTitle(_ text: String) -> String {
        // Most titles have no markup at all.
        if !text.utf8.contains(where: { $0 == 0x2A || $0 == 0x5F || $0 == 0x7E || $0 == 0x60 || $0 == 0x5B || $0 == 0x5C }) {
            return trimmed(text)
        }
        let s = Array(text.unicodeScalars)
        let n = s.count
        guard n > 0 else { return "" }
        var literal = [Bool](repeating: false, count: n)
        var drop = [Bool](repeating: false, count: n)

        // Backslash escapes: the backslash goes, the character is plain text.
        var i = 0
        while i < n {
            if s[i] == "\\", i + 1 < n, s[i + 1].isASCII, isASCIIPunctuation(s[i + 1]) {
                drop[i] = true
                literal[i + 1] = true
                i += 2
            } else {
                i += 1
            }
        }

        // Matching brackets and parentheses, found with stacks in one pass.
        var closer = [Int](repeating: -1, count: n)
        var brackets: [Int] = []
        var parens: [Int] = []
        for k in 0..<n where !literal[k] && !drop[k] {
            switch s[k] {
            case "[": brackets.append(k)
            case "]": if let open = brackets.popLast() { closer[open] = k }
            case "(": parens.append(k)
            case ")": if let open = parens.popLast() { closer[open] = k }
            default: break
            }
        }

        // Links and images: keep the text, drop the markers and the destination.
        var k = 0
        while k < n {
            defer { k += 1 }
            guard s[k] == "[", !literal[k], !drop[k] else { continue }
            let close = closer[k]
            guard close > k, close + 1 < n, !literal[close + 1] else { continue }
            let next = s[close + 1]
            guard next == "(" || next == "[" else { continue }
            let end = closer[close + 1]
            guard end > close + 1 else { continue }
            drop[k] = true
            if k > 0, s[k - 1] == "!", !literal[k - 1] { drop[k - 1] = true }
            for m in close...end { drop[m] = true }
        }

        // Emphasis, strikethrough and code markers.
        var out = String.UnicodeScalarView()
        i = 0
        while i < n {
            if drop[i] {
                i += 1
                continue
            }
            let c = s[i]
            if literal[i] {
                out.append(c)
                i += 1
                continue
            }
            if c == "`" {
                i += 1
                continue
            }
            if c == "*" || c == "_" || c == "~" {
                var j = i
                while j < n, s[j] == c, !literal[j], !drop[j] { j += 1 }
                let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
                let after: Unicode.Scalar? = j < n ? s[j] : nil
                let spaceBefore = before.map { $0.properties.isWhitespace } ?? true
                let spaceAfter = after.map { $0.properties.isWhitespace } ?? true
                var keep = spaceBefore && spaceAfter // `5 * 3`: not emphasis
                if c == "_", let b = before, let a = after, isWordScalar(b), isWordScalar(a) { keep = true } // snake_case
                if c == "~", j - i == 1 { keep = true } // `~` alone is not strikethrough
                if keep { out.append(contentsOf: s[i..<j]) }
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return trimmed(String(out))
    }

    /// The text without white space at either end, and each inner run of white space
    /// (two spaces, a tab, the gap left by a removed comment) made one space.
    private static func trimmed(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var changed = false
        var gap = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if out.isEmpty || gap || scalar != " " { changed = true }
                gap = true
                continue
            }
            if gap, !out.isEmpty { out.append(" ") }
            gap = false
            out.append(scalar)
        }
        if gap { changed = true }
        return changed ? String(out) : text
    }

    private static func isASCIIPunctuation(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (v >= 0x21 && v <= 0x2F) || (v >= 0x3A && v <= 0x40) || (v >= 0x5B && v <= 0x60) || (v >= 0x7B && v <= 0x7E)
    }

    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil
    }
}
