// `date_within: {path, years, of, direction, pick}`: the date lies within `years` of a
// reference date (`of`, default `$as_of`). `before`: at most `years` before it (it has not
// lapsed); `after`: at most `years` after it (a period is not too long).
import Foundation

public struct DateWithin: Sendable, CheckKind {
    public enum Direction: String, Sendable {
        /// The date is at most `years` before the reference (it has not lapsed).
        case before
        /// The date is at most `years` after the reference (a period is not too long).
        case after
    }

    /// Which of several dates counts.
    public enum Pick: String, Sendable {
        case each, latest, earliest
    }

    static let name = "date_within"
    public var paths: [FactPath]
    public var years: Int
    public var reference: FactPath
    public var direction: Direction
    public var pick: Pick

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> DateWithin {
        let reader = p.reader
        try reader.checkKeys(body, allowed: ["path", "years", "of", "direction", "pick"], name)
        let years = try reader.int(try reader.require(body, "years", name), "date_within.years")
        guard (0...100).contains(years) else { throw reader.error(body, "date_within.years must be between 0 and 100") }
        var direction = Direction.before
        if let d = body["direction"] {
            let t = try reader.string(d, "date_within.direction")
            guard let v = Direction(rawValue: t) else { throw reader.error(d, "date_within.direction must be before or after, found '\(t)'") }
            direction = v
        }
        var pick = Pick.each
        if let n = body["pick"] {
            let t = try reader.string(n, "date_within.pick")
            guard let v = Pick(rawValue: t) else { throw reader.error(n, "date_within.pick must be each, latest or earliest, found '\(t)'") }
            pick = v
        }
        let reference = try body["of"].map { n throws(InputError) in try p.path(n, "date_within.of") } ?? FactPath(root: .variable("as_of"), components: [])
        return DateWithin(paths: try p.paths(try reader.require(body, "path", name), "date_within.path"),
                          years: years, reference: reference, direction: direction, pick: pick)
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        let ev = e.evaluator
        let refValues = e.resolve(reference).nonEmpty
        guard let refValue = refValues.first, let ref = ev.date(refValue) else {
            if let bad = refValues.first { return .fail(ev.invalidDate(bad)) }
            return Outcome(passed: true, notes: [Note(kind: .undecided, line: nil, data: ["check": "date_within", "path": reference.description])])
        }
        let r = e.resolveAll(paths)
        guard !r.nonEmpty.isEmpty else { return .fail(ev.missing(r)) }
        var dated: [(PlanDate, FactValue)] = []
        var violations: [Violation] = []
        for v in r.nonEmpty {
            if let d = ev.date(v) { dated.append((d, v)) } else { violations.append(ev.invalidDate(v)) }
        }
        if !violations.isEmpty { return Outcome(passed: false, violations: violations) }
        switch pick {
        case .each: break
        case .latest: dated = dated.max(by: { $0.0 < $1.0 }).map { [$0] } ?? []
        case .earliest: dated = dated.min(by: { $0.0 < $1.0 }).map { [$0] } ?? []
        }
        for (d, v) in dated {
            let ok: Bool
            var values: [String: Placeholder] = ["date": .date(d), "reference": .date(ref), "years": .number(years), "path": .text(v.path)]
            switch direction {
            case .before:
                let due = d.adding(years: years)
                ok = ref <= due
                values["due"] = .date(due)
            case .after:
                let limit = ref.adding(years: years)
                ok = d <= limit
                values["limit"] = .date(limit)
            }
            if !ok {
                violations.append(Violation(reason: .violation, range: v.node.range, path: v.path, evidence: v.text, origin: v.origin, values: values))
            }
        }
        return violations.isEmpty ? Outcome(passed: true, notes: ev.textNotes(dated.map(\.1))) : Outcome(passed: false, violations: violations)
    }

    func outline(_ o: Outline) -> String {
        let p = o.paths(paths), reference = o.paths([self.reference])
        let which = o.say(fi: ["each": "jokainen", "latest": "viimeisin", "earliest": "varhaisin"][pick.rawValue] ?? pick.rawValue,
                          sv: ["each": "varje", "latest": "senaste", "earliest": "tidigaste"][pick.rawValue] ?? pick.rawValue, en: pick.rawValue)
        switch direction {
        case .before:
            return o.line(fi: "\(p) (\(which)) on enintään \(years) vuotta ennen vertailupäivää (\(reference))", sv: "\(p) (\(which)) är högst \(years) år före \(reference)",
                          en: "\(p) (\(which)) is at most \(years) years before \(reference)")
        case .after:
            return o.line(fi: "\(p) (\(which)) on enintään \(years) vuotta vertailupäivän (\(reference)) jälkeen", sv: "\(p) (\(which)) är högst \(years) år efter \(reference)",
                          en: "\(p) (\(which)) is at most \(years) years after \(reference)")
        }
    }
}
