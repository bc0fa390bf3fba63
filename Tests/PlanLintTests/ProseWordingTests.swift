// Groups, tables and statements the way plans write them, with no front matter: a group
// described in one sentence, a measures table with the municipality's own column names, the
// youth network under its everyday name, "part of the welfare plan" and the yearly report in
// Swedish. Each passing text has a near-miss beside it that must still fail. Every text is
// written for the test.
import Testing
@testable import PlanLint

private func check(_ body: String, asOf: String = "2026-12-01") throws -> PlanReport {
    let plan = try MarkdownPlanReader().read(body, file: "plan.md")
    return Packs.engine.check(plan, asOf: try #require(PlanDate(parsing: asOf)), language: .en)
}

private func status(_ body: String, _ rule: String) throws -> RuleResult.Status {
    let r = try check(body)
    return try #require(r.results.first { $0.rule == rule }).status
}

/// A Finnish municipal plan approved in 2025 (the 2023 law) with `chapter` in it.
private func fi(_ chapter: String) -> String {
    """
    # Lasten ja nuorten hyvinvointisuunnitelma 2026–2029

    Kunnanvaltuusto hyväksyi suunnitelman 9.12.2025 § 71.

    ## 1 Aluksi

    Kunnassa asuu 5 400 ihmistä, joista alle 18-vuotiaita on 1 100.

    \(chapter)
    """
}

/// The same in Swedish.
private func sv(_ chapter: String) -> String {
    """
    # Välfärdsplan för barn och unga 2026–2029

    Kommunfullmäktige godkände planen 8.12.2025 § 52.

    ## 1 Inledning

    I kommunen bor 4 800 personer, av dem 950 under 18 år.

    \(chapter)
    """
}

@Suite("Real wording: groups described in prose")
struct ProseGroupTests {
    static let namedTexts = [
        fi("## 2 Valmistelu\n\nSuunnitelman laati sivistyslautakunnan 3.3.2025 asettama ohjausryhmä."),
        fi("## 2 Valmistelu\n\nValmistelusta vastasi lasten palvelujen työryhmä, jonka kunnanhallitus nimesi 12.2.2025."),
        fi("## 2 Valmistelu\n\nKunnanhallituksen 20.1.2025 § 8 asettama lapsiperheryhmä kokoontui kuusi kertaa."),
        fi("## 2 Valmistelu\n\nRyhmään kuuluivat rehtori, nuoriso-ohjaaja, kuraattori ja neuvolan terveydenhoitaja."),
        sv("## 2 Beredning\n\nPlanen har beretts av den arbetsgrupp som kommunstyrelsen tillsatte 4.2.2025 § 9."),
        sv("## 2 Beredning\n\nI styrgruppen ingår bildningschefen, en rektor, ungdomsledaren och en hälsovårdare."),
    ]
    static let notNamedTexts = [
        fi("## 2 Valmistelu\n\nOhjeen mukaan kunnanhallitus asettaa suunnitelmaa varten monialaisen ryhmän."),
        fi("## 2 Valmistelu\n\nOppaan mukaan suunnitelman valmistelee kunnanhallituksen asettama monialainen työryhmä."),
        fi("## 2 Valmistelu\n\nSuunnitelman kohderyhmä ovat alle 25-vuotiaat; sitä valmisteltiin kysymällä joka ikäryhmältä."),
        fi("## 2 Valmistelu\n\nLastensuojelun asiantuntijaryhmään kuuluvat sosiaalityöntekijä, lääkäri ja psykologi."),
        sv("## 2 Beredning\n\nEnligt anvisningen tillsätter kommunstyrelsen en grupp för planen. Målgruppen är alla under 25 år."),
    ]

    @Test("A group appointed, preparing the plan or with its members listed, in one sentence, is named", arguments: namedTexts)
    func named(_ text: String) throws {
        #expect(try status(text, "GP-STEERING-GROUP-NAMED") == .pass)
    }

    @Test("The guidance restated, target and age groups and the child welfare expert group name no group", arguments: notNamedTexts)
    func notNamed(_ text: String) throws {
        #expect(try status(text, "GP-STEERING-GROUP-NAMED") == .fail)
    }
}

@Suite("Real wording: tables with the municipality's own column names")
struct OwnColumnTests {
    @Test("A measures table under the plan's own heading with its own column names names owner and schedule",
          arguments: [
              fi("## 4 Arjen teot\n\n| Mitä tehdään | Kuka vastaa | Milloin |\n|---|---|---|\n| Kerho kyläkouluille | vapaa-aikatoimi | 2026 |\n| Tukioppilaat yläkouluun | sivistyslautakunta | 2027 |"),
              fi("## 4 Painopisteiden toteutus\n\n| Keino | Vastuu | Koska |\n|---|---|---|\n| Perhekahvila kirjastoon | kirjasto | syksy 2026 |"),
              sv("## 4 Så gör vi\n\n| Vad vi gör | Vem | När |\n|---|---|---|\n| Klubb i byskolorna | fritidssektorn | 2026 |"),
          ])
    func ownColumns(_ text: String) throws {
        #expect(try status(text, "GP-MEASURE-OWNER-SCHEDULE") == .pass)
    }

    @Test("A measures table with its own names but no schedule column still fails, naming the column")
    func noSchedule() throws {
        let r = try check(fi("## 4 Arjen teot\n\n| Mitä tehdään | Kuka vastaa |\n|---|---|\n| Kerho kyläkouluille | vapaa-aikatoimi |"))
        let result = try #require(r.results.first { $0.rule == "GP-MEASURE-OWNER-SCHEDULE" })
        #expect(result.status == .fail)
        let finding = try #require(r.findings.first { $0.ruleID == "GP-MEASURE-OWNER-SCHEDULE" })
        #expect(finding.message.contains("Aikataulu"), "\(finding.message)")
    }

    @Test("An indicator with its level now and a target year is a goal; a statistics table by year is not")
    func goalsNowAndYear() throws {
        let goals = fi("## 3 Mihin pyrimme\n\n| Mihin pyrimme | Mittari | Nyt | 2029 |\n|---|---|---:|---:|\n| Yksinäisyys vähenee | 8.–9. lk yksinäiset (%) | 13 | 10 |")
        #expect(try status(goals, "GP-GOALS-INDICATORS") == .pass)
        #expect(try status(goals, "JARJL-6-2-GOALS-MEASURES") != .pass, "goals alone, no measures")
        let both = goals + "\n\n## 4 Arjen teot\n\n| Mitä tehdään | Kuka vastaa | Milloin |\n|---|---|---|\n| Kerho kyläkouluille | vapaa-aikatoimi | 2026 |"
        #expect(try status(both, "JARJL-6-2-GOALS-MEASURES") == .pass)
        let swedish = sv("## 3 Dit vill vi\n\n| Dit vill vi | Indikator | Nu | 2029 |\n|---|---|---:|---:|\n| Färre ensamma | åk 8–9 ensamma (%) | 12 | 9 |")
        #expect(try status(swedish, "GP-GOALS-INDICATORS") == .pass)
        let statistics = fi("## 3 Lapset numeroina\n\n| Mittari | 2021 | 2023 | 2025 |\n|---|---:|---:|---:|\n| 8.–9. lk yksinäiset (%) | 11 | 12 | 13 |")
        #expect(try status(statistics, "GP-GOALS-INDICATORS") == .fail)
        #expect(try status(statistics, "JARJL-6-2-GOALS-MEASURES") == .fail)
    }
}

@Suite("Real wording: the network, the welfare plan and the yearly report in prose")
struct ProseStatementTests {
    @Test("The youth network under its everyday name counts; a parents' network does not")
    func network() throws {
        #expect(try status(fi("## 5 Yhteistyö\n\nNuorisolain mukainen monialainen verkosto kokoontuu kolmesti vuodessa."), "NUORL-9-NETWORK") == .pass)
        #expect(try status(sv("## 5 Samarbete\n\nNätverket för unga träffas fyra gånger om året och samlar skolorna och polisen."), "NUORL-9-NETWORK") == .pass)
        #expect(try status(sv("## 5 Samarbete\n\nKommunens nätverk enligt ungdomslagen samlas varje vår."), "NUORL-9-NETWORK") == .pass)
        #expect(try status(fi("## 5 Yhteistyö\n\nVanhempien verkosto kokoontuu kouluilla kahdesti vuodessa."), "NUORL-9-NETWORK") == .fail)
        #expect(try status(sv("## 5 Samarbete\n\nNätverket för föräldrar träffas i skolorna."), "NUORL-9-NETWORK") == .fail)
    }

    @Test("'Part of' the municipality's welfare plan counts; the children's plan itself and the welfare report do not",
          arguments: [
              (fi("## 2 Suunnitelman asema\n\nSuunnitelma laaditaan osana Harjulan laajaa hyvinvointisuunnitelmaa."), true),
              (fi("## 2 Suunnitelman asema\n\nTämä on Harjulan hyvinvointisuunnitelman lapsia ja perheitä koskeva osa."), true),
              (sv("## 2 Planens ställning\n\nPlanen ingår i Bergviks välfärdsplan för fullmäktigeperioden."), true),
              (fi("## 2 Suunnitelman asema\n\nSuunnitelma on osa lasten ja nuorten hyvinvointisuunnitelmien sarjaa."), false),
              (fi("## 2 Suunnitelman asema\n\nToteutumisesta raportoidaan osana hyvinvointikertomusta."), false),
              (sv("## 2 Planens ställning\n\nPlanen är en del av välfärdsplanen för barn och unga som görs vart fjärde år."), false),
          ])
    func partOfWelfarePlan(_ text: String, _ counts: Bool) throws {
        #expect(try status(text, "LSL-12-1-PART-OF-WELFARE-PLAN") == (counts ? .pass : .fail))
    }

    @Test("The youth council evaluating the plan's progress has a say in it; a youth council that only meets has not")
    func youthCouncilEvaluates() throws {
        #expect(try status(fi("## 6 Seuranta\n\nNuorisovaltuusto ja oppilaskunnat arvioivat joka kevät, miten toimet ovat edenneet."), "KUNTAL-26-YOUTH-COUNCIL") == .pass)
        #expect(try status(sv("## 6 Uppföljning\n\nUngdomsfullmäktige bedömer varje höst hur åtgärderna har förverkligats."), "KUNTAL-26-YOUTH-COUNCIL") == .pass)
        #expect(try status(sv("## 6 Uppföljning\n\nÅtgärderna utvärderades av ungdomsrådet i maj."), "KUNTAL-26-YOUTH-COUNCIL") == .pass)
        #expect(try status(sv("## 6 De ungas påverkan\n\nUngdomsfullmäktige sammanträder en gång i månaden i kommunhuset."), "KUNTAL-26-YOUTH-COUNCIL") == .fail)
    }

    @Test("'Redovisar … för fullmäktige' every year is the yearly report; to a committee when needed it is not")
    func yearlyReport() throws {
        #expect(try status(sv("## 6 Uppföljning\n\nArbetsgruppen redovisar resultaten för fullmäktige årligen."), "GP-ANNUAL-REPORT") == .pass)
        #expect(try status(sv("## 6 Uppföljning\n\nBildningschefen redovisar åtgärderna för bildningsnämnden vid behov."), "GP-ANNUAL-REPORT") != .pass)
    }
}
