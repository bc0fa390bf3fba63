// `any: [checks]`: at least one check passes; otherwise the first failure is reported.
import Foundation

struct AnyCheck: CheckKind {
    static let name = "any"
    var checks: [Check]

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> AnyCheck {
        AnyCheck(checks: try p.checks(body, name))
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        var first: Outcome?
        for c in checks {
            let o = e.evaluate(c)
            if o.passed { return o }
            if first == nil { first = o }
        }
        return first ?? .pass
    }

    func outline(_ o: Outline) -> String {
        o.line(fi: "jokin näistä:", sv: "något av dessa:", en: "any of:") + checks.map { $0.kind.outline(o.nested) }.joined()
    }
}
