// The catalogue: every message of the engine and the reporters, by area.
//
// Each area is a struct whose stored properties are its messages, so that `Catalogue.all`
// finds every message by reflection and a test can render each in every language.
import Foundation

/// Every message planlint writes itself (rule packs bring their own).
public enum Catalogue {
    static let common = CommonMessages()
    static let engine = EngineMessages()
    static let text = TextMessages()
    static let compliance = ComplianceMessages()
    static let html = HTMLMessages()
    static let explain = ExplainMessages()
    static let suppress = SuppressionMessages()
    static let facts = FactsMessages()
    static let word = WordMessages()
    static let planKeys = PlanKeyMessages()
    static let document = DocumentErrorMessages()
    static let configuration = ConfigurationMessages()
    static let plugins = PluginCheck.messages

    /// Every message of the catalogue.
    public static var all: [Message] {
        let areas: [Any] = [common, engine, text, compliance, html, explain, suppress, facts, word, planKeys, document, configuration, plugins]
        return areas.flatMap { area in Mirror(reflecting: area).children.compactMap { $0.value as? Message } }
    }

    // MARK: - Codes through their labels

    static func label(_ s: RuleResult.Status) -> Message {
        switch s {
        case .pass: return common.pass
        case .fail: return common.fail
        case .notApplicable: return common.notApplicable
        case .needsReview: return common.needsReview
        case .covered: return common.covered
        }
    }

    /// The result of a good-practice rule: it is followed or there is room to improve, never
    /// a failure of the law.
    static func practiceLabel(_ s: RuleResult.Status) -> Message {
        switch s {
        case .pass: return common.practiceFollowed
        case .fail: return common.practiceOpen
        case .notApplicable: return common.notApplicable
        case .needsReview: return common.needsReview
        case .covered: return common.covered
        }
    }

    static func label(_ s: Severity) -> Message {
        switch s {
        case .error: return common.error
        case .warning: return common.warning
        case .info: return common.info
        }
    }

    static func label(_ k: RuleKind) -> Message {
        switch k {
        case .statute: return common.statute
        case .practice: return common.practice
        }
    }

    /// What a mark on a citation means (V: verified; V2, R, I: weaker readings).
    static func markMeaning(_ mark: String) -> Message {
        switch mark {
        case "V": return common.markVerified
        case "V2": return common.markSecondary
        case "R": return common.markRecalled
        default: return common.markInterpretation
        }
    }
}

/// Words every output shares.
struct CommonMessages {
    let pass = Message("common.pass", fi: "Täyttyy", sv: "Uppfyllt", en: "Met")
    let fail = Message("common.fail", fi: "Ei täyty", sv: "Ej uppfyllt", en: "Not met")
    let notApplicable = Message("common.not_applicable", fi: "Ei sovelleta", sv: "Tillämpas ej", en: "Not applicable")
    let covered = Message("common.covered", fi: "katettu toisella säännöllä", sv: "täcks av en annan regel", en: "covered by another rule")
    let needsReview = Message("common.needs_review", fi: "Tarkistettava", sv: "Ska granskas", en: "Needs review")
    let practiceFollowed = Message("common.practice_followed", fi: "Toteutuu", sv: "Följs", en: "Followed")
    let practiceOpen = Message("common.practice_open", fi: "Kehitettävää", sv: "Att utveckla", en: "Room to improve")
    let error = Message("common.error", fi: "Virhe", sv: "Fel", en: "Error")
    let warning = Message("common.warning", fi: "Varoitus", sv: "Varning", en: "Warning")
    let info = Message("common.info", fi: "Huomautus", sv: "Upplysning", en: "Note")
    let statute = Message("common.statute", fi: "lakisääteinen", sv: "lagstadgat", en: "statutory")
    let practice = Message("common.practice", fi: "hyvä käytäntö", sv: "god praxis", en: "good practice")
    let markVerified = Message("common.mark_verified", fi: "tarkistettu säädöksestä", sv: "kontrollerad mot författningen", en: "checked against the statute")
    let markSecondary = Message("common.mark_secondary", fi: "vahvistettu vain toissijaisesta lähteestä", sv: "bekräftad endast ur en sekundär källa",
                                en: "confirmed from a secondary source only")
    let markRecalled = Message("common.mark_recalled", fi: "muistinvarainen, ei tarkistettu säädöksestä", sv: "ur minnet, inte kontrollerad mot författningen",
                               en: "recalled, not checked against the statute")
    let markInterpretation = Message("common.mark_interpretation", fi: "tulkinta", sv: "tolkning", en: "interpretation")
    let byContent = Message("common.found_by_content",
                            fi: "luku «{heading}» (rivi {line}) käsittelee {about}: {words}",
                            sv: "kapitlet «{heading}» (rad {line}) handlar om {about}: {words}",
                            en: "section “{heading}” (line {line}) is about {about}: {words}")
    let foundInText = Message("common.found_in_text",
                              fi: "Tieto löytyi suunnitelman tekstistä, ei tietolohkosta.",
                              sv: "Uppgiften hittades i planens text, inte i faktablocket.",
                              en: "The fact was found in the plan's text, not in the data block.")
    let fromSidecar = Message("common.from_sidecar",
                              fi: "Tieto on sivutiedostosta {file}, ja se ohittaa tietolohkon ja tekstin.",
                              sv: "Uppgiften kommer från sidofilen {file} och går före faktablocket och texten.",
                              en: "The fact comes from the sidecar {file}, which wins over the data block and the text.")
    let planLine = Message("common.plan_line", fi: "rivi {line}", sv: "rad {line}", en: "line {line}")
    let dateWithin = Message("common.date_within", fi: "välillä {from}–{until}", sv: "mellan {from} och {until}", en: "within {from} – {until}")
    let dateOnOrAfter = Message("common.date_on_or_after", fi: "{from} tai myöhemmin", sv: "{from} eller senare", en: "on or after {from}")
    let dateOnOrBefore = Message("common.date_on_or_before", fi: "{until} tai aiemmin", sv: "{until} eller tidigare", en: "on or before {until}")
    let anyDate = Message("common.any_date", fi: "mikä tahansa päivä", sv: "vilket datum som helst", en: "any date")
}

/// The engine's own sentences: why a rule does not apply, why a check could not decide.
/// Waivers and the baseline of the configuration.
struct ConfigurationMessages {
    let expiredTitle = Message("configuration.expired_title",
        fi: "Poikkeuspäätös on vanhentunut", sv: "Ett undantagsbeslut har gått ut", en: "A waiver has expired")
    let expiredFix = Message("configuration.expired_fix",
        fi: "Korjaa suunnitelma tai tee uusi päätös ja päivitä poikkeuksen päättymispäivä (expires) asetustiedostossa.",
        sv: "Rätta planen eller fatta ett nytt beslut och uppdatera undantagets slutdatum (expires) i konfigurationsfilen.",
        en: "Correct the plan, or make a new decision and update the waiver's expiry date (expires) in the configuration.")
    let waived = Message("configuration.waived",
        fi: "hyväksytty poikkeuksena ({place}): {reason} — päätös {reference}, hyväksyjä {by}, voimassa {until} asti",
        sv: "godtagen som undantag ({place}): {reason} — beslut {reference}, godkänt av {by}, gäller till {until}",
        en: "waived ({place}): {reason} — decision {reference}, accepted by {by}, until {until}")
    let inBaseline = Message("configuration.in_baseline",
        fi: "tunnettu havainto, kirjattu perustasoon {file}", sv: "känd anmärkning, registrerad i baslinjen {file}",
        en: "a known finding, recorded in the baseline {file}")
    let baselineCount = Message("configuration.baseline_count",
        fi: "{n|# tunnettu havainto|# tunnettua havaintoa} perustasossa", sv: "{n|# känd anmärkning|# kända anmärkningar} i baslinjen",
        en: "{n|# known finding|# known findings} in the baseline")
}

