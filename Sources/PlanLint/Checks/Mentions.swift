// `mentions: TERMS` or `{terms, in, min}`: the text (of sections headed like `in`, or the
// whole plan with its headings) mentions the terms at least `min` times.
import Foundation

public struct MentionsCheck: Sendable, CheckKind {
    static let name = "mentions"
    public var terms: TermPattern
    /// Only in sections with these heading aliases (nil: the whole body).
    public var inSections: TermPattern?
    public var min: Int

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> MentionsCheck {
        let reader = p.reader
        if body.mapping == nil {
            return MentionsCheck(terms: try reader.terms(body, name), inSections: nil, min: 1)
        }
        try reader.checkKeys(body, allowed: ["terms", "in", "min"], name)
        let min = try body["min"].map { n throws(InputError) in try reader.int(n, "mentions.min") } ?? 1
        guard min >= 1 else { throw reader.error(body, "mentions.min must be at least 1") }
        return MentionsCheck(
            terms: try reader.terms(try reader.require(body, "terms", name), "mentions.terms"),
            inSections: try body["in"].map { n throws(InputError) in try reader.terms(n, "mentions.in") },
            min: min)
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        let blocks = e.evaluator.textBlocks(in: inSections, includeTitles: true, for: terms)
        var hits: [(TextBlock, TermPattern.Match)] = []
        for block in blocks {
            for m in terms.matches(in: block.text, limit: min - hits.count) {
                hits.append((block, m))
                if hits.count >= min { break }
            }
            if hits.count >= min { break }
        }
        if hits.count >= min {
            return Outcome(passed: true, notes: hits.prefix(1).map { Note(kind: .mentioned, line: $0.0.range(ofScalars: $0.1.lower, $0.1.upper).start.line, data: ["words": $0.1.text]) })
        }
        var v = Violation(reason: hits.isEmpty ? .missing : .violation, range: e.evaluator.sectionAnchor(inSections))
        v.section = inSections.flatMap { p in e.context.sections(matching: p).first?.title }
        v.values["terms"] = .text(terms.description)
        v.values["count"] = .number(hits.count)
        v.values["min"] = .number(min)
        return .fail(v)
    }

    func outline(_ o: Outline) -> String {
        let times = min > 1 ? o.say(fi: " \(min) kertaa", sv: " \(min) gånger", en: " \(min) times") : ""
        if let i = inSections {
            return o.line(fi: "luvuissa, joiden otsikko on kuin \(i), mainitaan\(times): \(terms)", sv: "texten i avsnitt med rubrik som \(i) nämner\(times): \(terms)",
                          en: "the text of sections headed like \(i) mentions\(times): \(terms)")
        }
        return o.line(fi: "tekstissä mainitaan\(times): \(terms)", sv: "texten nämner\(times): \(terms)", en: "the text mentions\(times): \(terms)")
    }
}
