// Matching term lists on words instead of regular expressions.
//
// A list of stems and phrases (`valtuust*`, `*palvelu*`, `hyvinvoinnin tila*`) only ever
// matches whole words: every word of a term matches one word of the text, and the words
// of a phrase are joined by separators. So a text is cut into words once (letters and
// digits, folded for case as the regular expressions fold them), each distinct word is
// tested once per process against every word test of every list, and a list is matched
// on a text by looking up the words that can start one of its terms. The result is the
// same as the regular expression's (`TermPattern.pattern(of:)`): the same matches, in the
// same order, at the same positions. A `/regex/` term stays a regular expression; a list
// that mixes both merges the two, leftmost first as the regular expression would.
//
// Text with letters outside Latin-1 and Latin Extended-A (Greek, Cyrillic, ß, ſ…) is
// matched by the regular expressions instead: there, case folding is not one lowercase
// letter for one letter, and that is not worth imitating.
import Foundation

/// How one word of a term tests a word of the text (both folded for case).
enum WordTest: Hashable, Sendable {
    case equal(String)
    case prefix(String)
    case suffix(String)
    case contains(String)
    /// Any inflection or compound part of a base form (`=valtuusto`); see `Morphology`.
    case base(String)

    var stem: String {
        switch self {
        case .equal(let s), .prefix(let s), .suffix(let s), .contains(let s), .base(let s): return s
        }
    }
}

/// What lies between two words of a term in the text: `lead`, then one or more
/// separators if `separators`, then `trail` — exactly that, nothing else.
struct GapTest: Hashable, Sendable {
    var lead: String = ""
    var separators: Bool = true
    var trail: String = ""

    var isPlain: Bool { lead.isEmpty && trail.isEmpty && separators }
}

/// One stem or phrase term as a sequence of word tests.
struct TokenTerm: Sendable {
    /// Global ids of the word tests (`MatcherRegistry`).
    var words: [Int32]
    /// `gaps[k]` lies between word k and word k+1.
    var gaps: [GapTest]
    /// The tests themselves (for a word cut by a match in the middle).
    var tests: [WordTest]
}

/// The characters the matcher knows: letters and digits of Latin-1 and Latin Extended-A
/// folded as ICU folds them under `.caseInsensitive`, the separators of phrases.
enum TextChars {
    /// For scalars below 0x180: 0 = not a letter or digit, 0xFFFF = a letter whose case
    /// folding is not one scalar (ß, İ, ŉ, ſ, µ), else the folded scalar.
    static let foldTable: [UInt16] = {
        var t = [UInt16](repeating: 0, count: 0x180)
        for v in 0..<0x180 {
            guard let u = Unicode.Scalar(v), isWordCategory(u) else { continue }
            if [0xDF, 0x130, 0x149, 0x17F, 0xB5].contains(v) { t[v] = 0xFFFF; continue }
            let lower = u.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let l = lower.first, l.value < 0x180 { t[v] = UInt16(l.value) } else { t[v] = 0xFFFF }
        }
        return t
    }()

