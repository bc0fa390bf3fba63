// JSON output for machines, following the versioned schema in docs/json-output.md.
//
// `schema_version` changes only when a field is removed or changes meaning; new fields may
// be added within a version.
import Foundation

/// The `--format json` output.
public struct JSONReporter: Reporter {
    public static let identifier = "json"
    public static let schemaVersion = 1

    public init() {}

    public init(options: ReportOptions) {}

    struct Document: Encodable {
        var schema = "https://planlint.fi/schemas/findings-v1.json"
        var schema_version = JSONReporter.schemaVersion
        var tool: Tool
        var as_of: String
        var packs: [Pack]
        var plans: JSONSlot<PlanEntry>
        var errors: JSONSlot<ErrorEntry>
        var summary: Summary
    }

    struct Tool: Encodable {
        var name = "planlint"
        var version = PlanLintVersion.current
    }

    struct Pack: Encodable {
        var id: String
        var version: String
        var origin: String
        var content_hash: String
        var rules: Int
        /// The embedded pack this one replaced (`id version`); absent when none.
        var replaced: String? = nil
    }

    struct PlanEntry: Encodable {
        var file: String
        var language: String
        var status: Decided<DerivedValue>
        var scope: Decided<DerivedValue>
        var reference_date: Decided<PlanDate>
        var profile: ProfileEntry?
        var decisions: [Decision]
        var compliance: ComplianceSummary
        var findings: [Finding]
        var results: [RuleResult]
    }

    struct ProfileEntry: Encodable {
        var id: String
        var title: String
        var pack: String
        var from: String?
        var until: String?
        var reason: String
    }

    /// Requirement results by status.
    struct ComplianceSummary: Encodable {
        var pass = 0, fail = 0, not_applicable = 0, needs_review = 0, covered = 0

        init(_ results: [RuleResult]) {
            for r in results {
                switch r.status {
                case .pass: pass += 1
                case .fail: fail += 1
                case .notApplicable: not_applicable += 1
                case .needsReview: needs_review += 1
                case .covered: covered += 1
                }
            }
        }
    }

    struct ErrorEntry: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var kind: String
        var message: String
    }

    struct Summary: Encodable {
        var plans: Int
        var unreadable: Int
        var errors: Int
        var warnings: Int
        var infos: Int
        /// Findings a directive in the plan suppresses; not in errors, warnings or infos.
        var suppressed: Int
    }

    public func start(_ run: RunContext, to sink: any ReportSink) -> any ReportStream {
        Stream(run, sink)
    }

    /// The plans and errors encoded as they come and parked; the document written at the end
    /// (its keys are sorted, so the errors come before the plans).
    final class Stream: ReportStream {
        let run: RunContext, sink: any ReportSink
        let plans = JSONArraySpool(), errors = JSONArraySpool()

        init(_ run: RunContext, _ sink: any ReportSink) {
            (self.run, self.sink) = (run, sink)
        }

        func plan(_ outcome: PlanOutcome) {
            switch outcome {
            case .checked(let r):
                let profile = r.profile.map {
                    ProfileEntry(id: $0.value.id, title: $0.value.title[r.language], pack: $0.value.pack, from: $0.value.from?.iso,
                                 until: $0.value.until?.iso, reason: $0.reason)
                }
                plans.append(PlanEntry(file: r.file, language: r.language.rawValue, status: r.status, scope: r.scope,
                                       reference_date: r.referenceDate, profile: profile, decisions: r.decisions, compliance: ComplianceSummary(r.results),
                                       findings: r.findings, results: r.results))
            case .failed(let e):
                errors.append(ErrorEntry(file: e.file, line: e.position?.line, column: e.position?.column, kind: e.kind.rawValue, message: e.message))
            }
        }

        func finish(_ c: RunTotals) {
            let doc = Document(tool: Tool(), as_of: run.asOf.iso,
                               packs: run.packs.map { Pack(id: $0.id, version: $0.version, origin: $0.origin, content_hash: $0.contentHash, rules: $0.rules.count, replaced: $0.replaced) },
                               plans: .slot("plans"), errors: .slot("errors"),
                               summary: Summary(plans: c.plans, unreadable: c.unreadable, errors: c.errors, warnings: c.warnings, infos: c.infos,
                                                suppressed: c.suppressed))
            JSONOutput.write(doc, slots: ["plans": plans, "errors": errors], orElse: "{}", to: sink)
        }
    }
}

/// The version of planlint.
public enum PlanLintVersion {
    public static let current = "0.1.0"
}
