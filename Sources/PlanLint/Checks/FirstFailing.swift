// `first_failing: [checks]`: all of the checks, in order, but only the first failure is
// reported (goals, then measures: one finding, at the first part missing). When all pass,
// the notes are those of the last check (where the final part was found), as when the
// form was written `when: {if: A, then: B, else: A}`.
import Foundation

struct FirstFailingCheck: CheckKind {
    static let name = "first_failing"
    var checks: [Check]

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> FirstFailingCheck {
        FirstFailingCheck(checks: try p.checks(body, name))
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        var last = Outcome.pass
        for c in checks {
            last = e.evaluate(c)
            if !last.passed { return last }
        }
        return last
    }

    func outline(_ o: Outline) -> String {
        o.line(fi: "kaikki nämä järjestyksessä; vain ensimmäinen puute raportoidaan:", sv: "alla dessa i ordning; bara den första bristen rapporteras:",
               en: "all of, in order, reporting only the first that fails:") + checks.map { $0.kind.outline(o.nested) }.joined()
    }
}
