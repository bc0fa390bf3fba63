// The decide stage: values the packs declare in `derive:`, changed by a local pack
// without touching Swift.
import Foundation
import Testing
@testable import PlanLint

private let asOf = PlanDate(year: 2026, month: 11, day: 22)!

/// A local pack written in the test, combined with the embedded packs.
private func engine(_ manifestTail: String, rules: String) throws -> Engine {
    let files = [
        "pack.yaml": """
        id: local
        version: 1.0.0
        title: {fi: Paikallinen, sv: Lokal, en: Local}
        extends: [fi-lsl]
        examples_as_of: 2026-11-22
        \(manifestTail)
        """,
        "rules/r.yaml": rules,
        "ok.md": "# Suunnitelma\n",
    ]
    let pack = try PackLoader.load(PackSource(origin: "local", displayRoot: "local", files: files)).get()
    return try Engine(packs: try PackSet.load(directories: []) + [pack])
}

private func plan(_ frontMatter: String) throws -> Plan {
    try MarkdownPlanReader().read("---\n\(frontMatter)\n---\n# Suunnitelma\n\n## Saaret\n\nYhteysalus kulkee saarten välillä.\n", file: "plan.md")
}

private let archipelago = """
derive:
  scope:
    values:
      archipelago: {fi: saariston suunnitelma, sv: skärgårdens plan, en: archipelago plan}
    rules:
      - present: "plan.islands[*]"
        value: archipelago
        reason: {fi: "saaria on lueteltu {count}", sv: "{count} öar anges", en: "{count} islands are listed"}
"""

private func ferryRule(applies: String = "{scope: [archipelago]}", check: String = "{mentions: [yhteysalus*, förbindelsebåt*, ferry]}") -> String {
    """
    rules:
      - id: LOCAL-FERRY
        title: {fi: Saariston yhteydet, sv: Skärgårdens förbindelser, en: Archipelago connections}
        severity: warning
        kind: practice
        applies: \(applies)
        check: \(check)
        message: {fi: Yhteysalusta ei mainita., sv: Förbindelsebåten nämns inte., en: The ferry is not mentioned.}
        remediation: {fi: Kerro yhteyksistä., sv: Beskriv förbindelserna., en: Describe the connections.}
        examples: {pass: [ok.md], fail: [ok.md]}
    """
}

@Suite("Decided values declared by packs")
struct DeriveTests {
    @Test("A local pack adds a scope value, a rule deciding it, and a rule applying only to it")
    func localScope() throws {
        let e = try engine(archipelago, rules: ferryRule())
        let islands = e.check(try plan("plan: {title: Saaristo, scope: null, islands: [Iso-Saari, Pikku-Saari]}\nstatus: approved\napprovals: [{body: kunnanvaltuusto, date: 2025-06-16}]"),
                              asOf: asOf, language: .en)
        #expect(islands.scope.value.rawValue == "archipelago")
        #expect(islands.scope.value.label.fi == "saariston suunnitelma")
        #expect(islands.scope.reasons.en == "2 islands are listed")
        #expect(islands.results.first { $0.rule == "LOCAL-FERRY" }?.status == .pass)
        #expect(islands.decisions.contains { $0.name == "scope" && $0.value == "archipelago" && $0.reasons.sv == "2 öar anges" })

        let mainland = e.check(try plan("plan: {title: Manner, municipalities: [Järvelä]}\nstatus: approved\napprovals: [{body: kunnanvaltuusto, date: 2025-06-16}]"),
                               asOf: asOf, language: .en)
        #expect(mainland.scope.value.rawValue == "municipal")
        let ferry = try #require(mainland.results.first { $0.rule == "LOCAL-FERRY" })
        #expect(ferry.status == .notApplicable)
        #expect(ferry.reason?.contains("the rule applies only when the scope is") == true, "\(ferry.reason ?? "")")
    }

    @Test("one_of values_of takes the declared values, including a local pack's")
    func valuesOf() throws {
        let e = try engine(archipelago, rules: ferryRule())
        let written = e.check(try plan("plan: {title: Saaristo, scope: archipelago}\nstatus: approved\napprovals: [{body: kunnanvaltuusto, date: 2025-06-16}]"), asOf: asOf)
        #expect(written.scope.value.rawValue == "archipelago")
        #expect(written.results.first { $0.rule == "PLAN-FACTS-VALUES" }?.status == .pass)
        // Without the local pack the same value is unknown.
        let plain = try Engine(packs: try PackSet.load(directories: []))
        let report = plain.check(try plan("plan: {title: Saaristo, scope: archipelago}\nstatus: approved"), asOf: asOf)
        #expect(report.findings.contains { $0.ruleID == "PLAN-FACTS-VALUES" && $0.message.contains("archipelago") })
    }