    /// A letter or digit as `TermPattern.wordChar` sees one (`[\p{L}\p{N}\u0345]`).
    static func isWordCategory(_ u: Unicode.Scalar) -> Bool {
        if u.value == 0x345 { return true }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// A character of `TermPattern.separator` (`[\s\-–]`).
    static func isSeparator(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x2D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2013, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    enum Kind { case word(Unicode.Scalar), other, exotic }

    /// What a scalar is to the matcher.
    @inline(__always)
    static func kind(_ u: Unicode.Scalar) -> Kind {
        let v = u.value
        if v < 0x80 {
            if v >= 0x61 && v <= 0x7A || v >= 0x30 && v <= 0x39 { return .word(u) }
            if v >= 0x41 && v <= 0x5A { return .word(Unicode.Scalar(v + 0x20)!) }
            return .other
        }
        if v < 0x180 {
            let f = foldTable[Int(v)]
            if f == 0 { return .other }
            if f == 0xFFFF { return .exotic }
            return .word(Unicode.Scalar(UInt32(f))!)
        }
        return isWordCategory(u) ? .exotic : .other
    }

    /// A non-word character that may appear literally in a term (`hyte-vastuu`, `htv:llä`).
    static func isLiteral(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x80 && !isWordCategory(u)) || [0x2013, 0x2014, 0x2019, 0xA7].contains(u.value)
    }
}

extension TokenTerm {
    /// The term as word tests, or nil when it is not a run of whole words the matcher can
    /// test (such a list stays with its regular expression).
    static func parse(_ phrase: String) -> TokenTerm? {
        let words = phrase.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !words.isEmpty else { return nil }
        var tests: [WordTest] = []
        var gaps: [GapTest] = []
        var pendingGap: GapTest?
        for (index, word) in words.enumerated() {
            var w = Substring(word)
            let leading = w.hasPrefix("*")
            if leading { w = w.dropFirst() }
            let trailing = w.hasSuffix("*")
            if trailing { w = w.dropLast() }
            // `=lapsi`: a Finnish base form; `=sv:barn`: a Swedish one.
            var base: String?
            if !leading, !trailing, w.hasPrefix("=") {
                base = w.hasPrefix("=sv:") ? "sv:" : ""
                w = w.dropFirst(base == "sv:" ? 4 : 1)
                guard !w.isEmpty else { return nil }
            }
            // Runs of letters and digits (folded) and runs of literal characters.
            var runs: [(word: Bool, text: String)] = []
            for u in w.unicodeScalars {
                let isWord: Bool
                var scalar = u
                switch TextChars.kind(u) {
                case .exotic: return nil
                case .word(let f): isWord = true; scalar = f
                case .other:
                    guard TextChars.isLiteral(u) else { return nil }
                    isWord = false
                }
                if let last = runs.last, last.word == isWord {
                    runs[runs.count - 1].text.unicodeScalars.append(scalar)
                } else {
                    runs.append((isWord, String(Character(scalar))))
                }
            }
            guard let first = runs.first else { return nil }
            if base != nil && runs.count != 1 { return nil }
            // A literal at the word's edge joins the gap beside it; at the term's edge, or
            // beside a star, it is beyond what whole words can say.
            var lead = ""
            var trail = ""
            if !first.word {
                guard index > 0, !leading else { return nil }
                lead = first.text
                runs.removeFirst()
            }
            if let l = runs.last, !l.word {
                guard index < words.count - 1, !trailing else { return nil }
                trail = l.text
                runs.removeLast()
            }
            guard !runs.isEmpty else { return nil }
            if index > 0 {
                var gap = pendingGap ?? GapTest()
                gap.trail = lead
                gaps.append(gap)
            }
            let wordRuns = runs.enumerated().filter { $0.element.word }
            for (k, run) in runs.enumerated() {
                if !run.word {
                    gaps.append(GapTest(lead: run.text, separators: false, trail: ""))
                    continue
                }
                let isFirst = k == wordRuns.first?.offset, isLast = k == wordRuns.last?.offset
                let star0 = leading && isFirst, star1 = trailing && isLast
                if let base { tests.append(.base(base + run.text)) } else if star0 && star1 { tests.append(.contains(run.text)) } else if star0 {
                    tests.append(.suffix(run.text))
                } else if star1 { tests.append(.prefix(run.text)) } else { tests.append(.equal(run.text)) }
            }
            pendingGap = GapTest(lead: trail, separators: true, trail: "")
        }
        return TokenTerm(words: [], gaps: gaps, tests: tests)
    }
}

/// A word of the text as the matcher sees it: the word tests it passes.
final class WordEntry: @unchecked Sendable {
    let folded: String
    /// Ids of the word tests this word passes, ascending.
    let passes: [Int32]

    init(folded: String, passes: [Int32]) {
        self.folded = folded
        self.passes = passes
    }

    @inline(__always)
    func passes(_ test: Int32) -> Bool {
        if passes.isEmpty { return false }
        var lo = 0, hi = passes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if passes[mid] < test { lo = mid + 1 } else { hi = mid }
        }
        return lo < passes.count && passes[lo] == test
    }
}

