// GitLab Code Quality JSON: findings shown in merge requests (`artifacts:reports:codequality`).
//
// An array of issues with `description`, `check_name`, `fingerprint` (the same scheme as
// SARIF's: stable across runs and edits elsewhere in the file), `severity` and
// `location.path` / `location.lines.begin`. Severity:
//   error of a statutory rule → critical     error of a good-practice rule → major
//   warning → minor     info → info     a plan that could not be read → blocker
// GitLab has no notion of a suppressed issue, so suppressed findings are left out.
import Foundation

/// The `--format gitlab` output.
public struct GitLabReporter: Reporter {
    public static let identifier = "gitlab"

    public var options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    struct Issue: Encodable {
        var type = "issue"
        var description: String
        var check_name: String
        var fingerprint: String
        var severity: String
        var location: Location
        var content: Content?
    }

    struct Location: Encodable {
        var path: String
        var lines: Lines
    }

    struct Lines: Encodable {
        var begin: Int
        var end: Int?
    }

    struct Content: Encodable {
        var body: String
    }

    public func start(_ run: RunContext, to sink: any ReportSink) -> any ReportStream {
        Stream(self, sink)
    }

    /// The issues encoded as they come and parked; the array written at the end.
    final class Stream: ReportStream {
        let reporter: GitLabReporter, sink: any ReportSink
        let issues = JSONArraySpool()

        init(_ reporter: GitLabReporter, _ sink: any ReportSink) {
            (self.reporter, self.sink) = (reporter, sink)
        }

        func plan(_ outcome: PlanOutcome) {
            for issue in reporter.issues(outcome) { issues.append(issue) }
        }

        func finish(_ totals: RunTotals) {
            issues.drain(indent: "", into: sink)
            sink.write("\n")
        }
    }

    func issues(_ outcome: PlanOutcome) -> [Issue] {
        var issues: [Issue] = []
        switch outcome {
        case .failed(let e):
            let path = ArtifactPath(e.file, root: options.sourceRoot).path
            issues.append(Issue(description: "The plan could not be read: \(e.message)", check_name: "planlint/\(e.kind.rawValue)",
                                fingerprint: Fingerprint.hash(["planlint/\(e.kind.rawValue)", path, e.message].joined(separator: "\u{0}")),
                                severity: "blocker", location: Location(path: path, lines: Lines(begin: e.position?.line ?? 1, end: nil)),
                                content: nil))
        case .checked(let report):
            let path = ArtifactPath(report.file, root: options.sourceRoot).path
            let kinds = Dictionary(report.results.map { ($0.rule, $0.kind) }, uniquingKeysWith: { a, _ in a })
            for (f, fingerprint) in zip(report.findings, Fingerprint.of(report, path: path)) where f.isActive {
                var body = f.remediation
                if let c = f.citation { body = "\(c.formatted(report.language)) (\(c.url))\n\n" + body }
                issues.append(Issue(description: "\(f.ruleID): \(f.message)", check_name: f.ruleID, fingerprint: fingerprint,
                                    severity: GitLabReporter.severity(f.severity, kind: kinds[f.ruleID]),
                                    location: Location(path: path, lines: Lines(begin: f.start.line, end: max(f.start.line, f.end.line))),
                                    content: Content(body: body)))
            }
        }
        return issues
    }

    static func severity(_ s: Severity, kind: RuleKind?) -> String {
        switch s {
        case .error: return kind == .practice ? "major" : "critical"
        case .warning: return "minor"
        case .info: return "info"
        }
    }
}
