// Word and OpenDocument plans read into the plan model: headings by style name, hand-typed
// headings, automatic numbers, tables with merged cells, tracked changes and comments,
// headers, footnotes, text boxes, and the logical locations findings carry.
import Foundation
import Testing
@testable import PlanLint

@Suite("Word and OpenDocument reading")
struct WordReaderTests {
    @Test("Headings by style name, whatever the id: Otsikko1, Rubrik2, a custom style based on a heading, outlineLvl")
    func headingStyles() throws {
        let body = WordFixture.p("Kunnan suunnitelma", style: "Otsikko1")
            + WordFixture.p("Johdanto", style: "Rubrik2")
            + WordFixture.p("Teksti johdannosta.")
            + WordFixture.p("Arvot", style: "OmaOtsikko")
            + "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>Tavoitteet</w:t></w:r></w:p>"
            + WordFixture.p("Tämä on tavallinen kappale, vaikka sen tyyli on lihavoitu.", style: "Huomio")
        let plan = try WordFixture.read(try WordFixture.docx(body: body))
        #expect(WordFixture.titles(plan) == ["1 Kunnan suunnitelma", "2 Johdanto", "2 Arvot", "2 Tavoitteet"])
        #expect(plan.format == .word)
        #expect(plan.allSections[1].blocks.count == 1)
    }

    @Test("A table of contents (paragraphs styled toc N) is not read as text")
    func tableOfContents() throws {
        let styles = WordFixture.defaultStyles + "<w:style w:type=\"paragraph\" w:styleId=\"Sisluet1\"><w:name w:val=\"toc 1\"/></w:style>"
        let body = "<w:sdt><w:sdtContent>" + WordFixture.p("1 Johdanto 3", style: "Sisluet1") + WordFixture.p("2 Arvot 5", style: "Sisluet1") + "</w:sdtContent></w:sdt>"
            + WordFixture.p("Johdanto", style: "Otsikko1") + WordFixture.p("Teksti.")
        let plan = try WordFixture.read(try WordFixture.docx(body: body, styles: styles))
        #expect(plan.lines == ["Johdanto", "Teksti."])
    }

    @Test("A short, numbered, bold paragraph is a heading; the rule's other conditions each keep a paragraph a paragraph")
    func handTypedHeadings() throws {
        let body = WordFixture.p("3 Palvelut", bold: true)
            + WordFixture.p("3.2 Varhainen tuki", bold: true)
            + WordFixture.p("3.2 Varhainen tuki ilman lihavointia")
            + WordFixture.p("12.6.2023 Kunnanvaltuusto hyväksyi", bold: true)
            + WordFixture.p("3.3 lapset ja nuoret", bold: true)
            + WordFixture.p("3.4 Tuki on tärkeää.", bold: true)
            + WordFixture.p("3.5 Hyvin pitkä lihavoitu kappale joka alkaa numerolla mutta jatkuu ja jatkuu yli kahdeksankymmenen merkin", bold: true)
        let plan = try WordFixture.read(try WordFixture.docx(body: body))
        #expect(WordFixture.titles(plan) == ["1 3 Palvelut", "2 3.2 Varhainen tuki"])
        #expect(HandTypedHeading.level(ofText: "3.2.1. Kouluterveydenhuolto") == 3)
        #expect(HandTypedHeading.level(ofText: "2023 Tilanne") == nil, "three digits is a year, not a chapter")
        #expect(HandTypedHeading.level(ofText: "Johdanto") == nil)
    }

