// Tests of the Markdown reader (MarkdownParser): front matter, true file positions with
// LF, CRLF, CR and a BOM, the section tree, code, comments, lists, quotes, tables, and
// robustness on hostile input.

import Foundation
import Testing
@testable import PlanLint

// MARK: - Helpers

/// Parses or fails the test.
private func parse(_ text: String, file: String = "suunnitelma.md") throws -> MarkdownDocument {
    try MarkdownParser.parse(text, file: file)
}

/// The position of the `occurrence`-th `marker` in `text`, computed independently of the
/// parser: lines end at \n, \r\n or \r; columns count scalars; a leading BOM is skipped
/// for columns and counted for offsets.
private func position(of marker: String, in text: String, occurrence: Int = 1) -> SourcePosition {
    let bytes = Array(text.utf8)
    let needle = Array(marker.utf8)
    var found = -1
    var seen = 0
    var i = 0
    while i + needle.count <= bytes.count {
        if Array(bytes[i..<(i + needle.count)]) == needle {
            seen += 1
            if seen == occurrence {
                found = i
                break
            }
        }
        i += 1
    }
    precondition(found >= 0, "marker \(marker) not found")
    return position(ofByte: found, in: bytes)
}

private func position(ofByte target: Int, in bytes: [UInt8]) -> SourcePosition {
    var line = 1
    var column = 1
    var k = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { k = 3 }
    while k < target {
        let b = bytes[k]
        if b == 0x0A {
            line += 1
            column = 1
        } else if b == 0x0D {
            if k + 1 < bytes.count, bytes[k + 1] == 0x0A {
                // The \n that follows ends the line.
            } else {
                line += 1
                column = 1
            }
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
        k += 1
    }
    return SourcePosition(line: line, column: column, offset: target)
}

private func section(_ title: String, in doc: MarkdownDocument) -> Section? {
    doc.body.descendants.first { $0.title == title }
}

private func paragraphs(_ blocks: [Block]) -> [TextBlock] {
    blocks.compactMap { if case .paragraph(let t) = $0 { return t } else { return nil } }
}

private func listItems(_ blocks: [Block]) -> [TextBlock] {
    blocks.compactMap { if case .listItem(let t) = $0 { return t } else { return nil } }
}

private func tables(_ blocks: [Block]) -> [Table] {
    blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
}

/// The position of `needle` inside a text block, by the block's own segment mapping.
private func position(of needle: String, inBlock block: TextBlock) -> SourcePosition? {
    let scalars = Array(block.text.unicodeScalars)
    let target = Array(needle.unicodeScalars)
    guard target.count <= scalars.count else { return nil }
    for i in 0...(scalars.count - target.count) where Array(scalars[i..<(i + target.count)]) == target {
        return block.position(atScalarOffset: i)
    }
    return nil
}

// MARK: - Fixture

private let plan = """
---
plan: Lasten ja nuorten hyvinvointisuunnitelma
kunta: Esimerkkilä
voimassa: 2023–2026
---
# Lasten ja nuorten hyvinvointisuunnitelma 2023–2026

Suunnitelma hyväksyttiin kunnanvaltuustossa 14.6.2023 § 45.
Se on voimassa valtuustokauden.

## 1 Johdanto

Suunnitelma laaditaan lastensuojelulain 12 §:n mukaisesti. <!-- planlint-disable approval-date -->

## 2 Lasten ja nuorten kasvuolot ja hyvinvoinnin tila

### 2.1 Väestö

Kunnassa asui vuonna 2022 yhteensä 12 345 asukasta; alle 18-vuotiaita oli 2 468.

### 2.2 Hyvinvoinnin tila

- Koulukiusaaminen on vähentynyt.
- Harrastamattomien osuus on kasvanut.

## 3 Toimenpiteet

| Toimenpide | Vastuutaho | Aikataulu | Resurssit |
|---|:--|:-:|--:|
| Perhekeskuksen kehittäminen | Sivistystoimi | 2024 | 15 000 € |
| Koulukuraattorien lisääminen | Perusturva | 2024–2025 | 120 000 € |

"""

// MARK: - Front matter and positions

@Test func frontMatterTextBaseAndRange() throws {
    let doc = try parse(plan)
    let fm = try #require(doc.frontMatter)
    #expect(fm.text == "plan: Lasten ja nuorten hyvinvointisuunnitelma\nkunta: Esimerkkilä\nvoimassa: 2023–2026\n")
    #expect(fm.base == SourcePosition(line: 2, column: 1, offset: 4))
    #expect(fm.range.start == SourcePosition(line: 1, column: 1, offset: 0))
    let closing = position(of: "---\n# Lasten", in: plan)
    #expect(fm.range.end == SourcePosition(line: 5, column: 4, offset: closing.offset + 3))
    #expect(doc.body.level == 0)
    #expect(doc.body.title == "")
    #expect(doc.body.lines == 6...31)
    #expect(doc.body.titleRange == SourceRange(at: SourcePosition(line: 6, column: 1, offset: closing.offset + 4)))
    #expect(doc.lines.count == 31)
    #expect(doc.lines[0] == "---")
    #expect(doc.lines[5] == "# Lasten ja nuorten hyvinvointisuunnitelma 2023–2026")
}

@Test func bodyPositionsAreFilePositions() throws {
    let doc = try parse(plan)
    let top = try #require(section("Lasten ja nuorten hyvinvointisuunnitelma 2023–2026", in: doc))
    #expect(top.titleRange.start == SourcePosition(line: 6, column: 3, offset: position(of: "Lasten ja nuorten hyvinvointisuunnitelma 2023", in: plan).offset))
    #expect(top.titleRange.start == position(of: "Lasten ja nuorten hyvinvointisuunnitelma 2023", in: plan))
    let para = try #require(paragraphs(top.blocks).first)
    #expect(para.text == "Suunnitelma hyväksyttiin kunnanvaltuustossa 14.6.2023 § 45.\nSe on voimassa valtuustokauden.")
    #expect(para.segments.count == 2)
    #expect(para.segments[0].position == position(of: "Suunnitelma hyväksyttiin", in: plan))
    #expect(para.segments[1].textOffset == 60)
    #expect(para.segments[1].position == position(of: "Se on voimassa", in: plan))
    // "§" is two bytes, "ä" two bytes: the scalar column and the byte offset differ.
    let section45 = try #require(position(of: "§ 45", inBlock: para))
    #expect(section45 == position(of: "§ 45", in: plan))
    #expect(section45.line == 8)
    #expect(section45.column == 55)
    #expect(para.range.end == position(of: "\n\n## 1 Johdanto", in: plan))
}

@Test func crlfAndBOMKeepTrueByteOffsets() throws {
    let crlf = plan.replacingOccurrences(of: "\n", with: "\r\n")
    let bom = "\u{FEFF}" + crlf
    let lfDoc = try parse(plan)
    let crlfDoc = try parse(crlf)
    let bomDoc = try parse(bom)
    #expect(Array(bom.utf8).prefix(3) == [0xEF, 0xBB, 0xBF])

    // Front matter text is normalised to \n; positions are those of the file.
    #expect(crlfDoc.frontMatter?.text == lfDoc.frontMatter?.text)
    #expect(bomDoc.frontMatter?.text == lfDoc.frontMatter?.text)
    #expect(crlfDoc.frontMatter?.base == SourcePosition(line: 2, column: 1, offset: 5))
    #expect(bomDoc.frontMatter?.base == SourcePosition(line: 2, column: 1, offset: 8))
    #expect(bomDoc.frontMatter?.range.start == SourcePosition(line: 1, column: 1, offset: 3))
    #expect(crlfDoc.lines == lfDoc.lines)
    #expect(bomDoc.lines == lfDoc.lines)

    // The euro cell: same line and column in all three; offsets shift by one byte per
    // earlier \r and by three for the BOM.
    func euroCell(_ doc: MarkdownDocument) throws -> TableCell {
        let s = try #require(section("3 Toimenpiteet", in: doc))
        let t = try #require(tables(s.blocks).first)
        return t.rows[1][3]
    }
    let lfCell = try euroCell(lfDoc)
    let crlfCell = try euroCell(crlfDoc)
    let bomCell = try euroCell(bomDoc)
    #expect(lfCell.text == "120 000 €")
    #expect(lfCell.range.start == SourcePosition(line: 31, column: 59, offset: position(of: "120 000 €", in: plan).offset))
    #expect(crlfCell.range.start.line == 31)
    #expect(crlfCell.range.start.column == 59)
    #expect(crlfCell.range.start.offset == lfCell.range.start.offset + 30)
    #expect(crlfCell.range.start == position(of: "120 000 €", in: crlf))
    #expect(bomCell.range.start.offset == lfCell.range.start.offset + 30 + 3)
    #expect(bomCell.range.start == position(of: "120 000 €", in: bom))
    // "€" is one scalar, three bytes.
    #expect(lfCell.range.end.column == 68)
    #expect(lfCell.range.end.offset == lfCell.range.start.offset + 11)

    // Comment and heading positions, too.
    #expect(crlfDoc.comments.first?.range.start == position(of: "<!-- planlint", in: crlf))
    #expect(bomDoc.comments.first?.range.start == position(of: "<!-- planlint", in: bom))
    let heading = try #require(section("2.1 Väestö", in: bomDoc))
    #expect(heading.titleRange.start == position(of: "2.1 Väestö", in: bom))
    #expect(heading.titleRange.end == position(of: "\r\n\r\nKunnassa", in: bom))
}

@Test func bomWithoutFrontMatterStartsAtColumnOne() throws {
    let text = "\u{FEFF}# Otsikko\nTeksti."
    let doc = try parse(text)
    let h = try #require(doc.body.children.first)
    #expect(h.titleRange.start == SourcePosition(line: 1, column: 3, offset: 5))
    #expect(doc.body.titleRange.start == SourcePosition(line: 1, column: 1, offset: 3))
    #expect(doc.lines == ["# Otsikko", "Teksti."])
}

@Test func loneCarriageReturnsEndLines() throws {
    let text = "# Otsikko\r\rEnsimmäinen rivi\rtoinen rivi\r"
    let doc = try parse(text)
    #expect(doc.lines == ["# Otsikko", "", "Ensimmäinen rivi", "toinen rivi"])
    let h = try #require(doc.body.children.first)
    let p = try #require(paragraphs(h.blocks).first)
    #expect(p.text == "Ensimmäinen rivi\ntoinen rivi")
    #expect(p.segments[1].position == SourcePosition(line: 4, column: 1, offset: 29))
    #expect(p.segments[1].position == position(of: "toinen", in: text))
}

@Test func unterminatedFrontMatterThrows() {
    let text = "---\nplan: Hyvinvointisuunnitelma\n\n# Otsikko\n"
    #expect(throws: InputError.self) { try parse(text, file: "a.md") }
    do {
        _ = try MarkdownParser.parse(text, file: "a.md")
        Issue.record("expected an error")
    } catch {
        #expect(error.kind == .invalidPlan)
        #expect(error.file == "a.md")
        #expect(error.position == SourcePosition(line: 1, column: 1, offset: 0))
        #expect(error.message == "front matter opened on line 1 is never closed (expected a line with ---)")
    }
}

@Test func emptyFrontMatterAndDotsAndTrailingSpaces() throws {
    let empty = try parse("---\n---\nTeksti.\n")
    #expect(empty.frontMatter?.text == "")
    #expect(empty.frontMatter?.base == SourcePosition(line: 2, column: 1, offset: 4))
    #expect(empty.body.lines == 3...3)
    #expect(paragraphs(empty.body.blocks).first?.text == "Teksti.")

    let dots = try parse("---  \nplan: x\n...\n# A\n")
    #expect(dots.frontMatter?.text == "plan: x\n")
    #expect(dots.frontMatter?.range.end == SourcePosition(line: 3, column: 4, offset: 17))
    #expect(dots.body.children.first?.title == "A")

    // `---` later in the file is not front matter.
    let none = try parse("Teksti\n\n---\nLisää\n")
    #expect(none.frontMatter == nil)
    #expect(paragraphs(none.body.blocks).map(\.text) == ["Teksti", "Lisää"])
}

@Test func onlyFrontMatterAndEmptyFiles() throws {
    let only = try parse("---\nplan: x\n---")
    #expect(only.frontMatter?.text == "plan: x\n")
    #expect(only.body.lines == 4...4)
    #expect(only.body.blocks.isEmpty)
    #expect(only.body.titleRange.start == SourcePosition(line: 4, column: 1, offset: 15))

    let onlyNewline = try parse("---\nplan: x\n---\n")
    #expect(onlyNewline.body.lines == 4...4)

    let empty = try parse("")
    #expect(empty.frontMatter == nil)
    #expect(empty.lines.isEmpty)
    #expect(empty.body.lines == 1...1)
    #expect(empty.body.titleRange == SourceRange(at: .start))

    let blank = try parse("\n\n   \n")
    #expect(blank.body.blocks.isEmpty)
    #expect(blank.lines == ["", "", "   "])
}

// MARK: - Headings and sections

@Test func headingTreeWithLevelJumpsAndSectionLines() throws {
    let text = """
    # 1 Johdanto ##

    Johdannon teksti.

    ### 1.1.1 Hyppy suoraan kolmannelle tasolle

    Teksti.

    ## 1.2 Lähtökohdat

    Kasvuolot
    ---------

    Alaotsikon teksti.

    Toinen pääluku
    ==============

    #### Syvä

    ####### Seitsemän ei ole otsikko
    #Ei otsikko
       ### Kolme välilyöntiä ###   
    """
    let doc = try parse(text)
    let top = doc.body.children
    #expect(top.map(\.title) == ["1 Johdanto", "Toinen pääluku"])
    #expect(top.map(\.level) == [1, 1])
    #expect(top[0].lines == 1...15)
    #expect(top[1].lines == 16...23)
    #expect(doc.body.lines == 1...23)

    let children = top[0].children
    // The setext `---` heading is level 2: a sibling of "1.2 Lähtökohdat".
    #expect(children.map(\.title) == ["1.1.1 Hyppy suoraan kolmannelle tasolle", "1.2 Lähtökohdat", "Kasvuolot"])
    #expect(children.map(\.level) == [3, 2, 2])
    try #require(children.count == 3)
    #expect(children[0].lines == 5...8)
    #expect(children[1].lines == 9...10)
    let setext = children[2]
    #expect(setext.title == "Kasvuolot")
    #expect(setext.level == 2)
    #expect(setext.lines == 11...15)
    #expect(setext.titleRange.start == SourcePosition(line: 11, column: 1, offset: position(of: "Kasvuolot", in: text).offset))
    #expect(setext.titleRange.end.column == 10)
    #expect(paragraphs(setext.blocks).map(\.text) == ["Alaotsikon teksti."])

    #expect(top[1].titleRange.start.line == 16)
    let deep = try #require(top[1].children.first)
    #expect(deep.title == "Syvä")
    #expect(deep.level == 4)
    // `#######`, `#Ei` are paragraph text; `   ### …` is a heading.
    #expect(paragraphs(deep.blocks).map(\.text) == ["####### Seitsemän ei ole otsikko\n#Ei otsikko"])
    // h3 after h4 closes the h4: a sibling under the h1.
    #expect(top[1].children.map(\.title) == ["Syvä", "Kolme välilyöntiä"])
    #expect(deep.lines == 19...22)
    let indented = try #require(top[1].children.last)
    #expect(indented.title == "Kolme välilyöntiä")
    #expect(indented.level == 3)
    #expect(indented.titleRange.start == SourcePosition(line: 23, column: 8, offset: position(of: "Kolme", in: text).offset))
    #expect(indented.titleRange.end == position(of: " ###   ", in: text))

    // The closing #s are not in the title range.
    #expect(top[0].titleRange == SourceRange(start: SourcePosition(line: 1, column: 3, offset: 2),
                                            end: SourcePosition(line: 1, column: 13, offset: 12)))
}

