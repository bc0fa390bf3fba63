// The token matcher against the regular expressions it replaces: the same matches at the
// same positions, on the packs' lists and example plans, and on generated text.
import Foundation
import Testing
@testable import PlanLint

@Suite("Token matcher")
struct TokenMatcherTests {
    /// What the list's regular expression finds, next to what `pattern` finds.
    static func agree(_ pattern: TermPattern, on text: String) -> Bool {
        let expected = pattern.regexMatches(in: text, groupNames: [], limit: .max)
        let found = pattern.matches(in: text)
        let first = pattern.firstMatch(in: text)
        // The first match is found with the list's form for first matches (when that is the
        // expression for every match, its first match is already known).
        let firstExpected = expected.isEmpty ? nil
            : pattern.firstIsEvery ? expected.first : pattern.regexMatches(in: text, groupNames: [], limit: 1).first
        return found == expected && zip(found, expected).allSatisfy { $0.text == $1.text }
            && first == firstExpected && first?.text == firstExpected?.text
            && pattern.matches(in: text, limit: 2) == Array(expected.prefix(2))
            && pattern.isFound(in: text) == (firstExpected != nil)
    }

    /// Whole plans (Finnish, Swedish, prose only) and the paragraphs of more, as the engine's
    /// blocks are.
    static func exampleTexts() throws -> [String] {
        var texts: [String] = []
        let examples = Repo.root.appendingPathComponent("Examples")
        for name in ["jarvela-2025.md", "vasterby-2024.md", "alavesi-2023-prose.md"] {
            texts.append(try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8))
        }
        for name in ["helsinki-2024.md", "koskenkyla-luonnos-2026.md", "lahdenpera-2019.md", "merikoski-hva-2024.md", "seututrio-2025.md", "strandvik-2025.md"] {
            texts += try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8).components(separatedBy: "\n\n")
        }
        return texts
    }

    /// Every `stride`-th list of the packs, token matcher against regular expression, on
    /// `texts`; the number of (list, text) pairs where the list was found.
    static func packListsAgree(on texts: [String], everyList stride: Int = 1) throws -> Int {
        _ = Packs.engine
        let all = CompiledPatterns.shared.termLists
        #expect(all.count > 80)
        let lists = all.indices.filter { $0 % stride == 0 }.map { all[$0] }
        var tokenLists = 0, matched = 0
        // Base forms (=lapsi) are meant to find more than their stand-in stems.
        for terms in lists where !terms.contains(where: { $0.split(separator: " ").contains { $0.hasPrefix("=") } }) {
            let pattern = try TermPattern(terms)
            if CompiledPatterns.shared[.init(terms: terms, isRegex: false)]?.tokens != nil { tokenLists += 1 }
            for text in texts {
                #expect(Self.agree(pattern, on: text), "\(terms)")
                if pattern.isFound(in: text) { matched += 1 }
            }
        }
        #expect(tokenLists > 90 / stride, "the packs' lists of stems and phrases go to the token matcher")
        return matched
    }

    @Test("Every list of the packs finds on a sample of the example plans' paragraphs what its regular expression finds")
    func packListsOnExampleParagraphs() throws {
        // Every other list on every fifteenth paragraph of six plans; every list on all of
        // them, and on three plans whole, below.
        let sample = Array(try Self.exampleTexts().dropFirst(3)).enumerated().filter { $0.offset % 15 == 0 }.map(\.element)
        #expect(sample.count > 20)
        #expect(try Self.packListsAgree(on: sample, everyList: 2) > 25)
    }

    @Test("Every list of the packs finds on every example plan what its regular expression finds", .thorough)
    func packListsOnEveryExample() throws {
        let texts = try Self.exampleTexts()
        #expect(texts.count > 200)
        #expect(try Self.packListsAgree(on: texts) > 1000)
    }

    @Test("Lists read before a plan's text index is built are in the index, though their token lists wait for the first match")
    func deferredListsAreIndexed() throws {
        // Token lists are made when the first text is cut, or when a list is first asked
        // for (TokenCompilation). The index counts the lists registered once those waiting
        // are made, so a list asked for after the index was built is in it too.
        let plan = try MarkdownPlanReader().read("# Suunnitelma\n\nEnsimmäinen kappale.\n\nToinen kappale on indeksoimattomampi.\n\nViivästetty   lista tässä.\n", file: "plan.md")
        let first = try TermPattern(["indeksoimattom*"])
        let second = try TermPattern(["/viivästetty\\s+lista/"])
        let index = PlanTextIndex(plan)
        for (list, text) in [(first, "Toinen kappale on indeksoimattomampi."), (second, "Viivästetty   lista tässä.")] {
            let found = try #require(index.candidates(for: list), "\(list) is in the index, not left to every block")
            #expect(found.map { index.blocks[Int($0)].text } == [text])
        }
        #expect(second.matches(in: "Viivästetty   lista tässä.").map(\.text) == ["Viivästetty   lista"])
    }

    @Test("A regular expression's required words are read cautiously")
    func requiredLiterals() {
        #expect(RequiredLiterals.of("(?<!\\p{L})(?<body>\\p{L}*(?:valtuust|Fullmäktig)\\p{L}*)\\s+(?:on\\s+)?(?:hyväksyi|godkände)")
                == [["valtuust", "fullmäktig"], ["hyväksyi", "godkände"]])
        #expect(RequiredLiterals.of("(?<!\\d)(?<start>(?:19|20)\\d\\d)\\s*[–—-]\\s*(?<end>(?:19|20)\\d\\d)") == [["19", "20"], ["19", "20"]])
        #expect(RequiredLiterals.of("(?-i:\\bLOS\\b)") == [["los"]])
        #expect(RequiredLiterals.of("lapse?n") == [["laps"]], "an optional letter ends the run before it")
        #expect(RequiredLiterals.of("(?:kunnan)?valtuusto|x") == [], "an alternative without a word")
        #expect(RequiredLiterals.of("\\Qkunta\\E") == [], "quoting is not read")
        #expect(RequiredLiterals.of("(?:a|bb)c{0,2}dd") == [["dd"]])
        #expect(RequiredLiterals.of("(?>kunta)x(?=valtuusto)(?!lauta)(?<=sto)") == [["kunta"], ["valtuusto"], ["sto"]],
                "what a positive lookaround needs, a negative one does not")
        // Each alternative needs both words, in either order: so does the whole.
        let both = RequiredLiterals.of("(?:lapset|nuoret)\\s+(?:kysel|raati)|(?:kysel|raati)\\p{L}*\\s+(?:lapset|nuoret)")
        #expect(both.contains(["lapset", "nuoret"]) && both.contains(["kysel", "raati"]), "\(both)")
        #expect(RequiredLiterals.of("lapset\\s+kysel|\\d+") == [], "an alternative that needs no word")
        let many = RequiredLiterals.of("(?:a1a|b1b)(?:c1c|d1d)|(?:e1e|f1f)(?:g1g|h1h)(?:i1i|j1j)|(?:k1k|l1l)(?:m1m|n1n)(?:o1o|p1p)")
        #expect(many.count == 1 && many[0].count == 6, "past 8 sets, one set of each alternative's strongest: \(many)")
    }

    @Test("The fact extractors' regular expressions find what they found without the word filter")
    func factRegexesOnExamples() throws {
        _ = Packs.engine
        let regexes = CompiledPatterns.shared.regexes
        #expect(regexes.count > 10)
        let examples = Repo.root.appendingPathComponent("Examples")
        var texts: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted() where name.hasSuffix(".md") {
            texts += try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8).components(separatedBy: "\n")
        }
        // Every line with PLANLINT_THOROUGH=1, every fourth without.
        texts = Thorough.sample(texts, every: 4)
        var filtered = 0, found = 0
        for source in regexes {
            let pattern = try TermPattern(regex: source)
            let compiled = try #require(CompiledPatterns.shared[.init(terms: [source], isRegex: true)])
            if !compiled.filter.isEmpty { filtered += 1 }
            for text in texts {
                let expected = pattern.regexMatches(in: text, groupNames: [], limit: .max)
                #expect(pattern.matches(in: text) == expected, "\(source) on \(text)")
                found += expected.count
            }
        }
        #expect(filtered > regexes.count / 2, "most have words to look for")
        #expect(found > 50)
    }

    /// A generator of Finnish-like text and term lists, the same on every run.
    struct Generator {
        var seed: UInt64
        mutating func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        mutating func pick<T>(_ xs: [T]) -> T { xs[next(xs.count)] }

        static let stems = ["valtuust", "palvelu", "perhe", "lapsi", "lasten", "hyvinvoin", "suunnitel", "kunnan", "nuor", "tila",
                            "ohjaus", "verkost", "ryhm", "hyte", "te", "kv", "2025", "välfärd", "plan", "år", "äiti", "öljy", "a", "ä"]
        static let endings = ["", "", "a", "ssa", "n", "t", "jen", "lle", "ista", "ä", "en", "et", "2", "s", "e"]

        mutating func word() -> String {
            var w = ""
            for _ in 0...next(2) { w += pick(Self.stems) }
            w += pick(Self.endings)
            switch next(6) {
            case 0: w = w.uppercased()
            case 1: w = w.prefix(1).uppercased() + w.dropFirst()
            default: break
            }
            return w
        }

        mutating func text() -> String {
            let joins = [" ", " ", " ", "  ", "-", "–", ", ", ". ", ":", "/", "\n", "—", " (", ") ", "’", " - ", "\t", "\u{A0}", "-\n", "§ "]
            var out = ""
            let n = 1 + next(25)
            for i in 0..<n {
                if i > 0 { out += pick(joins) }
                out += word()
                if next(40) == 0 { out += pick(["\u{308}", "ß", "Ω", "ſ", "\u{345}", "İ", "é", "Ÿ", "ÿ", "ª", "²", "ı"]) }
            }
            return out
        }

        mutating func term() -> String {
            func stem(_ g: inout Generator) -> String {
                var s = g.pick(Self.stems)
                if g.next(3) == 0 { s += g.pick(Self.endings) }
                if g.next(8) == 0 { s = s.uppercased() }
                return s
            }
            switch next(12) {
            case 0: return "/" + pick(["perhe", "\\d+", "kv\\p{L}*\\s+\\d", "[a-z]+-", "(?<!\\p{L})lap", "€", "ä\\s", "alle\\s+\\d"]) + "/"
            case 1: return stem(&self) + "-" + stem(&self) + (next(2) == 0 ? "*" : "")
            case 2, 3:
                return (0...next(2)).map { _ in
                    let s = stem(&self)
                    return [s, s + "*", "*" + s, "*" + s + "*"][next(4)]
                }.joined(separator: " ")
            default:
                let s = stem(&self)
                return [s, s + "*", "*" + s, "*" + s + "*"][next(4)]
            }
        }
    }

    @Test("Generated lists on generated Finnish-like text: the same matches as the regular expressions")
    func randomEquivalence() throws {
        var g = Generator(seed: 0x70CE_A5)
        var compared = 0, found = 0
        // 400 lists with PLANLINT_THOROUGH=1, the first 100 of them without.
        let lists = Thorough.enabled ? 400 : 100
        for _ in 0..<lists {
            let terms = (0...g.next(6)).map { _ in g.term() }
            let pattern = try TermPattern(terms)
            for _ in 0..<12 {
                let text = g.text()
                #expect(Self.agree(pattern, on: text), "\(terms) on \(text)")
                compared += 1
                if pattern.isFound(in: text) { found += 1 }
            }
        }
        #expect(compared == lists * 12)
        #expect(found > lists * 5 / 2, "the lists match often enough to test something")
    }

    @Test("A list's words are tested once; its matches come from the words of the text")
    func tokenPositions() throws {
        let p = try TermPattern(["hyvinvoinnin tila*", "*palvelu*", "hyte-vastuu*", "oppilas- ja opiskelijahuol*"])
        let text = "Åbo: HYVINVOINNIN  tilasta ja perhepalvelut; hyte-vastuuhenkilö, oppilas- ja opiskelijahuolto 😀 palvelu"
        #expect(p.matches(in: text).map(\.text) == ["HYVINVOINNIN  tilasta", "perhepalvelut", "hyte-vastuuhenkilö", "oppilas- ja opiskelijahuolto", "palvelu"])
        #expect(p.matches(in: text).last?.lower == 96, "offsets count Unicode scalars, the emoji as one")
        let compiled = try #require(CompiledPatterns.shared[.init(terms: p.terms, isRegex: false)])
        #expect(compiled.tokens != nil, "no regular expression for these")
    }
}

