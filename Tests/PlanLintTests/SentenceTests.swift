// `mentions: {sentence: [LIST, LIST…]}`: one sentence holds a term of every list. The
// packs said this with a regular expression of look-aheads; the check must find what that
// expression found, where it found it.
import Foundation
import Testing
@testable import PlanLint

@Suite("One sentence holds a term of every list")
struct SentenceTests {
    /// The packs' sentence tests as they were written before `sentence:` (fragments of
    /// regular expressions; each matched anywhere in a word).
    static let forms: [[[String]]] = [
        // GP-ANNUAL-REPORT: every year, the council, a report.
        [["vuosittai", "vuosiraport", "kerran vuodessa", "joka vuosi", "vuoden välein", "årlig", "varje år", "en gång per år", "en gång om året"],
         ["valtuust", "fullmäktig"],
         ["raportoi", "raportti", "raportissa", "raporttia", "raportin", "kertomu", "rapporter", "rapport", "redogör", "redovis", "presenter", "esittel", "berättelse"]],
        // GP-CHILD-PARTICIPATION-EVALUATION: children or young people, a way to take part, the evaluation.
        [["lapset", "lapsia", "lasten", "nuoret", "nuoria", "nuorten", "nuorisovaltuust", "nuorisoneuvost", "oppilaskun", "oppilaat", "oppilaiden", "opiskelijakun", "opiskelijat", "barn", "unga", "ungdomar", "ungdomsfullmäktig", "elevkår", "elever"],
         ["osallistu", "osallis", "mukana", "kuull", "kuule", "vaikutta", "(?<!terveys)kysel", "työpaja", "raati", "raadi", "palaute", "delta", "medverk", "hörs", "höra", "enkät(?!en hälsa)", "workshop", "respons"],
         ["arvioi", "arvioin", "seurant", "seurann", "seurata", "seuraamaan", "utvärder", "uppfölj", "följa upp", "följer upp"]],
        // … and a body of children or young people that evaluates.
        [["nuorisovaltuust", "nuorisoneuvost", "oppilaskun", "opiskelijakun", "lapsiraat", "nuorisoraat", "lasten parlament", "ungdomsfullmäktig", "elevkår", "elevråd", "barnpanel", "barnparlament"],
         ["arvioi", "arvioin", "seurant", "seurann", "seurata", "utvärder", "uppfölj", "följa upp", "följer upp"]],
    ]

    /// The regular expression the packs had for `lists`.
    static func regex(_ lists: [[String]]) -> String {
        let inSentence = #"(?:[^.]|\.(?!\s+(?-i:\p{Lu})))"#
        return #"/(?:\A|(?<=[.!?]\s))"# + lists.map { "(?=\(inSentence)*(?:\($0.joined(separator: "|"))))" }.joined() + "\(inSentence){1,80}/"
    }

    /// The same lists as the packs now write them: `*stem*`, or a `/regex/` for a fragment
    /// with a look-around.
    static func check(_ lists: [[String]]) throws -> MentionsCheck {
        let patterns = try lists.map { list in try TermPattern(list.map { $0.contains("(?") ? "/\($0)/" : "*\($0)*" }) }
        var check = MentionsCheck(terms: patterns[0], inSections: nil, min: 1)
        check.sentence = patterns
        return check
    }

    static func agree(_ form: [[String]], on texts: [String]) throws -> Int {
        let old = try TermPattern([regex(form)])
        let new = try check(form)
        var found = 0
        for text in texts {
            let expected = old.regexMatches(in: text, groupNames: [], limit: .max)
            let got = new.matches(in: text, limit: .max)
            #expect(got == expected && zip(got, expected).allSatisfy { $0.text == $1.text }, "\(form[0].prefix(2)) on «\(text.prefix(300))»: \(got) ≠ \(expected)")
            #expect(new.matches(in: text, limit: 1) == Array(expected.prefix(1)))
            found += expected.count
        }
        return found
    }

