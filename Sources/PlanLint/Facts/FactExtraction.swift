// Finding facts in the prose.
//
// Real plans state many facts only in the text ("Kunnanvaltuusto hyväksyi suunnitelman
// 10.12.2025 § 89"). A pack's fact extractors turn such text into the same shape the front
// matter would have, every value positioned at the words it came from. The result is a
// second fact tree, consulted only where the front matter has nothing.
import Foundation

enum FactExtraction {
    /// Builds the prose fact tree of `plan` with `extractors` (nil when nothing was found).
    static func extract(_ plan: Plan, sections: [Section], extractors: [FactExtractor], index: PlanTextIndex? = nil) -> YAMLNode? {
        let index = index ?? PlanTextIndex(plan)
        var root = YAMLNode(content: .mapping([]), range: SourceRange(at: .start))
        var found = false
        for extractor in extractors {
            guard let value = run(extractor, plan: plan, sections: sections, index: index) else { continue }
            if insert(value, at: extractor.keys[...], into: &root) { found = true }
        }
        return found ? root : nil
    }

    /// The text blocks an extractor reads, in document order (with `index`: only those where
    /// one of its patterns can match).
    static func texts(for extractor: FactExtractor, plan: Plan, sections: [Section], index: PlanTextIndex? = nil) -> [TextBlock] {
        var out: [TextBlock] = []
        func titleBlock(_ s: Section) -> TextBlock { TextBlock(text: s.title, at: s.titleRange.start) }
        if let only = extractor.inSections {
            for s in sections where only.isFound(in: s.title) {
                if extractor.source != .body { out.append(titleBlock(s)) }
                guard extractor.source != .titles else { continue }
                let blocks = s.allBlocks.flatMap(\.textBlocks)
                if extractor.joinsSection, let joined = TextBlock(joining: blocks) { out.append(joined) } else { out += blocks }
            }
            return out
        }
        if let index {
            let patterns = extractor.kind == .classify ? extractor.classes.map { $0.terms } : extractor.patterns
            return index.blocks(for: patterns, titles: extractor.source != .body, text: extractor.source != .titles)
        }
        if extractor.source != .titles { out += plan.body.blocks.flatMap(\.textBlocks) }
        for s in plan.allSections {
            if extractor.source != .body { out.append(titleBlock(s)) }
            if extractor.source != .titles { out += s.blocks.flatMap(\.textBlocks) }
        }
        return out
    }

    static func run(_ extractor: FactExtractor, plan: Plan, sections: [Section], index: PlanTextIndex? = nil) -> YAMLNode? {
        let blocks = texts(for: extractor, plan: plan, sections: sections, index: index)
        switch extractor.kind {
        case .classify:
            var items: [YAMLNode] = []
            var seen = Set<String>()
            for block in blocks {
                for (name, terms) in extractor.classes where !seen.contains(name) {
                    if let m = terms.firstMatch(in: block.text) {
                        seen.insert(name)
                        let range = block.range(ofScalars: m.lower, m.upper)
                        items.append(mapping([(extractor.classField ?? "class", scalar(name, range))], range: range))
                    }
                }
            }
            return items.isEmpty ? nil : YAMLNode(content: .sequence(items), range: items[0].range)
        case .list, .value:
            var items: [YAMLNode] = []
            let names = extractor.fields.map(\.capture)
            for block in blocks {
                // Counted once per block, not per match: a long paragraph may hold hundreds.
                var positions: TextBlock.Positions?
                var scalars: [Unicode.Scalar]?
                for pattern in extractor.patterns {
                    // A value is the first match that gives one, nearly always the first
                    // match: look for that one alone, and for the others only if it gives
                    // nothing. A pattern such as `[^.\n]{0,200}…` tries 200 characters from
                    // every position, so finding all its matches in a long paragraph costs
                    // milliseconds. The matches looked at, and their order, are the same.
                    var found = pattern.matches(in: block.text, groupNames: names, limit: extractor.kind == .value ? 1 : .max)
                    var complete = extractor.kind != .value
                    var next = 0
                    while true {
                        if next == found.count {
                            guard !complete, !found.isEmpty else { break }
                            found = pattern.matches(in: block.text, groupNames: names)
                            complete = true
                            if next == found.count { break }
                        }
                        let m = found[next]
                        next += 1
                        if let unless = extractor.unless {
                            let all = scalars ?? Array(block.text.unicodeScalars)
                            scalars = all
                            if isPreceded(by: unless, scalars: all, at: m.lower) { continue }
                        }
                        let at = positions ?? block.positions
                        positions = at
                        var pairs: [(String, YAMLNode)] = []
                        for field in extractor.fields {
                            guard let g = m.groups[field.capture] else { continue }
                            var value: String
                            switch field.conversion {
                            case .text: value = g.text.trimmed(of: .whitespaces)
                            case .yearStart: value = "\(g.text)-01-01"
                            case .yearEnd: value = "\(g.text)-12-31"
                            }
                            if let constant = field.constant { value = constant }
                            pairs.append((field.key, scalar(value, at.range(ofScalars: g.lower, g.upper))))
                        }
                        guard !pairs.isEmpty else { continue }
                        // A `value:` fact is the one scalar, not a mapping.
                        if pairs.count == 1, pairs[0].0.isEmpty {
                            items.append(pairs[0].1)
                        } else {
                            items.append(mapping(pairs, range: at.range(ofScalars: m.lower, m.upper)))
                        }
                        if extractor.kind == .value { return items[0] }
                    }
                }
            }
            if extractor.kind == .value { return nil }
            return items.isEmpty ? nil : YAMLNode(content: .sequence(items), range: items[0].range)
        }
    }

