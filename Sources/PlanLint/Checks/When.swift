// `when: {if, then, else}`: `then` when `if` passes, else `else` (or pass).
import Foundation

struct WhenCheck: CheckKind {
    static let name = "when"
    var condition: Check
    var then: Check
    var otherwise: Check?

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> WhenCheck {
        let reader = p.reader
        try reader.checkKeys(body, allowed: ["if", "then", "else"], name)
        return WhenCheck(condition: try p.check(try reader.require(body, "if", name)),
                         then: try p.check(try reader.require(body, "then", name)),
                         otherwise: try body["else"].map { n throws(InputError) in try p.check(n) })
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        if e.evaluate(condition).passed { return e.evaluate(then) }
        return otherwise.map { e.evaluate($0) } ?? .pass
    }

    func outline(_ o: Outline) -> String {
        var s = o.line(fi: "kun:", sv: "när:", en: "when:") + condition.kind.outline(o.nested)
            + o.line(fi: "silloin:", sv: "då:", en: "then:") + then.kind.outline(o.nested)
        if let otherwise { s += o.line(fi: "muuten:", sv: "annars:", en: "otherwise:") + otherwise.kind.outline(o.nested) }
        return s
    }
}
