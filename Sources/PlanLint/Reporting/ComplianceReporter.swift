// The compliance report: the result of every requirement for each plan — pass, fail, not
// applicable (and why), needs review (and what to confirm) — with the as-of date, the
// profile of the law and the exact packs used, so that it can go with a council proposal.
import Foundation

/// The `--format compliance` output (plain text, in the plan's language).
public struct ComplianceReporter: Reporter {
    public static let identifier = "compliance"
    /// The language asked for; nil: each plan's own.
    public var language: Language?

    public init(language: Language? = nil) {
        self.language = language
    }

    /// Each plan in its own language, which is the `--lang` language when one is given.
    public init(options: ReportOptions) {
        self.init(language: nil)
    }

    public func report(_ result: RunResult) -> String {
        var out = ""
        for outcome in result.outcomes {
            switch outcome {
            case .checked(let r): out += plan(r, result)
            case .failed(let e): out += e.description + "\n\n"
            }
        }
        return out
    }

    /// The order statuses are listed in, and their labels.
    static let order: [RuleResult.Status] = [.fail, .needsReview, .pass, .notApplicable]

    private func plan(_ r: PlanReport, _ result: RunResult) -> String {
        let lang = language ?? r.language
        let w = ComplianceWords.of(lang)
        var out = "\(w.heading)\(r.title.map { " — \($0)" } ?? "")\n"
        out += String(repeating: "=", count: min(100, out.count - 1)) + "\n"
        out += "\(w.file): \(r.file)\n"
        out += "\(w.asOf): \(r.asOf.formatted(for: lang))\n"
        if let p = r.profile {
            out += "\(w.profile): \(p.value.id) — \(p.value.title[lang])\n"
            out += "  \(w.because): \(p.reasons[lang])\n"
        } else {
            out += "\(w.profile): \(w.noProfile)\n"
        }
        out += "\(w.status): \(r.status.value.label[lang]) (\(r.status.reasons[lang])); \(w.scope): \(r.scope.value.label[lang]) (\(r.scope.reasons[lang]))\n"
        out += "\(w.packs): " + result.packs.map { "\($0.id) \($0.version) (\($0.contentHash))" }.joined(separator: ", ") + "\n"
        for notice in PackNotice.replaced(result.packs, lang) { out += notice + "\n" }
        var counts: [RuleResult.Status: Int] = [:]
        for x in r.results { counts[x.status, default: 0] += 1 }
        out += "\(w.summary): " + ComplianceReporter.order.map { "\(counts[$0] ?? 0) \(w.label($0))" }.joined(separator: ", ") + "\n\n"

        let applicable = r.results.filter { $0.status != .notApplicable }
        let width = r.results.map(\.rule.count).max() ?? 0
        let statusWidth = ComplianceReporter.order.map { w.tag($0).count }.max() ?? 0
        func line(_ x: RuleResult) -> String {
            var s = w.tag(x.status).padding(toLength: statusWidth, withPad: " ", startingAt: 0) + "  "
            s += x.rule.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + x.title
            if x.kind == .practice { s += " [\(w.practice)]" }
            s += "\n"
            if let c = x.citation { s += String(repeating: " ", count: statusWidth + 2 + width + 2) + c + "\n" }
            let indent = String(repeating: " ", count: statusWidth + 2)
            if x.status == .fail {
                s += indent + "→ \(x.findings) \(w.findings)" + (x.suppressed > 0 ? " (\(x.suppressed) \(w.suppressed))" : "") + "\n"
            }
            if x.status == .needsReview, let q = x.reason { s += indent + "→ \(w.confirm): \(q)\n" }
            for n in x.notes where n.kind == .foundInText {
                s += indent + "→ \(w.textOnly)\(n.line.map { " (\(w.line) \($0))" } ?? "")\n"
            }
            if x.status == .notApplicable, let why = x.reason { s += indent + "→ \(why)\n" }
            return s
        }
        out += "\(w.requirements):\n"
        for x in applicable { out += line(x) }
        let notApplicable = r.results.filter { $0.status == .notApplicable }
        if !notApplicable.isEmpty {
            out += "\n\(w.notApplicableHeading):\n"
            for x in notApplicable { out += line(x) }
        }
        return out + "\n"
    }
}

