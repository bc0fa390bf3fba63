// `planlint facts`: every fact planlint believes about a plan, with where it came from —
// the front matter, the sidecar, or the words of the prose with their position — and the
// status, scope, reference date and version of the law it decided, with the reason.
// A wrong guess from the prose becomes visible, and the sidecar can correct it.
import Foundation

/// The facts of one plan.
public struct PlanFacts: Sendable, Codable {
    public struct Entry: Sendable, Codable {
        /// The fact's path (`approvals[0].date`).
        public var path: String
        public var value: String
        public var origin: FactOrigin
        /// Where it is: the plan, or its sidecar.
        public var file: String
        public var line: Int
        public var column: Int
        /// In a Word or OpenDocument plan, the heading path and paragraph.
        public var location: LogicalLocation?
        /// False when a fact of the same path from a stronger source (sidecar over front
        /// matter over prose) is the one the rules see.
        public var used: Bool
    }

    public var file: String
    public var language: Language
    public var asOf: PlanDate
    public var status: Decided<PlanStatus>
    public var scope: Decided<PlanScope>
    public var referenceDate: Decided<PlanDate>
    public var profile: Decided<Profile>?
    /// Why no profile was decided, when none was.
    public var profileReason: Localized?
    public var facts: [Entry]

    enum CodingKeys: String, CodingKey {
        case file, language
        case asOf = "as_of"
        case status, scope
        case referenceDate = "reference_date"
        case profile
        case profileReason = "profile_reason"
        case facts
    }
}

extension Engine {
    /// The facts of one plan as the rules see them.
    public func facts(_ plan: Plan, asOf: PlanDate, language: Language? = nil) -> PlanFacts {
        let lang = language ?? Engine.language(of: plan)
        let context = EvaluationContext(plan: plan, asOf: asOf, language: lang, extractors: extractors, profiles: profiles)
        var entries: [PlanFacts.Entry] = []
        func add(_ node: YAMLNode, origin: FactOrigin, file: String, positioned: Bool) {
            for (path, leaf) in Self.leaves(node, path: "") {
                guard let text = leaf.scalar?.text, leaf.scalar?.value != .null else { continue }
                let start = leaf.range.start
                var used = false
                if let p = try? FactPath(parsing: path) {
                    used = context.resolve(p, item: nil, bindings: [:]).values.contains { $0.origin == origin && $0.node.range == leaf.range }
                }
                let location = origin == .sidecar ? nil : plan.locations.location(line: start.line, column: start.column)
                entries.append(PlanFacts.Entry(path: path, value: text, origin: origin, file: file,
                                               line: positioned ? start.line : 0, column: positioned ? start.column : 0,
                                               location: location, used: used))
            }
        }
        if let side = plan.sidecar { add(side.facts, origin: .sidecar, file: side.file, positioned: true) }
        if let facts = plan.facts { add(facts, origin: .frontMatter, file: plan.file, positioned: true) }
        if let prose = context.proseFacts { add(prose, origin: .text, file: plan.file, positioned: true) }
        return PlanFacts(file: plan.file, language: lang, asOf: asOf, status: context.status, scope: context.scope,
                         referenceDate: context.referenceDate, profile: context.profile,
                         profileReason: context.profile == nil ? context.profileReason : nil, facts: entries)
    }

    /// Every scalar below `node` with its path, in document order.
    static func leaves(_ node: YAMLNode, path: String) -> [(String, YAMLNode)] {
        switch node.content {
        case .scalar: return path.isEmpty ? [] : [(path, node)]
        case .sequence(let items):
            return items.enumerated().flatMap { leaves($1, path: "\(path)[\($0)]") }
        case .mapping(let pairs):
            return pairs.flatMap { pair -> [(String, YAMLNode)] in
                let key = pair.key.scalar?.text ?? "?"
                return leaves(pair.value, path: path.isEmpty ? key : "\(path).\(key)")
            }
        }
    }
}

/// `planlint facts` as text.
public enum FactsText {
    public static func render(_ f: PlanFacts, language: Language) -> String {
        let i = language.index
        var out = "\(f.file)\n"
        func decided(_ label: [String], _ value: String, _ reasons: Localized) {
            out += "  \(label[i]): \(value)" + (reasons[language].isEmpty ? "" : "  (\(reasons[language]))") + "\n"
        }
        decided(["tila", "status", "status"], f.status.value.rawValue, f.status.reasons)
        decided(["laajuus", "omfattning", "scope"], f.scope.value.rawValue, f.scope.reasons)
        decided(["viitepäivä", "referensdatum", "reference date"], f.referenceDate.value.formatted(for: language), f.referenceDate.reasons)
        if let p = f.profile {
            decided(["lain versio", "lagversion", "law profile"], p.value.id, p.reasons)
        } else {
            decided(["lain versio", "lagversion", "law profile"], "—", f.profileReason ?? .none)
        }
        out += "  " + ["tiedot", "uppgifter", "facts"][i] + ":\n"
        if f.facts.isEmpty { out += "    " + ["(ei yhtään)", "(inga)", "(none)"][i] + "\n" }
        let width = min(40, f.facts.map { $0.path.count }.max() ?? 0)
        for e in f.facts {
            let origin: String
            switch e.origin {
            case .frontMatter: origin = ["etusivun tiedot", "front matter", "front matter"][i]
            case .sidecar: origin = ["sivutiedosto", "sidofilen", "sidecar"][i]
            case .text: origin = ["tekstistä", "ur texten", "from the text"][i]
            case .engine: origin = ["päätelty", "härlett", "derived"][i]
            }
            var place = e.location?.rendered(language) ?? "\(e.file):\(e.line):\(e.column)"
            if e.origin == .sidecar || e.file != f.file { place = "\(e.file):\(e.line):\(e.column)" }
            let unused = e.used ? "" : "  [" + ["ei käytössä: vahvempi lähde korvaa", "används inte: en starkare källa gäller", "not used: a stronger source wins"][i] + "]"
            let padded = e.path.padding(toLength: max(width, e.path.count), withPad: " ", startingAt: 0)
            out += "    \(padded)  \(e.value)  — \(origin), \(place)\(unused)\n"
        }
        return out
    }
}
