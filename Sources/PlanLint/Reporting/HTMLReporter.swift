// The HTML report: one self-contained page per run, to be read in a browser or saved as PDF
// and attached to the council proposal.
//
// For each plan it shows the statutory verdict (met, not met, needs review: statutory rules
// only) and apart from it how the good-practice recommendations stand, the facts the check
// rests on (title, file, as-of date, status, scope, the version of the law and why it was
// chosen), a chart of the statutory results, every finding with its evidence, location,
// remedy, citation and the statute's wording, the result of every requirement and
// recommendation, and the rules that do not apply, one line per reason. An appendix, "How
// this was checked", holds what a technician needs: packs with versions and content hashes,
// and the exact file position and data-block field of each finding. The page needs no network and no
// script: the styles are inline, the chart is inline SVG, and a Content-Security-Policy forbids
// anything else. Every text that comes from a plan or a pack is escaped, and the page is also
// well-formed XML (void elements closed), so that a test can parse it strictly. The words are
// in the plan's language (Messages/Catalogue.swift).
import Foundation

/// The `--format html` output.
public struct HTMLReporter: Reporter {
    public static let identifier = "html"
    /// The language asked for; nil: the run's (`--lang`), else each plan's own.
    public var language: Language?

    public init(language: Language? = nil) {
        self.language = language
    }

    /// The command line's reporter: the language of `--lang` comes with the run.
    public init(options: ReportOptions) {
        self.init(language: nil)
    }

    public func start(_ run: RunContext, to sink: any ReportSink) -> any ReportStream {
        Stream(self, run, sink)
    }

    /// The page's head needs the number of plans (and the one plan's title), and the table of
    /// contents comes before the plans: each plan's contents row, section and appendix part
    /// are written as it comes and parked, and the page is put together at the end.
    final class Stream: ReportStream {
        let reporter: HTMLReporter, run: RunContext, sink: any ReportSink
        let rows = Spool(), sections = Spool(), unreadable = Spool(), appendix = Spool()
        var count = 0
        var lang: Language
        var firstTitle: String?
        /// The first plan's appendix part: it gets a heading only when more plans follow.
        var firstAppendix: (title: String?, part: String)?

        init(_ reporter: HTMLReporter, _ run: RunContext, _ sink: any ReportSink) {
            (self.reporter, self.run, self.sink) = (reporter, run, sink)
            lang = reporter.language ?? run.language ?? .fi
        }

        func plan(_ outcome: PlanOutcome) {
            switch outcome {
            case .checked(let r):
                count += 1
                if count == 1 {
                    lang = reporter.language ?? run.language ?? r.language
                    firstTitle = r.title
                }
                rows.write(reporter.contentsRow(r, number: count, lang))
                sections.write(reporter.plan(r, number: count, run: run))
                let part = reporter.appendixPart(r, number: count, lang)
                if count == 1 {
                    firstAppendix = (r.title, part)
                } else if !part.isEmpty {
                    appendix.write(reporter.appendixHeading(r.title, lang) + part)
                }
            case .failed(let e):
                unreadable.write("<li><code>\(esc(e.description))</code></li>\n")
            }
        }

