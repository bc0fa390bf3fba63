// Look-aheads written into the packs' regular expressions to make ICU faster must not change
// what they match.
import Foundation
import Testing
@testable import PlanLint

@Suite("Guards in the packs' regular expressions")
struct PackRegexTests {
    /// The guards of the participation rule, and what each guards.
    static let guards: [(guarded: String, plain: String)] = [
        ("(?=[khtriäelwdvyu])(?:kysel", "(?:kysel"),
        ("(?!(?=[ksh])(?:kouluterveys|skolhälso|hälsoenkät))", "(?!kouluterveys|skolhälso|hälsoenkät)"),
    ]

    /// The participation rule's two `/regex/` terms, as written in the pack.
    static func guardedTerms() throws -> [String] {
        let text = try String(contentsOf: Repo.root.appendingPathComponent("Rules/fi-lsl/rules/participation.yaml"), encoding: .utf8)
        let terms = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("- '/") && $0.contains(guards[0].guarded) }
            .map { String($0.dropFirst(3).dropLast()) }
        #expect(terms.count == 2)
        return terms
    }

    static func plain(_ term: String) -> String {
        guards.reduce(term) { $0.replacingOccurrences(of: $1.guarded, with: $1.plain) }
    }

    /// The alternatives of the group that starts at `start` in `s` (top-level `|`).
    static func alternatives(in s: [Character], from start: Int) -> [String] {
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

    @Test("Every way of taking part begins with a letter of its guard")
    func guardLetters() throws {
        for term in try Self.guardedTerms() {
            let s = Array(term)
            let marker = Array(Self.guards[0].guarded.dropLast("(?:kysel".count))
            let at = try #require((0...(s.count - marker.count)).first { Array(s[$0..<($0 + marker.count)]) == marker })
            let letters = Set("khtriäelwdvyu")
            let words = Self.alternatives(in: s, from: at + marker.count)
            #expect(words.count > 20)
            for word in words {
                #expect(word.first.map { letters.contains(Character($0.lowercased())) } == true, "\(word)")
            }
        }
    }

    @Test("The guarded expressions find what the plain ones found, on the examples, the corpus and generated text")
    func sameMatches() throws {
        let guarded = try Self.guardedTerms()
        let plain = guarded.map(Self.plain)
        #expect(plain != guarded)
        let a = try TermPattern(guarded), b = try TermPattern(plain)
        var texts = try TokenMatcherTests.exampleTexts().flatMap { $0.components(separatedBy: "\n\n") }
        let corpus = Repo.root.appendingPathComponent("corpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() where name.hasSuffix(".md") {
            texts += try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8).components(separatedBy: "\n\n")
        }
        var generator = SplitMix64(seed: 0x4755_4152)
        let words = ["Lapset", "nuoret", "oppilaat", "9–12-vuotiaat", "Elever", "osallistuivat", "kyselyyn", "Kouluterveyskysely", "asiakaskyselyssä",
                     "työpajoihin", "kuultiin", "Haastateltiin", "raati", "ideoivat", "äänestivät", "kommentoivat", "lausunnon", "enkäten", "skolhälsoenkäten",
                     "workshop", "hördes", "intervjuer", "diskussion", "verkstäder", "röstade", "yttrande", "utlåtande", "lasten ja nuorten hyvinvointi",
                     "ja", "och", "sekä", "esim.", "3.", "KYSELY", "Äänestys", "vuonna", "2025"]
        let stops = [". ", "! ", "? ", ", ", " ", " ", " ", "\n"]
        for _ in 0..<(Thorough.enabled ? 3000 : 600) {
            var t = ""
            for _ in 0..<Int.random(in: 2...25, using: &generator) {
                t += words.randomElement(using: &generator)! + stops.randomElement(using: &generator)!
            }
            texts.append(t)
        }
        var found = 0
        for text in texts {
            let x = a.regexMatches(in: text, groupNames: [], limit: .max), y = b.regexMatches(in: text, groupNames: [], limit: .max)
            #expect(x == y && zip(x, y).allSatisfy { $0.text == $1.text }, "«\(text.prefix(200))»")
            found += y.count
        }
        #expect(found > 100)
    }
}
