// The HTML report on the realistic plans of Examples/: the page is parsed strictly as XML and
// its elements are asserted, in the plan's language; hostile text from a plan and a pack is
// shown as text and never becomes markup.
import Foundation
import Testing
@testable import PlanLint
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed element of the report.
final class Element {
    let name: String
    let attributes: [String: String]
    /// Elements and text nodes (named `#text`) in document order.
    var children: [Element] = []
    var ownText = ""
    weak var parent: Element?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The text of the element and everything in it.
    var text: String { name == "#text" ? ownText : children.map(\.text).joined() }
    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }

    /// Every element under this one (depth first) that matches.
    func all(_ name: String, class cls: String? = nil) -> [Element] {
        var out: [Element] = []
        for c in children {
            if c.name == name && (cls.map { c.classes.contains($0) } ?? true) { out.append(c) }
            out += c.all(name, class: cls)
        }
        return out
    }

    func first(_ name: String, class cls: String? = nil) -> Element? { all(name, class: cls).first }

    func byID(_ id: String) -> Element? {
        if attributes["id"] == id { return self }
        for c in children { if let e = c.byID(id) { return e } }
        return nil
    }
}

/// Parses the report as XML, so that any unescaped `<` or `&` from the data is an error.
final class XHTML: NSObject, XMLParserDelegate {
    let root = Element(name: "#document", attributes: [:])
    private var current: Element
    private(set) var error: String?

    private override init() {
        current = root
    }

    static func parse(_ html: String) throws -> Element {
        let doc = XHTML()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = doc
        let ok = parser.parse()
        if !ok || doc.error != nil {
            throw ParseError(message: "\(doc.error ?? parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber), column \(parser.columnNumber)")
        }
        return doc.root
    }

    struct ParseError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let e = Element(name: name, attributes: attributes)
        e.parent = current
        current.children.append(e)
        current = e
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        current = current.parent ?? root
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = current.children.last, last.name == "#text" {
            last.ownText += string
        } else {
            let t = Element(name: "#text", attributes: [:])
            t.ownText = string
            t.parent = current
            current.children.append(t)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        error = "\(parseError)"
    }
}

enum HTMLRun {
    static let asOf = PlanDate(year: 2026, month: 11, day: 22)!

    /// The one plan's report of a run.
    static func plan(_ result: RunResult) throws -> PlanReport {
        guard case .checked(let r) = try #require(result.outcomes.first) else { throw Unread() }
        return r
    }

    struct Unread: Error {}

    static func report(_ paths: [String], language: Language? = nil) throws -> (RunResult, String) {
        let outcomes = try paths.map { PlanOutcome.checked(Packs.engine.check(try Repo.plan($0), asOf: asOf, language: language)) }
        let result = RunResult(outcomes: outcomes, packs: Packs.engine.packs, asOf: asOf, language: language)
        return (result, HTMLReporter(language: language).report(result))
    }
}

