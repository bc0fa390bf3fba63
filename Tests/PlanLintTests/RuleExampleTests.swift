// Every example of every rule of every embedded pack, as one parameterized test: a rule
// whose passing example gives a finding, or whose failing example gives none, fails CI.
import Foundation
import Testing
@testable import PlanLint

enum Packs {
    static let engine: Engine = {
        do {
            return try Engine(packs: try PackSet.load(directories: []))
        } catch {
            fatalError("the embedded packs do not load: \(error)")
        }
    }()

    static let exampleResults: [ExampleResult] = ExampleRunner.run(engine)
}

extension ExampleResult: CustomTestStringConvertible {
    public var testDescription: String { "\(rule) \(expect.rawValue) \(file) @\(asOf.iso)" }
}

@Suite("Rule examples")
struct RuleExampleTests {
    @Test("Each example plan passes or fails its rule as stated", arguments: Packs.exampleResults)
    func example(_ r: ExampleResult) {
        #expect(r.error == nil, "\(r.error?.description ?? "")")
        switch r.expect {
        case .pass:
            #expect(r.findings.isEmpty, "unexpected: \(r.findings.map { "\($0.start.line):\($0.start.column) \($0.message)" })")
        case .fail:
            #expect(r.applicable, "the rule does not apply to its failing example")
            #expect(!r.findings.isEmpty, "expected at least one finding")
        }
    }

    @Test("A rule without a failing example is refused where it stands, so no rule goes untested")
    func ruleWithoutFailingExample() {
        let rules = """
        rules:
          - id: LOCAL-ONE-SIDED
            title: {fi: Osallisuus, sv: Delaktighet, en: Participation}
            severity: warning
            kind: practice
            applies: {}
            check: {mentions: [työpaj*]}
            message: {fi: Ei työpajoja., sv: Inga verkstäder., en: No workshops.}
            remediation: {fi: Järjestä., sv: Ordna., en: Hold some.}
            examples: {pass: [ok.md]}
        """
        let manifest = """
        id: local
        version: 1.0.0
        title: {fi: Paikallinen, sv: Lokal, en: Local}
        examples_as_of: 2026-11-22
        """
        let result = PackLoader.load(PackSource(origin: "local", displayRoot: "local",
                                                files: ["pack.yaml": manifest, "rules/r.yaml": rules, "ok.md": "# Suunnitelma\n"]))
        guard case .failure(let errors) = result else {
            Issue.record("a rule with only a passing example was accepted")
            return
        }
        let text = "\(errors)"
        #expect(text.contains("needs at least one failing example plan"), "\(text)")
        #expect(text.contains("local/rules/r.yaml:"), "the error names the rule file and line: \(text)")
        #expect(Packs.engine.rules.count >= 30, "the embedded packs are loaded whole")
    }

    // The parser already refuses a statute rule without a citation, an act not written like
    // 417/2007, a missing section and a URL that is not https: this checks what the embedded
    // packs promise beyond that.
    @Test("Every statutory rule of the embedded packs names its subsection, links to Finlex and names its act in every language")
    func statutoryCitations() throws {
        for active in Packs.engine.rules where active.rule.kind == .statute {
            let c = try #require(active.rule.citation, "\(active.rule.id)")
            #expect(c.subsection != nil, "\(active.rule.id)")
            #expect(c.url.hasPrefix("https://finlex.fi/"), "\(active.rule.id)")
            for l in Language.allCases { #expect(!c.actName[l].isEmpty) }
        }
    }

    @Test("Every finding of a failing example carries a position, a message and a citation where statutory")
    func findingsAreComplete() {
        for r in Packs.exampleResults where r.expect == .fail {
            for f in r.findings {
                #expect(f.start.line >= 1 && f.start.column >= 1)
                #expect(!f.message.contains("{"), "unfilled placeholder in \(f.ruleID): \(f.message)")
                #expect(!f.remediation.isEmpty)
                #expect(f.pack == r.pack, "a finding of \(f.ruleID) comes from the rule's own pack")
                if let c = f.citation { #expect(!c.act.isEmpty) }
            }
        }
    }
}