struct EngineMessages {
    let noProfiles = Message("engine.no_profiles",
        fi: "mikään paketti ei määrittele profiileja", sv: "inget paket definierar profiler", en: "no pack defines profiles")
    let noProfileDerivation = Message("engine.no_profile_derivation",
        fi: "mikään paketti ei määrittele, miten profiili valitaan (derive:)", sv: "inget paket anger hur profilen väljs (derive:)",
        en: "no pack declares how the profile is chosen (derive:)")
    let profileValueUndecided = Message("engine.profile_value_undecided",
        fi: "profiilin valintaan tarvittavaa arvoa ei ratkaistu", sv: "ett värde som profilen väljs efter avgjordes inte",
        en: "a value the profile is chosen by was not decided")
    let textLine = Message("engine.text_line", fi: "teksti, rivi {line}", sv: "texten, rad {line}", en: "text, line {line}")
    let coveredBy = Message("engine.covered_by",
        fi: "sama asia on jo havaintona säännössä {rule}", sv: "samma sak rapporteras redan av regeln {rule}",
        en: "the same fact is already reported by rule {rule}")
    let noProfileCovers = Message("engine.no_profile_covers",
        fi: "mikään ladattu lain versio ei kata suunnitelmaa ({why})",
        sv: "ingen laddad lagversion täcker planen ({why})",
        en: "no version of the law in the loaded packs covers this plan ({why})")
    let ruleProfiles = Message("engine.rule_profiles",
        fi: "sääntö koskee lain versioita: {profiles}", sv: "regeln gäller lagversionerna: {profiles}", en: "the rule belongs to the versions of the law: {profiles}")
    let planProfile = Message("engine.plan_profile",
        fi: "suunnitelmaan sovelletaan lain versiota «{profile}»", sv: "planen granskas enligt lagversionen «{profile}»",
        en: "the plan is checked against the version of the law “{profile}”")
    let planDecided = Message("engine.plan_decided",
        fi: "suunnitelman {name} on {value} ({why})", sv: "planens {name} är {value} ({why})", en: "the plan's {name} is {value} ({why})")
    let ruleDecided = Message("engine.rule_decided",
        fi: "sääntöä sovelletaan vain, kun {name} on {wanted}", sv: "regeln gäller endast när {name} är {wanted}", en: "the rule applies only when the {name} is {wanted}")
    let undecided = Message("engine.undecided_value", fi: "ratkaisematta", sv: "oavgjort", en: "undecided")
    let lawUndecided = Message("engine.law_undecided",
        fi: "mikään suunnitelman päivämäärä ei ratkaise, mitä lain versiota siihen sovelletaan ({date_reason}); mahdolliset: {candidates}",
        sv: "inget datum i planen avgör vilken lagversion som gäller den ({date_reason}); möjliga: {candidates}",
        en: "no date in the plan decides which version of the law applies to it ({date_reason}); possible: {candidates}")
    let ruleNeedsLaw = Message("engine.rule_needs_law",
        fi: "sääntö koskee vain osaa mahdollisista lain versioista ({profiles}), eikä versiota ole ratkaistu: {why}",
        sv: "regeln gäller bara en del av de möjliga lagversionerna ({profiles}), och versionen är inte avgjord: {why}",
        en: "the rule belongs to only some of the possible versions of the law ({profiles}), and the version is undecided: {why}")
    let lawUndecidedTitle = Message("engine.law_undecided_title",
        fi: "Sovellettavaa lain versiota ei voitu ratkaista", sv: "Lagversionen som gäller planen kunde inte avgöras",
        en: "The version of the law that applies could not be decided")
    let lawUndecidedFix = Message("engine.law_undecided_fix",
        fi: "Kirjaa suunnitelman hyväksymispäivä (approvals: [{body: kunnanvaltuusto, date: …}]) tietolohkoon tai suunnitelman viereiseen tiedostoon SUUNNITELMA.planlint.yaml; luonnokselle suunniteltu päätöspäivä (decision: {planned_date: …}).",
        sv: "Ange datumet då planen godkändes (approvals: [{body: kommunfullmäktige, date: …}]) i faktablocket eller i filen PLAN.planlint.yaml bredvid planen; för ett utkast det planerade beslutsdatumet (decision: {planned_date: …}).",
        en: "Record the date the plan was approved (approvals: [{body: kunnanvaltuusto, date: …}]) in the data block or in a file PLAN.planlint.yaml beside the plan; for a draft, the planned decision date (decision: {planned_date: …}).")
    let beforeLaw = Message("engine.before_law",
        fi: "viitepäivä {date} ({why}) on ennen {from} voimaan tullutta lain versiota",
        sv: "referensdatumet {date} ({why}) är före lagversionen som trädde i kraft {from}",
        en: "the reference date {date} ({why}) is before the version of the law in force from {from}")
    let afterLaw = Message("engine.after_law",
        fi: "viitepäivä {date} ({why}) on {until} asti voimassa olleen lain version jälkeen",
        sv: "referensdatumet {date} ({why}) är efter lagversionen som gällde till {until}",
        en: "the reference date {date} ({why}) is after the version of the law in force until {until}")
    let because = Message("engine.because", fi: "{plan}; {rule}", sv: "{plan}; {rule}", en: "{plan}; {rule}")
    let givenInDataBlock = Message("engine.given_in_data_block",
        fi: "annettu tietolohkon kentässä {field}", sv: "anges i faktablockets fält {field}", en: "given in the data block's field {field}")
    let noReferenceAt = Message("engine.undecided_path",
        fi: "vertailupäivää ei ole ({path}), joten ehtoa ei voitu ratkaista",
        sv: "inget referensdatum ({path}), så villkoret kunde inte avgöras",
        en: "no reference date ({path}), so the condition could not be decided")
    let noReference = Message("engine.undecided",
        fi: "vertailuarvoa ei ole, joten ehtoa ei voitu ratkaista", sv: "inget värde att jämföra med, så villkoret kunde inte avgöras",
        en: "nothing to compare with, so the condition could not be decided")
    let invalidDate = Message("engine.invalid_date",
        fi: "{path}: '{value}' ei ole kelvollinen päivämäärä (odotettiin muotoa VVVV-KK-PP tai p.k.vvvv).",
        sv: "{path}: '{value}' är inte ett giltigt datum (väntade ÅÅÅÅ-MM-DD eller d.m.åååå).",
        en: "{path}: '{value}' is not a valid date (expected YYYY-MM-DD or d.m.yyyy).")
}

/// The terminal format's words.
struct TextMessages {
    let header = Message("text.header",
        fi: "{status}, {scope}; viitepäivä {date}{law}", sv: "{status}, {scope}; referensdatum {date}{law}", en: "{status}, {scope}; reference date {date}{law}")
    let headerLaw = Message("text.header_law", fi: "; laki: {law}", sv: "; lag: {law}", en: "; law: {law}")
    let noFindings = Message("text.no_findings", fi: "ei havaintoja", sv: "inga anmärkningar", en: "no findings")
    let suppressed = Message("text.suppressed",
        fi: "{n|# havainto|# havaintoa} vaimennettu suunnitelman planlint-disable-ohjeilla",
        sv: "{n|# anmärkning|# anmärkningar} undertryckta med planlint-disable i planen",
        en: "{n|# finding|# findings} suppressed by planlint-disable directives in the plan")
    let law = Message("text.law", fi: "Laki", sv: "Lag", en: "Law")
    let fix = Message("text.fix", fi: "Korjaus", sv: "Åtgärd", en: "Fix")
    let summary = Message("text.summary",
        fi: "{plans|# suunnitelma|# suunnitelmaa} tarkistettu{unread}: {errors|# virhe|# virhettä}, {warnings|# varoitus|# varoitusta}, {infos|# huomautus|# huomautusta}{suppressed} (tarkistuspäivä {date}; sääntöpaketit: {packs})",
        sv: "{plans|# plan granskad|# planer granskade}{unread}: {errors|# fel|# fel}, {warnings|# varning|# varningar}, {infos|# upplysning|# upplysningar}{suppressed} (granskningsdag {date}; regelpaket: {packs})",
        en: "{plans|# plan|# plans} checked{unread}: {errors|# error|# errors}, {warnings|# warning|# warnings}, {infos|# info|# info}{suppressed} (as of {date}; packs: {packs})")
    let progress = Message("text.progress",
        fi: "planlint: {done}/{total} suunnitelmaa tarkistettu", sv: "planlint: {done}/{total} planer granskade",
        en: "planlint: {done}/{total} plans checked")
    let summaryUnread = Message("text.summary_unread",
        fi: ", {n} ei voitu lukea", sv: ", {n} kunde inte läsas", en: ", {n} could not be read")
    let summarySuppressed = Message("text.summary_suppressed",
        fi: ", {n} vaimennettu", sv: ", {n} undertryckta", en: ", {n} suppressed")
}