@Suite("HTML report")
struct HTMLReporterTests {
    @Test("The draft's report shows the plan's facts, the profile, the packs and the chart, in Finnish")
    func draftOverview() throws {
        let (result, html) = try HTMLRun.report(["Examples/koskenkyla-luonnos-2026.md"])
        let doc = try XHTML.parse(html)
        let page = try #require(doc.first("html"))
        #expect(page.attributes["lang"] == "fi")
        let plan = try #require(doc.first("section", class: "plan"))
        #expect(plan.first("h2")?.text == "Koskenkylän kunnan lasten ja nuorten hyvinvointisuunnitelma 2027–2031")
        #expect(doc.first("title")?.text == "Vaatimustenmukaisuusraportti — Koskenkylän kunnan lasten ja nuorten hyvinvointisuunnitelma 2027–2031")

        let report = try HTMLRun.plan(result)
        let facts = try #require(plan.first("dl", class: "facts"))
        let pairs = Dictionary(uniqueKeysWithValues: zip(facts.all("dt").map(\.text), facts.all("dd").map(\.text)))
        #expect(pairs["Tiedosto"] == "Examples/koskenkyla-luonnos-2026.md")
        #expect(pairs["Tarkistuspäivä"] == "22.11.2026")
        #expect(pairs["Tila"] == "luonnos (annettu tietolohkon kentässä status)")
        #expect(pairs["Laajuus"] == "kunnan suunnitelma (annettu tietolohkon kentässä plan.scope)")
        #expect(pairs["Viitepäivä"] == "14.12.2026 (suunniteltu päätöspäivä (decision.planned_date))")
        let profile = try #require(pairs["Sovellettu lainsäädäntö"])
        #expect(profile.hasPrefix("Kunnan suunnitelma, Lsl 12 § 1–2 mom (610/2022), 1.1.2023 alkaen"))
        let why = try #require(report.profile?.reasons.fi)
        #expect(why.hasPrefix("viitepäivä 14.12.2026 (suunniteltu päätöspäivä (decision.planned_date)) on 1.1.2023 tai myöhemmin"))
        #expect(profile.hasSuffix("Miksi tämä versio: " + why))

        // The packs: id, title, version, content hash, number of rules; one row each, in the
        // appendix, not in the plan's section.
        #expect(plan.first("table", class: "packs") == nil)
        let appendix = try #require(doc.first("section", class: "appendix"))
        #expect(appendix.first("h2")?.text == "Miten tarkistettiin")
        let rows = try #require(appendix.first("table", class: "packs")?.first("tbody")).all("tr").map { $0.all("td").map(\.text) }
        #expect(rows == result.packs.map { [$0.id, $0.title.fi, $0.version, $0.contentHash, String($0.rules.count)] })
        #expect(rows.map(\.first) == ["fi-lsl", "fi-suositukset"])

        // The verdict and the chart count statutory requirements only.
        let statutory = report.results.filter { $0.kind == .statute }
        let count = { (s: RuleResult.Status) in statutory.filter { $0.status == s }.count }
        let applicable = statutory.count - count(.notApplicable) - count(.covered)
        #expect(count(.fail) > 5 && count(.needsReview) == 1)
        #expect(plan.first("div", class: "verdict")?.text.contains("Lakisääteiset vaatimukset eivät täyty: \(count(.fail)) / \(applicable) sovellettavasta vaatimuksesta ei täyty.") == true)
        let practice = report.results.filter { $0.kind == .practice && $0.status != .notApplicable }
        #expect(plan.first("p", class: "practice-summary")?.text == "Hyvä käytäntö: \(practice.filter { $0.status == .pass }.count) / \(practice.count) suositusta toteutuu. Suositukset eivät ole lain vaatimuksia.")
        let svg = try #require(plan.first("figure", class: "chart")?.first("svg"))
        #expect(svg.attributes["role"] == "img")
        let bars = svg.all("g", class: "bar").map { ($0.first("text", class: "label")?.text ?? "", $0.first("text", class: "count")?.text ?? "") }
        #expect(bars.map(\.0) == ["Täyttyy", "Ei täyty", "Tarkistettava"])
        #expect(bars.map(\.1) == [count(.pass), count(.fail), count(.needsReview)].map(String.init))
        #expect(svg.first("title")?.text == "Täyttyy \(count(.pass)), Ei täyty \(count(.fail)), Tarkistettava 1")
        // A bar's length is its share of the applicable statutory requirements.
        let widths = svg.all("g", class: "bar").map { $0.all("rect").dropFirst().first?.attributes["width"] }
        #expect(widths[0] == String(Int((Double(count(.pass)) / Double(applicable) * 150).rounded())))
    }

