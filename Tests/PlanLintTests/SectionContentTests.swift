// Sections by what they say: a chapter under the municipality's own heading counts for a
// content item when its text is about the item (fi-lsl's `section: content:`), never for a
// word in passing or for the statute's own list quoted. Each plan is written for the test,
// in the way plans phrase these chapters.
import Testing
@testable import PlanLint

private func check(_ body: String, asOf: String = "2026-12-01") throws -> PlanReport {
    let plan = try MarkdownPlanReader().read(body, file: "plan.md")
    return Packs.engine.check(plan, asOf: try #require(PlanDate(parsing: asOf)), language: .en)
}

private func result(_ r: PlanReport, _ rule: String) throws -> RuleResult {
    try #require(r.results.first { $0.rule == rule })
}

/// A 2025 municipal plan with its own headings; `chapter` is the chapter under test.
private func finnishPlan(_ chapter: String) -> String {
    """
    # Lasten ja nuorten hyvinvointisuunnitelma 2026–2029

    Kunnanvaltuusto hyväksyi suunnitelman 9.12.2025 § 71.

    ## 1 Lähtökohdat

    Kunnassa asuu 6 200 ihmistä. Suunnitelma koskee valtuustokautta, ja sen valmisteli \
    kunnanhallituksen asettama työryhmä.

    \(chapter)

    ## 9 Ote pöytäkirjasta

    Kunnanvaltuusto 9.12.2025 § 71. Kunnanvaltuusto hyväksyi suunnitelman.
    """
}

@Suite("Sections by what they say")
struct SectionContentTests {
    static let preventive = """
        ## 3 Apua arjen keskelle

        Perheet saavat tukea läheltä. Neuvolan terveydenhoitaja tapaa jokaisen perheen kotona \
        ensimmäisen lapsen synnyttyä, ja perhetyöntekijä tulee kotiin, kun vanhemmat pyytävät \
        apua. Kouluissa kuraattori ja psykologi ovat tavattavissa joka viikko ilman ajanvarausta. \
        Nuorisotyö pitää nuorisotilan auki koulupäivän jälkeen, ja kerhoja on jokaisessa koulussa.
        """

    @Test("A chapter whose text is about preventive services counts for 12 § 2 mom item 2, and the note names the words")
    func contentOnlyChapter() throws {
        let r = try check(finnishPlan(Self.preventive))
        let item = try result(r, "LSL-12-2-2")
        #expect(item.status == .pass)
        let note = try #require(item.notes.first { $0.kind == .foundByContent }, "\(item.notes)")
        #expect(note["heading"] == "3 Apua arjen keskelle")
        let words = note["words"] ?? ""
        for w in ["Neuvolan", "perhetyöntekijä", "kuraattori", "Nuorisotyö"] {
            #expect(words.contains(w), "the note names \(w): \(words)")
        }
        // The note reads in the council's language, naming the chapter and what it is about.
        let fi = Catalogue.common.byContent.render(.fi, note.byContentValues)
        #expect(fi.contains("luku «3 Apua arjen keskelle»") && fi.contains("ehkäiseviä palveluja") && fi.contains("kuraattori"), "\(fi)")
    }

    @Test("A chapter that names one service in passing does not count")
    func passingMention() throws {
        let r = try check(finnishPlan("""
            ## 3 Liikenne ja leikkipaikat

            Koulureitit ovat kunnassa pitkiä, ja osa lapsista kulkee kouluun maantien vartta. \
            Kunta rakentaa kevyen liikenteen väylän kirkonkylän ja Ahonperän välille vuosina \
            2026 ja 2027. Uusi leikkipaikka valmistuu kirjaston ja neuvolan väliin, ja sen \
            suunnitteluun osallistuivat päiväkodin lapset piirtämällä toiveitaan. Talvella \
            pihat aurataan ennen kahdeksaa, ja koulukyydit kulkevat entisillä reiteillä.
            """))
        let item = try result(r, "LSL-12-2-2")
        #expect(item.status == .fail, "one word in passing is not a chapter on the item: \(item.notes)")
    }

    @Test("A few terms in a long chapter on something else fall under the density threshold")
    func sparseLongChapter() throws {
        let filler = String(repeating: "Kunnan talous on tiukka, ja investoinnit ajoitetaan tarkasti vuosien 2026–2029 aikana. ", count: 12)
        let r = try check(finnishPlan("""
            ## 3 Talous ja investoinnit

            \(filler)Uuden koulun yhteyteen tulee neuvola, kuraattorin huone ja nuorisotila.
            """))
        #expect(try result(r, "LSL-12-2-2").status == .fail)
    }

    @Test("The statute's list of contents quoted never counts; the same words as the plan's own text do")
    func quotedStatuteList() throws {
        let statute = """
            ## 2 Mitä laki edellyttää

            Lastensuojelulain 12 §:n mukaan suunnitelman tulee sisältää tiedot lasten ja nuorten \
            hyvinvointia edistävistä sekä ongelmia ehkäisevistä toimista ja palveluista, kuten \
            neuvolan, perhetyön, kuraattorin ja psykologin palveluista sekä nuorisotyöstä.
            """
        let quoted = try check(finnishPlan(statute))
        #expect(try result(quoted, "LSL-12-2-2").status == .fail)
        // Without the statute's marks the same paragraph is the plan's own account.
        let own = try check(finnishPlan("""
            ## 2 Arki kunnassa

            Kunnassa lasten ja nuorten hyvinvointia tukevat neuvolan, perhetyön, kuraattorin ja \
            psykologin palvelut sekä nuorisotyö.
            """))
        let item = try result(own, "LSL-12-2-2")
        #expect(item.status == .pass)
        #expect(item.notes.contains { $0.kind == .foundByContent })
    }

    @Test("Swedish: a chapter under its own heading that is about follow-up counts for item 4")
    func swedishChapter() throws {
        let r = try check("""
            # Plan för barns och ungas välfärd 2026–2029

            Kommunfullmäktige godkände planen 8.12.2025 § 64.

            ## 1 Utgångsläget

            I kommunen bor 4 800 personer.

            ## 6 Så här vet vi hur det går

            Arbetsgruppen följer varje höst upp åtgärderna och redovisar resultaten för \
            kommunstyrelsen. Ungdomsfullmäktige och elevkårerna bedömer årligen hur planen \
            förverkligas, och indikatorerna jämförs med utgångsläget.
            """)
        let item = try result(r, "LSL-12-2-4")
        #expect(item.status == .pass)
        let note = try #require(item.notes.first { $0.kind == .foundByContent }, "\(item.notes)")
        #expect(note["heading"] == "6 Så här vet vi hur det går")
        let words = note["words"] ?? ""
        #expect(words.contains("följer") && words.contains("redovisar") && words.contains("bedömer"), "\(words)")
        let sv = Catalogue.common.byContent.render(.sv, note.byContentValues)
        #expect(sv.hasPrefix("kapitlet «6 Så här vet vi hur det går»") && sv.contains("följs upp"), "\(sv)")
    }

    @Test("A heading match wins over content")
    func headingWins() throws {
        let r = try check(finnishPlan(Self.preventive + """


            ## 4 Ehkäisevät palvelut

            Palvelut kuvataan tarkemmin liitteessä 2.
            """))
        let item = try result(r, "LSL-12-2-2")
        #expect(item.status == .pass)
        #expect(item.notes.contains { $0.kind == .foundUnderHeading && $0["heading"] == "4 Ehkäisevät palvelut" }, "\(item.notes)")
        #expect(!item.notes.contains { $0.kind == .foundByContent })
    }

    @Test("A table of contents that lists the chapters is not a chapter on them")
    func tableOfContents() throws {
        let r = try check("""
            # Lasten ja nuorten hyvinvointisuunnitelma 2026–2029

            Kunnanvaltuusto hyväksyi suunnitelman 9.12.2025 § 71.

            ## Sisällys

            1. Näin seuraamme toteutumista
            2. Arviointi ja raportti vuosittain
            3. Mittarit

            ## 1 Lähtökohdat

            Kunnassa asuu 6 200 ihmistä.
            """)
        #expect(try result(r, "LSL-12-2-4").status == .fail)
    }

    @Test("Goals under the plan's own heading: the indicator table counts as the goals chapter (GP-GOALS-INDICATORS)")
    func goalsChapterByContent() throws {
        let goals = """
            ## 5 Mitä tavoittelemme

            | Tavoite | Mittari | Lähtötaso | Tavoitetaso 2029 |
            |---|---|---:|---:|
            | Nuorten yksinäisyys vähenee | kouluterveyskysely, 8.–9. lk yksinäiset (%) | 13 | 10 |
            | Liikkuminen lisääntyy | Move!-mittaus, 5. lk hyvä kunto (%) | 41 | 50 |

            Toimenpiteet kohdistetaan näihin tavoitteisiin.
            """
        let r = try check(finnishPlan(Self.preventive + "\n\n" + goals))
        #expect(try result(r, "GP-GOALS-INDICATORS").status == .pass)
        // A chapter on services that names its goal once is not a goals chapter with indicators.
        let elsewhere = try check(finnishPlan(Self.preventive + """
             Tavoitteena on, että mittarit ja lähtötaso kirjataan seuraavaan suunnitelmaan.
            """))
        #expect(try result(elsewhere, "GP-GOALS-INDICATORS").status == .fail)
    }

    @Test("The council's reports say which chapter counted and why, in Finnish and in Swedish", arguments: [Language.fi, .sv])
    func reportsNameTheWords(_ language: Language) throws {
        let plan = try MarkdownPlanReader().read(finnishPlan(Self.preventive), file: "plan.md")
        let report = Packs.engine.check(plan, asOf: try #require(PlanDate(parsing: "2026-12-01")), language: language)
        let result = RunResult(outcomes: [.checked(report)], packs: Packs.engine.packs, asOf: report.asOf, language: language)
        let says = language == .fi ? "luku «3 Apua arjen keskelle» (rivi 9) käsittelee hyvinvointia edistäviä ja ongelmia ehkäiseviä palveluja: "
                                   : "kapitlet «3 Apua arjen keskelle» (rad 9) handlar om tjänster som främjar välfärd och förebygger problem: "
        let compliance = ComplianceReporter().report(result)
        let line = try #require(compliance.split(separator: "\n").first { $0.contains(says) }, "\(compliance)")
        #expect(line.contains("Neuvolan") && line.contains("kuraattori"), "\(line)")
        #expect(HTMLReporter().report(result).contains(says))
    }

    @Test("A threshold that could never hold back a word is refused at its line",
          arguments: [("min_terms: 0", "min_terms must be at least 1"), ("min_terms: 3", "only 2 terms are listed")])
    func thresholdChecked(_ minTerms: String, _ message: String) throws {
        let node = try #require(try YAMLLoader.load("""
            section:
              aliases: [seuranta*]
              content:
                about: {fi: seurantaa, sv: uppföljning, en: monitoring}
                terms: [=seuranta, =sv:uppföljning]
                threshold: {\(minTerms), per_100_words: 4}
            """, file: "r.yaml"))
        #expect {
            _ = try CheckParser(reader: NodeReader(file: "r.yaml")).parse(node)
        } throws: { "\($0)".contains("r.yaml:6") && "\($0)".contains(message) }
    }
}
