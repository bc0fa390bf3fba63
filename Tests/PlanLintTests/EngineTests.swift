// The engine on the realistic plans of Examples/: profiles by date, facts from the prose,
// languages, positions.
import Foundation
import Testing
@testable import PlanLint

enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func plan(_ path: String) throws -> Plan {
        let file = root.appendingPathComponent(path).path
        return try PlanReader.read(data: try Data(contentsOf: URL(fileURLWithPath: file)), file: path)
    }

    static func check(_ path: String, asOf: String = "2026-11-22", language: Language? = nil) throws -> PlanReport {
        Packs.engine.check(try plan(path), asOf: try #require(PlanDate(parsing: asOf)), language: language)
    }
}

@Suite("Engine on realistic plans")
struct EngineTests {
    @Test("Compliant plans in three formats and two languages give no finding", arguments: [
        "Examples/jarvela-2025.md", "Examples/vasterby-2024.md", "Examples/alavesi-2023-prose.md", "Examples/ranta-2026.yaml",
        "Examples/merikoski-hva-2024.md", "Examples/helsinki-2024.md", "Examples/seututrio-2025.md", "Examples/strandvik-2025.md",
    ])
    func compliant(_ path: String) throws {
        let report = try Repo.check(path)
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.ruleID) \($0.start.line): \($0.message)" })")
        #expect(report.status.value.rawValue == "approved")
    }

    @Test("Each example plan is checked under its own version of the law", arguments: [
        ("Examples/lahdenpera-2019.md", "P2017", "municipal"),
        ("Examples/merikoski-hva-2024.md", "P2023-regional", "regional"),
        ("Examples/helsinki-2024.md", "P2023-helsinki", "helsinki"),
        ("Examples/seututrio-2025.md", "P2023-municipal", "joint_municipal"),
        ("Examples/strandvik-2025.md", "P2023-municipal", "municipal"),
    ])
    func profilePerExample(_ path: String, _ profile: String, _ scope: String) throws {
        let report = try Repo.check(path)
        #expect(report.profile?.value.id == profile)
        #expect(report.scope.value.rawValue == scope)
    }

    @Test("The 2019 plan met the law of its time and has lapsed only by the passing of time")
    func lapsedOldPlan() throws {
        let now = try Repo.check("Examples/lahdenpera-2019.md")
        #expect(now.findings.map(\.ruleID) == ["LSL-12-1-REVIEW-4Y"])
        let lapse = try #require(now.findings.first)
        #expect(lapse.evidence == "2019-06-17")
        for n in 1...7 {
            #expect(now.results.first { $0.rule == "LSL-12-2007-2-\(n)" }?.status == .pass, "item \(n) of the 2008–2022 list")
        }
        let inForce = try Repo.check("Examples/lahdenpera-2019.md", asOf: "2022-12-31")
        #expect(inForce.findings.isEmpty, "\(inForce.findings.map(\.ruleID))")
    }

    @Test("The defective draft gets each of its built-in defects")
    func draftDefects() throws {
        let report = try Repo.check("Examples/koskenkyla-luonnos-2026.md", language: .en)
        let ids = Set(report.findings.map(\.ruleID))
        #expect(ids == [
            "LSL-12-1-DECISION-BODY", "LSL-12-1-REVIEW-4Y-PREDECESSOR", "LSL-12-1-REVIEW-4Y-PERIOD", "LSL-12-1-BUDGET-LINK",
            "LSL-12-2-3", "LSL-12-2-4",
            // Good practice (fi-suositukset)
            "GP-RESOURCES-PER-YEAR", "GP-STEERING-GROUP-APPOINTED", "GP-STEERING-GROUP-SECTORS", "GP-STEERING-GROUP-HVA",
            "GP-MONITORING-GROUP", "GP-AUDIT-COMMITTEE", "GP-SECTOR-REPORTING",
            "GP-CHILD-PARTICIPATION-EVALUATION", "GP-SERVICE-TIERS", "GP-VISION-VALUES", "GP-RIGHTS-FRAME",
            // (GP-ANNUAL-REPORT is covered by JARJL-6-3-ANNUAL-REPORT: one fact, one finding.)
            // The related acts: no annual report to the council, delivery to the county or
            // named hyte body (JärjL 6 §), no youth network (NuorL 9 §), no student welfare
            // steering group (OOHL 14 §).
            "JARJL-6-3-ANNUAL-REPORT", "JARJL-6-3-DELIVER-HVA", "JARJL-6-2-RESPONSIBLE-BODY", "NUORL-9-NETWORK",
            "OOHL-14-1-STEERING-GROUP",
        ])
        #expect(Set(report.findings.filter { $0.ruleID.hasPrefix("GP-") }.map(\.pack)) == ["fi-suositukset"])
        #expect(report.status.value.rawValue == "draft")
        #expect(report.referenceDate.value == PlanDate(year: 2026, month: 12, day: 14))
        let sectors = try #require(report.findings.first { $0.ruleID == "GP-STEERING-GROUP-SECTORS" })
        #expect(sectors.message == "The group has no members from: social services and health care.", "sector codes are written through the rule's labels")
    }

    @Test("A 2023+ municipal plan is never checked for the old items 3–5")
    func oldItemsNotApplicable() throws {
        let report = try Repo.check("Examples/jarvela-2025.md")
        for id in ["LSL-12-2007-2-3", "LSL-12-2007-2-4", "LSL-12-2007-2-5", "LSL-12-4-3"] {
            let result = try #require(report.results.first { $0.rule == id })
            #expect(result.status == .notApplicable, "\(id)")
        }
        #expect(report.results.first { $0.rule == "LSL-12-2-1" }?.status == .pass)
    }

    @Test("The law version follows the approval date: a 2019 plan gets the seven items")
    func profileByDate() throws {
        var plan = try Repo.plan("Examples/jarvela-2025.md")
        // Same plan, approved in 2019: the 2008–2022 content list applies and items 3–5 are missing.
        let text = try String(contentsOf: Repo.root.appendingPathComponent("Examples/jarvela-2025.md"), encoding: .utf8)
            .replacingOccurrences(of: "date: 2025-12-10", with: "date: 2019-12-10")
        plan = try MarkdownPlanReader().read(text, file: "jarvela-2019.md")
        let report = Packs.engine.check(plan, asOf: PlanDate(year: 2021, month: 1, day: 1)!)
        #expect(report.referenceDate.value == PlanDate(year: 2019, month: 12, day: 10))
        for n in 1...7 {
            #expect(report.results.first { $0.rule == "LSL-12-2007-2-\(n)" }?.status != .notApplicable, "item \(n) of the 2008–2022 list applies")
        }
        for n in 1...4 {
            #expect(report.results.first { $0.rule == "LSL-12-2-\(n)" }?.status == .notApplicable, "item \(n) of the 2023 list does not")
        }
        // The plan describes the old items 3 and 5 (need for child welfare, service system) in its text.
        let need = try #require(report.results.first { $0.rule == "LSL-12-2007-2-3" })
        #expect(need.status == .pass)
    }

    @Test("Facts only in the prose: approval, budget statement and group are found, with positions")
    func proseFacts() throws {
        let report = try Repo.check("Examples/alavesi-2023-prose.md", asOf: "2027-07-01", language: .en)
        #expect(report.status.value.rawValue == "approved")
        #expect(report.referenceDate.value == PlanDate(year: 2023, month: 6, day: 12))
        let lapsed = try #require(report.findings.first { $0.ruleID == "LSL-12-1-REVIEW-4Y" })
        #expect(lapsed.origin == .text)
        #expect(lapsed.evidence == "12.6.2023")
        let plan = try Repo.plan("Examples/alavesi-2023-prose.md")
        let line = try #require(plan.line(lapsed.start.line))
        let scalars = Array(line.unicodeScalars)
        let spanned = String(String.UnicodeScalarView(scalars[(lapsed.start.column - 1)..<(lapsed.end.column - 1)]))
        #expect(spanned == "12.6.2023", "the finding points at the date in the sentence")
    }

    @Test("Messages in Finnish, Swedish and English")
    func languages() throws {
        let fi = try Repo.check("Examples/koskenkyla-luonnos-2026.md")
        #expect(fi.language == .fi)
        #expect(fi.findings.contains { $0.message.hasPrefix("Luonnos on menossa päätettäväksi toimielimelle kunnanhallitus") })
        let sv = try Repo.check("Examples/koskenkyla-luonnos-2026.md", language: .sv)
        #expect(sv.findings.contains { $0.message.hasPrefix("Utkastet ska beslutas av kunnanhallitus") })
        let vasterby = try Repo.check("Examples/vasterby-2024.md", asOf: "2029-01-01")
        #expect(vasterby.language == .sv)
    }

    @Test("A joint plan lacking one council's approval names that municipality")
    func jointPlan() throws {
        let text = """
        ---
        plan:
          title: "Lasten ja nuorten hyvinvointisuunnitelma 2025–2028"
          language: fi
          scope: joint_municipal
          municipalities: [Järvelä, Koskenkylä]
        status: approved
        approvals:
          - {body: kunnanvaltuusto, municipality: Järvelä, date: 2025-06-16, minute: "§ 40"}
          - {body: kunnanhallitus, municipality: Koskenkylä, date: 2025-06-02, minute: "§ 101"}
        ---
        # Järvelän ja Koskenkylän lasten ja nuorten hyvinvointisuunnitelma
        """
        let plan = try MarkdownPlanReader().read(text, file: "yhteinen.md")
        let report = Packs.engine.check(plan, asOf: PlanDate(year: 2026, month: 1, day: 1)!, language: .en)
        let f = try #require(report.findings.first { $0.ruleID == "LSL-12-1-APPROVAL-EACH-COUNCIL" })
        #expect(f.message == "The joint plan lacks the approval of the council of Koskenkylä.")
        #expect(report.findings.filter { $0.ruleID == "LSL-12-1-APPROVAL-EACH-COUNCIL" }.count == 1)
    }

    @Test("legal_map points an unusual heading at a content item")
    func legalMap() throws {
        let base = """
        ---
        plan: {title: "Hyvinvointisuunnitelma 2025–2028", language: fi, scope: municipal}
        status: approved
        approvals: [{body: kunnanvaltuusto, date: 2025-06-16}]
        legal_map: {LSL-12-2-3: "4"}
        ---
        ## 1 Kasvuolot ja hyvinvoinnin tila
        Teksti.
        ## 2 Palvelut
        Teksti.
        ## 3 Seuranta
        Teksti.
        ## 4 Kumppanit
        Kunta, hyvinvointialue, seurakunta ja järjestöt kokoontuvat neljästi vuodessa.
        """
        let report = Packs.engine.check(try MarkdownPlanReader().read(base, file: "map.md"), asOf: PlanDate(year: 2026, month: 1, day: 1)!)
        #expect(report.results.first { $0.rule == "LSL-12-2-3" }?.status == .pass)
        let broken = base.replacingOccurrences(of: "LSL-12-2-3: \"4\"", with: "LSL-12-2-3: \"9\"")
        let report2 = Packs.engine.check(try MarkdownPlanReader().read(broken, file: "map.md"), asOf: PlanDate(year: 2026, month: 1, day: 1)!)
        let f = try #require(report2.findings.first { $0.ruleID == "LSL-12-2-3" })
        #expect(f.start == LineColumn(line: 5, column: 25), "points at the legal_map value")
    }
}