        func finish(_ totals: RunTotals) {
            let m = Catalogue.html
            var title = m.reportKind[lang]
            if count == 1 { title += " — " + Excerpt.cut(firstTitle ?? m.untitled[lang]) }
            sink.write("""
            <!DOCTYPE html>
            <html lang="\(lang.rawValue)">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"/>
            <meta name="generator" content="planlint \(PlanLintVersion.current)"/>
            <title>\(esc(title))</title>
            <style>\(HTMLReporter.css)</style>
            </head>
            <body>
            <div class="page">
            <header class="report-header">
            <p class="eyebrow">planlint · \(esc(m.reportKind[lang]))</p>
            <h1>\(esc(m.reportTitle[lang]))</h1>
            <p class="run-meta"><span>\(esc(m.asOf[lang])): <strong>\(esc(run.asOf.formatted(for: lang)))</strong></span></p>
            </header>

            """)
            if count > 1 {
                sink.write(reporter.contentsHead(lang))
                rows.drain(into: sink)
                sink.write("</tbody>\n</table>\n</nav>\n")
            }
            sections.drain(into: sink)
            if !unreadable.isEmpty {
                sink.write("<section class=\"unreadable\">\n<h2>\(esc(m.unreadable[lang]))</h2>\n<ul>\n")
                unreadable.drain(into: sink)
                sink.write("</ul>\n</section>\n")
            }
            sink.write(reporter.appendixHead(run, lang))
            if let first = firstAppendix, !first.part.isEmpty {
                if count > 1 { sink.write(reporter.appendixHeading(first.title, lang)) }
                sink.write(first.part)
            }
            appendix.drain(into: sink)
            sink.write("</section>\n")
            sink.write("<footer class=\"report-footer\"><p>\(esc(m.generated.render(lang, ["version": .text(PlanLintVersion.current), "date": .date(run.asOf)])))</p></footer>\n")
            sink.write("</div>\n</body>\n</html>\n")
        }
    }

    // MARK: - Parts

    fileprivate func contentsHead(_ lang: Language) -> String {
        let m = Catalogue.html
        var h = "<nav class=\"contents\" aria-label=\"\(esc(m.contents[lang]))\">\n<h2>\(esc(m.contents[lang]))</h2>\n"
        h += "<table class=\"grid\">\n<thead><tr><th>\(esc(m.plan[lang]))</th><th>\(esc(m.status[lang]))</th>"
        for s in HTMLReporter.order { h += "<th class=\"num\">\(esc(Catalogue.label(s)[lang]))</th>" }
        return h + "</tr></thead>\n<tbody>\n"
    }

    /// A plan's row in the table of contents; `number` counts from 1.
    fileprivate func contentsRow(_ r: PlanReport, number: Int, _ lang: Language) -> String {
        let m = Catalogue.html
        let counts = StatusCounts(r.results.filter { $0.kind == .statute })
        var h = "<tr><td><a href=\"#plan-\(number)\">\(esc(Excerpt.cut(r.title ?? m.untitled[lang])))</a><br/><code class=\"file\">\(esc(r.file))</code></td>"
        h += "<td>\(esc(r.status.value.label[lang]))</td>"
        for s in HTMLReporter.order { h += "<td class=\"num\">\(counts[s])</td>" }
        return h + "</tr>\n"
    }

    /// The statuses of statutory requirements in the order the report lists them.
    static let order: [RuleResult.Status] = [.pass, .fail, .needsReview]