/// The compliance report (`--format compliance`).
struct ComplianceMessages {
    let heading = Message("compliance.heading", fi: "Vaatimustenmukaisuusraportti", sv: "Rapport om efterlevnad", en: "Compliance report")
    let file = Message("compliance.file", fi: "Tiedosto", sv: "Fil", en: "File")
    let asOf = Message("compliance.as_of", fi: "Tarkistuspäivä", sv: "Granskningsdag", en: "As of")
    let profile = Message("compliance.profile", fi: "Sovellettu lainsäädäntö", sv: "Tillämpad lagstiftning", en: "Law applied")
    let because = Message("compliance.because", fi: "peruste", sv: "grund", en: "because")
    let noProfile = Message("compliance.no_profile", fi: "mikään lain versio ei kata suunnitelmaa", sv: "ingen lagversion täcker planen",
                            en: "no version of the law covers this plan")
    let status = Message("compliance.status", fi: "Tila", sv: "Status", en: "Status")
    let scope = Message("compliance.scope", fi: "laajuus", sv: "omfattning", en: "scope")
    let statutory = Message("compliance.statutory", fi: "Lakisääteiset vaatimukset", sv: "Lagstadgade krav", en: "Statutory requirements")
    let practices = Message("compliance.practices", fi: "Hyvän käytännön suositukset", sv: "Rekommendationer om god praxis", en: "Good-practice recommendations")
    let notApplicableHeading = Message("compliance.not_applicable", fi: "Ei sovelleta tähän suunnitelmaan", sv: "Tillämpas inte på denna plan",
                                       en: "Not applicable to this plan")
    let notApplicableLine = Message("compliance.not_applicable_line",
        fi: "{n|# vaatimus|# vaatimusta}, koska {why}: {rules}", sv: "{n|# krav|# krav} eftersom {why}: {rules}", en: "{n|# requirement|# requirements} because {why}: {rules}")
    let findings = Message("compliance.findings", fi: "{n|# havainto|# havaintoa}", sv: "{n|# anmärkning|# anmärkningar}", en: "{n|# finding|# findings}")
    let suppressed = Message("compliance.suppressed",
        fi: "{n} hyväksytty (planlint-disable-ohje, poikkeuspäätös tai perustaso)", sv: "{n} godtagna (planlint-disable, undantagsbeslut eller baslinje)",
        en: "{n} accepted (a planlint-disable directive, a waiver or the baseline)")
    let confirm = Message("compliance.confirm", fi: "varmistettava", sv: "ska bekräftas", en: "to confirm")
    let textOnly = Message("compliance.text_only", fi: "löytyi vain tekstistä, ei otsikon alta", sv: "hittades endast i texten, inte under en rubrik",
                           en: "found in the text only, not under a heading")
    let appendix = Message("compliance.appendix", fi: "Miten tarkistettiin", sv: "Hur granskningen gjordes", en: "How this was checked")
    let packs = Message("compliance.packs", fi: "Sääntöpaketit", sv: "Regelpaket", en: "Rule packs")
    let profileID = Message("compliance.profile_id", fi: "Lain version tunnus", sv: "Lagversionens id", en: "Id of the law version")
    let tagPass = Message("compliance.tag_pass", fi: "TÄYTTYY", sv: "UPPFYLLT", en: "MET")
    let tagFail = Message("compliance.tag_fail", fi: "EI TÄYTY", sv: "EJ UPPFYLLT", en: "NOT MET")
    let tagReview = Message("compliance.tag_review", fi: "TARKISTA", sv: "GRANSKA", en: "REVIEW")
    let tagFollowed = Message("compliance.tag_followed", fi: "TOTEUTUU", sv: "FÖLJS", en: "FOLLOWED")
    let tagOpen = Message("compliance.tag_open", fi: "KEHITETTÄVÄÄ", sv: "ATT UTVECKLA", en: "TO IMPROVE")
    let tagCovered = Message("compliance.tag_covered", fi: "KATETTU", sv: "TÄCKT", en: "COVERED")
    let verdictFail = Message("compliance.verdict_fail",
        fi: "Lakisääteiset vaatimukset eivät täyty: {failed} / {applicable} sovellettavasta vaatimuksesta ei täyty.",
        sv: "De lagstadgade kraven är inte uppfyllda: {failed} av {applicable} tillämpliga krav är inte uppfyllda.",
        en: "The statutory requirements are not met: {failed} of {applicable} applicable requirements are not met.")
    let verdictReview = Message("compliance.verdict_review",
        fi: "Koneellisesti tarkistettavat lakisääteiset vaatimukset täyttyvät; {review} / {applicable} on vielä tarkistettava.",
        sv: "De lagstadgade krav som kan granskas maskinellt är uppfyllda; {review} av {applicable} ska ännu granskas.",
        en: "The statutory requirements a machine can check are met; {review} of {applicable} still need review by a person.")
    let verdictPass = Message("compliance.verdict_pass",
        fi: "Kaikki {applicable|# sovellettava lakisääteinen vaatimus täyttyy|# sovellettavaa lakisääteistä vaatimusta täyttyvät}.",
        sv: "{applicable|Det # tillämpliga lagstadgade kravet är uppfyllt|Alla # tillämpliga lagstadgade krav är uppfyllda}.",
        en: "{applicable|The # applicable statutory requirement is met|All # applicable statutory requirements are met}.")
    let verdictNone = Message("compliance.verdict_none",
        fi: "Suunnitelmaan ei sovelleta yhtään lakisääteistä vaatimusta.", sv: "Inga lagstadgade krav tillämpas på planen.",
        en: "No statutory requirement applies to this plan.")
    let practiceSummary = Message("compliance.practice_summary",
        fi: "Hyvä käytäntö: {followed} / {total} suositusta toteutuu. Suositukset eivät ole lain vaatimuksia.",
        sv: "God praxis: {followed} av {total} rekommendationer följs. Rekommendationerna är inte krav i lagen.",
        en: "Good practice: {followed} of {total} recommendations are followed. Recommendations are not requirements of the law.")
}

