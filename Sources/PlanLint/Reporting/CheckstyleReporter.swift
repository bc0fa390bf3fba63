// Checkstyle XML, the lingua franca of lint results (Jenkins Warnings, reviewdog, Sonar).
//
//   <checkstyle version="4.3">
//     <file name="Examples/x.md">
//       <error line="14" column="9" severity="error" message="…" source="LSL-12-1-DECISION-BODY"/>
//     </file>
//   </checkstyle>
//
// One <file> per plan (in the order given, also when it has no finding); severities error,
// warning and info. A plan that could not be read gets one error with source
// `planlint.KIND`. Suppressed findings are left out.
import Foundation

/// The `--format checkstyle` output.
public struct CheckstyleReporter: Reporter {
    public static let identifier = "checkstyle"

    public var options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func start(_ run: RunContext, to sink: any ReportSink) -> any ReportStream {
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")
        return Stream(self, sink)
    }

    /// Each plan's <file> as it is checked.
    final class Stream: ReportStream {
        let reporter: CheckstyleReporter, sink: any ReportSink

        init(_ reporter: CheckstyleReporter, _ sink: any ReportSink) {
            (self.reporter, self.sink) = (reporter, sink)
        }

        func plan(_ outcome: PlanOutcome) {
            sink.write(reporter.file(outcome))
        }

        func finish(_ totals: RunTotals) {
            sink.write("</checkstyle>\n")
        }
    }

    func file(_ outcome: PlanOutcome) -> String {
        var out = ""
        switch outcome {
        case .failed(let e):
            let path = ArtifactPath(e.file, root: options.sourceRoot).path
            out += "  <file name=\"\(XMLText.attribute(path))\">\n"
            out += "    <error line=\"\(e.position?.line ?? 1)\""
            if let column = e.position?.column { out += " column=\"\(column)\"" }
            out += " severity=\"error\" message=\"\(XMLText.attribute(e.message))\" source=\"planlint.\(e.kind.rawValue)\"/>\n"
            out += "  </file>\n"
        case .checked(let report):
            let path = ArtifactPath(report.file, root: options.sourceRoot).path
            let active = report.findings.filter(\.isActive)
            guard !active.isEmpty else {
                return "  <file name=\"\(XMLText.attribute(path))\"/>\n"
            }
            out += "  <file name=\"\(XMLText.attribute(path))\">\n"
            for f in active {
                out += "    <error line=\"\(f.start.line)\" column=\"\(f.start.column)\" severity=\"\(f.severity.rawValue)\""
                out += " message=\"\(XMLText.attribute(f.message))\" source=\"\(XMLText.attribute(f.ruleID))\"/>\n"
            }
            out += "  </file>\n"
        }
        return out
    }
}
