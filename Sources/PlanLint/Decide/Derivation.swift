// The decide stage, declared: how a pack decides the plan's language, status, scope,
// reference date, last decision and profile.
//
// A pack's `derive:` section (pack.yaml) names each decided value once, with the values
// it may take (each with a label in fi/sv/en) and ordered rules: the first rule that
// matches decides, and its reason (with named placeholders) says why. The engine knows
// none of these names; it runs the declarations (Decider.swift) and keeps the decided
// values with their reasons.
import Foundation

/// A decided value: its code value and its label in each language.
///
/// Encoded as the code value, so JSON shows `"value": "approved"`.
public struct DerivedValue: Sendable, Hashable, Codable {
    public var rawValue: String
    public var label: Localized

    public init(rawValue: String, label: Localized) {
        self.rawValue = rawValue
        self.label = label
    }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
        label = Localized(same: rawValue)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// Stands in for a value no pack decides.
    static let undecided = DerivedValue(rawValue: "", label: Catalogue.engine.undecided.text)
}

/// One decided value of a plan, for reporters: what was decided, its label and why.
public struct Decision: Sendable, Codable, Hashable {
    /// The name of the decided value (`status`, `scope`, …).
    public var name: String
    /// The word for it in each language (`tila`, `status`, `status`).
    public var title: Localized
    /// The code value (`approved`, a date in ISO form, a profile id).
    public var value: String
    public var label: Localized
    public var reasons: Localized
}

/// One value a derivation may take.
public struct DeclaredValue: Sendable, Hashable {
    public var name: String
    public var label: Localized
}

/// A pack's declaration of one decided value.
public struct Derivation: Sendable {
    public enum Kind: String, Sendable {
        /// One of the declared values.
        case value
        /// A date.
        case date
        /// The first profile whose window holds a decided date and whose scopes hold a decided value.
        case profile
    }

    public var name: String
    public var kind: Kind
    /// The word for the value, in each language (a pack extending another may leave it out).
    public var title: Localized
    /// The values it may take (kind `value`), in the order declared.
    public var values: [DeclaredValue]
    /// Tried in order; the first that matches decides.
    public var rules: [DeriveRule]
    /// Why a rule restricted to some values does not apply: `{value}`, `{reason}`, `{wanted}`.
    public var notApplicable: Localized?
    /// Kind `profile`: the names of the decided date and the decided scope it chooses by.
    public var profileDate: String?
    public var profileScope: String?
    /// Kind `profile`: the reason when a profile is chosen, and when none covers the plan.
    public var profileReason: Localized?
    public var profileNone: Localized?
    /// Kind `date`: `$name` is the plan's own fact the date came from (its position and
    /// wording), rather than the date in ISO form.
    public var variableIsSource = false
    public var pack: String
    public var definedIn: String
    public var definedAt: SourcePosition

    public func label(of value: String) -> Localized? {
        values.first { $0.name == value }?.label
    }
}

/// One ordered rule of a derivation.
public struct DeriveRule: Sendable {
    public enum Source: Sendable {
        /// The value of the first of these facts that has one (a declared value, or a date).
        case valueOf([FactPath])
        /// A fixed value (or, for a date, a fixed path such as `$as_of`).
        case constant(String)
        /// The value whose words are most frequent in the plan's text (strictly most).
        case words([(value: String, words: Set<String>)])
        /// The latest date at these paths (on or before a bound, when given).
        case latestOf([FactPath], onOrBefore: FactPath?)
    }

    /// Only when this check passes.
    public var condition: Check?
    /// Only when these facts have at least `presentMin` values; the first gives `{path}`, `{line}`, `{source}`, `{count}`.
    public var present: [FactPath]?
    public var presentMin: Int
    public var source: Source
    public var reason: Localized
    /// The reason when the value was found in the prose rather than the front matter.
    public var reasonInText: Localized?
}

/// Everything a pack declares about deciding.
public struct DeriveSection: Sendable {
    public var derivations: [Derivation] = []
    /// The fact that maps content items to the plan's own sections (`legal_map`).
    public var sectionMap: FactPath?

    public static let empty = DeriveSection()
}

/// Reads `derive:` of pack.yaml.
struct DeriveParser {
    let reader: NodeReader
    let pack: String
    let references: ReferenceCollector