    @Test("Automatic heading numbers from numbering.xml are reconstructed as the reader sees them")
    func autoNumbering() throws {
        let numbering = """
        <?xml version="1.0"?><w:numbering \(WordFixture.ns)><w:abstractNum w:abstractNumId="5">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
        </w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num></w:numbering>
        """
        func h(_ text: String, _ level: Int) -> String {
            "<w:p><w:pPr><w:pStyle w:val=\"Otsikko\(level)\"/><w:numPr><w:ilvl w:val=\"\(level - 1)\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let body = h("Johdanto", 1) + h("Arvot", 1) + h("Perheet", 2) + h("Varhainen tuki", 2) + h("Palvelut", 1) + h("Koulu", 2)
        let plan = try WordFixture.read(try WordFixture.docx(body: body, parts: ["word/numbering.xml": numbering]))
        #expect(WordFixture.titles(plan) == ["1 1 Johdanto", "1 2 Arvot", "2 2.1 Perheet", "2 2.2 Varhainen tuki", "1 3 Palvelut", "2 3.1 Koulu"])
    }

    @Test("Tracked changes: deleted text is not read, inserted text is; comments are not text; both are counted")
    func trackedChanges() throws {
        let body = """
        <w:p><w:r><w:t xml:space="preserve">Valtuusto hyväksyi suunnitelman </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>vuonna 2019 </w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>12.6.2023 § 34.</w:t></w:r></w:ins><w:r><w:commentReference w:id="0"/></w:r><w:r><w:commentReference w:id="1"/></w:r></w:p>
        """
        let comments = """
        <?xml version="1.0"?><w:comments \(WordFixture.ns)><w:comment w:id="0"><w:p w14:paraId="0000000A"><w:r><w:t>Onko pykälä oikein?</w:t></w:r></w:p></w:comment><w:comment w:id="1"><w:p w14:paraId="0000000B"><w:r><w:t>Selvä.</w:t></w:r></w:p></w:comment></w:comments>
        """
        let extended = "<?xml version=\"1.0\"?><w15:commentsEx \(WordFixture.ns)><w15:commentEx w15:paraId=\"0000000B\" w15:done=\"1\"/></w15:commentsEx>"
        let plan = try WordFixture.read(try WordFixture.docx(body: body, parts: ["word/comments.xml": comments, "word/commentsExtended.xml": extended]))
        #expect(WordFixture.texts(plan) == ["Valtuusto hyväksyi suunnitelman 12.6.2023 § 34."])
        let review = try #require(plan.review)
        #expect(review.count(.insertion) == 1)
        #expect(review.count(.deletion) == 1)
        #expect(review.count(.comment) == 1, "the resolved comment is not open")
    }

    @Test("Tables on their grid: gridSpan repeats across columns, vMerge down rows; nested paragraphs join")
    func mergedCells() throws {
        let body = """
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Toimenpide</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Vastuu</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Aikataulu</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>Koulunuorisotyö</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Sivistyslautakunta</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2026</w:t></w:r></w:p><w:p><w:r><w:t>kevät</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>Kerhot</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>2027</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Yhteensä</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2026–2027</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        """
        let plan = try WordFixture.read(try WordFixture.docx(body: body))
        guard case .table(let table)? = plan.body.blocks.first else { Issue.record("no table"); return }
        #expect(table.header.map(\.text) == ["Toimenpide", "Vastuu", "Aikataulu"])
        #expect(table.rows.map { $0.map(\.text) } == [
            ["Koulunuorisotyö", "Sivistyslautakunta", "2026 kevät"],
            ["Kerhot", "Sivistyslautakunta", "2027"],
            ["Yhteensä", "Yhteensä", "2026–2027"],
        ])
        // The cell's position points into its row's virtual line, which quotes the document.
        let cell = table.rows[1][2]
        #expect(plan.line(cell.range.start.line) == "Kerhot | Sivistyslautakunta | 2027")
        let location = try #require(plan.locations.location(line: cell.range.start.line, column: cell.range.start.column))
        #expect(location.rendered(.fi) == "asiakirjan alku, taulukko 1, rivi 3, sarake 3")
    }

    @Test("Headers come first, footnotes after their paragraph, text boxes after theirs")
    func partsOfTheDocument() throws {
        let header = "<?xml version=\"1.0\"?><w:hdr \(WordFixture.ns)>\(WordFixture.p("Alavesen kunta – luonnos"))</w:hdr>"
        let footnotes = "<?xml version=\"1.0\"?><w:footnotes \(WordFixture.ns)><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p/></w:footnote><w:footnote w:id=\"1\">\(WordFixture.p("Kouluterveyskysely 2023."))</w:footnote></w:footnotes>"
        let body = WordFixture.p("Johdanto", style: "Otsikko1")
            + "<w:p><w:r><w:t>Yksinäisyys on lisääntynyt.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
            + "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>\(WordFixture.p("Tekstiruudun sisältö"))</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>\(WordFixture.p("Tekstiruudun sisältö"))</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Kuvateksti</w:t></w:r></w:p>"
        let plan = try WordFixture.read(try WordFixture.docx(body: body, parts: ["word/header1.xml": header, "word/footnotes.xml": footnotes]))
        #expect(plan.lines == ["Johdanto", "Yksinäisyys on lisääntynyt.", "Kouluterveyskysely 2023.", "Kuvateksti", "Tekstiruudun sisältö", "Alavesen kunta – luonnos"])
        #expect(WordFixture.texts(plan).first == "Alavesen kunta – luonnos", "the header is read first, before the first heading")
        #expect(plan.locations.location(line: 6, column: 1)?.rendered(.fi) == "ylätunniste")
        #expect(plan.locations.location(line: 3, column: 1)?.rendered(.en) == "start of the document, paragraph 1, footnote")
        #expect(plan.locations.location(line: 5, column: 1)?.rendered(.sv) == "dokumentets början, 2 stycket, textruta")
        #expect(plan.locations.location(line: 1, column: 1)?.rendered(.fi) == "asiakirjan otsikko")
    }

    @Test("Logical locations name the chapter by its number and count paragraphs under it")
    func locations() throws {
        let plan = try Repo.plan("WordExamples/alavesi-2023-prose.docx")
        let line = try #require(plan.lines.firstIndex { $0.hasPrefix("Vuoden 2021 Kouluterveyskysely") }) + 1
        let location = try #require(plan.locations.location(line: line, column: 1))
        #expect(location.rendered(.fi) == "luku 3.2, 1. kappale")
        #expect(location.rendered(.sv) == "kapitel 3.2, 1 stycket")
        #expect(location.rendered(.en) == "chapter 3.2, paragraph 1")
        #expect(location.headings == ["Alavesen kunnan lasten ja nuorten hyvinvointisuunnitelma 2023–2026", "3", "3.2"])
    }

    @Test("A Word twin has the sections of its Markdown twin", arguments: [
        ("Examples/alavesi-2023-prose.md", "WordExamples/alavesi-2023-prose.docx"),
        ("Examples/alavesi-2023-prose.md", "WordExamples/alavesi-2023-prose.odt"),
        ("Rules/fi-suositukset/examples/kommun-2025-god.md", "WordExamples/kommun-2025-god.docx"),
        ("Rules/fi-suositukset/examples/kommun-2025-god.md", "WordExamples/kommun-2025-god.odt"),
        ("Rules/fi-suositukset/examples/municipal-2024-prose-gaps.md", "WordExamples/municipal-2024-prose-gaps.docx"),
    ])
    func twinSections(_ markdown: String, _ word: String) throws {
        let md = try Repo.plan(markdown)
        let doc = try Repo.plan(word)
        let strip = { (s: String) in s.replacingOccurrences(of: "*", with: "") }
        #expect(WordFixture.titles(doc) == WordFixture.titles(md).map(strip))
        #expect(doc.allSections.map { $0.blocks.count } == md.allSections.map { $0.blocks.count })
    }

    @Test("Each Word twin gives the findings of its Markdown twin: rules, severities, sections", arguments: [
        ("Examples/alavesi-2023-prose.md", "WordExamples/alavesi-2023-prose.docx"),
        ("Examples/alavesi-2023-prose.md", "WordExamples/alavesi-2023-prose.odt"),
        ("Rules/fi-suositukset/examples/kommun-2025-god.md", "WordExamples/kommun-2025-god.docx"),
        ("Rules/fi-suositukset/examples/kommun-2025-god.md", "WordExamples/kommun-2025-god.odt"),
        ("Rules/fi-suositukset/examples/municipal-2024-prose-gaps.md", "WordExamples/municipal-2024-prose-gaps.docx"),
        ("Rules/fi-suositukset/examples/municipal-2023-prose-good.md", "Rules/fi-suositukset/examples/municipal-2023-prose-good.docx"),
        ("Rules/fi-suositukset/examples/municipal-2023-prose-good.md", "Rules/fi-suositukset/examples/municipal-2023-prose-review.docx"),
    ])
    func twinFindings(_ markdown: String, _ word: String) throws {
        let md = try Repo.check(markdown)
        let doc = try Repo.check(word)
        let key = { (f: Finding) in "\(f.ruleID) \(f.severity) \(f.section ?? "-")" }
        let reviewRule = "GP-DOCUMENT-OPEN-REVIEW"
        #expect(doc.findings.filter { $0.ruleID != reviewRule }.map(key).sorted() == md.findings.map(key).sorted())
        #expect(doc.profile?.value.id == md.profile?.value.id)
        #expect(doc.referenceDate.value == md.referenceDate.value)
        for f in doc.findings where f.start.line > 1 {
            #expect(f.location != nil, "\(f.ruleID) has no logical location")
        }
    }
}

