// Pieces several reporters share: file paths relative to the source root, stable
// fingerprints of findings, and XML escaping.
import Foundation

extension RunResult {
    /// The plans that were checked, in order.
    var reports: [PlanReport] {
        outcomes.compactMap { outcome in
            if case .checked(let r) = outcome { return r }
            return nil
        }
    }
}

/// A plan's path as CI systems want it: relative to the source root (the current
/// directory) when the file is inside it.
struct ArtifactPath: Hashable {
    /// Relative to the root (`Examples/jarvela-2025.md`), or absolute when outside it.
    var path: String
    var isRelative: Bool

    init(_ file: String, root: String) {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardized
        let absolute = URL(fileURLWithPath: file, relativeTo: rootURL).absoluteURL.standardized.path
        var prefix = rootURL.path
        if !prefix.hasSuffix("/") { prefix += "/" }
        if absolute.hasPrefix(prefix), absolute.count > prefix.count {
            path = String(absolute.dropFirst(prefix.count))
            isRelative = true
        } else {
            path = absolute
            isRelative = false
        }
    }

    /// A URI reference: the percent-encoded relative path, or a `file://` URI.
    var uri: String {
        isRelative ? ArtifactPath.encode(path) : "file://" + ArtifactPath.encode(path)
    }

    /// The root as a `file://` URI ending in `/`, for SARIF's `originalUriBaseIds`.
    static func directoryURI(_ root: String) -> String {
        var path = URL(fileURLWithPath: root, isDirectory: true).standardized.path
        if !path.hasSuffix("/") { path += "/" }
        return "file://" + encode(path)
    }

    /// Characters left as they are in a path segment of a URI (RFC 3986 unreserved and
    /// sub-delimiters, `@` and `/`); `:` is encoded so a relative path never reads as a scheme.
    private static let allowed: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,;=@")
        return set
    }()

    static func encode(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

/// Fingerprints that identify a finding across runs and across edits elsewhere in the file.
///
/// A fingerprint hashes the rule id, the file (relative to the source root), the fact path
/// and section the finding concerns, and the normalised text it flags (its evidence, or
/// else the flagged source line) — never a line number. Identical findings in one file are
/// told apart by their order. FNV-1a 64, 16 hex digits.
enum Fingerprint {
    static func of(_ report: PlanReport, path: String) -> [String] {
        var seen: [String: Int] = [:]
        return report.findings.map { f in
            let flagged = f.evidence.flatMap { $0.isEmpty ? nil : $0 } ?? report.sourceLines[f.start.line] ?? ""
            let material = [f.ruleID, path, f.path ?? "", f.section ?? "", normalise(flagged)].joined(separator: "\u{0}")
            let occurrence = seen[material, default: 0]
            seen[material] = occurrence + 1
            return hash(occurrence == 0 ? material : material + "\u{0}#\(occurrence)")
        }
    }

    /// Trimmed, with every run of white space one space. Of a text longer than 16 KB (a 7 MB
    /// line), the first 16 384 characters and the length in bytes: every finding on the line
    /// is fingerprinted, and walking all of it for each took minutes.
    static func normalise(_ text: String) -> String {
        guard text.utf8.count > 16_384 else { return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
        return normalise(String(text.prefix(16_384))) + " \u{0}\(text.utf8.count)"
    }

    static func hash(_ text: String) -> String { FNV1a.hex(text) }
}

/// The JSON documents (json, sarif, gitlab): pretty, keys sorted, slashes unescaped, so the
/// output is stable and diffable.
///
/// A document streams through slots: its arrays that grow with the run are `JSONSlot.slot`
/// when the document is encoded at the end, and their elements, encoded one by one as the
/// plans come and parked in a spool, are written in their place, indented as JSONEncoder
/// would have. The output is the same as encoding the whole document at once.
enum JSONOutput {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func render<T: Encodable>(_ value: T, orElse fallback: String) -> String {
        guard let data = try? encoder().encode(value) else { return fallback + "\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The text that marks a slot in the encoded skeleton (U+E000, a private-use character, which no
    /// plan or pack text holds in practice, and JSONEncoder writes as it is).
    static func marker(_ name: String) -> String { "\u{E000}planlint-slot:\(name)\u{E000}" }

    /// Writes `skeleton` (a document rendered with slots) to `sink`, each slot replaced by
    /// its array. A skeleton that did not encode is written as `fallback`.
    static func write<T: Encodable>(_ skeleton: T, slots: [String: JSONArraySpool], orElse fallback: String, to sink: any ReportSink) {
        guard let data = try? encoder().encode(skeleton) else {
            sink.write(fallback + "\n")
            return
        }
        var rest = Substring(String(decoding: data, as: UTF8.self))
        while let (name, range) = slots.keys.compactMap({ name in rest.range(of: "\"" + marker(name) + "\"").map { (name, $0) } })
            .min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            let before = rest[..<range.lowerBound]
            sink.write(String(before))
            let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
            let indent = String(before[lineStart...].prefix { $0 == " " })
            slots[name]?.drain(indent: indent, into: sink)
            rest = rest[range.upperBound...]
        }
        sink.write(String(rest) + "\n")
    }
}

/// An array of a JSON document, or the mark where its streamed elements go.
enum JSONSlot<Element: Encodable>: Encodable {
    case items([Element])
    case slot(String)

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .items(let items): try c.encode(items)
        case .slot(let name): try c.encode(JSONOutput.marker(name))
        }
    }
}

/// The elements of a streamed JSON array, each encoded as it comes and parked until the
/// document is written.
final class JSONArraySpool {
    private let spool = Spool()
    private let encoder = JSONOutput.encoder()
    private(set) var count = 0

    func append<T: Encodable>(_ value: T) {
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        spool.write((count == 0 ? "" : ",\n") + text)
        count += 1
    }

    /// Writes `[`, the elements indented one level below `indent`, and `]`, as JSONEncoder
    /// writes an array whose key line is indented by `indent`.
    func drain(indent: String, into sink: any ReportSink) {
        guard count > 0 else {
            sink.write("[\n\n" + indent + "]")
            return
        }
        let inner = indent + "  "
        sink.write("[\n" + inner)
        spool.drain(into: IndentingSink(sink, inner))
        sink.write("\n" + indent + "]")
    }
}

/// Indents every line after the first by a prefix, except empty lines (as JSONEncoder
/// writes an empty array).
final class IndentingSink: ReportSink {
    let target: any ReportSink
    let prefix: String
    /// A line has begun and its prefix waits for its first character.
    private var pending = false

    init(_ target: any ReportSink, _ prefix: String) {
        (self.target, self.prefix) = (target, prefix)
    }

    func write(_ text: String) {
        var out = ""
        out.reserveCapacity(text.utf8.count + 256)
        for (i, piece) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if i > 0 {
                out += "\n"
                pending = true
            }
            guard !piece.isEmpty else { continue }
            if pending { out += prefix }
            pending = false
            out += String(Substring(piece))
        }
        target.write(out)
    }
}

/// Escaping for XML 1.0 text and attribute values.
///
/// `&`, `<`, `>` (and in attributes `"`, `'`, tab, line feed and carriage return) become
/// references; characters XML 1.0 cannot hold at all (control characters other than tab,
/// line feed and carriage return, U+FFFE, U+FFFF) become U+FFFD.
enum XMLText {
    static func text(_ s: String) -> String { escape(s, attribute: false) }
    static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    private static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
