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
enum JSONOutput {
    static func render<T: Encodable>(_ value: T, orElse fallback: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return fallback + "\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
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