    @Test("A sentence holding all the lists is found; the same words in two sentences are not")
    func boundaries() throws {
        let participation = try Self.check(Self.forms[1])
        func first(_ text: String) -> String? { participation.matches(in: text, limit: 1).first?.text }
        #expect(first("Nuoret osallistuvat toimenpiteiden arviointiin vuosittain.") == "Nuoret osallistuvat toimenpiteiden arviointiin vuosittain.")
        #expect(first("Nuoret osallistuvat suunnitteluun. Toteutumista arvioidaan vuosittain.") == nil, "two sentences")
        // A full stop before a lower-case word, a number or an abbreviation does not end it.
        #expect(first("Esim. lapset osallistuvat 3. luokalta alkaen arviointiin.") != nil)
        #expect(first("Lapsia kuullaan mm. kyselyin, ja tulokset arvioidaan.") != nil)
        // A sentence starts after ! or ? and one space, but only a full stop ends one: the
        // question's sentence runs on, so its start is the first that holds all three.
        #expect(first("Mitä teemme? Nuoret arvioivat kyselyn tuloksia.")?.hasPrefix("Mitä") == true)
        #expect(first("Teemme näin. Nuoret arvioivat kyselyn tuloksia.")?.hasPrefix("Nuoret") == true)
        // The school health survey is not a way to take part (the look-behind of the list).
        #expect(first("Lasten hyvinvointia seurataan kouluterveyskyselyllä.") == nil)
        #expect(first("Lasten kyselyn tuloksia seurataan.") != nil)
        // The words noted are the sentence's first 80 characters.
        let long = "Lapset ja nuoret osallistuvat " + String(repeating: "monin tavoin ", count: 10) + "arviointiin."
        #expect(first(long)?.count == 80)
    }

    @Test("The sentence form finds what the packs' regular expressions found, on the example plans and the corpus")
    func examplesAgree() throws {
        var texts = try TokenMatcherTests.exampleTexts().flatMap { $0.components(separatedBy: "\n\n") }
        let corpus = Repo.root.appendingPathComponent("corpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() where name.hasSuffix(".md") && name != "README.md" {
            texts += try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8).components(separatedBy: "\n\n")
        }
        #expect(texts.count > 500)
        var found = 0
        for form in Self.forms { found += try Self.agree(form, on: texts) }
        #expect(found > 10, "the examples hold such sentences")
    }

    @Test("The sentence form finds what the regular expressions found, on generated text")
    func generatedAgree() throws {
        var generator = SplitMix64(seed: 0x5345_4E54)
        let words = ["Nuoret", "lapset", "lasten", "Oppilaskunta", "osallistuvat", "kuullaan", "kysely", "kouluterveyskysely", "arvioi", "arviointiin",
                     "seurantaan", "valtuusto", "Valtuustolle", "raportoidaan", "vuosittain", "kerran vuodessa", "barn", "Elevkåren", "deltar", "följer upp",
                     "utvärderingen", "ja", "och", "esim.", "3.", "mm.", "Työ", "Åbo", "enkäten hälsa", "enkät", "–", "(", ")", ","]
        let stops = [". ", ".  ", "! ", "? ", ".\n", ". 4", " ", " ", " ", " "]
        let texts = generator.texts(Thorough.enabled ? 4000 : 800, of: words, stops: stops, length: 3...30)
        var found = 0
        for form in Self.forms { found += try Self.agree(form, on: texts) }
        #expect(found > 20)
    }

    @Test("A sentence test is two lists or more, in place of terms")
    func parsing() throws {
        func load(_ check: String) -> String? {
            if case .failure(let e) = PackLoader.load(OneRulePack.source(id: "snt", origin: "local", check: check)) { return e.description }
            return nil
        }
        #expect(load("{mentions: {sentence: [[lapset], ['*arvioi*']]}}") == nil)
        #expect(load("{mentions: {sentence: [[lapset]]}}")?.contains("at least two term lists") == true)
        #expect(load("{mentions: {sentence: [lapset, arvioi]}}")?.contains("at least two term lists") == true)
        #expect(load("{mentions: {terms: [x], sentence: [[lapset], [arvioi]]}}")?.contains("not both") == true)
        #expect(load("{mentions: {in: [x]}}")?.contains("terms") == true)
    }
}
