// `count: {path, min, max}`: the number of values lies within bounds (a path to a list
// counts its items).
import Foundation

struct CountCheck: CheckKind {
    static let name = "count"
    var paths: [FactPath]
    var min: Int?
    var max: Int?

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> CountCheck {
        let reader = p.reader
        try reader.checkKeys(body, allowed: ["path", "min", "max"], name)
        let min = try body["min"].map { n throws(InputError) in try reader.int(n, "count.min") }
        let max = try body["max"].map { n throws(InputError) in try reader.int(n, "count.max") }
        guard min != nil || max != nil else { throw reader.error(body, "count needs min or max") }
        if let a = min, let b = max, a > b { throw reader.error(body, "count.min (\(a)) is greater than count.max (\(b))") }
        return CountCheck(paths: try p.paths(try reader.require(body, "path", name), "count.path"), min: min, max: max)
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        let r = e.resolveAll(paths)
        var values = r.nonEmpty
        if values.count == 1, !paths.contains(where: \.isWildcard), let items = values[0].node.sequence {
            values = items.enumerated().map { FactValue(node: $1, path: "\(values[0].path)[\($0)]", origin: values[0].origin) }
        }
        let n = values.count
        if (min.map { n >= $0 } ?? true) && (max.map { n <= $0 } ?? true) { return Outcome(passed: true, notes: e.evaluator.textNotes(values)) }
        var v = n == 0 ? e.evaluator.missing(r) : Violation(reason: .violation, range: r.nonEmpty.first?.node.range, path: r.path, origin: r.nonEmpty.first?.origin)
        v.values["count"] = .number(n)
        if let min { v.values["min"] = .number(min) }
        if let max { v.values["max"] = .number(max) }
        return .fail(v)
    }

    func outline(_ o: Outline) -> String {
        let p = o.paths(paths)
        let atLeast = min.map { o.say(fi: "vähintään \($0)", sv: "minst \($0)", en: "at least \($0)") }
        let atMost = max.map { o.say(fi: "enintään \($0)", sv: "högst \($0)", en: "at most \($0)") }
        let bounds = [atLeast, atMost].compactMap { $0 }.joined(separator: o.say(fi: " ja ", sv: " och ", en: " and "))
        return o.line(fi: "arvoja \(p) on \(bounds)", sv: "antalet \(p) är \(bounds)", en: "the number of \(p) is \(bounds)")
    }
}
