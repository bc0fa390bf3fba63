// Profiles: the version of the law a plan is checked against, picked by its reference date
// and scope; the per-requirement compliance results; the generated rule table.
import Foundation
import Testing
@testable import PlanLint

/// A small municipal plan whose approval date, scope and municipalities can be varied.
private func plan(approved: String?, scope: String, municipalities: String = "[Järvelä]",
                  status: String = "approved", planned: String? = nil) throws -> Plan {
    var front = """
    plan:
      title: "Lasten ja nuorten hyvinvointisuunnitelma"
      language: fi
      scope: \(scope)
      municipalities: \(municipalities)
    status: \(status)

    """
    if let approved { front += "approvals:\n  - {body: valtuusto, date: \(approved)}\n" }
    if let planned { front += "decision: {body: kunnanvaltuusto, planned_date: \(planned)}\n" }
    let text = "---\n" + front + "---\n# Suunnitelma\n\n## 1 Kasvuolot ja hyvinvoinnin tila\n\nTeksti.\n"
    return try MarkdownPlanReader().read(text, file: "p.md")
}

private let asOf = PlanDate(year: 2026, month: 11, day: 22)!

@Suite("Profiles of the law")
struct ProfileTests {
    @Test("The profile follows the approval date and the scope", arguments: [
        ("2012-05-14", "municipal", "[Järvelä]", "P2008"),
        ("2014-07-31", "municipal", "[Järvelä]", "P2008"),
        ("2014-08-01", "municipal", "[Järvelä]", "P2014"),
        ("2016-12-31", "joint_municipal", "[Järvelä, Koskenkylä]", "P2014"),
        ("2017-01-01", "municipal", "[Järvelä]", "P2017"),
        ("2022-12-31", "municipal", "[Järvelä]", "P2017"),
        ("2023-01-01", "municipal", "[Järvelä]", "P2023-municipal"),
        ("2025-06-16", "joint_municipal", "[Järvelä, Koskenkylä]", "P2023-municipal"),
        ("2024-03-20", "regional", "[]", "P2023-regional"),
        ("2024-03-20", "helsinki", "[Helsinki]", "P2023-helsinki"),
        ("2019-09-11", "helsinki", "[Helsinki]", "P2017"),
    ])
    func byDateAndScope(_ approved: String, _ scope: String, _ municipalities: String, _ expected: String) throws {
        let report = Packs.engine.check(try plan(approved: approved, scope: scope, municipalities: municipalities), asOf: asOf)
        let profile = try #require(report.profile)
        #expect(profile.value.id == expected)
        #expect(profile.reason.contains(approved), "the reason names the date: \(profile.reason)")
        let label = try #require(Packs.engine.derive.derivations.first { $0.name == "scope" }?.label(of: scope))
        #expect(profile.reason.contains(label.en), "the reason names the scope in words: \(profile.reason)")
        #expect(profile.reasons.fi.contains(label.fi) && !profile.reasons.fi.contains(scope), "not as a code: \(profile.reasons.fi)")
    }

    @Test("A draft is checked against the law in force on its planned decision date")
    func draftUsesPlannedDate() throws {
        let report = Packs.engine.check(try plan(approved: nil, scope: "municipal", status: "draft", planned: "2027-02-15"), asOf: asOf)
        #expect(report.profile?.value.id == "P2023-municipal")
        #expect(report.profile?.reason.contains("planned decision date") == true)
        let old = Packs.engine.check(try plan(approved: nil, scope: "municipal", status: "draft", planned: "2022-06-01"), asOf: asOf)
        #expect(old.profile?.value.id == "P2017")
    }

