// Positions: 1-based lines and columns in Unicode scalars, UTF-8 byte offsets, and the base
// shift for YAML embedded in another file (Markdown front matter).

import PlanLintYAML
import Testing

@Suite("Positions")
struct PositionTests {
    @Test("keys and values carry exact positions in a Finnish plan")
    func planPositions() throws {
        let root = try #require(try load(planFixture))
        #expect(root.range == SourceRange(start: pos(1, 1, 0), end: pos(9, 70, 305)))

        let planPair = try #require(root.pair("plan"))
        #expect(planPair.key.range == SourceRange(start: pos(1, 1, 0), end: pos(1, 5, 4)))
        let plan = planPair.value
        // A block mapping ends where its last value ends, not at the next key.
        #expect(plan.range == SourceRange(start: pos(2, 3, 8), end: pos(3, 44, 117)))
        #expect(plan["title"]?.range.start == pos(2, 10, 15))
        // "2025–2029" has a 3-byte en dash: the closing quote is column 62, byte 68.
        #expect(plan["title"]?.range.end == pos(2, 62, 69))

        // ä before a node on the same line.
        let municipalities = try #require(plan["municipalities"]?.sequence)
        #expect(municipalities[0].range == SourceRange(start: pos(3, 20, 89), end: pos(3, 31, 101)))
        #expect(municipalities[1].range == SourceRange(start: pos(3, 33, 103), end: pos(3, 43, 116)))

        // Line 4 ends with a comment holding ä and an emoji: later lines are shifted in
        // bytes but not in columns.
        #expect(root.pair("status")?.value.range.start == pos(4, 9, 126))
        #expect(root.pair("approvals")?.key.range.start == pos(5, 1, 155))

        let approvals = try #require(root["approvals"]?.sequence)
        #expect(approvals.count == 2)
        let first = approvals[0]
        #expect(first.range == SourceRange(start: pos(6, 5, 170), end: pos(8, 19, 231)))
        #expect(first.pair("body")?.key.range.start == pos(6, 5, 170))
        #expect(first["body"]?.range == SourceRange(start: pos(6, 11, 176), end: pos(6, 26, 191)))
        #expect(first.pair("date")?.key.range.start == pos(7, 5, 196))
        #expect(first["date"]?.range == SourceRange(start: pos(7, 11, 202), end: pos(7, 20, 211)))
        #expect(first["minute"]?.range == SourceRange(start: pos(8, 13, 224), end: pos(8, 19, 231)))

        // An emoji (4 bytes, 1 column) before nodes on the same line.
        let second = approvals[1]
        #expect(second.range == SourceRange(start: pos(9, 5, 236), end: pos(9, 70, 305)))
        #expect(second["body"]?.range == SourceRange(start: pos(9, 12, 243), end: pos(9, 35, 269)))
        #expect(second.pair("date")?.key.range.start == pos(9, 37, 271))
        #expect(second["date"]?.range == SourceRange(start: pos(9, 43, 277), end: pos(9, 53, 287)))
        #expect(second.pair("minute")?.key.range.start == pos(9, 55, 289))
        #expect(second["minute"]?.range == SourceRange(start: pos(9, 63, 297), end: pos(9, 69, 304)))
    }

    @Test("offsets stay exact far into a long non-ASCII document")
    func longDocumentOffsets() throws {
        // Past many checkpoints of the scalar-to-byte table: each line has 2-, 3- and
        // 4-byte characters.
        var text = ""
        for i in 0..<500 { text += "k\(i): \"äö–🙂 \(i)\"\n" }
        let root = try #require(try load(text))
        let pairs = try #require(root.mapping)
        var offset = 0
        for (i, line) in text.split(separator: "\n").enumerated() {
            #expect(pairs[i].key.range.start == pos(i + 1, 1, offset))
            let valueColumn = "k\(i): ".unicodeScalars.count + 1
            #expect(pairs[i].value.range.start == pos(i + 1, valueColumn, offset + valueColumn - 1))
            #expect(pairs[i].value.range.end.column == line.unicodeScalars.count + 1)
            #expect(pairs[i].value.range.end.offset == offset + line.utf8.count)
            offset += line.utf8.count + 1
        }
    }

