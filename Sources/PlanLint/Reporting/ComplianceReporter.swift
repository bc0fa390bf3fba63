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

    public func start(_ run: RunContext, to sink: any ReportSink) -> any ReportStream {
        Stream(self, run, sink)
    }

    /// Each plan's part as it is checked; nothing at the end.
    final class Stream: ReportStream {
        let reporter: ComplianceReporter, run: RunContext, sink: any ReportSink

        init(_ reporter: ComplianceReporter, _ run: RunContext, _ sink: any ReportSink) {
            (self.reporter, self.run, self.sink) = (reporter, run, sink)
        }

        func plan(_ outcome: PlanOutcome) {
            switch outcome {
            case .checked(let r): sink.write(reporter.plan(r, run))
            case .failed(let e): sink.write(e.description + "\n\n")
            }
        }

        func finish(_ totals: RunTotals) {}
    }

    /// The order results are listed in (not-applicable ones are grouped apart).
    static let order: [RuleResult.Status] = [.fail, .needsReview, .pass, .covered]

    private func plan(_ r: PlanReport, _ result: RunContext) -> String {
        let l = language ?? r.language
        let m = Catalogue.compliance
        var out = "\(m.heading[l])\(r.title.map { " — " + Excerpt.cut($0) } ?? "")\n"
        out += String(repeating: "=", count: min(100, out.count - 1)) + "\n"
        out += "\(m.file[l]): \(r.file)\n"
        out += "\(m.asOf[l]): \(r.asOf.formatted(for: l))\n"
        if let p = r.profile {
            out += "\(m.profile[l]): \(p.value.title[l])\n"
            out += "  \(m.because[l]): \(p.reasons[l])\n"
        } else {
            if let undecided = r.decisions.first(where: { $0.name == "profile" }) {
                out += "\(m.profile[l]): \(undecided.label[l])\n  \(m.because[l]): \(undecided.reasons[l])\n"
            } else {
                out += "\(m.profile[l]): \(m.noProfile[l])\n"
            }
        }
        out += "\(m.status[l]): \(r.status.value.label[l]) (\(r.status.reasons[l])); \(m.scope[l]): \(r.scope.value.label[l]) (\(r.scope.reasons[l]))\n"
        for notice in PackNotice.replaced(result.packs, l) { out += notice + "\n" }
        out += "\n"

        let verdict = CouncilVerdict(r.results)
        out += verdict.statutoryText(l) + "\n"
        if let practice = verdict.practiceText(l) { out += practice + "\n" }
        out += "\n"

        let width = r.results.map(\.rule.count).max() ?? 0
        let tags = [m.tagPass, m.tagFail, m.tagReview, m.tagFollowed, m.tagOpen, m.tagCovered]
        let statusWidth = tags.map { $0[l].count }.max() ?? 0
        func tag(_ x: RuleResult) -> String {
            switch (x.status, x.kind) {
            case (.pass, .statute): return m.tagPass[l]
            case (.fail, .statute): return m.tagFail[l]
            case (.pass, .practice): return m.tagFollowed[l]
            case (.fail, .practice): return m.tagOpen[l]
            case (.covered, _): return m.tagCovered[l]
            default: return m.tagReview[l]
            }
        }
        func line(_ x: RuleResult) -> String {
            var s = tag(x).padding(toLength: statusWidth, withPad: " ", startingAt: 0) + "  "
            s += x.rule.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + x.title + "\n"
            if let c = x.citation { s += String(repeating: " ", count: statusWidth + 2 + width + 2) + c + "\n" }
            let indent = String(repeating: " ", count: statusWidth + 2)
            if x.status == .fail {
                s += indent + "→ " + m.findings.render(l, ["n": .number(x.findings)])
                    + (x.suppressed > 0 ? " (" + m.suppressed.render(l, ["n": .number(x.suppressed)]) + ")" : "") + "\n"
            }
            if x.status == .needsReview, let q = x.reason { s += indent + "→ \(m.confirm[l]): \(q)\n" }
            for n in x.notes where n.kind == .foundInText {
                s += indent + "→ \(m.textOnly[l])\(n.line.map { " (" + Catalogue.common.planLine.render(l, ["line": .number($0)]) + ")" } ?? "")\n"
            }
            for n in x.notes where n.kind == .foundByContent {
                s += indent + "→ " + Catalogue.common.byContent.render(l, n.byContentValues) + "\n"
            }
            if x.status == .covered, let why = x.reason { s += indent + "→ \(why)\n" }
            return s
        }
        func ordered(_ kind: RuleKind) -> [RuleResult] {
            ComplianceReporter.order.flatMap { status in r.results.filter { $0.kind == kind && $0.status == status } }
        }
        let statutory = ordered(.statute), practice = ordered(.practice)
        if !statutory.isEmpty {
            out += "\(m.statutory[l]):\n"
            for x in statutory { out += line(x) }
        }
        if !practice.isEmpty {
            out += "\n\(m.practices[l]):\n"
            for x in practice { out += line(x) }
        }
        let groups = NotApplicableGroup.of(r.results)
        if !groups.isEmpty {
            out += "\n\(m.notApplicableHeading[l]):\n"
            for g in groups {
                out += "  → " + m.notApplicableLine.render(l, ["n": .number(g.rules.count), "why": .text(g.reason), "rules": .text(g.rules.joined(separator: ", "))]) + "\n"
            }
        }
        out += "\n\(m.appendix[l]):\n"
        if let p = r.profile { out += "  \(m.profileID[l]): \(p.value.id)\n" }
        out += "  \(m.packs[l]): " + result.packs.map { "\($0.id) \($0.version) (\($0.contentHash))" }.joined(separator: ", ") + "\n"
        return out + "\n"
    }
}