/// A text cut into words, with the words where each registered list may start a match.
final class TokenizedText: @unchecked Sendable {
    let text: String
    /// Letters outside what the matcher folds: match with the regular expressions.
    let exotic: Bool
    let generation: Int
    var entries: [WordEntry] = []
    var start8: [Int32] = [], end8: [Int32] = []
    var startScalar: [Int32] = [], endScalar: [Int32] = []
    var start16: [Int32] = [], end16: [Int32] = []
    /// `plainGap[i]`: the text between word i and i+1 is all separators.
    var plainGap: [Bool] = []
    /// The lists with a word where one of their terms may start, ascending; for the k-th,
    /// `startValues[startBounds[k]..<startBounds[k + 1]]` are those words, as
    /// (word index << 20 | term index), ascending. Three flat arrays, not a dictionary of
    /// arrays: a plan of 8 MB has some 100 000 texts, each with dozens of lists.
    var startLists: [Int32] = []
    var startBounds: [Int32] = []
    var startValues: [Int64] = []

    init(text: String, exotic: Bool, generation: Int) {
        self.text = text
        self.exotic = exotic
        self.generation = generation
    }

    var count: Int { entries.count }

    /// The words where a term of `list` may start (see `startLists`), or nil if none.
    func starts(of list: Int32) -> ArraySlice<Int64>? {
        var lo = 0, hi = startLists.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if startLists[mid] < list { lo = mid + 1 } else { hi = mid }
        }
        guard lo < startLists.count, startLists[lo] == list else { return nil }
        return startValues[Int(startBounds[lo])..<Int(startBounds[lo + 1])]
    }
    /// The text's length in UTF-16 code units.
    var length16 = 0

    /// The first word that ends after UTF-16 offset `pos` (`count` if none).
    func firstWord(endingAfter16 pos: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(end16[mid]) <= pos { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The match of words `first` through `last`.
    func match(_ first: Int, _ last: Int) -> TermPattern.Match {
        TermPattern.Match(lower: Int(startScalar[first]), upper: Int(endScalar[last]), text: substring(utf8: Int(start8[first]), Int(end8[last])))
    }

    /// The text between word i and word i+1 (or the end).
    func gapText(after i: Int) -> Substring {
        let u = text.utf8
        let from = u.index(u.startIndex, offsetBy: Int(end8[i]))
        let to = i + 1 < count ? u.index(u.startIndex, offsetBy: Int(start8[i + 1])) : u.endIndex
        return text[from..<to]
    }

    func substring(utf8 from: Int, _ to: Int) -> String {
        let u = text.utf8
        return String(text[u.index(u.startIndex, offsetBy: from)..<u.index(u.startIndex, offsetBy: to)])
    }
}

/// Every word test of every list, the words seen so far and the texts cut so far; one for
/// the process, shared by all threads.
final class MatcherRegistry: @unchecked Sendable {
    static let shared = MatcherRegistry()

    private let lock = NSLock()
    private var tests: [WordTest] = []
    private var testIDs: [WordTest: Int32] = [:]
    /// For each test id: the (list, term) pairs whose first word it is, in order.
    private var firstUse: [[(list: Int32, term: Int32)]] = []
    private var listCount: Int32 = 0
    /// Bumped whenever a test is added: words and texts cut before are looked at again.
    private var generation = 0
    /// Bumped only when a test is added: a list made of tests known before (the same stems in
    /// another list) changes no word's tests, so the words keep them.
    private var testsGeneration = 0
    private var indexGeneration = -1
    /// Tests by the first two bytes of their stem (UTF-8); one-byte stems apart.
    private var byPair: [UInt16: [Int32]] = [:]
    private var oneByte: [Int32] = []
    private var baseTests: [String: [Int32]] = [:]
    private var hasFinnishBase = false
    /// What a word must contain for Voikko to be asked about it: of each Finnish base form,
    /// its letters but the last four (at least two), by their first two bytes. Inflection
    /// and consonant gradation change the end of a word (lapsi → lasten, kaupunki →
    /// kaupungin, sopia → sovitaan, varhainen → varhaisen, kohdata → kohtaan); compounding
    /// keeps the parts before the last as written (peruskunnan). On the 8 512 distinct words
    /// of the examples, the corpus, the seeds and the requirements, every word whose
    /// analysis gives a base form of the packs holds such a prefix, and Voikko is asked
    /// about half of the words instead of 85% (first two letters alone); a test checks the
    /// first.
    private var finnishPrefixes: [UInt16: [[UInt8]]] = [:]
    private var hasSwedishBase = false
    /// The bytes each test compares (a base form's fallback stem without Voikko).
    private var stemBytes: [[UInt8]] = []
    /// Every word seen, with the tests it passes among the first `upTo` tests: a word seen
    /// before more tests were added is tested against the new ones only.
    private var vocabulary: [String: (entry: WordEntry, upTo: Int)] = [:]
    /// The most words kept in the vocabulary: plans full of invented words would otherwise
    /// grow it without end over a long run. Past it the vocabulary starts again; texts
    /// already cut keep their entries.
    static let vocabularyBudget = 200_000
    private let nothing = WordEntry(folded: "", passes: [])

    // Texts, by the identity of their storage (kept alive by the cache, so never reused).
    private struct TextKey: Hashable {
        var a: UInt64
        var b: UInt64
        var count: Int
        var small: Bool
    }
    private var texts: [TextKey: TokenizedText] = [:]
    private var textBytes = 0
    /// What the cache of cut texts may hold (text bytes and 40 bytes a word): an 8 MB plan
    /// fits, so its blocks are cut once, not once per rule.
    static let textBudget = 64 << 20

    /// Forgets the texts cut so far. A run of many plans calls this between batches: a
    /// plan's texts are of no use to the next plan, and kept they would fill the budget.
    func forgetTexts() {
        lock.lock()
        defer { lock.unlock() }
        texts = [:]
        textBytes = 0
    }

    /// How many lists are registered (ids below it are taken), the lists of the patterns
    /// read so far included (`TokenCompilation`).
    var registeredLists: Int32 {
        TokenCompilation.makeWaiting()
        lock.lock()
        defer { lock.unlock() }
        return listCount
    }

    /// Registers a list of token terms; returns its id and the terms with test ids.
    func register(_ terms: [TokenTerm]) -> (Int32, [TokenTerm]) {
        lock.lock()
        defer { lock.unlock() }
        let list = listCount
        listCount += 1
        var out = terms
        for (t, term) in terms.enumerated() {
            out[t].words = term.tests.map { test in
                if let id = testIDs[test] { return id }
                let id = Int32(tests.count)
                tests.append(test)
                testIDs[test] = id
                firstUse.append([])
                generation += 1
                testsGeneration += 1
                return id
            }
            firstUse[Int(out[t].words[0])].append((list, Int32(t)))
        }
        generation += 1
        return (list, out)
    }

    /// Indexes the tests added since the index was last brought up to date (tests are only
    /// ever added, so the index grows with them).
    private func rebuildIndex() {
        guard indexGeneration != testsGeneration else { return }
        for i in stemBytes.count..<tests.count {
            let test = tests[i]
            var bytes = Array(test.stem.utf8)
            if case .base(let b) = test {
                // With the libraries a base form is found by its keys; without them, as
                // `*stem*` on its fallback stem.
                if b.hasPrefix("sv:") {
                    let word = String(b.dropFirst(3))
                    if let stem = Morphology.shared.swedishStem(word) {
                        baseTests["sv:" + stem, default: []].append(Int32(i))
                        hasSwedishBase = true
                        stemBytes.append(bytes)
                        continue
                    }
                    bytes = Array(Morphology.fallbackStem(word).utf8)
                } else if Morphology.shared.hasFinnish {
                    baseTests[b, default: []].append(Int32(i))
                    hasFinnishBase = true
                    let scalars = Array(b.unicodeScalars)
                    var prefix = String.UnicodeScalarView()
                    prefix.append(contentsOf: scalars.prefix(max(2, scalars.count - 4)))
                    let p = Array(String(prefix).utf8)
                    if p.count >= 2 { finnishPrefixes[UInt16(p[0]) << 8 | UInt16(p[1]), default: []].append(p) }
                    stemBytes.append(bytes)
                    continue
                } else {
                    bytes = Array(Morphology.fallbackStem(b).utf8)
                }
                Morphology.shared.warnOnceIfMissing()
            }
            stemBytes.append(bytes)
            if bytes.count < 2 { oneByte.append(Int32(i)); continue }
            byPair[UInt16(bytes[0]) << 8 | UInt16(bytes[1]), default: []].append(Int32(i))
        }
        indexGeneration = testsGeneration
    }

    /// True when `bytes` (a folded word) hold one of `finnishPrefixes`.
    private func holdsFinnishPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n >= 2 else { return false }
        for j in 0..<(n - 1) {
            guard let prefixes = finnishPrefixes[UInt16(bytes[j]) << 8 | UInt16(bytes[j + 1])] else { continue }
            for p in prefixes where j + p.count <= n {
                var k = 2
                while k < p.count && bytes[j + k] == p[k] { k += 1 }
                if k == p.count { return true }
            }
        }
        return false
    }

    /// True when Voikko is asked about `word` (folded), for the lists read so far.
    func asksVoikko(about word: String) -> Bool {
        TokenCompilation.makeWaiting()
        lock.lock()
        defer { lock.unlock() }
        rebuildIndex()
        var w = word
        return hasFinnishBase && w.withUTF8 { holdsFinnishPrefix($0) }
    }

    /// The tests `word` (folded) passes, of those numbered `from` on.
    private func passes(of word: String, from: Int = 0) -> [Int32] {
        var out: [Int32] = []
        var w = word
        var analyse = false
        w.withUTF8 { bytes in
            let n = bytes.count
            analyse = hasFinnishBase && holdsFinnishPrefix(bytes)
            func check(_ id: Int32, at j: Int) {
                guard id >= from else { return }
                let test = tests[Int(id)]
                let stem = stemBytes[Int(id)]
                let m = stem.count
                guard j + m <= n else { return }
                var k = 0
                for b in stem { if bytes[j + k] != b { return }; k += 1 }
                switch test {
                case .equal: if j == 0 && m == n { out.append(id) }
                case .prefix: if j == 0 { out.append(id) }
                case .suffix: if j + m == n { out.append(id) }
                case .contains, .base: out.append(id)
                }
            }
            if n >= 2 {
                for j in 0..<(n - 1) {
                    if let ids = byPair[UInt16(bytes[j]) << 8 | UInt16(bytes[j + 1])] { for id in ids { check(id, at: j) } }
                }
            }
            for id in oneByte { for j in 0..<max(n, 1) { check(id, at: j) } }
        }
        if hasFinnishBase || hasSwedishBase {
            for key in Morphology.shared.keys(ofWord: word, finnish: analyse, swedish: hasSwedishBase) {
                if let ids = baseTests[key] { out += from == 0 ? ids : ids.filter { $0 >= from } }
            }
        }
        if out.isEmpty { return out }
        return Array(Set(out)).sorted()
    }

    private func entry(_ word: String) -> WordEntry {
        let known = vocabulary[word]
        if let known, known.upTo == tests.count { return known.entry }
        let p = (known?.entry.passes ?? []) + passes(of: word, from: known?.upTo ?? 0)
        let e = p.isEmpty ? WordEntry(folded: word, passes: []) : WordEntry(folded: word, passes: p)
        if known == nil, vocabulary.count >= Self.vocabularyBudget { vocabulary.removeAll(keepingCapacity: true) }
        vocabulary[word] = (e, tests.count)
        return e
    }

    /// `text` cut into words, from the cache when it was cut before.
    func tokenized(_ text: String) -> TokenizedText {
        // The lists of the patterns read so far are registered before the first text is cut.
        TokenCompilation.makeWaiting()
        let key = text.utf8.withContiguousStorageIfAvailable { buf -> TextKey in
            if buf.count <= 16 {
                var a: UInt64 = 0, b: UInt64 = 0
                for (i, byte) in buf.enumerated() {
                    if i < 8 { a |= UInt64(byte) << (8 * UInt64(i)) } else { b |= UInt64(byte) << (8 * UInt64(i - 8)) }
                }
                return TextKey(a: a, b: b, count: buf.count, small: true)
            }
            return TextKey(a: UInt64(UInt(bitPattern: buf.baseAddress)), b: 0, count: buf.count, small: false)
        }
        lock.lock()
        if let key, let cached = texts[key], cached.generation == generation {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let cut = cutWords(text)
        lock.lock()
        defer { lock.unlock() }
        rebuildIndex()
        // Past 2^24 words (more than a plan can hold) the word index would not fit the
        // packed starts below: such a text goes to the regular expressions.
        let exotic = cut.exotic || cut.words.count >= 1 << 24
        let result = TokenizedText(text: text, exotic: exotic, generation: generation)
        result.length16 = cut.length16
        if !exotic {
            result.entries = cut.words.map { entry($0) }
            result.start8 = cut.start8; result.end8 = cut.end8
            result.startScalar = cut.startScalar; result.endScalar = cut.endScalar
            result.start16 = cut.start16; result.end16 = cut.end16
            result.plainGap = cut.plainGap
            // (list << 44 | word << 20 | term), sorted: by list, then word, then term. A text
            // has fewer than 2^24 words (above).
            var keyed: [UInt64] = []
            for (i, e) in result.entries.enumerated() where !e.passes.isEmpty {
                for test in e.passes {
                    for use in firstUse[Int(test)] { keyed.append(UInt64(use.list) << 44 | UInt64(i) << 20 | UInt64(use.term)) }
                }
            }
            keyed.sort()
            var lists: [Int32] = [], bounds: [Int32] = [], values: [Int64] = []
            values.reserveCapacity(keyed.count)
            for k in keyed {
                let list = Int32(k >> 44)
                if lists.last != list {
                    lists.append(list)
                    bounds.append(Int32(values.count))
                }
                values.append(Int64(k & (1 << 44 - 1)))
            }
            bounds.append(Int32(values.count))
            result.startLists = lists
            result.startBounds = bounds
            result.startValues = values
        }
        if let key {
            if textBytes + key.count > MatcherRegistry.textBudget {
                texts = [:]
                textBytes = 0
            }
            texts[key] = result
            textBytes += key.count + result.count * 40
        }
        return result
    }

    private struct Cut {
        var exotic = false
        var words: [String] = []
        var start8: [Int32] = [], end8: [Int32] = []
        var startScalar: [Int32] = [], endScalar: [Int32] = []
        var start16: [Int32] = [], end16: [Int32] = []
        var plainGap: [Bool] = []
        var length16 = 0
    }

    /// Cuts `text` into words, folded, with their offsets; stops at an exotic letter.
    /// Reads the UTF-8 bytes directly: most of a plan is ASCII and Latin-1.
    private func cutWords(_ text: String) -> Cut {
        var cut = Cut()
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            var word: [UInt8] = []
            word.reserveCapacity(32)
            var i = 0
            var oScalar: Int32 = 0, o16: Int32 = 0
            var inWord = false
            var gapPlain = true
            while i < n {
                let b0 = bytes[i]
                var v: UInt32
                var len: Int
                if b0 < 0x80 {
                    v = UInt32(b0); len = 1
                } else if b0 < 0xE0 {
                    v = UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); len = 2
                } else if b0 < 0xF0 {
                    v = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); len = 3
                } else {
                    v = UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F); len = 4
                }
                // The folded scalar of a letter or digit, or 0.
                var folded: UInt32 = 0
                if v < 0x80 {
                    if v >= 0x61 && v <= 0x7A || v >= 0x30 && v <= 0x39 { folded = v } else if v >= 0x41 && v <= 0x5A { folded = v + 0x20 }
                } else if v < 0x180 {
                    let f = TextChars.foldTable[Int(v)]
                    if f == 0xFFFF { cut.exotic = true; return }
                    folded = UInt32(f)
                } else if !(v >= 0x2000 && v <= 0x206F), let u = Unicode.Scalar(v), TextChars.isWordCategory(u) {
                    cut.exotic = true
                    return
                }
                if folded != 0 {
                    if !inWord {
                        if !cut.words.isEmpty { cut.plainGap.append(gapPlain) }
                        cut.start8.append(Int32(i)); cut.startScalar.append(oScalar); cut.start16.append(o16)
                        inWord = true
                    }
                    if folded < 0x80 {
                        word.append(UInt8(folded))
                    } else {
                        word.append(UInt8(0xC0 | (folded >> 6)))
                        word.append(UInt8(0x80 | (folded & 0x3F)))
                    }
                } else {
                    if inWord {
                        cut.words.append(String(decoding: word, as: UTF8.self))
                        word.removeAll(keepingCapacity: true)
                        cut.end8.append(Int32(i)); cut.endScalar.append(oScalar); cut.end16.append(o16)
                        inWord = false
                        gapPlain = true
                    }
                    if gapPlain && !TextChars.isSeparator(v) { gapPlain = false }
                }
                i += len
                oScalar += 1
                o16 += len == 4 ? 2 : 1
            }
            if inWord {
                cut.words.append(String(decoding: word, as: UTF8.self))
                cut.end8.append(Int32(n)); cut.endScalar.append(oScalar); cut.end16.append(o16)
            }
            cut.plainGap.append(false)
            cut.length16 = Int(o16)
        }
        return cut
    }
}

