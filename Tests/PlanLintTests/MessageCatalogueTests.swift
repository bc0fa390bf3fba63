// Every message planlint can write, rendered in every language: the engine's catalogue and
// every text of every loaded pack (titles, messages, fixes, questions, profiles). A message
// fails when a language is missing, when the languages disagree on their placeholders, when
// a placeholder is left unfilled, or when Finnish or Swedish text gives itself away as
// English or as a code value (a status, a scope, a severity as the data block spells it).
import Foundation
import Testing
@testable import PlanLint

/// One text to check: where it comes from, and its three languages.
struct MessageUnderTest: CustomStringConvertible {
    var origin: String
    var text: Localized

    var description: String { origin }

    /// The catalogue's messages and every text of the embedded packs.
    static var all: [MessageUnderTest] {
        var out = Catalogue.all.map { MessageUnderTest(origin: $0.key, text: $0.text) }
        for pack in Packs.engine.packs {
            out.append(MessageUnderTest(origin: "\(pack.id).title", text: pack.title))
            for p in pack.profiles { out.append(MessageUnderTest(origin: "\(pack.id).profile.\(p.id)", text: p.title)) }
            for r in pack.rules {
                var texts: [(String, Localized?)] = [("title", r.title), ("violation", r.messages.violation), ("missing", r.messages.missing),
                                                     ("invalid", r.messages.invalid), ("empty", r.messages.empty), ("remediation", r.remediation)]
                texts.append(("review", r.review))
                for case let (name, text?) in texts { out.append(MessageUnderTest(origin: "\(r.id).\(name)", text: text)) }
            }
        }
        for rule in Suppressions.builtInRules {
            out.append(MessageUnderTest(origin: "\(rule.id).title", text: rule.title))
            out.append(MessageUnderTest(origin: "\(rule.id).remediation", text: rule.remediation))
        }
        return out
    }
}

/// Words that give Finnish or Swedish text away as English or as a code.
enum Giveaway {
    /// English words no Finnish or Swedish sentence uses.
    static let english: Set<String> = [
        "the", "and", "of", "is", "are", "not", "with", "found", "checked", "error", "errors", "warning", "warnings", "finding", "findings",
        "suppressed", "scope", "section", "requirement", "requirements", "every", "each", "valid", "matches", "equals", "should", "must",
        "applies", "front", "matter", "which", "none", "pass", "fail", "review", "plans", "profile", "belongs", "reference", "date",
    ]
    /// Code values as the data block and the packs spell them.
    static let codes: Set<String> = [
        "draft", "proposal", "approved", "municipal", "joint_municipal", "regional", "statute", "practice", "not-applicable", "needs-review",
        "early_childhood", "education", "social", "health", "youth",
    ]
    /// English words that are also Finnish or Swedish words.
    static let alsoNative: [Language: Set<String>] = [.fi: [], .sv: ["plan", "status", "text", "info", "regional"], .en: []]

    /// The giveaway words of `text` in `language`. Spans that quote the data block's syntax
    /// (`{key: value}`, `[a, b]`, `key:`, `path.to.field`, HTML comments) and search patterns
    /// (`term*`, `/regex/`) are left out: a fix that shows what to write quotes the data
    /// block's own spelling, and a pattern lists the words of both languages.
    static func words(in text: String, _ language: Language) -> [String] {
        guard language != .en else { return [] }
        var t = text
        for pattern in [#"<!--.*?-->"#, #"[A-Za-z_$@]+[A-Za-z0-9_]*(\[[^\]]*\])?(\.[A-Za-z_*\[\]0-9]+)+"#, #"\{[^{}]*\}"#, #"\[[^\[\]]*\]"#,
                        #"/[^/\n]*/"#, #"\S*\*\S*"#,
                        #"[A-Za-z_]+:(?=\s)"#, #"'[^']*'"#, #"«[^»]*»"#] {
            t = t.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let allowed = alsoNative[language] ?? []
        return t.split { !($0.isLetter || $0 == "_" || $0 == "-") }
            .map { $0.lowercased() }
            .filter { (english.contains($0) || codes.contains($0)) && !allowed.contains($0) }
    }
}

@Suite("Message catalogue")
struct MessageCatalogueTests {
    @Test("Catalogue keys are unique and read area.key")
    func keys() {
        let keys = Catalogue.all.map(\.key)
        #expect(keys.count > 150, "the catalogue is found by reflection: \(keys.count)")
        #expect(Set(keys).count == keys.count, "duplicate keys: \(Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        for k in keys { #expect(k.range(of: #"^[a-z]+(\.[a-z_]+)+$"#, options: .regularExpression) != nil, "\(k)") }
    }