/// The council's reading of a plan's results: the statutory verdict (met, not met, needs
/// review), counted over statutory rules only, and apart from it how many good-practice
/// recommendations are followed. A recommendation never makes the verdict "not met".
struct CouncilVerdict {
    enum Outcome { case met, notMet, needsReview, nothingApplies }

    var statutoryApplicable = 0, statutoryFailed = 0, statutoryReview = 0
    var practiceTotal = 0, practiceFollowed = 0

    init(_ results: [RuleResult]) {
        for x in results where x.status != .notApplicable {
            switch x.kind {
            case .statute:
                statutoryApplicable += 1
                if x.status == .fail { statutoryFailed += 1 }
                if x.status == .needsReview { statutoryReview += 1 }
            case .practice:
                practiceTotal += 1
                if x.status == .pass { practiceFollowed += 1 }
            }
        }
    }

    var outcome: Outcome {
        if statutoryApplicable == 0 { return .nothingApplies }
        if statutoryFailed > 0 { return .notMet }
        return statutoryReview > 0 ? .needsReview : .met
    }

    func statutoryText(_ l: Language) -> String {
        let m = Catalogue.compliance
        switch outcome {
        case .notMet: return m.verdictFail.render(l, ["failed": .number(statutoryFailed), "applicable": .number(statutoryApplicable)])
        case .needsReview: return m.verdictReview.render(l, ["review": .number(statutoryReview), "applicable": .number(statutoryApplicable)])
        case .met: return m.verdictPass.render(l, ["applicable": .number(statutoryApplicable)])
        case .nothingApplies: return m.verdictNone[l]
        }
    }

    func practiceText(_ l: Language) -> String? {
        guard practiceTotal > 0 else { return nil }
        return Catalogue.compliance.practiceSummary.render(l, ["followed": .number(practiceFollowed), "total": .number(practiceTotal)])
    }
}

/// Rules that do not apply, grouped by the plan's side of the reason, in order of first use.
struct NotApplicableGroup {
    var reason: String
    var rules: [String]

    static func of(_ results: [RuleResult]) -> [NotApplicableGroup] {
        var groups: [NotApplicableGroup] = []
        for x in results where x.status == .notApplicable {
            let reason = x.condition ?? x.reason ?? ""
            if let i = groups.firstIndex(where: { $0.reason == reason }) {
                groups[i].rules.append(x.rule)
            } else {
                groups.append(NotApplicableGroup(reason: reason, rules: [x.rule]))
            }
        }
        return groups
    }
}