/// A list's stems and phrases, compiled for the token matcher.
struct TokenList: Sendable {
    let id: Int32
    let terms: [TokenTerm]

    /// The list as token terms, or nil when a term is beyond them.
    static func compile(_ parts: [TermPattern.Part]) -> (TokenList?, hasRegex: Bool) {
        var terms: [TokenTerm] = []
        var hasRegex = false
        for part in parts {
            switch part {
            case .regex: hasRegex = true
            case .phrase(let p):
                guard let t = TokenTerm.parse(p) else { return (nil, hasRegex) }
                terms.append(t)
            }
        }
        guard !terms.isEmpty else { return (nil, hasRegex) }
        let (id, registered) = MatcherRegistry.shared.register(terms)
        return (TokenList(id: id, terms: registered), hasRegex)
    }

    /// Lists that find the words a regular expression needs (`RequiredLiterals`): a text
    /// can match it only if each of them finds something in it.
    static func filter(forRegex pattern: String) -> [TokenList] {
        RequiredLiterals.of(pattern).map { set in
            let terms = set.map { TokenTerm(words: [], gaps: [], tests: [.contains($0)]) }
            let (id, registered) = MatcherRegistry.shared.register(terms)
            return TokenList(id: id, terms: registered)
        }
    }

    /// A token match: word range and text positions.
    struct Hit {
        var first: Int
        var last: Int
    }

