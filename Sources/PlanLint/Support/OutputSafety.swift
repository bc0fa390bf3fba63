// Making output safe for terminals and CI logs, whatever the input held.
//
// Plans, file names and rule packs may carry control characters (ESC and OSC sequences,
// CSI U+009B, BEL, NUL, CR) and text that a CI runner reads as a workflow command (a line
// starting with `::`, or holding `##[` or `##vso[`). Reporters escape what their format
// requires; this is the last step before any byte leaves the tool (stdout, stderr, files
// written with --output), applied to every format in the same way:
//
// - Control characters (U+0000–U+001F but tab and line feed, U+007F–U+009F) and the
//   bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) become
//   U+FFFD, or in the JSON formats the JSON escape `\u00XX`, `\u202e` (they can only be
//   inside strings there).
//   With colours on, the few SGR colour sequences the text reporter writes itself pass.
// - A line that starts, after white space, with `::` is neutralised: plain text gets U+FFFD
//   in front; XML and HTML write the first colon as `&#58;`; Markdown as `\:`. The JSON
//   formats cannot produce such a line (strings hold no raw line feed). The GitHub format
//   is made of workflow commands and is exempt; its values are escaped by its reporter.
// - `##[` and `##vso[` anywhere in a line (runners look for them anywhere) get their `[`
//   escaped: `\u005b` in JSON, `&#91;` in XML and HTML, `\[` in Markdown, and U+FFFD
//   written before it in plain text.
import Foundation

/// The output boundary: control characters and workflow commands neutralised.
public enum OutputSafety {
    /// How text of a format may be escaped.
    public enum Syntax: Sendable, Equatable {
        /// Terminal text: text, compliance, stderr, `rules` output.
        case plain
        /// JSON documents: json, sarif, gitlab.
        case json
        /// XML and HTML: junit, checkstyle, html.
        case markup
        /// Markdown.
        case markdown
        /// GitHub workflow commands (`--format github`).
        case github
    }

    /// The syntax of a `--format` name.
    public static func syntax(forFormat identifier: String) -> Syntax {
        switch identifier {
        case "json", "sarif", "gitlab": return .json
        case "html", "junit", "checkstyle": return .markup
        case "markdown": return .markdown
        case "github": return .github
        default: return .plain
        }
    }

    /// The SGR sequences the text reporter writes for colours; with `colour` on, only
    /// these pass as they are.
    static let colourSequences: [[Unicode.Scalar]] = ["0", "1", "2", "32", "1;31", "1;32", "1;33", "1;36"].map {
        Array(("\u{1B}[" + $0 + "m").unicodeScalars)
    }

    /// `text` made safe for `syntax`.
    public static func neutralize(_ text: String, _ syntax: Syntax, colour: Bool = false) -> String {
        guard needsWork(text.unicodeScalars) else { return text }
        // Line by line, so a large report is never held as an array of scalars whole. The
        // result is gathered as UTF-8 and made a String once: appended scalar by scalar to a
        // String it cost some 450 instructions a character.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        var current: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line(current[...], syntax, colour: colour, into: &out)
                out.append(0x0A)
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { line(current[...], syntax, colour: colour, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `neutralize` would change anything: a fast path for the usual clean report.
    private static func needsWork(_ scalars: String.UnicodeScalarView) -> Bool {
        var previous: Unicode.Scalar = "\n"
        var beforePrevious: Unicode.Scalar = "\n"
        for s in scalars {
            if isControl(s) { return true }
            if s == ":" && previous == ":" { return true }
            if s == "[" && (previous == "#" && beforePrevious == "#" || previous == "o") { return true }
            beforePrevious = previous
            previous = s
        }
        return false
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\n" && s != "\t") || (0x7F...0x9F).contains(s.value) || isBidiControl(s)
    }

    /// The characters that reorder text on screen (Trojan Source, CVE-2021-42574): the
    /// embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069, and the marks
    /// U+200E, U+200F and U+061C. A file name or plan value holding U+202E would show a
    /// report line, or a file name, in an order other than the bytes'.
    static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    private static func line(_ line: ArraySlice<Unicode.Scalar>, _ syntax: Syntax, colour: Bool, into out: inout [UInt8]) {
        func put(_ s: Unicode.Scalar) { UTF8.encode(s) { out.append($0) } }
        func put(_ text: String) { out.append(contentsOf: text.utf8) }
        // A workflow command at the start of the line (runners trim leading white space).
        var first = line.startIndex
        while first < line.endIndex, line[first].properties.isWhitespace { first += 1 }
        var colonToEscape: Int?
        if syntax != .github, first + 1 < line.endIndex, line[first] == ":", line[first + 1] == ":" {
            switch syntax {
            case .plain: put("\u{FFFD}" as Unicode.Scalar)
            case .markup, .markdown: colonToEscape = first
            case .json, .github: break
            }
        }
        var i = line.startIndex
        while i < line.endIndex {
            let s = line[i]
            if s == "\u{1B}", colour, let sequence = colourSequences.first(where: { line[i...].starts(with: $0) }) {
                for u in sequence { put(u) }
                i += sequence.count
                continue
            }
            defer { i += 1 }
            if isControl(s) {
                if syntax == .json {
                    put(String(format: "\\u%04x", s.value))
                } else {
                    put("\u{FFFD}" as Unicode.Scalar)
                }
                continue
            }
            if i == colonToEscape {
                put(syntax == .markup ? "&#58;" : "\\:")
                continue
            }
            if s == "[", opensRunnerCommand(line, at: i) {
                switch syntax {
                case .json: put("\\u005b")
                case .markup: put("&#91;")
                case .markdown: put("\\[")
                case .plain, .github: put("\u{FFFD}" as Unicode.Scalar); put(s)
                }
                continue
            }
            put(s)
        }
    }

    /// Whether the `[` at `i` ends `##[` or `##vso[`.
    private static func opensRunnerCommand(_ line: ArraySlice<Unicode.Scalar>, at i: Int) -> Bool {
        func ends(with word: String) -> Bool {
            let w = Array(word.unicodeScalars)
            return i - line.startIndex >= w.count && Array(line[(i - w.count)..<i]) == w
        }
        return ends(with: "##") || ends(with: "##vso")
    }
}
