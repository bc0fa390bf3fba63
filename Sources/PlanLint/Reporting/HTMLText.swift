// The words of the HTML report, in one table: every label the report prints, in Finnish,
// Swedish and English. Placeholders `{0}`, `{1}`… are filled by `HTMLText.fill`.
import Foundation

/// The user-interface strings of `--format html`.
enum HTMLText {
    static let reportTitle = Localized(
        fi: "Lasten ja nuorten hyvinvointisuunnitelman lainmukaisuus",
        sv: "Välfärdsplan för barn och unga: överensstämmelse med lagen",
        en: "Child and youth welfare plan: compliance with the law")
    static let reportKind = Localized(fi: "Vaatimustenmukaisuusraportti", sv: "Rapport om efterlevnad", en: "Compliance report")
    static let contents = Localized(fi: "Tarkistetut suunnitelmat", sv: "Granskade planer", en: "Plans checked")
    static let plan = Localized(fi: "Suunnitelma", sv: "Plan", en: "Plan")
    static let untitled = Localized(fi: "Nimetön suunnitelma", sv: "Plan utan titel", en: "Untitled plan")
    static let file = Localized(fi: "Tiedosto", sv: "Fil", en: "File")
    static let asOf = Localized(fi: "Tarkistuspäivä", sv: "Granskningsdag", en: "Checked as of")
    static let status = Localized(fi: "Tila", sv: "Status", en: "Status")
    static let scope = Localized(fi: "Laajuus", sv: "Omfattning", en: "Scope")
    static let referenceDate = Localized(fi: "Viitepäivä", sv: "Referensdag", en: "Reference date")
    static let profile = Localized(fi: "Sovellettu lainsäädäntö", sv: "Tillämpad lagstiftning", en: "Law applied")
    static let profileWhy = Localized(fi: "Miksi tämä versio", sv: "Varför denna version", en: "Why this version")
    static let noProfile = Localized(
        fi: "Mikään sääntöpakettien lain versio ei kata suunnitelmaa.",
        sv: "Ingen lagversion i regelpaketen täcker planen.",
        en: "No version of the law in the rule packs covers this plan.")
    static let packs = Localized(fi: "Sääntöpaketit", sv: "Regelpaket", en: "Rule packs")
    static let packID = Localized(fi: "Tunnus", sv: "Id", en: "Id")
    static let packTitle = Localized(fi: "Nimi", sv: "Namn", en: "Title")
    static let packVersion = Localized(fi: "Versio", sv: "Version", en: "Version")
    static let packHash = Localized(fi: "Sisällön tiiviste", sv: "Innehållets hash", en: "Content hash")
    static let packRules = Localized(fi: "Sääntöjä", sv: "Regler", en: "Rules")
    static let chartCaption = Localized(
        fi: "Vaatimukset tuloksen mukaan ({0} yhteensä)",
        sv: "Kraven enligt resultat ({0} sammanlagt)",
        en: "Requirements by result ({0} in all)")
    static let verdictFail = Localized(
        fi: "Suunnitelma ei täytä kaikkia vaatimuksia: {0}/{1} sovellettavasta vaatimuksesta ei täyty.",
        sv: "Planen uppfyller inte alla krav: {0} av {1} tillämpliga krav är inte uppfyllda.",
        en: "The plan does not meet every requirement: {0} of {1} applicable requirements are not met.")
    static let verdictReview = Localized(
        fi: "Koneellisesti tarkistettavat vaatimukset täyttyvät; {0}/{1} vaatimuksesta on vielä tarkistettava.",
        sv: "De krav som kan granskas maskinellt är uppfyllda; {0} av {1} krav ska ännu granskas.",
        en: "The requirements a machine can check are met; {0} of {1} still need review by a person.")
    static let verdictPass = Localized(
        fi: "Kaikki {0} sovellettavaa vaatimusta täyttyvät.",
        sv: "Alla {0} tillämpliga krav är uppfyllda.",
        en: "All {0} applicable requirements are met.")
    static let findingCounts = Localized(
        fi: "Havainnot: {0} virhettä, {1} varoitusta, {2} huomautusta.",
        sv: "Anmärkningar: {0} fel, {1} varningar, {2} upplysningar.",
        en: "Findings: {0} errors, {1} warnings, {2} notes.")
    static let findingsSuppressed = Localized(
        fi: "Lisäksi {0} hyväksyttyä poikkeamaa (planlint-disable).",
        sv: "Därtill {0} godtagna avvikelser (planlint-disable).",
        en: "Also {0} accepted deviations (planlint-disable).")
    static let accepted = Localized(fi: "Hyväksytty poikkeama", sv: "Godtagen avvikelse", en: "Accepted deviation")
    static let acceptedBy = Localized(
        fi: "Suunnitelman planlint-disable-ohje (rivi {0}) hyväksyy poikkeaman: {1}",
        sv: "Ett planlint-disable-direktiv i planen (rad {0}) godtar avvikelsen: {1}",
        en: "A planlint-disable directive in the plan (line {0}) accepts the deviation: {1}")
    static let noJustification = Localized(fi: "perustelua ei ole annettu", sv: "ingen motivering anges", en: "no justification is given")
    static let acceptedCount = Localized(fi: "{0} hyväksytty poikkeamana", sv: "{0} godtagna som avvikelse", en: "{0} accepted as a deviation")
    static let findings = Localized(fi: "Havainnot", sv: "Anmärkningar", en: "Findings")
    static let noFindings = Localized(
        fi: "Ei havaintoja: suunnitelmasta ei löytynyt puutteita.",
        sv: "Inga anmärkningar: inga brister hittades i planen.",
        en: "No findings: no defects were found in the plan.")
    static let requirements = Localized(fi: "Vaatimukset", sv: "Krav", en: "Requirements")
    static let notApplicableHeading = Localized(
        fi: "Vaatimukset, joita ei sovelleta tähän suunnitelmaan",
        sv: "Krav som inte tillämpas på denna plan",
        en: "Requirements that do not apply to this plan")
    static let naWhy = Localized(fi: "Miksi ei sovelleta", sv: "Varför kravet inte tillämpas", en: "Why it does not apply")
    static let requirement = Localized(fi: "Vaatimus", sv: "Krav", en: "Requirement")
    static let result = Localized(fi: "Tulos", sv: "Resultat", en: "Result")
    static let law = Localized(fi: "Lainkohta", sv: "Lagrum", en: "Legal basis")
    static let details = Localized(fi: "Lisätiedot", sv: "Detaljer", en: "Details")
    static let practice = Localized(fi: "hyvä käytäntö", sv: "god praxis", en: "good practice")
    static let location = Localized(fi: "Sijainti", sv: "Plats", en: "Location")
    static let line = Localized(fi: "rivi", sv: "rad", en: "line")
    static let column = Localized(fi: "sarake", sv: "kolumn", en: "column")
    static let fact = Localized(fi: "tieto", sv: "uppgift", en: "fact")
    static let section = Localized(fi: "osio", sv: "avsnitt", en: "section")
    static let evidence = Localized(fi: "Havaittu", sv: "Observerat", en: "Evidence")
    static let remediation = Localized(fi: "Korjaus", sv: "Åtgärd", en: "What to do")
    static let statuteWording = Localized(fi: "Lain sanamuoto", sv: "Lagens ordalydelse", en: "Wording of the statute")
    static let wordingIn = Localized(fi: "suomeksi", sv: "på finska", en: "in Finnish")
    static let wordingInSwedish = Localized(fi: "ruotsiksi", sv: "på svenska", en: "in Swedish")
    static let asWordedBy = Localized(fi: "muutoksen {0} mukaisena", sv: "i lydelsen enligt {0}", en: "as worded by {0}")
    static let interpretation = Localized(
        fi: "Sääntö perustuu lainkohdan tulkintaan ({0}: {1}), ei vahvistettuun sanamuotoon.",
        sv: "Regeln bygger på en tolkning av lagrummet ({0}: {1}), inte på en bekräftad ordalydelse.",
        en: "The rule rests on a reading of the provision ({0}: {1}), not on verified wording.")
    static let seeAbove = Localized(fi: "katso", sv: "se", en: "see")
    static let foundInText = Localized(
        fi: "Tieto löytyi suunnitelman tekstistä, ei etusivun tiedoista (front matter).",
        sv: "Uppgiften hittades i planens text, inte i front matter.",
        en: "The fact was found in the plan's text, not in the front matter.")
    static let findingsLink = Localized(fi: "havainto", sv: "anmärkning", en: "finding")
    static let toConfirm = Localized(fi: "Varmistettava", sv: "Ska bekräftas", en: "To confirm")
    static let noteHeading = Localized(fi: "Osio «{0}», rivi {1}", sv: "Avsnitt «{0}», rad {1}", en: "Section “{0}”, line {1}")
    static let noteLegalMap = Localized(fi: "legal_map: osio «{0}», rivi {1}", sv: "legal_map: avsnitt «{0}», rad {1}", en: "legal_map: section “{0}”, line {1}")
    static let noteTextOnly = Localized(
        fi: "Löytyi vain tekstistä, ei omana osionaan: «{0}», rivi {1}",
        sv: "Hittades endast i texten, inte som eget avsnitt: «{0}», rad {1}",
        en: "Found in the text only, not as a section of its own: “{0}”, line {1}")
    static let noteMention = Localized(fi: "Mainitaan tekstissä: «{0}», rivi {1}", sv: "Nämns i texten: «{0}», rad {1}", en: "Mentioned in the text: “{0}”, line {1}")
    static let noteFromText = Localized(fi: "Tekstistä, rivi {1}: {0}", sv: "Ur texten, rad {1}: {0}", en: "From the text, line {1}: {0}")
    static let noteUndecided = Localized(fi: "Ei voitu ratkaista koneellisesti: {0}", sv: "Kunde inte avgöras maskinellt: {0}", en: "Could not be decided by machine: {0}")
    static let unreadable = Localized(fi: "Tiedostot, joita ei voitu lukea", sv: "Filer som inte kunde läsas", en: "Files that could not be read")
    static let generated = Localized(
        fi: "Raportin laati planlint {0} tarkistuspäivänä {1}. Koneellinen tarkistus ei korvaa valmistelijan eikä lakimiehen arviota.",
        sv: "Rapporten skapades med planlint {0} per {1}. En maskinell granskning ersätter inte beredarens eller juristens bedömning.",
        en: "Produced by planlint {0} as of {1}. A machine check does not replace the judgement of the preparer or a lawyer.")
    static let packsOfRun = Localized(
        fi: "Sääntöpaketit: {0}",
        sv: "Regelpaket: {0}",
        en: "Rule packs: {0}")

