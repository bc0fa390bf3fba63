// Sections by what they say: a chapter under the municipality's own heading ("Tuki oikeaan
// aikaan", "Stöd i rätt tid") whose text is about a content item counts for it.
//
// The pack declares, per content item, the words of the item (base forms, matched with the
// packs' other terms) and a threshold: how many distinct terms a section must hold and how
// densely. A section qualifies on its heading and its own paragraphs and table cells (not its
// subsections, which are judged on their own), less the paragraphs that quote or restate the
// statute (the check's `unless`): the statute's list of contents says what a plan must hold,
// not what this one holds. The section with the most distinct terms wins, and the words that
// decided it are kept for the note. No law and no wording lives here.
import Foundation

/// `content:` of a `section` check: the item's words and the threshold a section must meet.
public struct ContentTerms: Sendable {
    /// What the item is about, for the note ("ehkäisevää ja edistävää työtä").
    public var about: Localized
    /// All the terms, as one list (one scan of a section finds every occurrence).
    public var terms: TermPattern
    /// Each term alone, to tell which term a match is of (distinct terms are counted).
    let each: [TermPattern]
    /// A section needs at least this many distinct terms …
    public var minTerms: Int
    /// … and at least this many matched words in every 100 of its words.
    public var per100Words: Double
    /// Sections headed so never count (a table of contents lists every heading).
    public var notIn: TermPattern?

    static let keys = ["about", "terms", "threshold"]
    static let thresholdKeys = ["min_terms", "per_100_words", "not_in"]

    static func parse(_ body: YAMLNode, _ reader: NodeReader, _ what: String) throws(InputError) -> ContentTerms {
        try reader.checkKeys(body, allowed: keys, what)
        let termsNode = try reader.require(body, "terms", what)
        let list = try reader.strings(termsNode, "\(what).terms")
        var each: [TermPattern] = []
        for t in list {
            do { each.append(try TermPattern([t])) } catch {
                throw reader.error(termsNode, "\(what).terms: term '\(error.term)' is \(error.problem)")
            }
        }
        let threshold = try reader.require(body, "threshold", what)
        try reader.checkKeys(threshold, allowed: thresholdKeys, "\(what).threshold")
        let minTerms = try reader.int(try reader.require(threshold, "min_terms", "\(what).threshold"), "\(what).threshold.min_terms")
        let perNode = try reader.require(threshold, "per_100_words", "\(what).threshold")
        guard let per = perNode.scalar.flatMap({ Double($0.text) }), per >= 0, per <= 100 else {
            throw reader.error(perNode, "\(what).threshold.per_100_words must be a number from 0 to 100")
        }
        guard minTerms >= 1 else { throw reader.error(threshold, "\(what).threshold.min_terms must be at least 1") }
        guard minTerms <= list.count else {
            throw reader.error(threshold, "\(what).threshold.min_terms is \(minTerms), but only \(list.count) terms are listed: no section could ever count")
        }
        return ContentTerms(
            about: try reader.localized(try reader.require(body, "about", what), "\(what).about"),
            terms: try reader.terms(termsNode, "\(what).terms"), each: each, minTerms: minTerms, per100Words: per,
            notIn: try threshold["not_in"].map { n throws(InputError) in try reader.terms(n, "\(what).threshold.not_in") })
    }

    /// A section that says enough of the item, and the words that show it.
    struct Classified {
        var section: Section
        /// The words as written, the first occurrence of each distinct term, in text order.
        var words: [String]
        var occurrences: Int
        var wordCount: Int
    }

    /// The section that best meets the threshold (the most distinct terms), or nil.
    /// `unless`: paragraphs holding one of these terms are left out (the statute quoted).
    func classify(in context: EvaluationContext, unless: TermPattern?) -> Classified? {
        var best: Classified?
        for c in qualifying(in: context, unless: unless) where best == nil || c.words.count > best!.words.count { best = c }
        return best
    }

    /// Every content section of the plan that meets the threshold, in document order;
    /// worked out once per plan for each list of terms and statute marks.
    func qualifying(in context: EvaluationContext, unless: TermPattern?) -> [Classified] {
        let key: [ObjectIdentifier?] = [terms.identity, unless?.identity]
        if let known = context.sectionsByContent[key] { return known }
        let found = qualifying(context.contentSections, unless: unless, index: context.text)
        context.sectionsByContent[key] = found
        return found
    }