    /// True when `term` matches the words from `i` on.
    @inline(__always)
    func matches(_ term: TokenTerm, in t: TokenizedText, at i: Int, firstChecked: Bool) -> Bool {
        let n = term.words.count
        guard i + n <= t.count else { return false }
        if !firstChecked && !t.entries[i].passes(term.words[0]) { return false }
        var k = 1
        while k < n {
            let gap = term.gaps[k - 1]
            if gap.isPlain {
                if !t.plainGap[i + k - 1] { return false }
            } else if !gapMatches(gap, t.gapText(after: i + k - 1)) {
                return false
            }
            if !t.entries[i + k].passes(term.words[k]) { return false }
            k += 1
        }
        return true
    }

    func gapMatches(_ gap: GapTest, _ text: Substring) -> Bool {
        let s = Array(text.unicodeScalars)
        let lead = Array(gap.lead.unicodeScalars), trail = Array(gap.trail.unicodeScalars)
        guard s.count >= lead.count + trail.count + (gap.separators ? 1 : 0) else { return false }
        guard s.prefix(lead.count).elementsEqual(lead), s.suffix(trail.count).elementsEqual(trail) else { return false }
        let middle = s[lead.count..<(s.count - trail.count)]
        if !gap.separators { return middle.isEmpty }
        return middle.allSatisfy { TextChars.isSeparator($0.value) }
    }

