// Robustness: thousands of deterministic random mutations of a plan document never crash the
// loader; each gives a tree with sane ranges or a YAMLError with a sane position.

import PlanLintYAML
import Testing

/// A 64-bit linear congruential generator (Knuth's MMIX constants), for repeatable runs.
private struct LCG {
    var state: UInt64

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

@Suite("Fuzz")
struct FuzzTests {
    static let document = planFixture + """
        defaults: &oletus {body: kunnanvaltuusto, minute: "§ 1"}
        reviews:
          - *oletus
          - '<<': *oletus
            date: !!str 2027-11-30
        budget_linkage:
          statement: >
            Suunnitelma otetaan huomioon
            talousarviossa 2026.
          budget_years: [2026, 2027, 2028]
        ? [monimutkainen, avain]
        : 'arvo ''lainattu'''
        kuvaus: |
          Rivi 🙂
            sisennetty

        """

    /// Fragments that stress the scanner, the parser and the loader.
    static let fragments: [[UInt8]] = [
        ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "\"", "'", "&a ", "*a", "*oletus",
        "!!int ", "!!float ", "!", "|", ">", "#", "\t", "\n", " ", "  ", "ä", "🙂", "---\n",
        "...\n", "? ", "%YAML 1.2\n", "@", "`", "\\", "\r", "<<: ", "~", "0x", ".inf",
    ].map { Array($0.utf8) } + [[0xFF], [0x00], [0xC3], [0xE2, 0x80], [0x07], [0xEF, 0xBB, 0xBF]]

    @Test("2000 mutations of a plan: a tree or a YAMLError, never a crash, the same each time")
    func mutations() {
        let original = Array(Self.document.utf8)
        var rng = LCG(state: 0x706C_616E_6C69_6E74)
        var loaded = 0
        var failed = 0
        for _ in 0..<2000 {
            var bytes = original
            for _ in 0...rng.below(4) { mutate(&bytes, &rng) }
            let first = Result { () throws(YAMLError) -> YAMLNode? in try YAMLLoader.load(bytes: bytes, file: "fuzz.yaml") }
            switch first {
            case .success(let root):
                if let root { checkRanges(root, size: bytes.count) }
                loaded += 1
            case .failure(let error):
                failed += 1
                #expect(error.file == "fuzz.yaml")
                #expect(error.position.line >= 1 && error.position.column >= 1)
                #expect((0...bytes.count).contains(error.position.offset))
                #expect(!error.message.isEmpty)
            }
            // The loader keeps no state between documents: the same bytes give the same tree
            // or the same error, position included.
            let again = Result { () throws(YAMLError) -> YAMLNode? in try YAMLLoader.load(bytes: bytes, file: "fuzz.yaml") }
            #expect(describe(first) == describe(again))
        }
        // The mutations are neither all harmless nor all fatal.
        #expect(loaded > 100)
        #expect(failed > 100)
    }

    private func describe(_ r: Result<YAMLNode?, YAMLError>) -> String {
        switch r {
        case .success(let node): return "tree \(node.map { String($0.hashValue) } ?? "empty")"
        case .failure(let e): return "error \(e.position.offset) \(e.message)"
        }
    }

    private func mutate(_ bytes: inout [UInt8], _ rng: inout LCG) {
        let at = rng.below(bytes.count + 1)
        switch rng.below(5) {
        case 0 where at < bytes.count:
            bytes.replaceSubrange(at...at, with: Self.fragments[rng.below(Self.fragments.count)])
        case 1:
            bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.below(8)))
        case 2:
            bytes.insert(contentsOf: Self.fragments[rng.below(Self.fragments.count)], at: at)
        case 3:
            let from = rng.below(bytes.count)
            let span = bytes[from..<min(bytes.count, from + 1 + rng.below(40))]
            bytes.insert(contentsOf: Array(span), at: min(at, bytes.count))
        default:
            let other = rng.below(bytes.count)
            if at < bytes.count { bytes.swapAt(at, other) }
        }
    }

    private func checkRanges(_ node: YAMLNode, size: Int) {
        #expect(node.range.start.offset <= node.range.end.offset)
        #expect(node.range.end.offset <= size)
        #expect(node.range.start.line >= 1 && node.range.start.column >= 1)
        switch node.content {
        case .scalar: break
        case .sequence(let items): items.forEach { checkRanges($0, size: size) }
        case .mapping(let pairs):
            for pair in pairs {
                checkRanges(pair.key, size: size)
                checkRanges(pair.value, size: size)
            }
        }
    }
}