@Test func headingMarkupIsRemovedFromTitleOnly() throws {
    let text = """
    ## 2.1 **Väestö** ja _ikärakenne_ {#vaesto}
    ### `Koodi` ja [linkki](https://example.fi/a_b) sekä ![kuva](k.png)
    ### Sana_jossa_alaviiva ja 5 * 3 \\# merkki
    ### Otsikko <!-- planlint-disable heading-numbering -->
    #
    ### ###
    """
    let doc = try parse(text)
    let all = doc.body.descendants
    #expect(all.map(\.title) == ["2.1 Väestö ja ikärakenne", "Koodi ja linkki sekä kuva", "Sana_jossa_alaviiva ja 5 * 3 # merkki", "Otsikko", "", ""])
    // The title range covers the source text, markup included, attributes excluded.
    #expect(all[0].titleRange.start == position(of: "2.1", in: text))
    #expect(all[0].titleRange.end == position(of: " {#vaesto}", in: text))
    #expect(all[3].titleRange.end == position(of: " <!-- planlint-disable heading", in: text))
    #expect(doc.comments.map(\.text) == ["planlint-disable heading-numbering"])
    #expect(doc.comments[0].range.start == position(of: "<!-- planlint-disable heading", in: text))
    // An empty heading has an empty range after its marker.
    #expect(all[4].titleRange.start == all[4].titleRange.end)
    #expect(all[4].titleRange.start.line == 5)
}

