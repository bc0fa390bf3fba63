// A Markdown summary for pull-request comments and `$GITHUB_STEP_SUMMARY`.
//
// A headline with the counts, a table of the plans (status, profile, counts), then per plan
// with findings a table of them (rule, severity, location, message). Text from plans and
// packs is escaped for GitHub-flavoured Markdown table cells: `|`, backslash, inline markup
// characters and `<`, `>`, `&`; line breaks become `<br>`. A plan's table lists at most
// `maxRowsPerPlan` findings, so a comment stays under the size limits of code hosts.
import Foundation

/// The `--format markdown` output.
public struct MarkdownReporter: Reporter {
    public static let identifier = "markdown"
    /// The most findings listed per plan; the rest are counted.
    public static let maxRowsPerPlan = 50

    public var options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func start(_ run: RunContext, to sink: any ReportSink) -> any ReportStream {
        Stream(run, sink)
    }

    /// The table rows, the finding tables and the unreadable files each parked as the plans
    /// come; the headline with the counts and the parts written at the end.
    final class Stream: ReportStream {
        let run: RunContext, sink: any ReportSink
        let rows = Spool(), tables = Spool(), unreadable = Spool()

        init(_ run: RunContext, _ sink: any ReportSink) {
            (self.run, self.sink) = (run, sink)
        }

        func plan(_ outcome: PlanOutcome) {
            switch outcome {
            case .checked(let r):
                let k = Counts(r.findings)
                rows.write("| \(MarkdownReporter.cell(r.file)) | \(r.status.value.rawValue) | \(r.scope.value.rawValue) | "
                    + "\(MarkdownReporter.cell(r.profile?.value.id ?? "—")) | \(k.errors) | \(k.warnings) | \(k.infos) | \(k.suppressed) |\n")
                let active = r.findings.filter(\.isActive)
                guard !active.isEmpty else { return }
                var out = "#### \(MarkdownReporter.cell(r.file))\n\n"
                out += "| Rule | Severity | Location | Message |\n| --- | --- | --- | --- |\n"
                for f in active.prefix(MarkdownReporter.maxRowsPerPlan) {
                    out += "| \(MarkdownReporter.cell(f.ruleID)) | \(MarkdownReporter.severity(f.severity)) | "
                    let place = f.location.map { "\(f.file): \($0.rendered(r.language))" } ?? "\(f.file):\(f.start.line):\(f.start.column)"
                    out += "\(MarkdownReporter.cell(place)) | \(MarkdownReporter.cell(f.message)) |\n"
                }
                if active.count > MarkdownReporter.maxRowsPerPlan {
                    out += "\n… and \(active.count - MarkdownReporter.maxRowsPerPlan) more findings (the full list: `--format text` or `--format sarif`).\n"
                }
                tables.write(out + "\n")
            case .failed(let e):
                unreadable.write("| \(MarkdownReporter.cell(e.file)) | \(e.position.map { String($0.line) } ?? "") | \(MarkdownReporter.cell(e.message)) |\n")
            }
        }

        func finish(_ c: RunTotals) {
            let icon = c.errors > 0 || c.unreadable > 0 ? "❌" : c.warnings > 0 ? "⚠️" : "✅"
            var out = "### \(icon) planlint: \(c.plans) plan\(c.plans == 1 ? "" : "s") checked"
            if c.unreadable > 0 { out += ", \(c.unreadable) could not be read" }
            out += " — \(c.errors) error\(c.errors == 1 ? "" : "s"), \(c.warnings) warning\(c.warnings == 1 ? "" : "s"), \(c.infos) info"
            if c.suppressed > 0 { out += ", \(c.suppressed) suppressed" }
            out += "\n\n"
            let packs = run.packs.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
            out += "As of \(run.asOf.iso) · packs: \(MarkdownReporter.cell(packs))\n\n"
            sink.write(out)
            if c.plans > 0 {
                sink.write("| Plan | Status | Scope | Profile | Errors | Warnings | Info | Suppressed |\n")
                sink.write("| --- | --- | --- | --- | ---: | ---: | ---: | ---: |\n")
                rows.drain(into: sink)
                sink.write("\n")
            }
            tables.drain(into: sink)
            if c.unreadable > 0 {
                sink.write("#### Could not be read\n\n| File | Line | Error |\n| --- | ---: | --- |\n")
                unreadable.drain(into: sink)
                sink.write("\n")
            }
        }
    }

    static func severity(_ s: Severity) -> String {
        switch s {
        case .error: return "❌ error"
        case .warning: return "⚠️ warning"
        case .info: return "ℹ️ info"
        }
    }

    /// Text made safe for one table cell.
    static func cell(_ s: String) -> String {
        var out = ""
        var afterCR = false
        for scalar in s.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\r": out += "<br>"
            case "\n": if !afterCR { out += "<br>" }
            case "|": out += "\\|"
            case "\\", "`", "*", "_", "[", "]", "~", "#": out += "\\" + String(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