@Suite("Dates")
struct DateTests {
    @Test("ISO and Finnish dates parse; invalid ones do not", arguments: [
        ("2025-06-14", "2025-06-14"), ("14.6.2025", "2025-06-14"), ("14.06.2025", "2025-06-14"), ("1.1.2023.", "2023-01-01"),
        ("29.2.2024", "2024-02-29"), ("31.2.2025", nil), ("2025-13-01", nil), ("29.2.2023", nil), ("14.6.25", nil), ("kesäkuu 2025", nil), ("", nil),
    ] as [(String, String?)])
    func parse(_ input: String, _ expected: String?) {
        #expect(PlanDate(parsing: input)?.iso == expected)
    }

    @Test("Adding four years keeps the day, except 29 February")
    func addingYears() {
        #expect(PlanDate(year: 2021, month: 6, day: 14)?.adding(years: 4).iso == "2025-06-14")
        #expect(PlanDate(year: 2024, month: 2, day: 29)?.adding(years: 1).iso == "2025-02-28")
    }
}

@Suite("Term matching on stems")
struct TermPatternTests {
    @Test("Stems match inflected and compound Finnish words")
    func stems() throws {
        let council = try TermPattern(["valtuust*", "fullmäktig*"])
        #expect(council.isFound(in: "hyväksytty kunnanvaltuustossa") == false, "valtuust* is a word start")
        #expect(council.isFound(in: "Valtuustossa 12.6.2023"))
        #expect(council.isFound(in: "kommunfullmäktige") == false)
        let infix = try TermPattern(["*palvelu*"])
        #expect(infix.isFound(in: "Perhepalvelujen verkosto"))
        let phrase = try TermPattern(["hyvinvoinnin tila*"])
        #expect(phrase.isFound(in: "Lasten ja nuorten hyvinvoinnin tilasta"))
        #expect(!phrase.isFound(in: "hyvinvoinnin edistäminen"))
        let regex = try TermPattern(["/§\\s*\\d+/"])
        let m = try #require(regex.firstMatch(in: "Kunnanvaltuusto 10.12.2025 § 89"))
        #expect(m.text == "§ 89")
        #expect(m.lower == 27, "offsets count Unicode scalars")
    }