@Test func titleWhiteSpaceIsCollapsed() throws {
    let text = "## 2.3  Kaksi\tvälilyöntiä <!-- planlint-disable x --> ja jatko   \n"
    let doc = try parse(text)
    let s = try #require(doc.body.children.first)
    #expect(s.title == "2.3 Kaksi välilyöntiä ja jatko")
    #expect(s.titleRange.start == SourcePosition(line: 1, column: 4, offset: 3))
    #expect(s.titleRange.end == position(of: "   \n", in: text))
    #expect(doc.comments.map(\.text) == ["planlint-disable x"])
}

@Test func thematicBreakAfterBlankLineIsNotAHeading() throws {
    let text = """
    # Otsikko

    Kappale ennen viivaa.

    ---

    Kappale viivan jälkeen.
    ***
    Vielä ___ yksi.

    Setext-otsikko
    ---
    """
    let doc = try parse(text)
    let h = try #require(doc.body.children.first)
    #expect(h.children.map(\.title) == ["Setext-otsikko"])
    #expect(paragraphs(h.blocks).map(\.text) == ["Kappale ennen viivaa.", "Kappale viivan jälkeen.", "Vielä ___ yksi."])
}

@Test func multiLineSetextHeadingAndSetextOnlyAtTopLevel() throws {
    let text = """
    Ensimmäinen rivi
    toinen rivi
    ===

    > Lainaus
    > ---

    - Kohta
      ===
    """
    let doc = try parse(text)
    let h = try #require(doc.body.children.first)
    #expect(h.title == "Ensimmäinen rivi toinen rivi")
    #expect(h.lines == 1...9)
    #expect(h.titleRange.start == SourcePosition(line: 1, column: 1, offset: 0))
    #expect(h.titleRange.end == position(of: "\n===", in: text))
    #expect(h.children.isEmpty)
    #expect(paragraphs(h.blocks).map(\.text) == ["Lainaus"])
    // A setext heading inside a list item or quote is not a section; its underline is dropped.
    #expect(listItems(h.blocks).map(\.text) == ["Kohta"])
}

