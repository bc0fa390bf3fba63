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

    @Test("Every rule has at least one passing and one failing example")
    func everyRuleHasExamples() {
        for active in Packs.engine.rules {
            let kinds = Set(active.rule.examples.map(\.expect))
            #expect(kinds == [.pass, .fail], "\(active.rule.id)")
        }
        #expect(Packs.engine.rules.count >= 30)
    }

    @Test("Every statutory rule cites act, section, subsection and a Finlex address")
    func statutoryCitations() throws {
        for active in Packs.engine.rules where active.rule.kind == .statute {
            let c = try #require(active.rule.citation, "\(active.rule.id)")
            #expect(c.act.range(of: #"^\d+/\d{4}$"#, options: .regularExpression) != nil, "\(active.rule.id)")
            #expect(!c.section.isEmpty)
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
