// `first_failing: [checks]`: all of the checks, in order, but only the first failure is
// reported (goals, then measures: one finding, at the first part missing).
import Foundation

struct FirstFailingCheck: CheckKind {
    static let name = "first_failing"
    var checks: [Check]

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> FirstFailingCheck {
        FirstFailingCheck(checks: try p.checks(body, name))
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        var notes: [Note] = []
        for c in checks {
            let o = e.evaluate(c)
            if !o.passed { return o }
            notes += o.notes
        }
        return Outcome(passed: true, notes: notes)
    }

    func outline(_ o: Outline) -> String {
        o.line(fi: "kaikki nämä järjestyksessä; vain ensimmäinen puute raportoidaan:", sv: "alla dessa i ordning; bara den första bristen rapporteras:",
               en: "all of, in order, reporting only the first that fails:") + checks.map { $0.kind.outline(o.nested) }.joined()
    }
}