    @Test("Each finding has its evidence, location, remedy, citation and the statute's wording")
    func draftFindings() throws {
        let (result, html) = try HTMLRun.report(["Examples/koskenkyla-luonnos-2026.md"])
        let report = try HTMLRun.plan(result)
        let doc = try XHTML.parse(html)
        let findings = doc.all("article", class: "finding")
        #expect(findings.count == report.findings.count)
        // The most serious first.
        let severities = findings.map { f in ["error", "warning", "info"].first { f.classes.contains($0) } ?? "?" }
        let expected = [Severity.error, .warning, .info].flatMap { s in Array(repeating: s.rawValue, count: report.findings.filter { $0.severity == s }.count) }
        #expect(severities == expected)
        #expect(severities.filter { $0 == "error" }.count == 5)
        #expect(findings.map { $0.first("span", class: "number")?.text } == (1...findings.count).map { String($0) })

        let body = try #require(findings.first { $0.first("code", class: "rule-id")?.text == "LSL-12-1-DECISION-BODY" })
        #expect(body.first("span", class: "severity")?.text == "✖ Virhe")
        #expect(body.first("h4")?.text == "Luonnos viedään toimielimelle, joka voi hyväksyä sen")
        #expect(body.first("p", class: "message")?.text == "Luonnos on menossa päätettäväksi toimielimelle kunnanhallitus, mutta suunnitelman hyväksyy kunnanvaltuusto.")
        #expect(body.first("q", class: "evidence")?.text == "kunnanhallitus")
        // The finding says the line; file, column and field are in the appendix, by number.
        #expect(body.first("dl", class: "finding-facts")?.all("dd").first?.text == "rivi 14")
        let bodyNumber = try #require(body.first("span", class: "number")?.text)
        let places = try #require(doc.first("table", class: "places")?.first("tbody")).all("tr").map { $0.all("td").map(\.text) }
        #expect(places.count == findings.count)
        #expect(places.contains(["\(bodyNumber)", "LSL-12-1-DECISION-BODY", "Examples/koskenkyla-luonnos-2026.md:14:9", "decision.body"]))
        // The excerpt marks exactly the span (14:9–14:23).
        let excerpt = try #require(body.first("pre", class: "excerpt"))
        #expect(excerpt.first("span", class: "ln")?.text == "14")
        #expect(excerpt.first("mark")?.text == "kunnanhallitus")
        #expect(excerpt.text == "14  body: kunnanhallitus")
        #expect(body.first("p", class: "remedy")?.text.hasPrefix("Korjaus: Ohjaa päätösesitys hallituksen kautta valtuustolle") == true)
        let link = try #require(body.first("a", class: "cite"))
        #expect(link.text == "Lastensuojelulaki 417/2007 12 § 1 mom.")
        #expect(link.attributes["href"] == "https://finlex.fi/fi/laki/ajantasa/2007/20070417")

        // The wording is quoted once per plan; later findings on the same words point back to it.
        let quotes = doc.all("blockquote")
        #expect(Set(quotes.map(\.text)).count == quotes.count, "each wording once")
        #expect(quotes.contains { $0.text.contains("hyväksytään kunkin kunnan kunnanvaltuustossa ja tarkistetaan vähintään kerran neljässä vuodessa") })
        #expect(quotes.allSatisfy { $0.attributes["lang"] == "fi" })
        let periodNumber = try #require(findings.firstIndex { $0.first("code", class: "rule-id")?.text == "LSL-12-1-REVIEW-4Y-PERIOD" }) + 1
        let predecessor = try #require(findings.first { $0.first("code", class: "rule-id")?.text == "LSL-12-1-REVIEW-4Y-PREDECESSOR" })
        #expect(predecessor.first("blockquote") == nil)
        #expect(predecessor.first("div", class: "citation")?.first("p", class: "note")?.first("a")?.attributes["href"] == "#plan-1-finding-\(periodNumber)")

        // A rule on an interpretation says so instead of quoting.
        let resources = try #require(findings.first { $0.first("code", class: "rule-id")?.text == "GP-RESOURCES-PER-YEAR" })
        #expect(resources.first("blockquote") == nil)
        #expect(resources.first("div", class: "citation")?.text.contains("Sääntö perustuu lainkohdan tulkintaan (I: tulkinta)") == true)
        // A finding about a missing fact points at a bare key (`plan:`) or at the front
        // matter's `---`: no excerpt then.
        let budget = try #require(findings.first { $0.first("code", class: "rule-id")?.text == "LSL-12-1-BUDGET-LINK" })
        #expect(budget.first("dl", class: "finding-facts")?.all("dd").first?.text == "rivi 2")
        #expect(budget.first("pre", class: "excerpt") == nil)
        let deliver = try #require(findings.first { $0.first("code", class: "rule-id")?.text == "JARJL-6-3-DELIVER-HVA" })
        #expect(deliver.first("pre", class: "excerpt") == nil)
        #expect(resources.first("pre", class: "excerpt")?.first("mark")?.text == "5 Tavoitteet ja toimenpiteet")
    }

