// One fact, one finding: a practice rule covered by a statutory one (`covered_by`).
import Foundation
import Testing
@testable import PlanLint

@Suite("Rules covered by other rules")
struct CoverageTests {
    @Test("When the statute's rule fails, the practice rule on the same fact is covered, not a second finding")
    func coveredOnce() throws {
        let report = try Repo.check("Examples/koskenkyla-luonnos-2026.md", language: .en)
        let statute = try #require(report.results.first { $0.rule == "JARJL-6-3-ANNUAL-REPORT" })
        let practice = try #require(report.results.first { $0.rule == "GP-ANNUAL-REPORT" })
        #expect(statute.status == .fail)
        #expect(practice.status == .covered)
        #expect(practice.coveredBy == "JARJL-6-3-ANNUAL-REPORT")
        #expect(practice.findings == 0)
        #expect(practice.reason == "the same fact is already reported by rule JARJL-6-3-ANNUAL-REPORT")
        #expect(report.findings.contains { $0.ruleID == "JARJL-6-3-ANNUAL-REPORT" })
        #expect(!report.findings.contains { $0.ruleID == "GP-ANNUAL-REPORT" })

        let json = JSONReporter().report(RunResult(outcomes: [.checked(report)], packs: Packs.engine.packs, asOf: report.asOf, language: .en))
        #expect(json.contains("\"covered_by\" : \"JARJL-6-3-ANNUAL-REPORT\""))
        #expect(json.contains("\"status\" : \"covered\""))
    }

    @Test("Where the statute's rule does not apply (a 2019 plan), the practice rule is checked on its own")
    func notCoveredUnderOldLaw() throws {
        let report = try Repo.check("Examples/lahdenpera-2019.md")
        #expect(report.results.first { $0.rule == "JARJL-6-3-ANNUAL-REPORT" }?.status == .notApplicable)
        #expect(report.results.first { $0.rule == "GP-ANNUAL-REPORT" }?.status == .pass)
    }

    @Test("Rule examples still test the covered rule's own check")
    func examplesSeeOwnCheck() throws {
        let plan = try PlanReader.read(file: "Examples/koskenkyla-luonnos-2026.md")
        let report = Packs.engine.check(plan, asOf: PlanDate(year: 2026, month: 11, day: 22)!, coverage: false)
        #expect(report.results.first { $0.rule == "GP-ANNUAL-REPORT" }?.status == .fail)
    }

    @Test("covered_by naming an unknown rule is refused at its line, with a suggestion; a practice rule cannot cover")
    func unknownCoveringRule() throws {
        let files = [
            "pack.yaml": "id: local\nversion: 1.0.0\ntitle: {fi: P, sv: P, en: P}\nextends: [fi-lsl]\n",
            "rules/r.yaml": """
            rules:
              - id: LOCAL-ANNUAL
                title: {fi: Raportti, sv: Rapport, en: Report}
                severity: info
                kind: practice
                covered_by: [JARJL-6-3-ANNUAL-REPORTS]
                check: {present: monitoring.reporting}
                message: {fi: Ei raporttia., sv: Ingen rapport., en: No report.}
                remediation: {fi: Lisää., sv: Lägg till., en: Add one.}
                examples: {pass: [ok.md], fail: [ok.md]}
            """,
            "ok.md": "# Suunnitelma\n",
        ]
        let pack = try PackLoader.load(PackSource(origin: "local", displayRoot: "local", files: files)).get()
        #expect {
            _ = try Engine(packs: try PackSet.load(directories: []) + [pack])
        } throws: { error in
            let text = "\(error)"
            return text.contains("local/rules/r.yaml:6:") && text.contains("did you mean 'JARJL-6-3-ANNUAL-REPORT'")
        }
        var practice = files
        practice["rules/r.yaml"] = files["rules/r.yaml"]!.replacingOccurrences(of: "JARJL-6-3-ANNUAL-REPORTS", with: "GP-AUDIT-COMMITTEE")
        let p2 = try PackLoader.load(PackSource(origin: "local", displayRoot: "local", files: practice)).get()
        #expect { _ = try Engine(packs: try PackSet.load(directories: []) + [p2]) } throws: { "\($0)".contains("only a statutory rule can cover another") }
    }
}