    @Test("A regional plan dated before counties existed has no profile, and profile rules say why they do not apply")
    func noProfile() throws {
        let report = Packs.engine.check(try plan(approved: "2020-05-04", scope: "regional", municipalities: "[]"), asOf: asOf, language: .en)
        #expect(report.profile == nil)
        let item = try #require(report.results.first { $0.rule == "LSL-12-4-1" })
        #expect(item.status == .notApplicable)
        #expect(item.reason?.contains("no version of the law") == true)
        #expect(item.reason?.contains("regional") == true)
        let fi = Packs.engine.check(try plan(approved: "2020-05-04", scope: "regional", municipalities: "[]"), asOf: asOf)
        #expect(fi.results.first { $0.rule == "LSL-12-4-1" }?.reason?.hasPrefix("mikään ladattu lain versio ei kata suunnitelmaa") == true,
                "the reason is in the plan's language")
    }

    @Test("A 2023+ municipal plan is never checked for the old items 3–5; a 2019 plan is")
    func oldItemsByProfile() throws {
        let new = Packs.engine.check(try plan(approved: "2025-06-16", scope: "municipal"), asOf: asOf)
        let old = Packs.engine.check(try plan(approved: "2019-06-17", scope: "municipal"), asOf: asOf)
        for n in 3...5 {
            let id = "LSL-12-2007-2-\(n)"
            #expect(new.results.first { $0.rule == id }?.status == .notApplicable)
            #expect(new.results.first { $0.rule == id }?.condition?.contains("Kunnan suunnitelma, Lsl 12 § 1–2 mom (610/2022)") == true)
            #expect(old.results.first { $0.rule == id }?.status == .fail)
            #expect(!new.findings.contains { $0.ruleID == id })
        }
    }
}

/// A pack written in the test, loaded like a pack folder.
private func pack(_ files: [String: String]) -> Result<RulePack, InputErrors> {
    PackLoader.load(PackSource(origin: "local", displayRoot: "local", files: files))
}

private let manifest = """
id: local
version: 1.0.0
title: {fi: Paikallinen, sv: Lokal, en: Local}
extends: [fi-lsl]
examples_as_of: 2026-11-22

"""

private let example = """
---
plan: {title: "Suunnitelma", language: fi, scope: municipal, municipalities: [Järvelä]}
status: approved
approvals: [{body: kunnanvaltuusto, date: 2025-06-16}]
---
# Suunnitelma

## Osallisuus

Suunnitelmaa valmisteltaessa järjestettiin työpajoja 5.- ja 8.-luokkalaisille.
"""

private func rule(applies: String, review: Bool) -> String {
    """
    rules:
      - id: LOCAL-PARTICIPATION
        title: {fi: Osallisuus, sv: Delaktighet, en: Participation}
        severity: warning
        kind: practice
        applies: \(applies)
        check: {mentions: [työpaj*, workshop*]}
        message: {fi: Ei työpajoja., sv: Inga verkstäder., en: No workshops.}
        remediation: {fi: Järjestä., sv: Ordna., en: Hold some.}
    \(review ? "    review: {fi: Osallistuivatko lapset?, sv: Deltog barnen?, en: Did children really take part?}" : "")
        examples: {pass: [ok.md], fail: [ok.md]}
    """
}

@Suite("Compliance results")
struct ComplianceTests {
    @Test("A passing rule with a review question is 'needs review', with the question as the reason")
    func needsReview() throws {
        let p = try pack(["pack.yaml": manifest, "rules/r.yaml": rule(applies: "{profile: [P2023-municipal]}", review: true), "ok.md": example]).get()
        let engine = try Engine(packs: try PackSet.load(directories: []) + [p])
        let report = engine.check(try MarkdownPlanReader().read(example, file: "ok.md"), asOf: asOf, language: .en)
        let r = try #require(report.results.first { $0.rule == "LOCAL-PARTICIPATION" })
        #expect(r.status == .needsReview)
        #expect(r.reason == "Did children really take part?")
        #expect(r.kind == .practice)
        #expect(!report.findings.contains { $0.ruleID == "LOCAL-PARTICIPATION" })
    }

