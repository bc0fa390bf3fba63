// `planlint rules explain ID`: what a rule checks, the law it cites (with the statute's
// verified wording), when it applies, and its example plans.
import Foundation

/// Renders the explanation of one rule.
public enum RuleExplanation {
    public static func text(_ rule: Rule, pack: RulePack, language: Language) -> String {
        let w = Words.of(language)
        var out = "\(rule.id) — \(rule.title[language])\n"
        out += "  \(w.pack): \(pack.id) \(pack.version); \(w.severity): \(rule.severity.rawValue); \(w.kind): \(rule.kind.rawValue)\n"
        if let c = rule.citation {
            out += "\n\(w.law):\n  \(c.formatted(language))"
            if let v = c.lawVersion { out += " (\(w.wordedBy) \(v))" }
            out += "\n  \(c.url)\n"
            if let mark = c.mark, mark != "V" {
                out += "  \(w.note(mark, markMeaning(mark, language)))\n"
            }
            if c.mark == "V" || c.mark == nil, let wd = c.wording {
                let wording = language == .sv ? (wd.sv ?? wd.fi) : (wd.fi ?? wd.sv)
                if let wording { out += "\n  \"\(wording)\"\n" }
            }
        }
        out += "\n\(w.appliesTo):\n"
        let a = rule.applies
        out += "  \(w.scope): " + (a.scopes.map { $0.sorted().joined(separator: ", ") } ?? w.everyPlan) + "\n"
        if let s = a.statuses { out += "  \(w.status): " + s.sorted().joined(separator: ", ") + "\n" }
        if let p = a.profiles { out += "  \(w.profile): " + p.sorted().joined(separator: ", ") + " (\(w.profileHow))\n" }
        if let q = rule.review { out += "  \(w.needsReview): \(q[language])\n" }
        if a.lawFrom != nil || a.lawUntil != nil {
            out += "  \(w.lawInForce): \(a.lawFrom?.iso ?? "…") – \(a.lawUntil?.iso ?? "…") (\(w.profileHow))\n"
        }
        out += "\n\(w.checks):\n" + describe(rule.check, indent: "  ")
        out += "\n\(w.message):\n  \(rule.messages.violation[language])\n"
        out += "\n\(w.whatToDo):\n  \(rule.remediation[language])\n"
        out += "\n\(w.examples):\n"
        for e in rule.examples {
            out += "  \(e.expect.rawValue): \(pack.origin.hasPrefix("embedded:") ? "Rules/\(pack.id)" : pack.origin)/\(e.file) (\(w.asOf) \(e.asOf.iso))\n"
        }
        return out
    }

    /// The headings of an explanation in each language.
    struct Words {
        var pack, severity, kind, law, wordedBy, appliesTo, scope, everyPlan, status, profile, profileHow: String
        var needsReview, lawInForce, checks, message, whatToDo, examples, asOf: String
        var note: (String, String) -> String

        static func of(_ l: Language) -> Words {
            switch l {
            case .fi:
                return Words(pack: "paketti", severity: "vakavuus", kind: "laji", law: "Laki", wordedBy: "sanamuoto", appliesTo: "Sovelletaan",
                             scope: "laajuus", everyPlan: "kaikki suunnitelmat", status: "tila", profile: "profiili",
                             profileHow: "valitaan suunnitelman viitepäivän ja laajuuden mukaan", needsReview: "tarkistettava",
                             lawInForce: "lain voimassaolo", checks: "Tarkistukset", message: "Viesti", whatToDo: "Mitä tehdä",
                             examples: "Esimerkit", asOf: "tarkistuspäivä",
                             note: { "Huom.: tämä kohta on merkitty \($0) (\($1)); käsittele sitä tulkintana." })
            case .sv:
                return Words(pack: "paket", severity: "allvarlighet", kind: "typ", law: "Lag", wordedBy: "lydelse enligt", appliesTo: "Tillämpas på",
                             scope: "omfattning", everyPlan: "alla planer", status: "status", profile: "profil",
                             profileHow: "väljs enligt planens referensdatum och omfattning", needsReview: "ska granskas",
                             lawInForce: "lagen i kraft", checks: "Kontroller", message: "Meddelande", whatToDo: "Åtgärd",
                             examples: "Exempel", asOf: "granskningsdag",
                             note: { "Obs: denna läsning är märkt \($0) (\($1)); behandla den som en tolkning." })
            case .en:
                return Words(pack: "pack", severity: "severity", kind: "kind", law: "Law", wordedBy: "as worded by", appliesTo: "Applies to",
                             scope: "scope", everyPlan: "every plan", status: "status", profile: "profile",
                             profileHow: "picked by the plan's reference date and scope", needsReview: "needs review",
                             lawInForce: "law in force", checks: "Checks", message: "Message", whatToDo: "What to do",
                             examples: "Examples", asOf: "as of",
                             note: { "Note: this reading is marked \($0) (\($1)); treat it as an interpretation." })
            }
        }
    }

    static func markMeaning(_ mark: String, _ l: Language = .en) -> String {
        switch (mark, l) {
        case ("V2", .fi): return "vahvistettu vain toissijaisesta lähteestä"
        case ("V2", .sv): return "bekräftad endast i en sekundär källa"
        case ("V2", .en): return "confirmed from a secondary source only"
        case ("R", .fi): return "muistinvarainen, ei tarkistettu säädöstekstistä"
        case ("R", .sv): return "ur minnet, inte kontrollerad mot författningstexten"
        case ("R", .en): return "recalled, not confirmed against the statute"
        case ("I", .fi): return "tulkinta"
        case ("I", .sv): return "en tolkning"
        case ("I", .en): return "an interpretation"
        case (_, .fi): return "tarkistettu"
        case (_, .sv): return "kontrollerad"
        default: return "verified"
        }
    }

    /// A readable outline of a check.
    static func describe(_ check: Check, indent: String) -> String {
        let paths = { (ps: [FactPath]) in ps.map(\.description).joined(separator: " or ") }
        switch check {
        case .present(let p): return "\(indent)\(paths(p)) is given\n"
        case .isDate(let p): return "\(indent)\(paths(p)) is a valid date\n"
        case .oneOf(let p, let v, let of, let any): return "\(indent)\(any ? "some" : "every") \(paths(p)) is one of: \(of.map { "the values of \($0)" } ?? v.joined(separator: ", "))\n"
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
        case .firstFailing(let cs): return "\(indent)all of, reporting only the first that fails:\n" + cs.map { describe($0, indent: indent + "  ") }.joined()
        case .any(let cs): return "\(indent)any of:\n" + cs.map { describe($0, indent: indent + "  ") }.joined()
        case .not(let c): return "\(indent)not:\n" + describe(c, indent: indent + "  ")
        case .when(let c, let t, let e):
            var s = "\(indent)when:\n" + describe(c, indent: indent + "  ") + "\(indent)then:\n" + describe(t, indent: indent + "  ")
            if let e { s += "\(indent)otherwise:\n" + describe(e, indent: indent + "  ") }
            return s
        }
    }
}
