// What a check sees: the plan's facts (front matter first, prose second), the engine's
// variables, and the sections that can hold content items.
//
// The values the packs decide (status, scope, reference date, profile, …) are decided once
// per plan by the Decider (Sources/PlanLint/Decide) and kept here as generic decided values
// with their reasons; this file knows none of their names.
import Foundation

/// Where a fact came from.
public enum FactOrigin: String, Sendable, Codable {
    /// The YAML front matter (or the facts of a YAML plan).
    case frontMatter = "front_matter"
    /// Found in the prose.
    case text
    /// The sidecar file beside the plan (`PLAN.planlint.yaml`).
    case sidecar
    /// Given by the engine (the as-of date, a derived status).
    case engine
}

/// A fact's value with its concrete path and origin.
struct FactValue {
    var node: YAMLNode
    var path: String
    var origin: FactOrigin

    var text: String? {
        guard let s = node.scalar, s.value != .null else { return nil }
        return s.text
    }

    var isEmpty: Bool {
        switch node.content {
        case .scalar(let s): return s.value == .null || s.text.trimmed(of: .whitespacesAndNewlines).isEmpty
        case .sequence(let items): return items.isEmpty
        case .mapping(let pairs): return pairs.isEmpty
        }
    }
}

/// The result of resolving a path: its values, or where it would have to be added.
struct Resolution {
    var values: [FactValue]
    /// The path as written, for messages.
    var path: String
    /// The deepest node on the way that exists (where a missing fact would be added).
    var anchor: FactValue?

    var nonEmpty: [FactValue] { values.filter { !$0.isEmpty } }
}

/// A derived fact and how it was decided.
public struct Decided<Value: Sendable & Codable>: Sendable, Codable {
    public var value: Value
    /// How the engine decided it, in each language.
    public var reasons: Localized
    /// The reason in English (stable for machines).
    public var reason: String { reasons.en }
    /// The value is a stand-in (nothing in the plan decides it), not a fact of the plan.
    public var undecided = false

    public init(value: Value, reasons: Localized, undecided: Bool = false) {
        self.value = value
        self.reasons = reasons
        self.undecided = undecided
    }

    enum CodingKeys: String, CodingKey { case value, reason, reasons, undecided }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decode(Value.self, forKey: .value)
        reasons = try c.decode(Localized.self, forKey: .reasons)
        undecided = try c.decodeIfPresent(Bool.self, forKey: .undecided) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(reasons.en, forKey: .reason)
        try c.encode(reasons, forKey: .reasons)
        if undecided { try c.encode(true, forKey: .undecided) }
    }
}

final class EvaluationContext {
    let plan: Plan
    let asOf: PlanDate
    private(set) var language: Language
    /// The body's text blocks, and where each term list can match.
    private(set) lazy var text = PlanTextIndex(plan)
    private let extractors: [FactExtractor]
    /// The prose facts, once every extractor has run.
    private var allProse: YAMLNode??
    /// The prose facts under one top-level key, extracted when a path first needs them.
    private var proseByKey: [String: YAMLNode?] = [:]
    /// Sections that can hold content items: every section except a single top-level
    /// title heading that wraps the whole plan.
    let contentSections: [Section]
    /// The fact that maps content items to sections (`derive.section_map`), if a pack declares one.
    let sectionMap: FactPath?
    /// The declarations of the combined packs, by name.
    let derivations: [String: Derivation]
    private(set) var variables: [String: FactValue] = [:]
    /// The content sections whose titles each pattern finds, by pattern: many rules look
    /// for the same sections with the same list of aliases.
    private var sectionsByPattern: [ObjectIdentifier: [Section]] = [:]
    /// Sections classified by what they say, per term list and statute marks (SectionContent.swift).
    var sectionsByContent: [[ObjectIdentifier?]: [ContentTerms.Classified]] = [:]