/// The words of the compliance report in each language.
struct ComplianceWords {
    var heading, file, asOf, profile, because, noProfile, status, scope, packs, summary, requirements: String
    var notApplicableHeading, findings, confirm, textOnly, line, practice: String
    /// Said of findings a directive in the plan accepts.
    var suppressed: String
    var labels: [RuleResult.Status: String]
    var tags: [RuleResult.Status: String]

    func label(_ s: RuleResult.Status) -> String { labels[s] ?? s.rawValue }
    func tag(_ s: RuleResult.Status) -> String { tags[s] ?? s.rawValue }

    static func of(_ l: Language) -> ComplianceWords {
        switch l {
        case .fi:
            return ComplianceWords(
                heading: "Vaatimustenmukaisuusraportti", file: "Tiedosto", asOf: "Tarkistuspäivä", profile: "Sovellettu lainsäädäntö",
                because: "peruste", noProfile: "mikään profiili ei kata suunnitelmaa", status: "Tila", scope: "laajuus",
                packs: "Sääntöpaketit", summary: "Yhteenveto", requirements: "Vaatimukset",
                notApplicableHeading: "Ei sovelleta tähän suunnitelmaan", findings: "havaintoa", confirm: "varmistettava",
                textOnly: "löytyi vain tekstistä, ei otsikon alta", line: "rivi", practice: "suositus",
                suppressed: "hyväksytty suunnitelman planlint-disable-ohjeella",
                labels: [.pass: "täyttyy", .fail: "ei täyty", .notApplicable: "ei sovelleta", .needsReview: "tarkistettava"],
                tags: [.pass: "TÄYTTYY", .fail: "EI TÄYTY", .notApplicable: "EI SOVELL.", .needsReview: "TARKISTA"])
        case .sv:
            return ComplianceWords(
                heading: "Rapport om efterlevnad", file: "Fil", asOf: "Granskningsdag", profile: "Tillämpad lagstiftning",
                because: "grund", noProfile: "ingen profil täcker planen", status: "Status", scope: "omfattning",
                packs: "Regelpaket", summary: "Sammanfattning", requirements: "Krav",
                notApplicableHeading: "Tillämpas inte på denna plan", findings: "anmärkningar", confirm: "ska bekräftas",
                textOnly: "hittades endast i texten, inte under en rubrik", line: "rad", practice: "rekommendation",
                suppressed: "godtagna genom planlint-disable i planen",
                labels: [.pass: "uppfyllda", .fail: "inte uppfyllda", .notApplicable: "tillämpas inte", .needsReview: "ska granskas"],
                tags: [.pass: "UPPFYLLT", .fail: "EJ UPPFYLLT", .notApplicable: "TILLÄMPAS EJ", .needsReview: "GRANSKA"])
        case .en:
            return ComplianceWords(
                heading: "Compliance report", file: "File", asOf: "As of", profile: "Law applied",
                because: "because", noProfile: "no profile covers this plan", status: "Status", scope: "scope",
                packs: "Rule packs", summary: "Summary", requirements: "Requirements",
                notApplicableHeading: "Not applicable to this plan", findings: "finding(s)", confirm: "to confirm",
                textOnly: "found in the text only, not under a heading", line: "line", practice: "good practice",
                suppressed: "accepted by a planlint-disable directive in the plan",
                labels: [.pass: "pass", .fail: "fail", .notApplicable: "not applicable", .needsReview: "needs review"],
                tags: [.pass: "PASS", .fail: "FAIL", .notApplicable: "N/A", .needsReview: "REVIEW"])
        }
    }
}