    @Test("A local pack changes how the reference date is decided, and so the version of the law")
    func localReferenceDate() throws {
        let facts = "plan: {title: Suunnitelma, municipalities: [Järvelä]}\nstatus: approved\napprovals: [{body: kunnanvaltuusto, date: 2019-06-17}]\nreviews: [{body: kunnanvaltuusto, date: 2024-05-20}]"
        let national = try Engine(packs: try PackSet.load(directories: [])).check(try plan(facts), asOf: asOf, language: .en)
        #expect(national.referenceDate.value.iso == "2024-05-20")
        #expect(national.profile?.value.id == "P2023-municipal")

        let local = try engine("""
        derive:
          reference_date:
            rules:
              - latest_of: ["approvals[*].date"]
                on_or_before: $as_of
                reason: {fi: "hyväksymispäivä ({source})", sv: "dagen för godkännandet ({source})", en: "the approval date ({source})"}
        """, rules: ferryRule(applies: "{status: [approved]}")).check(try plan(facts), asOf: asOf, language: .en)
        #expect(local.referenceDate.value.iso == "2019-06-17")
        #expect(local.referenceDate.reasons.en == "the approval date (approvals[0].date)")
        #expect(local.profile?.value.id == "P2017")
        #expect(local.decisions.first { $0.name == "reference_date" }?.value == "2019-06-17")
    }

    @Test("An unknown value in applies is refused at its position, with a suggestion")
    func unknownAppliesValue() throws {
        #expect {
            _ = try engine(archipelago, rules: ferryRule(applies: "{scope: [archipelgo]}"))
        } throws: { error in
            let text = "\(error)"
            return text.contains("local/rules/r.yaml:6:") && text.contains("unknown scope 'archipelgo'") && text.contains("did you mean 'archipelago'")
        }
        #expect {
            _ = try engine("", rules: ferryRule(applies: "{scpoe: [municipal]}"))
        } throws: { "\($0)".contains("'scpoe' is not a value the packs decide") && "\($0)".contains("did you mean 'scope'") }
    }

    @Test("A profile of a local pack may use the local scope; a misspelt one is refused with a suggestion")
    func profileScope() throws {
        let profile = { (scope: String) in archipelago + "\n" + """
        profiles:
          - {id: P2023-archipelago, title: {fi: Saaristo, sv: Skärgård, en: Archipelago}, scope: [\(scope)], from: 2023-01-01}
        """ }
        let e = try engine(profile("archipelago"), rules: ferryRule())
        let report = e.check(try plan("plan: {title: Saaristo, islands: [Iso-Saari, Pikku-Saari]}\nstatus: approved\napprovals: [{body: kunnanvaltuusto, date: 2025-06-16}]"),
                             asOf: asOf, language: .en)
        #expect(report.profile?.value.id == "P2023-archipelago")
        #expect { _ = try engine(profile("archipelgo"), rules: ferryRule()) } throws: {
            "\($0)".contains("local/pack.yaml:") && "\($0)".contains("unknown scope 'archipelgo'") && "\($0)".contains("did you mean 'archipelago'")
        }
    }

    @Test("A reason with a placeholder the decider does not fill is refused")
    func unknownPlaceholder() throws {
        let tail = archipelago.replacingOccurrences(of: "saaria on lueteltu {count}", with: "saaria on lueteltu {cout}")
        #expect { _ = try engine(tail, rules: ferryRule()) } throws: {
            "\($0)".contains("local/pack.yaml:") && "\($0)".contains("unknown placeholder '{cout}' (fi)") && "\($0)".contains("did you mean '{count}'")
        }
    }

    @Test("An unknown variable is refused at its position, with a suggestion")
    func unknownVariable() throws {
        #expect {
            _ = try engine("", rules: ferryRule(applies: "{}", check: "{one_of: {path: $stauts, values: [approved]}}"))
        } throws: { error in
            let text = "\(error)"
            return text.contains("local/rules/r.yaml:7:") && text.contains("unknown variable '$stauts'") && text.contains("did you mean '$status'")
        }
    }

    @Test("Without a language in the facts, the declared word lists decide it")
    func languageFromWords() throws {
        let plain = try Engine(packs: try PackSet.load(directories: []))
        let sv = try MarkdownPlanReader().read("# Plan för barn och unga\n\nPlanen är gjord för barn och unga som bor i kommunen och med deras familjer.\n", file: "sv.md")
        let report = plain.check(sv, asOf: asOf)
        #expect(report.language == .sv)
        #expect(report.decisions.first { $0.name == "language" }?.value == "sv")
    }
}
