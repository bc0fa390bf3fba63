// `planlint rules explain ID`: what a rule checks, the law it cites (with the statute's
// verified wording), when it applies, and its example plans.
import Foundation

/// Renders the explanation of one rule.
public enum RuleExplanation {
    public static func text(_ rule: Rule, pack: RulePack, language: Language) -> String {
        var out = "\(rule.id) — \(rule.title[language])\n"
        out += "  pack: \(pack.id) \(pack.version); severity: \(rule.severity.rawValue); kind: \(rule.kind.rawValue)\n"
        if let c = rule.citation {
            out += "\nLaw:\n  \(c.formatted(language))"
            if let v = c.lawVersion { out += " (as worded by \(v))" }
            out += "\n  \(c.url)\n"
            if let mark = c.mark, mark != "V" {
                out += "  Note: this reading is marked \(mark) (\(markMeaning(mark))); treat it as an interpretation.\n"
            }
            if c.mark == "V" || c.mark == nil, let w = c.wording {
                let wording = language == .sv ? (w.sv ?? w.fi) : (w.fi ?? w.sv)
                if let wording { out += "\n  \"\(wording)\"\n" }
            }
        }
        out += "\nApplies to:\n"
        let a = rule.applies
        out += "  scope: " + (a.scopes.map { $0.map(\.rawValue).sorted().joined(separator: ", ") } ?? "every plan") + "\n"
        if let s = a.statuses { out += "  status: " + s.map(\.rawValue).sorted().joined(separator: ", ") + "\n" }
        if let p = a.profiles { out += "  profile: " + p.sorted().joined(separator: ", ") + " (picked by the plan's reference date and scope)\n" }
        if let q = rule.review { out += "  needs review: \(q[language])\n" }
        if a.lawFrom != nil || a.lawUntil != nil {
            out += "  law in force: \(a.lawFrom?.iso ?? "…") – \(a.lawUntil?.iso ?? "…") (by the plan's approval date, else its planned decision date, else the as-of date)\n"
        }
        out += "\nChecks:\n" + describe(rule.check, indent: "  ")
        out += "\nMessage:\n  \(rule.messages.violation[language])\n"
        out += "\nWhat to do:\n  \(rule.remediation[language])\n"
        out += "\nExamples:\n"
        for e in rule.examples {
            out += "  \(e.expect.rawValue): \(pack.origin.hasPrefix("embedded:") ? "Rules/\(pack.id)" : pack.origin)/\(e.file) (as of \(e.asOf.iso))\n"
        }
        return out
    }

    static func markMeaning(_ mark: String) -> String {
        switch mark {
        case "V2": return "confirmed from a secondary source only"
        case "R": return "recalled, not confirmed against the statute"
        case "I": return "an interpretation"
        default: return "verified"
        }
    }

    /// A readable outline of a check.
    static func describe(_ check: Check, indent: String) -> String {
        let paths = { (ps: [FactPath]) in ps.map(\.description).joined(separator: " or ") }
        switch check {
        case .present(let p): return "\(indent)\(paths(p)) is given\n"
        case .isDate(let p): return "\(indent)\(paths(p)) is a valid date\n"
        case .oneOf(let p, let v, let any): return "\(indent)\(any ? "some" : "every") \(paths(p)) is one of: \(v.joined(separator: ", "))\n"
        case .matches(let p, let t, let any): return "\(indent)\(any ? "some" : "every") \(paths(p)) matches: \(t)\n"
        case .equals(let p, let v):
            switch v {
            case .literal(let s): return "\(indent)\(paths(p)) equals \(s)\n"
            case .path(let q): return "\(indent)\(paths(p)) equals \(q)\n"
            }
        case .dateWithin(let d):
            return d.direction == .before
                ? "\(indent)\(paths(d.paths)) (\(d.pick.rawValue)) is at most \(d.years) years before \(d.reference)\n"
                : "\(indent)\(paths(d.paths)) (\(d.pick.rawValue)) is at most \(d.years) years after \(d.reference)\n"
        case .count(let p, let min, let max):
            return "\(indent)the number of \(paths(p)) is \(min.map { "at least \($0)" } ?? "")\(min != nil && max != nil ? " and " : "")\(max.map { "at most \($0)" } ?? "")\n"
        case .each(let p, _, let c): return "\(indent)for each \(paths(p)) (@):\n" + describe(c, indent: indent + "  ")
        case .some(let p, _, let c): return "\(indent)for at least one \(paths(p)) (@):\n" + describe(c, indent: indent + "  ")
        case .covers(let p, let m, let min):
            return "\(indent)\(paths(p)) cover\(min.map { " at least \($0) of" } ?? ""): \(m.joined(separator: ", "))\n"
        case .section(let s):
            var line = "\(indent)a non-empty section headed like: \(s.aliases)"
            if let item = s.item { line += " (or legal_map.\(item))" }
            if let t = s.textTerms { line += "; or the text mentions: \(t)" }
            return line + "\n"
        case .mentions(let m):
            return "\(indent)the text\(m.inSections.map { " of sections headed like \($0)" } ?? "") mentions\(m.min > 1 ? " \(m.min) times" : ""): \(m.terms)\n"
        case .table(let t):
            return "\(indent)a table\(t.inSections.map { " in sections headed like \($0)" } ?? "") with columns \(t.columns.map(\.name).joined(separator: ", "))\(t.filled ? ", every row filled" : "")\n"
        case .all(let cs): return "\(indent)all of:\n" + cs.map { describe($0, indent: indent + "  ") }.joined()
        case .any(let cs): return "\(indent)any of:\n" + cs.map { describe($0, indent: indent + "  ") }.joined()
        case .not(let c): return "\(indent)not:\n" + describe(c, indent: indent + "  ")
        case .when(let c, let t, let e):
            var s = "\(indent)when:\n" + describe(c, indent: indent + "  ") + "\(indent)then:\n" + describe(t, indent: indent + "  ")
            if let e { s += "\(indent)otherwise:\n" + describe(e, indent: indent + "  ") }
            return s
        }
    }
}
