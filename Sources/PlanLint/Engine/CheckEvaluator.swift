// Evaluating checks on a plan.
//
// Each check returns an `Outcome`: passed or not, the violations (each with a position,
// the path or section it concerns, the evidence it saw and the values for the message's
// placeholders), and notes (e.g. "found in the text only"). Checks know nothing of output
// formats; the engine turns violations into findings.
import Foundation

/// A value for a message placeholder.
enum Placeholder {
    case text(String)
    case date(PlanDate)
    case number(Int)
    case list([String])
    case localized(Localized)

    func rendered(_ language: Language) -> String {
        switch self {
        case .localized(let l): return l[language]
        case .text(let t): return t
        case .date(let d): return d.formatted(for: language)
        case .number(let n): return String(n)
        case .list(let items): return items.joined(separator: ", ")
        }
    }
}

/// Why a check failed: selects the rule's message.
enum ViolationReason: String {
    case violation, missing, invalid, empty
}

/// One way a plan fails a check.
struct Violation {
    var reason: ViolationReason
    var range: SourceRange?
    var path: String?
    var section: String?
    var evidence: String?
    var origin: FactOrigin?
    var values: [String: Placeholder] = [:]
}

/// A remark about a passing check, kept for the compliance record.
///
/// A note is structured: its kind says what happened and `data` holds the named values of
/// that kind (the keys each kind uses are listed on the kind). Reporters render a note from
/// its kind and data in their own language; no reporter parses text the engine wrote.
public struct Note: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable {
        /// A content item recognised by a heading. data: `heading`.
        case foundUnderHeading = "found-under-heading"
        /// A content item the plan maps to a section explicitly. data: `item`, `heading`.
        case mappedByLegalMap = "mapped-by-legal-map"
        /// A content item recognised in the text only, not by a heading. data: `words`.
        case foundInText = "found-in-text"
        /// Terms a `mentions` check found. data: `words`.
        case mentioned
        /// A fact taken from the prose. data: `path`, `value`.
        case factFromText = "fact-from-text"
        /// A value the check needed was missing, so it could not decide. data: `check`, and `path` when a path was missing.
        case undecided
    }

    public var kind: Kind
    public var line: Int?
    public var data: [String: String]

    public init(kind: Kind, line: Int?, data: [String: String]) {
        self.kind = kind
        self.line = line
        self.data = data
    }

    public subscript(key: String) -> String? { data[key] }
}

struct Outcome {
    var passed: Bool
    var violations: [Violation] = []
    var notes: [Note] = []

    static let pass = Outcome(passed: true)
}

struct CheckEvaluator {
    let context: EvaluationContext

