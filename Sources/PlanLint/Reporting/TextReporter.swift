// Text output for people: grouped by file, the source line with the span underlined as a
// compiler shows it, the citation and what to do, and a summary line.
import Foundation

/// The terminal format.
public struct TextReporter: Reporter {
    public static let identifier = "text"
    /// Use ANSI colours (only on a terminal, and not when NO_COLOR is set).
    public var color: Bool
    /// The language of the tool's own words (headers, summary); findings carry their own.
    public var language: Language

    public init(color: Bool, language: Language = .en) {
        self.color = color
        self.language = language
    }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func report(_ result: RunResult) -> String {
        var out = ""
        var plans = 0
        for outcome in result.outcomes {
            switch outcome {
            case .failed(let e):
                out += paint(e.description, "1;31") + "\n\n"
            case .checked(let report):
                plans += 1
                out += block(report, result)
            }
        }
        out += summary(result, plans: plans)
        return out
    }

    private func block(_ report: PlanReport, _ result: RunResult) -> String {
        let words = Words(report.language)
        var out = paint(report.file, "1") + "  "
        out += paint("(\(words.status) \(report.status.value.rawValue), \(words.scope) \(report.scope.value.rawValue), \(words.law) \(report.referenceDate.value.formatted(for: report.language)))", "2") + "\n"
        guard !report.findings.isEmpty else {
            return out + "  " + paint("✓ " + words.noFindings, "32") + "\n\n"
        }
        for f in report.findings {
            let sevColor = f.severity == .error ? "1;31" : f.severity == .warning ? "1;33" : "1;36"
            out += paint("\(f.severity.rawValue)[\(f.ruleID)]", sevColor) + ": " + paint(f.message, "1") + "\n"
            out += "  --> \(f.file):\(f.start.line):\(f.start.column)\n"
            if let source = report.sourceLines[f.start.line] {
                let number = String(f.start.line)
                let pad = String(repeating: " ", count: number.count)
                let shown = source.replacingOccurrences(of: "\t", with: " ")
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
            out += "  = " + words.fix + ": " + f.remediation + "\n\n"
        }
        return out
    }

    private func summary(_ result: RunResult, plans: Int) -> String {
        let c = Counts(result.findings)
        let failed = result.errors.count
        var s = "\(plans) plan\(plans == 1 ? "" : "s") checked"
        if failed > 0 { s += ", \(failed) could not be read" }
        s += ": \(c.errors) error\(c.errors == 1 ? "" : "s"), \(c.warnings) warning\(c.warnings == 1 ? "" : "s"), \(c.infos) info"
        s += " (as of \(result.asOf.iso); packs: " + result.packs.map { "\($0.id) \($0.version)" }.joined(separator: ", ") + ")"
        return paint(s, c.errors > 0 || failed > 0 ? "1;31" : c.warnings > 0 ? "1;33" : "1;32") + "\n"
    }

    struct Words {
        var status, scope, law, noFindings, fix, foundInText: String

        init(_ l: Language) {
            switch l {
            case .fi:
                self = Words(status: "tila", scope: "laajuus", law: "laki", noFindings: "ei havaintoja", fix: "korjaus",
                             foundInText: "tieto löytyi tekstistä, ei etusivun tiedoista (front matter)")
            case .sv:
                self = Words(status: "status", scope: "omfattning", law: "lag", noFindings: "inga anmärkningar", fix: "åtgärd",
                             foundInText: "uppgiften hittades i texten, inte i front matter")
            case .en:
                self = Words(status: "status", scope: "scope", law: "law", noFindings: "no findings", fix: "fix",
                             foundInText: "the fact was found in the text, not in the front matter")
            }
        }

        init(status: String, scope: String, law: String, noFindings: String, fix: String, foundInText: String) {
            self.status = status
            self.scope = scope
            self.law = law
            self.noFindings = noFindings
            self.fix = fix
            self.foundInText = foundInText
        }
    }
}
