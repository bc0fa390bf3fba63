// Look-aheads written into the packs' regular expressions to make ICU faster must not change
// what they match. By convention such a guard is `(?=[letters])` (lower-case letters only)
// in front of the alternatives or the word it guards: it names the letters they begin with,
// so ICU tries them only where one stands.
import Foundation
import Testing
@testable import PlanLint

@Suite("Guards in the packs' regular expressions")
struct PackRegexTests {
    /// Every guard of a pattern: its range and its letters.
    static func guards(in pattern: String) -> [(range: Range<String.Index>, letters: Set<Character>)] {
        var out: [(Range<String.Index>, Set<Character>)] = []
        var from = pattern.startIndex
        while let open = pattern.range(of: "(?=[", range: from..<pattern.endIndex) {
            guard let close = pattern.range(of: "])", range: open.upperBound..<pattern.endIndex) else { break }
            let letters = pattern[open.upperBound..<close.lowerBound]
            if !letters.isEmpty && letters.allSatisfy({ $0.isLetter && $0.isLowercase }) {
                out.append((open.lowerBound..<close.upperBound, Set(letters)))
            }
            from = close.upperBound
        }
        return out
    }

    /// `pattern` without its guards.
    static func plain(_ pattern: String) -> String {
        var s = pattern
        for g in guards(in: pattern).reversed() { s.removeSubrange(g.range) }
        return s
    }

    /// The packs' lists with a guarded `/regex/` term, and the guarded fact patterns.
    static func guarded() -> (lists: [[String]], regexes: [String]) {
        _ = Packs.engine
        let lists = CompiledPatterns.shared.termLists.filter { $0.contains { $0.hasPrefix("/") && !guards(in: $0).isEmpty } }
        let regexes = CompiledPatterns.shared.regexes.filter { !guards(in: $0).isEmpty }
        return (lists, regexes)
    }

    /// The alternatives of the group `(?:…)` starting at `start` (top-level `|`).
    static func alternatives(_ s: [Character], from start: Int) -> [String] {
        var depth = 0, i = start, current = "", out: [String] = []
        while i < s.count {
            let c = s[i]
            if c == "\\" { current.append(c); if i + 1 < s.count { current.append(s[i + 1]) }; i += 2; continue }
            if c == "(" { depth += 1; if depth == 1 { i += 3; continue } }
            if c == ")" { depth -= 1; if depth == 0 { out.append(current); return out } }
            if c == "|" && depth == 1 { out.append(current); current = ""; i += 1; continue }
            current.append(c)
            i += 1
        }
        return out
    }

    /// The letter each alternative guarded by a guard begins with: after the guard comes a
    /// group of alternatives, a word, or a look-behind and then one of those.
    static func guardedWords(_ pattern: String) -> [(word: String, letters: Set<Character>)] {
        var out: [(String, Set<Character>)] = []
        for g in guards(in: pattern) {
            var rest = Array(pattern[g.range.upperBound...])
            if rest.starts(with: Array("(?<!")), let end = rest.firstIndex(of: ")").map({ rest[($0 + 1)...] }).map({ Array($0) }) {
                // A look-behind of a letter class: `(?<!\p{L})`.
                rest = end
            }
            if rest.starts(with: Array("(?:")) {
                for word in alternatives(rest, from: 0) { out.append((word, g.letters)) }
            } else {
                out.append((String(rest.prefix(12)), g.letters))
            }
        }
        return out
    }

    @Test("Every guarded alternative begins with a letter of its guard")
    func guardLetters() {
        let (lists, regexes) = Self.guarded()
        #expect(lists.count >= 3, "the guarded lists of fi-lsl and fi-suositukset")
        var words = 0
        for pattern in lists.flatMap({ $0 }) + regexes {
            for (word, letters) in Self.guardedWords(pattern) {
                words += 1
                #expect(word.first.map { letters.contains(Character($0.lowercased())) } == true, "'\(word)' in \(pattern.prefix(80))")
            }
        }
        #expect(words > 40)
        #expect(Self.plain("a(?=[kh])(?:kysel|haast)(?=[A-Z])") == "a(?:kysel|haast)(?=[A-Z])", "only lower-case letter sets are guards")
    }

    @Test("The guarded expressions find what the plain ones found, on the examples, the corpus and generated text")
    func sameMatches() throws {
        let (lists, regexes) = Self.guarded()
        var texts = try TokenMatcherTests.exampleTexts().flatMap { $0.components(separatedBy: "\n\n") }
        let corpus = Repo.root.appendingPathComponent("corpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() where name.hasSuffix(".md") {
            texts += try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8).components(separatedBy: "\n\n")
        }
        var generator = SplitMix64(seed: 0x4755_4152)
        let words = ["Lapset", "nuoret", "oppilaat", "9–12-vuotiaat", "Elever", "osallistuivat", "kyselyyn", "Kouluterveyskysely", "asiakaskyselyssä",
                     "työpajoihin", "kuultiin", "Haastateltiin", "raati", "ideoivat", "äänestivät", "kommentoivat", "lausunnon", "enkäten", "skolhälsoenkäten",
                     "workshop", "hördes", "intervjuer", "diskussion", "verkstäder", "röstade", "yttrande", "utlåtande", "lasten ja nuorten hyvinvointi",
                     "Lautakunnat", "tarkastuslautakunta", "toimialat", "raportoivat", "arvioi", "följer upp", "seuraavat omaa", "nämnderna", "rapporterar",
                     "toimitetaan", "lähetetään", "tiedoksi", "hyvinvointialueelle", "Hyvinvointialue", "sänds", "skickas", "välfärdsområdet", "för kännedom",
                     "ja", "och", "sekä", "esim.", "3.", "KYSELY", "Äänestys", "vuonna", "2025"]
        let stops = [". ", "! ", "? ", ", ", " ", " ", " ", "\n"]
        texts += generator.texts(Thorough.enabled ? 3000 : 600, of: words, stops: stops, length: 2...25)
        var found = 0
        func compare(_ a: TermPattern, _ b: TermPattern) {
            for text in texts {
                let x = a.regexMatches(in: text, groupNames: [], limit: .max), y = b.regexMatches(in: text, groupNames: [], limit: .max)
                #expect(x == y && zip(x, y).allSatisfy { $0.text == $1.text }, "\(a.terms.first?.prefix(60) ?? "") on «\(text.prefix(200))»")
                found += y.count
            }
        }
        for list in lists {
            let plain = list.map(Self.plain)
            #expect(plain != list)
            compare(try TermPattern(list), try TermPattern(plain))
        }
        for regex in regexes { compare(try TermPattern(regex: regex), try TermPattern(regex: Self.plain(regex))) }
        #expect(found > 200)
    }
}
