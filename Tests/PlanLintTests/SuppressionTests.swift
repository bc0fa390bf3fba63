// Suppression directives on the defective draft of Examples/: what each directive covers,
// what it leaves alone, and that no directive is ever silently ignored.
import Foundation
import Testing
@testable import PlanLint

/// The draft `Examples/koskenkyla-luonnos-2026.md` with lines inserted, checked in English.
enum Draft {
    static let path = "Examples/koskenkyla-luonnos-2026.md"
    /// The line of the plan's H1, where the missing content items 3 and 4 are reported.
    static let headingLine = 63

    static func check(inserting lines: [String], before line: Int = headingLine) throws -> PlanReport {
        let text = try String(contentsOf: Repo.root.appendingPathComponent(path), encoding: .utf8)
        var all = text.components(separatedBy: "\n")
        all.insert(contentsOf: lines, at: line - 1)
        let plan = try PlanReader.read(data: Data(all.joined(separator: "\n").utf8), file: path)
        return Packs.engine.check(plan, asOf: try #require(PlanDate(parsing: "2026-11-22")), language: .en)
    }
}

extension PlanReport {
    func findings(_ rule: String) -> [Finding] { findings.filter { $0.ruleID == rule } }
    func result(_ rule: String) -> RuleResult? { results.first { $0.rule == rule } }
}

@Suite("Suppressions")
struct SuppressionTests {
    @Test("Without directives nothing is suppressed")
    func baseline() throws {
        let report = try Draft.check(inserting: [])
        #expect(report.findings.allSatisfy { $0.isActive })
        #expect(report.findings("LSL-12-2-3").first?.start.line == Draft.headingLine)
        #expect(report.findings("GP-STEERING-GROUP-APPOINTED").first?.start == LineColumn(line: 40, column: 19))
    }

    @Test("disable-file suppresses a finding in the front matter, keeps it in the report with its justification")
    func disableFile() throws {
        let justification = "Kunnanhallitus vahvisti sivistysjohtajan asettaman työryhmän 16.3.2026 § 41."
        let report = try Draft.check(inserting: ["<!-- planlint-disable-file GP-STEERING-GROUP-APPOINTED -- \(justification) -->", ""])
        let f = try #require(report.findings("GP-STEERING-GROUP-APPOINTED").first)
        let s = try #require(f.suppressed)
        #expect(s.directive == .disableFile)
        #expect(s.justification == justification)
        #expect(s.location.start == LineColumn(line: 63, column: 1))
        #expect(s.location.file == Draft.path)
        // The requirement still failed; the result says how many findings were accepted.
        let r = try #require(report.result("GP-STEERING-GROUP-APPOINTED"))
        #expect(r.status == .fail && r.findings == 1 && r.suppressed == 1)
        // Nothing else is touched, and a justified directive is not reported.
        #expect(report.findings.filter { !$0.isActive }.count == 1)
        #expect(!report.findings.contains { $0.ruleID.hasPrefix("PLANLINT-") })
    }

    @Test("disable-next-line covers the next line only")
    func nextLine() throws {
        let directive = "<!-- planlint-disable-next-line LSL-12-2-3 -- Yhteistyö kuvataan hyvinvointisuunnitelman 2025–2029 luvussa 5. -->"
        let right = try Draft.check(inserting: [directive])
        let item3 = try #require(right.findings("LSL-12-2-3").first)
        #expect(item3.start.line == Draft.headingLine + 1)
        #expect(item3.suppressed?.directive == .disableNextLine)
        #expect(right.findings("LSL-12-2-4").first?.isActive == true, "a rule not named stays active on the same line")
        // With a blank line between, the heading is not the next line.
        let apart = try Draft.check(inserting: [directive, ""])
        #expect(apart.findings("LSL-12-2-3").first?.isActive == true)
    }

    @Test("disable runs to planlint-enable, or to the end of the file")
    func rangeAndEnable() throws {
        let open = try Draft.check(inserting: ["<!-- planlint-disable LSL-12-2-3, LSL-12-2-4 -- Kuvataan hyvinvointisuunnitelmassa. -->"])
        #expect(open.findings("LSL-12-2-3").first?.suppressed?.directive == .disable)
        #expect(open.findings("LSL-12-2-4").first?.suppressed?.directive == .disable)
        // A disable does not reach back: front matter findings before it stay active.
        #expect(open.findings("LSL-12-1-DECISION-BODY").first?.isActive == true)
        // Closed before the heading: nothing is suppressed, and the enable is not reported.
        let closed = try Draft.check(inserting: [
            "<!-- planlint-disable LSL-12-2-3 -- Kuvataan hyvinvointisuunnitelmassa. -->", "<!-- planlint-enable LSL-12-2-3 -->", "",
        ])
        #expect(closed.findings("LSL-12-2-3").first?.isActive == true)
        #expect(!closed.findings.contains { $0.ruleID.hasPrefix("PLANLINT-") })
        // An enable of one rule leaves the other disabled.
        let partly = try Draft.check(inserting: [
            "<!-- planlint-disable LSL-12-2-3, LSL-12-2-4 -- Kuvataan hyvinvointisuunnitelmassa. -->", "<!-- planlint-enable LSL-12-2-3 -->",
        ])
        #expect(partly.findings("LSL-12-2-3").first?.isActive == true)
        #expect(partly.findings("LSL-12-2-4").first?.isActive == false)
    }

