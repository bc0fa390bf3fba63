// Messages: every sentence planlint itself writes, in Finnish, Swedish and English, with
// named placeholders and one filler.
//
// A message has a key ("area.key") and a text per language. A text names its values in
// braces (`{file}`, `{date}`); a count chooses its form in the text itself
// (`{n|# havainto|# havaintoa}`: the first form for one, the second for any other number,
// `#` standing for the number). Values are typed, so the filler writes each in the language
// of the message: a date as the language writes dates, a list joined with "ja", "och" or
// "and", a code (a status, a scope) through its label, never as the code. Rule packs use
// the same filler for their messages (Engine.finding).
import Foundation

/// A sentence or label of planlint in every language.
public struct Message: Sendable, Hashable {
    /// "area.key", unique in the catalogue.
    public let key: String
    public let text: Localized

    public init(_ key: String, fi: String, sv: String, en: String) {
        self.key = key
        self.text = Localized(fi: fi, sv: sv, en: en)
    }

    /// The message in one language with its placeholders filled.
    public func render(_ language: Language, _ values: [String: MessageValue] = [:]) -> String {
        MessageTemplate.fill(text[language], values, language)
    }

    /// The message in one language, for a message without placeholders.
    public subscript(language: Language) -> String { render(language) }

    /// The message in every language, with its placeholders filled.
    public func localized(_ values: [String: MessageValue] = [:]) -> Localized {
        Localized(fi: render(.fi, values), sv: render(.sv, values), en: render(.en, values))
    }
}

/// A value that fills a placeholder; each is written in the language of the message.
public enum MessageValue: Sendable, Hashable {
    /// Text as it is (a heading from the plan, a path).
    case text(String)
    /// A date in the language's form (`31.12.2026` or `2026-12-31`).
    case date(PlanDate)
    case number(Int)
    /// Items joined as the language joins a list: "a, b ja c", "a, b och c", "a, b and c".
    case list([String])
    /// A code (a status, a scope, a severity) written through its label.
    case label(Localized)
    /// Several codes, each through its label, joined as a list.
    case labels([Localized])

    /// The value as written in `language`.
    public func rendered(_ language: Language) -> String {
        switch self {
        case .text(let t): return t
        case .date(let d): return d.formatted(for: language)
        case .number(let n): return String(n)
        case .list(let items): return MessageTemplate.join(items, language)
        case .label(let l): return l[language]
        case .labels(let ls): return MessageTemplate.join(ls.map { $0[language] }, language)
        }
    }

    /// The number a plural form is chosen by, if the value is one.
    var count: Int? {
        switch self {
        case .number(let n): return n
        case .text(let t): return Int(t)
        default: return nil
        }
    }
}

/// The one filler of `{name}` and `{name|one|other}` placeholders.
public enum MessageTemplate {
    /// Fills the placeholders of `template`; a placeholder without a value, and braces that do
    /// not form a placeholder (`{LSL-12-2-1: "…"}` in a remediation), stay as written.
    /// The syntax is ASCII, so the text is walked by Unicode scalars, not by characters.
    public static func fill(_ template: String, _ values: [String: MessageValue], _ language: Language) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        var rest = Substring(template).unicodeScalars
        while let open = rest.firstIndex(of: "{") {
            out += Substring(rest[..<open])
            guard let p = placeholder(at: open, in: rest) else {
                out += "{"
                rest = rest[rest.index(after: open)...]
                continue
            }
            if let value = values[p.name] {
                if let forms = p.forms {
                    let n = value.count ?? 0
                    out += (n == 1 ? forms.one : forms.other).replacingOccurrences(of: "#", with: value.rendered(language))
                } else {
                    out += value.rendered(language)
                }
            } else {
                out += Substring(rest[open..<p.end])
            }
            rest = rest[p.end...]
        }
        return out + Substring(rest)
    }

    /// The names of the placeholders in `template`, in order of first use.
    public static func names(in template: String) -> [String] {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return [] }
        var names: [String] = []
        var rest = Substring(template).unicodeScalars
        while let open = rest.firstIndex(of: "{") {
            if let p = placeholder(at: open, in: rest) {
                if !names.contains(p.name) { names.append(p.name) }
                rest = rest[p.end...]
            } else {
                rest = rest[rest.index(after: open)...]
            }
        }
        return names
    }

    /// A list as `language` writes it.
    public static func join(_ items: [String], _ language: Language) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let and: String
        switch language {
        case .fi: and = "ja"
        case .sv: and = "och"
        case .en: and = "and"
        }
        return items.dropLast().joined(separator: ", ") + " \(and) " + items[items.count - 1]
    }

    private struct Placeholder {
        var name: String
        var forms: (one: String, other: String)?
        var end: Substring.Index
    }

    /// The placeholder opening at `open`: a name of letters, digits and `_ . : [ ] * $`,
    /// then `}` or `|one|other}`.
    private static func placeholder(at open: String.Index, in s: Substring.UnicodeScalarView) -> Placeholder? {
        var i = s.index(after: open)
        let nameStart = i
        while i < s.endIndex, isNameScalar(s[i]) { i = s.index(after: i) }
        guard i > nameStart, i < s.endIndex, s[nameStart].properties.isAlphabetic || s[nameStart] == "_" else { return nil }
        let name = String(Substring(s[nameStart..<i]))
        if s[i] == "}" { return Placeholder(name: name, forms: nil, end: s.index(after: i)) }
        guard s[i] == "|", let close = s[i...].firstIndex(of: "}") else { return nil }
        let parts = s[s.index(after: i)..<close].split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].contains("{") else { return nil }
        return Placeholder(name: name, forms: (String(Substring(parts[0])), String(Substring(parts[1]))), end: s.index(after: close))
    }

    /// A letter, a digit or one of `_.:[]*$`, all ASCII.
    private static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return "_.:[]*$".unicodeScalars.contains(c)
        }
    }
}