/// The HTML report's words.
struct HTMLMessages {
    let reportTitle = Message("html.report_title",
        fi: "Lasten ja nuorten hyvinvointisuunnitelman lainmukaisuus",
        sv: "Välfärdsplan för barn och unga: överensstämmelse med lagen",
        en: "Child and youth welfare plan: compliance with the law")
    let reportKind = Message("html.report_kind", fi: "Vaatimustenmukaisuusraportti", sv: "Rapport om efterlevnad", en: "Compliance report")
    let contents = Message("html.contents", fi: "Tarkistetut suunnitelmat", sv: "Granskade planer", en: "Plans checked")
    let plan = Message("html.plan", fi: "Suunnitelma", sv: "Plan", en: "Plan")
    let untitled = Message("html.untitled", fi: "Nimetön suunnitelma", sv: "Plan utan titel", en: "Untitled plan")
    let file = Message("html.file", fi: "Tiedosto", sv: "Fil", en: "File")
    let asOf = Message("html.as_of", fi: "Tarkistuspäivä", sv: "Granskningsdag", en: "Checked as of")
    let status = Message("html.status", fi: "Tila", sv: "Status", en: "Status")
    let scope = Message("html.scope", fi: "Laajuus", sv: "Omfattning", en: "Scope")
    let referenceDate = Message("html.reference_date", fi: "Viitepäivä", sv: "Referensdag", en: "Reference date")
    let profile = Message("html.profile", fi: "Sovellettu lainsäädäntö", sv: "Tillämpad lagstiftning", en: "Law applied")
    let profileWhy = Message("html.profile_why", fi: "Miksi tämä versio", sv: "Varför denna version", en: "Why this version")
    let noProfile = Message("html.no_profile",
        fi: "Mikään sääntöpakettien lain versio ei kata suunnitelmaa.", sv: "Ingen lagversion i regelpaketen täcker planen.",
        en: "No version of the law in the rule packs covers this plan.")
    let packs = Message("html.packs", fi: "Sääntöpaketit", sv: "Regelpaket", en: "Rule packs")
    let packID = Message("html.pack_id", fi: "Tunnus", sv: "Id", en: "Id")
    let packTitle = Message("html.pack_title", fi: "Nimi", sv: "Namn", en: "Title")
    let packVersion = Message("html.pack_version", fi: "Versio", sv: "Version", en: "Version")
    let packHash = Message("html.pack_hash", fi: "Sisällön tiiviste", sv: "Innehållets kontrollsumma", en: "Content hash")
    let packRules = Message("html.pack_rules", fi: "Sääntöjä", sv: "Regler", en: "Rules")
    let chartCaption = Message("html.chart_caption",
        fi: "Lakisääteiset vaatimukset tuloksen mukaan ({n} yhteensä)", sv: "De lagstadgade kraven enligt resultat ({n} sammanlagt)",
        en: "Statutory requirements by result ({n} in all)")
    let findingCounts = Message("html.finding_counts",
        fi: "Havainnot: {errors|# virhe|# virhettä}, {warnings|# varoitus|# varoitusta}, {infos|# huomautus|# huomautusta}.",
        sv: "Anmärkningar: {errors|# fel|# fel}, {warnings|# varning|# varningar}, {infos|# upplysning|# upplysningar}.",
        en: "Findings: {errors|# error|# errors}, {warnings|# warning|# warnings}, {infos|# note|# notes}.")
    let findingsSuppressed = Message("html.findings_suppressed",
        fi: "Lisäksi {n|# hyväksytty poikkeama|# hyväksyttyä poikkeamaa} (planlint-disable-ohje, poikkeuspäätös tai perustaso).",
        sv: "Därtill {n|# godtagen avvikelse|# godtagna avvikelser} (planlint-disable, undantagsbeslut eller baslinje).",
        en: "Also {n|# accepted deviation|# accepted deviations} (a planlint-disable directive, a waiver or the baseline).")
    let accepted = Message("html.accepted", fi: "Hyväksytty poikkeama", sv: "Godtagen avvikelse", en: "Accepted deviation")
    let acceptedBy = Message("html.accepted_by",
        fi: "Suunnitelman planlint-disable-ohje (rivi {line}) hyväksyy poikkeaman: {why}",
        sv: "Ett planlint-disable-direktiv i planen (rad {line}) godtar avvikelsen: {why}",
        en: "A planlint-disable directive in the plan (line {line}) accepts the deviation: {why}")
    let noJustification = Message("html.no_justification", fi: "perustelua ei ole annettu", sv: "ingen motivering anges", en: "no justification is given")
    let acceptedCount = Message("html.accepted_count",
        fi: "{n} hyväksytty poikkeamana", sv: "{n|# godtagen|# godtagna} som avvikelse", en: "{n} accepted as a deviation")
    let findings = Message("html.findings", fi: "Havainnot", sv: "Anmärkningar", en: "Findings")
    let noFindings = Message("html.no_findings",
        fi: "Ei havaintoja: suunnitelmasta ei löytynyt puutteita.", sv: "Inga anmärkningar: inga brister hittades i planen.",
        en: "No findings: no defects were found in the plan.")
    let statutory = Message("html.statutory", fi: "Lakisääteiset vaatimukset", sv: "Lagstadgade krav", en: "Statutory requirements")
    let practices = Message("html.practices", fi: "Hyvän käytännön suositukset", sv: "Rekommendationer om god praxis", en: "Good-practice recommendations")
    let practicesNote = Message("html.practices_note",
        fi: "Suositukset perustuvat hyvään käytäntöön, eivät lakiin: toteutumatta jäävä suositus ei tee suunnitelmasta lainvastaista.",
        sv: "Rekommendationerna bygger på god praxis, inte på lag: en rekommendation som inte följs gör inte planen lagstridig.",
        en: "The recommendations rest on good practice, not on the law: one that is not followed does not make the plan unlawful.")
    let notApplicableHeading = Message("html.not_applicable_heading",
        fi: "Vaatimukset, joita ei sovelleta tähän suunnitelmaan", sv: "Krav som inte tillämpas på denna plan",
        en: "Requirements that do not apply to this plan")
    let notApplicableGroup = Message("html.not_applicable_group",
        fi: "{n|# vaatimus|# vaatimusta}: {why}", sv: "{n|# krav|# krav}: {why}", en: "{n|# requirement|# requirements}: {why}")
    let requirement = Message("html.requirement", fi: "Vaatimus", sv: "Krav", en: "Requirement")
    let recommendation = Message("html.recommendation", fi: "Suositus", sv: "Rekommendation", en: "Recommendation")
    let result = Message("html.result", fi: "Tulos", sv: "Resultat", en: "Result")
    let law = Message("html.law", fi: "Lainkohta", sv: "Lagrum", en: "Legal basis")
    let details = Message("html.details", fi: "Lisätiedot", sv: "Detaljer", en: "Details")
    let location = Message("html.location", fi: "Sijainti", sv: "Plats", en: "Location")
    let lineOnly = Message("html.line", fi: "rivi {line}", sv: "rad {line}", en: "line {line}")
    let lineInSection = Message("html.line_in_section", fi: "rivi {line}, osio «{section}»", sv: "rad {line}, avsnitt «{section}»",
                                en: "line {line}, section “{section}”")
    let evidence = Message("html.evidence", fi: "Havaittu", sv: "Observerat", en: "Evidence")
    let remediation = Message("html.remediation", fi: "Korjaus", sv: "Åtgärd", en: "What to do")
    let statuteWording = Message("html.statute_wording", fi: "Lain sanamuoto", sv: "Lagens ordalydelse", en: "Wording of the statute")
    let wordingInFinnish = Message("html.wording_in_finnish", fi: "suomeksi", sv: "på finska", en: "in Finnish")
    let wordingInSwedish = Message("html.wording_in_swedish", fi: "ruotsiksi", sv: "på svenska", en: "in Swedish")
    let asWordedBy = Message("html.as_worded_by", fi: "muutoksen {version} mukaisena", sv: "i lydelsen enligt {version}", en: "as worded by {version}")
    let interpretation = Message("html.interpretation",
        fi: "Sääntö perustuu lainkohdan tulkintaan ({mark}: {meaning}), ei vahvistettuun sanamuotoon.",
        sv: "Regeln bygger på en tolkning av lagrummet ({mark}: {meaning}), inte på en bekräftad ordalydelse.",
        en: "The rule rests on a reading of the provision ({mark}: {meaning}), not on verified wording.")
    let seeFinding = Message("html.see_finding", fi: "katso havainto {n}", sv: "se anmärkning {n}", en: "see finding {n}")
    let findingLink = Message("html.finding_link", fi: "havainto {n}", sv: "anmärkning {n}", en: "finding {n}")
    let toConfirm = Message("html.to_confirm", fi: "Varmistettava", sv: "Ska bekräftas", en: "To confirm")
    let noteHeading = Message("html.note_heading", fi: "Osio «{heading}», rivi {line}", sv: "Avsnitt «{heading}», rad {line}", en: "Section “{heading}”, line {line}")
    let noteLegalMap = Message("html.note_legal_map",
        fi: "Tietolohkon legal_map osoittaa osion «{heading}», rivi {line}", sv: "Faktablockets legal_map pekar ut avsnittet «{heading}», rad {line}",
        en: "The data block's legal_map points to section “{heading}”, line {line}")
    let noteTextOnly = Message("html.note_text_only",
        fi: "Löytyi vain tekstistä, ei omana osionaan: «{words}», rivi {line}",
        sv: "Hittades endast i texten, inte som eget avsnitt: «{words}», rad {line}",
        en: "Found in the text only, not as a section of its own: “{words}”, line {line}")
    let noteMention = Message("html.note_mention", fi: "Mainitaan tekstissä: «{words}», rivi {line}", sv: "Nämns i texten: «{words}», rad {line}",
                              en: "Mentioned in the text: “{words}”, line {line}")
    let noteFromText = Message("html.note_from_text", fi: "Tekstistä, rivi {line}: {value}", sv: "Ur texten, rad {line}: {value}", en: "From the text, line {line}: {value}")
    let noteUndecided = Message("html.note_undecided", fi: "Ei voitu ratkaista koneellisesti: {why}", sv: "Kunde inte avgöras maskinellt: {why}",
                                en: "Could not be decided by machine: {why}")
    let unreadable = Message("html.unreadable", fi: "Tiedostot, joita ei voitu lukea", sv: "Filer som inte kunde läsas", en: "Files that could not be read")
    let appendix = Message("html.appendix", fi: "Miten tarkistettiin", sv: "Hur granskningen gjordes", en: "How this was checked")
    let appendixIntro = Message("html.appendix_intro",
        fi: "Tarkistus tehtiin alla luetelluilla sääntöpaketeilla. Sisällön tiiviste yksilöi paketin version: sama tiiviste antaa saman tuloksen.",
        sv: "Granskningen gjordes med regelpaketen nedan. Innehållets kontrollsumma identifierar paketets version: samma kontrollsumma ger samma resultat.",
        en: "The check used the rule packs listed below. The content hash identifies each pack's version: the same hash gives the same result.")
    let appendixFindings = Message("html.appendix_findings", fi: "Havaintojen tarkat sijainnit", sv: "Anmärkningarnas exakta platser", en: "Exact places of the findings")
    let appendixRule = Message("html.appendix_rule", fi: "Sääntö", sv: "Regel", en: "Rule")
    let appendixPlace = Message("html.appendix_place", fi: "Tiedosto ja kohta", sv: "Fil och plats", en: "File and place")
    let appendixPath = Message("html.appendix_path", fi: "Tietolohkon kenttä", sv: "Fält i faktablocket", en: "Field of the data block")
    let generated = Message("html.generated",
        fi: "Raportin laati planlint {version} tarkistuspäivänä {date}. Koneellinen tarkistus ei korvaa valmistelijan eikä lakimiehen arviota.",
        sv: "Rapporten skapades med planlint {version} per {date}. En maskinell granskning ersätter inte beredarens eller juristens bedömning.",
        en: "Produced by planlint {version} as of {date}. A machine check does not replace the judgement of the preparer or a lawyer.")
}

