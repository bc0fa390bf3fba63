// `present: PATH` (or a list of paths): a fact exists and is not empty.
import Foundation

struct PresentCheck: CheckKind {
    static let name = "present"
    var paths: [FactPath]

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> PresentCheck {
        PresentCheck(paths: try p.paths(body, name))
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        let r = e.resolveAll(paths)
        if !r.nonEmpty.isEmpty { return Outcome(passed: true, notes: e.evaluator.textNotes(r.nonEmpty)) }
        if let v = r.values.first {
            return .fail(Violation(reason: .empty, range: v.node.range, path: v.path, evidence: v.text, origin: v.origin, values: ["path": .text(v.path)]))
        }
        return .fail(e.evaluator.missing(r))
    }

    func outline(_ o: Outline) -> String {
        let p = o.paths(paths)
        return o.line(fi: "\(p) on annettu", sv: "\(p) är angivet", en: "\(p) is given")
    }
}
