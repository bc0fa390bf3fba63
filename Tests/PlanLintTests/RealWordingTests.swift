// Facts from the wording real plans use, with no front matter: the statute restated, dates
// left as placeholders, other documents' approvals, minutes extracts and cover lines.
// Each text is a few sentences written for the test, in the ways plans phrase these things.
import Testing
@testable import PlanLint

private func check(_ body: String, asOf: String = "2026-12-01") throws -> PlanReport {
    let plan = try MarkdownPlanReader().read(body, file: "plan.md")
    return Packs.engine.check(plan, asOf: try #require(PlanDate(parsing: asOf)), language: .en)
}

@Suite("Real wording")
struct RealWordingTests {
    @Test("The statute restated in the introduction is not a planned decision")
    func statuteRestated() throws {
        let r = try check("""
            # Lasten ja nuorten hyvinvointisuunnitelma

            ## Johdanto

            Lastensuojelulain mukaan suunnitelma hyväksytään kunnanvaltuustossa ja tarkistetaan \
            vähintään kerran neljässä vuodessa. Työryhmä kokoontui ensimmäisen kerran 3.2.2025.

            Suunnitelma hyväksytään kunnanvaltuustossa, ja se otetaan huomioon talousarviossa.
            """)
        #expect(r.status.value.rawValue != "draft", "\(r.status.reason)")
    }

    @Test("A date left as a placeholder is no date, and the plan is a draft")
    func placeholder() throws {
        let r = try check("""
            # Hyvinvointisuunnitelma 2026–2029

            Hyväksytty kunnanvaltuustossa __.__.2026 § __

            Luonnos oli lausunnoilla 1.9.2025–30.9.2025.
            """)
        #expect(r.status.value.rawValue == "draft", "\(r.status.reason)")
        #expect(r.referenceDate.value.iso != "2025-09-01")
    }

    @Test("A decision date 'added later' makes a draft; a measure's schedule 'added later' does not")
    func addedLater() throws {
        let draft = try check("""
            # Hyvinvointisuunnitelma

            Lautakunta esittää suunnitelman hyväksymistä. Valtuustokäsittelyn päivämäärä lisätään myöhemmin.
            """)
        #expect(draft.status.value.rawValue == "draft", "\(draft.status.reason)")
        let approved = try check("""
            # Hyvinvointisuunnitelma

            Kunnanvaltuusto hyväksyi suunnitelman 10.6.2024 § 31.

            | Toimenpide | Vastuu | Aikataulu |
            |---|---|---|
            | Perheneuvolan ajanvaraus verkkoon | perhepalvelut | aikataulu lisätään myöhemmin |
            """)
        #expect(approved.status.value.rawValue == "approved")
        #expect(approved.referenceDate.value.iso == "2024-06-10")
    }

    @Test("The welfare report's approval is not the plan's")
    func welfareReport() throws {
        let r = try check("""
            # Hyvinvointisuunnitelma 2025–2028

            Laaja hyvinvointikertomus hyväksyttiin kunnanvaltuustossa 9.12.2024 § 80. \
            Kunnanvaltuusto hyväksyi tämän suunnitelman 16.2.2025 § 12.
            """)
        #expect(r.referenceDate.value.iso == "2025-02-16", "\(r.referenceDate.reason)")
    }

    @Test("A minutes extract: the council and date head it, the decision comes paragraphs later")
    func minutesExtract() throws {
        let fi = try check("""
            # Lasten ja nuorten hyvinvointisuunnitelma 2019–2022

            ## 1 Lähtökohdat

            Suunnitelma on laadittu yhdessä kouluterveydenhuollon ja nuorisotyön kanssa.

            ## 8 Ote pöytäkirjasta

            MÄNTYLÄN KUNTA · Kunnanvaltuusto · 8.4.2019

            § 24 Lasten ja nuorten hyvinvointisuunnitelma

            Kunnanhallituksen ehdotus: Kunnanvaltuusto hyväksyy suunnitelman.

            Päätös: Kunnanvaltuusto hyväksyi ehdotuksen yksimielisesti.
            """)
        #expect(fi.referenceDate.value.iso == "2019-04-08", "\(fi.referenceDate.reason)")
        #expect(fi.profile?.value.id == "P2017")
        let proposalOnly = try check("""
            # Lasten ja nuorten hyvinvointisuunnitelma

            ## Pöytäkirjaote

            Kunnanvaltuusto 14.12.2026

            Ehdotus: Kunnanvaltuusto hyväksyy suunnitelman.
            """)
        #expect(proposalOnly.referenceDate.value.iso != "2026-12-14", "a proposal is not an approval")
    }

    @Test("A cover line with the council, the date and the minute records the approval")
    func coverLine() throws {
        let r = try check("""
            # Välfärdsplan för barn och unga 2024–2027

            Kommunfullmäktige 12.6.2024 § 41

            ## Inledning

            Planen har gjorts upp av en arbetsgrupp med representanter för skolan och ungdomsarbetet.
            """)
        #expect(r.referenceDate.value.iso == "2024-06-12", "\(r.referenceDate.reason)")
        #expect(r.status.value.rawValue == "approved")
    }

    @Test("A cover line in capitals says draft, in Finnish and in Swedish")
    func coverDraft() throws {
        for cover in ["LUONNOS 14.10.2025", "UTKAST 2.9.2025"] {
            let r = try check("""
                # Hyvinvointisuunnitelma 2026–2029

                \(cover)

                ## Johdanto

                Teksti.
                """)
            #expect(r.status.value.rawValue == "draft", "\(cover): \(r.status.reason)")
        }
    }
}

@Suite("Real wording: whose plan")
struct WhosePlanTests {
    @Test("A plan titled as Helsinki's or as a county's is checked as such; a chapter about the county is not")
    func scopeFromTitle() throws {
        let helsinki = try check("""
            # Helsingin kaupunki

            # Kasvun tuki – Helsingin lasten ja nuorten hyvinvointisuunnitelma 2025–2028

            ## Johdanto

            Teksti.
            """)
        #expect(helsinki.scope.value.rawValue == "helsinki", "\(helsinki.scope.reason)")
        let county = try check("""
            # Järvimaan hyvinvointialueen lasten ja nuorten hyvinvointisuunnitelma 2024–2027

            ## Johdanto

            Teksti.
            """)
        #expect(county.scope.value.rawValue == "regional", "\(county.scope.reason)")
        let municipal = try check("""
            # Lasten ja nuorten hyvinvointisuunnitelma 2024–2027

            ## Yhteistyö hyvinvointialueen kanssa

            Hyvinvointialueen lasten ja nuorten hyvinvointisuunnitelma ohjaa lastensuojelua; kunta \
            vastaa varhaiskasvatuksesta ja opetuksesta. Helsingin kaupunki on naapurikunta.
            """)
        #expect(municipal.scope.value.rawValue == "municipal", "\(municipal.scope.reason)")
    }
}

@Suite("Real wording: the law version, honestly")
struct LawVersionTests {
    @Test("Only the period in the title: the law is decided from the period, and the reason says so")
    func periodOnly() throws {
        let r = try check("""
            # Välfärdsplan för barn och unga 2019–2022

            ## Inledning

            Planen har gjorts upp av en arbetsgrupp med representanter för skolan och ungdomsarbetet.
            """)
        #expect(r.referenceDate.value.iso == "2019-01-01", "\(r.referenceDate.reason)")
        #expect(r.referenceDate.reason.contains("period"), "\(r.referenceDate.reason)")
        #expect(r.profile?.value.id == "P2017")
        #expect(!r.findings.contains { $0.ruleID == "PLANLINT-LAW-UNDECIDED" })
    }

    @Test("Nothing dates the plan: said once, rules of only some versions need review, rules of every version still run")
    func undated() throws {
        let r = try check("""
            # Lasten ja nuorten hyvinvointisuunnitelma

            ## Johdanto

            Suunnitelma on laadittu yhdessä koulujen, varhaiskasvatuksen ja nuorisotyön kanssa.
            """)
        #expect(r.profile == nil)
        #expect(r.referenceDate.undecided)
        let said = r.findings.filter { $0.ruleID == "PLANLINT-LAW-UNDECIDED" }
        #expect(said.count == 1)
        #expect(said.first?.severity == .warning)
        #expect(said.first?.message.contains("P2") == false, "versions by their titles, not ids: \(said.first?.message ?? "")")
        // No finding of a rule that belongs to only some versions of the law.
        let profiles = Dictionary(uniqueKeysWithValues: Packs.engine.rules.map { ($0.rule.id, $0.rule.applies) })
        for f in r.findings where f.ruleID != "PLANLINT-LAW-UNDECIDED" {
            let a = try #require(profiles[f.ruleID])
            #expect(a.profiles == nil && a.lawFrom == nil && a.lawUntil == nil, "\(f.ruleID) reported under a guessed law")
        }
        let review = r.results.filter { $0.status == .needsReview && $0.reason?.contains("version is undecided") == true }
        #expect(!review.isEmpty, "rules of some versions need review")
        // A rule of every version (the council approves the plan) still runs, and fails here.
        #expect(r.results.first { $0.rule == "LSL-12-1-APPROVAL-COUNCIL" }?.status == .fail)
        #expect(r.decisions.contains { $0.name == "profile" && $0.label.en == "undecided" })
    }
}

@Suite("Real wording: sections by what they say")
struct ContentFromTextTests {
    static let statute = "Lastensuojelulain 12 §:n mukaan suunnitelman tulee sisältää tiedot siitä, miten ongelmia ehkäisevät palvelut ja toimet järjestetään."

    static func plan(_ extra: String, intro: String = statute) -> String {
        """
        # Lasten ja nuorten hyvinvointisuunnitelma 2024–2027

        Kunnanvaltuusto hyväksyi suunnitelman 10.6.2024 § 31.

        ## Johdanto

        \(intro)

        ## Arki kouluissa

        \(extra)
        """
    }

    @Test("The statute's list of contents, quoted, is no evidence; the plan's own paragraph is")
    func quotedStatute() throws {
        let quoted = try check(Self.plan("Koulupäivät ovat pitkiä, ja välitunnit ovat tärkeitä."))
        #expect(quoted.results.first { $0.rule == "LSL-12-2-2" }?.status == .fail)
        // The same words, not as the statute's list, do count: what excluded them was the quote.
        let said = try check(Self.plan("Koulupäivät ovat pitkiä.", intro: "Kunnassa ongelmia ehkäisevät palvelut ja toimet järjestetään perhekeskuksessa."))
        #expect(said.results.first { $0.rule == "LSL-12-2-2" }?.status == .pass)
        let own = try check(Self.plan("Ehkäisevä työ näkyy kouluissa: kuraattori ja psykologi ovat tavattavissa viikoittain."))
        let result = try #require(own.results.first { $0.rule == "LSL-12-2-2" })
        #expect(result.status == .pass)
        // A chapter this dense in the item's words is found by what it says, which is stronger
        // evidence than a word anywhere in the text; either way the note names the words.
        #expect(result.notes.contains { $0.kind == .foundInText || $0.kind == .foundByContent }, "the note names the words that decided it")
    }
}
