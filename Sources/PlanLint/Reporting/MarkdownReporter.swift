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

    public func report(_ result: RunResult) -> String {
        let reports = result.reports
        let c = Counts(result.findings)
        let icon = c.errors > 0 || !result.errors.isEmpty ? "❌" : c.warnings > 0 ? "⚠️" : "✅"
        var out = "### \(icon) planlint: \(reports.count) plan\(reports.count == 1 ? "" : "s") checked"
        if !result.errors.isEmpty { out += ", \(result.errors.count) could not be read" }
        out += " — \(c.errors) error\(c.errors == 1 ? "" : "s"), \(c.warnings) warning\(c.warnings == 1 ? "" : "s"), \(c.infos) info"
        if c.suppressed > 0 { out += ", \(c.suppressed) suppressed" }
        out += "\n\n"
        let packs = result.packs.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
        out += "As of \(result.asOf.iso) · packs: \(MarkdownReporter.cell(packs))\n\n"

        if !reports.isEmpty {
            out += "| Plan | Status | Scope | Profile | Errors | Warnings | Info | Suppressed |\n"
            out += "| --- | --- | --- | --- | ---: | ---: | ---: | ---: |\n"
            for r in reports {
                let k = Counts(r.findings)
                out += "| \(MarkdownReporter.cell(r.file)) | \(r.status.value.rawValue) | \(r.scope.value.rawValue) | "
                out += "\(MarkdownReporter.cell(r.profile?.value.id ?? "—")) | \(k.errors) | \(k.warnings) | \(k.infos) | \(k.suppressed) |\n"
            }
            out += "\n"
        }

        for r in reports {
            let active = r.findings.filter(\.isActive)
            guard !active.isEmpty else { continue }
            out += "#### \(MarkdownReporter.cell(r.file))\n\n"
            out += "| Rule | Severity | Location | Message |\n| --- | --- | --- | --- |\n"
            for f in active.prefix(MarkdownReporter.maxRowsPerPlan) {
                out += "| \(MarkdownReporter.cell(f.ruleID)) | \(MarkdownReporter.severity(f.severity)) | "
                let place = f.location.map { "\(f.file): \($0.rendered(r.language))" } ?? "\(f.file):\(f.start.line):\(f.start.column)"
                out += "\(MarkdownReporter.cell(place)) | \(MarkdownReporter.cell(f.message)) |\n"
            }
            if active.count > MarkdownReporter.maxRowsPerPlan {
                out += "\n… and \(active.count - MarkdownReporter.maxRowsPerPlan) more findings (the full list: `--format text` or `--format sarif`).\n"
            }
            out += "\n"
        }

        if !result.errors.isEmpty {
            out += "#### Could not be read\n\n| File | Line | Error |\n| --- | ---: | --- |\n"
            for e in result.errors {
                out += "| \(MarkdownReporter.cell(e.file)) | \(e.position.map { String($0.line) } ?? "") | \(MarkdownReporter.cell(e.message)) |\n"
            }
            out += "\n"
        }
        return out
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