@Suite("Open review in a Word plan")
struct OpenReviewTests {
    @Test("Unaccepted changes and open comments are one warning that counts them and says where")
    func openReview() throws {
        let report = try Repo.check("Rules/fi-suositukset/examples/municipal-2023-prose-review.docx")
        let findings = report.findings.filter { $0.ruleID == "GP-DOCUMENT-OPEN-REVIEW" }
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.severity == .warning)
        #expect(f.message.hasPrefix("Asiakirjassa on 2 hyväksymätöntä tai hylkäämätöntä muutosta ja 1 avointa kommenttia: luku 1.1, 1. kappale (poisto, lisäys, kommentti)."))
        #expect(f.location?.rendered(.fi) == "luku 1.1, 1. kappale")
        let en = try Repo.check("Rules/fi-suositukset/examples/municipal-2023-prose-review.docx", language: .en)
        #expect(en.findings.contains { $0.message.hasPrefix("The document has 2 tracked changes not accepted or rejected and 1 open comments: chapter 1.1, paragraph 1 (deletion, insertion, comment).") })
        for clean in ["Rules/fi-suositukset/examples/municipal-2023-prose-good.docx", "Rules/fi-suositukset/examples/municipal-2023-prose-good.md"] {
            let r = try Repo.check(clean)
            #expect(r.findings.allSatisfy { $0.ruleID != "GP-DOCUMENT-OPEN-REVIEW" })
            #expect(r.results.first { $0.rule == "GP-DOCUMENT-OPEN-REVIEW" }?.status == .pass)
        }
    }
}