    @Test("Every requirement has a row: failures link to their findings, the rest say why they do not apply")
    func requirementRows() throws {
        let (result, html) = try HTMLRun.report(["Examples/koskenkyla-luonnos-2026.md"])
        let doc = try XHTML.parse(html)
        guard case .checked(let report) = result.outcomes[0] else { Issue.record("not checked"); return }
        // Statutory requirements, then recommendations; the rules that do not apply are one
        // line per reason, not a row each.
        let tables = doc.all("table", class: "requirements")
        #expect(tables.count == 2)
        #expect(tables[1].classes.contains("practice"))
        let rows = tables.flatMap { $0.first("tbody")?.all("tr") ?? [] }
        let applicable = report.results.filter { $0.status != .notApplicable }
        #expect(rows.compactMap { $0.first("code", class: "rule-id")?.text } ==
                applicable.filter { $0.kind == .statute }.map(\.rule) + applicable.filter { $0.kind == .practice }.map(\.rule))
        let notApplicable = report.results.filter { $0.status == .notApplicable }
        let lines = try #require(doc.first("ul", class: "not-applicable")).all("li")
        #expect(lines.count == Set(notApplicable.map { $0.condition ?? "" }).count)
        #expect(lines.count < notApplicable.count)
        #expect(lines.flatMap { $0.all("code") }.map(\.text).sorted() == notApplicable.map(\.rule).sorted())

        let body = try #require(doc.byID("plan-1-req-LSL-12-1-DECISION-BODY"))
        #expect(body.first("span", class: "badge")?.text == "✖ Ei täyty")
        let target = try #require(body.all("a").first?.attributes["href"])
        let linked = try #require(doc.byID(String(target.dropFirst())))
        #expect(linked.first("code", class: "rule-id")?.text == "LSL-12-1-DECISION-BODY")

        let pass = try #require(doc.byID("plan-1-req-LSL-12-2-1"))
        #expect(pass.first("span", class: "badge")?.text == "✔ Täyttyy")

