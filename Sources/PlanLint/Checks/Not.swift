// `not: check`: the check fails. A violation points at what the inner check found.
import Foundation

struct NotCheck: CheckKind {
    static let name = "not"
    var check: Check

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> NotCheck {
        NotCheck(check: try p.check(body))
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        let o = e.evaluate(check)
        if !o.passed { return .pass }
        let line = o.notes.first?.line
        return .fail(Violation(reason: .violation, range: line.map { SourceRange(at: SourcePosition(line: $0, column: 1, offset: 0)) },
                               evidence: o.notes.first.flatMap { $0["words"] ?? $0["heading"] ?? $0["value"] }))
    }

    func outline(_ o: Outline) -> String {
        o.line(fi: "ei:", sv: "inte:", en: "not:") + check.kind.outline(o.nested)
    }
}
