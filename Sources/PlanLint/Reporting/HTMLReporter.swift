// The HTML report: one self-contained page per run, to be read in a browser or saved as PDF
// and attached to the council proposal.
//
// For each plan it shows the facts the check rests on (title, file, as-of date, status, scope,
// the version of the law and why it was chosen, the packs with versions and content hashes),
// a summary chart, every finding with its evidence, location, remedy, citation and the
// statute's wording, and the result of every requirement. The page needs no network and no
// script: the styles are inline, the chart is inline SVG, and a Content-Security-Policy forbids
// anything else. Every text that comes from a plan or a pack is escaped, and the page is also
// well-formed XML (void elements closed), so that a test can parse it strictly. The words are
// in the plan's language (HTMLText.swift).
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

    public func report(_ result: RunResult) -> String {
        let reports = result.outcomes.compactMap { outcome -> PlanReport? in
            if case .checked(let r) = outcome { return r }
            return nil
        }
        let lang = language ?? result.language ?? reports.first?.language ?? .fi
        var title = HTMLText.reportKind[lang]
        if reports.count == 1 { title += " — " + (reports[0].title ?? HTMLText.untitled[lang]) }

        var h = """
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
        <p class="eyebrow">planlint · \(esc(HTMLText.reportKind[lang]))</p>
        <h1>\(esc(HTMLText.reportTitle[lang]))</h1>
        <p class="run-meta"><span>\(esc(HTMLText.asOf[lang])): <strong>\(esc(result.asOf.formatted(for: lang)))</strong></span> <span>\(esc(HTMLText.fill(HTMLText.packsOfRun, lang, result.packs.map { "\($0.id) \($0.version)" }.joined(separator: ", "))))</span></p>
        </header>

        """
        if reports.count > 1 { h += contents(reports, lang) }
        var index = 0
        for outcome in result.outcomes {
            if case .checked(let r) = outcome {
                index += 1
                h += plan(r, number: index, result: result)
            }
        }
        let errors = result.errors
        if !errors.isEmpty {
            h += "<section class=\"unreadable\">\n<h2>\(esc(HTMLText.unreadable[lang]))</h2>\n<ul>\n"
            for e in errors { h += "<li><code>\(esc(e.description))</code></li>\n" }
            h += "</ul>\n</section>\n"
        }
        h += "<footer class=\"report-footer\"><p>\(esc(HTMLText.fill(HTMLText.generated, lang, PlanLintVersion.current, result.asOf.formatted(for: lang))))</p></footer>\n"
        h += "</div>\n</body>\n</html>\n"
        return h
    }

    // MARK: - Parts

    private func contents(_ reports: [PlanReport], _ lang: Language) -> String {
        var h = "<nav class=\"contents\" aria-label=\"\(esc(HTMLText.contents[lang]))\">\n<h2>\(esc(HTMLText.contents[lang]))</h2>\n"
        h += "<table class=\"grid\">\n<thead><tr><th>\(esc(HTMLText.plan[lang]))</th><th>\(esc(HTMLText.status[lang]))</th>"
        for s in HTMLReporter.order { h += "<th class=\"num\">\(esc(HTMLText.statusLabel(s)[lang]))</th>" }
        h += "</tr></thead>\n<tbody>\n"
        for (i, r) in reports.enumerated() {
            let counts = StatusCounts(r.results)
            h += "<tr><td><a href=\"#plan-\(i + 1)\">\(esc(r.title ?? HTMLText.untitled[lang]))</a><br/><code class=\"file\">\(esc(r.file))</code></td>"
            h += "<td>\(esc(r.status.value.label[lang]))</td>"
            for s in HTMLReporter.order { h += "<td class=\"num\">\(counts[s])</td>" }
            h += "</tr>\n"
        }
        return h + "</tbody>\n</table>\n</nav>\n"
    }

    /// The statuses in the order the report lists them.
    static let order: [RuleResult.Status] = [.pass, .fail, .needsReview, .notApplicable]

    private func plan(_ r: PlanReport, number: Int, result: RunResult) -> String {
        let lang = language ?? result.language ?? r.language
        let id = "plan-\(number)"
        let counts = StatusCounts(r.results)
        var h = "<section class=\"plan\" id=\"\(id)\" lang=\"\(lang.rawValue)\" aria-labelledby=\"\(id)-title\">\n"
        h += "<h2 id=\"\(id)-title\">\(esc(r.title ?? HTMLText.untitled[lang]))</h2>\n"
        h += verdict(r, counts, lang)
        h += "<div class=\"overview\">\n" + facts(r, lang) + chart(counts, id: id, lang) + "</div>\n"
        h += packs(result.packs, lang)

        // Findings, the most serious first (in document order within a severity), accepted
        // deviations last, numbered so that the requirement table can point at them.
        let findings = r.findings.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.isActive != y.isActive { return x.isActive }
            return x.severity != y.severity ? x.severity > y.severity : a.offset < b.offset
        }.map(\.element)
        var numbers: [String: [Int]] = [:]
        for (i, f) in findings.enumerated() { numbers[f.ruleID, default: []].append(i + 1) }
        h += "<h3>\(esc(HTMLText.findings[lang])) (\(r.findings.count))</h3>\n"
        if r.findings.isEmpty {
            h += "<p class=\"none\">\(esc(HTMLText.noFindings[lang]))</p>\n"
        }
        var quoted: [Citation: Int] = [:]
        for (i, f) in findings.enumerated() {
            h += finding(f, number: i + 1, planID: id, report: r, quotedIn: &quoted, lang)
        }

        let applicable = r.results.filter { $0.status != .notApplicable }
        let notApplicable = r.results.filter { $0.status == .notApplicable }
        h += "<h3>\(esc(HTMLText.requirements[lang])) (\(applicable.count))</h3>\n"
        h += requirementTable(applicable, planID: id, numbers: numbers, lang)
        if !notApplicable.isEmpty {
            h += "<h3>\(esc(HTMLText.notApplicableHeading[lang])) (\(notApplicable.count))</h3>\n"
            h += requirementTable(notApplicable, planID: id, numbers: numbers, lang)
        }
        return h + "</section>\n"
    }

    private func verdict(_ r: PlanReport, _ c: StatusCounts, _ lang: Language) -> String {
        let applicable = c[.pass] + c[.fail] + c[.needsReview]
        let status: RuleResult.Status
        let text: String
        if c[.fail] > 0 {
            status = .fail
            text = HTMLText.fill(HTMLText.verdictFail, lang, String(c[.fail]), String(applicable))
        } else if c[.needsReview] > 0 {
            status = .needsReview
            text = HTMLText.fill(HTMLText.verdictReview, lang, String(c[.needsReview]), String(applicable))
        } else {
            status = .pass
            text = HTMLText.fill(HTMLText.verdictPass, lang, String(applicable))
        }
        let s = Counts(r.findings)
        var h = "<div class=\"verdict \(HTMLReporter.cssClass(status))\">\(badge(status, lang))<p><strong>\(esc(text))</strong>"
        if !r.findings.isEmpty {
            var counts = HTMLText.fill(HTMLText.findingCounts, lang, String(s.errors), String(s.warnings), String(s.infos))
            if s.suppressed > 0 { counts += " " + HTMLText.fill(HTMLText.findingsSuppressed, lang, String(s.suppressed)) }
            h += "<br/><span class=\"sub\">\(esc(counts))</span>"
        }
        return h + "</p></div>\n"
    }

    private func facts(_ r: PlanReport, _ lang: Language) -> String {
        var h = "<dl class=\"facts\">\n"
        func row(_ label: Localized, _ value: String) { h += "<dt>\(esc(label[lang]))</dt><dd>\(value)</dd>\n" }
        row(HTMLText.file, "<code class=\"file\">\(esc(r.file))</code>")
        row(HTMLText.asOf, esc(r.asOf.formatted(for: lang)))
        // Each derived fact with how the engine decided it.
        func decided(_ value: String, _ reasons: Localized) -> String {
            "\(esc(value)) <span class=\"basis\">(\(esc(reasons[lang])))</span>"
        }
        row(HTMLText.status, decided(r.status.value.label[lang], r.status.reasons))
        row(HTMLText.scope, decided(r.scope.value.label[lang], r.scope.reasons))
        row(HTMLText.referenceDate, decided(r.referenceDate.value.formatted(for: lang), r.referenceDate.reasons))
        if let p = r.profile {
            var v = "<strong class=\"profile-id\">\(esc(p.value.id))</strong> — \(esc(p.value.title[lang]))"
            v += "<p class=\"why\"><span class=\"label\">\(esc(HTMLText.profileWhy[lang])):</span> \(esc(p.reasons[lang]))</p>"
            row(HTMLText.profile, v)
        } else {
            row(HTMLText.profile, esc(HTMLText.noProfile[lang]))
        }
        return h + "</dl>\n"
    }

    private func packs(_ packs: [RulePack], _ lang: Language) -> String {
        var h = "<h3>\(esc(HTMLText.packs[lang]))</h3>\n<table class=\"grid packs\">\n<thead><tr>"
        for l in [HTMLText.packID, HTMLText.packTitle, HTMLText.packVersion, HTMLText.packHash] { h += "<th>\(esc(l[lang]))</th>" }
        h += "<th class=\"num\">\(esc(HTMLText.packRules[lang]))</th></tr></thead>\n<tbody>\n"
        for p in packs {
            h += "<tr><td><code>\(esc(p.id))</code></td><td>\(esc(p.title[lang]))</td><td>\(esc(p.version))</td>"
            h += "<td><code class=\"hash\">\(esc(p.contentHash))</code></td><td class=\"num\">\(p.rules.count)</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    // MARK: - The chart

    /// A horizontal bar per status, with its label and count written out, so that it reads
    /// without colour; the bars also differ in pattern.
    private func chart(_ c: StatusCounts, id: String, _ lang: Language) -> String {
        let total = HTMLReporter.order.reduce(0) { $0 + c[$1] }
        let rowHeight = 32, labelWidth = 112, barWidth = 150, top = 4
        let width = labelWidth + barWidth + 44, height = top * 2 + rowHeight * HTMLReporter.order.count
        let summary = HTMLReporter.order.map { "\(HTMLText.statusLabel($0)[lang]) \(c[$0])" }.joined(separator: ", ")
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
            case .notApplicable: fill = "#aab4bf"
            }
            h += "<g class=\"bar \(HTMLReporter.cssClass(s))\">"
            h += "<text x=\"0\" y=\"\(y + 20)\" class=\"label\">\(esc(HTMLText.statusLabel(s)[lang]))</text>"
            h += "<rect x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(barWidth)\" height=\"20\" rx=\"3\" class=\"track\"/>"
            if length > 0 { h += "<rect x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(length)\" height=\"20\" rx=\"3\" fill=\"\(fill)\" stroke=\"#1b2430\" stroke-opacity=\"0.35\"/>" }
            h += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 20)\" class=\"count\">\(n)</text>"
            h += "</g>\n"
        }
        h += "</svg>\n<figcaption>\(esc(HTMLText.fill(HTMLText.chartCaption, lang, String(total))))</figcaption>\n</figure>\n"
        return h
    }

    // MARK: - Findings

    /// One finding; `quotedIn` remembers which finding first quoted a citation's wording, so
    /// that later ones refer to it instead of repeating it.
    private func finding(_ f: Finding, number: Int, planID: String, report: PlanReport, quotedIn: inout [Citation: Int], _ lang: Language) -> String {
        let sev = f.severity.rawValue
        var h = "<article class=\"finding \(sev)\(f.isActive ? "" : " suppressed")\" id=\"\(planID)-finding-\(number)\">\n<header>"
        h += "<span class=\"number\">\(number)</span>"
        h += "<span class=\"severity \(sev)\">\(HTMLReporter.severitySymbol(f.severity)) \(esc(HTMLText.severityLabel(f.severity)[lang]))</span>"
        h += "<code class=\"rule-id\">\(esc(f.ruleID))</code>"
        if !f.isActive { h += "<span class=\"badge accepted\">✓ \(esc(HTMLText.accepted[lang]))</span>" }
        h += "<h4>\(esc(f.title))</h4></header>\n"
        h += "<p class=\"message\">\(esc(f.message))</p>\n"
        if let s = f.suppressed {
            let why = s.justification.flatMap { $0.isEmpty ? nil : $0 } ?? HTMLText.noJustification[lang]
            h += "<p class=\"suppression\">\(esc(HTMLText.fill(HTMLText.acceptedBy, lang, String(s.location.start.line), why)))</p>\n"
        }
        h += "<dl class=\"finding-facts\">\n"
        var location: String
        var details: [String] = []
        if let logical = f.location {
            // A Word plan: the heading and paragraph (or table cell) a reader finds, not virtual lines.
            location = "<code class=\"file\">\(esc(f.file))</code> <span class=\"logical-location\">\(esc(logical.rendered(lang)))</span>"
        } else {
            location = "<code class=\"file\">\(esc(f.file)):\(f.start.line):\(f.start.column)</code>"
            details.append("\(esc(HTMLText.line[lang])) \(f.start.line), \(esc(HTMLText.column[lang])) \(f.start.column)")
        }
        if let p = f.path { details.append("\(esc(HTMLText.fact[lang])) <code>\(esc(p))</code>") }
        if let s = f.section { details.append("\(esc(HTMLText.section[lang])) «\(esc(s))»") }
        if !details.isEmpty { location += " (" + details.joined(separator: "; ") + ")" }
        h += "<dt>\(esc(HTMLText.location[lang]))</dt><dd>\(location)"
        if f.origin == .text { h += "<br/><span class=\"note\">\(esc(HTMLText.foundInText[lang]))</span>" }
        h += "</dd>\n"
        if let e = f.evidence, !e.isEmpty {
            h += "<dt>\(esc(HTMLText.evidence[lang]))</dt><dd><q class=\"evidence\">\(esc(e))</q></dd>\n"
        }
        h += "</dl>\n"
        if let source = report.sourceLine(of: f), !HTMLReporter.tellsNothing(source) {
            h += excerpt(source, f)
        }
        h += "<p class=\"remedy\"><span class=\"label\">\(esc(HTMLText.remediation[lang])):</span> \(esc(f.remediation))</p>\n"
        if let c = f.citation {
            var key = c
            key.lawVersion = nil
            let first = quotedIn[key]
            if first == nil { quotedIn[key] = number }
            h += citation(c, quotedIn: first.map { "<a href=\"#\(planID)-finding-\($0)\">\(esc(HTMLText.findingsLink[lang])) \($0)</a>" }, lang)
        }
        return h + "</article>\n"
    }

    /// The source line with the finding's span marked; columns count Unicode scalars.
    private func excerpt(_ source: String, _ f: Finding) -> String {
        let scalars = Array(source.replacingOccurrences(of: "\t", with: " ").unicodeScalars)
        let start = max(0, min(f.start.column - 1, scalars.count))
        // A point (a fact missing where it belongs) is shown without a mark.
        let end = f.end.line == f.start.line ? max(start, min(f.end.column - 1, scalars.count)) : scalars.count
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
        var h = "<div class=\"citation\"><p><span class=\"label\">\(esc(HTMLText.law[lang])):</span> "
        let name = esc(c.formatted(lang))
        if HTMLReporter.isWebURL(c.url) {
            h += "<a class=\"cite\" href=\"\(esc(c.url))\">\(name)</a>"
        } else {
            h += name
        }
        if let v = c.lawVersion { h += " (\(esc(HTMLText.fill(HTMLText.asWordedBy, lang, v))))" }
        h += "</p>\n"
        if let mark = c.mark, mark != "V" {
            h += "<p class=\"note\">\(esc(HTMLText.fill(HTMLText.interpretation, lang, mark, HTMLText.markMeaning(mark)[lang])))</p>\n"
        } else if let link = quotedIn, c.wording != nil {
            h += "<p class=\"note\">\(esc(HTMLText.statuteWording[lang])): \(esc(HTMLText.seeAbove[lang])) \(link)</p>\n"
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
                var label = HTMLText.statuteWording[lang]
                if l != lang { label += " (" + (l == .fi ? HTMLText.wordingIn : HTMLText.wordingInSwedish)[lang] + ")" }
                h += "<figure class=\"wording\"><figcaption>\(esc(label))</figcaption><blockquote lang=\"\(l.rawValue)\">\(esc(text))</blockquote></figure>\n"
            }
        }
        return h + "</div>\n"
    }

    // MARK: - Requirements

    private func requirementTable(_ results: [RuleResult], planID: String, numbers: [String: [Int]], _ lang: Language) -> String {
        // The table of requirements that do not apply has no result column: its title says it.
        let applicable = results.contains { $0.status != .notApplicable }
        var h = "<table class=\"grid requirements\(applicable ? "" : " not-applicable")\">\n<thead><tr>"
        if applicable { h += "<th class=\"col-result\">\(esc(HTMLText.result[lang]))</th>" }
        h += "<th>\(esc(HTMLText.requirement[lang]))</th><th class=\"col-law\">\(esc(HTMLText.law[lang]))</th>"
        h += "<th class=\"col-details\">\(esc((applicable ? HTMLText.details : HTMLText.naWhy)[lang]))</th></tr></thead>\n<tbody>\n"
        for x in results {
            h += "<tr class=\"\(HTMLReporter.cssClass(x.status))\" id=\"\(planID)-req-\(HTMLReporter.anchor(x.rule))\">"
            if applicable {
                h += "<td>\(badge(x.status, lang))"
                if x.status == .fail { h += "<br/><span class=\"severity-text\">\(esc(HTMLText.severityLabel(x.severity)[lang]))</span>" }
                h += "</td>"
            }
            h += "<td><span class=\"req-title\">\(esc(x.title))</span><br/><code class=\"rule-id\">\(esc(x.rule))</code>"
            if x.kind == .practice { h += " <span class=\"tag\">\(esc(HTMLText.practice[lang]))</span>" }
            h += "</td>"
            h += "<td>\(x.citation.map { esc($0) } ?? "—")</td>"
            h += "<td>\(details(x, planID: planID, numbers: numbers, lang))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    private func details(_ x: RuleResult, planID: String, numbers: [String: [Int]], _ lang: Language) -> String {
        var parts: [String] = []
        switch x.status {
        case .fail:
            let links = (numbers[x.rule] ?? []).map { "<a href=\"#\(planID)-finding-\($0)\">\(esc(HTMLText.findingsLink[lang])) \($0)</a>" }
            if !links.isEmpty { parts.append("→ " + links.joined(separator: ", ")) }
            if x.suppressed > 0 { parts.append("<span class=\"note\">\(esc(HTMLText.fill(HTMLText.acceptedCount, lang, String(x.suppressed))))</span>") }
        case .needsReview:
            if let q = x.reason { parts.append("<span class=\"label\">\(esc(HTMLText.toConfirm[lang])):</span> \(esc(q))") }
        case .notApplicable:
            if let why = x.reason { parts.append(esc(why)) }
        case .pass:
            break
        }
        if x.status != .notApplicable {
            for n in x.notes { if let s = note(n, lang) { parts.append("<span class=\"note\">\(esc(s))</span>") } }
        }
        return parts.joined(separator: "<br/>")
    }

    /// A note in the report's language; the detail is quoted as the engine gave it.
    private func note(_ n: Note, _ lang: Language) -> String? {
        let line = n.line.map(String.init) ?? "?"
        switch n.kind {
        case .foundUnderHeading:
            return HTMLText.fill(HTMLText.noteHeading, lang, n["heading"] ?? "", line)
        case .mappedByLegalMap:
            return HTMLText.fill(HTMLText.noteLegalMap, lang, n["heading"] ?? "", line)
        case .foundInText:
            return HTMLText.fill(HTMLText.noteTextOnly, lang, n["words"] ?? "", line)
        case .mentioned:
            return HTMLText.fill(HTMLText.noteMention, lang, n["words"] ?? "", line)
        case .factFromText:
            return HTMLText.fill(HTMLText.noteFromText, lang, "\(n["path"] ?? ""): \(n["value"] ?? "")", line)
        case .undecided:
            return HTMLText.fill(HTMLText.noteUndecided, lang, Engine.undecidedReason(n)[lang])
        }
    }

    // MARK: - Small pieces

    private func badge(_ s: RuleResult.Status, _ lang: Language) -> String {
        "<span class=\"badge \(HTMLReporter.cssClass(s))\">\(HTMLReporter.statusSymbol(s)) \(esc(HTMLText.statusLabel(s)[lang]))</span>"
    }

    static func cssClass(_ s: RuleResult.Status) -> String {
        switch s {
        case .pass: return "pass"
        case .fail: return "fail"
        case .notApplicable: return "na"
        case .needsReview: return "review"
        }
    }

    static func statusSymbol(_ s: RuleResult.Status) -> String {
        switch s {
        case .pass: return "✔"
        case .fail: return "✖"
        case .notApplicable: return "–"
        case .needsReview: return "?"
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