@Test func tenThousandHeadings() throws {
    var text = ""
    for i in 0..<10_000 { text += "\(String(repeating: "#", count: i % 6 + 1)) Otsikko \(i)\nTeksti \(i).\n" }
    let doc = try parse(text)
    let all = doc.body.descendants
    #expect(all.count == 10_000)
    #expect(doc.body.children.count == 1667)
    #expect(all.last?.title == "Otsikko 9999")
    #expect(all.last?.lines == 19999...20000)
}

// MARK: - Code

@Test func codeFencesHideHeadingsTablesAndComments() throws {
    let text = """
    # Otsikko

    ```bash
    # tämä on kommentti, ei otsikko
    | a | b |
    |---|---|
    <!-- ei kommentti -->
    ```

    ~~~~ yaml
    ~~~
    ## ei otsikko
    ~~~~

    ````
    ```
    ## ei otsikko
    ```
    ````

    Teksti `koodissa <!-- ei --> ole` kommenttia.

    ```
    ## avoin aita jatkuu loppuun
    """
    let doc = try parse(text)
    #expect(doc.body.descendants.map(\.title) == ["Otsikko"])
    let h = try #require(doc.body.children.first)
    #expect(h.blocks.count == 1)
    #expect(paragraphs(h.blocks).map(\.text) == ["Teksti `koodissa <!-- ei --> ole` kommenttia."])
    #expect(doc.comments.isEmpty)
    #expect(h.lines == 1...24)
}

@Test func indentedCodeIsSkippedButListContinuationIsNot() throws {
    let text = """
    Kappale.

        # koodia, ei otsikko
        | a | b |

    \tsarkain aloittaa koodin
    - Kohta
        jatkuu neljällä välilyönnillä
    Laiska jatko.

    Kappale
        jatkuu, ei koodia.
    """
    let doc = try parse(text)
    #expect(doc.body.children.isEmpty)
    #expect(paragraphs(doc.body.blocks).map(\.text) == ["Kappale.", "Kappale\njatkuu, ei koodia."])
    let items = listItems(doc.body.blocks)
    #expect(items.map(\.text) == ["Kohta\njatkuu neljällä välilyönnillä\nLaiska jatko."])
    #expect(items[0].segments[1].position == position(of: "jatkuu neljällä", in: text))
}

// MARK: - Comments

@Test func commentsInlineOwnLineAndMultiLine() throws {
    let text = """
    # Otsikko

    Lapsiperheiden palvelut 😀 ja tuki. <!-- planlint-disable-next-line ekstra -->
    Toinen rivi <!-- a --> jatkuu.

    <!-- planlint-disable
         monirivinen -->

    Ennen <!-- alkaa
    ja päättyy --> jälkeen.
    <!--tiivis-->
    """
    let doc = try parse(text)
    #expect(doc.comments.map(\.text) == ["planlint-disable-next-line ekstra", "a", "planlint-disable\n     monirivinen", "alkaa\nja päättyy", "tiivis"])
    let first = doc.comments[0]
    #expect(first.range.start == position(of: "<!-- planlint-disable-next", in: text))
    #expect(first.range.start.column == 36)
    #expect(first.range.end == position(of: "\nToinen", in: text))
    let multi = doc.comments[2]
    #expect(multi.range.start == SourcePosition(line: 6, column: 1, offset: position(of: "<!-- planlint-disable\n", in: text).offset))
    #expect(multi.range.end == position(of: "\n\nEnnen", in: text))
    #expect(doc.comments[3].range.end == position(of: " jälkeen.", in: text))

    let h = try #require(doc.body.children.first)
    let ps = paragraphs(h.blocks)
    #expect(ps.map(\.text) == ["Lapsiperheiden palvelut 😀 ja tuki.\nToinen rivi  jatkuu.", "Ennen  jälkeen."])
    // After a removed comment a new segment keeps positions true.
    #expect(position(of: "jatkuu", inBlock: ps[0]) == position(of: "jatkuu.", in: text))
    #expect(position(of: "tuki", inBlock: ps[0]) == position(of: "tuki", in: text))
    #expect(position(of: "jälkeen", inBlock: ps[1]) == position(of: "jälkeen", in: text))
    #expect(ps[1].range.end == position(of: "\n<!--tiivis", in: text))
}

@Test func textAfterALeadingCommentIsKept() throws {
    let text = """
    Kappale ennen.
    <!-- planlint-disable-line esimerkki --> Näkyvä teksti kommentin jälkeen.
    - <!-- x --> Kohta kommentin jälkeen
    <!-- vain kommentti -->
    """
    let doc = try parse(text)
    #expect(doc.comments.map(\.text) == ["planlint-disable-line esimerkki", "x", "vain kommentti"])
    #expect(paragraphs(doc.body.blocks).map(\.text) == ["Kappale ennen.", "Näkyvä teksti kommentin jälkeen."])
    #expect(paragraphs(doc.body.blocks).last?.range.start == position(of: "Näkyvä", in: text))
    #expect(listItems(doc.body.blocks).map(\.text) == ["Kohta kommentin jälkeen"])
    #expect(listItems(doc.body.blocks).first?.range.start == position(of: "Kohta", in: text))
}

@Test func unclosedCommentRunsToEndOfFile() throws {
    let text = "# Otsikko\n\nTeksti <!-- avoin\n# ei otsikko\n| a |\nloppu"
    let doc = try parse(text)
    #expect(doc.body.descendants.map(\.title) == ["Otsikko"])
    #expect(doc.comments.count == 1)
    #expect(doc.comments[0].text == "avoin\n# ei otsikko\n| a |\nloppu")
    #expect(doc.comments[0].range.end == SourcePosition(line: 6, column: 6, offset: text.utf8.count))
    #expect(paragraphs(doc.body.children[0].blocks).map(\.text) == ["Teksti"])

    let own = try parse("<!-- ei loppua\n\n")
    #expect(own.comments.map(\.text) == ["ei loppua"])
    #expect(own.comments[0].range.end == SourcePosition(line: 2, column: 1, offset: 15))
}

@Test func commentsInTablesAndListsAndQuotes() throws {
    let text = """
    - Kohta <!-- x -->
    > Lainaus <!-- y -->

    | A | B |
    |---|---|
    | 1 <!-- solu --> | 2 |
    """
    let doc = try parse(text)
    #expect(doc.comments.map(\.text) == ["x", "y", "solu"])
    #expect(listItems(doc.body.blocks).map(\.text) == ["Kohta"])
    #expect(paragraphs(doc.body.blocks).map(\.text) == ["Lainaus"])
    let t = try #require(tables(doc.body.blocks).first)
    #expect(t.rows[0].map(\.text) == ["1", "2"])
    #expect(doc.comments[2].range.start == position(of: "<!-- solu", in: text))
}

// MARK: - Lists

@Test func listItemsWithPositions() throws {
    let text = """
    ## 4 Palvelut

    - Neuvolapalvelut ja perhekeskus
    * Koulu- ja opiskeluterveydenhuolto
      jatkuu sisennettynä
    + Nuorisotyö
    laiska jatko

    1. Ensimmäinen vaihe
    2) Toinen vaihe
    10.  Kymmenes

    - [ ] Tehtävä tekemättä
    - [x] Tehty tehtävä
    -
      Tyhjän merkin jälkeen
    """
    let doc = try parse(text)
    let s = try #require(doc.body.children.first)
    let items = listItems(s.blocks)
    #expect(items.map(\.text) == [
        "Neuvolapalvelut ja perhekeskus",
        "Koulu- ja opiskeluterveydenhuolto\njatkuu sisennettynä",
        "Nuorisotyö\nlaiska jatko",
        "Ensimmäinen vaihe",
        "Toinen vaihe",
        "Kymmenes",
        "[ ] Tehtävä tekemättä",
        "[x] Tehty tehtävä",
        "Tyhjän merkin jälkeen",
    ])
    #expect(paragraphs(s.blocks).isEmpty)
    #expect(items[0].range.start == SourcePosition(line: 3, column: 3, offset: position(of: "Neuvola", in: text).offset))
    #expect(items[1].segments.map(\.position) == [position(of: "Koulu-", in: text), position(of: "jatkuu sis", in: text)])
    #expect(items[2].segments[1].position == SourcePosition(line: 7, column: 1, offset: position(of: "laiska", in: text).offset))
    #expect(items[4].range.start == position(of: "Toinen vaihe", in: text))
    #expect(items[5].range.start == SourcePosition(line: 11, column: 6, offset: position(of: "Kymmenes", in: text).offset))
    #expect(items[6].range.start == position(of: "[ ] Tehtävä", in: text))
    #expect(items[8].range.start == position(of: "Tyhjän", in: text))
}

