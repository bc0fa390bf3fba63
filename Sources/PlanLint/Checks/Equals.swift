// `equals: {path, value}`: the fact's value equals a literal, or the value at a path
// (`$variable`, `@.key`). Compared trimmed and ignoring case.
import Foundation

/// What `equals` compares with.
public enum ValueReference: Sendable {
    case literal(String)
    case path(FactPath)
}

struct EqualsCheck: CheckKind {
    static let name = "equals"
    var paths: [FactPath]
    var value: ValueReference

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> EqualsCheck {
        let reader = p.reader
        try reader.checkKeys(body, allowed: ["path", "value"], name)
        let valueNode = try reader.require(body, "value", name)
        let text = try reader.string(valueNode, "equals.value")
        let value: ValueReference = text.hasPrefix("$") || text.hasPrefix("@") ? .path(try p.path(valueNode, "equals.value")) : .literal(text)
        return EqualsCheck(paths: try p.paths(try reader.require(body, "path", name), "equals.path"), value: value)
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        let expected: String?
        switch value {
        case .literal(let t): expected = t
        case .path(let p): expected = e.resolve(p).nonEmpty.first?.text
        }
        guard let expected else { return Outcome(passed: true, notes: [Note(kind: .undecided, line: nil, data: ["check": "equals"])]) }
        let wanted = e.evaluator.normalise(expected)
        return e.evaluator.compare(paths, e.item, e.bindings, any: false, expected: expected) { e.evaluator.normalise($0) == wanted }
    }

    func outline(_ o: Outline) -> String {
        let p = o.paths(paths)
        let v: String
        switch value {
        case .literal(let s): v = o.values([s])
        case .path(let q): v = q.description
        }
        return o.line(fi: "\(p) on \(v)", sv: "\(p) är \(v)", en: "\(p) equals \(v)")
    }
}
