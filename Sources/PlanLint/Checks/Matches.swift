// `matches: {path, pattern, any}`: the fact's value contains a match of the terms.
// `any: true`: one value suffices.
import Foundation

struct MatchesCheck: CheckKind {
    static let name = "matches"
    var paths: [FactPath]
    var pattern: TermPattern
    var any: Bool

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> MatchesCheck {
        let reader = p.reader
        try reader.checkKeys(body, allowed: ["path", "pattern", "any"], name)
        return MatchesCheck(paths: try p.paths(try reader.require(body, "path", name), "matches.path"),
                            pattern: try reader.terms(try reader.require(body, "pattern", name), "matches.pattern"),
                            any: try p.bool(body, "any") ?? false)
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        e.evaluator.compare(paths, e.item, e.bindings, any: any, expected: pattern.description) { pattern.isFound(in: $0) }
    }

    func outline(_ o: Outline) -> String {
        let p = o.paths(paths)
        return any ? o.line(fi: "jokin \(p) vastaa: \(pattern)", sv: "något \(p) matchar: \(pattern)", en: "some \(p) matches: \(pattern)")
                   : o.line(fi: "jokainen \(p) vastaa: \(pattern)", sv: "varje \(p) matchar: \(pattern)", en: "every \(p) matches: \(pattern)")
    }
}
