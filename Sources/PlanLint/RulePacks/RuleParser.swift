// Parsing one rule, and one fact extractor, from a pack file.
import Foundation

struct RuleParser {
    let reader: NodeReader
    let source: PackSource
    let defaultAsOf: PlanDate

    static let keys = ["id", "title", "severity", "kind", "citation", "applies", "check", "message", "remediation", "review", "anchor", "covered_by", "examples", "labels"]

    func parse(_ node: YAMLNode) throws(InputError) -> Rule {
        try reader.checkKeys(node, allowed: RuleParser.keys, "a rule")
        let id = try reader.string(try reader.require(node, "id", "a rule"), "id")
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw reader.error(node["id"] ?? node, "rule id '\(id)' may hold letters, digits, '-', '_' and '.' only")
        }
        let what = "rule \(id)"
        let title = try reader.localized(try reader.require(node, "title", what), "\(what): title")
        let severityNode = try reader.require(node, "severity", what)
        let severityText = try reader.string(severityNode, "severity")
        guard let severity = Severity(rawValue: severityText) else {
            throw reader.error(severityNode, "\(what): severity must be error, warning or info, found '\(severityText)'")
        }
        var kind = RuleKind.statute
        if let k = node["kind"] {
            let t = try reader.string(k, "kind")
            guard let v = RuleKind(rawValue: t) else { throw reader.error(k, "\(what): kind must be statute or practice, found '\(t)'") }
            kind = v
        }
        var citation: Citation?
        if let c = node["citation"] {
            citation = try parseCitation(c, what)
        } else if kind == .statute {
            throw reader.error(node, "\(what) is a statute rule and needs a citation (act, section, subsection, url)")
        }
        let references = ReferenceCollector()
        let applies = try node["applies"].map { n throws(InputError) in try parseApplies(n, what, references) } ?? .always
        let checkNode = try reader.require(node, "check", what)
        let check = try CheckParser(reader: reader, references: references).parse(checkNode)
        if !(check.kind is PluginCheck), PluginCheck.named(in: checkNode) {
            throw reader.error(checkNode, "\(what): a plugin check must be the rule's whole check, not part of another (its result when it does not run is 'not checked', which no other check can combine)")
        }
        let messages = try parseMessages(try reader.require(node, "message", what), what)
        let remediation = try reader.localized(try reader.require(node, "remediation", what), "\(what): remediation")
        let review = try node["review"].map { n throws(InputError) in try reader.localized(n, "\(what): review") }
        let anchor = try node["anchor"].map { n throws(InputError) in try reader.path(n, "\(what): anchor") }
        let examples = try parseExamples(try reader.require(node, "examples", what), what)
        var labels: [String: Localized] = [:]
        if let l = node["labels"] {
            for pair in try reader.mapping(l, "\(what): labels") {
                let code = try reader.string(pair.key, "\(what): labels")
                labels[code] = try reader.localized(pair.value, "\(what): labels.\(code)")
            }
        }
        let coveredBy = try node["covered_by"].map { n throws(InputError) in try reader.strings(n, "\(what): covered_by") } ?? []
        if let n = node["covered_by"], kind != .practice {
            throw reader.error(n, "\(what): covered_by is for practice rules that a statutory rule covers; this rule is a statute")
        }
        var rule = Rule(id: id, title: title, severity: severity, kind: kind, citation: citation, applies: applies, check: check,
                    messages: messages, remediation: remediation, review: review, anchor: anchor, examples: examples,
                    labels: labels, definedIn: reader.file, definedAt: node.range.start, references: references.items)
        rule.coveredBy = coveredBy
        rule.coveredByAt = node["covered_by"]?.range.start
        return rule
    }

    /// `417/2007`: one to four digits, a slash, four digits (the number of a Finnish act).
    static func isActNumber(_ act: String) -> Bool {
        let parts = act.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 2, (1...4).contains(parts[0].count), parts[1].count == 4 else { return false }
        return parts.allSatisfy { $0.allSatisfy { (0x30...0x39).contains($0) } }
    }

    func parseCitation(_ node: YAMLNode, _ what: String) throws(InputError) -> Citation {
        try reader.checkKeys(node, allowed: ["act", "act_name", "section", "subsection", "item", "url", "law_version", "wording", "mark"], "\(what): citation")
        let act = try reader.string(try reader.require(node, "act", "\(what): citation"), "citation.act")
        guard Self.isActNumber(act) else {
            throw reader.error(node["act"] ?? node, "\(what): citation.act must look like 417/2007, found '\(act)'")
        }
        let sectionNode = try reader.require(node, "section", "\(what): citation")
        let section = try reader.string(sectionNode, "citation.section")
        let subsection = try node["subsection"].map { n throws(InputError) in try reader.int(n, "citation.subsection") }
        let item = try node["item"].map { n throws(InputError) in try reader.int(n, "citation.item") }
        let url = try reader.string(try reader.require(node, "url", "\(what): citation"), "citation.url")
        guard url.hasPrefix("https://") else { throw reader.error(node["url"] ?? node, "\(what): citation.url must be an https:// address") }
        var wording: LocalizedWording?
        if let w = node["wording"] {
            try reader.checkKeys(w, allowed: ["fi", "sv"], "\(what): citation.wording")
            wording = LocalizedWording(fi: try w["fi"].map { n throws(InputError) in try reader.string(n, "wording.fi") },
                                       sv: try w["sv"].map { n throws(InputError) in try reader.string(n, "wording.sv") })
        }
        var mark: String?
        if let m = node["mark"] {
            let t = try reader.string(m, "citation.mark")
            guard ["V", "V2", "R", "I"].contains(t) else { throw reader.error(m, "\(what): citation.mark must be V, V2, R or I, found '\(t)'") }
            mark = t
        }
        return Citation(act: act, actName: try reader.localized(try reader.require(node, "act_name", "\(what): citation"), "\(what): citation.act_name"),
                        section: section, subsection: subsection, item: item, url: url,
                        lawVersion: try node["law_version"].map { n throws(InputError) in try reader.string(n, "citation.law_version") },
                        wording: wording, mark: mark)
    }

    /// `applies:`: `profile`, `law_in_force`, and any decided value (`scope`, `status`, …)
    /// with the values the rule is for; names and values are checked against the packs'
    /// `derive:` when the packs are combined.
    func parseApplies(_ node: YAMLNode, _ what: String, _ references: ReferenceCollector) throws(InputError) -> Applicability {
        var result = Applicability.always
        for pair in try reader.mapping(node, "\(what): applies") {
            let key = try reader.string(pair.key, "a key of applies")
            guard key != "profile", key != "law_in_force" else { continue }
            references.add(.derived, key, pair.key, reader.file)
            var set = Set<String>()
            let items = pair.value.sequence ?? [pair.value]
            guard !items.isEmpty else { throw reader.error(pair.value, "\(what): applies.\(key) is empty") }
            for item in items {
                let t = try reader.string(item, "applies.\(key)")
                references.add(.value(of: key), t, item, reader.file)
                set.insert(t)
            }
            result.decided.append(DecidedRestriction(name: key, values: set))
        }
        if let p = node["profile"] {
            // Checked against the loaded profiles when packs are combined (Engine.init).
            let ids = try reader.strings(p, "applies.profile")
            guard !ids.isEmpty else { throw reader.error(p, "\(what): applies.profile is empty") }
            result.profiles = Set(ids)
            result.profileNode = p.range.start
        }
        if let law = node["law_in_force"] {
            try reader.checkKeys(law, allowed: ["from", "until"], "\(what): applies.law_in_force")
            result.lawFrom = try law["from"].map { n throws(InputError) in try reader.date(n, "law_in_force.from") }
            result.lawUntil = try law["until"].map { n throws(InputError) in try reader.date(n, "law_in_force.until") }
            if let a = result.lawFrom, let b = result.lawUntil, b < a {
                throw reader.error(law, "\(what): law_in_force.until (\(b)) is before law_in_force.from (\(a))")
            }
        }
        return result
    }

    func parseMessages(_ node: YAMLNode, _ what: String) throws(InputError) -> RuleMessages {
        if node["violation"] != nil || node["missing"] != nil || node["invalid"] != nil || node["empty"] != nil {
            try reader.checkKeys(node, allowed: ["violation", "missing", "invalid", "empty"], "\(what): message")
            return RuleMessages(
                violation: try reader.localized(try reader.require(node, "violation", "\(what): message"), "\(what): message.violation"),
                missing: try node["missing"].map { n throws(InputError) in try reader.localized(n, "\(what): message.missing") },
                invalid: try node["invalid"].map { n throws(InputError) in try reader.localized(n, "\(what): message.invalid") },
                empty: try node["empty"].map { n throws(InputError) in try reader.localized(n, "\(what): message.empty") })
        }
        return RuleMessages(violation: try reader.localized(node, "\(what): message"), missing: nil, invalid: nil, empty: nil)
    }

    func parseExamples(_ node: YAMLNode, _ what: String) throws(InputError) -> [RuleExample] {
        try reader.checkKeys(node, allowed: ["pass", "fail"], "\(what): examples")
        var out: [RuleExample] = []
        for expect in [RuleExample.Expectation.pass, .fail] {
            guard let list = node[expect.rawValue] else {
                throw reader.error(node, "\(what) needs at least one \(expect.rawValue)ing example plan (examples.\(expect.rawValue))")
            }
            let items = list.sequence ?? [list]
            guard !items.isEmpty else { throw reader.error(list, "\(what): examples.\(expect.rawValue) is empty") }
            for item in items {
                var file: String
                var asOf = defaultAsOf
                if item.mapping != nil {
                    try reader.checkKeys(item, allowed: ["file", "as_of"], "\(what): an example")
                    file = try reader.string(try reader.require(item, "file", "an example"), "example file")
                    if let d = item["as_of"] { asOf = try reader.date(d, "example as_of") }
                } else {
                    file = try reader.string(item, "example file")
                }
                guard source.files[file] != nil || source.documents[file] != nil else {
                    throw reader.error(item, "\(what): example plan '\(file)' not found in the pack")
                }
                out.append(RuleExample(file: file, expect: expect, asOf: asOf))
            }
        }
        return out
    }
}

