// Parsing the `check:` of a rule into a `Check`, validating as it goes.
//
// Each check is a mapping with exactly one key naming it. Variables used in paths must be
// known where they are used: the engine's own (`$as_of`, `$status`, …) or a name bound by
// an enclosing `each`/`some` with `as:`.
import Foundation

struct CheckParser {
    let reader: NodeReader

    /// Variables the engine provides to every check (see EvaluationContext).
    static let engineVariables: Set<String> = Set(["as_of", "status", "scope", "reference_date", "last_decision", "language", "profile"])
        .union(DocumentReviewFacts.names)

    static let checkNames = [
        "present", "is_date", "one_of", "matches", "equals", "date_within", "count", "each", "some", "covers",
        "section", "mentions", "table", "all", "any", "not", "when",
    ]

    func parse(_ node: YAMLNode, variables: Set<String> = engineVariables, inItem: Bool = false) throws(InputError) -> Check {
        let pairs = try reader.mapping(node, "a check")
        guard pairs.count == 1, let pair = pairs.first else {
            let names = pairs.compactMap { $0.key.scalar?.text }.joined(separator: ", ")
            throw reader.error(node, pairs.isEmpty ? "a check must name one check (one of: \(CheckParser.checkNames.joined(separator: ", ")))"
                                                   : "a check must have exactly one key, found: \(names) (combine checks with all/any)")
        }
        let name = pair.key.scalar?.text ?? ""
        let body = pair.value
        let scope = Scope(variables: variables, inItem: inItem)
        switch name {
        case "present":
            return .present(try paths(body, "present", scope))
        case "is_date":
            return .isDate(try paths(body, "is_date", scope))
        case "one_of":
            try reader.checkKeys(body, allowed: ["path", "values", "any"], "one_of")
            return .oneOf(try paths(try reader.require(body, "path", "one_of"), "one_of.path", scope),
                          values: try reader.strings(try reader.require(body, "values", "one_of"), "one_of.values"),
                          any: try optionalBool(body, "any") ?? false)
        case "matches":
            try reader.checkKeys(body, allowed: ["path", "pattern", "any"], "matches")
            return .matches(try paths(try reader.require(body, "path", "matches"), "matches.path", scope),
                            pattern: try reader.terms(try reader.require(body, "pattern", "matches"), "matches.pattern"),
                            any: try optionalBool(body, "any") ?? false)
        case "equals":
            try reader.checkKeys(body, allowed: ["path", "value"], "equals")
            let valueNode = try reader.require(body, "value", "equals")
            let text = try reader.string(valueNode, "equals.value")
            let value: ValueReference
            if text.hasPrefix("$") || text.hasPrefix("@") {
                value = .path(try path(valueNode, "equals.value", scope))
            } else {
                value = .literal(text)
            }
            return .equals(try paths(try reader.require(body, "path", "equals"), "equals.path", scope), value: value)
        case "date_within":
            try reader.checkKeys(body, allowed: ["path", "years", "of", "direction", "pick"], "date_within")
            let years = try reader.int(try reader.require(body, "years", "date_within"), "date_within.years")
            guard (0...100).contains(years) else { throw reader.error(body, "date_within.years must be between 0 and 100") }
            var direction = DateWithin.Direction.before
            if let d = body["direction"] {
                let t = try reader.string(d, "date_within.direction")
                guard let v = DateWithin.Direction(rawValue: t) else { throw reader.error(d, "date_within.direction must be before or after, found '\(t)'") }
                direction = v
            }
            var pick = DateWithin.Pick.each
            if let p = body["pick"] {
                let t = try reader.string(p, "date_within.pick")
                guard let v = DateWithin.Pick(rawValue: t) else { throw reader.error(p, "date_within.pick must be each, latest or earliest, found '\(t)'") }
                pick = v
            }
            let reference = try body["of"].map { n throws(InputError) in try path(n, "date_within.of", scope) } ?? FactPath(root: .variable("as_of"), components: [])
            return .dateWithin(DateWithin(paths: try paths(try reader.require(body, "path", "date_within"), "date_within.path", scope),
                                          years: years, reference: reference, direction: direction, pick: pick))
        case "count":
            try reader.checkKeys(body, allowed: ["path", "min", "max"], "count")
            let min = try body["min"].map { n throws(InputError) in try reader.int(n, "count.min") }
            let max = try body["max"].map { n throws(InputError) in try reader.int(n, "count.max") }
            guard min != nil || max != nil else { throw reader.error(body, "count needs min or max") }
            if let a = min, let b = max, a > b { throw reader.error(body, "count.min (\(a)) is greater than count.max (\(b))") }
            return .count(try paths(try reader.require(body, "path", "count"), "count.path", scope), min: min, max: max)
        case "each", "some":
            try reader.checkKeys(body, allowed: ["path", "as", "check"], name)
            let listPaths = try paths(try reader.require(body, "path", name), "\(name).path", scope)
            var inner = variables
            var variable: String?
            if let a = body["as"] {
                let v = try reader.string(a, "\(name).as")
                guard v.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { throw reader.error(a, "\(name).as must be a plain name") }
                guard !CheckParser.engineVariables.contains(v) else { throw reader.error(a, "\(name).as: '\(v)' is a variable of the engine; choose another name") }
                variable = v
                inner.insert(v)
            }
            let check = try parse(try reader.require(body, "check", name), variables: inner, inItem: true)
            return name == "each" ? .each(listPaths, variable: variable, check: check) : .some(listPaths, variable: variable, check: check)
        case "covers":
            try reader.checkKeys(body, allowed: ["path", "members", "min"], "covers")
            let members = try reader.strings(try reader.require(body, "members", "covers"), "covers.members")
            let min = try body["min"].map { n throws(InputError) in try reader.int(n, "covers.min") }
            if let m = min, m < 1 || m > members.count { throw reader.error(body, "covers.min must be between 1 and the number of members (\(members.count))") }
            return .covers(try paths(try reader.require(body, "path", "covers"), "covers.path", scope), members: members, min: min)
        case "section":
            try reader.checkKeys(body, allowed: ["aliases", "item", "not_empty", "text"], "section")
            return .section(SectionCheck(
                aliases: try reader.terms(try reader.require(body, "aliases", "section"), "section.aliases"),
                item: try body["item"].map { n throws(InputError) in try reader.string(n, "section.item") },
                notEmpty: try optionalBool(body, "not_empty") ?? true,
                textTerms: try body["text"].map { n throws(InputError) in try reader.terms(n, "section.text") }))
        case "mentions":
            if body.mapping == nil {
                return .mentions(MentionsCheck(terms: try reader.terms(body, "mentions"), inSections: nil, min: 1))
            }
            try reader.checkKeys(body, allowed: ["terms", "in", "min"], "mentions")
            let min = try body["min"].map { n throws(InputError) in try reader.int(n, "mentions.min") } ?? 1
            guard min >= 1 else { throw reader.error(body, "mentions.min must be at least 1") }
            return .mentions(MentionsCheck(
                terms: try reader.terms(try reader.require(body, "terms", "mentions"), "mentions.terms"),
                inSections: try body["in"].map { n throws(InputError) in try reader.terms(n, "mentions.in") },
                min: min))
        case "table":
            try reader.checkKeys(body, allowed: ["in", "columns", "filled"], "table")
            let columnsNode = try reader.require(body, "columns", "table")
            guard let items = columnsNode.sequence, !items.isEmpty else { throw reader.error(columnsNode, "table.columns must be a non-empty list") }
            var columns: [TableCheck.Column] = []
            for item in items {
                try reader.checkKeys(item, allowed: ["name", "aliases"], "a table column")
                columns.append(TableCheck.Column(
                    name: try reader.string(try reader.require(item, "name", "a table column"), "table column name"),
                    aliases: try reader.terms(try reader.require(item, "aliases", "a table column"), "table column aliases")))
            }
            return .table(TableCheck(
                inSections: try body["in"].map { n throws(InputError) in try reader.terms(n, "table.in") },
                columns: columns,
                filled: try optionalBool(body, "filled") ?? true))
        case "all", "any":
            guard let items = body.sequence, !items.isEmpty else { throw reader.error(body, "\(name) must be a non-empty list of checks") }
            var checks: [Check] = []
            for item in items { checks.append(try parse(item, variables: variables, inItem: inItem)) }
            return name == "all" ? .all(checks) : .any(checks)
        case "not":
            return .not(try parse(body, variables: variables, inItem: inItem))
        case "when":
            try reader.checkKeys(body, allowed: ["if", "then", "else"], "when")
            return .when(condition: try parse(try reader.require(body, "if", "when"), variables: variables, inItem: inItem),
                         then: try parse(try reader.require(body, "then", "when"), variables: variables, inItem: inItem),
                         otherwise: try body["else"].map { n throws(InputError) in try parse(n, variables: variables, inItem: inItem) })
        default:
            var message = "unknown check '\(name)'"
            if let near = NodeReader.closest(to: name, in: CheckParser.checkNames) { message += " (did you mean '\(near)'?)" }
            else { message += " (expected one of: \(CheckParser.checkNames.joined(separator: ", ")))" }
            throw reader.error(pair.key, message)
        }
    }

    struct Scope {
        var variables: Set<String>
        var inItem: Bool
    }

    private func optionalBool(_ node: YAMLNode, _ key: String) throws(InputError) -> Bool? {
        guard let v = node[key] else { return nil }
        return try reader.bool(v, key)
    }

    private func path(_ node: YAMLNode, _ what: String, _ scope: Scope) throws(InputError) -> FactPath {
        let p = try reader.path(node, what)
        try validate(p, node, what, scope)
        return p
    }

    private func paths(_ node: YAMLNode, _ what: String, _ scope: Scope) throws(InputError) -> [FactPath] {
        let ps = try reader.paths(node, what)
        for p in ps { try validate(p, node, what, scope) }
        return ps
    }

    private func validate(_ p: FactPath, _ node: YAMLNode, _ what: String, _ scope: Scope) throws(InputError) {
        switch p.root {
        case .item:
            guard scope.inItem else { throw reader.error(node, "\(what): '@' names the current item and can only be used inside each or some") }
        case .variable(let v):
            guard scope.variables.contains(v) else {
                throw reader.error(node, "\(what): unknown variable '$\(v)' (known here: \(scope.variables.sorted().map { "$" + $0 }.joined(separator: ", ")))")
            }
        case .facts:
            break
        }
    }
}
