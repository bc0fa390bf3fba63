// Scalar resolution by the YAML 1.2 core schema, and explicit standard tags.
//
// This file owns the answer to "what value does this scalar have?". Only plain, untagged
// scalars are resolved by pattern (YAML 1.2 core schema, not 1.1: `no`, `on`, `yes`, `Off`
// and Finnish words stay strings; `2025-06-14` and `14.6.2025` stay strings). Quoted and block
// scalars are strings. An explicit `!!null`, `!!bool`, `!!int`, `!!float` or `!!str` tag
// decides the type whatever the style, and a value that does not fit its tag is an error.

/// Resolves scalar values by the YAML 1.2 core schema.
enum CoreSchema {
    /// The tag prefix of the YAML standard tags (`!!str` is `tag:yaml.org,2002:str`).
    static let standardTagPrefix = "tag:yaml.org,2002:"

    /// The value of a scalar with its style and (resolved, long-form) tag.
    ///
    /// Returns a message such as `invalid !!int value "abc"` when an explicit standard tag
    /// does not fit the text.
    static func value(
        of text: String, style: YAMLScalar.Style, tag: String?
    ) -> Result<YAMLScalar.Value, TagMismatch> {
        guard let tag else {
            return .success(style == .plain ? resolvePlain(text) : .string(text))
        }
        // The non-specific tag `!` forces a string.
        guard tag.hasPrefix(standardTagPrefix) else { return .success(.string(text)) }
        let name = tag.dropFirst(standardTagPrefix.count)
        switch name {
        case "str":
            return .success(.string(text))
        case "null":
            if text.isEmpty || isNull(text) { return .success(.null) }
        case "bool":
            if let b = bool(text) { return .success(.bool(b)) }
        case "int":
            if let i = int(text) { return .success(.int(i)) }
        case "float":
            if let d = float(text) { return .success(.float(d)) }
            if isInt(text), let d = Double(text) { return .success(.float(d)) }
        case "seq", "map":
            return .failure(TagMismatch(message: "a scalar cannot have the tag !!\(name)"))
        default:
            // Other standard tags (!!timestamp, !!binary, …) are kept as strings; the tag is
            // on the node for whoever cares.
            return .success(.string(text))
        }
        return .failure(TagMismatch(message: "invalid !!\(name) value \(quoted(text))"))
    }

    /// A scalar that does not fit its explicit tag.
    struct TagMismatch: Error {
        var message: String
    }

    /// The core-schema value of a plain, untagged scalar.
    static func resolvePlain(_ text: String) -> YAMLScalar.Value {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isNull(text) { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let b = bool(text) { return .bool(b) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "."):
            if isInt(text) || isOctal(text) || isHex(text) {
                // An integer that does not fit Int stays a string.
                if let i = int(text) { return .int(i) }
                return .string(text)
            }
            if let d = float(text) { return .float(d) }
        default:
            break
        }
        return .string(text)
    }

    // MARK: - The core schema's patterns

    /// `~`, `null`, `Null`, `NULL` (the empty plain scalar is handled by the caller).
    static func isNull(_ text: String) -> Bool {
        text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// `true`/`True`/`TRUE` and `false`/`False`/`FALSE`, and nothing else.
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`, if it fits `Int`.
    static func int(_ text: String) -> Int? {
        if isInt(text) { return Int(text) }
        if isOctal(text) { return Int(text.dropFirst(2), radix: 8) }
        if isHex(text) { return Int(text.dropFirst(2), radix: 16) }
        return nil
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?(\.inf|\.Inf|\.INF)`,
    /// `.nan`/`.NaN`/`.NAN`.
    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        return isDecimalFloat(text) ? Double(text) : nil
    }

    /// `[-+]?[0-9]+`.
    static func isInt(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let f = bytes.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        return !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }

    /// `0o[0-7]+`.
    static func isOctal(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count > 2, text.hasPrefix("0o") else { return false }
        return bytes.dropFirst(2).allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
    }

    /// `0x[0-9a-fA-F]+`.
    static func isHex(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count > 2, text.hasPrefix("0x") else { return false }
        return bytes.dropFirst(2).allSatisfy { b in
            isDigit(b) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f"))
                || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"))
        }
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    static func isDecimalFloat(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            return i - start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            i += 1
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                _ = digits()
            }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                i += 1
            }
            guard digits() > 0 else { return false }
        }
        return i == bytes.count
    }

    private static func isDigit(_ b: UInt8) -> Bool {
        b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }

    /// A scalar's text in double quotes for a message, shortened if long.
    static func quoted(_ text: String, limit: Int = 60) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return out + "\""
    }
}
