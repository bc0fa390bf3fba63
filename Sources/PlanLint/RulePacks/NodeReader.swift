// Strict reading of YAML rule-pack nodes.
//
// Codable cannot say where a value was, and a pack author needs `file:line:column` for
// every mistake, so pack files are read node by node: an unknown key, a wrong type, a
// missing translation are errors at the node that holds them, with a suggestion for a
// misspelt key.
import Foundation

/// Reads typed values out of YAML nodes, throwing `InputError`s with positions.
struct NodeReader {
    let file: String
    /// The kind of the errors thrown: a pack file, or a configuration file.
    var kind: InputError.Kind = .invalidPack

    func error(_ node: YAMLNode, _ message: String) -> InputError {
        InputError(kind, file: file, at: node.range.start, message)
    }

    /// The node's pairs; throws unless it is a mapping.
    func mapping(_ node: YAMLNode, _ what: String) throws(InputError) -> [YAMLPair] {
        guard let pairs = node.mapping else { throw error(node, "\(what) must be a mapping, found a \(node.kindName)") }
        return pairs
    }

    /// Throws at the first key not in `allowed`, suggesting the closest allowed key.
    func checkKeys(_ node: YAMLNode, allowed: [String], _ what: String) throws(InputError) {
        for pair in try mapping(node, what) {
            let key = pair.key.scalar?.text ?? ""
            if !allowed.contains(key) {
                var message = "unknown key '\(key)' in \(what)"
                if let near = NodeReader.closest(to: key, in: allowed) { message += " (did you mean '\(near)'?)" }
                else { message += " (expected one of: \(allowed.joined(separator: ", ")))" }
                throw error(pair.key, message)
            }
        }
    }

    func require(_ node: YAMLNode, _ key: String, _ what: String) throws(InputError) -> YAMLNode {
        guard let value = node[key], !value.isNull else { throw error(node, "\(what) needs '\(key)'") }
        return value
    }

    func string(_ node: YAMLNode, _ what: String) throws(InputError) -> String {
        guard let s = node.scalar, s.value != .null else { throw error(node, "\(what) must be text, found a \(node.isNull ? "null" : node.kindName)") }
        let t = s.text.trimmed(of: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw error(node, "\(what) must not be empty") }
        return t
    }

    func int(_ node: YAMLNode, _ what: String) throws(InputError) -> Int {
        guard let s = node.scalar, case .int(let n) = s.value else { throw error(node, "\(what) must be a whole number") }
        return n
    }

    func bool(_ node: YAMLNode, _ what: String) throws(InputError) -> Bool {
        guard let s = node.scalar, case .bool(let b) = s.value else { throw error(node, "\(what) must be true or false") }
        return b
    }

    func date(_ node: YAMLNode, _ what: String) throws(InputError) -> PlanDate {
        let text = try string(node, what)
        guard let d = PlanDate(parsing: text) else { throw error(node, "\(what): '\(text)' is not a valid date (expected YYYY-MM-DD or d.m.yyyy)") }
        return d
    }

    /// A string or a list of strings.
    func strings(_ node: YAMLNode, _ what: String) throws(InputError) -> [String] {
        if let items = node.sequence {
            guard !items.isEmpty else { throw error(node, "\(what) must not be an empty list") }
            var out: [String] = []
            for item in items { out.append(try string(item, what)) }
            return out
        }
        return [try string(node, what)]
    }

    /// A mapping with non-empty `fi`, `sv` and `en`.
    func localized(_ node: YAMLNode, _ what: String) throws(InputError) -> Localized {
        try checkKeys(node, allowed: ["fi", "sv", "en"], what)
        var values: [Language: String] = [:]
        for language in Language.allCases {
            guard let v = node[language.rawValue] else {
                throw error(node, "\(what) lacks the \(NodeReader.languageName(language)) text ('\(language.rawValue)')")
            }
            values[language] = try string(v, "\(what).\(language.rawValue)")
        }
        return Localized(fi: values[.fi] ?? "", sv: values[.sv] ?? "", en: values[.en] ?? "")
    }

    func path(_ node: YAMLNode, _ what: String) throws(InputError) -> FactPath {
        let text = try string(node, what)
        do {
            return try FactPath(parsing: text)
        } catch {
            throw self.error(node, "\(what): bad path '\(text)': \(error.problem)")
        }
    }

    /// A path or a list of paths.
    func paths(_ node: YAMLNode, _ what: String) throws(InputError) -> [FactPath] {
        if let items = node.sequence {
            guard !items.isEmpty else { throw error(node, "\(what) must not be an empty list") }
            var out: [FactPath] = []
            for item in items { out.append(try path(item, what)) }
            return out
        }
        return [try path(node, what)]
    }

    func terms(_ node: YAMLNode, _ what: String) throws(InputError) -> TermPattern {
        let list = try strings(node, what)
        do {
            return try TermPattern(list)
        } catch {
            throw self.error(node, "\(what): term '\(error.term)' is \(error.problem)")
        }
    }

    static func languageName(_ l: Language) -> String {
        switch l {
        case .fi: return "Finnish"
        case .sv: return "Swedish"
        case .en: return "English"
        }
    }

    /// The allowed key within edit distance 2 of `key`, if any.
    static func closest(to key: String, in allowed: [String]) -> String? {
        let candidates = allowed.map { ($0, editDistance(key, $0)) }.filter { $0.1 <= 2 }
        return candidates.min(by: { $0.1 < $1.1 })?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