    /// Every section that meets the threshold, in document order.
    /// With `index`, a block where the terms (or `unless`) cannot match is not searched, and
    /// its words are counted once per plan (a table of a million rows has two million cells).
    func qualifying(_ sections: [Section], unless: TermPattern?, index: PlanTextIndex? = nil) -> [Classified] {
        var out: [Classified] = []
        let termBlocks = index?.candidateSet(for: terms)
        let unlessBlocks = unless.flatMap { index?.candidateSet(for: $0) }
        // The term a matched word form is of, looked up once per form.
        var termOf: [String: Int] = [:]
        func term(of text: String) -> Int? {
            let form = text.lowercased()
            if let known = termOf[form] { return known >= 0 ? known : nil }
            let i = each.indices.first { each[$0].isFound(in: text) }
            termOf[form] = i ?? -1
            return i
        }
        for s in sections {
            if let notIn, notIn.isFound(in: s.title) { continue }
            var texts: [(String, Int32?)] = [(s.title, index?.index(atOffset: s.titleRange.start.offset))]
            for block in s.blocks {
                for t in block.textBlocks {
                    let i = index?.index(atOffset: t.range.start.offset)
                    if let unless, i.map({ unlessBlocks?.contains($0) ?? true }) ?? true, unless.isFound(in: t.text) { continue }
                    texts.append((t.text, i))
                }
            }
            var wordCount = 0
            var occurrences = 0
            var seen = Set<Int>()
            var words: [String] = []
            for (text, i) in texts {
                if let index, let i {
                    wordCount += index.wordCount(i)
                    guard termBlocks?.contains(i) ?? true else { continue }
                } else {
                    // The matcher has cut the text into words already (and keeps it for the scan below).
                    let cut = MatcherRegistry.shared.tokenized(text)
                    wordCount += cut.exotic ? ContentTerms.countWords(text) : cut.count
                }
                for m in terms.matches(in: text) {
                    occurrences += 1
                    guard let i = term(of: m.text), !seen.contains(i) else { continue }
                    seen.insert(i)
                    words.append(m.text)
                }
            }
            guard seen.count >= minTerms, wordCount > 0, Double(occurrences) * 100 >= per100Words * Double(wordCount) else { continue }
            out.append(Classified(section: s, words: words, occurrences: occurrences, wordCount: wordCount))
        }
        return out
    }

    /// Words: runs of letters and digits (for a text the matcher leaves to regular expressions).
    static func countWords(_ text: String) -> Int {
        var n = 0
        var inWord = false
        for u in text.unicodeScalars {
            let w = CharacterSet.alphanumerics.contains(u)
            if w && !inWord { n += 1 }
            inWord = w
        }
        return n
    }
}

extension Note {
    /// A `found-by-content` note's placeholders for `common.found_by_content`.
    var byContentValues: [String: MessageValue] {
        ["heading": .text(self["heading"] ?? ""), "words": .text(self["words"] ?? ""),
         "line": line.map { .number($0) } ?? .text("?"),
         "about": .label(Localized(fi: self["about_fi"] ?? "", sv: self["about_sv"] ?? "", en: self["about_en"] ?? ""))]
    }
}

extension CheckEvaluator {
    /// The blocks of the sections whose own text is about `content` (their heading and own
    /// blocks) that are not headed like `pattern`; none when there is no `pattern` (then the
    /// whole plan is read anyway).
    func contentBlocks(in pattern: TermPattern?, content: ContentTerms?, includeTitles: Bool) -> [TextBlock] {
        var out: [TextBlock] = []
        guard pattern != nil, let content else { return out }
        let headed = Set(pattern.map { sections(matching: $0) }?.map(\.lines.lowerBound) ?? [])
        for c in content.qualifying(in: context, unless: nil) where !headed.contains(c.section.lines.lowerBound) {
            if includeTitles { out.append(TextBlock(text: c.section.title, at: c.section.titleRange.start)) }
            out += c.section.blocks.flatMap(\.textBlocks)
        }
        return out
    }
}
