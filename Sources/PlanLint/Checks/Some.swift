// `some: {path, as, check}`: at least one item of the list satisfies the check. When none
// does, one violation for the list, with the placeholders of the first item's violation.
import Foundation

struct SomeCheck: CheckKind {
    static let name = "some"
    var paths: [FactPath]
    var variable: String?
    var check: Check

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> SomeCheck {
        let (paths, variable, check) = try ItemChecks.parse(body, p, name)
        return SomeCheck(paths: paths, variable: variable, check: check)
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        let list = e.items(paths)
        if list.isEmpty { return .fail(e.evaluator.missing(e.resolveAll(paths))) }
        var first: Violation?
        for value in list {
            var b = e.bindings
            if let variable { b[variable] = value }
            let o = e.evaluate(check, item: value, bindings: b)
            if o.passed { return Outcome(passed: true, notes: o.notes) }
            if first == nil { first = o.violations.first }
        }
        // No item satisfies the check: one violation for the list, pointing at its items,
        // with the placeholders of the first item's violation.
        let range = SourceRange(start: list.map(\.node.range.start).min() ?? .start, end: list.map(\.node.range.end).max() ?? .start)
        var v = first ?? Violation(reason: .violation)
        if list.count > 1 || v.range == nil { v.range = list.count == 1 ? (v.range ?? range) : SourceRange(at: range.start) }
        v.values["count"] = .number(list.count)
        return .fail(v)
    }

    func outline(_ o: Outline) -> String {
        let p = o.paths(paths)
        return o.line(fi: "ainakin yhdelle kohteelle \(p) (@):", sv: "för minst ett \(p) (@):", en: "for at least one \(p) (@):") + check.kind.outline(o.nested)
    }
}