@Suite("Base forms")
struct BaseFormTests {
    static let voikko = Morphology.shared.hasFinnish

    @Test("A Finnish base form matches its inflections and the compounds it is part of", .enabled(if: voikko, "libvoikko with voikko-fi is not installed"))
    func finnish() throws {
        let council = try TermPattern(["=valtuusto"])
        #expect(council.matches(in: "Asia käsiteltiin kunnanvaltuustossa ja valtuuston kokouksessa.").map(\.text) == ["kunnanvaltuustossa", "valtuuston"])
        #expect(try TermPattern(["=kunnanvaltuusto"]).isFound(in: "hyväksytty kunnanvaltuustossa"))
        #expect(try TermPattern(["=lapsi"]).firstMatch(in: "Lasten ja nuorten hyvinvointi")?.text == "Lasten")
        let plan = "lastensuojelusuunnitelman päivitys"
        #expect(try TermPattern(["=lastensuojelu"]).isFound(in: plan))
        #expect(try TermPattern(["=suunnitelma"]).isFound(in: plan))
        #expect(try !TermPattern(["=suojelu"]).isFound(in: "suojatie"), "not a prefix of the letters")
        // Phrases of base forms, and base forms beside stems.
        let friendly = try TermPattern(["=lapsiystävällinen =kunta", "perhe*"])
        #expect(friendly.matches(in: "Lapsiystävällisen kunnan malli; perheet").map(\.text) == ["Lapsiystävällisen kunnan", "perheet"])
        #expect(try !TermPattern(["=lapsiystävällinen =kunta"]).isFound(in: "lapsiystävällinen kaupunki"))
    }