    @Test("Rule ids match without regard to case")
    func caseInsensitive() throws {
        let report = try Draft.check(inserting: ["<!-- planlint-disable-next-line lsl-12-2-3 -- Luku 5. -->"])
        #expect(report.findings("LSL-12-2-3").first?.isActive == false)
        #expect(!report.findings.contains { $0.ruleID.hasPrefix("PLANLINT-") })
    }

    @Test("A directive naming an unknown rule is a warning at the comment; its known rules still apply")
    func unknownRule() throws {
        let report = try Draft.check(inserting: ["<!-- planlint-disable-next-line LSL-12-2-9, LSL-12-2-3 -- Luku 5. -->"])
        let unknown = try #require(report.findings(Suppressions.unknownRule.id).first)
        #expect(unknown.severity == .warning)
        #expect(unknown.start == LineColumn(line: 63, column: 1))
        #expect(unknown.message == "The directive planlint-disable-next-line names the rule 'LSL-12-2-9', which no loaded pack defines, so it suppresses nothing for it.")
        #expect(unknown.isActive)
        #expect(report.findings("LSL-12-2-3").first?.isActive == false)
    }

    @Test("A directive without a justification suppresses, and is reported as info")
    func unjustified() throws {
        let report = try Draft.check(inserting: ["<!-- planlint-disable-next-line LSL-12-2-3 -->"])
        #expect(report.findings("LSL-12-2-3").first?.suppressed?.justification == nil)
        #expect(report.findings("LSL-12-2-3").first?.isActive == false)
        let info = try #require(report.findings(Suppressions.unjustified.id).first)
        #expect(info.severity == .info)
        #expect(info.message == "The directive planlint-disable-next-line suppresses the rule LSL-12-2-3 without a justification.")
        // An empty justification after `--` is none.
        let empty = try Draft.check(inserting: ["<!-- planlint-disable-next-line LSL-12-2-3 --   -->"])
        #expect(empty.findings(Suppressions.unjustified.id).count == 1)
    }

    @Test("Malformed directives are reported and suppress nothing", arguments: [
        ("<!-- planlint-disable-line LSL-12-2-3 -- Luku 5. -->", "'planlint-disable-line' is not a planlint directive"),
        ("<!-- planlint-disable -- Koko suunnitelma on vielä kesken. -->", "The directive planlint-disable names no rule"),
        ("<!-- planlint-enable LSL-12-2-3 -->", "planlint-enable LSL-12-2-3: no planlint-disable LSL-12-2-3 is in force here."),
        ("<!-- planlint-enable -->", "planlint-enable: no planlint-disable is in force here."),
    ])
    func malformed(_ directive: String, _ message: String) throws {
        let report = try Draft.check(inserting: [directive])
        let f = try #require(report.findings(Suppressions.invalidDirective.id).first, "\(report.findings.map(\.message))")
        #expect(f.severity == .warning)
        #expect(f.message.contains(message), "\(f.message)")
        #expect(f.start.line == Draft.headingLine)
        #expect(report.findings.filter { !$0.isActive }.isEmpty)
    }

    @Test("Ordinary comments are not directives")
    func ordinaryComments() throws {
        let report = try Draft.check(inserting: ["<!-- Luonnos: luku 4 täydennetään lausuntokierroksen jälkeen. -->", "<!-- TODO planlint-disable ei ole ohje tässä -->"])
        #expect(!report.findings.contains { $0.ruleID.hasPrefix("PLANLINT-") })
        #expect(report.findings.allSatisfy { $0.isActive })
    }

    @Test("Directive messages follow the plan's language")
    func finnish() throws {
        let text = try String(contentsOf: Repo.root.appendingPathComponent(Draft.path), encoding: .utf8)
            .replacingOccurrences(of: "\n# Koskenkylän", with: "\n<!-- planlint-disable-next-line LSL-12-2-3 -->\n# Koskenkylän")
        let plan = try PlanReader.read(data: Data(text.utf8), file: Draft.path)
        let report = Packs.engine.check(plan, asOf: try #require(PlanDate(parsing: "2026-11-22")))
        let info = try #require(report.findings(Suppressions.unjustified.id).first)
        #expect(info.message == "Ohje planlint-disable-next-line vaimentaa säännön LSL-12-2-3 ilman perustelua.")
        #expect(info.title == "Vaimennukselta puuttuu perustelu")
    }
}
