// `mentions: TERMS` or `{terms, in, content, min}`: the text (of sections headed like `in`,
// and with `content` of sections whose text is about it, or the whole plan with its
// headings) mentions the terms at least `min` times. With `sentence: [TERMS, TERMS…]` in
// place of `terms`, what counts is one sentence holding a term of every list (Sentences.swift).
import Foundation

public struct MentionsCheck: Sendable, CheckKind {
    static let name = "mentions"
    /// The terms; with `sentence`, its first list.
    public var terms: TermPattern
    /// With `sentence:`, the lists one sentence must hold a term of each of (else empty).
    public var sentence: [TermPattern] = []
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
        try reader.checkKeys(body, allowed: ["terms", "sentence", "in", "content", "min"], name)
        let min = try body["min"].map { n throws(InputError) in try reader.int(n, "mentions.min") } ?? 1
        guard min >= 1 else { throw reader.error(body, "mentions.min must be at least 1") }
        var sentence: [TermPattern] = []
        if let node = body["sentence"] {
            guard body["terms"] == nil else { throw reader.error(node, "mentions takes terms or sentence, not both") }
            guard let lists = node.sequence, lists.count >= 2, lists.allSatisfy({ $0.sequence != nil }) else {
                throw reader.error(node, "mentions.sentence must be a list of at least two term lists (one sentence holds a term of each)")
            }
            for list in lists { sentence.append(try reader.terms(list, "mentions.sentence")) }
        }
        let terms: TermPattern
        if let first = sentence.first { terms = first } else { terms = try reader.terms(try reader.require(body, "terms", name), "mentions.terms") }
        var check = MentionsCheck(
            terms: terms,
            inSections: try body["in"].map { n throws(InputError) in try reader.terms(n, "mentions.in") },
            min: min,
            content: try body["content"].map { n throws(InputError) in try ContentTerms.parse(n, reader, "mentions.content") })
        check.sentence = sentence
        return check
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        var hits: [(TextBlock, TermPattern.Match)] = []
        func scan(_ blocks: [TextBlock]) {
            for block in blocks {
                for m in matches(in: block.text, limit: min - hits.count) {
                    hits.append((block, m))
                    if hits.count >= min { return }
                }
            }
        }
        var blocks = e.evaluator.textBlocks(in: inSections, includeTitles: true, for: terms)
        for list in sentence.dropFirst() { blocks = e.context.text.filter(blocks, for: list) }
        scan(blocks)
        // The sections whose text is about it are read only when the headed ones fall short.
        if hits.count < min, content != nil {
            scan(e.evaluator.contentBlocks(in: inSections, content: content, includeTitles: true))
        }
        if hits.count >= min {
            return Outcome(passed: true, notes: hits.prefix(1).map { Note(kind: .mentioned, line: $0.0.range(ofScalars: $0.1.lower, $0.1.upper).start.line, data: ["words": $0.1.text]) })
        }
        var v = Violation(reason: hits.isEmpty ? .missing : .violation, range: e.evaluator.sectionAnchor(inSections))
        v.section = inSections.flatMap { p in e.context.sections(matching: p).first?.title }
        v.values["terms"] = .text(description)
        v.values["count"] = .number(hits.count)
        v.values["min"] = .number(min)
        return .fail(v)
    }

    /// The matches in `text`: of the terms, or with `sentence` the start of each sentence
    /// holding all lists (its first 80 characters, up to its end, are the words noted).
    func matches(in text: String, limit: Int) -> [TermPattern.Match] {
        guard !sentence.isEmpty else { return terms.matches(in: text, limit: limit) }
        var starts: [[Int]] = []
        for list in sentence {
            let found = list.matches(in: text)
            guard !found.isEmpty else { return [] }
            starts.append(found.map(\.lower))
        }
        let scalars = Array(text.unicodeScalars)
        return Sentences.holdingAll(starts, in: scalars, limit: limit).map { s in
            let upper = Swift.min(s.start + 80, s.end)
            var words = String.UnicodeScalarView()
            words.append(contentsOf: scalars[s.start..<upper])
            return TermPattern.Match(lower: s.start, upper: upper, text: String(words))
        }
    }

    /// The terms as written, or the sentence's lists joined by " + ".
    var description: String {
        sentence.isEmpty ? terms.description : sentence.map { "(\($0.description))" }.joined(separator: " + ")
    }

    func outline(_ o: Outline) -> String {
        let times = min > 1 ? o.say(fi: " \(min) kertaa", sv: " \(min) gånger", en: " \(min) times") : ""
        let terms = description
        let what = sentence.isEmpty
            ? (fi: "mainitaan\(times): \(terms)", sv: "nämner\(times): \(terms)", en: "mentions\(times): \(terms)")
            : (fi: "mainitaan\(times) samassa virkkeessä termi kustakin luettelosta: \(terms)", sv: "nämner\(times) i samma mening en term ur varje lista: \(terms)",
               en: "mentions\(times), in one sentence, a term of each list: \(terms)")
        if let i = inSections {
            let about = content.map { o.say(fi: " tai joiden teksti käsittelee \($0.about.fi)", sv: " eller vars text handlar om \($0.about.sv)", en: " or whose text is about \($0.about.en)") } ?? ""
            return o.line(fi: "luvuissa, joiden otsikko on kuin \(i)\(about), \(what.fi)", sv: "texten i avsnitt med rubrik som \(i)\(about) \(what.sv)",
                          en: "the text of sections headed like \(i)\(about) \(what.en)")
        }
        return o.line(fi: "tekstissä \(what.fi)", sv: "texten \(what.sv)", en: "the text \(what.en)")
    }
}
