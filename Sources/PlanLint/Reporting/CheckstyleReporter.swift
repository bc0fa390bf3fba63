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

    public func report(_ result: RunResult) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for outcome in result.outcomes {
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
                    out += "  <file name=\"\(XMLText.attribute(path))\"/>\n"
                    continue
                }
                out += "  <file name=\"\(XMLText.attribute(path))\">\n"
                for f in active {
                    out += "    <error line=\"\(f.start.line)\" column=\"\(f.start.column)\" severity=\"\(f.severity.rawValue)\""
                    out += " message=\"\(XMLText.attribute(f.message))\" source=\"\(XMLText.attribute(f.ruleID))\"/>\n"
                }
                out += "  </file>\n"
            }
        }
        out += "</checkstyle>\n"
        return out
    }
}
