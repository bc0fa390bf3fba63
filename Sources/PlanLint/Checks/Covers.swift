// `covers: {path, members, min}`: the values include the required members (all of them,
// or at least `min`), ignoring case.
import Foundation

struct CoversCheck: CheckKind {
    static let name = "covers"
    var paths: [FactPath]
    var members: [String]
    var min: Int?

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> CoversCheck {
        let reader = p.reader
        try reader.checkKeys(body, allowed: ["path", "members", "min"], name)
        let members = try reader.strings(try reader.require(body, "members", name), "covers.members")
        let min = try body["min"].map { n throws(InputError) in try reader.int(n, "covers.min") }
        if let m = min, m < 1 || m > members.count { throw reader.error(body, "covers.min must be between 1 and the number of members (\(members.count))") }
        return CoversCheck(paths: try p.paths(try reader.require(body, "path", name), "covers.path"), members: members, min: min)
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        let r = e.resolveAll(paths)
        let found = Set(r.nonEmpty.compactMap { $0.text?.lowercased() })
        let missingMembers = members.filter { !found.contains($0.lowercased()) }
        let present = members.count - missingMembers.count
        if missingMembers.isEmpty || (min.map { present >= $0 } ?? false) { return Outcome(passed: true, notes: e.evaluator.textNotes(r.nonEmpty)) }
        var v: Violation
        if r.nonEmpty.isEmpty {
            v = e.evaluator.missing(r)
        } else {
            let list = r.nonEmpty
            let range = SourceRange(start: list.map(\.node.range.start).min() ?? .start, end: list.map(\.node.range.end).max() ?? .start)
            v = Violation(reason: .violation, range: range, path: r.path, evidence: list.compactMap(\.text).joined(separator: ", "), origin: list[0].origin)
        }
        v.values["missing"] = .list(missingMembers)
        v.values["found"] = .list(members.filter { found.contains($0.lowercased()) })
        if let min { v.values["min"] = .number(min) }
        return .fail(v)
    }

    func outline(_ o: Outline) -> String {
        let p = o.paths(paths), m = o.values(members)
        if let min {
            return o.line(fi: "\(p) kattaa vähintään \(min) näistä: \(m)", sv: "\(p) täcker minst \(min) av: \(m)", en: "\(p) cover at least \(min) of: \(m)")
        }
        return o.line(fi: "\(p) kattaa kaikki: \(m)", sv: "\(p) täcker alla: \(m)", en: "\(p) cover: \(m)")
    }
}
