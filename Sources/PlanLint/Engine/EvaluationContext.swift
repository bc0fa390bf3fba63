// What a check sees: the plan's facts (front matter first, prose second), the engine's
// variables, and the sections that can hold content items.
//
// The engine decides here, once per plan, the plan's status, scope, reference date (which
// picks the version of the law) and last council decision, and says why.
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

    public init(value: Value, reasons: Localized) {
        self.value = value
        self.reasons = reasons
    }

    enum CodingKeys: String, CodingKey { case value, reason, reasons }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decode(Value.self, forKey: .value)
        reasons = try c.decode(Localized.self, forKey: .reasons)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(reasons.en, forKey: .reason)
        try c.encode(reasons, forKey: .reasons)
    }
}

final class EvaluationContext {
    let plan: Plan
    let asOf: PlanDate
    let language: Language
    let proseFacts: YAMLNode?
    /// Sections that can hold content items: every section except a single top-level
    /// title heading that wraps the whole plan.
    let contentSections: [Section]
    private(set) var variables: [String: FactValue] = [:]
    /// The content sections whose titles each pattern finds, by pattern: many rules look
    /// for the same sections with the same list of aliases.
    private var sectionsByPattern: [ObjectIdentifier: [Section]] = [:]

    private(set) var status: Decided<PlanStatus>
    private(set) var scope: Decided<PlanScope>
    private(set) var referenceDate: Decided<PlanDate>
    private(set) var profile: Decided<Profile>?
    /// Why no profile was found, when none was.
    private(set) var profileReason = Localized.none

    init(plan: Plan, asOf: PlanDate, language: Language, extractors: [FactExtractor], profiles: [Profile] = []) {
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
        proseFacts = FactExtraction.extract(plan, sections: contentSections, extractors: extractors)
        status = Decided(value: .approved, reasons: .none)
        scope = Decided(value: .municipal, reasons: .none)
        referenceDate = Decided(value: asOf, reasons: .none)

        // The derived facts read other facts, so they are decided once the plan is in place.
        variables["as_of"] = engineValue(asOf.iso, "$as_of")
        variables["language"] = engineValue(language.rawValue, "$language")
        status = decideStatus()
        scope = decideScope()
        let decisions = pastDecisions()
        referenceDate = decideReference(status: status.value, decisions: decisions)
        variables["status"] = engineValue(status.value.rawValue, "$status")
        variables["scope"] = engineValue(scope.value.rawValue, "$scope")
        variables["reference_date"] = engineValue(referenceDate.value.iso, "$reference_date")
        decideProfile(profiles)
        if let p = profile { variables["profile"] = engineValue(p.value.id, "$profile") }
        if let last = decisions.max(by: { $0.0 < $1.0 })?.1 { variables["last_decision"] = last }
        variables.merge(DocumentReviewFacts.variables(plan, language: language)) { $1 }
    }

    /// The content sections whose title `pattern` finds, in document order.
    func sections(matching pattern: TermPattern) -> [Section] {
        if let known = sectionsByPattern[pattern.identity] { return known }
        let found = contentSections.filter { pattern.isFound(in: $0.title) }
        sectionsByPattern[pattern.identity] = found
        return found
    }

    private func engineValue(_ text: String, _ path: String) -> FactValue {
        FactValue(node: YAMLNode(content: .scalar(YAMLScalar(text: text, style: .plain, value: .string(text))), range: SourceRange(at: .start)),
                  path: path, origin: .engine)
    }

    private func fact(_ path: String) -> [FactValue] {
        guard let p = try? FactPath(parsing: path) else { return [] }
        return resolve(p, item: nil, bindings: [:]).nonEmpty
    }

    private func decideStatus() -> Decided<PlanStatus> {
        if let v = fact("status").first, let text = v.text {
            if let s = PlanStatus(rawValue: text.lowercased()) {
                let line = v.node.range.start.line
                return Decided(value: s, reasons: v.origin == .text
                    ? Localized(fi: "todettu tekstissä, rivi \(line)", sv: "anges i texten, rad \(line)", en: "stated in the text, line \(line)")
                    : Localized(same: "status: \(s.rawValue)"))
            }
        }
        if let a = fact("approvals[*].date").first {
            let at = a.origin == .text ? Localized(fi: "teksti, rivi \(a.node.range.start.line)", sv: "texten, rad \(a.node.range.start.line)", en: "text, line \(a.node.range.start.line)") : Localized(same: a.path)
            return Decided(value: .approved, reasons: Localized(fi: "hyväksyminen on kirjattu (\(at.fi))", sv: "ett godkännande finns (\(at.sv))", en: "an approval is recorded (\(at.en))"))
        }
        if fact("decision").first != nil {
            return Decided(value: .draft, reasons: Localized(fi: "päätös on suunniteltu eikä hyväksymistä ole kirjattu", sv: "ett beslut är planerat och inget godkännande finns", en: "a decision is planned and no approval is recorded"))
        }
        return Decided(value: .approved, reasons: Localized(fi: "tilaa ei ole annettu; käsitellään hyväksyttynä suunnitelmana", sv: "ingen status anges; behandlas som en godkänd plan", en: "no status given; treated as an approved plan"))
    }