/// `planlint rules explain`: headings and the outline of a check.
struct ExplainMessages {
    let header = Message("explain.header",
        fi: "paketti {pack} {version}; vakavuus: {severity}; laji: {kind}", sv: "paket {pack} {version}; allvarlighet: {severity}; typ: {kind}",
        en: "pack {pack} {version}; severity: {severity}; kind: {kind}")
    let law = Message("explain.law", fi: "Laki", sv: "Lag", en: "Law")
    let wordedBy = Message("explain.worded_by", fi: "sanamuoto {version}", sv: "lydelse enligt {version}", en: "as worded by {version}")
    let markNote = Message("explain.mark_note",
        fi: "Huom.: tämä kohta on merkitty {mark} ({meaning}); käsittele sitä tulkintana.",
        sv: "Obs: denna läsning är märkt {mark} ({meaning}); behandla den som en tolkning.",
        en: "Note: this reading is marked {mark} ({meaning}); treat it as an interpretation.")
    let appliesTo = Message("explain.applies_to", fi: "Sovelletaan", sv: "Tillämpas på", en: "Applies to")
    let decided = Message("explain.decided", fi: "{name}: {values}", sv: "{name}: {values}", en: "{name}: {values}")
    let everyPlan = Message("explain.every_plan", fi: "kaikki suunnitelmat", sv: "alla planer", en: "every plan")
    let profile = Message("explain.profile",
        fi: "lain versiot: {profiles} (valitaan suunnitelman viitepäivän ja laajuuden mukaan)",
        sv: "lagversioner: {profiles} (väljs enligt planens referensdatum och omfattning)",
        en: "versions of the law: {profiles} (picked by the plan's reference date and scope)")
    let needsReview = Message("explain.needs_review", fi: "tarkistettava: {question}", sv: "ska granskas: {question}", en: "needs review: {question}")
    let lawInForce = Message("explain.law_in_force",
        fi: "lain voimassaolo: {from} – {until} (valitaan suunnitelman viitepäivän mukaan)",
        sv: "lagen i kraft: {from} – {until} (väljs enligt planens referensdatum)",
        en: "law in force: {from} – {until} (picked by the plan's reference date)")
    let checks = Message("explain.checks", fi: "Tarkistukset", sv: "Kontroller", en: "Checks")
    let message = Message("explain.message", fi: "Viesti", sv: "Meddelande", en: "Message")
    let whatToDo = Message("explain.what_to_do", fi: "Mitä tehdä", sv: "Åtgärd", en: "What to do")
    let examples = Message("explain.examples", fi: "Esimerkit", sv: "Exempel", en: "Examples")
    let example = Message("explain.example", fi: "{expect}: {file} (tarkistuspäivä {date})", sv: "{expect}: {file} (granskningsdag {date})",
                          en: "{expect}: {file} (as of {date})")
    let expectPass = Message("explain.expect_pass", fi: "täyttyy", sv: "uppfyllt", en: "pass")
    let expectFail = Message("explain.expect_fail", fi: "ei täyty", sv: "ej uppfyllt", en: "fail")

    // The outline of a check. Paths and patterns are shown as written in the pack.
    let or = Message("explain.or", fi: "tai", sv: "eller", en: "or")
    let present = Message("explain.check.present", fi: "{paths} on annettu", sv: "{paths} är angivet", en: "{paths} is given")
    let isDate = Message("explain.check.is_date", fi: "{paths} on kelvollinen päivämäärä", sv: "{paths} är ett giltigt datum", en: "{paths} is a valid date")
    let everyOneOf = Message("explain.check.every_one_of", fi: "jokainen {paths} on jokin näistä: {values}", sv: "varje {paths} är något av: {values}",
                             en: "every {paths} is one of: {values}")
    let someOneOf = Message("explain.check.some_one_of", fi: "jokin {paths} on jokin näistä: {values}", sv: "något {paths} är något av: {values}",
                            en: "some {paths} is one of: {values}")
    let everyMatches = Message("explain.check.every_matches", fi: "jokainen {paths} vastaa hakua: {pattern}", sv: "varje {paths} motsvarar: {pattern}",
                               en: "every {paths} matches: {pattern}")
    let someMatches = Message("explain.check.some_matches", fi: "jokin {paths} vastaa hakua: {pattern}", sv: "något {paths} motsvarar: {pattern}",
                              en: "some {paths} matches: {pattern}")
    let equals = Message("explain.check.equals", fi: "{paths} on {value}", sv: "{paths} är {value}", en: "{paths} equals {value}")
    let withinBefore = Message("explain.check.within_before",
        fi: "{paths} ({pick}) on enintään {years|# vuosi|# vuotta} ennen vertailupäivää ({reference})",
        sv: "{paths} ({pick}) är högst {years|# år|# år} före jämförelsedagen ({reference})",
        en: "{paths} ({pick}) is at most {years|# year|# years} before {reference}")
    let withinAfter = Message("explain.check.within_after",
        fi: "{paths} ({pick}) on enintään {years|# vuosi|# vuotta} vertailupäivän ({reference}) jälkeen",
        sv: "{paths} ({pick}) är högst {years|# år|# år} efter jämförelsedagen ({reference})",
        en: "{paths} ({pick}) is at most {years|# year|# years} after {reference}")
    let pickEarliest = Message("explain.pick_earliest", fi: "varhaisin", sv: "tidigaste", en: "earliest")
    let pickLatest = Message("explain.pick_latest", fi: "viimeisin", sv: "senaste", en: "latest")
    let pickEach = Message("explain.pick_each", fi: "jokainen", sv: "varje", en: "each")
    let countMin = Message("explain.check.count_min", fi: "{paths}: vähintään {n}", sv: "{paths}: minst {n}", en: "{paths}: at least {n}")
    let countMax = Message("explain.check.count_max", fi: "{paths}: enintään {n}", sv: "{paths}: högst {n}", en: "{paths}: at most {n}")
    let countBetween = Message("explain.check.count_between", fi: "{paths}: vähintään {min} ja enintään {max}", sv: "{paths}: minst {min} och högst {max}",
                               en: "{paths}: at least {min} and at most {max}")
    let each = Message("explain.check.each", fi: "jokaiselle kohteelle {paths} (@):", sv: "för varje {paths} (@):", en: "for each {paths} (@):")
    let some = Message("explain.check.some", fi: "ainakin yhdelle kohteelle {paths} (@):", sv: "för minst ett {paths} (@):", en: "for at least one {paths} (@):")
    let covers = Message("explain.check.covers", fi: "{paths} kattavat: {values}", sv: "{paths} täcker: {values}", en: "{paths} cover: {values}")
    let coversAtLeast = Message("explain.check.covers_at_least", fi: "{paths} kattavat vähintään {n} näistä: {values}",
                                sv: "{paths} täcker minst {n} av: {values}", en: "{paths} cover at least {n} of: {values}")
    let section = Message("explain.check.section", fi: "ei-tyhjä osio, jonka otsikko on kuin {aliases}", sv: "ett avsnitt som inte är tomt, med en rubrik som {aliases}",
                          en: "a non-empty section headed like {aliases}")
    let sectionMap = Message("explain.check.section_map", fi: " (tai tietolohkon legal_map.{item})", sv: " (eller faktablockets legal_map.{item})",
                             en: " (or the data block's legal_map.{item})")
    let sectionText = Message("explain.check.section_text", fi: "; tai teksti mainitsee: {terms}", sv: "; eller texten nämner: {terms}", en: "; or the text mentions: {terms}")
    let mentions = Message("explain.check.mentions", fi: "teksti mainitsee: {terms}", sv: "texten nämner: {terms}", en: "the text mentions: {terms}")
    let mentionsIn = Message("explain.check.mentions_in", fi: "osioiden, joiden otsikko on kuin {sections}, teksti mainitsee: {terms}",
                             sv: "texten i avsnitt med rubriker som {sections} nämner: {terms}", en: "the text of sections headed like {sections} mentions: {terms}")
    let times = Message("explain.check.times", fi: " ({n} kertaa)", sv: " ({n} gånger)", en: " ({n} times)")
    let table = Message("explain.check.table", fi: "taulukko, jonka sarakkeet ovat {columns}", sv: "en tabell med kolumnerna {columns}",
                        en: "a table with columns {columns}")
    let tableIn = Message("explain.check.table_in", fi: "taulukko osiossa, jonka otsikko on kuin {sections}, sarakkeina {columns}",
                          sv: "en tabell i avsnitt med rubriker som {sections}, med kolumnerna {columns}",
                          en: "a table in sections headed like {sections} with columns {columns}")
    let tableFilled = Message("explain.check.table_filled", fi: "; jokainen rivi täytetty", sv: "; varje rad ifylld", en: ", every row filled")
    let all = Message("explain.check.all", fi: "kaikki seuraavat:", sv: "alla dessa:", en: "all of:")
    let any = Message("explain.check.any", fi: "jokin seuraavista:", sv: "något av dessa:", en: "any of:")
    let not = Message("explain.check.not", fi: "ei:", sv: "inte:", en: "not:")
    let when = Message("explain.check.when", fi: "kun:", sv: "när:", en: "when:")
    let then = Message("explain.check.then", fi: "silloin:", sv: "då:", en: "then:")
    let otherwise = Message("explain.check.otherwise", fi: "muuten:", sv: "annars:", en: "otherwise:")
    let asOfVariable = Message("explain.var.as_of", fi: "tarkistuspäivä", sv: "granskningsdagen", en: "the as-of date")
    let referenceVariable = Message("explain.var.reference_date", fi: "viitepäivä", sv: "referensdatumet", en: "the reference date")
    let statusVariable = Message("explain.var.status", fi: "suunnitelman tila", sv: "planens status", en: "the plan's status")
    let scopeVariable = Message("explain.var.scope", fi: "suunnitelman laajuus", sv: "planens omfattning", en: "the plan's scope")
    let profileVariable = Message("explain.var.profile", fi: "lain versio", sv: "lagversionen", en: "the version of the law")
    let languageVariable = Message("explain.var.language", fi: "suunnitelman kieli", sv: "planens språk", en: "the plan's language")
    let lastDecisionVariable = Message("explain.var.last_decision", fi: "viimeisin valtuuston päätös", sv: "fullmäktiges senaste beslut",
                                       en: "the latest council decision")
}

