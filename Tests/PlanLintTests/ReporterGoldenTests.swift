// The reporters on a hand-built run, compared with golden files: what a reader sees, whole,
// in Finnish, Swedish and English, independent of the content of Rules/. A change to the
// words or the layout shows as a diff to review; regenerate with
// `PLANLINT_UPDATE_GOLDEN=1 swift test --filter ReporterGoldenTests`.
import Foundation
import Testing
@testable import PlanLint

/// A run made by hand: one plan with a statutory failure, a statutory requirement met, one
/// to review, a recommendation followed and one not, and rules ruled out for two reasons.
enum HandBuiltRun {
    static let asOf = day(2026, 11, 22)

    static func day(_ y: Int, _ m: Int, _ d: Int) -> PlanDate {
        guard let date = PlanDate(year: y, month: m, day: d) else { fatalError("not a date: \(y)-\(m)-\(d)") }
        return date
    }

    static let citation = Citation(
        act: "417/2007", actName: Localized(fi: "Lastensuojelulaki", sv: "Barnskyddslag", en: "Child Welfare Act"), section: "12", subsection: 1,
        item: nil, url: "https://finlex.fi/fi/laki/ajantasa/2007/20070417", lawVersion: "610/2022",
        wording: LocalizedWording(fi: "Suunnitelma hyväksytään kunnanvaltuustossa.", sv: "Planen godkänns av kommunfullmäktige."), mark: "V")

    static let profile = Profile(
        id: "P-TEST", title: Localized(fi: "Kunnan suunnitelma (testi)", sv: "Kommunens plan (test)", en: "Municipal plan (test)"),
        scopes: ["municipal"], from: day(2023, 1, 1), until: nil, pack: "test-pack")

    static let pack = RulePack(
        id: "test-pack", version: "1.0.0", title: Localized(fi: "Testipaketti", sv: "Testpaket", en: "Test pack"), extends: [], rules: [],
        facts: [], overrides: [:], profiles: [profile], derive: DeriveSection(), references: [], origin: "embedded:test-pack", files: [:], contentHash: "0123456789abcdef")

    static func report(_ l: Language) -> PlanReport {
        let title: [Language: String] = [.fi: "Hyväksyy valtuusto", .sv: "Fullmäktige godkänner", .en: "The council approves"]
        let finding = Finding(
            ruleID: "T-APPROVAL", title: title[l] ?? "", severity: .error,
            message: Localized(fi: "Suunnitelman hyväksyy kunnanhallitus.", sv: "Planen godkänns av kommunstyrelsen.", en: "The board approves the plan.")[l],
            remediation: Localized(fi: "Vie suunnitelma valtuustolle.", sv: "För planen till fullmäktige.", en: "Take the plan to the council.")[l],
            file: "plans/testi.md", start: LineColumn(line: 4, column: 9), end: LineColumn(line: 4, column: 23), path: "approvals[0].body",
            section: nil, evidence: "kunnanhallitus", origin: .frontMatter, citation: citation, pack: "test-pack", packVersion: "1.0.0")
        let practiceFinding = Finding(
            ruleID: "T-GROUP", title: Localized(fi: "Ryhmä on nimetty", sv: "Gruppen är namngiven", en: "The group is named")[l], severity: .warning,
            message: Localized(fi: "Ryhmää ei ole nimetty.", sv: "Gruppen är inte namngiven.", en: "The group is not named.")[l],
            remediation: Localized(fi: "Nimeä ryhmä.", sv: "Namnge gruppen.", en: "Name the group.")[l],
            file: "plans/testi.md", start: LineColumn(line: 9, column: 1), end: LineColumn(line: 9, column: 1), path: nil,
            section: Localized(fi: "3 Seuranta", sv: "3 Uppföljning", en: "3 Monitoring")[l], evidence: nil, origin: nil, citation: nil,
            pack: "test-pack", packVersion: "1.0.0")
        func result(_ id: String, _ title: Localized, _ kind: RuleKind, _ status: RuleResult.Status, reason: Localized? = nil,
                    condition: Localized? = nil, findings: Int = 0, notes: [Note] = []) -> RuleResult {
            var r = RuleResult(rule: id, title: title[l], severity: kind == .statute ? .error : .warning, kind: kind,
                               citation: kind == .statute ? citation.formatted(l) : nil, pack: "test-pack", status: status,
                               reason: reason?[l], notes: notes, findings: findings)
            r.condition = condition?[l]
            return r
        }
        let otherProfile = Localized(fi: "suunnitelmaan sovelletaan lain versiota «Kunnan suunnitelma (testi)»",
                                     sv: "planen granskas enligt lagversionen «Kommunens plan (test)»",
                                     en: "the plan is checked against the version of the law “Municipal plan (test)”")
        let status = Localized(fi: "suunnitelman tila on hyväksytty", sv: "planens status är godkänd", en: "the plan's status is approved")
        let results = [
            result("T-APPROVAL", Localized(fi: title[.fi] ?? "", sv: title[.sv] ?? "", en: title[.en] ?? ""), .statute, .fail, findings: 1),
            result("T-CONTENT-1", Localized(fi: "Sisältö 1: kasvuolot", sv: "Innehåll 1: uppväxtförhållanden", en: "Content item 1: growth conditions"),
                   .statute, .pass, notes: [Note(kind: .foundUnderHeading, line: 12, data: ["heading": "2 Kasvuolot"])]),
            result("T-CHILDREN", Localized(fi: "Lapset osallistuivat", sv: "Barn deltog", en: "Children took part"), .statute, .needsReview,
                   reason: Localized(fi: "Varmista, että lapset todella osallistuivat.", sv: "Bekräfta att barn verkligen deltog.",
                                     en: "Confirm that children really took part.")),
            result("T-VISION", Localized(fi: "Suunnitelmassa on visio", sv: "Planen har en vision", en: "The plan states a vision"), .practice, .pass),
            result("T-GROUP", Localized(fi: "Ryhmä on nimetty", sv: "Gruppen är namngiven", en: "The group is named"), .practice, .fail, findings: 1),
            result("T-OLD-1", Localized(fi: "Vanha kohta 1", sv: "Gammal punkt 1", en: "Old item 1"), .statute, .notApplicable, condition: otherProfile),
            result("T-OLD-2", Localized(fi: "Vanha kohta 2", sv: "Gammal punkt 2", en: "Old item 2"), .statute, .notApplicable, condition: otherProfile),
            result("T-DRAFT", Localized(fi: "Luonnos viedään valtuustolle", sv: "Utkastet går till fullmäktige", en: "A draft goes to the council"),
                   .statute, .notApplicable, condition: status),
        ]
        return PlanReport(
            file: "plans/testi.md", title: Localized(fi: "Testilän suunnitelma", sv: "Testbys plan", en: "Testville's plan")[l], language: l, asOf: asOf,
            status: Decided(value: DerivedValue(rawValue: "approved", label: Localized(fi: "hyväksytty", sv: "godkänd", en: "approved")), reasons: Localized(fi: "annettu tietolohkon kentässä status", sv: "anges i faktablockets fält status",
                                                                 en: "given in the data block's field status")),
            scope: Decided(value: DerivedValue(rawValue: "municipal", label: Localized(fi: "kunnan suunnitelma", sv: "kommunens plan", en: "municipal plan")), reasons: Localized(fi: "annettu tietolohkon kentässä plan.scope", sv: "anges i faktablockets fält plan.scope",
                                                                en: "given in the data block's field plan.scope")),
            referenceDate: Decided(value: day(2025, 6, 16), reasons: Localized(fi: "viimeisin valtuuston päätös",
                                   sv: "fullmäktiges senaste beslut", en: "the latest council decision")),
            profile: Decided(value: profile, reasons: Localized(fi: "viitepäivä on 1.1.2023 tai myöhemmin", sv: "referensdatumet är 1.1.2023 eller senare",
                                                               en: "the reference date is on or after 2023-01-01")),
            decisions: [], findings: [finding, practiceFinding], results: results, sourceLines: [4: "  body: kunnanhallitus"])
    }