    /// The first term that matches at word `i`, given the candidates of `starts` from
    /// index `c` on (all at word i); returns the match's last word.
    func firstTerm(in t: TokenizedText, starts: ArraySlice<Int64>, from c: inout Int) -> (word: Int, last: Int)? {
        let i = Int(starts[c] >> 20)
        var found: Int?
        while c < starts.endIndex && Int(starts[c] >> 20) == i {
            if found == nil {
                let term = terms[Int(starts[c] & 0xFFFFF)]
                if matches(term, in: t, at: i, firstChecked: true) { found = i + term.words.count - 1 }
            }
            c += 1
        }
        return found.map { (i, $0) }
    }

    /// Word-aligned matches from word `fromWord` on, at most `limit`.
    func hits(in t: TokenizedText, fromWord: Int = 0, limit: Int) -> [Hit] {
        guard let starts = t.starts(of: id) else { return [] }
        var out: [Hit] = []
        var c = starts.startIndex
        var next = fromWord
        while c < starts.endIndex && out.count < limit {
            if Int(starts[c] >> 20) < next { c += 1; continue }
            if let m = firstTerm(in: t, starts: starts, from: &c) {
                out.append(Hit(first: m.word, last: m.last))
                next = m.last + 1
            }
        }
        return out
    }

    /// The first match starting at word `fromWord` or later.
    func firstHit(in t: TokenizedText, fromWord: Int) -> Hit? {
        hits(in: t, fromWord: fromWord, limit: 1).first
    }