    /// True when `terms` occur in the 100 scalars before `offset` in the text of `scalars`.
    ///
    /// The window stops at the start of the sentence: "Hyvinvointikertomus hyväksyttiin
    /// 9.12.2024. Valtuusto hyväksyi suunnitelman 16.2.2025." keeps the second date.
    static func isPreceded(by terms: TermPattern, scalars: [Unicode.Scalar], at offset: Int) -> Bool {
        let end = min(offset, scalars.count)
        var start = max(0, offset - 100)
        var i = end - 1
        while i > start {
            let c = scalars[i - 1]
            if scalars[i] == "\n" { start = i + 1; break }
            if (c == "." || c == "!" || c == "?") && scalars[i].properties.isWhitespace { start = i; break }
            i -= 1
        }
        guard start < end else { return false }
        var window = String.UnicodeScalarView()
        window.append(contentsOf: scalars[start..<end])
        return terms.isFound(in: String(window))
    }

    static func scalar(_ text: String, _ range: SourceRange) -> YAMLNode {
        YAMLNode(content: .scalar(YAMLScalar(text: text, style: .plain, value: .string(text))), range: range)
    }

    static func mapping(_ pairs: [(String, YAMLNode)], range: SourceRange) -> YAMLNode {
        YAMLNode(content: .mapping(pairs.map { YAMLPair(key: scalar($0.0, $0.1.range), value: $0.1) }), range: range)
    }

    /// Puts `value` at `keys` in `root`, creating mappings on the way; keeps what is there.
    @discardableResult
    static func insert(_ value: YAMLNode, at keys: ArraySlice<String>, into root: inout YAMLNode) -> Bool {
        guard let key = keys.first, var pairs = root.mapping else { return false }
        if keys.count == 1 {
            guard !pairs.contains(where: { $0.key.scalar?.text == key }) else { return false }
            pairs.append(YAMLPair(key: scalar(key, value.range), value: value))
            root.content = .mapping(pairs)
            return true
        }
        if let i = pairs.firstIndex(where: { $0.key.scalar?.text == key }) {
            var child = pairs[i].value
            let done = insert(value, at: keys.dropFirst(), into: &child)
            pairs[i].value = child
            root.content = .mapping(pairs)
            return done
        }
        var child = YAMLNode(content: .mapping([]), range: value.range)
        let done = insert(value, at: keys.dropFirst(), into: &child)
        pairs.append(YAMLPair(key: scalar(key, value.range), value: child))
        root.content = .mapping(pairs)
        return done
    }
}
