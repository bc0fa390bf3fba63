// Parsing the `check:` of a rule into a `Check`, validating as it goes; each kind reads its
// own body (Sources/PlanLint/Checks).
//
// Each check is a mapping with exactly one key naming it. Variables used in paths are a
// name bound by an enclosing `each`/`some` with `as:`, the engine's `$as_of`, or a value the
// packs decide (`$status`, `$scope`, … declared in `derive:`); the last are recorded as
// references and checked when the packs are combined (Engine.init).
import Foundation

struct CheckParser {
    let reader: NodeReader
    /// Where names only the combined packs can resolve are recorded.
    var references = ReferenceCollector()

    /// Variables the engine itself provides to every check (see EvaluationContext and
    /// DocumentReviewFacts); the others are the values the packs decide.
    static let engineVariables: Set<String> = Set(["as_of"]).union(DocumentReviewFacts.names)

    static var checkNames: [String] { CheckKinds.names }

    /// Reads `{kind: body}`: the kind is looked up in the registry (CheckKinds) and reads its body.
    func parse(_ node: YAMLNode, variables: Set<String> = engineVariables, inItem: Bool = false) throws(InputError) -> Check {
        let pairs = try reader.mapping(node, "a check")
        guard pairs.count == 1, let pair = pairs.first else {
            let names = pairs.compactMap { $0.key.scalar?.text }.joined(separator: ", ")
            throw reader.error(node, pairs.isEmpty ? "a check must name one check (one of: \(CheckParser.checkNames.joined(separator: ", ")))"
                                                   : "a check must have exactly one key, found: \(names) (combine checks with all/any)")
        }
        let name = pair.key.scalar?.text ?? ""
        guard let kind = CheckKinds.byName[name] else {
            var message = "unknown check '\(name)'"
            if let near = NodeReader.closest(to: name, in: CheckParser.checkNames) { message += " (did you mean '\(near)'?)" }
            else { message += " (expected one of: \(CheckParser.checkNames.joined(separator: ", ")))" }
            throw reader.error(pair.key, message)
        }
        return Check(try kind.parse(pair.value, CheckParsing(parser: self, scope: Scope(variables: variables, inItem: inItem))))
    }

    struct Scope {
        var variables: Set<String>
        var inItem: Bool
    }

    func path(_ node: YAMLNode, _ what: String) throws(InputError) -> FactPath {
        try path(node, what, Scope(variables: CheckParser.engineVariables, inItem: false))
    }

    func paths(_ node: YAMLNode, _ what: String) throws(InputError) -> [FactPath] {
        try paths(node, what, Scope(variables: CheckParser.engineVariables, inItem: false))
    }

    func path(_ node: YAMLNode, _ what: String, _ scope: Scope) throws(InputError) -> FactPath {
        let p = try reader.path(node, what)
        try validate(p, node, what, scope)
        return p
    }

    func paths(_ node: YAMLNode, _ what: String, _ scope: Scope) throws(InputError) -> [FactPath] {
        let ps = try reader.paths(node, what)
        for p in ps { try validate(p, node, what, scope) }
        return ps
    }

    private func validate(_ p: FactPath, _ node: YAMLNode, _ what: String, _ scope: Scope) throws(InputError) {
        switch p.root {
        case .item:
            guard scope.inItem else { throw reader.error(node, "\(what): '@' names the current item and can only be used inside each or some") }
        case .variable(let v):
            // Not bound here: a decided value, checked once the packs are combined.
            if !scope.variables.contains(v) { references.add(.variable, v, node, reader.file) }
        case .facts:
            break
        }
    }
}
