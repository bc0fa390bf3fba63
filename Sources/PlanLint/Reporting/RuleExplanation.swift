// `planlint rules explain ID`: what a rule checks, the law it cites (with the statute's
// verified wording), when it applies, and its example plans.
import Foundation

/// Renders the explanation of one rule.
public enum RuleExplanation {
    /// `profiles`: the versions of the law of every loaded pack, so a check on `$profile`
    /// names the version by its title.
    /// `values`: the words for the values the packs decide (derive:), by code and by name.
    public static func text(_ rule: Rule, pack: RulePack, language: Language, profiles: [Profile] = [], values valueLabels: [String: Localized] = [:]) -> String {
        let m = Catalogue.explain, l = language
        var out = "\(rule.id) — \(rule.title[l])\n"
        out += "  " + m.header.render(l, ["pack": .text(pack.id), "version": .text(pack.version), "severity": .label(Catalogue.label(rule.severity).text),
                                         "kind": .label(Catalogue.label(rule.kind).text)]) + "\n"
        if let c = rule.citation {
            out += "\n\(m.law[l]):\n  \(c.formatted(l))"
            if let v = c.lawVersion { out += " (\(m.wordedBy.render(l, ["version": .text(v)])))" }
            out += "\n  \(c.url)\n"
            if let mark = c.mark, mark != "V" {
                out += "  \(m.markNote.render(l, ["mark": .text(mark), "meaning": .label(Catalogue.markMeaning(mark).text)]))\n"
            }
            if c.mark == "V" || c.mark == nil, let wd = c.wording {
                let wording = l == .sv ? (wd.sv ?? wd.fi) : (wd.fi ?? wd.sv)
                if let wording { out += "\n  \"\(wording)\"\n" }
            }
        }
        out += "\n\(m.appliesTo[l]):\n"
        let a = rule.applies
        if a.decided.isEmpty { out += "  " + m.everyPlan[l] + "\n" }
        for r in a.decided {
            let names = r.values.sorted().map { v in valueLabels[v] ?? Localized(same: v) }
            out += "  " + m.decided.render(l, ["name": .label(valueLabels[r.name] ?? Localized(same: r.name)), "values": .labels(names)]) + "\n"
        }
        if let p = a.profiles { out += "  " + m.profile.render(l, ["profiles": .list(p.sorted())]) + "\n" }
        if let q = rule.review { out += "  " + m.needsReview.render(l, ["question": .text(q[l])]) + "\n" }
        if a.lawFrom != nil || a.lawUntil != nil {
            out += "  " + m.lawInForce.render(l, ["from": a.lawFrom.map { .date($0) } ?? .text("…"), "until": a.lawUntil.map { .date($0) } ?? .text("…")]) + "\n"
        }
        out += "\n\(m.checks[l]):\n" + describe(rule.check, indent: "  ", l, labels: labels(rule, profiles: profiles + pack.profiles).merging(valueLabels) { a, _ in a })
        out += "\n\(m.message[l]):\n  \(rule.messages.violation[l])\n"
        out += "\n\(m.whatToDo[l]):\n  \(rule.remediation[l])\n"
        out += "\n\(m.examples[l]):\n"
        for e in rule.examples {
            let expect = e.expect.rawValue == "pass" ? m.expectPass : m.expectFail
            let file = "\(pack.origin.hasPrefix("embedded:") ? "Rules/\(pack.id)" : pack.origin)/\(e.file)"
            out += "  " + m.example.render(l, ["expect": .label(expect.text), "file": .text(file), "date": .date(e.asOf)]) + "\n"
        }
        return out
    }

    /// A readable outline of a check in `l` (each kind outlines itself: Sources/PlanLint/Checks);
    /// paths and search patterns as the pack writes them, code values through their labels.
    static func describe(_ check: Check, indent: String, _ l: Language, labels: [String: Localized] = [:]) -> String {
        check.outline(l, indent: indent, labels: labels)
    }

    /// The words for the values the packs decide: each derivation's title by its name, each
    /// declared value's label by its code.
    public static func valueLabels(_ packs: [RulePack]) -> [String: Localized] {
        let m = Catalogue.explain
        // The engine's own variables, and the decided values the packs name, in words.
        var out: [String: Localized] = [
            "as_of": m.asOfVariable.text, "reference_date": m.referenceVariable.text, "last_decision": m.lastDecisionVariable.text,
            "status": m.statusVariable.text, "scope": m.scopeVariable.text, "profile": m.profileVariable.text, "language": m.languageVariable.text,
        ]
        for d in packs.flatMap(\.derive.derivations) {
            out[d.name] = out[d.name] ?? d.title
            for v in d.values where out[v.name] == nil { out[v.name] = v.label }
        }
        return out
    }

    /// The words for the codes a rule's check names: its own labels and the versions of the law.
    static func labels(_ rule: Rule, profiles: [Profile]) -> [String: Localized] {
        var out = rule.labels
        for p in profiles where out[p.id] == nil { out[p.id] = p.title }
        return out
    }

    /// A path a check compares with: the engine's dates by name, any other as written.
    private static func reference(_ path: FactPath, _ l: Language) -> MessageValue {
        let m = Catalogue.explain
        if case .variable(let name) = path.root, path.components.isEmpty {
            switch name {
            case "as_of": return .label(m.asOfVariable.text)
            case "reference_date": return .label(m.referenceVariable.text)
            case "last_decision": return .label(m.lastDecisionVariable.text)
            case "status": return .label(m.statusVariable.text)
            case "scope": return .label(m.scopeVariable.text)
            case "profile": return .label(m.profileVariable.text)
            case "language": return .label(m.languageVariable.text)
            default: break
            }
        }
        return .text(path.description)
    }
}