    func parse(_ node: YAMLNode) throws(InputError) -> DeriveSection {
        var out = DeriveSection()
        for pair in try reader.mapping(node, "derive") {
            let name = try reader.string(pair.key, "a derived value's name")
            if name == "section_map" {
                out.sectionMap = try reader.path(pair.value, "derive.section_map")
                continue
            }
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), name != "as_of" else {
                throw reader.error(pair.key, "derive: '\(name)' may hold letters, digits and _ only, and as_of is the engine's")
            }
            out.derivations.append(try derivation(name, pair.value))
        }
        return out
    }

    private func derivation(_ name: String, _ node: YAMLNode) throws(InputError) -> Derivation {
        let what = "derive.\(name)"
        try reader.checkKeys(node, allowed: ["kind", "title", "values", "rules", "not_applicable", "date", "scope", "reason", "none", "variable"], what)
        var kind = Derivation.Kind.value
        if let k = node["kind"] {
            let t = try reader.string(k, "\(what).kind")
            guard let v = Derivation.Kind(rawValue: t) else { throw reader.error(k, "\(what).kind must be value, date or profile, found '\(t)'") }
            kind = v
        }
        var d = Derivation(name: name, kind: kind, title: try node["title"].map { n throws(InputError) in try reader.localized(n, "\(what).title") } ?? Localized(same: name),
                           values: [], rules: [], pack: pack, definedIn: reader.file, definedAt: node.range.start)
        if let v = node["values"] {
            guard kind == .value else { throw reader.error(v, "\(what): only a derivation of kind value declares values") }
            for pair in try reader.mapping(v, "\(what).values") {
                let value = try reader.string(pair.key, "a value")
                if d.values.contains(where: { $0.name == value }) { throw reader.error(pair.key, "\(what): value '\(value)' is declared twice") }
                d.values.append(DeclaredValue(name: value, label: try reader.localized(pair.value, "\(what).values.\(value)")))
            }
        }
        if let v = node["variable"] {
            let t = try reader.string(v, "\(what).variable")
            guard kind == .date, ["iso", "source"].contains(t) else { throw reader.error(v, "\(what).variable must be iso or source, for a date only, found '\(t)'") }
            d.variableIsSource = t == "source"
        }
        d.notApplicable = try node["not_applicable"].map { n throws(InputError) in try reader.localized(n, "\(what).not_applicable") }
        if let n = node["not_applicable"], let t = d.notApplicable { try placeholders(t, DeriveParser.notApplicablePlaceholders, n, "\(what).not_applicable") }
        if kind == .profile {
            d.profileDate = try reader.string(try reader.require(node, "date", what), "\(what).date")
            d.profileScope = try reader.string(try reader.require(node, "scope", what), "\(what).scope")
            d.profileReason = try reader.localized(try reader.require(node, "reason", what), "\(what).reason")
            d.profileNone = try reader.localized(try reader.require(node, "none", what), "\(what).none")
            try placeholders(d.profileReason!, DeriveParser.profilePlaceholders, node["reason"]!, "\(what).reason")
            try placeholders(d.profileNone!, DeriveParser.profilePlaceholders, node["none"]!, "\(what).none")
            for key in ["date", "scope"] { if let n = node[key] { references.add(.derived, try reader.string(n, key), n, reader.file) } }
            return d
        }
        if let list = node["rules"] {
            guard let items = list.sequence else { throw reader.error(list, "\(what).rules must be a list") }
            for item in items { d.rules.append(try rule(item, d)) }
        }
        return d
    }

    private func rule(_ node: YAMLNode, _ d: Derivation) throws(InputError) -> DeriveRule {
        let what = "a rule of derive.\(d.name)"
        try reader.checkKeys(node, allowed: ["if", "present", "min", "value", "value_of", "words", "latest_of", "on_or_before", "reason", "reason_in_text"], what)
        let checks = CheckParser(reader: reader, references: references)
        let condition = try node["if"].map { n throws(InputError) in try checks.parse(n) }
        let present = try node["present"].map { n throws(InputError) in try checks.paths(n, "\(what): present") }
        let min = try node["min"].map { n throws(InputError) in try reader.int(n, "\(what): min") } ?? 1
        let sources = ["value", "value_of", "words", "latest_of"].filter { node[$0] != nil }
        guard sources.count == 1 else {
            throw reader.error(node, "\(what) needs exactly one of value, value_of, words, latest_of\(sources.isEmpty ? "" : ", found: " + sources.joined(separator: ", "))")
        }
        let source: DeriveRule.Source
        switch sources[0] {
        case "value":
            let n = node["value"]!
            let v = try reader.string(n, "\(what): value")
            if d.kind == .value {
                references.add(.value(of: d.name), v, n, reader.file)
            } else {
                _ = try checks.path(n, "\(what): value")
            }
            source = .constant(v)
        case "value_of":
            source = .valueOf(try checks.paths(node["value_of"]!, "\(what): value_of"))
        case "words":
            var lists: [(value: String, words: Set<String>)] = []
            for pair in try reader.mapping(node["words"]!, "\(what): words") {
                let v = try reader.string(pair.key, "a value")
                references.add(.value(of: d.name), v, pair.key, reader.file)
                lists.append((v, Set(try reader.strings(pair.value, "\(what): words.\(v)").map { $0.lowercased() })))
            }
            source = .words(lists)
        default:
            let bound = try node["on_or_before"].map { n throws(InputError) in try checks.path(n, "\(what): on_or_before") }
            source = .latestOf(try checks.paths(node["latest_of"]!, "\(what): latest_of"), onOrBefore: bound)
        }
        let rule = DeriveRule(condition: condition, present: present, presentMin: min, source: source,
                              reason: try reader.localized(try reader.require(node, "reason", what), "\(what): reason"),
                              reasonInText: try node["reason_in_text"].map { n throws(InputError) in try reader.localized(n, "\(what): reason_in_text") })
        try placeholders(rule.reason, DeriveParser.rulePlaceholders, node["reason"]!, "\(what): reason")
        if let t = rule.reasonInText { try placeholders(t, DeriveParser.rulePlaceholders, node["reason_in_text"]!, "\(what): reason_in_text") }
        return rule
    }

    static let rulePlaceholders = ["value", "label", "path", "line", "source", "count", "date"]
    static let profilePlaceholders = ["date", "date_reason", "window", "scope", "scope_label", "scope_reason", "profile"]
    static let notApplicablePlaceholders = ["name", "value", "label", "reason", "wanted"]

    /// Refuses a `{name}` the decider does not fill, so no reason shows a raw placeholder.
    private func placeholders(_ text: Localized, _ allowed: [String], _ node: YAMLNode, _ what: String) throws(InputError) {
        for language in Language.allCases {
            var rest = Substring(text[language])
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let name = String(rest[rest.index(after: open)..<close])
                if !allowed.contains(name) {
                    var message = "\(what): unknown placeholder '{\(name)}' (\(language.rawValue))"
                    if let near = NodeReader.closest(to: name, in: allowed) { message += " (did you mean '{\(near)}'?)" }
                    else { message += " (known: \(allowed.map { "{\($0)}" }.joined(separator: ", ")))" }
                    throw reader.error(node, message)
                }
                rest = rest[rest.index(after: close)...]
            }
        }
    }
}

/// A name a pack file uses that only the combined packs can resolve: a `$variable`, a
/// derived value's name (`values_of: status`, `applies: {scope: …}`) or one of its values.
/// Recorded with its position while parsing; checked when the packs are combined
/// (Engine.init), so a misspelling is an error at file:line:col with a suggestion.
public struct PackReference: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `$name` in a path.
        case variable
        /// The name of a derived value.
        case derived
        /// A value of the named derived value.
        case value(of: String)
        /// A name bound with `as:`; must not hide a decided value.
        case binding
        /// A profile's scope: a value of the decided value the profile is chosen by (`scope:` of
        /// the derivation of kind profile).
        case profileScope
    }

    public var kind: Kind
    public var name: String
    public var file: String
    public var at: SourcePosition
}

/// Collects references while one rule or one derive section is parsed.
final class ReferenceCollector {
    private(set) var items: [PackReference] = []

    func add(_ kind: PackReference.Kind, _ name: String, _ node: YAMLNode, _ file: String) {
        items.append(PackReference(kind: kind, name: name, file: file, at: node.range.start))
    }
}