    @Test("Voikko is asked about every word whose analysis gives a base form of the packs, and about few others", .enabled(if: voikko, "libvoikko with voikko-fi is not installed"))
    func voikkoFilter() throws {
        _ = Packs.engine
        let bases = Set(BaseFormCheck.finnishBaseForms().map { $0.lowercased() })
        #expect(bases.count > 50)
        var files: [URL] = []
        for folder in ["Examples", "corpus", "Rules/fi-lsl/examples", "Rules/fi-suositukset/examples"] {
            let url = Repo.root.appendingPathComponent(folder)
            files += try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil).filter { $0.pathExtension == "md" }
        }
        var words = Set<String>()
        for file in files {
            words.formUnion(MatcherRegistry.shared.tokenized(try String(contentsOf: file, encoding: .utf8)).entries.map(\.folded))
        }
        #expect(words.count > 5000)
        var matching = 0, asked = 0
        for word in words {
            let asks = MatcherRegistry.shared.asksVoikko(about: word)
            if asks { asked += 1 }
            if Morphology.shared.keys(ofWord: word, finnish: true, swedish: false).contains(where: bases.contains) {
                matching += 1
                #expect(asks, "\(word) gives a base form of the packs, but Voikko is not asked about it")
            }
        }
        #expect(matching > 500)
        #expect(asked < words.count * 2 / 3, "\(asked) of \(words.count)")
        // Inflections that change the end of the word, and compounds.
        for word in ["lasten", "kaupungin", "sovitaan", "varhaisen", "lapsiperheille", "peruskunnan", "kiireellisissä"] {
            #expect(MatcherRegistry.shared.asksVoikko(about: word), "\(word)")
        }
    }

    @Test("A Swedish base form matches by its Snowball stem")
    func swedish() throws {
        guard Morphology.shared.swedishStem("planen") != nil else { return }
        let plan = try TermPattern(["=sv:välfärdsplan"])
        #expect(plan.isFound(in: "Välfärdsplanen godkändes"))
        #expect(plan.isFound(in: "välfärdsplaner"))
        #expect(!plan.isFound(in: "välfärd"))
    }

    @Test("Without the libraries a base form is matched on its stem")
    func fallback() throws {
        #expect(Morphology.fallbackStem("valtuusto") == "valtuust")
        #expect(Morphology.fallbackStem("lapsi") == "laps")
        #expect(Morphology.fallbackStem("työ") == "työ", "at least three letters stay")
        #expect(Morphology.fallbackStem("oikeus") == "oikeu")
        // The regular expression of a base form is that stem, for text the token matcher leaves to it.
        #expect(TermPattern.regexPhrase("=lapsiystävällinen =kunta") == "*lapsiystävälli* *kunt*")
        #expect(try TermPattern(["=valtuusto"]).isFound(in: "Valtuustossa Ωmega"), "text with Greek goes to the regular expression")
    }

    @Test("rules test names a base form Voikko does not know", .enabled(if: voikko, "libvoikko with voikko-fi is not installed"))
    func unknownBaseForm() throws {
        _ = try TermPattern(["=lasten", "=valtuusto"])
        let problems = try #require(BaseFormCheck.problems())
        #expect(problems.contains { $0.contains("'=lasten'") && $0.contains("=lapsi") })
        #expect(!problems.contains { $0.contains("'=valtuusto'") })
    }
}
