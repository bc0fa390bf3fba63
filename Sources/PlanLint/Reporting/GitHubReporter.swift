// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
//
//   ::error file=Examples/x.md,line=14,col=9,endLine=14,endColumn=23,title=LSL-12-1-DECISION-BODY: …::message
//
// error → `::error`, warning → `::warning`, info → `::notice`. Values are escaped exactly
// as GitHub's toolkit does (actions/toolkit, packages/core/src/command.ts): in the message
// `%` → %25, CR → %0D, LF → %0A; in properties also `:` → %3A and `,` → %2C. Suppressed
// findings are not annotated. The last line is the summary, as plain log text.
import Foundation

/// The `--format github` output.
public struct GitHubReporter: Reporter {
    public static let identifier = "github"

    public var options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func start(_ run: RunContext, to sink: any ReportSink) -> any ReportStream {
        Stream(self, run, sink)
    }

    /// Each plan's annotations as it is checked; the summary line at the end.
    final class Stream: ReportStream {
        let reporter: GitHubReporter, run: RunContext, sink: any ReportSink

        init(_ reporter: GitHubReporter, _ run: RunContext, _ sink: any ReportSink) {
            (self.reporter, self.run, self.sink) = (reporter, run, sink)
        }

        func plan(_ outcome: PlanOutcome) {
            sink.write(reporter.annotations(outcome))
        }

        func finish(_ totals: RunTotals) {
            sink.write(reporter.summary(run, totals))
        }
    }

    func annotations(_ outcome: PlanOutcome) -> String {
        var out = ""
        switch outcome {
        case .failed(let e):
            var properties = [("file", ArtifactPath(e.file, root: options.sourceRoot).path)]
            if let p = e.position {
                properties += [("line", String(p.line)), ("col", String(p.column))]
            }
            properties.append(("title", "planlint: the plan could not be read"))
            out += GitHubReporter.command("error", properties, e.message) + "\n"
        case .checked(let report):
            let path = ArtifactPath(report.file, root: options.sourceRoot).path
            for f in report.findings where f.isActive {
                var properties = [("file", path), ("line", String(f.start.line)), ("col", String(f.start.column))]
                if f.end > f.start {
                    properties += [("endLine", String(f.end.line)), ("endColumn", String(f.end.column))]
                }
                properties.append(("title", "\(f.ruleID): \(f.title)"))
                var message = f.message
                // A Word plan's line is virtual: say where a reader finds it.
                if let place = f.location { message = place.rendered(report.language) + ": " + message }
                if let c = f.citation { message += "\n" + c.formatted(report.language) }
                message += "\n" + f.remediation
                out += GitHubReporter.command(GitHubReporter.command(for: f.severity), properties, message) + "\n"
            }
        }
        return out
    }

    func summary(_ result: RunContext, _ c: RunTotals) -> String {
        let plans = c.plans
        var summary = "planlint: \(plans) plan\(plans == 1 ? "" : "s") checked"
        if c.unreadable > 0 { summary += ", \(c.unreadable) could not be read" }
        summary += ": \(c.errors) error\(c.errors == 1 ? "" : "s"), \(c.warnings) warning\(c.warnings == 1 ? "" : "s"), \(c.infos) info"
        if c.suppressed > 0 { summary += ", \(c.suppressed) suppressed" }
        summary += " (as of \(result.asOf.iso))"
        // A plain line must not be read as a command.
        return (summary.hasPrefix("::") ? " " + summary : summary) + "\n"
    }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    /// `::name key=value,key=value::message`, escaped as the toolkit escapes.
    public static func command(_ name: String, _ properties: [(String, String)], _ message: String) -> String {
        var s = "::" + name
        if !properties.isEmpty {
            s += " " + properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        }
        return s + "::" + escapeData(message)
    }

    /// The toolkit's `escapeData`: `%`, CR and LF. (Scalar by scalar: a CR LF pair is one
    /// Swift Character, which a Character-level replacement would miss.)
    public static func escapeData(_ s: String) -> String {
        escape(s, property: false)
    }

    /// The toolkit's `escapeProperty`: `escapeData` plus `:` and `,`.
    public static func escapeProperty(_ s: String) -> String {
        escape(s, property: true)
    }

    private static func escape(_ s: String, property: Bool) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