@Test func nestedListsAreFlattenedInDocumentOrder() throws {
    let text = """
    - Varhainen tuki
      - Perhetyö
        - Kotipalvelu
      - Neuvola

      Varhaisen tuen toinen kappale.
    - Lastensuojelu
    """
    let doc = try parse(text)
    #expect(doc.body.blocks.count == 6)
    #expect(listItems(doc.body.blocks).map(\.text) == ["Varhainen tuki", "Perhetyö", "Kotipalvelu", "Neuvola", "Lastensuojelu"])
    // The parent's later paragraph stays in place, as a paragraph.
    guard case .paragraph(let later) = doc.body.blocks[4] else {
        Issue.record("expected a paragraph")
        return
    }
    #expect(later.text == "Varhaisen tuen toinen kappale.")
    #expect(listItems(doc.body.blocks)[2].range.start == position(of: "Kotipalvelu", in: text))
}

@Test func orderedListCannotInterruptParagraphUnlessItStartsAtOne() throws {
    let text = """
    Vuonna 2023 tehtiin seuraavaa:
    2023. vuoden tavoitteet saavutettiin.
    1. Ensimmäinen
    """
    let doc = try parse(text)
    #expect(paragraphs(doc.body.blocks).map(\.text) == ["Vuonna 2023 tehtiin seuraavaa:\n2023. vuoden tavoitteet saavutettiin."])
    #expect(listItems(doc.body.blocks).map(\.text) == ["Ensimmäinen"])
}

// MARK: - Block quotes

@Test func blockQuotesStripMarkersAndKeepPositions() throws {
    let text = """
    > Lapsen etu on ensisijainen.
    >Ilman välilyöntiä.
    laiska rivi
    > > Sisäkkäinen lainaus
    >>> kolme
    >
    > - kohta lainauksessa
    """
    let doc = try parse(text)
    let ps = paragraphs(doc.body.blocks)
    // A third `>` opens a deeper quote, which ends the paragraph (as in CommonMark).
    #expect(ps.map(\.text) == ["Lapsen etu on ensisijainen.\nIlman välilyöntiä.\nlaiska rivi", "Sisäkkäinen lainaus", "kolme"])
    try #require(ps.count == 3)
    #expect(ps[0].segments.map(\.position) == [
        SourcePosition(line: 1, column: 3, offset: 2),
        position(of: "Ilman", in: text),
        position(of: "laiska", in: text),
    ])
    #expect(ps[0].segments[1].position.column == 2)
    #expect(ps[1].segments[0].position == SourcePosition(line: 4, column: 5, offset: position(of: "Sisäkkäinen", in: text).offset))
    #expect(ps[2].segments[0].position == SourcePosition(line: 5, column: 5, offset: position(of: "kolme", in: text).offset))
    #expect(listItems(doc.body.blocks).map(\.text) == ["kohta lainauksessa"])
    #expect(listItems(doc.body.blocks)[0].range.start == position(of: "kohta", in: text))
}

// MARK: - Tables