    @Test("front matter: a base on line 2 shifts lines and offsets")
    func frontMatterBase() throws {
        let markdown = "---\ntitle: Hyvinvointisuunnitelma\ndate: 14.6.2023\n---\n# Johdanto\n"
        let yaml = "title: Hyvinvointisuunnitelma\ndate: 14.6.2023\n"
        let root = try #require(try load(yaml, base: pos(2, 1, 4)))
        #expect(root.pair("title")?.key.range.start == pos(2, 1, 4))
        #expect(root["title"]?.range.start == pos(2, 8, 11))
        #expect(root.pair("date")?.key.range.start == pos(3, 1, 34))
        #expect(root["date"]?.range == SourceRange(start: pos(3, 7, 40), end: pos(3, 16, 49)))
        // The offsets are true offsets in the Markdown file.
        let bytes = Array(markdown.utf8)
        #expect(String(decoding: bytes[40..<49], as: UTF8.self) == "14.6.2023")
    }

    @Test("a base in mid-line shifts columns on the first line only")
    func midLineBase() throws {
        let root = try #require(try load("{päivä: 14.6.2023,\n pykälä: \"§ 45\"}", base: pos(5, 10, 100)))
        #expect(root.range.start == pos(5, 10, 100))
        #expect(root.pair("päivä")?.key.range.start == pos(5, 11, 101))
        #expect(root["päivä"]?.range.start == pos(5, 18, 110))
        #expect(root.pair("pykälä")?.key.range.start == pos(6, 2, 122))
        #expect(root["pykälä"]?.range == SourceRange(start: pos(6, 10, 132), end: pos(6, 16, 139)))
    }

    @Test("errors are shifted by the base too")
    func errorBase() {
        let error = loadError("title: ok\ndate: 14.6.2023: x\n", base: pos(2, 1, 4))
        #expect(error?.position == pos(3, 16, 29))
        #expect(error?.description == "plan.yaml:3:16: mapping values are not allowed in this context")
    }

    @Test("a UTF-8 byte order mark counts in offsets, not in columns")
    func byteOrderMark() throws {
        let root = try #require(try YAMLLoader.load(bytes: [0xEF, 0xBB, 0xBF] + Array("tila: luonnos\n".utf8), file: "plan.yaml"))
        #expect(root.pair("tila")?.key.range.start == pos(1, 1, 3))
        #expect(root["tila"]?.range == SourceRange(start: pos(1, 7, 9), end: pos(1, 14, 16)))
    }

    @Test("CRLF line ends count as one line break")
    func crlf() throws {
        let root = try #require(try load("tila: luonnos\r\npäivä: 1.2.2025\r\n"))
        #expect(root.pair("päivä")?.key.range.start == pos(2, 1, 15))
        #expect(root["päivä"]?.range.start == pos(2, 8, 24))
    }

    @Test("block scalars and empty values")
    func blockScalarsAndEmptyValues() throws {
        let root = try #require(try load("kuvaus: |\n  Rivi yksi.\n  Rivi kaksi.\ntyhjä:\nloppu: x\n"))
        #expect(root["kuvaus"]?.range.start == pos(1, 9, 8))
        #expect(root["kuvaus"]?.scalar?.text == "Rivi yksi.\nRivi kaksi.\n")
        // An empty value sits just after its colon.
        #expect(root["tyhjä"]?.range == SourceRange(at: pos(4, 7, 44)))
        #expect(root["tyhjä"]?.isNull == true)
    }

    @Test("an alias copy sits at the alias; its insides keep the anchored positions")
    func aliasPositions() throws {
        let text = "oletus: &o\n  elin: kunnanvaltuusto\nhyväksyntä: *o\n"
        let root = try #require(try load(text))
        let anchored = try #require(root["oletus"])
        let copy = try #require(root["hyväksyntä"])
        #expect(anchored.range == SourceRange(start: pos(1, 9, 8), end: pos(2, 24, 34)))
        #expect(copy.range == SourceRange(start: pos(3, 13, 49), end: pos(3, 15, 51)))
        #expect(copy["elin"] == anchored["elin"])
        #expect(copy["elin"]?.range.start == pos(2, 9, 19))
    }
}