    @Test("Every message is written in every language, with the same placeholders, filled when rendered, and no English in fi/sv",
          arguments: MessageUnderTest.all)
    func renders(_ m: MessageUnderTest) {
        let names = Language.allCases.map { Set(MessageTemplate.names(in: m.text[$0])) }
        #expect(names[0] == names[1] && names[1] == names[2], "placeholders differ: fi \(names[0].sorted()), sv \(names[1].sorted()), en \(names[2].sorted())")
        var values: [String: MessageValue] = [:]
        for name in names.reduce(Set(), { $0.union($1) }) { values[name] = .number(2) }
        for l in Language.allCases {
            #expect(!m.text[l].trimmingCharacters(in: .whitespaces).isEmpty, "no \(l.rawValue) text")
            let out = MessageTemplate.fill(m.text[l], values, l)
            #expect(MessageTemplate.names(in: out).isEmpty, "unfilled in \(l.rawValue): \(out)")
            #expect(!out.contains("|#") && !out.contains("#|"), "a plural form left in \(l.rawValue): \(out)")
            let words = Giveaway.words(in: out, l)
            #expect(words.isEmpty, "\(l.rawValue) text has English or code words \(words): \(out)")
        }
        // Finnish and Swedish say it in their own words, not the English ones (a text of
        // placeholders, or a single word both languages share, may read the same).
        let words = MessageTemplate.fill(m.text.en, [:], .en).replacingOccurrences(of: #"\{[^}]*\}"#, with: "", options: .regularExpression)
            .split { !$0.isLetter }
        if words.count > 1 {
            #expect(m.text.fi != m.text.en && m.text.sv != m.text.en, "fi or sv is the English text: \(m.text.en)")
        }
    }

    @Test("The word list catches what it is for, and leaves data-block syntax alone")
    func giveawayCatches() {
        #expect(Giveaway.words(in: "tila draft, laajuus municipal", .fi) == ["draft", "municipal"])
        #expect(Giveaway.words(in: "Ryhmästä puuttuu edustus toimialoilta: social ja health.", .fi) == ["social", "health"])
        #expect(Giveaway.words(in: "10 plans checked, 6 errors", .fi) == ["plans", "checked", "errors"])
        #expect(Giveaway.words(in: "Kirjaa tietolohkoon monitoring.reporting: [{frequency: annual, to: kunnanvaltuusto}].", .fi).isEmpty)
        #expect(Giveaway.words(in: "Planen har status godkänd.", .sv).isEmpty)
    }

    @Test("Plural forms, lists, dates and labels follow the language")
    func filler() throws {
        let m = Catalogue.compliance.findings
        #expect(m.render(.fi, ["n": .number(1)]) == "1 havainto")
        #expect(m.render(.fi, ["n": .number(2)]) == "2 havaintoa")
        #expect(m.render(.sv, ["n": .number(1)]) == "1 anmärkning")
        #expect(m.render(.sv, ["n": .number(2)]) == "2 anmärkningar")
        #expect(m.render(.en, ["n": .number(0)]) == "0 findings")
        let list = MessageValue.list(["a", "b", "c"])
        #expect(list.rendered(.fi) == "a, b ja c" && list.rendered(.sv) == "a, b och c" && list.rendered(.en) == "a, b and c")
        #expect(MessageValue.list(["a"]).rendered(.fi) == "a")
        let date = try #require(PlanDate(parsing: "2026-12-31"))
        #expect(MessageValue.date(date).rendered(.fi) == "31.12.2026" && MessageValue.date(date).rendered(.en) == "2026-12-31")
        #expect(MessageValue.labels([Localized(fi: "luonnos", sv: "utkast", en: "draft"), Localized(fi: "hyväksytty", sv: "godkänd", en: "approved")]).rendered(.sv) == "utkast och godkänd")
        // A placeholder without a value, and braces that are no placeholder, stay as written.
        #expect(MessageTemplate.fill("{a} {b} {LSL-1: \"x\"} {c|one}", ["a": .text("A")], .fi) == "A {b} {LSL-1: \"x\"} {c|one}")
        // A value is not read again as a template.
        #expect(MessageTemplate.fill("{a}", ["a": .text("{b}")], .fi) == "{b}")
    }

    @Test("rules list names severities in the asked language, rules explain outlines checks in it")
    func rulesListAndExplain() throws {
        let fi = RuleTable.text(Packs.engine.packs, language: .fi)
        let line = try #require(fi.split(separator: "\n").first { $0.hasPrefix("  LSL-12-1-APPROVAL-COUNCIL ") })
        #expect(line.contains("  Virhe  "), "\(line)")
        #expect(!fi.contains(" error ") && !fi.contains(" warning "))
        for pack in Packs.engine.packs {
            for rule in pack.rules {
                for l in [Language.fi, .sv] {
                    let labels = RuleExplanation.labels(rule, profiles: Packs.engine.profiles)
                        .merging(RuleExplanation.valueLabels(Packs.engine.packs)) { a, _ in a }
                    let text = RuleExplanation.describe(rule.check, indent: "", l, labels: labels)
                    let words = Giveaway.words(in: text, l)
                    #expect(words.isEmpty, "\(rule.id) \(l.rawValue): \(words) in \(text)")
                }
            }
        }
    }

    @Test("The output of a defective draft in Finnish and Swedish has no English or code words", arguments: [Language.fi, .sv])
    func defectiveDraft(_ language: Language) throws {
        let report = try Repo.check("Examples/koskenkyla-luonnos-2026.md", language: language)
        let result = RunResult(outcomes: [.checked(report)], packs: Packs.engine.packs, asOf: report.asOf, language: language)
        for f in report.findings {
            for text in [f.title, f.message, f.remediation] {
                let words = Giveaway.words(in: text, language)
                #expect(words.isEmpty, "\(f.ruleID): \(words) in \(text)")
            }
        }
        let text = TextReporter(color: false, language: language).report(result)
        let summary = try #require(text.split(separator: "\n").last)
        #expect(Giveaway.words(in: String(summary), language).isEmpty, "\(summary)")
        let header = try #require(text.split(separator: "\n").first)
        #expect(Giveaway.words(in: String(header), language).isEmpty, "\(header)")
        // The council reports, as an official reads them: the HTML page's text outside code,
        // quotations of the plan (evidence, excerpts) and the appendix, and the compliance
        // report above its appendix.
        var page = HTMLReporter().report(result)
        for pattern in [#"<head>[\s\S]*</head>"#, #"<section class="appendix"[\s\S]*</section>"#, #"<code[^>]*>[^<]*</code>"#, #"<q class="evidence">[^<]*</q>"#,
                        #"<pre class="excerpt">[\s\S]*?</pre>"#, #"<[^>]+>"#] {
            page = page.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for line in page.split(separator: "\n") {
            #expect(Giveaway.words(in: String(line), language).isEmpty, "html: \(line)")
        }
        let compliance = ComplianceReporter().report(result)
        let body = compliance.components(separatedBy: "\n\(Catalogue.compliance.appendix[language]):").first ?? compliance
        for line in body.split(separator: "\n") {
            // Rule ids are codes by design: leave them out.
            let prose = line.replacingOccurrences(of: #"\b[A-Z][A-Z0-9]*(-[A-Z0-9]+)+\b"#, with: " ", options: .regularExpression)
            #expect(Giveaway.words(in: prose, language).isEmpty, "compliance: \(line)")
        }
    }
}
