// JSON values, and the part of JSON Schema (draft 2020-12) the plugin protocol's schemas use.
//
// A check plugin's answer is validated against schemas/plugin-answer.schema.json itself (the
// copy built into the binary), not against a hand-written twin: the schema in the repository,
// the one `planlint schema plugin-answer` prints and the one planlint enforces are one file.
// The validator knows the keywords that schema uses; a schema with any other keyword is
// refused (PluginTests checks the committed schemas), so it cannot silently check less.
import Foundation

/// A JSON document.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let d = try? c.decode(Double.self) { self = .number(d); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([JSONValue].self) { self = .array(a); return }
        self = .object(try c.decode([String: JSONValue].self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { try c.encode(Int64(d)) } else { try c.encode(d) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// Parses JSON text; nil when it is not JSON.
    public static func parse(_ data: Data) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public var number: Double? { if case .number(let d) = self { return d } else { return nil } }
    public var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var object: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }

    /// An integer value (a number without a fraction).
    public var integer: Int? {
        guard let d = number, d == d.rounded(), abs(d) < 9e15 else { return nil }
        return Int(d)
    }

    /// The JSON Schema type names the value has (`integer` is also a `number`).
    var schemaTypes: [String] {
        switch self {
        case .null: return ["null"]
        case .bool: return ["boolean"]
        case .number(let d): return d == d.rounded() ? ["integer", "number"] : ["number"]
        case .string: return ["string"]
        case .array: return ["array"]
        case .object: return ["object"]
        }
    }
}

/// The first place a document breaks a schema.
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// A required key is missing.
        case missing(String)
        /// A key the schema does not allow.
        case unknownKey(String)
        /// A value of the wrong type, out of range, too long or not one of those allowed.
        case invalid(keyword: String)
    }

    /// A JSON pointer to the value (`/findings/0/rule`); empty for the document.
    public var pointer: String
    public var problem: Problem

    public var description: String {
        let at = pointer.isEmpty ? "/" : pointer
        switch problem {
        case .missing(let k): return "\(at): missing '\(k)'"
        case .unknownKey(let k): return "\(at): unknown key '\(k)'"
        case .invalid(let keyword): return "\(at): fails '\(keyword)'"
        }
    }
}

/// Validates JSON values against a JSON Schema using a known set of keywords.
public struct JSONSchemaValidator: Sendable {
    let root: JSONValue

    /// Keywords that check something.
    static let assertions: Set<String> = [
        "type", "const", "enum", "required", "properties", "additionalProperties", "items", "minItems", "maxItems",
        "minLength", "maxLength", "minimum", "maximum", "maxProperties", "anyOf", "$ref", "pattern",
    ]
    /// Keywords that only describe.
    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description", "$comment", "examples", "default"]

    public init(schema: JSONValue) {
        root = schema
    }

    /// Keywords of the schema (at any depth) that the validator does not know.
    public func unsupportedKeywords() -> [String] {
        var out = Set<String>()
        func visit(_ s: JSONValue, isSchema: Bool) {
            guard case .object(let o) = s else { return }
            for (k, v) in o {
                if isSchema, !JSONSchemaValidator.assertions.contains(k), !JSONSchemaValidator.annotations.contains(k) { out.insert(k) }
                switch k {
                case "properties", "$defs":
                    for (_, sub) in v.object ?? [:] { visit(sub, isSchema: true) }
                case "items", "additionalProperties":
                    visit(v, isSchema: true)
                case "anyOf":
                    for sub in v.array ?? [] { visit(sub, isSchema: true) }
                default: break
                }
            }
        }
        visit(root, isSchema: true)
        return out.sorted()
    }

    /// The first violation of the schema, or nil when the value conforms.
    public func validate(_ value: JSONValue) -> SchemaViolation? {
        check(value, root, "", depth: 0)
    }

    private func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: JSONValue? = root
        for part in ref.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    private func check(_ value: JSONValue, _ schema: JSONValue, _ at: String, depth: Int) -> SchemaViolation? {
        func invalid(_ keyword: String) -> SchemaViolation { SchemaViolation(pointer: at, problem: .invalid(keyword: keyword)) }
        guard depth < 64 else { return invalid("depth") }
        if case .bool(let allowed) = schema { return allowed ? nil : invalid("false") }
        guard case .object(let s) = schema else { return nil }
        if let ref = s["$ref"]?.string {
            guard let target = resolve(ref) else { return invalid("$ref") }
            if let v = check(value, target, at, depth: depth + 1) { return v }
        }
        if let type = s["type"] {
            let wanted = type.string.map { [$0] } ?? (type.array ?? []).compactMap(\.string)
            if !value.schemaTypes.contains(where: wanted.contains) { return invalid("type") }
        }
        if let c = s["const"], !JSONSchemaValidator.equal(c, value) { return invalid("const") }
        if let e = s["enum"]?.array, !e.contains(where: { JSONSchemaValidator.equal($0, value) }) { return invalid("enum") }
        if let alternatives = s["anyOf"]?.array {
            if !alternatives.contains(where: { check(value, $0, at, depth: depth + 1) == nil }) { return invalid("anyOf") }
        }
        switch value {
        case .string(let text):
            let count = text.count
            if let n = s["minLength"]?.integer, count < n { return invalid("minLength") }
            if let n = s["maxLength"]?.integer, count > n { return invalid("maxLength") }
            if let p = s["pattern"]?.string {
                guard let regex = try? NSRegularExpression(pattern: p),
                      regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil else { return invalid("pattern") }
            }
        case .number(let d):
            if let n = s["minimum"]?.number, d < n { return invalid("minimum") }
            if let n = s["maximum"]?.number, d > n { return invalid("maximum") }
        case .array(let items):
            if let n = s["minItems"]?.integer, items.count < n { return invalid("minItems") }
            if let n = s["maxItems"]?.integer, items.count > n { return invalid("maxItems") }
            if let itemSchema = s["items"] {
                for (i, item) in items.enumerated() {
                    if let v = check(item, itemSchema, "\(at)/\(i)", depth: depth + 1) { return v }
                }
            }
        case .object(let o):
            for key in (s["required"]?.array ?? []).compactMap(\.string) where o[key] == nil {
                return SchemaViolation(pointer: at, problem: .missing(key))
            }
            if let n = s["maxProperties"]?.integer, o.count > n { return invalid("maxProperties") }
            let properties = s["properties"]?.object ?? [:]
            for key in o.keys.sorted() {
                let v = o[key] ?? .null
                let path = "\(at)/\(JSONSchemaValidator.escape(key))"
                if let sub = properties[key] {
                    if let problem = check(v, sub, path, depth: depth + 1) { return problem }
                } else if let extra = s["additionalProperties"] {
                    if case .bool(false) = extra { return SchemaViolation(pointer: at, problem: .unknownKey(key)) }
                    if let problem = check(v, extra, path, depth: depth + 1) { return problem }
                }
            }
        default: break
        }
        return nil
    }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool { a == b }

    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
