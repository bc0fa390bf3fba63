// The text of a plan's body, listed once per plan, with the blocks each term list can match in.
//
// Checks and fact extractors look for terms in every text block: paragraphs, list items,
// table cells and headings. A plan with very many blocks (a 1 000 000-row table has
// 2 000 000 cells) made that a matcher call per block and per rule: minutes. Here every
// block is cut into words once (the token matcher notes in which words each registered
// list can start, `TokenizedText.startLists`), and an inverted index says, for each list, which
// blocks those are. A check then visits only the blocks where its terms can occur; the
// others cannot hold a match, so what it finds is the same.
import Foundation

final class PlanTextIndex {
    /// Every text block of the body in document order: the root's blocks, then each
    /// section's heading and its own blocks.
    let blocks: [TextBlock]
    /// `isTitle[i]`: `blocks[i]` is a section heading.
    let isTitle: [Bool]

    /// For a list id, the blocks (indices, ascending) where a term of the list can start.
    private var postings: [Int32: [Int32]] = [:]
    /// Blocks the token matcher leaves to regular expressions: a candidate for every list.
    private var exotic: [Int32] = []
    /// Lists registered when the index was built; a later list is not in `postings`.
    private var knownLists: Int32 = -1
    /// The index of a block by its byte offset, when offsets are unique (nil otherwise).
    private var byOffset: [Int: Int32]?
    /// What `candidates(for:)` found, by the lists asked for.
    private var found: [[Int32]: [Int32]] = [:]
    private var foundSets: [[Int32]: Set<Int32>] = [:]
    /// The words of each block, as the token matcher counts them (`ContentTerms.countWords`
    /// for a block it leaves to regular expressions).
    private var wordCounts: [Int32] = []

    init(_ plan: Plan) {
        var blocks: [TextBlock] = []
        var isTitle: [Bool] = []
        func add(_ section: Section) {
            for b in section.blocks {
                for t in b.textBlocks {
                    blocks.append(t)
                    isTitle.append(false)
                }
            }
        }
        add(plan.body)
        for s in plan.allSections {
            blocks.append(TextBlock(text: s.title, at: s.titleRange.start))
            isTitle.append(true)
            add(s)
        }
        self.blocks = blocks
        self.isTitle = isTitle
    }

    private func build() {
        guard knownLists < 0 else { return }
        knownLists = MatcherRegistry.shared.registeredLists
        for (i, block) in blocks.enumerated() {
            let t = MatcherRegistry.shared.tokenized(block.text)
            wordCounts.append(Int32(t.exotic ? ContentTerms.countWords(block.text) : t.count))
            if t.exotic {
                exotic.append(Int32(i))
                continue
            }
            for list in t.startLists { postings[list, default: []].append(Int32(i)) }
        }
        var offsets: [Int: Int32] = [:]
        offsets.reserveCapacity(blocks.count)
        for (i, b) in blocks.enumerated() {
            if offsets.updateValue(Int32(i), forKey: b.range.start.offset) != nil {
                byOffset = nil
                return
            }
        }
        byOffset = offsets
    }

    /// The indices (ascending) of the blocks that can hold a match of `terms`; nil when any
    /// block can (a regular expression with no word it needs, or a list registered after
    /// the index was built).
    func candidates(for terms: TermPattern) -> [Int32]? {
        guard let keys = terms.requiredListIDs else { return nil }
        build()
        guard keys.allSatisfy({ $0 < knownLists }) else { return nil }
        if let known = found[keys] { return known }
        var union = exotic
        for k in keys { union += postings[k] ?? [] }
        if keys.count > 1 || (!exotic.isEmpty && !union.isEmpty) { union = Array(Set(union)).sorted() }
        found[keys] = union
        return union
    }

    /// The blocks of the whole body that can hold a match of any of `terms`, in document
    /// order: headings when `titles`, the other blocks when `text`.
    func blocks(for terms: [TermPattern], titles: Bool, text: Bool = true) -> [TextBlock] {
        var union: [Int32] = []
        for t in terms {
            guard let found = candidates(for: t) else {
                return zip(blocks, isTitle).filter { $0.1 ? titles : text }.map(\.0)
            }
            union += found
        }
        if terms.count > 1 { union = Array(Set(union)).sorted() }
        return union.filter { isTitle[Int($0)] ? titles : text }.map { blocks[Int($0)] }
    }

    /// The index of the body's block (or heading) that starts at `offset`, when offsets tell
    /// blocks apart.
    func index(atOffset offset: Int) -> Int32? {
        build()
        return byOffset?[offset]
    }

    /// The words of block `i` (`index(atOffset:)`).
    func wordCount(_ i: Int32) -> Int { Int(wordCounts[Int(i)]) }

    /// The blocks that can hold a match of `terms`, as a set; nil when any block can.
    func candidateSet(for terms: TermPattern) -> Set<Int32>? {
        guard let keys = terms.requiredListIDs, let list = candidates(for: terms) else { return nil }
        if let known = foundSets[keys] { return known }
        let set = Set(list)
        foundSets[keys] = set
        return set
    }

    /// Of `some` (blocks of the body, e.g. those of a few sections), those that can hold a
    /// match of `terms`, in their order.
    func filter(_ some: [TextBlock], for terms: TermPattern) -> [TextBlock] {
        guard some.count > 64, let found = candidates(for: terms), let byOffset else { return some }
        let wanted = Set(found)
        return some.filter { b in
            guard let i = byOffset[b.range.start.offset] else { return true }
            return wanted.contains(i)
        }
    }
}
