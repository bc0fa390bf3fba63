// `planlint facts`: every fact planlint believes about a plan, with where it came from —
// the front matter, the sidecar, or the words of the prose with their position — and the
// values the Decide stage decided from them (status, scope, reference date, version of the
// law, …), each with its reason.
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
    /// Every value the packs' `derive:` decided, in the order decided, with its reason.
    public var decisions: [Decision]
    /// Why no version of the law was decided, when none was.
    public var profileReason: Localized?
    public var facts: [Entry]

    enum CodingKeys: String, CodingKey {
        case file, language
        case asOf = "as_of"
        case decisions
        case profileReason = "profile_reason"
        case facts
    }
}

extension Engine {
    /// The facts of one plan as the rules see them, and the values decided from them.
    public func facts(_ plan: Plan, asOf: PlanDate, language: Language? = nil) -> PlanFacts {
        let context = EvaluationContext(plan: plan, asOf: asOf, language: language ?? .fi, extractors: extractors, derive: derive)
        Decider(derivations: derive.derivations, profiles: profiles).run(on: context, language: language)
        let lang = context.language
        let entries = Engine.factEntries(context)
        return PlanFacts(file: plan.file, language: lang, asOf: asOf, decisions: context.decisions,
                         profileReason: context.profile == nil && !context.profileReason[lang].isEmpty ? context.profileReason : nil, facts: entries)
    }

    /// Every fact of the plan with its position, origin and whether the rules use it
    /// (`planlint facts`, and the facts a check plugin receives).
    static func factEntries(_ context: EvaluationContext) -> [PlanFacts.Entry] {
        let plan = context.plan
        var entries: [PlanFacts.Entry] = []
        func add(_ node: YAMLNode, origin: FactOrigin, file: String) {
            for (path, leaf) in Self.leaves(node, path: "") {
                guard let text = leaf.scalar?.text, leaf.scalar?.value != .null else { continue }
                let start = leaf.range.start
                var used = false
                if let p = try? FactPath(parsing: path) {
                    used = context.resolve(p, item: nil, bindings: [:]).values.contains { $0.origin == origin && $0.node.range == leaf.range }
                }
                let location = origin == .sidecar ? nil : plan.locations.location(line: start.line, column: start.column)
                entries.append(PlanFacts.Entry(path: path, value: text, origin: origin, file: file,
                                               line: start.line, column: start.column, location: location, used: used))
            }
        }
        if let side = plan.sidecar { add(side.facts, origin: .sidecar, file: side.file) }
        if let facts = plan.facts { add(facts, origin: .frontMatter, file: plan.file) }
        if let prose = context.proseFacts { add(prose, origin: .text, file: plan.file) }
        return entries
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
        let m = Catalogue.facts
        var out = "\(f.file)\n"
        out += "  " + m.decided[language] + ":\n"
        if f.decisions.isEmpty { out += "    " + m.none[language] + "\n" }
        for d in f.decisions {
            let label = d.label[language].isEmpty ? d.value : d.label[language]
            let why = d.reasons[language]
            out += "    \(d.title[language]): \(label)" + (why.isEmpty ? "" : "  (\(why))") + "\n"
        }
        if let why = f.profileReason, !why[language].isEmpty {
            out += "    " + m.noProfile.render(language, ["why": .text(why[language])]) + "\n"
        }
        out += "  " + m.facts[language] + ":\n"
        if f.facts.isEmpty { out += "    " + m.none[language] + "\n" }
        let width = min(40, f.facts.map { $0.path.count }.max() ?? 0)
        for e in f.facts {
            let origin: Message
            switch e.origin {
            case .frontMatter: origin = m.originFrontMatter
            case .sidecar: origin = m.originSidecar
            case .text: origin = m.originText
            case .engine: origin = m.originEngine
            }
            var place = e.location?.rendered(language) ?? "\(e.file):\(e.line):\(e.column)"
            if e.origin == .sidecar || e.file != f.file { place = "\(e.file):\(e.line):\(e.column)" }
            let unused = e.used ? "" : "  [" + m.notUsed[language] + "]"
            let padded = e.path.padding(toLength: max(width, e.path.count), withPad: " ", startingAt: 0)
            out += "    \(padded)  \(e.value)  — \(origin[language]), \(place)\(unused)\n"
        }
        return out
    }
}