    @Test("A rule naming an unknown profile is refused at its line")
    func unknownProfile() throws {
        let p = try pack(["pack.yaml": manifest, "rules/r.yaml": rule(applies: "{profile: [P2023-municpal]}", review: false), "ok.md": example]).get()
        #expect {
            _ = try Engine(packs: try PackSet.load(directories: []) + [p])
        } throws: { error in
            let text = "\(error)"
            return text.contains("unknown profile 'P2023-municpal'") && text.contains("local/rules/r.yaml:6:")
        }
    }

    @Test("A profile defined by two packs is refused")
    func duplicateProfile() throws {
        let withProfile = manifest + """
        profiles:
          - {id: P2017, title: {fi: a, sv: b, en: c}, scope: [municipal], from: 2017-01-01}
        """
        let p = try pack(["pack.yaml": withProfile, "rules/r.yaml": rule(applies: "{}", review: false), "ok.md": example]).get()
        #expect { _ = try Engine(packs: try PackSet.load(directories: []) + [p]) } throws: { "\($0)".contains("profile 'P2017' is also defined by pack 'fi-lsl'") }
    }

    @Test("The compliance report states the as-of date, profile, packs with hashes, and every requirement's result")
    func complianceReport() throws {
        let report = try Repo.check("Examples/koskenkyla-luonnos-2026.md", language: .en)
        let result = RunResult(outcomes: [.checked(report)], packs: Packs.engine.packs, asOf: asOf, language: .en)
        let text = ComplianceReporter(language: .en).report(result)
        #expect(text.contains("As of: 2026-11-22"))
        #expect(text.contains("Id of the law version: P2023-municipal"))
        for p in Packs.engine.packs { #expect(text.contains("\(p.id) \(p.version) (\(p.contentHash))")) }
        for r in report.results {
            #expect(text.contains(r.rule), "\(r.rule) is listed")
        }
        let failLine = try #require(text.split(separator: "\n").first { $0.contains("LSL-12-2-4") })
        #expect(failLine.hasPrefix("NOT MET"))
        // Rules that do not apply: one line per reason, naming every rule it rules out.
        let na = try #require(text.split(separator: "\n").first { $0.contains("LSL-12-2007-2-3") })
        #expect(na.hasPrefix("  → "))
        #expect(na.contains("requirements because the plan is checked against the version of the law “"))
        #expect(na.contains("LSL-12-2007-2-4"))
        // Good practice is listed apart and never reads as a failure of the law.
        let practice = try #require(text.range(of: "Good-practice recommendations:"))
        let statutory = try #require(text.range(of: "Statutory requirements:"))
        #expect(statutory.upperBound < practice.lowerBound)
        #expect(!text[practice.upperBound...].contains("NOT MET"))
        #expect(text[practice.upperBound...].contains("TO IMPROVE"))
        let fi = ComplianceReporter(language: .fi).report(result)
        #expect(fi.contains("Vaatimustenmukaisuusraportti"))
        #expect(fi.contains("EI TÄYTY"))
        #expect(fi.contains("Miten tarkistettiin:"))
    }
}

@Suite("Rule table")
struct RuleTableTests {
    @Test("docs/rules.md is the table generated from the packs (run `planlint rules list --format markdown > docs/rules.md`)")
    func notStale() throws {
        let onDisk = try String(contentsOf: Repo.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        let generated = RuleTable.markdown(Packs.engine.packs)
        #expect(onDisk == generated, "docs/rules.md is stale: regenerate it")
        for p in Packs.engine.packs {
            for r in p.rules { #expect(generated.contains("| \(r.id) |")) }
        }
    }
}

@Suite("Plans written by others")
struct RealTableOfContentsTests {
    /// Plans whose headings follow real municipalities' tables of contents (requirements.md §6.1),
    /// with the content items each one has under a heading of its own.
    @Test("Content items are recognised under real municipalities' headings", arguments: [
        ("toc-alavus-style-2012.md", [1, 2, 5, 7]),
        ("toc-kaarina-style-2010.md", [1, 2, 3, 4, 7]),
        ("toc-kangasala-style-2014.md", [2, 7]),
        ("toc-karleby-style-2015.md", [1, 2, 7]),
        ("toc-keitele-style-2009.md", [1, 2, 3, 4, 5, 6, 7]),
        ("toc-loviisa-style-2013.md", [1, 2, 6, 7]),
        ("toc-sodankyla-style-2013.md", [1, 2, 3, 4, 5, 7]),
    ])
    func recognised(_ file: String, _ byHeading: [Int]) throws {
        let report = try Repo.check("Rules/fi-lsl/examples/" + file)
        #expect(["P2008", "P2014"].contains(report.profile?.value.id ?? ""))
        for n in 1...7 {
            let r = try #require(report.results.first { $0.rule == "LSL-12-2007-2-\(n)" })
            #expect(r.status == .pass, "item \(n): \(r.status)")
            let kinds = r.notes.map(\.kind)
            if byHeading.contains(n) {
                #expect(kinds.contains(.foundUnderHeading), "item \(n) is under a heading: \(r.notes)")
            } else {
                // Under the plan's own heading, by what its chapter says, or by words in the text.
                #expect(kinds.contains(.foundInText) || kinds.contains(.foundByContent), "item \(n) is found in the text only, and the result says so: \(r.notes)")
            }
        }
    }
}