@Test func measuresTableCellsAndPositions() throws {
    let doc = try parse(plan)
    let s = try #require(section("3 Toimenpiteet", in: doc))
    let t = try #require(tables(s.blocks).first)
    #expect(t.header.map(\.text) == ["Toimenpide", "Vastuutaho", "Aikataulu", "Resurssit"])
    #expect(t.rows.count == 2)
    #expect(t.rows[0].map(\.text) == ["Perhekeskuksen kehittäminen", "Sivistystoimi", "2024", "15 000 €"])
    #expect(t.rows[1].map(\.text) == ["Koulukuraattorien lisääminen", "Perusturva", "2024–2025", "120 000 €"])
    // Exact positions: "Vastuutaho" on line 28, column 16.
    #expect(t.header[1].range.start == SourcePosition(line: 28, column: 16, offset: position(of: "Vastuutaho", in: plan).offset))
    #expect(t.header[1].range.end.column == 26)
    // "Perusturva" comes after "ä" (two bytes, one column).
    #expect(t.rows[1][1].range.start == SourcePosition(line: 31, column: 34, offset: position(of: "Perusturva", in: plan).offset))
    #expect(t.rows[1][2].range.start == position(of: "2024–2025", in: plan))
    #expect(t.range.start == SourcePosition(line: 28, column: 1, offset: position(of: "| Toimenpide", in: plan).offset))
    let euroEnd = t.rows[1][3].range.end
    #expect(t.range.end == SourcePosition(line: 31, column: euroEnd.column + 2, offset: euroEnd.offset + 2))
    #expect(t.rows[1][3].content.segments.count == 1)
}

@Test func escapedPipesCodeSpansPaddingAndExtraCells() throws {
    let text = """
    Taulukkoa edeltävä kappale.
    Tavoite | Mittari
    --- | ---
    Kiusaamisen \\| väheneminen | `a | b` mittari
    ä ö å € 😀 Ääkköset |
    | Vain yksi |
    yksi | kaksi | kolme
    |  | 
    Ei putkea, taulukko päättyy.
    """
    let doc = try parse(text)
    let ps = paragraphs(doc.body.blocks)
    #expect(ps.map(\.text) == ["Taulukkoa edeltävä kappale.", "Ei putkea, taulukko päättyy."])
    guard case .paragraph = doc.body.blocks[0], case .table(let t) = doc.body.blocks[1] else {
        Issue.record("expected a paragraph then a table")
        return
    }
    #expect(t.header.map(\.text) == ["Tavoite", "Mittari"])
    try #require(t.rows.count == 5)
    #expect(t.rows[0].map(\.text) == ["Kiusaamisen | väheneminen", "`a | b` mittari"])
    #expect(t.rows[1].map(\.text) == ["ä ö å € 😀 Ääkköset", ""])
    #expect(t.rows[2].map(\.text) == ["Vain yksi", ""])
    #expect(t.rows[3].map(\.text) == ["yksi", "kaksi", "kolme"])
    #expect(t.rows[4].map(\.text) == ["", ""])

    // The unescaped pipe: text after it maps to its true position.
    let escaped = t.rows[0][0].content
    #expect(escaped.segments.count == 2)
    #expect(position(of: "väheneminen", inBlock: escaped) == position(of: "väheneminen", in: text))
    #expect(position(of: "|", inBlock: escaped) == position(of: "| väheneminen", in: text))
    #expect(escaped.range.end == position(of: " | `a", in: text))

    // Emoji and Finnish letters before a match: columns in scalars, offsets in bytes.
    let finnish = t.rows[1][0].content
    let match = try #require(position(of: "Ääkköset", inBlock: finnish))
    #expect(match == position(of: "Ääkköset", in: text))
    #expect(match.line == 5)
    #expect(match.column == 11)
    #expect(match.offset == position(of: "ä ö å", in: text).offset + 18)
    // The empty cell after the last pipe; a padded cell sits at the row end.
    #expect(t.rows[1][1].range.start == t.rows[1][1].range.end)
    let paddedAt = position(of: "\nyksi | kaksi", in: text)
    #expect(paddedAt.column == 14)
    #expect(t.rows[2][1].range.start == paddedAt)
    #expect(t.rows[2][1].text == "")
    // Empty cells in `|  | `: after the space following each pipe.
    #expect(t.rows[4][0].range.start == SourcePosition(line: 8, column: 3, offset: position(of: "|  | \n", in: text).offset + 2))
    #expect(t.rows[4][1].range.start.column == 5)
    // The table ends after the last row's last non-blank character.
    #expect(t.range.end == position(of: " \nEi putkea", in: text))
}

@Test func tableNeedsMatchingDelimiterAndCodeFenceHidesTable() throws {
    let text = """
    | A | B |
    |---|
    | 1 | 2 |

    | Vain otsikko |
    |:-:|

    ```
    | A | B |
    |---|---|
    ```
    """
    let doc = try parse(text)
    let ts = tables(doc.body.blocks)
    #expect(ts.count == 1)
    #expect(ts[0].header.map(\.text) == ["Vain otsikko"])
    #expect(ts[0].rows.isEmpty)
    #expect(paragraphs(doc.body.blocks).map(\.text) == ["| A | B |\n|---|\n| 1 | 2 |"])
}

@Test func tableInsideListItemAndQuote() throws {
    let text = """
    - Toimenpiteet:

      | Toimenpide | Euroa |
      |---|---|
      | Perhetyö | 5 000 € |
    > | Q | R |
    > |---|---|
    > | 1 | 2 |
    """
    let doc = try parse(text)
    #expect(doc.body.blocks.count == 3)
    #expect(listItems(doc.body.blocks).map(\.text) == ["Toimenpiteet:"])
    let ts = tables(doc.body.blocks)
    #expect(ts.count == 2)
    #expect(ts[0].rows[0][1].text == "5 000 €")
    #expect(ts[0].rows[0][1].range.start == position(of: "5 000 €", in: text))
    #expect(ts[1].rows[0].map(\.text) == ["1", "2"])
    #expect(ts[1].header[0].range.start == SourcePosition(line: 6, column: 5, offset: position(of: "Q |", in: text).offset))
}

// MARK: - Other blocks

