// The plan's keys, checked like a pack's keys: the one schema of the front matter, the top
// level of a YAML plan and a sidecar file (docs/plan-format.md, "The keys").
//
// - A key planlint does not know is a warning with the nearest known key
//   (`approvls:` → "did you mean approvals?"): a misspelt key is otherwise silently ignored,
//   and the plan is then told the council never approved it.
// - A value of the wrong shape is a load error at file:line:column (exit 2), never a
//   silent pass: `language: klingon`, `reviews: "none"`, `municipalities: 12345`,
//   `period: "whenever"`, `plan: "x"`, `status: [approved]`.
// Dates are not checked here: a date that is not a date is a finding of the rule that
// reads it, with the rule's message.
import Foundation

/// What a key's value must be.
indirect enum KeyShape: Sendable {
    /// A text (a number is accepted: "§ 89" and 89 are both minutes).
    case text
    /// A date: a scalar (its validity is the rules' to check).
    case date
    /// A whole number.
    case integer
    /// A number.
    case number
    case boolean
    /// One of these values.
    case oneOf([String])
    /// A list of items of this shape.
    case list(KeyShape)
    /// A mapping with these keys (`open`: other keys are not reported).
    case mapping([String: KeyShape], open: Bool)
    /// Anything.
    case any
}

/// A key planlint does not know, with the nearest one it does.
public struct PlanKeyWarning: Sendable, Hashable {
    public var key: String
    /// The path of the mapping it is in (empty at the top).
    public var parent: String
    public var suggestion: String?
    public var range: SourceRange
    public var file: String
}

public enum PlanKeys {
    static let member: KeyShape = .mapping(["role": .text, "sector": .text, "organisation": .text, "name": .text], open: true)
    static let group: KeyShape = .mapping(["name": .text, "appointed_by": .text, "appointed_date": .date, "members": .list(member)], open: true)

    /// The keys of docs/plan-format.md.
    static let schema: [String: KeyShape] = [
        "plan": .mapping([
            "title": .text,
            "language": .oneOf(["fi", "sv"]),
            // Scope and status values are the finding of PLAN-FACTS-VALUES (fi-lsl); here only their shape.
            "scope": .text,
            "municipalities": .list(.text),
            "wellbeing_services_county": .text,
            "period": .mapping(["start": .date, "end": .date], open: false),
            "welfare_plan_ref": .text,
            "strategy_ref": .text,
        ], open: false),
        "status": .text,
        "previous_plan": .mapping(["title": .text, "approved": .date, "minute": .text, "body": .text], open: true),
        "decision": .mapping(["body": .text, "planned_date": .date, "date": .date, "minute": .text], open: true),
        "approvals": .list(.mapping(["body": .text, "municipality": .text, "date": .date, "minute": .text], open: true)),
        "reviews": .list(.mapping(["date": .date, "body": .text, "minute": .text], open: true)),
        "budget_linkage": .mapping(["statement": .text, "budget_years": .list(.integer)], open: true),
        "goals": .list(.any),
        "data_sources": .list(.any),
        "measures": .list(.any),
        "governance": .mapping([
            "preparation_group": group, "monitoring_group": group, "regional_student_welfare_group": .any,
            "youth_network": .text, "student_welfare_steering_group": .text, "expert_group": .text,
        ], open: true),
        "monitoring": .mapping(["reporting": .list(.any), "evaluator": .text], open: true),
        "participation": .mapping(["methods": .list(.any)], open: true),
        "child_impact_assessment": .mapping(["done": .boolean, "where": .text], open: true),
        "attachments": .list(.any),
        "publication_url": .text,
        "legal_map": .mapping([:], open: true),
    ]

    /// Checks a facts mapping; returns the unknown keys, throws at the first value of the wrong shape.
    public static func check(_ facts: YAMLNode, file: String) throws(InputError) -> [PlanKeyWarning] {
        var warnings: [PlanKeyWarning] = []
        try check(facts, .mapping(schema, open: false), path: "", file: file, warnings: &warnings)
        return warnings
    }