    func evaluate(_ check: Check, item: FactValue? = nil, bindings: [String: FactValue] = [:]) -> Outcome {
        switch check {
        case .present(let paths):
            let r = resolveAll(paths, item, bindings)
            if !r.nonEmpty.isEmpty { return Outcome(passed: true, notes: textNotes(r.nonEmpty)) }
            if let v = r.values.first {
                return fail(Violation(reason: .empty, range: v.node.range, path: v.path, evidence: v.text, origin: v.origin, values: ["path": .text(v.path)]))
            }
            return fail(missing(r))

        case .isDate(let paths):
            let r = resolveAll(paths, item, bindings)
            var violations: [Violation] = []
            for v in r.nonEmpty where date(v) == nil {
                violations.append(invalidDate(v))
            }
            return violations.isEmpty ? .pass : Outcome(passed: false, violations: violations)

        case .oneOf(let paths, let listed, let valuesOf, let any):
            let values = valuesOf.map { context.declaredValues(of: $0) } ?? listed
            let allowed = Set(values.map { $0.lowercased() })
            return compare(paths, item, bindings, any: any, expected: values.joined(separator: ", ")) { allowed.contains($0.lowercased()) }

        case .matches(let paths, let pattern, let any):
            return compare(paths, item, bindings, any: any, expected: pattern.description) { pattern.isFound(in: $0) }

        case .equals(let paths, let reference):
            let expected: String?
            switch reference {
            case .literal(let t): expected = t
            case .path(let p): expected = context.resolve(p, item: item, bindings: bindings).nonEmpty.first?.text
            }
            guard let expected else { return Outcome(passed: true, notes: [Note(kind: .undecided, line: nil, data: ["check": "equals"])]) }
            let wanted = normalise(expected)
            return compare(paths, item, bindings, any: false, expected: expected) { normalise($0) == wanted }

        case .dateWithin(let spec):
            return dateWithin(spec, item, bindings)

        case .count(let paths, let min, let max):
            let r = resolveAll(paths, item, bindings)
            var values = r.nonEmpty
            if values.count == 1, !paths.contains(where: \.isWildcard), let items = values[0].node.sequence {
                values = items.enumerated().map { FactValue(node: $1, path: "\(values[0].path)[\($0)]", origin: values[0].origin) }
            }
            let n = values.count
            if (min.map { n >= $0 } ?? true) && (max.map { n <= $0 } ?? true) { return Outcome(passed: true, notes: textNotes(values)) }
            var v = n == 0 ? missing(r) : Violation(reason: .violation, range: r.nonEmpty.first?.node.range, path: r.path, origin: r.nonEmpty.first?.origin)
            v.values["count"] = .number(n)
            if let min { v.values["min"] = .number(min) }
            if let max { v.values["max"] = .number(max) }
            return fail(v)

        case .each(let paths, let variable, let inner):
            var outcome = Outcome.pass
            for value in items(paths, item, bindings) {
                var b = bindings
                if let variable { b[variable] = value }
                let o = evaluate(inner, item: value, bindings: b)
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

        case .some(let paths, let variable, let inner):
            let list = items(paths, item, bindings)
            if list.isEmpty { return fail(missing(resolveAll(paths, item, bindings))) }
            var first: Violation?
            for value in list {
                var b = bindings
                if let variable { b[variable] = value }
                let o = evaluate(inner, item: value, bindings: b)
                if o.passed { return Outcome(passed: true, notes: o.notes) }
                if first == nil { first = o.violations.first }
            }
            // No item satisfies the check: one violation for the list, pointing at its items,
            // with the placeholders of the first item's violation.
            let range = SourceRange(start: list.map(\.node.range.start).min() ?? .start, end: list.map(\.node.range.end).max() ?? .start)
            var v = first ?? Violation(reason: .violation)
            if list.count > 1 || v.range == nil { v.range = list.count == 1 ? (v.range ?? range) : SourceRange(at: range.start) }
            v.values["count"] = .number(list.count)
            return fail(v)

        case .covers(let paths, let members, let min):
            let r = resolveAll(paths, item, bindings)
            let found = Set(r.nonEmpty.compactMap { $0.text?.lowercased() })
            let missingMembers = members.filter { !found.contains($0.lowercased()) }
            let present = members.count - missingMembers.count
            if missingMembers.isEmpty || (min.map { present >= $0 } ?? false) { return Outcome(passed: true, notes: textNotes(r.nonEmpty)) }
            var v: Violation
            if r.nonEmpty.isEmpty {
                v = missing(r)
            } else {
                let list = r.nonEmpty
                let range = SourceRange(start: list.map(\.node.range.start).min() ?? .start, end: list.map(\.node.range.end).max() ?? .start)
                v = Violation(reason: .violation, range: range, path: r.path, evidence: list.compactMap(\.text).joined(separator: ", "), origin: list[0].origin)
            }
            v.values["missing"] = .list(missingMembers)
            v.values["found"] = .list(members.filter { found.contains($0.lowercased()) })
            if let min { v.values["min"] = .number(min) }
            return fail(v)

        case .section(let spec):
            return section(spec)

        case .mentions(let spec):
            let blocks = textBlocks(in: spec.inSections, includeTitles: true)
            var hits: [(TextBlock, TermPattern.Match)] = []
            for block in blocks {
                for m in spec.terms.matches(in: block.text, limit: spec.min - hits.count) {
                    hits.append((block, m))
                    if hits.count >= spec.min { break }
                }
                if hits.count >= spec.min { break }
            }
            if hits.count >= spec.min {
                return Outcome(passed: true, notes: hits.prefix(1).map { Note(kind: .mentioned, line: $0.0.range(ofScalars: $0.1.lower, $0.1.upper).start.line, data: ["words": $0.1.text]) })
            }
            var v = Violation(reason: hits.isEmpty ? .missing : .violation, range: sectionAnchor(spec.inSections))
            v.section = spec.inSections.flatMap { p in context.sections(matching: p).first?.title }
            v.values["terms"] = .text(spec.terms.description)
            v.values["count"] = .number(hits.count)
            v.values["min"] = .number(spec.min)
            return fail(v)

        case .table(let spec):
            return table(spec)

        case .all(let checks):
            var outcome = Outcome.pass
            for c in checks {
                let o = evaluate(c, item: item, bindings: bindings)
                outcome.notes += o.notes
                if !o.passed {
                    outcome.passed = false
                    outcome.violations += o.violations
                }
            }
            return outcome

        case .firstFailing(let checks):
            var notes: [Note] = []
            for c in checks {
                let o = evaluate(c, item: item, bindings: bindings)
                if !o.passed { return o }
                notes += o.notes
            }
            return Outcome(passed: true, notes: notes)

        case .any(let checks):
            var first: Outcome?
            for c in checks {
                let o = evaluate(c, item: item, bindings: bindings)
                if o.passed { return o }
                if first == nil { first = o }
            }
            return first ?? .pass

        case .not(let inner):
            let o = evaluate(inner, item: item, bindings: bindings)
            if !o.passed { return .pass }
            let line = o.notes.first?.line
            return fail(Violation(reason: .violation, range: line.map { SourceRange(at: SourcePosition(line: $0, column: 1, offset: 0)) },
                                  evidence: o.notes.first.flatMap { $0["words"] ?? $0["heading"] ?? $0["value"] }))

        case .when(let condition, let then, let otherwise):
            if evaluate(condition, item: item, bindings: bindings).passed {
                return evaluate(then, item: item, bindings: bindings)
            }
            return otherwise.map { evaluate($0, item: item, bindings: bindings) } ?? .pass
        }
    }

    // MARK: - Facts

    private func fail(_ v: Violation) -> Outcome { Outcome(passed: false, violations: [v]) }

    private func resolveAll(_ paths: [FactPath], _ item: FactValue?, _ bindings: [String: FactValue]) -> Resolution {
        var combined: Resolution?
        for p in paths {
            let r = context.resolve(p, item: item, bindings: bindings)
            if combined == nil {
                combined = r
            } else {
                combined?.values += r.values
                if combined?.anchor == nil { combined?.anchor = r.anchor }
            }
        }
        return combined ?? Resolution(values: [], path: "", anchor: nil)
    }

    /// The items of a list at the paths (a path without `[*]` to a list gives its items).
    private func items(_ paths: [FactPath], _ item: FactValue?, _ bindings: [String: FactValue]) -> [FactValue] {
        var out: [FactValue] = []
        for value in resolveAll(paths, item, bindings).nonEmpty {
            if let list = value.node.sequence {
                out += list.enumerated().map { FactValue(node: $1, path: "\(value.path)[\($0)]", origin: value.origin) }
            } else {
                out.append(value)
            }
        }
        return out
    }

    private func missing(_ r: Resolution) -> Violation {
        var v = Violation(reason: .missing, range: r.anchor.map { SourceRange(at: $0.node.range.start) }, path: r.path, origin: nil)
        v.values["path"] = .text(r.path)
        return v
    }

    private func textNotes(_ values: [FactValue]) -> [Note] {
        values.prefix(1).filter { $0.origin == .text }.map {
            Note(kind: .factFromText, line: $0.node.range.start.line, data: ["path": $0.path, "value": $0.text ?? ""])
        }
    }

    private func normalise(_ s: String) -> String {
        s.trimmed(of: .whitespacesAndNewlines).lowercased()
    }

    private func date(_ v: FactValue) -> PlanDate? {
        v.text.flatMap { PlanDate(parsing: $0) }
    }

    private func invalidDate(_ v: FactValue) -> Violation {
        Violation(reason: .invalid, range: v.node.range, path: v.path, evidence: v.text, origin: v.origin,
                  values: ["value": .text(v.text ?? ""), "path": .text(v.path)])
    }

    private func compare(_ paths: [FactPath], _ item: FactValue?, _ bindings: [String: FactValue], any: Bool, expected: String,
                         _ ok: (String) -> Bool) -> Outcome {
        let r = resolveAll(paths, item, bindings)
        let values = r.nonEmpty
        guard !values.isEmpty else { return fail(missing(r)) }
        var violations: [Violation] = []
        for v in values {
            let text = v.text ?? ""
            if ok(text) {
                if any { return Outcome(passed: true, notes: textNotes([v])) }
            } else {
                violations.append(Violation(reason: .violation, range: v.node.range, path: v.path, evidence: text, origin: v.origin,
                                            values: ["value": .text(text), "expected": .text(expected), "path": .text(v.path)]))
            }
        }
        if violations.isEmpty { return Outcome(passed: true, notes: textNotes(values)) }
        return Outcome(passed: false, violations: any ? Array(violations.prefix(1)) : violations)
    }

    private func dateWithin(_ spec: DateWithin, _ item: FactValue?, _ bindings: [String: FactValue]) -> Outcome {
        let refValues = context.resolve(spec.reference, item: item, bindings: bindings).nonEmpty
        guard let refValue = refValues.first, let reference = date(refValue) else {
            if let bad = refValues.first { return fail(invalidDate(bad)) }
            return Outcome(passed: true, notes: [Note(kind: .undecided, line: nil, data: ["check": "date_within", "path": spec.reference.description])])
        }
        let r = resolveAll(spec.paths, item, bindings)
        guard !r.nonEmpty.isEmpty else { return fail(missing(r)) }
        var dated: [(PlanDate, FactValue)] = []
        var violations: [Violation] = []
        for v in r.nonEmpty {
            if let d = date(v) { dated.append((d, v)) } else { violations.append(invalidDate(v)) }
        }
        if !violations.isEmpty { return Outcome(passed: false, violations: violations) }
        switch spec.pick {
        case .each: break
        case .latest: dated = dated.max(by: { $0.0 < $1.0 }).map { [$0] } ?? []
        case .earliest: dated = dated.min(by: { $0.0 < $1.0 }).map { [$0] } ?? []
        }
        for (d, v) in dated {
            let ok: Bool
            var values: [String: Placeholder] = ["date": .date(d), "reference": .date(reference), "years": .number(spec.years), "path": .text(v.path)]
            switch spec.direction {
            case .before:
                let due = d.adding(years: spec.years)
                ok = reference <= due
                values["due"] = .date(due)
            case .after:
                let limit = reference.adding(years: spec.years)
                ok = d <= limit
                values["limit"] = .date(limit)
            }
            if !ok {
                violations.append(Violation(reason: .violation, range: v.node.range, path: v.path, evidence: v.text, origin: v.origin, values: values))
            }
        }
        return violations.isEmpty ? Outcome(passed: true, notes: textNotes(dated.map(\.1))) : Outcome(passed: false, violations: violations)
    }

    // MARK: - Sections, text and tables

    private func sections(matching pattern: TermPattern) -> [Section] {
        context.sections(matching: pattern)
    }

    /// Blocks of the sections matching `pattern` (and their subsections), or of the whole body.
    private func textBlocks(in pattern: TermPattern?, includeTitles: Bool) -> [TextBlock] {
        if let pattern {
            var out: [TextBlock] = []
            var seen = Set<Int>()
            for s in sections(matching: pattern) where !seen.contains(s.lines.lowerBound) {
                seen.insert(s.lines.lowerBound)
                out += s.allBlocks.flatMap(\.textBlocks)
            }
            return out
        }
        var out = context.plan.body.blocks.flatMap(\.textBlocks)
        for s in context.plan.allSections {
            if includeTitles { out.append(TextBlock(text: s.title, at: s.titleRange.start)) }
            out += s.blocks.flatMap(\.textBlocks)
        }
        return out
    }

    private func sectionAnchor(_ pattern: TermPattern?) -> SourceRange? {
        if let pattern, let s = sections(matching: pattern).first { return s.titleRange }
        return nil
    }

    private func section(_ spec: SectionCheck) -> Outcome {
        // An explicit legal_map entry in the plan wins over headings.
        if let item = spec.item, let map = context.sectionMap, let mapped = mappedNode(map, item), let target = mapped.scalar?.text {
            let mapPath = "\(map).\(item)"
            if let s = findMapped(target) {
                if spec.notEmpty && s.isEmpty {
                    return fail(Violation(reason: .empty, range: s.titleRange, section: s.title, evidence: s.title, origin: .frontMatter,
                                          values: ["section": .text(s.title)]))
                }
                return Outcome(passed: true, notes: [Note(kind: .mappedByLegalMap, line: s.titleRange.start.line, data: ["item": item, "heading": s.title])])
            }
            return fail(Violation(reason: .missing, range: mapped.range, path: mapPath, evidence: target, origin: .frontMatter,
                                  values: ["section": .text(target), "path": .text(mapPath)]))
        }
        let found = sections(matching: spec.aliases)
        if let full = found.first(where: { !spec.notEmpty || !$0.isEmpty }) {
            return Outcome(passed: true, notes: [Note(kind: .foundUnderHeading, line: full.titleRange.start.line, data: ["heading": full.title])])
        }
        if let empty = found.first {
            return fail(Violation(reason: .empty, range: empty.titleRange, section: empty.title, evidence: empty.title,
                                  values: ["section": .text(empty.title)]))
        }
        if let terms = spec.textTerms {
            for block in textBlocks(in: nil, includeTitles: false) {
                if let m = terms.firstMatch(in: block.text) {
                    let range = block.range(ofScalars: m.lower, m.upper)
                    return Outcome(passed: true, notes: [Note(kind: .foundInText, line: range.start.line, data: ["words": m.text])])
                }
            }
        }
        // Point at the plan's first heading: that is where the missing section would join.
        let firstHeading = context.plan.allSections.first.map { SourceRange(at: $0.titleRange.start) }
        return fail(Violation(reason: .missing, range: firstHeading, values: ["section": .text(spec.aliases.terms.first ?? "")]))
    }

    /// The plan's own entry for a content item in the section map (front matter only).
    private func mappedNode(_ map: FactPath, _ item: String) -> YAMLNode? {
        var node = context.plan.facts
        for c in map.components {
            guard case .key(let k) = c else { return nil }
            node = node?[k]
        }
        return node?[item]
    }

    private func findMapped(_ target: String) -> Section? {
        let wanted = normalise(target)
        for s in context.plan.allSections {
            let title = normalise(s.title)
            if title == wanted { return s }
            let number = title.prefix(while: { $0.isNumber || $0 == "." })
            if !number.isEmpty, number.trimmingCharacters(in: CharacterSet(charactersIn: ".")) == wanted.trimmingCharacters(in: CharacterSet(charactersIn: ".")) {
                return s
            }
        }
        return nil
    }

    private static let emptyCell: Set<String> = ["", "-", "–", "—", "?", "…"]

    private func table(_ spec: TableCheck) -> Outcome {
        let blocks: [Block]
        if let pattern = spec.inSections {
            blocks = sections(matching: pattern).flatMap(\.allBlocks)
        } else {
            blocks = context.plan.body.allBlocks
        }
        var best: (table: Table, columns: [Int?])?
        for case .table(let t) in blocks {
            let columns = spec.columns.map { col in t.header.firstIndex(where: { col.aliases.isFound(in: $0.text) }) }
            let score = columns.compactMap { $0 }.count
            if score > 0, score > (best?.columns.compactMap { $0 }.count ?? 0) { best = (t, columns) }
        }
        guard let (t, columns) = best else {
            var v = Violation(reason: .missing, range: sectionAnchor(spec.inSections))
            v.values["columns"] = .list(spec.columns.map(\.name))
            return fail(v)
        }
        let missingColumns = zip(spec.columns, columns).filter { $0.1 == nil }.map { $0.0.name }
        if !missingColumns.isEmpty {
            let header = SourceRange(start: t.header.first?.range.start ?? t.range.start, end: t.header.last?.range.end ?? t.range.end)
            return fail(Violation(reason: .violation, range: header, evidence: t.header.map(\.text).joined(separator: " | "),
                                  values: ["missing": .list(missingColumns), "columns": .list(spec.columns.map(\.name))]))
        }
        guard spec.filled else { return .pass }
        var violations: [Violation] = []
        for (n, row) in t.rows.enumerated() {
            for (col, index) in zip(spec.columns, columns) {
                guard let i = index else { continue }
                let cell = i < row.count ? row[i] : nil
                let text = cell?.text.trimmed(of: .whitespaces) ?? ""
                if CheckEvaluator.emptyCell.contains(text) {
                    let range = cell?.range ?? row.last?.range ?? t.range
                    violations.append(Violation(reason: .empty, range: range, evidence: row.first?.text,
                                                values: ["column": .text(col.name), "row": .number(n + 1), "item": .text(row.first?.text ?? "")]))
                }
            }
        }
        return violations.isEmpty ? .pass : Outcome(passed: false, violations: violations)
    }
}
