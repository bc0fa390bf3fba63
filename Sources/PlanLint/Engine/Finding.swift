// Findings and the result of checking one plan.
import Foundation

/// A 1-based line and column pair, as findings report them.
public struct LineColumn: Sendable, Codable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public static func < (a: LineColumn, b: LineColumn) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// One thing wrong with a plan: what, where, why (the law), and what to do.
public struct Finding: Sendable, Codable, Hashable {
    public var ruleID: String
    public var title: String
    public var severity: Severity
    public var message: String
    public var remediation: String
    public var file: String
    public var start: LineColumn
    public var end: LineColumn
    /// The path of the fact (`approvals[0].date`), if the finding concerns one.
    public var path: String?
    /// The section's title, if the finding concerns a section.
    public var section: String?
    /// The text or value the rule saw.
    public var evidence: String?
    /// Where the fact came from; nil when it was found nowhere.
    public var origin: FactOrigin?
    public var citation: Citation?
    public var pack: String
    public var packVersion: String
    /// Set when a directive in the plan suppresses the finding (docs/suppressions.md): the
    /// finding stays in the report but counts for neither `--fail-on` nor the exit code.
    public var suppressed: Suppression? = nil
    /// For a Word or OpenDocument plan, where a person finds it: the heading path and the
    /// paragraph, or the table row and column (`start` is on the document's virtual lines).
    public var location: LogicalLocation? = nil

    enum CodingKeys: String, CodingKey {
        case ruleID = "rule", title, severity, message, remediation, file, start, end, path, section, evidence, origin, citation, pack
        case packVersion = "pack_version"
        case suppressed
        case location
    }

    /// True when the finding counts: it is not suppressed.
    public var isActive: Bool { suppressed == nil }
}

/// The outcome of one rule (one requirement) on one plan: the line of the compliance report.
public struct RuleResult: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case pass, fail
        case notApplicable = "not-applicable"
        /// The check passed as far as a machine can tell; a person must confirm the rest.
        case needsReview = "needs-review"
        /// Failed, but a rule that covers it (`covered_by`) reports the same fact on the plan:
        /// one finding, not two. `reason` names the covering rule.
        case covered
    }

    public var rule: String
    /// In the plan's (or the asked) language.
    public var title: String
    /// After any override by a local pack.
    public var severity: Severity
    public var kind: RuleKind
    /// The citation, formatted in the plan's language.
    public var citation: String?
    public var pack: String
    public var status: Status
    /// Not applicable: why (profile, scope, status). Needs review: what to confirm.
    /// Covered: which rule reports the fact.
    public var reason: String?
    /// Not applicable: the plan's side of the reason (its version of the law, scope, status
    /// or date), the same for every rule it rules out, so a report can group them.
    public var condition: String? = nil
    /// Covered: the id of the rule that reports the fact.
    public var coveredBy: String?
    public var notes: [Note]
    /// How many findings the rule produced.
    public var findings: Int
    /// How many of those findings a directive in the plan suppresses.
    public var suppressed: Int = 0

    enum CodingKeys: String, CodingKey {
        case rule, title, severity, kind, citation, pack, status, reason, notes, findings, suppressed
        case coveredBy = "covered_by"
    }
}

/// Everything planlint learned about one plan.
public struct PlanReport: Sendable {
    public var file: String
    /// `plan.title`, else the first heading.
    public var title: String?
    public var language: Language
    public var asOf: PlanDate
    /// The decided `status` and `scope` (empty when no pack decides them).
    public var status: Decided<DerivedValue>
    public var scope: Decided<DerivedValue>
    /// The decided `reference_date` (the as-of date when no pack decides it).
    public var referenceDate: Decided<PlanDate>
    /// The version of the law the plan was checked against; nil when no profile covers it.
    public var profile: Decided<Profile>?
    /// Every value the packs decided for the plan, in order, with its label and reason.
    public var decisions: [Decision]
    public var findings: [Finding]
    public var results: [RuleResult]
    /// The source lines the findings point at, for excerpts (line number → text).
    public var sourceLines: [Int: String]
    /// Lines of other files findings point at (the plan's sidecar), by file.
    public var otherSourceLines: [String: [Int: String]] = [:]

    /// The source line a finding points at, in the plan or its sidecar.
    public func sourceLine(of f: Finding) -> String? {
        f.file == file ? sourceLines[f.start.line] : otherSourceLines[f.file]?[f.start.line]
    }
}

/// A plan that was checked, or one that could not be read.
public enum PlanOutcome: Sendable {
    case checked(PlanReport)
    case failed(InputError)

    public var file: String {
        switch self {
        case .checked(let r): return r.file
        case .failed(let e): return e.file
        }
    }
}
