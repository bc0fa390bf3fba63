// Text output for people: grouped by file, the source line with the span underlined as a
// compiler shows it, the citation and what to do, and a summary line. Plans that could not
// be read are not part of it: the command line prints those errors to stderr (every format
// does), and the summary counts them. Suppressed findings are counted, not shown.
import Foundation

/// The terminal format.
public struct TextReporter: Reporter {
    public static let identifier = "text"
    /// Use ANSI colours (only on a terminal, and not when NO_COLOR is set).
    public var color: Bool
    /// The language of the tool's own words (headers, summary); findings carry their own.
    public var language: Language
    /// Only the summary line (`--quiet`).
    public var summaryOnly: Bool

    public init(color: Bool, language: Language = .en, summaryOnly: Bool = false) {
        self.color = color
        self.language = language
        self.summaryOnly = summaryOnly
    }

    public init(options: ReportOptions) {
        self.init(color: options.color, language: options.language, summaryOnly: options.summaryOnly)
    }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func report(_ result: RunResult) -> String {
        let reports = result.reports
        guard !summaryOnly else { return summary(result, plans: reports.count) }
        return reports.map { block($0, result) }.joined() + summary(result, plans: reports.count)
    }

    private func block(_ report: PlanReport, _ result: RunResult) -> String {
        let words = Words(report.language)
        var out = paint(report.file, "1") + "  "
        let law = (report.profile?.value.id).map { "\($0), " } ?? ""
        out += paint("(\(words.status) \(report.status.value.rawValue), \(words.scope) \(report.scope.value.rawValue), \(words.law) \(law)\(report.referenceDate.value.formatted(for: report.language)))", "2") + "\n"
        let active = report.findings.filter(\.isActive)
        let suppressed = report.findings.count - active.count
        let note = suppressed > 0 ? "  " + paint("(\(suppressed) \(words.suppressed))", "2") + "\n" : ""
        guard !active.isEmpty else {
            return out + "  " + paint("✓ " + words.noFindings, "32") + "\n" + note + "\n"
        }
        out += note
        for f in active {
            let sevColor = f.severity == .error ? "1;31" : f.severity == .warning ? "1;33" : "1;36"
            out += paint("\(f.severity.rawValue)[\(f.ruleID)]", sevColor) + ": " + paint(TextReporter.visible(f.message), "1") + "\n"
            // A Word plan has no line numbers a reader can find: the heading and paragraph instead.
            if let location = f.location {
                out += "  --> \(f.file): \(location.rendered(report.language))\n"
            } else {
                out += "  --> \(f.file):\(f.start.line):\(f.start.column)\n"
            }
            if let source = report.sourceLine(of: f) {
                let number = f.location == nil ? String(f.start.line) : "¶"
                let pad = String(repeating: " ", count: number.count)
                let shown = TextReporter.visible(source.replacingOccurrences(of: "\t", with: " "))
                let width = shown.unicodeScalars.count
                let startCol = max(1, min(f.start.column, width + 1))
                let endCol = f.end.line == f.start.line ? max(startCol + 1, min(f.end.column, width + 1)) : width + 1
                let underline = String(repeating: " ", count: startCol - 1) + String(repeating: "^", count: max(1, endCol - startCol))
                out += "   \(pad)|\n"
                out += "   \(number)| \(shown)\n"
                out += "   \(pad)| " + paint(underline, sevColor) + "\n"
            }
            if let c = f.citation {
                out += "  = " + words.law.capitalized + ": " + c.formatted(report.language) + "\n"
            }
            if let origin = f.origin, origin == .text {
                out += "  = " + words.foundInText + "\n"
            }
            if f.origin == .sidecar {
                out += "  = " + ["tieto sivutiedostosta", "uppgift från sidofilen", "fact from the sidecar"][report.language.index] + " \(f.file)\n"
            }
            out += "  = " + words.fix + ": " + TextReporter.visible(f.remediation) + "\n\n"
        }
        return out
    }

    /// Text from a plan with its control characters (escape sequences that would drive the
    /// terminal) shown as U+FFFD; one scalar for one, so columns stay true.
    static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value < 0x20 && scalar != "\n" || (0x7F...0x9F).contains(scalar.value) {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private func summary(_ result: RunResult, plans: Int) -> String {
        let c = Counts(result.findings)
        let failed = result.errors.count
        var s = "\(plans) plan\(plans == 1 ? "" : "s") checked"
        if failed > 0 { s += ", \(failed) could not be read" }
        s += ": \(c.errors) error\(c.errors == 1 ? "" : "s"), \(c.warnings) warning\(c.warnings == 1 ? "" : "s"), \(c.infos) info"
        if c.suppressed > 0 { s += ", \(c.suppressed) suppressed" }
        s += " (as of \(result.asOf.iso); packs: " + result.packs.map { "\($0.id) \($0.version)" }.joined(separator: ", ") + ")"
        return paint(s, c.errors > 0 || failed > 0 ? "1;31" : c.warnings > 0 ? "1;33" : "1;32") + "\n"
    }

    struct Words {
        var status, scope, law, noFindings, fix, foundInText, suppressed: String

        init(_ l: Language) {
            switch l {
            case .fi:
                self = Words(status: "tila", scope: "laajuus", law: "laki", noFindings: "ei havaintoja", fix: "korjaus",
                             foundInText: "tieto löytyi tekstistä, ei etusivun tiedoista (front matter)",
                             suppressed: "havaintoa vaimennettu suunnitelman planlint-disable-ohjeilla")
            case .sv:
                self = Words(status: "status", scope: "omfattning", law: "lag", noFindings: "inga anmärkningar", fix: "åtgärd",
                             foundInText: "uppgiften hittades i texten, inte i front matter",
                             suppressed: "anmärkningar undertryckta med planlint-disable i planen")
            case .en:
                self = Words(status: "status", scope: "scope", law: "law", noFindings: "no findings", fix: "fix",
                             foundInText: "the fact was found in the text, not in the front matter",
                             suppressed: "findings suppressed by planlint-disable directives in the plan")
            }
        }

        init(status: String, scope: String, law: String, noFindings: String, fix: String, foundInText: String, suppressed: String) {
            self.status = status
            self.scope = scope
            self.law = law
            self.noFindings = noFindings
            self.fix = fix
            self.foundInText = foundInText
            self.suppressed = suppressed
        }
    }
}