    /// Every Unicode scalar once, in order: the text the character-class tests compare on.
    static let everyScalar: String = {
        var scalars = String.UnicodeScalarView()
        for value in 0...0x10FFFF {
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }()

    @Test("The word-character class matches what [\\p{L}\\p{N}] matches ignoring case, on every scalar")
    func wordCharacterClass() throws {
        let text = Self.everyScalar
        let whole = NSRange(location: 0, length: (text as NSString).length)
        let reference = try NSRegularExpression(pattern: "[\\p{L}\\p{N}]", options: [.caseInsensitive])
        let ours = try NSRegularExpression(pattern: TermPattern.wordChar, options: [.caseInsensitive])
        let expected = reference.matches(in: text, range: whole).map(\.range.location)
        let found = ours.matches(in: text, range: whole).map(\.range.location)
        #expect(expected.count > 140_000, "letters and digits of every script")
        #expect(found == expected)
        // The compact form drops word checks beside a phrase's separators: no separator
        // character may be a letter or digit.
        let separatorLetter = try NSRegularExpression(pattern: "(?=\(TermPattern.wordChar))\(TermPattern.separator)", options: [.caseInsensitive])
        #expect(separatorLetter.firstMatch(in: text, range: whole) == nil)
    }

    @Test("A letter class written for speed matches what \\p{L} matches ignoring case, on every scalar")
    func cheapLetterClass() throws {
        let text = Self.everyScalar
        let whole = NSRange(location: 0, length: (text as NSString).length)
        let reference = try NSRegularExpression(pattern: "\\p{L}", options: [.caseInsensitive])
        let ours = try NSRegularExpression(pattern: TermPattern.cheapLetters("\\p{L}"), options: [.caseInsensitive])
        #expect(TermPattern.cheapLetters("\\p{L}") != "\\p{L}")
        let expected = reference.matches(in: text, range: whole).map(\.range.location)
        #expect(expected.count > 130_000, "the letters of every script")
        #expect(ours.matches(in: text, range: whole).map(\.range.location) == expected)
    }

    @Test("\\p{Alpha} is rewritten to a case-sensitive class that matches the same, on every scalar")
    func cheapAlphabeticClass() throws {
        let text = Self.everyScalar
        let whole = NSRange(location: 0, length: (text as NSString).length)
        let cheap = TermPattern.cheapLetters("\\p{Alpha}")
        #expect(cheap == "(?-i:\\p{Alpha})")
        let expected = try NSRegularExpression(pattern: "\\p{Alpha}", options: [.caseInsensitive]).matches(in: text, range: whole).map(\.range.location)
        #expect(expected.count > 130_000)
        #expect(try NSRegularExpression(pattern: cheap, options: [.caseInsensitive]).matches(in: text, range: whole).map(\.range.location) == expected)
        // Case-sensitive too: the property is closed under case.
        #expect(try NSRegularExpression(pattern: "\\p{Alpha}").matches(in: text, range: whole).map(\.range.location) == expected)
    }

    @Test("On Latin script \\p{Alpha} is \\p{L} and \\p{Upper} is \\p{Lu}: the packs' letters match what they matched")
    func alphabeticIsLettersOnLatin() throws {
        // Basic Latin to Latin Extended-B, IPA, the spacing modifiers, Latin Extended
        // Additional, and the Latin of Finnish and Swedish names and loans.
        var scalars = String.UnicodeScalarView()
        for range in [0...0x2FF, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xFB00...0xFB06] {
            for v in range { if let u = Unicode.Scalar(v) { scalars.append(u) } }
        }
        let text = String(scalars)
        let whole = NSRange(location: 0, length: (text as NSString).length)
        func positions(_ pattern: String) throws -> [Int] {
            try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]).matches(in: text, range: whole).map(\.range.location)
        }
        #expect(try positions("\\p{L}").count > 1000)
        #expect(try positions("\\p{Alpha}") == positions("\\p{L}"))
        #expect(try positions("(?-i:\\p{Upper})") == positions("(?-i:\\p{Lu})"))
        // Elsewhere they differ where they should for words: letter numbers (Ⅳ) and the
        // vowel signs of Brahmic scripts (ि) are part of a word for \p{Alpha}.
        #expect(try NSRegularExpression(pattern: "^\\p{Alpha}+$").firstMatch(in: "हिंदी", range: NSRange(location: 0, length: 5)) != nil)
        #expect(try NSRegularExpression(pattern: "^\\p{L}+$").firstMatch(in: "हिंदी", range: NSRange(location: 0, length: 5)) == nil)
    }

    @Test("Only \\p{L} outside brackets is rewritten, and never in a body with inline flags or quoting")
    func cheapLettersLeavesTheRest() {
        let cheap = "(?-i:[\\p{L}\\u0345])"
        #expect(TermPattern.cheapLetters("(?<!\\p{L})valtuust\\p{L}*") == "(?<!\(cheap))valtuust\(cheap)*")
        #expect(TermPattern.cheapLetters("[^\\p{L}]x\\p{L}") == "[^\\p{L}]x\(cheap)", "inside brackets as written")
        #expect(TermPattern.cheapLetters("[[a-z]&&[\\p{L}]]\\p{L}") == "[[a-z]&&[\\p{L}]]\(cheap)", "nested sets")
        #expect(TermPattern.cheapLetters("\\\\p{L}") == "\\\\p{L}", "an escaped backslash, then text")
        for untouched in ["(?i)\\p{L}+", "(?-i:LOS)\\p{L}", "(?x) \\p{L} # c", "\\Q\\p{L}\\E", "[]a]\\p{L}", "\\P{L}", "\\p{Lu}", "\\p{L"] {
            #expect(TermPattern.cheapLetters(untouched) == untouched, "\(untouched)")
        }
        #expect(TermPattern.cheapLetters("(?:a|b)(?<x>\\p{L})(?=\\p{L})") == "(?:a|b)(?<x>\(cheap))(?=\(cheap))", "groups that are not flags")
        // \p{Alpha} is rewritten in every region, inline flags or not; never inside brackets.
        let alpha = "(?-i:\\p{Alpha})"
        #expect(TermPattern.cheapLetters("(?-i:LOS)\\p{Alpha}*") == "(?-i:LOS)\(alpha)*")
        #expect(TermPattern.cheapLetters("(?<!\\p{Alpha})x\\p{L}") == "(?<!\(alpha))x\(cheap)")
        #expect(TermPattern.cheapLetters("[\\p{Alpha}-]\\p{Alphabetic}\\p{Alpha") == "[\\p{Alpha}-]\\p{Alphabetic}\\p{Alpha")
        #expect(TermPattern.cheapLetters("\\Q\\p{Alpha}\\E") == "\\Q\\p{Alpha}\\E")
    }

    @Test("Every /regex/ term and fact pattern of the packs finds the same with its letters rewritten, on the example plans")
    func cheapLettersOnThePacks() throws {
        _ = Packs.engine
        var bodies = CompiledPatterns.shared.regexes
        for terms in CompiledPatterns.shared.termLists {
            for case .regex(let body) in try TermPattern.parts(of: terms, checking: false) { bodies.append(body) }
        }
        let rewritten = bodies.filter { TermPattern.cheapLetters($0) != $0 }
        #expect(rewritten.count > 20, "the packs' sentence patterns use \\p{L}")
        var texts = ["Valtuusto hyväksyi ſuunnitelman; \u{345}valtuusto ja ΐ ǰ İ ß ﬀ. Kunnanvaltuusto 8.4.2019 § 24 hyväksyi."]
        // Four plans with PLANLINT_THOROUGH=1, a Finnish and a Swedish one without.
        // Four plans with PLANLINT_THOROUGH=1, one without.
        for name in Thorough.sample(["jarvela-2025.md", "lahdenpera-2019.md", "vasterby-2024.md", "helsinki-2024.md"], every: 4) {
            texts.append(try String(contentsOf: Repo.root.appendingPathComponent("Examples/\(name)"), encoding: .utf8))
        }
        var matched = 0
        for body in rewritten {
            let original = try NSRegularExpression(pattern: body, options: [.caseInsensitive])
            let cheap = try NSRegularExpression(pattern: TermPattern.cheapLetters(body), options: [.caseInsensitive])
            for text in texts {
                let whole = NSRange(location: 0, length: (text as NSString).length)
                let a = original.matches(in: text, range: whole), b = cheap.matches(in: text, range: whole)
                #expect(a.map(\.range) == b.map(\.range), "\(body)")
                matched += a.count
            }
            #expect(RequiredLiterals.of(body) == RequiredLiterals.of(TermPattern.cheapLetters(body)), "the token filter of \(body)")
        }
        #expect(matched > 20, "the patterns find something in the examples")
    }

    @Test("Every stem and phrase compiles, whatever characters it holds")
    func phrasesAlwaysCompile() throws {
        // Stem and phrase lists are compiled on first use, so one that ICU refused would
        // silently match nothing: escaping must make every one of them valid.
        let awkward = ["*", "**", "***", "-", "–", "a*b", "(", ")", "[", "]", "{2}", "\\", "\\p{L}", "$", "^", "|", "?", "+", ".",
                       "#", "(?i)", "\\Q", "\\E", "a\\Eb", "\"", "'", "/", "/a", "a/", "§ 12", "12 §:n 2 mom.", "(?<x>", "ä*", "*ö"]
        // And 300 phrases of those characters, the same ones on every run.
        var phrases = awkward
        let alphabet = Array("ab *\\()[]{}?+|.^$#-–\"'§äÅ\t")
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        for _ in 0..<300 {
            let phrase = String((0...next(12)).map { _ in alphabet[next(alphabet.count)] })
            if !phrase.trimmingCharacters(in: .whitespaces).isEmpty { phrases.append(phrase) }
        }
        for phrase in phrases {
            let pattern = try TermPattern([phrase])
            #expect(pattern.compiles, "\(phrase)")
        }
        #expect(try TermPattern(awkward).compiles)
    }

    @Test("Every pattern of the embedded packs compiles as it is matched, ignoring case")
    func packPatternsCompile() throws {
        _ = Packs.engine
        let patterns = CompiledPatterns.shared.all
        #expect(patterns.count > 100)
        for pattern in patterns {
            #expect(pattern.compilesOnItsOwn, "\(pattern.source)")
        }
    }

    @Test("Whether ICU accepts a pattern does not depend on ignoring case")
    func validityIgnoresCase() {
        // Patterns are checked without .caseInsensitive when a pack is read (closing every
        // \p{L} over case is the slow part) and compiled with it when first matched.
        let pieces = ["(?<=", "(?<!", "(?=", "(?!", "\\p{L}", "\\p{Lu}", "[\\p{L}]", "\\Q", "\\E", "(?i)", "(?-i:", "(?<n>", "\\k<n>",
                      "\\1", "{2,3}", "{0,200}?", "ß", "ﬀ", "ss", "ΐ", "ǰ", "İ", "\u{345}", "[^\\n]", "\\b", "\\w", "*", "+", "?", "(", ")",
                      "[", "]", "|", "^", "$", ".", "\\", "a", "s", "K", "{", "}", "-", "<", ">", "!", "="]
        var seed: UInt64 = 0x1CA5E
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        var valid = 0
        for _ in 0..<3000 {
            let pattern = (0...next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            let plain = (try? NSRegularExpression(pattern: pattern, options: [])) != nil
            let folded = (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])) != nil
            #expect(plain == folded, "\(pattern)")
            if plain { valid += 1 }
        }
        #expect(valid > 300 && valid < 2700, "both valid and invalid patterns were tried")
    }

    /// The compact form of every `stride`-th list of the packs against its plain form: every
    /// match in each of `texts`, first matches in each of `paragraphs`.
    static func compactAgrees(texts: [String], paragraphs: [String], everyList stride: Int = 1) throws {
        _ = Packs.engine
        let all = CompiledPatterns.shared.termLists
        #expect(all.count > 80)
        let lists = all.indices.filter { $0 % stride == 1 % stride }.map { all[$0] }
        #expect(lists.count > 20)
        for terms in lists {
            let parts = try TermPattern.parts(of: terms)
            let compact = try NSRegularExpression(pattern: TermPattern.pattern(of: parts), options: [.caseInsensitive])
            let plain = try NSRegularExpression(pattern: TermPattern.pattern(of: parts, form: .plain), options: [.caseInsensitive])
            for text in texts {
                let whole = NSRange(location: 0, length: (text as NSString).length)
                #expect(compact.matches(in: text, range: whole).map(\.range) == plain.matches(in: text, range: whole).map(\.range), "\(terms)")
            }
            // The form for first matches, where it differs, as a check uses it: in each paragraph.
            guard !TermPattern.anchorsEveryMatch(parts) else { continue }
            let first = try NSRegularExpression(pattern: TermPattern.pattern(of: parts, firstMatchOnly: true), options: [.caseInsensitive])
            for text in paragraphs {
                let whole = NSRange(location: 0, length: (text as NSString).length)
                #expect(first.firstMatch(in: text, range: whole)?.range == plain.firstMatch(in: text, range: whole)?.range, "\(terms)")
            }
        }
    }

    static let awkwardText = "perhepalveluissa PALVELU-verkosto palvelu2 2palvelu ſpalvelu \u{345}palvelu x–palvelu Oppilashuolto, elevhälsan KV:n kv. 3kv"

    static func example(_ name: String) throws -> String {
        try String(contentsOf: Repo.root.appendingPathComponent("Examples/\(name)"), encoding: .utf8)
    }

    @Test("The compact form of every list of the packs finds what the plain form finds, on a sample of example paragraphs")
    func compactFormOnExampleParagraphs() throws {
        // Every fourth list (none of those in the token matcher's sample): every match in
        // every tenth paragraph of a Finnish plan; first matches in every tenth paragraph of a
        // Swedish one. Every list on both plans whole with PLANLINT_THOROUGH=1, below.
        let finnish = try Self.example("jarvela-2025.md").components(separatedBy: "\n\n").enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
        let swedish = try Self.example("vasterby-2024.md").components(separatedBy: "\n\n").enumerated().filter { $0.offset % 10 == 1 }.map(\.element)
        #expect(finnish.count > 5 && swedish.count > 5)
        try Self.compactAgrees(texts: finnish + [Self.awkwardText], paragraphs: swedish, everyList: 4)
    }

    @Test("The compact form of every list of the packs finds what the plain form finds, on example plans", .thorough)
    func compactFormOnWholeExamples() throws {
        // Every match in a Finnish plan; first matches in each paragraph of a Swedish one.
        try Self.compactAgrees(texts: [try Self.example("jarvela-2025.md"), Self.awkwardText],
                               paragraphs: try Self.example("vasterby-2024.md").components(separatedBy: "\n\n"))
    }

    @Test("The compact form finds what the plain form finds, on awkward lists and text")
    func compactFormOnAwkwardLists() throws {
        let lists: [[String]] = [
            ["valtuust*", "kunnanvaltuust*", "*palvelu*", "kv", "*-palvelu", "hyvinvoinnin tila*", "lasten *suojelu", "2030"],
            ["*", "palvelu"], ["**", "*palvelu*"], ["/perhe/", "*palvelu*", "perhe"], ["a b c", "a* *b* c*", "*a -b"],
            ["oppilas- ja opiskelijahuol*", "*huolto* suunnitelm*", "§ 12", "12 §*", "ſ*", "*ß*", "\u{345}*"],
        ]
        let text = """
            Kunnanvaltuusto kv KV:n valtuustossa perhepalvelut perhe-palvelut -palvelu palvelu2 2030 20301
            hyvinvoinnin tilasta; lasten suojelu, lastensuojelu. a b c, ab bb cc, a -b, oppilas- ja opiskelijahuollon
            huolto suunnitelma § 12 12 §:n ſtrasse STRASSE straße ͅx \u{345}\u{345} ääni Ä
            """
        for terms in lists {
            let parts = try TermPattern.parts(of: terms)
            let compact = try NSRegularExpression(pattern: TermPattern.pattern(of: parts), options: [.caseInsensitive])
            let plain = try NSRegularExpression(pattern: TermPattern.pattern(of: parts, form: .plain), options: [.caseInsensitive])
            let whole = NSRange(location: 0, length: (text as NSString).length)
            let found = plain.matches(in: text, range: whole).map(\.range)
            #expect(!found.isEmpty)
            #expect(compact.matches(in: text, range: whole).map(\.range) == found, "\(terms)")
            // The first match from every position, inside words too.
            let first = try NSRegularExpression(pattern: TermPattern.pattern(of: parts, firstMatchOnly: true), options: [.caseInsensitive])
            let scalars = Array(text.unicodeScalars)
            for start in scalars.indices {
                var rest = String.UnicodeScalarView()
                rest.append(contentsOf: scalars[start...])
                let tail = String(rest)
                let range = NSRange(location: 0, length: (tail as NSString).length)
                #expect(first.firstMatch(in: tail, range: range)?.range == plain.firstMatch(in: tail, range: range)?.range, "\(terms) from \(start)")
            }
        }
    }

    @Test("After a /regex/ that ends inside a word, a *stem still matches the rest of the word")
    func infixAfterRegex() throws {
        #expect(try TermPattern(["/perhe/", "*palvelu*"]).firstMatch(in: "lapsiperhepalvelut")?.text == "lapsiperhepalvelut")
        #expect(try TermPattern(["/perhe/", "*palvelu*"]).matches(in: "perhepalvelut").map(\.text) == ["perhe", "palvelut"])
        #expect(try TermPattern(["valtuust*", "*-palvelu"]).matches(in: "valtuusto-palvelu").map(\.text) == ["valtuusto", "-palvelu"])
        #expect(try TermPattern(["*palvelu*"]).matches(in: "Perhepalvelut ja sosiaalipalvelu").map(\.text) == ["Perhepalvelut", "sosiaalipalvelu"])
    }

    @Test("An ASCII scalar starts a stem with a letter or digit as ICU's class says")
    func asciiWordCharacters() throws {
        let wordCharacter = try NSRegularExpression(pattern: "^" + TermPattern.wordChar, options: [.caseInsensitive])
        for value in UInt8(0)...UInt8(127) {
            let text = String(UnicodeScalar(value))
            let icu = wordCharacter.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
            #expect(TermPattern.startsWithWordCharacter(Substring(text)) == icu, "\(value)")
        }
        #expect(TermPattern.startsWithWordCharacter("äiti"))
        #expect(!TermPattern.startsWithWordCharacter("–palvelu"))
    }

    @Test("A bad term is refused with the term named")
    func badTerm() {
        #expect(throws: TermPatternError.self) { try TermPattern(["/([a-z/"]) }
    }
}