    // MARK: - Values

    static func statusLabel(_ s: RuleResult.Status) -> Localized {
        switch s {
        case .pass: return Localized(fi: "Täyttyy", sv: "Uppfyllt", en: "Pass")
        case .fail: return Localized(fi: "Ei täyty", sv: "Ej uppfyllt", en: "Fail")
        case .notApplicable: return Localized(fi: "Ei sovelleta", sv: "Tillämpas ej", en: "Not applicable")
        case .needsReview: return Localized(fi: "Tarkistettava", sv: "Ska granskas", en: "Needs review")
        case .covered: return Localized(fi: "Katettu toisella säännöllä", sv: "Täcks av en annan regel", en: "Covered by another rule")
        }
    }

    static func severityLabel(_ s: Severity) -> Localized {
        switch s {
        case .error: return Localized(fi: "Virhe", sv: "Fel", en: "Error")
        case .warning: return Localized(fi: "Varoitus", sv: "Varning", en: "Warning")
        case .info: return Localized(fi: "Huomautus", sv: "Upplysning", en: "Note")
        }
    }

    static func markMeaning(_ mark: String) -> Localized {
        switch mark {
        case "V2": return Localized(fi: "vahvistettu vain toissijaisesta lähteestä", sv: "bekräftad endast ur en sekundär källa", en: "confirmed from a secondary source only")
        case "R": return Localized(fi: "muistinvarainen, ei tarkistettu säädöksestä", sv: "ur minnet, inte kontrollerad mot författningen", en: "recalled, not checked against the statute")
        default: return Localized(fi: "tulkinta", sv: "tolkning", en: "interpretation")
        }
    }

    /// One pass over the template, so a value that itself contains `{1}` stays as it is.
    static func fill(_ text: Localized, _ language: Language, _ values: String...) -> String {
        var out = ""
        var rest = Substring(text[language])
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest.index(after: open)
            if let close = rest[after...].firstIndex(of: "}"), let i = Int(rest[after..<close]), values.indices.contains(i) {
                out += values[i]
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[after...]
            }
        }
        return out + rest
    }
}
