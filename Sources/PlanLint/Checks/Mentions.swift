// `mentions: TERMS` or `{terms, in, content, min}`: the text (of sections headed like `in`,
// and with `content` of sections whose text is about it, or the whole plan with its
// headings) mentions the terms at least `min` times.
import Foundation

public struct MentionsCheck: Sendable, CheckKind {
    static let name = "mentions"
    public var terms: TermPattern
    /// Only in sections with these heading aliases (nil: the whole body).
    public var inSections: TermPattern?
    public var min: Int
    /// Sections whose text is about this count as if headed like `in` (SectionContent.swift).
    public var content: ContentTerms?

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> MentionsCheck {
        let reader = p.reader
        if body.mapping == nil {
            return MentionsCheck(terms: try reader.terms(body, name), inSections: nil, min: 1)
        }
        try reader.checkKeys(body, allowed: ["terms", "in", "content", "min"], name)
        let min = try body["min"].map { n throws(InputError) in try reader.int(n, "mentions.min") } ?? 1
        guard min >= 1 else { throw reader.error(body, "mentions.min must be at least 1") }
        return MentionsCheck(
            terms: try reader.terms(try reader.require(body, "terms", name), "mentions.terms"),
            inSections: try body["in"].map { n throws(InputError) in try reader.terms(n, "mentions.in") },
            min: min,
            content: try body["content"].map { n throws(InputError) in try ContentTerms.parse(n, reader, "mentions.content") })
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        var hits: [(TextBlock, TermPattern.Match)] = []
        func scan(_ blocks: [TextBlock]) {
            for block in blocks {
                for m in terms.matches(in: block.text, limit: min - hits.count) {
                    hits.append((block, m))
                    if hits.count >= min { return }
                }
            }
        }
        scan(e.evaluator.textBlocks(in: inSections, includeTitles: true, for: terms))
        // The sections whose text is about it are read only when the headed ones fall short.
        if hits.count < min, content != nil {
            scan(e.evaluator.contentBlocks(in: inSections, content: content, includeTitles: true))
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
            let about = content.map { o.say(fi: " tai joiden teksti käsittelee \($0.about.fi)", sv: " eller vars text handlar om \($0.about.sv)", en: " or whose text is about \($0.about.en)") } ?? ""
            return o.line(fi: "luvuissa, joiden otsikko on kuin \(i)\(about), mainitaan\(times): \(terms)", sv: "texten i avsnitt med rubrik som \(i)\(about) nämner\(times): \(terms)",
                          en: "the text of sections headed like \(i)\(about) mentions\(times): \(terms)")
        }
        return o.line(fi: "tekstissä mainitaan\(times): \(terms)", sv: "texten nämner\(times): \(terms)", en: "the text mentions\(times): \(terms)")
    }
}
