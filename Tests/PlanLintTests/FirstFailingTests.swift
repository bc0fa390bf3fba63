// `first_failing`: all of the checks, but only the first failure is reported.
import Foundation
import Testing
@testable import PlanLint

@Suite("first_failing")
struct FirstFailingTests {
    private func findings(_ form: String, _ frontMatter: String) throws -> [Finding] {
        let files = [
            "pack.yaml": "id: local\nversion: 1.0.0\ntitle: {fi: P, sv: P, en: P}\n",
            "rules/r.yaml": """
            rules:
              - id: LOCAL-PARTS
                title: {fi: Osat, sv: Delar, en: Parts}
                severity: warning
                kind: practice
                check:
                  \(form):
                    - present: goals
                    - present: measures
                    - present: indicators
                message: {fi: "{path} puuttuu.", sv: "{path} saknas.", en: "{path} is missing."}
                remediation: {fi: Lisää., sv: Lägg till., en: Add it.}
                examples: {pass: [ok.md], fail: [ok.md]}
            """,
            "ok.md": "# Suunnitelma\n",
        ]
        let pack = try PackLoader.load(PackSource(origin: "local", displayRoot: "local", files: files)).get()
        let plan = try MarkdownPlanReader().read("---\n\(frontMatter)\n---\n# Suunnitelma\n", file: "p.md")
        // `indicators` is no plan key: its PLANLINT-UNKNOWN-PLAN-KEY warning is not this rule's.
        return try Engine(packs: [pack]).check(plan, asOf: PlanDate(year: 2026, month: 11, day: 22)!, language: .en).findings
            .filter { $0.ruleID == "LOCAL-PARTS" }
    }

    @Test("Only the first failing part is reported; all reports every one")
    func firstOnly() throws {
        let first = try findings("first_failing", "goals: [Liikkuminen]")
        #expect(first.map(\.message) == ["measures is missing."])
        let all = try findings("all", "goals: [Liikkuminen]")
        #expect(all.map(\.message) == ["measures is missing.", "indicators is missing."])
    }

    @Test("The next part is reported once the earlier ones pass; nothing when all pass")
    func laterParts() throws {
        #expect(try findings("first_failing", "goals: [a]\nmeasures: [b]").map(\.message) == ["indicators is missing."])
        #expect(try findings("first_failing", "goals: [a]\nmeasures: [b]\nindicators: [c]").isEmpty)
        #expect(try findings("first_failing", "indicators: [c]").map(\.message) == ["goals is missing."])
    }
}