struct FactExtractorParser {
    let reader: NodeReader

    func parse(_ node: YAMLNode) throws(InputError) -> FactExtractor {
        try reader.checkKeys(node, allowed: ["path", "kind", "source", "patterns", "fields", "value", "unless", "in", "join", "field", "classes"], "a fact")
        let pathNode = try reader.require(node, "path", "a fact")
        let path = try reader.path(pathNode, "fact path")
        var keys: [String] = []
        guard path.root == .facts else { throw reader.error(pathNode, "a fact path must start at the plan's facts (no @ or $)") }
        for c in path.components {
            guard case .key(let k) = c else { throw reader.error(pathNode, "a fact path is made of keys only (no [ ])") }
            keys.append(k)
        }
        let kindText = try reader.string(try reader.require(node, "kind", "a fact"), "kind")
        guard let kind = FactExtractor.Kind(rawValue: kindText) else {
            throw reader.error(node["kind"] ?? node, "fact kind must be list, value or classify, found '\(kindText)'")
        }
        var source = FactExtractor.Source.body
        if let s = node["source"] {
            let t = try reader.string(s, "source")
            guard let v = FactExtractor.Source(rawValue: t) else { throw reader.error(s, "fact source must be body, titles or all, found '\(t)'") }
            source = v
        }
        var patterns: [TermPattern] = []
        var fields: [FactExtractor.Field] = []
        var classField: String?
        var classes: [(name: String, terms: TermPattern)] = []
        if kind == .classify {
            classField = try reader.string(try reader.require(node, "field", "a classify fact"), "field")
            let classesNode = try reader.require(node, "classes", "a classify fact")
            for pair in try reader.mapping(classesNode, "classes") {
                classes.append((try reader.string(pair.key, "class name"), try reader.terms(pair.value, "class terms")))
            }
            guard !classes.isEmpty else { throw reader.error(classesNode, "classes must not be empty") }
        } else {
            let patternsNode = try reader.require(node, "patterns", "a fact")
            var captureNames = Set<String>()
            for p in (patternsNode.sequence ?? [patternsNode]) {
                let text = try reader.string(p, "pattern")
                do { patterns.append(try TermPattern(regex: text)) } catch {
                    let refused = error.problem.hasPrefix("refused: ")
                    throw reader.error(p, refused ? "pattern '\(text)' is \(error.problem)" : "pattern is not a valid regular expression: \(error.problem)")
                }
                for name in FactExtractorParser.namedGroups(text) where !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                    throw reader.error(p, "capture group name '\(name)' may hold ASCII letters and digits only (write plannedDate, not planned_date)")
                }
                captureNames.formUnion(FactExtractorParser.namedGroups(text))
            }
            // `value: {…}` makes the fact one scalar (`status: draft`); `fields:` a mapping.
            var fieldPairs: [YAMLPair]
            if let single = node["value"] {
                guard node["fields"] == nil else { throw reader.error(single, "a fact has either value: or fields:, not both") }
                guard kind == .value else { throw reader.error(single, "value: is for a fact of kind value; a list fact has fields:") }
                fieldPairs = [YAMLPair(key: YAMLNode(content: .scalar(YAMLScalar(text: "", style: .plain, value: .string(""))), range: single.range), value: single)]
            } else {
                fieldPairs = try reader.mapping(try reader.require(node, "fields", "a fact"), "fields")
            }
            for pair in fieldPairs {
                let key = node["value"] != nil ? "" : try reader.string(pair.key, "field name")
                var capture = key
                var conversion = FactExtractor.Field.Conversion.text
                var constant: String?
                if pair.value.mapping != nil {
                    try reader.checkKeys(pair.value, allowed: ["capture", "as", "value"], "a field")
                    if let v = pair.value["value"] { constant = try reader.string(v, "value") }
                    if let c = pair.value["capture"] { capture = try reader.string(c, "capture") }
                    if let a = pair.value["as"] {
                        let t = try reader.string(a, "as")
                        guard let v = FactExtractor.Field.Conversion(rawValue: t) else {
                            throw reader.error(a, "field conversion must be text, year_start or year_end, found '\(t)'")
                        }
                        conversion = v
                    }
                } else {
                    capture = try reader.string(pair.value, "capture")
                }
                guard captureNames.contains(capture) else {
                    throw reader.error(pair.value, "no pattern has a capture group named '\(capture)' (write (?<\(capture)>…))")
                }
                fields.append(.init(key: key, capture: capture, conversion: conversion, constant: constant))
            }
        }
        var extractor = FactExtractor(keys: keys, kind: kind, source: source, patterns: patterns, fields: fields,
                                      unless: try node["unless"].map { n throws(InputError) in try reader.terms(n, "unless") },
                                      inSections: try node["in"].map { n throws(InputError) in try reader.terms(n, "in") },
                                      classField: classField, classes: classes)
        if let j = node["join"] {
            let t = try reader.string(j, "join")
            guard t == "section" || t == "paragraph" else { throw reader.error(j, "join must be paragraph or section, found '\(t)'") }
            guard extractor.inSections != nil || t == "paragraph" else { throw reader.error(j, "join: section needs in: (the headings of the sections to read whole)") }
            extractor.joinsSection = t == "section"
        }
        return extractor
    }

    static func namedGroups(_ pattern: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(pattern)
        while let r = rest.firstRange(of: "(?<") {
            let after = rest[r.upperBound...]
            if after.hasPrefix("!") || after.hasPrefix("=") {
                rest = after
                continue
            }
            guard let end = after.firstIndex(of: ">") else { break }
            names.insert(String(after[..<end]))
            rest = after[end...]
        }
        return names
    }
}