        // Why a requirement does not apply, in the plan's language, as the engine decided it.
        for id in ["LSL-12-2007-2-3", "LSL-12-1-APPROVAL-COUNCIL", "LSL-12-3-APPROVAL-REGIONAL-COUNCIL"] {
            let line = try #require(lines.first { $0.all("code").contains { $0.text == id } })
            let condition = try #require(report.results.first { $0.rule == id }?.condition)
            #expect(line.text.contains(condition))
        }
        let old = try #require(lines.first { $0.all("code").contains { $0.text == "LSL-12-2007-2-3" } })
        #expect(old.text.contains("vaatimusta: suunnitelmaan sovelletaan lain versiota «Kunnan suunnitelma, Lsl 12 § 1–2 mom (610/2022), 1.1.2023 alkaen»"))
        // A met content item says where: the section and its line.
        #expect(pass.all("td").last?.text == "Osio «2 Kasvuolot ja hyvinvoinnin tila», rivi 89")
    }

    @Test("A requirement that needs review shows the question to confirm")
    func needsReview() throws {
        let (result, html) = try HTMLRun.report(["Examples/jarvela-2025.md"])
        let report = try HTMLRun.plan(result)
        let review = try #require(report.results.first { $0.status == .needsReview })
        let doc = try XHTML.parse(html)
        let row = try #require(doc.byID("plan-1-req-\(review.rule)"))
        #expect(row.first("span", class: "badge")?.text == "? Tarkistettava")
        #expect(row.all("td").last?.text.hasPrefix("Varmistettava: Varmista, että alle 18-vuotiaat lapset ja nuoret todella osallistuivat") == true)
        let applicable = report.results.filter { $0.status != .notApplicable && $0.kind == .statute }.count
        #expect(review.kind == .statute)
        #expect(doc.first("div", class: "verdict")?.text.contains("lakisääteiset vaatimukset täyttyvät; 1 / \(applicable) on vielä tarkistettava") == true)
        #expect(doc.first("div", class: "verdict")?.first("span", class: "badge")?.text == "? Tarkistettava")
    }

    @Test("An accepted deviation stays in the report with its justification, last, and does not count")
    func acceptedDeviation() throws {
        let justification = "Kunnanhallitus vahvisti sivistysjohtajan asettaman työryhmän 16.3.2026 § 41 & <b>"
        let text = try String(contentsOf: Repo.root.appendingPathComponent("Examples/koskenkyla-luonnos-2026.md"), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex { $0.hasPrefix("# ") })
        lines.insert(contentsOf: ["<!-- planlint-disable-file GP-STEERING-GROUP-APPOINTED -- \(justification) -->", ""], at: heading)
        let plan = try PlanReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "Examples/koskenkyla-luonnos-2026.md")
        let report = Packs.engine.check(plan, asOf: HTMLRun.asOf)
        let accepted = try #require(report.findings.first { $0.ruleID == "GP-STEERING-GROUP-APPOINTED" })
        #expect(!accepted.isActive)
        let result = RunResult(outcomes: [.checked(report)], packs: Packs.engine.packs, asOf: HTMLRun.asOf, language: nil)
        let doc = try XHTML.parse(HTMLReporter().report(result))

        let findings = doc.all("article", class: "finding")
        let last = try #require(findings.last)
        #expect(last.classes.contains("suppressed"))
        #expect(last.first("code", class: "rule-id")?.text == "GP-STEERING-GROUP-APPOINTED")
        #expect(last.first("span", class: "accepted")?.text == "✓ Hyväksytty poikkeama")
        #expect(last.first("p", class: "suppression")?.text == "Suunnitelman planlint-disable-ohje (rivi \(heading + 1)) hyväksyy poikkeaman: \(justification)")
        #expect(findings.dropLast().allSatisfy { !$0.classes.contains("suppressed") })

        let active = report.findings.filter(\.isActive)
        let warnings = active.filter { $0.severity == .warning }.count
        let sub = try #require(doc.first("div", class: "verdict")?.first("span", class: "sub")?.text)
        #expect(sub.contains("\(warnings) varoitusta"))
        #expect(sub.hasSuffix("Lisäksi 1 hyväksytty poikkeama (planlint-disable-ohje, poikkeuspäätös tai perustaso)."))
        let row = try #require(doc.byID("plan-1-req-GP-STEERING-GROUP-APPOINTED"))
        #expect(row.first("span", class: "badge")?.text == "○ Kehitettävää", "the recommendation is still not followed; the deviation is accepted")
        #expect(row.all("td").last?.text == "→ havainto \(findings.count)1 hyväksytty poikkeamana")
    }

    @Test("A Swedish plan gets a Swedish report; --lang en gives English words and both wordings of the statute")
    func languages() throws {
        let (result, sv) = try HTMLRun.report(["Examples/vasterby-2024.md"])
        let applicable = try HTMLRun.plan(result).results.filter { $0.status != .notApplicable && $0.kind == .statute }.count
        let doc = try XHTML.parse(sv)
        #expect(doc.first("html")?.attributes["lang"] == "sv")
        #expect(doc.first("div", class: "verdict")?.text == "? Ska granskasDe lagstadgade krav som kan granskas maskinellt är uppfyllda; 1 av \(applicable) ska ännu granskas.")
        #expect(doc.first("p", class: "none")?.text == "Inga anmärkningar: inga brister hittades i planen.")
        let pass = try #require(doc.byID("plan-1-req-LSL-12-2-1"))
        #expect(pass.all("td").last?.text == "Avsnitt «4 Barns och ungas uppväxtmiljö och välfärd», rad 183")

        let (_, en) = try HTMLRun.report(["Examples/koskenkyla-luonnos-2026.md"], language: .en)
        let english = try XHTML.parse(en)
        #expect(english.first("html")?.attributes["lang"] == "en")
        #expect(english.first("h1")?.text == "Child and youth welfare plan: compliance with the law")
        let wordings = english.all("figure", class: "wording")
        #expect(wordings.contains { $0.first("blockquote")?.attributes["lang"] == "sv" && $0.first("figcaption")?.text == "Wording of the statute (in Swedish)" })
        #expect(wordings.contains { $0.first("blockquote")?.attributes["lang"] == "fi" && $0.first("figcaption")?.text == "Wording of the statute (in Finnish)" })
    }

    @Test("All example plans in one report: a table of contents and one section per plan in its own language")
    func severalPlans() throws {
        let paths = ["Examples/alavesi-2023-prose.md", "Examples/jarvela-2025.md", "Examples/koskenkyla-luonnos-2026.md",
                     "Examples/ranta-2026.yaml", "Examples/vasterby-2024.md"]
        let (_, html) = try HTMLRun.report(paths)
        let doc = try XHTML.parse(html)
        let links = try #require(doc.first("nav", class: "contents")).all("a")
        #expect(links.map { $0.attributes["href"] } == (1...5).map { "#plan-\($0)" })
        let sections = doc.all("section", class: "plan")
        #expect(sections.map { $0.attributes["lang"] } == ["fi", "fi", "fi", "fi", "sv"])
        // The prose plan's title comes from its first heading.
        #expect(sections[0].first("h2")?.text == "Alavesen kunnan lasten ja nuorten hyvinvointisuunnitelma 2023–2026")
        #expect(sections[3].first("dl", class: "facts")?.all("dd").first?.text == "Examples/ranta-2026.yaml")
    }

    @Test("The page is self-contained: no script, no external resource, print styles inline")
    func selfContained() throws {
        let (_, html) = try HTMLRun.report(["Examples/koskenkyla-luonnos-2026.md"])
        let doc = try XHTML.parse(html)
        #expect(doc.all("script").isEmpty)
        #expect(doc.all("link").isEmpty)
        #expect(doc.all("img").isEmpty)
        let csp = doc.all("meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" }
        #expect(csp?.attributes["content"] == "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        let css = try #require(doc.first("style")?.text)
        #expect(css.contains("@media print"))
        #expect(css.contains("@page { size: A4"))
        #expect(css.contains("counter(page)"), "page numbers in print")
        #expect(!css.contains("break-before: page") && !css.contains("break-after: page"), "no forced page breaks")
        #expect(!css.contains("url("), "no external resource from CSS")
        // Every link is either internal or to the statute.
        for a in doc.all("a") {
            let href = a.attributes["href"] ?? ""
            #expect(href.hasPrefix("#") || href.hasPrefix("https://finlex.fi/"), "\(href)")
        }
    }

    @Test("Hostile text from a plan and a pack stays text")
    func hostileText() throws {
        let original = try String(contentsOf: Repo.root.appendingPathComponent("Examples/koskenkyla-luonnos-2026.md"), encoding: .utf8)
        let title = #"<script>alert('title')</script> & "Koskenkylä" </h2><h1>"#
        let body = #"<img src=x onerror=alert(1)> & "kunnanhallitus" {1}"#
        var text = original.replacingOccurrences(of: #"title: "Koskenkylän kunnan lasten ja nuorten hyvinvointisuunnitelma 2027–2031""#,
                                                 with: "title: '\(title.replacingOccurrences(of: "'", with: "''"))'")
        text = text.replacingOccurrences(of: "  body: kunnanhallitus", with: "  body: '\(body)'")
        #expect(text != original)
        let file = #"plans/<b>"x"&'y'.md"#
        let plan = try PlanReader.read(data: Data(text.utf8), file: file)
        var report = Packs.engine.check(plan, asOf: HTMLRun.asOf)
        // A pack from anyone: a hostile title and version, and a link that is not a web link.
        var pack = try #require(Packs.engine.packs.first)
        pack.title = Localized(fi: "<style>body{display:none}</style>&amp;", sv: "x", en: "x")
        pack.version = #"1.0"><script>alert(2)</script>"#
        let i = try #require(report.findings.firstIndex { $0.ruleID == "LSL-12-1-DECISION-BODY" })
        report.findings[i].citation?.url = "javascript:alert(3)"
        let result = RunResult(outcomes: [.checked(report)], packs: [pack], asOf: HTMLRun.asOf, language: nil)
        let html = HTMLReporter().report(result)

        let doc = try XHTML.parse(html)
        #expect(doc.all("script").isEmpty)
        #expect(doc.all("img").isEmpty)
        #expect(doc.all("style").count == 1)
        #expect(doc.all("h1").count == 1)
        #expect(!html.contains("<script"))
        #expect(!html.contains("href=\"javascript:"))
        // Round trip: the reader sees exactly what the plan and the pack say.
        #expect(doc.first("section", class: "plan")?.first("h2")?.text == title)
        #expect(doc.first("dl", class: "facts")?.all("dd").first?.text == file)
        let finding = try #require(doc.all("article", class: "finding").first { $0.first("code", class: "rule-id")?.text == "LSL-12-1-DECISION-BODY" })
        #expect(finding.first("q", class: "evidence")?.text == body)
        #expect(finding.first("p", class: "message")?.text.contains(body) == true)
        #expect(finding.first("pre", class: "excerpt")?.first("mark")?.text == "'\(body)'")
        #expect(finding.first("a", class: "cite") == nil, "a non-web link is shown as text")
        let packCells = try #require(doc.first("table", class: "packs")?.first("tbody")?.first("tr")).all("td").map(\.text)
        #expect(packCells[1] == "<style>body{display:none}</style>&amp;")
        #expect(packCells[2] == pack.version)
        #expect(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &quot;Koskenkylä&quot;"))
    }

    @Test("Escaping covers the five characters and control characters")
    func escaping() {
        #expect(HTMLReporter.escape(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLReporter.escape("a\u{0}b\u{1B}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
        #expect(HTMLReporter.escape("Välfärd – 12 §") == "Välfärd – 12 §")
    }
}
