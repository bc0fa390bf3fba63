// What the configuration does to a plan's report: rule settings, path overrides, waivers.
//
// Rule settings change a rule's severity or turn it off for the plans they cover. A waiver
// records a decision that a rule's findings on some plans stand: the findings stay in every
// report, marked with the waiver (the suppression machinery of in-plan directives, kind
// `waiver`), and count for neither --fail-on nor the exit code. A waiver past its expiry date
// waives nothing and is a finding of its own, so an accepted deviation is looked at again.
import Foundation

/// Waivers and rule settings applied to reports.
public enum Waivers {
    /// The finding an expired waiver becomes (planlint's own rule, not of any pack).
    public static let expired = BuiltInRule(
        id: "PLANLINT-EXPIRED-WAIVER", severity: .warning,
        title: Catalogue.configuration.expiredTitle.text, remediation: Catalogue.configuration.expiredFix.text)

    /// The line the text output adds to a waived finding; nil for other suppressions.
    public static func mark(_ s: Suppression, _ language: Language) -> String? {
        guard s.directive == .waiver, let w = s.waiver else { return nil }
        return Catalogue.configuration.waived.render(language, [
            "place": .text("\(w.file):\(w.line)"), "reason": .text(w.reason), "reference": .text(w.reference),
            "by": .text(w.acceptedBy), "until": .date(w.expires),
        ])
    }

    /// Applies the configuration to one plan's report: rule settings first, then waivers.
    public static func apply(_ configuration: Configuration, to report: inout PlanReport) {
        applyRuleSettings(configuration.ruleSettings(for: report.file), to: &report)
        applyWaivers(configuration, to: &report)
    }

    /// Turns rules off (their findings and results leave the report) and changes severities.
    static func applyRuleSettings(_ settings: [String: RuleSetting], to report: inout PlanReport) {
        guard !settings.isEmpty else { return }
        report.findings = report.findings.compactMap { f in
            guard let s = settings[f.ruleID.uppercased()] else { return f }
            if s.disabled { return nil }
            var f = f
            if let severity = s.severity { f.severity = severity }
            return f
        }
        report.results = report.results.compactMap { r in
            guard let s = settings[r.rule.uppercased()] else { return r }
            if s.disabled { return nil }
            var r = r
            if let severity = s.severity { r.severity = severity }
            return r
        }
    }

    /// Marks the findings the waivers accept; an expired waiver marks nothing and becomes a
    /// finding at the first finding it would have waived.
    static func applyWaivers(_ configuration: Configuration, to report: inout PlanReport) {
        guard !configuration.waivers.isEmpty, let relative = configuration.relative(report.file) else { return }
        let applicable = configuration.waivers.filter { Glob.matches($0.plan, relative) }
        guard !applicable.isEmpty else { return }
        var expiredAt: [(Waiver, Finding)] = []
        var counts: [String: Int] = [:]
        for i in report.findings.indices where report.findings[i].suppressed == nil {
            let f = report.findings[i]
            guard let w = applicable.first(where: { $0.rule.uppercased() == f.ruleID.uppercased() }) else { continue }
            if w.expires < report.asOf {
                if !expiredAt.contains(where: { $0.0 == w }) { expiredAt.append((w, f)) }
                continue
            }
            let at = LineColumn(line: w.line, column: w.column)
            report.findings[i].suppressed = Suppression(directive: .waiver, justification: w.reason,
                                                        location: Suppression.Location(file: w.file, start: at, end: at), waiver: w)
            counts[f.ruleID, default: 0] += 1
        }
        for i in report.results.indices {
            report.results[i].suppressed += counts[report.results[i].rule] ?? 0
        }
        let lang = report.language
        for (w, f) in expiredAt {
            let place = "\(w.file):\(w.line)"
            let message = Localized(
                fi: "Säännön \(w.rule) poikkeus (\(place), \(w.reference), hyväksyjä \(w.acceptedBy)) päättyi \(w.expires.formatted(for: .fi)), joten havaintoa ei enää hyväksytä.",
                sv: "Undantaget för regeln \(w.rule) (\(place), \(w.reference), godkänt av \(w.acceptedBy)) gick ut \(w.expires.formatted(for: .sv)), så anmärkningen godtas inte längre.",
                en: "The waiver of \(w.rule) (\(place), \(w.reference), accepted by \(w.acceptedBy)) expired on \(w.expires.iso), so the finding is no longer waived.")
            let position = SourcePosition(line: f.start.line, column: f.start.column, offset: 0)
            let end = SourcePosition(line: f.end.line, column: f.end.column, offset: 0)
            report.findings.append(expired.finding(lang, message: message[lang], file: report.file, range: SourceRange(start: position, end: end),
                                                   evidence: place))
        }
        if !expiredAt.isEmpty {
            report.findings.sort { ($0.start, $0.ruleID, $0.end) < ($1.start, $1.ruleID, $1.end) }
        }
    }
}

extension Suppression {
    /// What a report says of a finding accepted outside the plan (a waiver or the baseline),
    /// in `language`; nil for a directive in the plan.
    public func externalNote(_ language: Language) -> String? {
        if let mark = Waivers.mark(self, language) { return mark }
        guard directive == .baseline else { return nil }
        let file = location.file
        return Catalogue.configuration.inBaseline.render(language, ["file": .text(file)])
    }

    /// How the text output counts findings the baseline knows.
    public static func baselineCount(_ n: Int, _ language: Language) -> String {
        Catalogue.configuration.baselineCount.render(language, ["n": .number(n)])
    }
}