    /// The decided values (kind `value`), by name.
    private(set) var values: [String: Decided<DerivedValue>] = [:]
    /// The decided dates, by name.
    private(set) var dates: [String: Decided<PlanDate>] = [:]
    private(set) var profile: Decided<Profile>?
    /// Why no profile was found, when none was.
    var profileReason = Localized.none
    /// When the date that picks the profile is only a stand-in: the profiles the plan may
    /// belong to (more than one). Rules that hold under all of them run; the others need review.
    var profileCandidates: [Profile] = []
    /// Every decided value in the order decided, for reporters.
    private(set) var decisions: [Decision] = []

    init(plan: Plan, asOf: PlanDate, language: Language, extractors: [FactExtractor], derive: DeriveSection = .empty) {
        self.plan = plan
        self.asOf = asOf
        self.language = language
        let all = plan.allSections
        let top = plan.body.children
        if top.count == 1, top[0].level == 1, !top[0].children.isEmpty {
            contentSections = all.filter { $0.titleRange != top[0].titleRange }
        } else {
            contentSections = all
        }
        self.extractors = extractors
        sectionMap = derive.sectionMap
        var byName: [String: Derivation] = [:]
        for d in derive.derivations { byName[d.name] = d }
        derivations = byName
        variables["as_of"] = engineValue(asOf.iso, "$as_of")
        variables.merge(DocumentReviewFacts.variables(plan, language: language)) { $1 }
    }

    /// The facts found in the prose (every extractor run, in the packs' order).
    var proseFacts: YAMLNode? {
        if let all = allProse { return all }
        let all = FactExtraction.extract(plan, sections: contentSections, extractors: extractors, index: text)
        allProse = .some(all)
        return all
    }

    /// The prose facts a path under `key` can reach: only the extractors of facts under that
    /// key run, and only once the front matter and the sidecar have turned out to lack the
    /// fact. Extractors under different top-level keys never write into each other's facts
    /// (`FactExtraction.insert`), so the facts under `key` are those of the whole tree.
    private func proseFacts(under key: String) -> YAMLNode? {
        if let all = allProse { return all }
        if let known = proseByKey[key] { return known }
        let found = FactExtraction.extract(plan, sections: contentSections, extractors: extractors.filter { $0.keys.first == key }, index: text)
        proseByKey[key] = .some(found)
        return found
    }

    /// The content sections whose title `pattern` finds, in document order.
    func sections(matching pattern: TermPattern) -> [Section] {
        if let known = sectionsByPattern[pattern.identity] { return known }
        let found = contentSections.filter { pattern.isFound(in: $0.title) }
        sectionsByPattern[pattern.identity] = found
        return found
    }

    func engineValue(_ text: String, _ path: String) -> FactValue {
        FactValue(node: YAMLNode(content: .scalar(YAMLScalar(text: text, style: .plain, value: .string(text))), range: SourceRange(at: .start)),
                  path: path, origin: .engine)
    }

    // MARK: - Decided values (set by the Decider)

    func decide(_ d: Derivation, _ value: Decided<DerivedValue>) {
        values[d.name] = value
        variables[d.name] = engineValue(value.value.rawValue, "$\(d.name)")
        decisions.append(Decision(name: d.name, title: d.title, value: value.value.rawValue, label: value.value.label, reasons: value.reasons))
        if d.kind == .value, d.name == "language", let l = Language(rawValue: value.value.rawValue) {
            language = l
            variables.merge(DocumentReviewFacts.variables(plan, language: l)) { $1 }
        }
    }

    func decide(_ d: Derivation, _ date: Decided<PlanDate>, source: FactValue?) {
        dates[d.name] = date
        variables[d.name] = d.variableIsSource ? (source ?? engineValue(date.value.iso, "$\(d.name)")) : engineValue(date.value.iso, "$\(d.name)")
        decisions.append(Decision(name: d.name, title: d.title, value: date.value.iso,
                                  label: Localized(fi: date.value.formatted(for: .fi), sv: date.value.formatted(for: .sv), en: date.value.iso), reasons: date.reasons))
    }