@Test func htmlBlocksLinkDefinitionsAndBreaksAreIgnored() throws {
    let text = """
    # Liitteet

    <div class="liite">
    Sisältö HTML-lohkossa <!-- html-kommentti -->
    </div>

    [tilastot]: https://sotkanet.fi "Sotkanet"
    [^1]: Alaviite on tekstiä.

    <details>
    <summary>Lisätietoa</summary>
    </details>

    ***
    Teksti <span>inline</span> jää.
    <span>ei lohko kesken kappaleen</span>
    """
    let doc = try parse(text)
    let h = try #require(doc.body.children.first)
    #expect(paragraphs(h.blocks).map(\.text) == [
        "[^1]: Alaviite on tekstiä.",
        "Teksti <span>inline</span> jää.\n<span>ei lohko kesken kappaleen</span>",
    ])
    #expect(doc.comments.map(\.text) == ["html-kommentti"])
}

@Test func paragraphsJoinLinesAndStripIndentation() throws {
    let text = "Ensimmäinen rivi  \n   toinen rivi sisennetty\n\tkolmas\n\n  Uusi kappale\n"
    let doc = try parse(text)
    let ps = paragraphs(doc.body.blocks)
    #expect(ps.map(\.text) == ["Ensimmäinen rivi\ntoinen rivi sisennetty\nkolmas", "Uusi kappale"])
    #expect(ps[0].segments.map(\.textOffset) == [0, 17, 40])
    #expect(ps[0].segments[0].position == SourcePosition(line: 1, column: 1, offset: 0))
    #expect(ps[0].segments[1].position == SourcePosition(line: 2, column: 4, offset: 23))
    #expect(ps[0].range.end == SourcePosition(line: 3, column: 8, offset: 53))
    #expect(ps[0].segments[2].position == SourcePosition(line: 3, column: 2, offset: 47))
    #expect(ps[1].range.start == SourcePosition(line: 5, column: 3, offset: 57))
    #expect(ps[1].range.end == SourcePosition(line: 5, column: 15, offset: 69))
}

@Test func finnishAndSwedishTextBeforeAMatch() throws {
    let text = """
    ## 5 Barn och unga – Lapset ja nuoret

    Åtgärderna för barn och unga 👨‍👩‍👧 päivitetään vuosittain; kustannus 2 500 €/vuosi.
    """
    let doc = try parse(text)
    let s = try #require(doc.body.children.first)
    #expect(s.title == "5 Barn och unga – Lapset ja nuoret")
    let p = try #require(paragraphs(s.blocks).first)
    let match = try #require(position(of: "päivitetään", inBlock: p))
    #expect(match == position(of: "päivitetään", in: text))
    // The family emoji is five scalars (three people, two joiners), 18 bytes.
    #expect(match.column == 36)
    let euro = try #require(position(of: "€/vuosi", inBlock: p))
    #expect(euro == position(of: "€/vuosi", in: text))
    let range = p.range(ofScalars: 35, 46)
    #expect(range.start == match)
    #expect(range.end == position(of: " vuosittain", in: text))
}

// MARK: - Robustness