    private static func check(_ node: YAMLNode, _ shape: KeyShape, path: String, file: String, warnings: inout [PlanKeyWarning]) throws(InputError) {
        if node.isNull { return }
        let name = path.isEmpty ? "the plan" : path
        switch shape {
        case .any:
            return
        case .text, .date:
            guard let s = node.scalar else { throw wrong(node, name, expected: "a text", file) }
            _ = s
        case .integer:
            guard let s = node.scalar, case .int = s.value else { throw wrong(node, name, expected: "a whole number", file) }
        case .number:
            guard let s = node.scalar else { throw wrong(node, name, expected: "a number", file) }
            switch s.value {
            case .int, .float: break
            default: throw wrong(node, name, expected: "a number", file)
            }
        case .boolean:
            guard let s = node.scalar, case .bool = s.value else { throw wrong(node, name, expected: "true or false", file) }
        case .oneOf(let values):
            guard let s = node.scalar else { throw wrong(node, name, expected: "one of " + values.joined(separator: ", "), file) }
            guard values.contains(s.text) else {
                let near = nearest(s.text, in: values).map { "; did you mean \($0)?" } ?? ""
                throw InputError(.invalidPlan, file: file, at: node.range.start,
                                 "\(name): '\(s.text)' is not one of \(values.joined(separator: ", "))\(near)")
            }
        case .list(let item):
            guard let items = node.sequence else { throw wrong(node, name, expected: "a list", file) }
            for (i, element) in items.enumerated() {
                try check(element, item, path: "\(path)[\(i)]", file: file, warnings: &warnings)
            }
        case .mapping(let keys, let open):
            guard let pairs = node.mapping else { throw wrong(node, name, expected: "a mapping of keys", file) }
            for pair in pairs {
                let key = pair.key.scalar?.text ?? ""
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let shape = keys[key] {
                    try check(pair.value, shape, path: child, file: file, warnings: &warnings)
                } else if !open {
                    warnings.append(PlanKeyWarning(key: key, parent: path, suggestion: nearest(key, in: Array(keys.keys)), range: pair.key.range, file: file))
                }
            }
        }
    }

    private static func wrong(_ node: YAMLNode, _ name: String, expected: String, _ file: String) -> InputError {
        let found = node.scalar.map { "'\($0.text)'" } ?? "a \(node.kindName)"
        return InputError(.invalidPlan, file: file, at: node.range.start, "\(name) must be \(expected), found \(found)")
    }

    /// The known key closest to `key` (edit distance at most a third of its length, at least 2).
    static func nearest(_ key: String, in known: [String]) -> String? {
        let limit = max(2, key.count / 3)
        var best: (String, Int)?
        for k in known.sorted() {
            let d = NodeReader.editDistance(key.lowercased(), k)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (k, d) }
        }
        return best?.0
    }

    /// The unknown keys as findings (rule PLANLINT-UNKNOWN-PLAN-KEY, pack planlint).
    static func findings(_ warnings: [PlanKeyWarning], language: Language) -> [Finding] {
        warnings.map { w in
            let m = Catalogue.planKeys
            let at = w.parent.isEmpty ? "" : m.unknownAt.render(language, ["parent": .text(w.parent)])
            let message = m.unknown.render(language, ["key": .text("'\(w.key)'"), "at": .text(at)])
                + (w.suggestion.map { m.didYouMean.render(language, ["key": .text($0)]) } ?? "")
            let remedy = w.suggestion.map { m.rename.render(language, ["key": .text($0)]) } ?? m.remove[language]
            return Finding(ruleID: "PLANLINT-UNKNOWN-PLAN-KEY", title: m.unknownTitle[language], severity: .warning, message: message,
                           remediation: remedy, file: w.file,
                           start: LineColumn(line: w.range.start.line, column: w.range.start.column),
                           end: LineColumn(line: w.range.end.line, column: w.range.end.column),
                           path: w.parent.isEmpty ? w.key : "\(w.parent).\(w.key)", section: nil, evidence: w.key, origin: nil, citation: nil,
                           pack: BuiltInRule.pack, packVersion: PlanLintVersion.current)
        }
    }
}