/// The built-in rules about suppression directives (Suppressions.swift).
struct SuppressionMessages {
    let unknownTitle = Message("suppress.unknown_title", fi: "Vaimennus nimeää säännön, jota ei ole", sv: "En undertryckning anger en regel som inte finns",
                               en: "A suppression names a rule that does not exist")
    let unknownFix = Message("suppress.unknown_fix",
        fi: "Korjaa säännön tunnus (planlint rules list näyttää tunnukset) tai poista ohje.",
        sv: "Rätta regelns id (planlint rules list visar alla id) eller ta bort direktivet.",
        en: "Correct the rule id (planlint rules list shows them) or remove the directive.")
    let invalidTitle = Message("suppress.invalid_title", fi: "Vaimennusohje on virheellinen", sv: "Ett undertryckningsdirektiv är felaktigt",
                               en: "A suppression directive is malformed")
    let invalidFix = Message("suppress.invalid_fix",
        fi: "Kirjoita ohje muodossa <!-- planlint-disable SÄÄNTÖ -- perustelu --> (docs/suppressions.md).",
        sv: "Skriv direktivet som <!-- planlint-disable REGEL -- motivering --> (docs/suppressions.md).",
        en: "Write the directive as <!-- planlint-disable RULE-ID -- justification --> (docs/suppressions.md).")
    let unjustifiedTitle = Message("suppress.unjustified_title", fi: "Vaimennukselta puuttuu perustelu", sv: "En undertryckning saknar motivering",
                                   en: "A suppression has no justification")
    let unjustifiedFix = Message("suppress.unjustified_fix",
        fi: "Kirjoita perustelu kahden tavuviivan jälkeen: <!-- planlint-disable SÄÄNTÖ -- perustelu -->.",
        sv: "Skriv motiveringen efter två bindestreck: <!-- planlint-disable REGEL -- motivering -->.",
        en: "Give the reason after two hyphens: <!-- planlint-disable RULE-ID -- the reason -->.")
    let notADirective = Message("suppress.not_a_directive",
        fi: "'{name}' ei ole planlintin ohje (ohjeet: {known}), joten se ei vaimenna mitään.",
        sv: "'{name}' är inget planlint-direktiv (direktiven: {known}) och undertrycker därför ingenting.",
        en: "'{name}' is not a planlint directive (the directives: {known}), so it suppresses nothing.")
    let unknownRule = Message("suppress.unknown_rule",
        fi: "Ohje {directive} nimeää säännön '{id}', jota mikään ladattu sääntöpaketti ei määrittele, joten se ei vaimenna sitä.",
        sv: "Direktivet {directive} anger regeln '{id}', som inget inläst regelpaket definierar, och undertrycker därför ingenting för den.",
        en: "The directive {directive} names the rule '{id}', which no loaded pack defines, so it suppresses nothing for it.")
    let idleEnable = Message("suppress.idle_enable",
        fi: "planlint-enable{rule}: yksikään planlint-disable{rule} ei ole tässä voimassa.",
        sv: "planlint-enable{rule}: inget planlint-disable{rule} gäller här.",
        en: "planlint-enable{rule}: no planlint-disable{rule} is in force here.")
    let noRules = Message("suppress.no_rules",
        fi: "Ohje {directive} ei nimeä yhtään sääntöä, joten se ei vaimenna mitään (ohjeen on nimettävä vaimennettavat säännöt).",
        sv: "Direktivet {directive} anger ingen regel och undertrycker därför ingenting (ett direktiv måste ange reglerna det undertrycker).",
        en: "The directive {directive} names no rule, so it suppresses nothing (a directive must name the rules it suppresses).")
    let unjustified = Message("suppress.unjustified",
        fi: "Ohje {directive} vaimentaa {n|säännön|säännöt} {rules} ilman perustelua.",
        sv: "Direktivet {directive} undertrycker {n|regeln|reglerna} {rules} utan motivering.",
        en: "The directive {directive} suppresses {n|the rule|the rules} {rules} without a justification.")
}

/// `planlint facts`: what was read and what was decided from it.
struct FactsMessages {
    let decided = Message("facts.decided", fi: "päätellyt arvot", sv: "härledda värden", en: "decided values")
    let facts = Message("facts.facts", fi: "tiedot", sv: "uppgifter", en: "facts")
    let none = Message("facts.none", fi: "(ei yhtään)", sv: "(inga)", en: "(none)")
    let noProfile = Message("facts.no_profile",
        fi: "lain versiota ei valittu: {why}", sv: "ingen lagversion valdes: {why}", en: "no version of the law chosen: {why}")
    let originFrontMatter = Message("facts.origin_front_matter", fi: "tietolohkosta", sv: "ur faktablocket", en: "from the data block")
    let originSidecar = Message("facts.origin_sidecar", fi: "sivutiedostosta", sv: "ur sidofilen", en: "from the sidecar")
    let originText = Message("facts.origin_text", fi: "tekstistä", sv: "ur texten", en: "from the text")
    let originEngine = Message("facts.origin_engine", fi: "päätelty", sv: "härlett", en: "derived")
    let notUsed = Message("facts.not_used",
        fi: "ei käytössä: vahvempi lähde korvaa", sv: "används inte: en starkare källa gäller", en: "not used: a stronger source wins")
}