@Test func hostileInputsDoNotCrash() throws {
    var inputs: [String] = [
        "", "|", "| |\n|-|", "|\n|", ">", ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> syvä", "```", "```\n```\n```",
        "~~~\n```\n", "<!--", "<!-- -->-->", "-->", "<!---->", "#", "# ", "######", "- ", "-\n-\n-", "1.", "1)\n",
        "* * *", "[", "[]: x", "[a]:", "\\", "`", "``` ` ```", "\r", "\r\n", "\n\r", "\t", "\t\t- x\n\t\t\t- y",
        "<div", "<", "</", "<?", "<![CDATA[", "<!X", "<script>\n", "=\n=", "a\n=", "a\n-", "a\n- ",
        "- a\n  - b\n    - c\n      - d\n        - e", "> - > - > - x", "---\n...", "---\n---\n---",
        "| a | b |\n|---|---|\n| `x | y\\|z` | \\",
    ]
    inputs.append(String(repeating: ">", count: 100_000) + " syvä lainaus")
    inputs.append(String(repeating: "- ", count: 50_000) + "x")
    inputs.append(String(repeating: "1. ", count: 50_000) + "x\n\n\n\n")
    inputs.append(String(repeating: "[", count: 50_000))
    inputs.append("# " + String(repeating: "[a](", count: 20_000))
    inputs.append(String(repeating: "`", count: 1) + String(repeating: "x``", count: 30_000))
    inputs.append(String(repeating: "<!-- a -->", count: 30_000))
    inputs.append(String(repeating: "```\n", count: 1001))
    inputs.append(String(repeating: "|", count: 100_000) + "\n|---|\n")
    inputs.append("a|b\n-|-\n" + String(repeating: "| x ", count: 50_000))
    // Random bytes and random Markdown-like text, the same on every run (a failure repeats).
    var generator = SplitMix64(seed: 0x4D41_524B)
    let alphabet = Array("#>-*|`~<!->[]()\\ \n\r\t1.a_=ä€".utf8)
    for _ in 0..<50 {
        let bytes = (0..<2000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        inputs.append(String(decoding: bytes, as: UTF8.self))
        let markdownish = (0..<3000).map { _ in alphabet[Int.random(in: 0..<29, using: &generator)] }
        inputs.append(String(decoding: markdownish, as: UTF8.self))
    }
    for input in inputs {
        do {
            let doc = try MarkdownParser.parse(input, file: "x.md")
            #expect(doc.body.lines.lowerBound >= 1)
            for block in doc.body.allBlocks {
                for t in block.textBlocks {
                    #expect(t.range.start <= t.range.end)
                    #expect(t.range.end.offset <= input.utf8.count)
                }
            }
            for c in doc.comments { #expect(c.range.end.offset <= input.utf8.count) }
        } catch {
            // Only unterminated front matter may throw.
            #expect(error.kind == .invalidPlan)
        }
    }
}

@Test func oneMegabyteLine() throws {
    let line = String(repeating: "Lasten ja nuorten hyvinvointi ä € 😀 | ", count: 25_000)
    #expect(line.utf8.count > 1_000_000)
    let doc = try parse("# Otsikko\n" + line + "\n")
    let p = try #require(paragraphs(doc.body.children[0].blocks).first)
    #expect(p.text.utf8.count == line.utf8.count - 1)
    #expect(p.range.end.column == line.unicodeScalars.count)
}

@Test(.thorough) func fiveMegabyteDocumentParses() throws {
    var chunk = """
    ## 2 Lasten ja nuorten kasvuolot ja hyvinvoinnin tila

    ### 2.1 Väestö

    Kunnassa asui 12 345 asukasta. <!-- huom -->
    Toinen rivi `koodia` ja **lihavointia**.

    - Kohta yksi
      - Sisäkkäinen kohta
    > Lainaus

    | Toimenpide | Vastuutaho | Aikataulu | Resurssit |
    |---|---|---|---|
    | Perhetyö | Perusturva | 2024 | 10 000 € |

    ```
    # koodia
    ```

    """
    chunk += "\n"
    let count = 5_000_000 / chunk.utf8.count + 1
    let text = "---\nplan: x\n---\n" + String(repeating: chunk, count: count)
    #expect(text.utf8.count > 5_000_000)
    let doc = try parse(text)
    #expect(doc.body.children.count == count)
    #expect(doc.comments.count == count)
}

@Test func positionsCountedOnceAgreeWithPositionByPosition() throws {
    // Every text block of two example plans (paragraphs over several lines, list items,
    // table cells, ä and § of two bytes, a CRLF copy), at every scalar offset and past both ends.
    let jarvela = try String(contentsOf: Repo.root.appendingPathComponent("Examples/jarvela-2025.md"), encoding: .utf8)
    let vasterby = try String(contentsOf: Repo.root.appendingPathComponent("Examples/vasterby-2024.md"), encoding: .utf8)
    var blocks = 0
    for text in [jarvela, vasterby.replacingOccurrences(of: "\n", with: "\r\n")] {
        let doc = try parse(text)
        for block in doc.body.allBlocks.flatMap(\.textBlocks) {
            let positions = block.positions
            let count = block.text.unicodeScalars.count
            for offset in -1...(count + 2) {
                #expect(positions.position(atScalarOffset: offset) == block.position(atScalarOffset: offset), "\(block.text.prefix(40)) @\(offset)")
            }
            blocks += 1
        }
    }
    #expect(blocks > 200)
}

/// The error of a plan the Markdown reader refuses (with the cell limit `cellLimit`).
private func markdownRefusal(_ text: String, cellLimit: Int = TableCellLimit.maxCells) -> InputError? {
    do {
        _ = try MarkdownParser.parse(text, file: "t.md", cellLimit: cellLimit)
        Issue.record("t.md was read")
        return nil
    } catch {
        return error
    }
}

@Test func theCellLimitIsExactOnASmallTable() throws {
    // The boundary under a limit of 2 000: exactly the limit is read, one row more is
    // refused at the table's first line (the real limit, below and in the thorough pass).
    let head = "# Liite\n\nTeksti.\n\n|v|a|\n|-|-|\n"
    let atLimit = head + String(repeating: "|1|x|\n", count: 999)
    let t = try #require(tables(try MarkdownParser.parse(atLimit, file: "t.md", cellLimit: 2_000).body.allBlocks).first)
    #expect((t.rows.count + 1) * t.header.count == 2_000)
    let error = try #require(markdownRefusal(atLimit + "|2|y|\n", cellLimit: 2_000))
    #expect(error.kind == .tooLarge)
    #expect(error.position?.line == 5 && error.position?.column == 1)
    #expect(error.message.hasPrefix("the plan's tables hold at least 2 002 cells; the limit is 2 000"))
    #expect(TableCellLimit.maxCells == 200_000)
}

@Test(.thorough) func tablesAreReadUpToTheCellLimitAndRefusedAtTheRowPastIt() throws {
    let limit = TableCellLimit.maxCells
    #expect(limit == 200_000)
    let head = "# Liite\n\nTeksti.\n\n|v|a|\n|-|-|\n"
    // Header and rows of two cells: exactly the limit is read, every cell of it.
    let atLimit = head + String(repeating: "|1|x|\n", count: limit / 2 - 1)
    let doc = try MarkdownParser.parse(atLimit, file: "t.md")
    let liite = try #require(section("Liite", in: doc))
    let t = try #require(tables(liite.blocks).first)
    #expect(t.rows.count == limit / 2 - 1)
    #expect((t.rows.count + 1) * t.header.count == limit)

    // One row more: refused at the table's first line, with the count when reading stopped.
    let error = try #require(markdownRefusal(atLimit + "|2|y|\n"))
    #expect(error.kind == .tooLarge)
    #expect(error.position?.line == 5 && error.position?.column == 1)
    #expect(error.description == "t.md:5:1: error: the plan's tables hold at least 200 002 cells; the limit is 200 000 (a plan's tables usually hold a few thousand cells at most: split the table or give it as a separate attachment)")
    #expect(error.translations?.fi.hasPrefix("suunnitelman taulukoissa on ainakin 200 002 solua; raja on 200 000") == true)
    #expect(error.translations?.sv.hasPrefix("planens tabeller har minst 200 002 celler; gränsen är 200 000") == true)
}

@Test func theCellLimitCountsEveryTableOfThePlanAndPaddedRows() throws {
    // How cells are counted, under a limit of 2 000 (the limit itself is tested above).
    // Two tables of 1 002 cells each: the second passes the limit and is named.
    let table = "|v|a|\n|-|-|\n" + String(repeating: "|1|x|\n", count: 500)
    let error = try #require(markdownRefusal("# A\n\n" + table + "\n# B\n\n" + table, cellLimit: 2_000))
    #expect(error.position?.line == 508)
    #expect(error.message.hasPrefix("the plan's tables hold at least 2 002 cells; the limit is 2 000"), "\(error.message)")

    // Short rows count as wide as the header they are padded to.
    let padded = "|a|b|c|d|\n|-|-|-|-|\n" + String(repeating: "|1|\n", count: 500)
    #expect(markdownRefusal(padded, cellLimit: 2_000)?.message.hasPrefix("the plan's tables hold at least 2 004 cells") == true)
    // One row fewer is exactly the limit, padding included: read.
    #expect((try? MarkdownParser.parse(String(padded.dropLast(4)), file: "t.md", cellLimit: 2_000)) != nil)

    // One row wider than the limit is refused before its cells are built.
    let wide = "|" + String(repeating: "a|", count: 2_001) + "\n|" + String(repeating: "-|", count: 2_001) + "\n"
    let e = try #require(markdownRefusal("Teksti.\n\n" + wide, cellLimit: 2_000))
    #expect(e.position?.line == 3)
    #expect(e.message.hasPrefix("the plan's tables hold at least 2 001 cells"))
}
