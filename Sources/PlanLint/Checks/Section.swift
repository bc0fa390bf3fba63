// `section: {aliases, item, not_empty, content, text, unless}`: a section headed like `aliases`
// exists and is not empty. `item` names the content item in the plan's section map
// (`legal_map`, declared in derive:), which wins over headings; a heading wins over `content`,
// a section under its own heading whose text says enough of the item (SectionContent.swift);
// `text` terms found in the body also count. Neither counts a paragraph holding an `unless`
// term (the statute quoted or restated: its list of contents says what a plan must hold, not
// what this one holds).
import Foundation

public struct SectionCheck: Sendable, CheckKind {
    static let name = "section"
    public var aliases: TermPattern
    /// The content item's key in the plan's section map, if a plan may map it explicitly.
    public var item: String?
    public var notEmpty: Bool
    /// Terms that, found in the text when no heading matches, still show the item is there.
    public var textTerms: TermPattern?
    /// A paragraph holding one of these is no evidence of the item (a quoted statute).
    public var unless: TermPattern?
    /// The item's words: a section whose text holds enough of them counts when no heading does.
    public var content: ContentTerms?

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> SectionCheck {
        let reader = p.reader
        try reader.checkKeys(body, allowed: ["aliases", "item", "not_empty", "content", "text", "unless"], name)
        return SectionCheck(
            aliases: try reader.terms(try reader.require(body, "aliases", name), "section.aliases"),
            item: try body["item"].map { n throws(InputError) in try reader.string(n, "section.item") },
            notEmpty: try p.bool(body, "not_empty") ?? true,
            textTerms: try body["text"].map { n throws(InputError) in try reader.terms(n, "section.text") },
            unless: try body["unless"].map { n throws(InputError) in try reader.terms(n, "section.unless") },
            content: try body["content"].map { n throws(InputError) in try ContentTerms.parse(n, reader, "section.content") })
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        let context = e.context, ev = e.evaluator
        // An explicit entry in the plan's section map wins over headings.
        if let item, let map = context.sectionMap, let mapped = mappedNode(context, map, item), let target = mapped.scalar?.text {
            let mapPath = "\(map).\(item)"
            if let s = findMapped(context, target) {
                if notEmpty && s.isEmpty {
                    return .fail(Violation(reason: .empty, range: s.titleRange, section: s.title, evidence: s.title, origin: .frontMatter,
                                           values: ["section": .text(s.title)]))
                }
                return Outcome(passed: true, notes: [Note(kind: .mappedByLegalMap, line: s.titleRange.start.line, data: ["item": item, "heading": s.title])])
            }
            return .fail(Violation(reason: .missing, range: mapped.range, path: mapPath, evidence: target, origin: .frontMatter,
                                   values: ["section": .text(target), "path": .text(mapPath)]))
        }
        let found = context.sections(matching: aliases)
        if let full = found.first(where: { !notEmpty || !$0.isEmpty }) {
            return Outcome(passed: true, notes: [Note(kind: .foundUnderHeading, line: full.titleRange.start.line, data: ["heading": full.title])])
        }
        if let empty = found.first {
            return .fail(Violation(reason: .empty, range: empty.titleRange, section: empty.title, evidence: empty.title,
                                   values: ["section": .text(empty.title)]))
        }
        if let content, let c = content.classify(in: context, unless: unless) {
            var data = ["heading": c.section.title, "words": c.words.prefix(8).joined(separator: ", ") + (c.words.count > 8 ? " …" : "")]
            for l in Language.allCases { data["about_" + l.rawValue] = content.about[l] }
            return Outcome(passed: true, notes: [Note(kind: .foundByContent, line: c.section.titleRange.start.line, data: data)])
        }
        if let terms = textTerms {
            for block in ev.textBlocks(in: nil, includeTitles: false, for: terms) {
                if let m = terms.firstMatch(in: block.text), !(unless?.isFound(in: block.text) ?? false) {
                    let range = block.range(ofScalars: m.lower, m.upper)
                    return Outcome(passed: true, notes: [Note(kind: .foundInText, line: range.start.line, data: ["words": m.text])])
                }
            }
        }
        // Point at the plan's first heading: that is where the missing section would join.
        let firstHeading = context.plan.allSections.first.map { SourceRange(at: $0.titleRange.start) }
        return .fail(Violation(reason: .missing, range: firstHeading, values: ["section": .text(aliases.terms.first ?? "")]))
    }

    /// The plan's own entry for a content item in the section map (front matter only).
    private func mappedNode(_ context: EvaluationContext, _ map: FactPath, _ item: String) -> YAMLNode? {
        var node = context.plan.facts
        for c in map.components {
            guard case .key(let k) = c else { return nil }
            node = node?[k]
        }
        return node?[item]
    }

    private func findMapped(_ context: EvaluationContext, _ target: String) -> Section? {
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

    private func normalise(_ s: String) -> String { s.trimmed(of: .whitespacesAndNewlines).lowercased() }

    func outline(_ o: Outline) -> String {
        var s = o.indent + o.say(fi: "ei-tyhjä luku, jonka otsikko on kuin: \(aliases)", sv: "ett avsnitt som inte är tomt, med rubrik som: \(aliases)",
                                 en: "a non-empty section headed like: \(aliases)")
        if let item { s += o.say(fi: " (tai suunnitelman osoittama luku \(item))", sv: " (eller det avsnitt planen anger för \(item))", en: " (or the section the plan maps \(item) to)") }
        if let c = content {
            s += o.say(fi: "; tai luku, jonka tekstissä on vähintään \(c.minTerms) eri sanaa näistä: \(c.terms)",
                       sv: "; eller ett avsnitt vars text har minst \(c.minTerms) olika ord av: \(c.terms)",
                       en: "; or a section whose text holds at least \(c.minTerms) distinct words of: \(c.terms)")
        }
        if let t = textTerms { s += o.say(fi: "; tai tekstissä mainitaan: \(t)", sv: "; eller texten nämner: \(t)", en: "; or the text mentions: \(t)") }
        if let u = unless { s += o.say(fi: " (ei kappaleessa, jossa on: \(u))", sv: " (inte i ett stycke med: \(u))", en: " (not in a paragraph holding: \(u))") }
        return s + "\n"
    }
}
