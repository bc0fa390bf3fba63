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
        out += "\n\(w.checks):\n" + describe(rule.check, indent: "  ", language: language)
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

    /// A readable outline of a check (each kind outlines itself: Sources/PlanLint/Checks).
    static func describe(_ check: Check, indent: String, language: Language = .en) -> String {
        check.outline(language, indent: indent)
    }
}
