// `one_of: {path, values | values_of, any}`: the fact's value is one of `values`
// (case-insensitive), or of the values a pack declares for a decided value (`values_of:
// status`). `any: true`: one value suffices.
import Foundation

struct OneOfCheck: CheckKind {
    static let name = "one_of"
    var paths: [FactPath]
    var values: [String]
    /// A decided value whose declared values are allowed (checked when packs are combined).
    var valuesOf: String?
    var any: Bool

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> OneOfCheck {
        let reader = p.reader
        try reader.checkKeys(body, allowed: ["path", "values", "values_of", "any"], name)
        var values: [String] = []
        var valuesOf: String?
        if let v = body["values_of"] {
            guard body["values"] == nil else { throw reader.error(v, "one_of takes values or values_of, not both") }
            let of = try reader.string(v, "one_of.values_of")
            p.references.add(.derived, of, v, reader.file)
            valuesOf = of
        } else {
            values = try reader.strings(try reader.require(body, "values", name), "one_of.values")
        }
        return OneOfCheck(paths: try p.paths(try reader.require(body, "path", name), "one_of.path"),
                          values: values, valuesOf: valuesOf, any: try p.bool(body, "any") ?? false)
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        let values = valuesOf.map { e.context.declaredValues(of: $0) } ?? self.values
        let allowed = Set(values.map { $0.lowercased() })
        return e.evaluator.compare(paths, e.item, e.bindings, any: any, expected: values.joined(separator: ", ")) { allowed.contains($0.lowercased()) }
    }

    func outline(_ o: Outline) -> String {
        let p = o.paths(paths)
        let list = valuesOf.map { name -> String in
            let n = o.labels[name]?[o.language] ?? name
            return o.say(fi: "arvot, jotka \(n) voi saada", sv: "värdena som \(n) kan ha", en: "the values a \(n) can have")
        } ?? o.values(values)
        return any ? o.line(fi: "jokin \(p) on jokin näistä: \(list)", sv: "något \(p) är ett av: \(list)", en: "some \(p) is one of: \(list)")
                   : o.line(fi: "jokainen \(p) on jokin näistä: \(list)", sv: "varje \(p) är ett av: \(list)", en: "every \(p) is one of: \(list)")
    }
}