    /// The findings of a plan in the order the report numbers them: the most serious first
    /// (in document order within a severity), accepted deviations last.
    static func numbered(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.isActive != y.isActive { return x.isActive }
            return x.severity != y.severity ? x.severity > y.severity : a.offset < b.offset
        }.map(\.element)
    }

    fileprivate func plan(_ r: PlanReport, number: Int, run: RunContext) -> String {
        let lang = language ?? run.language ?? r.language
        let m = Catalogue.html
        let id = "plan-\(number)"
        let statutory = r.results.filter { $0.kind == .statute && $0.status != .notApplicable }
        let practice = r.results.filter { $0.kind == .practice && $0.status != .notApplicable }
        var h = "<section class=\"plan\" id=\"\(id)\" lang=\"\(lang.rawValue)\" aria-labelledby=\"\(id)-title\">\n"
        h += "<h2 id=\"\(id)-title\">\(esc(Excerpt.cut(r.title ?? m.untitled[lang])))</h2>\n"
        h += verdict(r, lang)
        h += "<div class=\"overview\">\n" + facts(r, lang) + chart(StatusCounts(statutory), id: id, lang) + "</div>\n"

        let findings = HTMLReporter.numbered(r.findings)
        var numbers: [String: [Int]] = [:]
        for (i, f) in findings.enumerated() { numbers[f.ruleID, default: []].append(i + 1) }
        h += "<h3>\(esc(m.findings[lang])) (\(r.findings.count))</h3>\n"
        if r.findings.isEmpty {
            h += "<p class=\"none\">\(esc(m.noFindings[lang]))</p>\n"
        }
        var quoted: [Citation: Int] = [:]
        for (i, f) in findings.enumerated() {
            h += finding(f, number: i + 1, planID: id, report: r, quotedIn: &quoted, lang)
        }

        if !statutory.isEmpty {
            h += "<h3>\(esc(m.statutory[lang])) (\(statutory.count))</h3>\n"
            h += requirementTable(statutory, planID: id, numbers: numbers, lang)
        }
        if !practice.isEmpty {
            h += "<h3>\(esc(m.practices[lang])) (\(practice.count))</h3>\n"
            h += "<p class=\"practice-note\">\(esc(m.practicesNote[lang]))</p>\n"
            h += requirementTable(practice, planID: id, numbers: numbers, lang)
        }
        let groups = NotApplicableGroup.of(r.results)
        if !groups.isEmpty {
            let count = groups.reduce(0) { $0 + $1.rules.count }
            h += "<h3>\(esc(m.notApplicableHeading[lang])) (\(count))</h3>\n<ul class=\"not-applicable\">\n"
            for g in groups {
                h += "<li>\(esc(m.notApplicableGroup.render(lang, ["n": .number(g.rules.count), "why": .text(g.reason)])))"
                h += "<br/><span class=\"rule-ids\">" + g.rules.map { "<code id=\"\(id)-req-\(HTMLReporter.anchor($0))\">\(esc($0))</code>" }.joined(separator: " ") + "</span></li>\n"
            }
            h += "</ul>\n"
        }
        return h + "</section>\n"
    }

    /// The statutory verdict, and apart from it how the recommendations stand.
    private func verdict(_ r: PlanReport, _ lang: Language) -> String {
        let v = CouncilVerdict(r.results)
        let status: RuleResult.Status
        switch v.outcome {
        case .notMet: status = .fail
        case .needsReview: status = .needsReview
        case .met: status = .pass
        case .nothingApplies: status = .notApplicable
        }
        let s = Counts(r.findings)
        var h = "<div class=\"verdict \(HTMLReporter.cssClass(status))\">\(badge(status, .statute, lang))<p><strong>\(esc(v.statutoryText(lang)))</strong>"
        if !r.findings.isEmpty {
            var counts = Catalogue.html.findingCounts.render(lang, ["errors": .number(s.errors), "warnings": .number(s.warnings), "infos": .number(s.infos)])
            if s.suppressed > 0 { counts += " " + Catalogue.html.findingsSuppressed.render(lang, ["n": .number(s.suppressed)]) }
            h += "<br/><span class=\"sub\">\(esc(counts))</span>"
        }
        h += "</p></div>\n"
        if let practice = v.practiceText(lang) {
            h += "<p class=\"practice-summary\">\(esc(practice))</p>\n"
        }
        return h
    }

    private func facts(_ r: PlanReport, _ lang: Language) -> String {
        let m = Catalogue.html
        var h = "<dl class=\"facts\">\n"
        func row(_ label: Message, _ value: String) { h += "<dt>\(esc(label[lang]))</dt><dd>\(value)</dd>\n" }
        row(m.file, "<code class=\"file\">\(esc(r.file))</code>")
        row(m.asOf, esc(r.asOf.formatted(for: lang)))
        // Each derived fact with how the engine decided it.
        func decided(_ value: String, _ reasons: Localized) -> String {
            "\(esc(value)) <span class=\"basis\">(\(esc(reasons[lang])))</span>"
        }
        row(m.status, decided(r.status.value.label[lang], r.status.reasons))
        row(m.scope, decided(r.scope.value.label[lang], r.scope.reasons))
        row(m.referenceDate, decided(r.referenceDate.value.formatted(for: lang), r.referenceDate.reasons))
        if let p = r.profile {
            var v = "<strong class=\"profile-title\">\(esc(p.value.title[lang]))</strong>"
            v += "<p class=\"why\"><span class=\"label\">\(esc(m.profileWhy[lang])):</span> \(esc(p.reasons[lang]))</p>"
            row(m.profile, v)
        } else if let undecided = r.decisions.first(where: { $0.name == "profile" }) {
            row(m.profile, "<strong class=\"profile-title\">\(esc(undecided.label[lang]))</strong>"
                + "<p class=\"why\"><span class=\"label\">\(esc(m.profileWhy[lang])):</span> \(esc(undecided.reasons[lang]))</p>")
        } else {
            row(m.profile, esc(m.noProfile[lang]))
        }
        return h + "</dl>\n"
    }

    /// The appendix: the packs with their versions and content hashes, the version of the
    /// law by id, and where exactly each finding is (file, line, column, field).
    fileprivate func appendixHead(_ run: RunContext, _ lang: Language) -> String {
        let m = Catalogue.html
        var h = "<section class=\"appendix\" id=\"how-checked\">\n<h2>\(esc(m.appendix[lang]))</h2>\n"
        h += "<p>\(esc(m.appendixIntro[lang]))</p>\n"
        h += "<table class=\"grid packs\">\n<thead><tr>"
        for label in [m.packID, m.packTitle, m.packVersion, m.packHash] { h += "<th>\(esc(label[lang]))</th>" }
        h += "<th class=\"num\">\(esc(m.packRules[lang]))</th></tr></thead>\n<tbody>\n"
        for p in run.packs {
            h += "<tr><td><code>\(esc(p.id))</code></td><td>\(esc(p.title[lang]))</td><td>\(esc(p.version))</td>"
            h += "<td><code class=\"hash\">\(esc(p.contentHash))</code></td><td class=\"num\">\(p.rules.count)</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    /// The heading of a plan's appendix part, when the report has more than one plan.
    fileprivate func appendixHeading(_ title: String?, _ lang: Language) -> String {
        "<h3>\(esc(Excerpt.cut(title ?? Catalogue.html.untitled[lang])))</h3>\n"
    }

    /// A plan's part of the appendix: the version of the law by id and where exactly each
    /// finding is (file, line, column, field); empty when there is nothing to say.
    fileprivate func appendixPart(_ r: PlanReport, number: Int, _ lang: Language) -> String {
        let m = Catalogue.html
        let findings = HTMLReporter.numbered(r.findings)
        guard !findings.isEmpty || r.profile != nil else { return "" }
        var h = ""
        if let p = r.profile {
            h += "<p>\(esc(m.profile[lang])): <code class=\"profile-id\">\(esc(p.value.id))</code> — \(esc(p.value.title[lang]))</p>\n"
        }
        guard !findings.isEmpty else { return h }
        h += "<table class=\"grid places\">\n<caption>\(esc(m.appendixFindings[lang]))</caption>\n<thead><tr><th class=\"num\">#</th>"
        h += "<th>\(esc(m.appendixRule[lang]))</th><th>\(esc(m.appendixPlace[lang]))</th><th>\(esc(m.appendixPath[lang]))</th></tr></thead>\n<tbody>\n"
        for (n, f) in findings.enumerated() {
            h += "<tr><td class=\"num\"><a href=\"#plan-\(number)-finding-\(n + 1)\">\(n + 1)</a></td><td><code class=\"rule-id\">\(esc(f.ruleID))</code></td>"
            h += "<td><code class=\"file\">\(esc(f.file)):\(f.start.line):\(f.start.column)</code></td><td>\(f.path.map { "<code>\(esc($0))</code>" } ?? "—")</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    // MARK: - The chart

    /// A horizontal bar per result of the statutory requirements, with its label and count
    /// written out, so that it reads without colour; the bars also differ in pattern.
    private func chart(_ c: StatusCounts, id: String, _ lang: Language) -> String {
        let total = HTMLReporter.order.reduce(0) { $0 + c[$1] }
        let rowHeight = 32, labelWidth = 112, barWidth = 150, top = 4
        let width = labelWidth + barWidth + 44, height = top * 2 + rowHeight * HTMLReporter.order.count
        let summary = HTMLReporter.order.map { "\(Catalogue.label($0)[lang]) \(c[$0])" }.joined(separator: ", ")
        var h = "<figure class=\"chart\">\n"
        h += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-chart-title\">\n"
        h += "<title id=\"\(id)-chart-title\">\(esc(summary))</title>\n"
        h += "<defs>"
        h += "<pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#b3261e\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\" stroke-opacity=\"0.55\"/></pattern>"
        h += "<pattern id=\"\(id)-dots\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\"><rect width=\"5\" height=\"5\" fill=\"#a15c00\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.1\" fill=\"#ffffff\" fill-opacity=\"0.6\"/></pattern>"
        h += "</defs>\n"
        for (i, s) in HTMLReporter.order.enumerated() {
            let y = top + i * rowHeight
            let n = c[s]
            let length = total == 0 ? 0 : max(n > 0 ? 3 : 0, Int((Double(n) / Double(total) * Double(barWidth)).rounded()))
            let fill: String
            switch s {
            case .pass: fill = "#2e7d32"
            case .fail: fill = "url(#\(id)-hatch)"
            case .needsReview: fill = "url(#\(id)-dots)"
            case .notApplicable, .covered: fill = "#aab4bf"
            }
            h += "<g class=\"bar \(HTMLReporter.cssClass(s))\">"
            h += "<text x=\"0\" y=\"\(y + 20)\" class=\"label\">\(esc(Catalogue.label(s)[lang]))</text>"
            h += "<rect x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(barWidth)\" height=\"20\" rx=\"3\" class=\"track\"/>"
            if length > 0 { h += "<rect x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(length)\" height=\"20\" rx=\"3\" fill=\"\(fill)\" stroke=\"#1b2430\" stroke-opacity=\"0.35\"/>" }
            h += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 20)\" class=\"count\">\(n)</text>"
            h += "</g>\n"
        }
        h += "</svg>\n<figcaption>\(esc(Catalogue.html.chartCaption.render(lang, ["n": .number(total)])))</figcaption>\n</figure>\n"
        return h
    }

    // MARK: - Findings

    /// One finding; `quotedIn` remembers which finding first quoted a citation's wording, so
    /// that later ones refer to it instead of repeating it.
    private func finding(_ f: Finding, number: Int, planID: String, report: PlanReport, quotedIn: inout [Citation: Int], _ lang: Language) -> String {
        let m = Catalogue.html
        let sev = f.severity.rawValue
        var h = "<article class=\"finding \(sev)\(f.isActive ? "" : " suppressed")\" id=\"\(planID)-finding-\(number)\">\n<header>"
        h += "<span class=\"number\">\(number)</span>"
        h += "<span class=\"severity \(sev)\">\(HTMLReporter.severitySymbol(f.severity)) \(esc(Catalogue.label(f.severity)[lang]))</span>"
        h += "<code class=\"rule-id\">\(esc(f.ruleID))</code>"
        if !f.isActive { h += "<span class=\"badge accepted\">✓ \(esc(m.accepted[lang]))</span>" }
        h += "<h4>\(esc(f.title))</h4></header>\n"
        h += "<p class=\"message\">\(esc(f.message))</p>\n"
        if let s = f.suppressed {
            let why = s.justification.flatMap { $0.isEmpty ? nil : $0 } ?? m.noJustification[lang]
            let text = s.externalNote(lang) ?? m.acceptedBy.render(lang, ["line": .number(s.location.start.line), "why": .text(why)])
            h += "<p class=\"suppression\">\(esc(text))</p>\n"
        }
        h += "<dl class=\"finding-facts\">\n"
        // Where, as a reader finds it: the line and the section, or in a Word plan the heading
        // and paragraph (or table cell). File, column and field are in the appendix.
        let location: String
        if let logical = f.location {
            location = "<span class=\"logical-location\">\(esc(logical.rendered(lang)))</span>"
        } else {
            location = esc(f.section.map { m.lineInSection.render(lang, ["line": .number(f.start.line), "section": .text($0)]) }
                ?? m.lineOnly.render(lang, ["line": .number(f.start.line)]))
        }
        h += "<dt>\(esc(m.location[lang]))</dt><dd>\(location)"
        if f.origin == .text { h += "<br/><span class=\"note\">\(esc(Catalogue.common.foundInText[lang]))</span>" }
        if f.origin == .sidecar { h += "<br/><span class=\"note\">\(esc(Catalogue.common.fromSidecar.render(lang, ["file": .text(f.file)])))</span>" }
        h += "</dd>\n"
        if let e = f.evidence, !e.isEmpty {
            h += "<dt>\(esc(m.evidence[lang]))</dt><dd><q class=\"evidence\">\(esc(Excerpt.cut(e)))</q></dd>\n"
        }
        h += "</dl>\n"
        if let source = report.sourceLine(of: f), !HTMLReporter.tellsNothing(source) {
            h += excerpt(source, f)
        }
        h += "<p class=\"remedy\"><span class=\"label\">\(esc(m.remediation[lang])):</span> \(esc(f.remediation))</p>\n"
        if let c = f.citation {
            var key = c
            key.lawVersion = nil
            let first = quotedIn[key]
            if first == nil { quotedIn[key] = number }
            h += citation(c, quotedIn: first.map { "<a href=\"#\(planID)-finding-\($0)\">\(esc(m.seeFinding.render(lang, ["n": .number($0)])))</a>" }, lang)
        }
        return h + "</article>\n"
    }

    /// The source line with the finding's span marked; columns count Unicode scalars.
    private func excerpt(_ source: String, _ f: Finding) -> String {
        let line = source
        let width = line.unicodeScalars.count
        let lineStart = max(0, min(f.start.column - 1, width))
        // A point (a fact missing where it belongs) is shown without a mark.
        let lineEnd = f.end.line == f.start.line ? max(lineStart, min(f.end.column - 1, width)) : width
        // A long line is shown as a window around the span (`Excerpt`), cut with `…`.
        let (shown, from, to) = Excerpt.window(line, start: lineStart + 1, end: lineEnd + 1)
        let scalars = Array(shown.replacingOccurrences(of: "\t", with: " ").unicodeScalars)
        let start = max(0, min(from - 1, scalars.count))
        let end = lineEnd > lineStart ? max(start, min(to - 1, scalars.count)) : start
        func text(_ r: Range<Int>) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[r])
            return esc(String(s))
        }
        // A Word plan's lines are virtual: the paragraph mark instead of a number no reader can find.
        var h = "<pre class=\"excerpt\"><span class=\"ln\">\(f.location == nil ? String(f.start.line) : "¶")</span>"
        h += text(0..<start)
        if end > start { h += "<mark>" + text(start..<end) + "</mark>" }
        h += text(end..<scalars.count)
        return h + "</pre>\n"
    }

    /// The citation, and the statute's wording unless `quotedIn` links to where it was quoted.
    private func citation(_ c: Citation, quotedIn: String?, _ lang: Language) -> String {
        let m = Catalogue.html
        var h = "<div class=\"citation\"><p><span class=\"label\">\(esc(m.law[lang])):</span> "
        let name = esc(c.formatted(lang))
        if HTMLReporter.isWebURL(c.url) {
            h += "<a class=\"cite\" href=\"\(esc(c.url))\">\(name)</a>"
        } else {
            h += name
        }
        if let v = c.lawVersion { h += " (\(esc(m.asWordedBy.render(lang, ["version": .text(v)]))))" }
        h += "</p>\n"
        if let mark = c.mark, mark != "V" {
            h += "<p class=\"note\">\(esc(m.interpretation.render(lang, ["mark": .text(mark), "meaning": .label(Catalogue.markMeaning(mark).text)])))</p>\n"
        } else if let link = quotedIn, c.wording != nil {
            h += "<p class=\"note\">\(esc(m.statuteWording[lang])): \(link)</p>\n"
        } else if let w = c.wording {
            var shown: [(Language, String)] = []
            switch lang {
            case .fi: if let t = w.fi ?? w.sv { shown.append((w.fi != nil ? .fi : .sv, t)) }
            case .sv: if let t = w.sv ?? w.fi { shown.append((w.sv != nil ? .sv : .fi, t)) }
            case .en:
                if let t = w.fi { shown.append((.fi, t)) }
                if let t = w.sv { shown.append((.sv, t)) }
            }
            for (l, text) in shown {
                var label = m.statuteWording[lang]
                if l != lang { label += " (" + (l == .fi ? m.wordingInFinnish : m.wordingInSwedish)[lang] + ")" }
                h += "<figure class=\"wording\"><figcaption>\(esc(label))</figcaption><blockquote lang=\"\(l.rawValue)\">\(esc(text))</blockquote></figure>\n"
            }
        }
        return h + "</div>\n"
    }

    // MARK: - Requirements

    /// The statutory requirements or the recommendations that apply, with their results.
    private func requirementTable(_ results: [RuleResult], planID: String, numbers: [String: [Int]], _ lang: Language) -> String {
        let m = Catalogue.html
        let practice = results.first?.kind == .practice
        var h = "<table class=\"grid requirements\(practice ? " practice" : "")\">\n<thead><tr>"
        h += "<th class=\"col-result\">\(esc(m.result[lang]))</th>"
        h += "<th>\(esc((practice ? m.recommendation : m.requirement)[lang]))</th><th class=\"col-law\">\(esc(m.law[lang]))</th>"
        h += "<th class=\"col-details\">\(esc(m.details[lang]))</th></tr></thead>\n<tbody>\n"
        for x in results {
            h += "<tr class=\"\(HTMLReporter.cssClass(x.status, x.kind))\" id=\"\(planID)-req-\(HTMLReporter.anchor(x.rule))\">"
            h += "<td>\(badge(x.status, x.kind, lang))"
            if x.status == .fail, x.kind == .statute { h += "<br/><span class=\"severity-text\">\(esc(Catalogue.label(x.severity)[lang]))</span>" }
            h += "</td>"
            h += "<td><span class=\"req-title\">\(esc(x.title))</span><br/><code class=\"rule-id\">\(esc(x.rule))</code></td>"
            h += "<td>\(x.citation.map { esc($0) } ?? "—")</td>"
            h += "<td>\(details(x, planID: planID, numbers: numbers, lang))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    private func details(_ x: RuleResult, planID: String, numbers: [String: [Int]], _ lang: Language) -> String {
        let m = Catalogue.html
        var parts: [String] = []
        switch x.status {
        case .fail:
            let links = (numbers[x.rule] ?? []).map { "<a href=\"#\(planID)-finding-\($0)\">\(esc(m.findingLink.render(lang, ["n": .number($0)])))</a>" }
            if !links.isEmpty { parts.append("→ " + links.joined(separator: ", ")) }
            if x.suppressed > 0 { parts.append("<span class=\"note\">\(esc(m.acceptedCount.render(lang, ["n": .number(x.suppressed)])))</span>") }
        case .needsReview:
            if let q = x.reason { parts.append("<span class=\"label\">\(esc(m.toConfirm[lang])):</span> \(esc(q))") }
        case .notApplicable, .covered:
            if let why = x.reason { parts.append(esc(why)) }
        case .pass:
            break
        }
        if x.status != .notApplicable {
            for n in x.notes { if let s = note(n, lang) { parts.append("<span class=\"note\">\(esc(s))</span>") } }
        }
        return parts.joined(separator: "<br/>")
    }

    /// A note in the report's language, from its kind and data.
    private func note(_ n: Note, _ lang: Language) -> String? {
        let m = Catalogue.html
        let line: MessageValue = n.line.map { .number($0) } ?? .text("?")
        switch n.kind {
        case .foundUnderHeading:
            return m.noteHeading.render(lang, ["heading": .text(n["heading"] ?? ""), "line": line])
        case .mappedByLegalMap:
            return m.noteLegalMap.render(lang, ["heading": .text(n["heading"] ?? ""), "line": line])
        case .foundByContent:
            return Catalogue.common.byContent.render(lang, n.byContentValues)
        case .foundInText:
            return m.noteTextOnly.render(lang, ["words": .text(n["words"] ?? ""), "line": line])
        case .mentioned:
            return m.noteMention.render(lang, ["words": .text(n["words"] ?? ""), "line": line])
        case .factFromText:
            return m.noteFromText.render(lang, ["value": .text("\(n["path"] ?? ""): \(n["value"] ?? "")"), "line": line])
        case .undecided:
            return m.noteUndecided.render(lang, ["why": .label(Engine.undecidedReason(n))])
        }
    }

    // MARK: - Small pieces

    /// A result as a word and a symbol; a recommendation's result never reads as a failure of the law.
    private func badge(_ s: RuleResult.Status, _ kind: RuleKind, _ lang: Language) -> String {
        let label = kind == .practice ? Catalogue.practiceLabel(s) : Catalogue.label(s)
        return "<span class=\"badge \(HTMLReporter.cssClass(s, kind))\">\(HTMLReporter.statusSymbol(s, kind)) \(esc(label[lang]))</span>"
    }

    static func cssClass(_ s: RuleResult.Status, _ kind: RuleKind = .statute) -> String {
        if kind == .practice, s == .fail { return "open" }
        switch s {
        case .pass: return "pass"
        case .fail: return "fail"
        case .notApplicable: return "na"
        case .needsReview: return "review"
        case .covered: return "covered"
        }
    }

    static func statusSymbol(_ s: RuleResult.Status, _ kind: RuleKind = .statute) -> String {
        if kind == .practice, s == .fail { return "○" }
        switch s {
        case .pass: return "✔"
        case .fail: return "✖"
        case .notApplicable: return "–"
        case .needsReview: return "?"
        case .covered: return "↑"
        }
    }

    static func severitySymbol(_ s: Severity) -> String {
        switch s {
        case .error: return "✖"
        case .warning: return "▲"
        case .info: return "ℹ"
        }
    }

    /// A line that tells a reader nothing, so no excerpt is shown: a bare mapping key
    /// (`plan:`) or the front matter's `---`, where a finding about a missing fact points.
    static func tellsNothing(_ line: String) -> Bool {
        // A long line tells something; it is not trimmed (copied) once per finding.
        guard line.utf8.count <= 1_024 else { return false }
        let t = line.trimmingCharacters(in: .whitespaces)
        if t.isEmpty || t == "---" || t == "..." { return true }
        guard t.hasSuffix(":") else { return false }
        return t.dropLast().allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    /// Only web links become links: a pack may come from anyone.
    static func isWebURL(_ s: String) -> Bool {
        let lower = s.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    /// A rule id as a fragment identifier: letters, digits, `-` and `_`.
    static func anchor(_ s: String) -> String {
        String(s.unicodeScalars.map { c -> Character in
            (c.isASCII && (CharacterSet.alphanumerics.contains(c) || c == "-" || c == "_")) ? Character(c) : "-"
        })
    }

    /// Escapes text for HTML content and quoted attribute values; control characters that
    /// HTML does not allow become U+FFFD.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(c)
            default:
                if c.value < 0x20 || (0x7F...0x9F).contains(c.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }
}

private func esc(_ s: String) -> String { HTMLReporter.escape(s) }

/// Requirement results counted by status.
struct StatusCounts {
    private var counts: [RuleResult.Status: Int] = [:]

    init(_ results: [RuleResult]) {
        for r in results { counts[r.status, default: 0] += 1 }
    }

    subscript(_ s: RuleResult.Status) -> Int { counts[s] ?? 0 }
}