/// Words about Word and OpenDocument plans: where a reader finds a place, what is open for review.
struct WordMessages {
    let insertion = Message("word.insertion", fi: "lisäys", sv: "tillägg", en: "insertion")
    let deletion = Message("word.deletion", fi: "poisto", sv: "strykning", en: "deletion")
    let comment = Message("word.comment", fi: "kommentti", sv: "kommentar", en: "comment")
    let morePlaces = Message("word.more_places",
        fi: "ja {n} muuta kohtaa", sv: "och {n} andra ställen", en: "and {n} more places")
    // The parts of a place in a Word plan ("luku 3.2, 4. kappale"), joined by commas.
    let header = Message("word.header", fi: "ylätunniste", sv: "sidhuvud", en: "header")
    let footer = Message("word.footer", fi: "alatunniste", sv: "sidfot", en: "footer")
    let documentTitle = Message("word.document_title", fi: "asiakirjan otsikko", sv: "dokumentets rubrik", en: "document title")
    let chapter = Message("word.chapter", fi: "luku {name}", sv: "kapitel {name}", en: "chapter {name}")
    let documentStart = Message("word.document_start", fi: "asiakirjan alku", sv: "dokumentets början", en: "start of the document")
    let heading = Message("word.heading", fi: "otsikko", sv: "rubriken", en: "heading")
    let table = Message("word.table", fi: "taulukko {n}", sv: "tabell {n}", en: "table {n}")
    let row = Message("word.row", fi: "rivi {n}", sv: "rad {n}", en: "row {n}")
    let column = Message("word.column", fi: "sarake {n}", sv: "kolumn {n}", en: "column {n}")
    let paragraph = Message("word.paragraph", fi: "{n}. kappale", sv: "{n} stycket", en: "paragraph {n}")
    let footnote = Message("word.footnote", fi: "alaviite", sv: "fotnot", en: "footnote")
    let textBox = Message("word.text_box", fi: "tekstiruutu", sv: "textruta", en: "text box")
    let textAt = Message("word.text_at", fi: "teksti, {where}", sv: "texten, {where}", en: "text, {where}")
    let sidecarSource = Message("word.sidecar_source", fi: "sivutiedosto, {path}", sv: "sidofilen, {path}", en: "sidecar, {path}")
    let sidecarField = Message("word.sidecar_field",
        fi: "annettu sivutiedoston kentässä {path}", sv: "anges i sidofilens fält {path}", en: "given in the sidecar's field {path}")
    let commentPart = Message("word.comment_part", fi: "kommentti", sv: "kommentar", en: "comment")
}

/// The plan's own keys (PlanKeys): a key planlint does not know.
struct PlanKeyMessages {
    let unknownTitle = Message("keys.unknown_title",
        fi: "Tuntematon avain suunnitelman tiedoissa", sv: "Okänd nyckel i planens uppgifter", en: "Unknown key in the plan's facts")
    let unknown = Message("keys.unknown",
        fi: "Tuntematon avain {key}{at}: planlint ei lue sitä.", sv: "Okänd nyckel {key}{at}: planlint läser den inte.",
        en: "Unknown key {key}{at}: planlint does not read it.")
    let unknownAt = Message("keys.unknown_at", fi: " ({parent})", sv: " ({parent})", en: " ({parent})")
    let didYouMean = Message("keys.did_you_mean", fi: " Tarkoititko {key}?", sv: " Menade du {key}?", en: " Did you mean {key}?")
    let rename = Message("keys.rename",
        fi: "Korjaa avaimen nimi: {key}.", sv: "Rätta nyckelns namn: {key}.", en: "Correct the key's name: {key}.")
    let remove = Message("keys.remove",
        fi: "Poista avain tai katso tunnetut avaimet: docs/plan-format.md.", sv: "Ta bort nyckeln eller se de kända nycklarna: docs/plan-format.md.",
        en: "Remove the key or see the known keys: docs/plan-format.md.")
}

/// Why a Word or OpenDocument file is not read, and what to do (exit 2).
struct DocumentErrorMessages {
    let errorLabel = Message("document.error_label", fi: "virhe", sv: "fel", en: "error")
    let saveAsDocx = Message("document.save_as_docx",
        fi: "planlint ei lue .{ext}-tiedostoja: avaa asiakirja Wordissa tai LibreOfficessa ja tallenna se .docx-muodossa (Tallenna nimellä > Word-asiakirja), tai .odt- tai .md-muodossa, ja tarkista se tiedosto",
        sv: "planlint läser inte .{ext}-filer: öppna dokumentet i Word eller LibreOffice och spara det som .docx (Spara som > Word-dokument), eller som .odt eller .md, och kontrollera den filen",
        en: "planlint does not read .{ext} files: open the document in Word or LibreOffice and save it as .docx (Save As > Word Document), or as .odt or .md, and check that file")
    let encryptedOrDoc = Message("document.encrypted_or_doc",
        fi: "tiedosto on salasanalla suojattu Word-asiakirja tai vanha .doc-tiedosto: poista salasana ja tallenna asiakirja .docx-muodossa",
        sv: "filen är ett lösenordsskyddat Word-dokument eller en gammal .doc-fil: ta bort lösenordet och spara dokumentet som .docx",
        en: "the file is a password-protected Word document or an old .doc file: remove the password and save the document as .docx")
    let noDocumentPart = Message("document.no_document_part",
        fi: "tiedostossa ei ole asiakirjan tekstiä (word/document.xml tai content.xml puuttuu); tallenna asiakirja uudelleen .docx-muodossa",
        sv: "filen saknar dokumentets text (word/document.xml eller content.xml fattas); spara dokumentet på nytt som .docx",
        en: "the file holds no document text (word/document.xml or content.xml is missing); save the document again as .docx")
    let tooLarge = Message("document.too_large",
        fi: "tiedosto on {mb} Mt; raja on {limit} Mt (pienennä kuvia tai poista ne)",
        sv: "filen är {mb} MB; gränsen är {limit} MB (komprimera eller ta bort bilder)",
        en: "the file is {mb} MB; the limit is {limit} MB (compress or remove pictures)")
    let doctype = Message("document.doctype",
        fi: "asiakirjan osassa {part} on DTD- tai entiteettimäärittely, jota tekstinkäsittelyohjelmat eivät kirjoita; asiakirjaa ei lueta",
        sv: "dokumentdelen {part} har en DTD- eller entitetsdeklaration, som ordbehandlingsprogram inte skriver; dokumentet läses inte",
        en: "the document part {part} has a DTD or entity declaration, which word processors do not write; the document is not read")
    let tooDeep = Message("document.too_deep",
        fi: "asiakirjan osan {part} XML on sisäkkäin yli {n} tasoa; asiakirjaa ei lueta",
        sv: "XML i dokumentdelen {part} är nästlad i över {n} nivåer; dokumentet läses inte",
        en: "the XML of the document part {part} is nested more than {n} levels deep; the document is not read")
    let tooManyElements = Message("document.too_many_elements",
        fi: "asiakirjan osassa {part} on yli {n} XML-elementtiä; asiakirjaa ei lueta",
        sv: "dokumentdelen {part} har över {n} XML-element; dokumentet läses inte",
        en: "the document part {part} has more than {n} XML elements; the document is not read")
    let malformed = Message("document.malformed",
        fi: "asiakirjan osa {part} on vioittunut (XML rikki rivillä {line}, sarakkeessa {column}); tallenna asiakirja uudelleen .docx-muodossa",
        sv: "dokumentdelen {part} är skadad (fel i XML på rad {line}, kolumn {column}); spara dokumentet på nytt som .docx",
        en: "the document part {part} is damaged (broken XML at line {line}, column {column}); save the document again as .docx")
    let damaged = Message("document.damaged",
        fi: "tiedosto ei ole ehjä Word- tai OpenDocument-asiakirja (zip-arkisto on katkennut tai vioittunut); tallenna asiakirja uudelleen .docx-muodossa",
        sv: "filen är inte ett helt Word- eller OpenDocument-dokument (zip-arkivet är avkortat eller skadat); spara dokumentet på nytt som .docx",
        en: "the file is not an intact Word or OpenDocument document (the zip archive is truncated or damaged); save the document again as .docx")
    let damagedPart = Message("document.damaged_part",
        fi: "asiakirjan osa {part} on vioittunut; tallenna asiakirja uudelleen .docx-muodossa",
        sv: "dokumentdelen {part} är skadad; spara dokumentet på nytt som .docx",
        en: "the document part {part} is damaged; save the document again as .docx")
    let encrypted = Message("document.encrypted",
        fi: "asiakirja on salattu tai suojattu salasanalla; poista salasana (Tiedosto > Tiedot > Suojaa asiakirja) ja tallenna .docx-muodossa",
        sv: "dokumentet är krypterat eller lösenordsskyddat; ta bort lösenordet (Arkiv > Information > Skydda dokument) och spara som .docx",
        en: "the document is encrypted or protected with a password; remove the password (File > Info > Protect Document) and save as .docx")
    let macros = Message("document.macros",
        fi: "asiakirjassa on makroja (.docm); planlint ei lue makroja sisältäviä tiedostoja: tallenna asiakirja tavallisena .docx-tiedostona",
        sv: "dokumentet innehåller makron (.docm); planlint läser inte filer med makron: spara dokumentet som en vanlig .docx-fil",
        en: "the document contains macros (.docm); planlint does not read files with macros: save the document as a plain .docx")
    let noTemporaryFile = Message("document.no_temporary_file",
        fi: "Word- ja OpenDocument-asiakirjat luetaan väliaikaisen tiedoston kautta, eikä sitä voitu luoda kansioon {folder} ({reason}); anna TMPDIR-muuttujassa kansio, johon voi kirjoittaa",
        sv: "Word- och OpenDocument-dokument läses via en tillfällig fil, och den kunde inte skapas i mappen {folder} ({reason}); ange en skrivbar mapp i variabeln TMPDIR",
        en: "Word and OpenDocument documents are read through a temporary file, and none could be created in {folder} ({reason}); set TMPDIR to a folder that can be written")
    let tooManyEntries = Message("document.too_many_entries",
        fi: "arkistossa on {n} osaa; enintään {limit} luetaan (asiakirja ei näytä tekstinkäsittelyohjelman tallentamalta)",
        sv: "arkivet har {n} delar; högst {limit} läses (dokumentet ser inte ut att vara sparat av ett ordbehandlingsprogram)",
        en: "the archive has {n} entries; at most {limit} are read (the document does not look like one a word processor saved)")
    let totalTooLarge = Message("document.total_too_large",
        fi: "arkisto purkautuisi yli {mb} megatavuksi; raja on {limit} Mt (zip-pommi?)",
        sv: "arkivet skulle packas upp till över {mb} MB; gränsen är {limit} MB (zip-bomb?)",
        en: "the archive would expand to more than {mb} MB; the limit is {limit} MB (a zip bomb?)")
    let partTooLarge = Message("document.part_too_large",
        fi: "asiakirjan osa {part} on {bytes} tavua; raja on {limit} tavua",
        sv: "dokumentdelen {part} är {bytes} byte; gränsen är {limit} byte",
        en: "the document part {part} is {bytes} bytes; the limit is {limit} bytes")
    let bomb = Message("document.bomb",
        fi: "asiakirjan osa {part} purkautuu epäilyttävän suureksi (zip-pommi); asiakirjaa ei lueta",
        sv: "dokumentdelen {part} packas upp till en misstänkt storlek (zip-bomb); dokumentet läses inte",
        en: "the document part {part} expands to a suspicious size (a zip bomb); the document is not read")
    let tooManyTableCells = Message("document.too_many_table_cells",
        fi: "suunnitelman taulukoissa on ainakin {n} solua; raja on {limit} (suunnitelman taulukoissa on tavallisesti enintään muutama tuhat solua: jaa taulukko tai anna se erillisenä liitteenä)",
        sv: "planens tabeller har minst {n} celler; gränsen är {limit} (tabellerna i en plan har vanligen högst några tusen celler: dela tabellen eller lämna den som en separat bilaga)",
        en: "the plan's tables hold at least {n} cells; the limit is {limit} (a plan's tables usually hold a few thousand cells at most: split the table or give it as a separate attachment)")
    let pathEscapes = Message("document.path_escapes",
        fi: "arkiston polku \"{part}\" osoittaa arkiston ulkopuolelle; asiakirjaa ei lueta",
        sv: "arkivsökvägen \"{part}\" pekar utanför arkivet; dokumentet läses inte",
        en: "the archive path \"{part}\" points outside the archive; the document is not read")
}

