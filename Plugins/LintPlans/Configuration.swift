// `.planlint.yaml`: the lint-plans plugin's settings at a package's root.
//
// The file is a flat mapping of a few keys, each a scalar or a list of scalars:
//
//     paths: [plans]            # or a single path
//     packs: [Rules/kunta]      # rule pack folders besides the embedded ones
//     exclude_packs: []         # embedded packs to leave out, by id
//     as_of: 2026-11-22
//     fail_on: warning          # error | warning | info | never
//     format: text              # any format `planlint lint --format` knows
//     lang: fi                  # fi | sv | en
//
// A plugin cannot use planlint's YAML loader, so this reader accepts exactly that shape
// (block or flow lists, plain or quoted scalars, comments) and refuses anything else with
// `file:line:column: error: …`, like planlint itself.
import Foundation

/// The settings read from `.planlint.yaml`.
struct Configuration: Equatable {
    var paths: [String] = []
    var packs: [String] = []
    var excludePacks: [String] = []
    var asOf: String?
    var failOn: String?
    var format: String?
    var lang: String?

    static let keys = ["paths", "packs", "exclude_packs", "as_of", "fail_on", "format", "lang"]
    static let listKeys: Set<String> = ["paths", "packs", "exclude_packs"]

    /// A problem in the file, with its position.
    struct Problem: Error, CustomStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var message: String
        var description: String { "\(file):\(line):\(column): error: \(message)" }
    }

    /// Reads the file; nil when there is none.
    static func load(_ url: URL, shownAs file: String) throws -> Configuration? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw Problem(file: file, line: 1, column: 1, message: "cannot read the file as UTF-8 text")
        }
        return try parse(text, file: file)
    }

    static func parse(_ text: String, file: String) throws -> Configuration {
        var config = Configuration()
        var seen: [String: Int] = [:]
        var openList: (key: String, items: [String])?
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)

        func fail(_ line: Int, _ column: Int, _ message: String) -> Problem {
            Problem(file: file, line: line, column: column, message: message)
        }

        func close() {
            guard let list = openList else { return }
            // Only list keys open a block list, so this cannot be refused.
            try? config.set(list.key, .list(list.items))
            openList = nil
        }

        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = stripComment(String(raw))
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || (number == 1 && trimmed == "---") { continue }
            let indent = line.prefix { $0 == " " }.count
            if line.hasPrefix("\t") { throw fail(number, 1, "tabs are not allowed for indentation") }

            if trimmed.hasPrefix("- ") || trimmed == "-" {
                guard openList != nil else {
                    throw fail(number, indent + 1, "a list item outside a list: write it under \(listKeys.sorted().joined(separator: ", ")) (key: on the line before)")
                }
                let item = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
                openList?.items.append(try scalar(item, line: number, column: indent + 3, fail))
                continue
            }
            close()
            guard indent == 0 else {
                throw fail(number, indent + 1, "unexpected indentation: .planlint.yaml is a flat list of keys")
            }
            guard let colon = colonIndex(trimmed) else {
                throw fail(number, 1, "expected `key: value`")
            }
            let key = String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces)
            let rest = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            guard keys.contains(key) else {
                let near = keys.filter { $0.replacingOccurrences(of: "_", with: "") == key.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "") }
                let hint = near.first.map { " (did you mean '\($0)'?)" } ?? ""
                throw fail(number, 1, "unknown key '\(key)'\(hint); the keys are: \(keys.joined(separator: ", "))")
            }
            if let first = seen[key] { throw fail(number, 1, "duplicate key '\(key)' (first on line \(first))") }
            seen[key] = number
            let valueColumn = colon.utf16Offset(in: trimmed) + 2 + (trimmed[trimmed.index(after: colon)...].prefix { $0 == " " }.count)
            if rest.isEmpty {
                guard listKeys.contains(key) else { throw fail(number, 1, "'\(key)' needs a value") }
                openList = (key, [])
            } else if rest.hasPrefix("[") {
                guard rest.hasSuffix("]") else { throw fail(number, valueColumn, "a list opened with [ must close with ] on the same line") }
                let inner = rest.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                let items = try inner.isEmpty ? [] : splitFlow(inner).map { try scalar($0, line: number, column: valueColumn, fail) }
                do { try config.set(key, .list(items)) } catch { throw fail(number, valueColumn, error.message) }
            } else if rest.hasPrefix("{") || rest.hasPrefix("&") || rest.hasPrefix("*") || rest.hasPrefix("|") || rest.hasPrefix(">") {
                throw fail(number, valueColumn, "'\(key)' takes a value or a list of values; mappings, anchors and block text are not supported here")
            } else {
                let value = try scalar(rest, line: number, column: valueColumn, fail)
                do { try config.set(key, .scalar(value)) } catch { throw fail(number, valueColumn, error.message) }
            }
        }
        close()
        return config
    }

    enum Value { case scalar(String), list([String]) }

    struct Refusal: Error { var message: String }

    private mutating func set(_ key: String, _ value: Value) throws(Refusal) {
        func problem(_ message: String) -> Refusal { Refusal(message: message) }
        let allowed: [String: [String]] = ["fail_on": ["error", "warning", "info", "never"], "lang": ["fi", "sv", "en"]]
        switch (key, value) {
        case ("paths", .list(let v)): paths = v
        case ("paths", .scalar(let v)): paths = [v]
        case ("packs", .list(let v)): packs = v
        case ("packs", .scalar(let v)): packs = [v]
        case ("exclude_packs", .list(let v)): excludePacks = v
        case ("exclude_packs", .scalar(let v)): excludePacks = [v]
        case (_, .list):
            throw problem("'\(key)' takes one value, not a list")
        case (_, .scalar(let v)):
            if let choices = allowed[key], !choices.contains(v) {
                throw problem("'\(key)' must be one of \(choices.joined(separator: ", ")), not '\(v)'")
            }
            switch key {
            case "as_of": asOf = v
            case "fail_on": failOn = v
            case "format": format = v
            default: lang = v
            }
        }
    }

    /// The line without a comment (`#` at the start or after a space, outside quotes).
    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (i, c) in zip(line.indices, line) {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" && (previous == " " || i == line.startIndex) {
                return String(line[..<i])
            }
            previous = c
        }
        return line
    }

    /// The `:` that ends the key (followed by a space or the end of the line).
    private static func colonIndex(_ s: String) -> String.Index? {
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == ":" {
                let next = s.index(after: i)
                if next == s.endIndex || s[next] == " " { return i }
            }
            i = s.index(after: i)
        }
        return nil
    }

    /// The items of a flow list, split on commas outside quotes.
    private static func splitFlow(_ s: String) -> [String] {
        var items: [String] = []
        var current = ""
        var quote: Character?
        for c in s {
            if let q = quote {
                if c == q { quote = nil }
                current.append(c)
            } else if c == "\"" || c == "'" {
                quote = c
                current.append(c)
            } else if c == "," {
                items.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(c)
            }
        }
        items.append(current.trimmingCharacters(in: .whitespaces))
        return items
    }

    /// A plain or quoted scalar.
    private static func scalar(_ s: String, line: Int, column: Int, _ fail: (Int, Int, String) -> Problem) throws -> String {
        if s.isEmpty { throw fail(line, column, "an empty value") }
        if let q = s.first, q == "\"" || q == "'" {
            guard s.count >= 2, s.last == q else { throw fail(line, column, "an unclosed quote") }
            let inner = String(s.dropFirst().dropLast())
            return q == "'" ? inner.replacingOccurrences(of: "''", with: "'") : inner.replacingOccurrences(of: "\\\"", with: "\"")
        }
        if s.hasPrefix("[") || s.hasPrefix("{") { throw fail(line, column, "nested lists and mappings are not supported here") }
        return s
    }
}