@Suite("Word positions in every output")
struct WordOutputTests {
    static func run(_ language: Language?) throws -> RunResult {
        let report = try Repo.check("WordExamples/municipal-2024-prose-gaps.docx", language: language)
        return RunResult(outcomes: [.checked(report)], packs: Packs.engine.packs, asOf: report.asOf, language: language)
    }

    @Test("JSON findings carry the logical location; SARIF names it in logicalLocations")
    func machineFormats() throws {
        let result = try Self.run(nil)
        let json = JSONReporter(options: ReportOptions()).report(result)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let plans = try #require(doc["plans"] as? [[String: Any]])
        let findings = try #require(plans.first?["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        let located = findings.compactMap { $0["location"] as? [String: Any] }
        #expect(located.count == findings.count)
        #expect(located.contains { ($0["headings"] as? [String]) == ["Vaaraniemen kaupungin lasten ja nuorten hyvinvointisuunnitelma 2024–2027", "6"] && ($0["heading"] as? Bool) == true })

        let sarif = SARIFReporter(options: ReportOptions(language: .fi)).report(result)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let logical = results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]])?.first }
        #expect(logical.count == results.count)
        #expect(logical.contains { $0["name"] as? String == "luku 6, otsikko" && $0["fullyQualifiedName"] as? String == "chapter 6, heading" && $0["kind"] as? String == "heading" })
    }

    @Test("Text and HTML show the heading and paragraph instead of virtual line numbers, in the plan's language")
    func peopleFormats() throws {
        let result = try Self.run(nil)
        let text = TextReporter(options: ReportOptions()).report(result)
        #expect(text.contains("--> WordExamples/municipal-2024-prose-gaps.docx: luku 6, otsikko"))
        #expect(text.contains("--> WordExamples/municipal-2024-prose-gaps.docx: asiakirjan otsikko"))
        #expect(!text.contains("municipal-2024-prose-gaps.docx:1:1"))
        let html = HTMLReporter(options: ReportOptions(language: .fi)).report(result)
        #expect(html.contains("<span class=\"logical-location\">luku 6, otsikko</span>"))
        #expect(html.contains("<pre class=\"excerpt\"><span class=\"ln\">¶</span>"))
        let sv = TextReporter(options: ReportOptions(language: .sv)).report(try Self.run(.sv))
        #expect(sv.contains(": kapitel 6, rubriken"))
    }
}