    static func run(_ l: Language) -> RunResult {
        RunResult(outcomes: [.checked(report(l))], packs: [pack], asOf: asOf, language: nil)
    }
}

@Suite("Reporter golden files")
struct ReporterGoldenTests {
    static let folder = Repo.root.appendingPathComponent("Tests/PlanLintTests/Golden")

    /// Compares `output` with the golden file, or writes it when asked to.
    func compare(_ output: String, _ name: String) throws {
        let url = ReporterGoldenTests.folder.appendingPathComponent(name)
        let text = output.replacingOccurrences(of: PlanLintVersion.current, with: "VERSION")
        if ProcessInfo.processInfo.environment["PLANLINT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: ReporterGoldenTests.folder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        if golden != text {
            let a = golden.split(separator: "\n", omittingEmptySubsequences: false), b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("\(name) differs at line \((first?.offset ?? min(a.count, b.count)) + 1): golden «\(first?.element.0 ?? "")», now «\(first?.element.1 ?? "")»")
        }
    }

    @Test("Compliance report", arguments: Language.allCases)
    func compliance(_ l: Language) throws {
        try compare(ComplianceReporter().report(HandBuiltRun.run(l)), "compliance-\(l.rawValue).txt")
    }

    @Test("Text report", arguments: Language.allCases)
    func text(_ l: Language) throws {
        try compare(TextReporter(color: false, language: .en).report(HandBuiltRun.run(l)), "text-\(l.rawValue).txt")
    }

    @Test("HTML report", arguments: Language.allCases)
    func html(_ l: Language) throws {
        // The page without its style sheet, which has tests of its own.
        let page = HTMLReporter().report(HandBuiltRun.run(l))
        let styleless = page.replacingOccurrences(of: #"<style>[\s\S]*</style>"#, with: "<style/>", options: .regularExpression)
        try compare(styleless, "report-\(l.rawValue).html")
    }

    @Test("The statutory verdict counts statutory rules only: a recommendation not followed is not a failure of the law")
    func verdict() throws {
        var report = HandBuiltRun.report(.fi)
        report.results.removeAll { $0.rule == "T-APPROVAL" || $0.rule == "T-CHILDREN" }
        report.findings.removeAll { $0.ruleID == "T-APPROVAL" }
        let run = RunResult(outcomes: [.checked(report)], packs: [HandBuiltRun.pack], asOf: HandBuiltRun.asOf, language: nil)
        let doc = try XHTML.parse(HTMLReporter().report(run))
        let verdict = try #require(doc.first("div", class: "verdict"))
        #expect(verdict.classes.contains("pass"))
        #expect(verdict.first("strong")?.text == "Kaikki 1 sovellettava lakisääteinen vaatimus täyttyy.")
        #expect(doc.first("p", class: "practice-summary")?.text == "Hyvä käytäntö: 1 / 2 suositusta toteutuu. Suositukset eivät ole lain vaatimuksia.")
        let open = try #require(doc.byID("plan-1-req-T-GROUP"))
        #expect(open.first("span", class: "badge")?.text == "○ Kehitettävää")
        let text = ComplianceReporter().report(run)
        #expect(text.contains("Kaikki 1 sovellettava lakisääteinen vaatimus täyttyy."))
        #expect(!text.contains("EI TÄYTY"))
    }
}
