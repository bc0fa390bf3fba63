// `is_date: PATHS`: every value at the paths that is present is a valid date (ISO or d.m.yyyy).
import Foundation

struct IsDateCheck: CheckKind {
    static let name = "is_date"
    var paths: [FactPath]

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> IsDateCheck {
        IsDateCheck(paths: try p.paths(body, name))
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        let r = e.resolveAll(paths)
        var violations: [Violation] = []
        for v in r.nonEmpty where e.evaluator.date(v) == nil {
            violations.append(e.evaluator.invalidDate(v))
        }
        return violations.isEmpty ? .pass : Outcome(passed: false, violations: violations)
    }

    func outline(_ o: Outline) -> String {
        let p = o.paths(paths)
        return o.line(fi: "\(p) on kelvollinen päivämäärä", sv: "\(p) är ett giltigt datum", en: "\(p) is a valid date")
    }
}
