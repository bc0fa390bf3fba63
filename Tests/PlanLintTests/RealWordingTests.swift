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
