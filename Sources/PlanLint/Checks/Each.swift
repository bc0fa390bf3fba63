// `each: {path, as, check}`: every item of the list satisfies the check; `@` is the item,
// and `as: name` binds it as `$name` for nested checks and `{name}` in messages.
import Foundation

struct EachCheck: CheckKind {
    static let name = "each"
    var paths: [FactPath]
    var variable: String?
    var check: Check

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> EachCheck {
        let (paths, variable, check) = try ItemChecks.parse(body, p, name)
        return EachCheck(paths: paths, variable: variable, check: check)
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        var outcome = Outcome.pass
        for value in e.items(paths) {
            var b = e.bindings
            if let variable { b[variable] = value }
            let o = e.evaluate(check, item: value, bindings: b)
            outcome.notes += o.notes
            if !o.passed {
                outcome.passed = false
                outcome.violations += o.violations.map { v in
                    var v = v
                    if let variable, v.values[variable] == nil { v.values[variable] = .text(value.text ?? value.path) }
                    return v
                }
            }
        }
        return outcome
    }

    func outline(_ o: Outline) -> String {
        let p = o.paths(paths)
        return o.line(fi: "jokaiselle kohteelle \(p) (@):", sv: "för varje \(p) (@):", en: "for each \(p) (@):") + check.kind.outline(o.nested)
    }
}

/// The body shared by `each` and `some`: `{path, as, check}`.
enum ItemChecks {
    static func parse(_ body: YAMLNode, _ p: CheckParsing, _ name: String) throws(InputError) -> ([FactPath], String?, Check) {
        let reader = p.reader
        try reader.checkKeys(body, allowed: ["path", "as", "check"], name)
        let listPaths = try p.paths(try reader.require(body, "path", name), "\(name).path")
        var variable: String?
        if let a = body["as"] {
            let v = try reader.string(a, "\(name).as")
            guard v.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { throw reader.error(a, "\(name).as must be a plain name") }
            guard !CheckParser.engineVariables.contains(v) else { throw reader.error(a, "\(name).as: '\(v)' is a variable of the engine; choose another name") }
            p.references.add(.binding, v, a, reader.file)
            variable = v
        }
        return (listPaths, variable, try p.itemCheck(try reader.require(body, "check", name), binding: variable))
    }
}
