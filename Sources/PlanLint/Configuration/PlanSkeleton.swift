// `planlint init plan`: a plan to start from, in Finnish or Swedish. Its chapters follow the
// outline municipalities have long used (purpose and preparation; wellbeing and growth
// conditions; services; aims; development proposals; carrying them out by year; monitoring
// and evaluation), and its data block holds the facts planlint reads, left to be filled:
// a draft, its planned decision, the period. Each chapter says in a sentence what belongs in it.
import Foundation

extension Scaffold {
    /// The plan skeleton in `language` (fi or sv).
    public static func plan(language: Language, municipality: String = "Esimerkkilä") -> String {
        language == .sv ? swedishPlan(municipality) : finnishPlan(municipality)
    }

    private static func finnishPlan(_ m: String) -> String {
        """
        ---
        # Tietolohko: tiedot, jotka planlint lukee (docs/plan-format.md). Täydennä ja poista turhat.
        plan:
          title: "\(m)n lasten ja nuorten hyvinvointisuunnitelma 2027–2030"
          language: fi
          municipalities: [\(m)]
          period: {start: 2027-01-01, end: 2030-12-31}
        status: draft
        decision: {body: kunnanvaltuusto, planned_date: 2026-12-14}
        governance:
          preparation_group: {name: Hyvinvointiryhmä, appointed_by: kunnanhallitus, members: []}
        ---
        # \(m)n lasten ja nuorten hyvinvointisuunnitelma 2027–2030

        ## 1 Suunnitelman tarkoitus ja valmisteluprosessi

        Kerro, kuka suunnitelman valmisteli, keitä kuultiin (lapset, nuoret, nuorisovaltuusto, \
        perheet, järjestöt) ja miten suunnitelma otetaan huomioon talousarviota ja \
        taloussuunnitelmaa laadittaessa.

        ## 2 Lasten ja nuorten hyvinvointi ja kasvuolot

        Kuvaa lasten ja nuorten kasvuolot ja hyvinvoinnin tila tietojen (esimerkiksi \
        kouluterveyskyselyn) ja niiden muutosten avulla.

        ## 3 Hyvinvointia edistävät ja ongelmia ehkäisevät palvelut

        Kuvaa palvelut ja toimet, joilla edistetään hyvinvointia ja ehkäistään ongelmia, sekä \
        niiden riittävyys.

        ## 4 Päämäärät ja tavoitteet

        Kirjaa tavoitteet suunnitelmakaudelle ja mittarit, joilla niiden toteutumista seurataan \
        (lähtötaso ja tavoitetaso).

        ## 5 Kehittämisehdotukset ja yhteistyö

        Kerro, miten eri viranomaisten sekä lapsille ja nuorille palveluja tuottavien yhteisöjen \
        ja laitosten yhteistyö järjestetään, ja mitä kehitetään.

        ## 6 Toimenpiteet ja voimavarat vuosittain

        | Toimenpide | Vastuutaho | Aikataulu | Voimavarat |
        |---|---|---|---|
        | (täydennä) | (täydennä) | (täydennä) | (täydennä) |

        ## 7 Seuranta ja arviointi

        Kerro, miten suunnitelman toteuttamista seurataan, kuka raportoi valtuustolle ja milloin \
        suunnitelma tarkistetaan (vähintään kerran neljässä vuodessa).

        """
    }

    private static func swedishPlan(_ m: String) -> String {
        """
        ---
        # Faktablocket: uppgifter som planlint läser (docs/plan-format.md). Fyll i och stryk det som inte behövs.
        plan:
          title: "Välfärdsplan för barn och unga i \(m) 2027–2030"
          language: sv
          municipalities: [\(m)]
          period: {start: 2027-01-01, end: 2030-12-31}
        status: draft
        decision: {body: kommunfullmäktige, planned_date: 2026-12-14}
        governance:
          preparation_group: {name: Välfärdsgruppen, appointed_by: kommunstyrelsen, members: []}
        ---
        # Välfärdsplan för barn och unga i \(m) 2027–2030

        ## 1 Planens syfte och beredning

        Berätta vem som har berett planen, vilka som har hörts (barn, unga, ungdomsfullmäktige, \
        familjer, organisationer) och hur planen beaktas när budgeten och ekonomiplanen görs upp.

        ## 2 Barns och ungas välfärd och uppväxtförhållanden

        Beskriv barns och ungas uppväxtförhållanden och välfärd med hjälp av uppgifter (till \
        exempel enkäten Hälsa i skolan) och hur de har förändrats.

        ## 3 Tjänster som främjar välfärd och förebygger problem

        Beskriv de tjänster och åtgärder som främjar välfärd och förebygger problem, och om de \
        räcker till.

        ## 4 Mål

        Skriv in målen för planperioden och de mätare som följer upp dem (utgångsläge och mål).

        ## 5 Utvecklingsförslag och samarbete

        Berätta hur samarbetet mellan myndigheterna och de sammanslutningar och inrättningar som \
        ordnar tjänster för barn och unga är ordnat, och vad som utvecklas.

        ## 6 Åtgärder och resurser per år

        | Åtgärd | Ansvarig | Tidtabell | Resurser |
        |---|---|---|---|
        | (fyll i) | (fyll i) | (fyll i) | (fyll i) |

        ## 7 Uppföljning och utvärdering

        Berätta hur genomförandet av planen följs upp, vem som rapporterar till fullmäktige och \
        när planen ses över (minst vart fjärde år).

        """
    }
}