/// What planlint says about check plugins, in fi, sv and en.
struct PluginMessages {
    let notEnabled = Message("plugin.not_enabled",
        fi: "sääntöä ei tarkistettu: se tarvitsee tarkistuslaajennuksen {plugin}, jota asetustiedosto ei ota käyttöön (plugins: {plugin}: path: …, docs/plugins.md)",
        sv: "regeln kontrollerades inte: den behöver kontrolltillägget {plugin}, som konfigurationsfilen inte aktiverar (plugins: {plugin}: path: …, docs/plugins.md)",
        en: "the rule was not checked: it needs the check plugin {plugin}, which the configuration does not enable (plugins: {plugin}: path: …, docs/plugins.md)")
    let failedReason = Message("plugin.failed_reason",
        fi: "sääntöä ei tarkistettu: tarkistuslaajennus {plugin} epäonnistui ({problem})",
        sv: "regeln kontrollerades inte: kontrolltillägget {plugin} misslyckades ({problem})",
        en: "the rule was not checked: the check plugin {plugin} failed ({problem})")
    let failed = Message("plugin.failed",
        fi: "Tarkistuslaajennus {plugin} epäonnistui säännön {rule} kohdalla: {problem}. Sääntöä ei tarkistettu; muut säännöt tarkistettiin.",
        sv: "Kontrolltillägget {plugin} misslyckades för regeln {rule}: {problem}. Regeln kontrollerades inte; de andra reglerna kontrollerades.",
        en: "The check plugin {plugin} failed for rule {rule}: {problem}. The rule was not checked; the other rules were.")
    let failedTitle = Message("plugin.failed_title",
        fi: "Tarkistuslaajennus epäonnistui", sv: "Ett kontrolltillägg misslyckades", en: "A check plugin failed")
    let failedFix = Message("plugin.failed_fix",
        fi: "Korjaa laajennus tai sen asetukset asetustiedoston kohdassa plugins (docs/plugins.md) ja aja tarkistus uudelleen.",
        sv: "Rätta tillägget eller dess inställningar under plugins i konfigurationsfilen (docs/plugins.md) och kör kontrollen igen.",
        en: "Fix the plugin or its settings under plugins in the configuration (docs/plugins.md) and run the check again.")
    let cannotStart = Message("plugin.cannot_start",
        fi: "sitä ei voitu käynnistää", sv: "det gick inte att starta", en: "it could not be started")
    let exited = Message("plugin.exited",
        fi: "se päättyi tilakoodiin {status}", sv: "det avslutades med statuskoden {status}", en: "it exited with status {status}")
    let signalled = Message("plugin.signalled",
        fi: "signaali {status} päätti sen", sv: "det avbröts av signalen {status}", en: "it was ended by signal {status}")
    let timedOut = Message("plugin.timed_out",
        fi: "se ei vastannut {seconds} sekunnissa, joten se lopetettiin", sv: "det svarade inte inom {seconds} sekunder och avbröts",
        en: "it did not answer within {seconds} seconds and was stopped")
    let tooLarge = Message("plugin.too_large",
        fi: "sen vastaus oli yli {limit} tavua, joten se lopetettiin", sv: "dess svar var över {limit} byte och det avbröts",
        en: "its answer was over {limit} bytes and it was stopped")
    let notJSON = Message("plugin.not_json",
        fi: "sen vastaus ei ole JSON-muotoinen", sv: "dess svar är inte i JSON-format", en: "its answer is not JSON")
    let missingKey = Message("plugin.missing_key",
        fi: "vastauksen kohdasta {where} puuttuu avain {key}", sv: "i svaret saknas nyckeln {key} vid {where}",
        en: "the answer lacks the key {key} at {where}")
    let unknownKey = Message("plugin.unknown_key",
        fi: "vastauksen kohdassa {where} on protokollaan kuulumaton avain {key}", sv: "svaret har vid {where} nyckeln {key}, som inte hör till protokollet",
        en: "the answer has the key {key} at {where}, which the protocol does not know")
    let invalidValue = Message("plugin.invalid_value",
        fi: "vastauksen arvo kohdassa {where} ei noudata protokollan skeemaa (ehto {key})",
        sv: "värdet vid {where} i svaret följer inte protokollets schema (villkoret {key})",
        en: "the value at {where} in the answer does not follow the protocol's schema (condition {key})")
    let wrongRule = Message("plugin.wrong_rule",
        fi: "se vastasi säännöstä {answered}, jota siltä ei kysytty", sv: "det svarade om regeln {answered}, som det inte tillfrågades om",
        en: "it answered for rule {answered}, which it was not asked about")
    let badLocation = Message("plugin.bad_location",
        fi: "sen havainnon rivi {line} on suunnitelman ulkopuolella", sv: "raden {line} i dess fynd ligger utanför planen",
        en: "its finding's line {line} lies outside the plan")
    let stderr = Message("plugin.stderr",
        fi: "{problem}; virhetuloste: {stderr}", sv: "{problem}; felutskrift: {stderr}", en: "{problem}; standard error: {stderr}")
}