    /// No date of the plan decides the profile: the candidates, and why, shown as a decision
    /// whose value is "undecided".
    func leaveUndecided(_ d: Derivation, candidates: [Profile], reasons: Localized) {
        profileCandidates = candidates
        profileReason = reasons
        decisions.append(Decision(name: d.name, title: d.title, value: "", label: Catalogue.engine.undecided.text, reasons: reasons))
    }

    func decide(_ d: Derivation, profile p: Decided<Profile>) {
        profile = p
        variables[d.name] = engineValue(p.value.id, "$\(d.name)")
        decisions.append(Decision(name: d.name, title: d.title, value: p.value.id, label: p.value.title, reasons: p.reasons))
    }

    /// Sets the language when the command line chose it.
    func override(language l: Language) {
        language = l
        variables["language"] = engineValue(l.rawValue, "$language")
        variables.merge(DocumentReviewFacts.variables(plan, language: l)) { $1 }
    }

    /// The declared values of a derivation (`one_of: {values_of: status}`).
    func declaredValues(of name: String) -> [String] {
        derivations[name]?.values.map(\.name) ?? []
    }

    // MARK: - Resolving paths

    /// Resolves a path: front matter first, then the prose facts.
    func resolve(_ path: FactPath, item: FactValue?, bindings: [String: FactValue]) -> Resolution {
        let written = path.description
        switch path.root {
        case .item:
            guard let item else { return Resolution(values: [], path: written, anchor: nil) }
            return walk(item, path.components[...], written)
        case .variable(let name):
            guard let start = bindings[name] ?? variables[name] else { return Resolution(values: [], path: written, anchor: nil) }
            return walk(start, path.components[...], written)
        case .facts:
            var first = Resolution(values: [], path: written, anchor: nil)
            // The sidecar confirms or corrects facts: it wins over the front matter and the prose.
            if let side = plan.sidecar?.facts {
                let confirmed = walk(FactValue(node: side, path: "", origin: .sidecar), path.components[...], written)
                if !confirmed.nonEmpty.isEmpty { return confirmed }
            }
            if let facts = plan.facts {
                first = walk(FactValue(node: facts, path: "", origin: .frontMatter), path.components[...], written)
                if !first.nonEmpty.isEmpty { return first }
            }
            let prose: YAMLNode?
            if case .key(let key)? = path.components.first { prose = proseFacts(under: key) } else { prose = proseFacts }
            if let prose {
                let second = walk(FactValue(node: prose, path: "", origin: .text), path.components[...], written)
                if !second.nonEmpty.isEmpty { return second }
            }
            return first
        }
    }

    private func walk(_ start: FactValue, _ components: ArraySlice<FactPath.Component>, _ written: String) -> Resolution {
        var current = [start]
        var anchor: FactValue? = start.origin == .engine ? nil : start
        if start.path.isEmpty, start.origin != .engine { anchor = start.node.mapping?.isEmpty == false ? start : nil }
        for component in components {
            var next: [FactValue] = []
            for value in current {
                switch component {
                case .key(let k):
                    if let pair = value.node.pair(k) {
                        next.append(FactValue(node: pair.value, path: value.path.isEmpty ? k : "\(value.path).\(k)", origin: value.origin))
                    }
                case .index(let i):
                    if let items = value.node.sequence, i < items.count {
                        next.append(FactValue(node: items[i], path: "\(value.path)[\(i)]", origin: value.origin))
                    }
                case .all:
                    if let items = value.node.sequence {
                        for (i, node) in items.enumerated() {
                            next.append(FactValue(node: node, path: "\(value.path)[\(i)]", origin: value.origin))
                        }
                    } else if !value.isEmpty {
                        // A single item where a list was expected: treat it as a list of one.
                        next.append(value)
                    }
                }
            }
            if next.isEmpty { return Resolution(values: [], path: written, anchor: anchor) }
            if let last = next.last, !last.isEmpty { anchor = next[0] }
            current = next
        }
        return Resolution(values: current, path: written, anchor: anchor)
    }
}
