// Text output for people: grouped by file, the source line with the span underlined as a
// compiler shows it, the citation and what to do, and a summary line. Plans that could not
// be read are not part of it: the command line prints those errors to stderr (every format
// does), and the summary counts them. Suppressed findings are counted, not shown, except
// waived ones (docs/configuration.md): those are shown, marked with the waiver.
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

    public func start(_ run: RunContext, to sink: any ReportSink) -> any ReportStream {
        Stream(self, run, sink)
    }

    /// Each plan's block as it is checked; the summary line at the end.
    final class Stream: ReportStream {
        let reporter: TextReporter, run: RunContext, sink: any ReportSink

        init(_ reporter: TextReporter, _ run: RunContext, _ sink: any ReportSink) {
            (self.reporter, self.run, self.sink) = (reporter, run, sink)
        }

        func plan(_ outcome: PlanOutcome) {
            guard !reporter.summaryOnly, case .checked(let report) = outcome else { return }
            sink.write(reporter.block(report))
        }

        func finish(_ totals: RunTotals) {
            sink.write(reporter.summary(run, totals))
        }
    }

    private func block(_ report: PlanReport) -> String {
        // The plan's own language, resolved once by the engine.
        let l = report.language, m = Catalogue.text
        var out = paint(report.file, "1") + "  "
        let law = report.profile.map { m.headerLaw.render(l, ["law": .text($0.value.title[l])]) } ?? ""
        out += paint("(" + m.header.render(l, ["status": .label(report.status.value.label), "scope": .label(report.scope.value.label),
                                               "date": .date(report.referenceDate.value), "law": .text(law)]) + ")", "2") + "\n"
        // Findings a waiver accepts are shown, marked; other suppressed ones are counted.
        let active = report.findings.filter { $0.isActive || $0.suppressed?.directive == .waiver }
        let known = report.findings.filter { $0.suppressed?.directive == .baseline }.count
        let suppressed = report.findings.count - active.count - known
        var note = suppressed > 0 ? "  " + paint("(" + m.suppressed.render(l, ["n": .number(suppressed)]) + ")", "2") + "\n" : ""
        if known > 0 { note += "  " + paint("(" + Suppression.baselineCount(known, report.language) + ")", "2") + "\n" }
        guard !active.isEmpty else {
            return out + "  " + paint("✓ " + m.noFindings[l], "32") + "\n" + note + "\n"
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
                // Cut first, then made visible (both keep one scalar for one): a 7 MB line is
                // not copied twice for every finding.
                let width = source.unicodeScalars.count
                let wholeStart = max(1, min(f.start.column, width + 1))
                let wholeEnd = f.end.line == f.start.line ? max(wholeStart + 1, min(f.end.column, width + 1)) : width + 1
                let (cut, startCol, endCol) = Excerpt.window(source, start: wholeStart, end: wholeEnd)
                let shown = TextReporter.visible(cut.replacingOccurrences(of: "\t", with: " "))
                let underline = String(repeating: " ", count: startCol - 1) + String(repeating: "^", count: max(1, endCol - startCol))
                out += "   \(pad)|\n"
                out += "   \(number)| \(shown)\n"
                out += "   \(pad)| " + paint(underline, sevColor) + "\n"
            }
            if let c = f.citation {
                out += "  = " + m.law[l] + ": " + c.formatted(l) + "\n"
            }
            if let origin = f.origin, origin == .text {
                out += "  = " + Catalogue.common.foundInText[l] + "\n"
            }
            if f.origin == .sidecar {
                out += "  = " + Catalogue.common.fromSidecar.render(l, ["file": .text(f.file)]) + "\n"
            }
            out += "  = " + m.fix[l] + ": " + TextReporter.visible(f.remediation) + "\n"
            if let s = f.suppressed, let mark = s.externalNote(l) {
                out += "  = " + paint(TextReporter.visible(mark), "2") + "\n"
            }
            out += "\n"
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

    /// The summary in the asked language, else in the language most of the plans are written
    /// in (the first plan's on a tie), else (no plan read) English.
    private func summary(_ result: RunContext, _ totals: RunTotals) -> String {
        let c = totals.counts, plans = totals.plans
        let failed = totals.unreadable
        let l = result.language ?? totals.majorityLanguage ?? language
        let m = Catalogue.text
        let s = m.summary.render(l, [
            "plans": .number(plans), "unread": .text(failed > 0 ? m.summaryUnread.render(l, ["n": .number(failed)]) : ""),
            "errors": .number(c.errors), "warnings": .number(c.warnings), "infos": .number(c.infos),
            "suppressed": .text(c.suppressed > 0 ? m.summarySuppressed.render(l, ["n": .number(c.suppressed)]) : ""),
            "date": .date(result.asOf), "packs": .text(result.packs.map { "\($0.id) \($0.version)" }.joined(separator: ", ")),
        ])
        let notices = PackNotice.replaced(result.packs, l).map { paint($0, "1;33") + "\n" }.joined()
        return paint(s, c.errors > 0 || failed > 0 ? "1;31" : c.warnings > 0 ? "1;33" : "1;32") + "\n" + notices
    }

    static func majorityLanguage(_ languages: [Language]) -> Language? {
        var counts: [Language: Int] = [:]
        for l in languages { counts[l, default: 0] += 1 }
        return languages.first { counts[$0] == counts.values.max() }
    }
}
