// `all: [checks]`: every check passes; every failure is reported.
import Foundation

struct AllCheck: CheckKind {
    static let name = "all"
    var checks: [Check]

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> AllCheck {
        AllCheck(checks: try p.checks(body, name))
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        var outcome = Outcome.pass
        for c in checks {
            let o = e.evaluate(c)
            outcome.notes += o.notes
            if !o.passed {
                outcome.passed = false
                outcome.violations += o.violations
            }
        }
        return outcome
    }

    func outline(_ o: Outline) -> String {
        o.line(fi: "kaikki nämä:", sv: "alla dessa:", en: "all of:") + checks.map { $0.kind.outline(o.nested) }.joined()
    }
}
