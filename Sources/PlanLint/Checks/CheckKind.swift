// The check vocabulary: one protocol, one registry, one file per kind.
//
// A rule's `check:` is a mapping with one key naming a kind (`present: …`, `section: …`).
// Each kind is a type conforming to `CheckKind` in its own file in this folder: how its YAML
// body is read (validated, with errors at file:line:col), how it is evaluated on a plan, and
// how `rules explain` outlines it in fi/sv/en. To add a kind: write one file here and
// document it in docs/rule-packs.md. The build lists the kinds (Plugins/RegisterCheckKinds
// reads the `struct Name: … CheckKind` of each file) and stops on a file that declares none
// or more than one.
import Foundation

/// One kind of check.
protocol CheckKind: Sendable {
    /// The YAML key that names the kind (`present`).
    static var name: String { get }
    /// Reads the value of `{name: body}`; throws an error at the offending node.
    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> Self
    /// Evaluates the check on the plan (and the current item, inside `each`/`some`).
    func evaluate(_ e: CheckEvaluation) -> Outcome
    /// What the check asks, in one language, for `rules explain`: lines starting with `o.indent`.
    func outline(_ o: Outline) -> String
}

/// Every kind of check, by its YAML name (`registered` is generated from the files of Checks/).
enum CheckKinds {
    static let all: [any CheckKind.Type] = registered.sorted { $0.name < $1.name }

    static let byName: [String: any CheckKind.Type] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
    static var names: [String] { all.map { $0.name } }
}

/// A parsed check: one value of one kind.
public struct Check: Sendable {
    let kind: any CheckKind

    init(_ kind: any CheckKind) {
        self.kind = kind
    }

    /// The outline of the check for `rules explain`.
    /// `labels`: words for the code values a check names (a status, a scope, a sector).
    public func outline(_ language: Language, indent: String = "", labels: [String: Localized] = [:]) -> String {
        kind.outline(Outline(language: language, indent: indent, labels: labels))
    }
}

/// What a kind's parser may use: the reader (errors with positions), paths validated in the
/// current scope, and nested checks.
struct CheckParsing {
    let parser: CheckParser
    let scope: CheckParser.Scope

    var reader: NodeReader { parser.reader }
    var references: ReferenceCollector { parser.references }

    func paths(_ node: YAMLNode, _ what: String) throws(InputError) -> [FactPath] { try parser.paths(node, what, scope) }
    func path(_ node: YAMLNode, _ what: String) throws(InputError) -> FactPath { try parser.path(node, what, scope) }

    /// A nested check in the same scope.
    func check(_ node: YAMLNode) throws(InputError) -> Check {
        try parser.parse(node, variables: scope.variables, inItem: scope.inItem)
    }

    /// A nested check applied to items (`@`), with `variable` bound too.
    func itemCheck(_ node: YAMLNode, binding variable: String?) throws(InputError) -> Check {
        var variables = scope.variables
        if let variable { variables.insert(variable) }
        return try parser.parse(node, variables: variables, inItem: true)
    }

    /// A non-empty list of nested checks.
    func checks(_ node: YAMLNode, _ name: String) throws(InputError) -> [Check] {
        guard let items = node.sequence, !items.isEmpty else { throw reader.error(node, "\(name) must be a non-empty list of checks") }
        var out: [Check] = []
        for item in items { out.append(try check(item)) }
        return out
    }

    func bool(_ node: YAMLNode, _ key: String) throws(InputError) -> Bool? {
        guard let v = node[key] else { return nil }
        return try reader.bool(v, key)
    }
}

/// What a kind's evaluation may use: the plan's facts and sections (through the evaluator's
/// helpers), the current item and bound names, and nested checks.
struct CheckEvaluation {
    let evaluator: CheckEvaluator
    let item: FactValue?
    let bindings: [String: FactValue]

    var context: EvaluationContext { evaluator.context }

    /// A nested check on the same item.
    func evaluate(_ check: Check) -> Outcome { evaluator.evaluate(check, item: item, bindings: bindings) }

    func evaluate(_ check: Check, item: FactValue?, bindings: [String: FactValue]) -> Outcome {
        evaluator.evaluate(check, item: item, bindings: bindings)
    }

    func resolveAll(_ paths: [FactPath]) -> Resolution { evaluator.resolveAll(paths, item, bindings) }
    func items(_ paths: [FactPath]) -> [FactValue] { evaluator.items(paths, item, bindings) }
    func resolve(_ path: FactPath) -> Resolution { context.resolve(path, item: item, bindings: bindings) }
}

/// The words an outline is written with, in one language.
struct Outline {
    let language: Language
    let indent: String
    var labels: [String: Localized] = [:]

    /// A deeper level, for nested checks.
    var nested: Outline { Outline(language: language, indent: indent + "  ", labels: labels) }

    /// Code values through their labels, joined as the language joins a list.
    func values(_ vs: [String]) -> String {
        MessageTemplate.join(vs.map { labels[$0]?[language] ?? $0 }, language)
    }

    /// The same text in three languages, picked.
    func say(fi: String, sv: String, en: String) -> String {
        switch language {
        case .fi: return fi
        case .sv: return sv
        case .en: return en
        }
    }

    /// `a or b` in the language.
    /// A decided value or engine variable (`$scope`) is named through its label when it has one.
    func paths(_ ps: [FactPath]) -> String {
        ps.map { p in
            if case .variable(let name) = p.root, p.components.isEmpty, let l = labels[name] { return l[language] }
            return p.description
        }.joined(separator: say(fi: " tai ", sv: " eller ", en: " or "))
    }

    /// One line at this indent.
    func line(fi: String, sv: String, en: String) -> String { indent + say(fi: fi, sv: sv, en: en) + "\n" }
}