    /// A match of a term whose first word has a leading star, starting inside word `i`
    /// at UTF-16 offset `at` (after a `/regex/` match that ended there).
    func partialHit(in t: TokenizedText, word i: Int, at16: Int) -> (first: Int, last: Int, start8: Int, startScalar: Int)? {
        // The rest of the word, folded, and where it starts.
        let u = t.text.utf16
        let from = u.index(u.startIndex, offsetBy: at16)
        let word8 = t.text.utf8
        let to = word8.index(word8.startIndex, offsetBy: Int(t.end8[i]))
        var rest = ""
        for s in t.text[from..<to].unicodeScalars {
            if case .word(let f) = TextChars.kind(s) { rest.unicodeScalars.append(f) }
        }
        let start8 = t.text.utf8.distance(from: word8.startIndex, to: from)
        let startScalar = Int(t.endScalar[i]) - t.text[from..<to].unicodeScalars.count
        for term in terms {
            let first = term.tests[0]
            let ok: Bool
            switch first {
            case .suffix(let s): ok = rest.hasSuffixBytes(s)
            case .contains(let s): ok = rest.containsBytes(s)
            default: ok = false
            }
            guard ok else { continue }
            if term.words.count == 1 || matchesRest(term, in: t, at: i) {
                return (i, i + term.words.count - 1, start8, startScalar)
            }
        }
        return nil
    }

    private func matchesRest(_ term: TokenTerm, in t: TokenizedText, at i: Int) -> Bool {
        let n = term.words.count
        guard i + n <= t.count else { return false }
        var k = 1
        while k < n {
            let gap = term.gaps[k - 1]
            if gap.isPlain { if !t.plainGap[i + k - 1] { return false } } else if !gapMatches(gap, t.gapText(after: i + k - 1)) { return false }
            if !t.entries[i + k].passes(term.words[k]) { return false }
            k += 1
        }
        return true
    }
}

extension String {
    func hasSuffixBytes(_ s: String) -> Bool { utf8.count >= s.utf8.count && utf8.suffix(s.utf8.count).elementsEqual(s.utf8) }
    func containsBytes(_ s: String) -> Bool {
        let a = Array(utf8), b = Array(s.utf8)
        guard b.count <= a.count else { return false }
        if b.isEmpty { return true }
        for j in 0...(a.count - b.count) where a[j] == b[0] && a[j..<(j + b.count)].elementsEqual(b) { return true }
        return false
    }
}