    private func decideScope() -> Decided<PlanScope> {
        if let v = fact("plan.scope").first, let text = v.text, let s = PlanScope(rawValue: text.lowercased()) {
            return Decided(value: s, reasons: Localized(same: "plan.scope: \(s.rawValue)"))
        }
        let municipalities = fact("plan.municipalities[*]").compactMap(\.text)
        if municipalities.count == 1, ["helsinki", "helsingfors"].contains(municipalities[0].lowercased()) {
            return Decided(value: .helsinki, reasons: Localized(fi: "ainoa kunta on Helsinki", sv: "den enda kommunen är Helsingfors", en: "the only municipality is Helsinki"))
        }
        if municipalities.count > 1 {
            let n = municipalities.count
            return Decided(value: .jointMunicipal, reasons: Localized(fi: "kuntia on lueteltu \(n)", sv: "\(n) kommuner anges", en: "\(n) municipalities are listed"))
        }
        return Decided(value: .municipal, reasons: Localized(fi: "laajuutta ei ole annettu; käsitellään kunnan suunnitelmana", sv: "omfattning anges inte; behandlas som en kommunal plan", en: "no scope given; treated as a municipal plan"))
    }

    /// Approval dates, and review dates on or before the as-of date, that parse.
    private func pastDecisions() -> [(PlanDate, FactValue)] {
        var out: [(PlanDate, FactValue)] = []
        for v in fact("approvals[*].date") {
            if let t = v.text, let d = PlanDate(parsing: t), d <= asOf { out.append((d, v)) }
        }
        for v in fact("reviews[*].date") {
            if let t = v.text, let d = PlanDate(parsing: t), d <= asOf { out.append((d, v)) }
        }
        return out
    }

    private func decideReference(status: PlanStatus, decisions: [(PlanDate, FactValue)]) -> Decided<PlanDate> {
        if status != .approved, let v = fact("decision.planned_date").first, let t = v.text, let d = PlanDate(parsing: t) {
            return Decided(value: d, reasons: Localized(fi: "suunniteltu päätöspäivä (\(v.path))", sv: "det planerade beslutsdatumet (\(v.path))", en: "the planned decision date (\(v.path))"))
        }
        if let last = decisions.max(by: { $0.0 < $1.0 }) {
            let line = last.1.node.range.start.line
            let o = last.1.origin == .text ? Localized(fi: "teksti, rivi \(line)", sv: "texten, rad \(line)", en: "text, line \(line)") : Localized(same: last.1.path)
            return Decided(value: last.0, reasons: Localized(fi: "viimeisin valtuuston päätös (\(o.fi))", sv: "fullmäktiges senaste beslut (\(o.sv))",
                                                            en: "the latest council decision (\(o.en))"))
        }
        return Decided(value: asOf, reasons: Localized(fi: "ei hyväksymis- eikä suunniteltua päätöspäivää; tarkistuspäivä", sv: "inget datum för godkännande eller planerat beslut; granskningsdagen",
                                                       en: "no approval or planned decision date; the as-of date"))
    }

    /// The first profile whose window holds the reference date and whose scopes hold the scope.
    private func decideProfile(_ profiles: [Profile]) {
        let date = referenceDate.value, sc = scope.value
        guard !profiles.isEmpty else {
            profileReason = Localized(fi: "mikään paketti ei määrittele profiileja", sv: "inget paket definierar profiler", en: "no pack defines profiles")
            return
        }
        let r = referenceDate.reasons, s = scope.reasons
        if let p = profiles.first(where: { $0.scopes.contains(sc) && $0.holds(date) }) {
            let rel = p.relationLocalized
            profile = Decided(value: p, reasons: Localized(
                fi: "viitepäivä \(date.formatted(for: .fi)) (\(r.fi)) on \(rel.fi); laajuus \(sc.rawValue) (\(s.fi))",
                sv: "referensdatumet \(date.formatted(for: .sv)) (\(r.sv)) är \(rel.sv); omfattning \(sc.rawValue) (\(s.sv))",
                en: "reference date \(date.iso) (\(r.en)) is \(rel.en); scope \(sc.rawValue) (\(s.en))"))
        } else {
            profileReason = Localized(
                fi: "viitepäivä \(date.formatted(for: .fi)) (\(r.fi)), laajuus \(sc.rawValue) (\(s.fi)): mikään profiili ei kata molempia",
                sv: "referensdatumet \(date.formatted(for: .sv)) (\(r.sv)), omfattning \(sc.rawValue) (\(s.sv)): ingen profil täcker båda",
                en: "reference date \(date.iso) (\(r.en)), scope \(sc.rawValue) (\(s.en)): no profile covers both")
        }
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
            if let prose = proseFacts {
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
