// The table of every rule (docs/rules.md), generated from the packs so that it cannot drift
// from them: `planlint rules list --format markdown` writes it and a test compares.
import Foundation

public enum RuleTable {
    /// `planlint rules list`: each pack, then its rules with severity and title in `language`.
    public static func text(_ packs: [RulePack], language: Language) -> String {
        var out = ""
        for pack in packs {
            out += "\(pack.id) \(pack.version) — \(pack.title[language])\n"
            let width = pack.rules.map(\.id.count).max() ?? 0
            let severityWidth = Severity.allCases.map { Catalogue.label($0)[language].count }.max() ?? 0
            for rule in pack.rules {
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = Catalogue.label(rule.severity)[language].padding(toLength: severityWidth, withPad: " ", startingAt: 0)
                out += "  \(id)  \(severity)  \(rule.title[language])\n"
            }
            out += "\n"
        }
        return out
    }

    /// A Markdown document: the profiles, then one table per pack.
    public static func markdown(_ packs: [RulePack]) -> String {
        var out = "# Rules\n\n"
        out += "Generated from the rule packs by `planlint rules list --format markdown > docs/rules.md`;\n"
        out += "a test fails when this file is stale. `planlint rules explain ID` shows a rule in full,\n"
        out += "with the statute's wording where it was verified.\n\n"
        out += "Marks: V verified against the statute, V2 secondary source, R recalled, I interpretation\n"
        out += "(a rule resting on R or I is at most a warning and says it is an interpretation).\n\n"
        let profiles = packs.flatMap(\.profiles)
        if !profiles.isEmpty {
            out += "## Profiles\n\n"
            out += "The version of the law a plan is checked against, picked by its reference date (latest council\n"
            out += "decision; a draft's planned decision date; else the as-of date) and its scope.\n\n"
            out += "| Profile | In force | Scopes | Law |\n|---|---|---|---|\n"
            for p in profiles {
                out += "| \(p.id) | \(p.window) | \(p.scopes.sorted().joined(separator: ", ")) | \(cell(p.title.en)) |\n"
            }
            out += "\n"
        }
        for pack in packs {
            out += "## \(pack.id) \(pack.version) — \(cell(pack.title.en))\n\n"
            out += "\(pack.rules.count) rules.\n\n"
            out += "| Rule | Requirement | Severity | Citation | Mark | Applies to |\n|---|---|---|---|---|---|\n"
            for r in pack.rules {
                var citation = "good practice"
                if let c = r.citation {
                    citation = "[\(cell(c.formatted(.fi)))](\(c.url))"
                    if let v = c.lawVersion { citation += " (\(v))" }
                } else if r.kind == .statute {
                    citation = "—"
                }
                out += "| \(r.id) | \(cell(r.title.en)) | \(r.severity.rawValue) | \(citation) | \(r.citation?.mark ?? "") | \(cell(applies(r))) |\n"
            }
            out += "\n"
        }
        return out
    }

    static func applies(_ r: Rule) -> String {
        var parts: [String] = []
        let a = r.applies
        if let p = a.profiles { parts.append(p.sorted().joined(separator: ", ")) }
        if let s = a.scopes { parts.append("scope " + s.sorted().joined(separator: ", ")) }
        if let s = a.statuses { parts.append("status " + s.sorted().joined(separator: ", ")) }
        if a.lawFrom != nil || a.lawUntil != nil { parts.append("law \(a.lawFrom?.iso ?? "…") – \(a.lawUntil?.iso ?? "…")") }
        if r.review != nil { parts.append("needs review") }
        return parts.isEmpty ? "every plan" : parts.joined(separator: "; ")
    }

    /// Text safe inside a table cell.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
