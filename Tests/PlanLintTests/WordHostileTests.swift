// Hostile and broken Word documents, built in the tests: each is refused with a clear
// message (exit 2 on the command line: the error kinds map to it), quickly and without
// reading more than the limits allow.
import Foundation
import Testing
import ZIPFoundation
@testable import PlanLint

@Suite("Hostile Word documents")
struct WordHostileTests {
    static let body = WordFixture.p("Johdanto", style: "Otsikko1") + WordFixture.p("Suunnitelma on hyväksytty.")

    /// Reads `data` and returns the error, failing the test if it was read.
    static func refusal(_ data: Data, file: String = "plan.docx") -> InputError? {
        do {
            _ = try PlanReader.read(data: data, file: file)
            Issue.record("\(file) was read")
            return nil
        } catch {
            return error
        }
    }

    /// Sets bits of the general-purpose flag of the central directory entry for `path`.
    static func patchCentralDirectory(_ data: Data, path: String, flags: UInt16? = nil, uncompressedSize: UInt32? = nil,
                                      compressedSize: UInt32? = nil, localHeaderOffset: UInt32? = nil) -> Data {
        var bytes = [UInt8](data)
        let name = Array(path.utf8)
        var i = 0
        while i + 46 < bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x01, bytes[i + 3] == 0x02 {
                let n = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
                if Array(bytes[(i + 46)..<(i + 46 + n)]) == name {
                    if let f = flags { bytes[i + 8] |= UInt8(f & 0xFF); bytes[i + 9] |= UInt8(f >> 8) }
                    if let s = uncompressedSize { for k in 0..<4 { bytes[i + 24 + k] = UInt8((s >> (8 * UInt32(k))) & 0xFF) } }
                    if let s = compressedSize { for k in 0..<4 { bytes[i + 20 + k] = UInt8((s >> (8 * UInt32(k))) & 0xFF) } }
                    if let o = localHeaderOffset { for k in 0..<4 { bytes[i + 42 + k] = UInt8((o >> (8 * UInt32(k))) & 0xFF) } }
                }
            }
            i += 1
        }
        return Data(bytes)
    }

    /// Found by fuzzing (FuzzWord): a central directory entry whose local header lies past
    /// the end of the file made ZIPFoundation's in-memory archive read out of range and trap.
    @Test("An entry whose local header or data lies outside the archive is refused as damaged, never read",
          arguments: [(UInt32?.some(0xFAFF_0000), UInt32?.none), (UInt32?.some(0xFFFF_FFFF), nil), (nil, UInt32?.some(0x00F0_0000))])
    func entryOutsideArchive(_ offset: UInt32?, _ compressed: UInt32?) throws {
        let data = try WordFixture.docx(body: Self.body)
        let broken = Self.patchCentralDirectory(data, path: "word/styles.xml", compressedSize: compressed, localHeaderOffset: offset)
        #expect(broken != data)
        let error = try #require(Self.refusal(broken))
        #expect(error.kind == .damagedDocument, "\(error)")
        let odt = try WordFixture.zip([("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)),
                                       ("content.xml", Data("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>".utf8)),
                                       ("styles.xml", Data("<x/>".utf8))])
        let brokenODT = Self.patchCentralDirectory(odt, path: "styles.xml", compressedSize: compressed, localHeaderOffset: offset)
        #expect(Self.refusal(brokenODT, file: "plan.odt")?.kind == .damagedDocument)
    }

    /// Found by fuzzing (FuzzWord, in CI): a stored entry flagged as having a data descriptor,
    /// whose uncompressed size reaches past the end of the file. ZIPFoundation looks for the
    /// descriptor after the uncompressed size, and its in-memory archive trapped reading
    /// there. Documents are now read through a file, where such a read is short and an error.
    @Test("A stored entry whose data descriptor would lie past the end is refused as damaged, never read")
    func descriptorPastEnd() throws {
        let odt = try WordFixture.zip([("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)),
                                       ("content.xml", Data("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>".utf8)),
                                       ("styles.xml", Data("<x/>".utf8))], stored: true)
        let broken = Self.patchCentralDirectory(odt, path: "styles.xml", flags: 0x8, uncompressedSize: 100_000)
        #expect(broken != odt)
        let error = try #require(Self.refusal(broken, file: "plan.odt"))
        #expect(error.kind == .damagedDocument, "\(error)")
        let docx = try WordFixture.zip([("word/document.xml", Data("<?xml version=\"1.0\"?><w:document \(WordFixture.ns)><w:body/></w:document>".utf8)),
                                        ("word/styles.xml", Data("<x/>".utf8))], stored: true)
        #expect(Self.refusal(Self.patchCentralDirectory(docx, path: "word/styles.xml", flags: 0x8, uncompressedSize: 100_000))?.kind == .damagedDocument)
    }

    /// Found by fuzzing (FuzzWord, in CI): an entry flagged as having a data descriptor, whose
    /// "descriptor" (bytes of the compressed data) declared a 64-bit size past Int.max; the
    /// message that names the size trapped converting it.
    @Test("Sizes that differ from the central directory are damage; a 64-bit size is written out, not converted")
    func descriptorSizes() throws {
        let error = try #require(Self.refusal(try Data(contentsOf: Self.corpus.appendingPathComponent("finding-descriptor-sizes-past-int.odt")), file: "plan.odt"))
        #expect(error.kind == .damagedDocument && error.message.contains("content.xml"), "\(error)")
        #expect(BoundedFile.bytes(UInt64.max) == "18 446 744 073 709 551 615")
        #expect(WordContainer.Messages.partTooLarge("word/document.xml", .max).en.contains("18 446 744 073 709 551 615 bytes"))
    }

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/word-corpus")

    @Test("Every committed Word seed and fuzz finding reads to a plan or an error, as .docx and as .odt")
    func committedCorpus() throws {
        let folder = Self.corpus
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.contains { $0.hasPrefix("finding-") })
        var read = 0
        for name in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            for file in ["c.docx", "c.odt"] {
                do {
                    _ = try PlanReader.read(data: data, file: file)
                    read += 1
                } catch {
                    #expect(!error.message.isEmpty, "\(name) as \(file)")
                }
            }
        }
        #expect(read >= 4, "the seeds are documents that read")
    }

    /// Found by fuzzing (FuzzWord): an attribute name holding bytes that are not UTF-8 made
    /// FoundationXML's parser trap.
    @Test("A part that is not valid UTF-8 is refused with its position, in a .docx and an .odt")
    func invalidUTF8Part() throws {
        let content = Data("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body><office:text>\n<text:h tex".utf8)
            + Data([0xFF, 0xFF, 0xFF, 0xFF]) + Data("tline-level=\"1\">Suunnitelma</text:h></office:text></office:body></office:document-content>".utf8)
        let odt = try WordFixture.zip([("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)), ("content.xml", content)], stored: true)
        let error = try #require(Self.refusal(odt, file: "plan.odt"))
        #expect(error.kind == .damagedDocument && error.message.contains("content.xml is damaged (broken XML at line 2, column 12)"), "\(error)")
        let xml = Data("<?xml version=\"1.0\"?><w:document \(WordFixture.ns)><w:body><w:p w".utf8) + Data([0xC3, 0x28]) + Data("=\"1\"/></w:body></w:document>".utf8)
        let docx = try WordFixture.zip([("word/document.xml", xml)])
        #expect(Self.refusal(docx)?.message.contains("word/document.xml is damaged (broken XML at line 1") == true)
    }

    @Test("A document part that expands hundreds of times (a zip bomb) is refused before it is decompressed")
    func ratioBomb() throws {
        let filler = String(repeating: " ", count: 16 * 1024 * 1024)
        let xml = "<?xml version=\"1.0\"?><w:document \(WordFixture.ns)><w:body>\(filler)</w:body></w:document>"
        let data = try WordFixture.zip([("word/document.xml", Data(xml.utf8))])
        #expect(data.count < 200_000)
        let error = try #require(Self.refusal(data))
        #expect(error.kind == .unsafeDocument)
        #expect(error.message.contains("zip bomb"))
        #expect(error.translations?.fi.contains("zip-pommi") == true)
    }

    @Test("Entries that declare more in total than the limit are refused from the central directory alone")
    func totalSize() throws {
        let data = try WordFixture.docx(body: Self.body, parts: ["word/media/image1.png": "x", "word/media/image2.png": "y"])
        let lying = Self.patchCentralDirectory(Self.patchCentralDirectory(data, path: "word/media/image1.png", uncompressedSize: 0xFFFF_0000),
                                               path: "word/media/image2.png", uncompressedSize: 0xFFFF_0000)
        let error = try #require(Self.refusal(lying))
        #expect(error.kind == .unsafeDocument)
        #expect(error.message.contains("the limit is 512 MB"))
    }

    @Test("A header that understates a part's size cannot make decompression unbounded")
    func lyingSize() throws {
        let data = try WordFixture.docx(body: Self.body + String(repeating: WordFixture.p("Täyte."), count: 2000))
        let lying = Self.patchCentralDirectory(data, path: "word/document.xml", uncompressedSize: 1000)
        let error = try #require(Self.refusal(lying))
        #expect([.unsafeDocument, .damagedDocument].contains(error.kind))
    }

    @Test("More entries than the limit are refused")
    func entryCount() throws {
        var entries: [(String, Data)] = [("word/document.xml", Data("<w:document \(WordFixture.ns)><w:body/></w:document>".utf8))]
        for i in 0..<(WordContainer.maxEntries + 1) { entries.append(("customXml/item\(i).xml", Data())) }
        let error = try #require(Self.refusal(try WordFixture.zip(entries, stored: true)))
        #expect(error.kind == .unsafeDocument)
        #expect(error.message.contains("5002 entries"))
    }

    @Test("An entry path that leaves the archive is refused", arguments: ["../../etc/cron.d/x", "/etc/passwd", "word/../../x.xml", "C:\\\\Windows\\\\x.xml", "..\\\\x.xml"])
    func escapingPath(_ path: String) throws {
        var entries: [(String, Data)] = [("word/document.xml", Data("<w:document \(WordFixture.ns)><w:body/></w:document>".utf8))]
        entries.append((path, Data("x".utf8)))
        let error = try #require(Self.refusal(try WordFixture.zip(entries)))
        #expect(error.kind == .unsafeDocument)
        #expect(error.message.contains("points outside the archive"))
    }

    @Test("Encrypted entries, a password-protected .docx and a truncated archive each say what they are")
    func encryptedAndTruncated() throws {
        let data = try WordFixture.docx(body: Self.body)
        let encrypted = try #require(Self.refusal(Self.patchCentralDirectory(data, path: "word/document.xml", flags: 1)))
        #expect(encrypted.kind == .damagedDocument)
        #expect(encrypted.message.contains("password"))
        // Word's password protection wraps the document in an OLE compound file.
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        let protected = try #require(Self.refusal(ole))
        #expect(protected.kind == .unsupportedFormat)
        #expect(protected.translations?.fi.contains("salasanalla suojattu") == true)
        for cut in [data.count / 2, data.count - 10, 30] {
            let truncated = try #require(Self.refusal(data.prefix(cut)))
            #expect(truncated.kind == .damagedDocument)
            #expect(truncated.message.contains("truncated or damaged"))
        }
    }

    @Test("XML with a DTD is refused: internal entities (billion laughs) and external ones are never expanded", arguments: [
        "<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
        "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
        "<!doctype w:document SYSTEM \"http://example.invalid/x.dtd\">",
    ])
    func entities(_ doctype: String) throws {
        let xml = "<?xml version=\"1.0\"?>\(doctype)<w:document \(WordFixture.ns)><w:body><w:p><w:r><w:t>&c;&xxe;</w:t></w:r></w:p></w:body></w:document>"
        let error = try #require(Self.refusal(try WordFixture.zip([("word/document.xml", Data(xml.utf8))])))
        #expect(error.kind == .unsafeDocument)
        #expect(error.message.contains("DTD or entity declaration"))
    }

    @Test("XML nested deeper than the limit is refused quickly")
    func deepNesting() throws {
        func nested(_ depth: Int) -> Data {
            Data(("<w:document \(WordFixture.ns)><w:body>" + String(repeating: "<w:sdt>", count: depth) + String(repeating: "</w:sdt>", count: depth) + "</w:body></w:document>").utf8)
        }
        let error = try #require(Self.refusal(try WordFixture.zip([("word/document.xml", nested(2_000))])))
        #expect(error.kind == .unsafeDocument)
        #expect(error.message.contains("nested more than 200 levels"))
        // Deeper still (the zipped form of this would already be refused as a bomb): stopped at the limit.
        let start = Date()
        #expect(throws: XMLTreeError.self) { try XMLTree.parse(nested(200_000)) }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test("One paragraph of 8 MB of text is read in linear time", .thorough)
    func longText() throws {
        let words = String(repeating: "lapset nuoret perheet koulu ", count: 300_000)
        let xml = "<w:document \(WordFixture.ns)><w:body><w:p><w:r><w:t>\(words)</w:t></w:r></w:p></w:body></w:document>"
        let data = try WordFixture.zip([("word/document.xml", Data(xml.utf8))], stored: true)
        let start = Date()
        let plan = try PlanReader.read(data: data, file: "plan.docx")
        // About 2 s in a debug build; joining the pieces anew each time would be quadratic.
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(plan.lines.count == 1)
        #expect(plan.lines.first?.count == words.count - 1, "the closing space is trimmed")
    }

    @Test("A 100 MB embedded picture is never decompressed: the plan is read and quickly", .thorough)
    func hugeMedia() throws {
        let size = 100 * 1024 * 1024
        let archive = try Archive(data: Data(), accessMode: .create)
        let docx = try WordFixture.docx(body: Self.body)
        let source = try Archive(data: docx, accessMode: .read)
        for entry in source {
            var bytes = Data()
            _ = try source.extract(entry) { bytes.append($0) }
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { p, n in
                bytes.subdata(in: Int(p)..<Int(p) + n)
            }
        }
        let zeros = Data(count: 1 << 20)
        try archive.addEntry(with: "word/media/image1.png", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { _, n in
            zeros.prefix(n)
        }
        let data = try #require(archive.data)
        let start = Date()
        let plan = try PlanReader.read(data: data, file: "plan.docx")
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(WordFixture.texts(plan) == ["Suunnitelma on hyväksytty."])
    }

    @Test("Macros (.docm, vbaProject.bin) are refused")
    func macros() throws {
        let data = try WordFixture.docx(body: Self.body, parts: ["word/vbaProject.bin": "Attribute VB_Name"])
        let error = try #require(Self.refusal(data, file: "plan.docm"))
        #expect(error.kind == .unsupportedFormat, "a .docm is refused by its name first")
        let renamed = try #require(Self.refusal(data, file: "plan.docx"))
        #expect(renamed.kind == .unsafeDocument)
        #expect(renamed.message.contains("macros"))
    }

    @Test(".doc, .rtf and .pdf files get a message that says to save as .docx, in three languages", arguments: ["plan.doc", "plan.rtf", "plan.pdf", "plan.pages"])
    func otherFormats(_ file: String) throws {
        let error = try #require(Self.refusal(Data("{\\rtf1 Lasten ja nuorten hyvinvointisuunnitelma}".utf8), file: file))
        #expect(error.kind == .unsupportedFormat)
        let t = try #require(error.translations)
        #expect(t.en.contains("save it as .docx"))
        #expect(t.fi.contains("tallenna se .docx-muodossa"))
        #expect(t.sv.contains("spara det som .docx"))
        #expect(error.description(in: .fi).hasPrefix("\(file): virhe: planlint ei lue"))
    }

    @Test("A flat OpenDocument file (.fodt) is read like an .odt")
    func flatODT() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
        <office:body><office:text><text:h text:outline-level="1">Johdanto</text:h><text:p>Valtuusto hyväksyi suunnitelman.</text:p>
        <table:table><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Tavoite</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
        <table:table-row><table:table-cell><text:p>A</text:p></table:table-cell><table:table-cell><text:p>B</text:p></table:table-cell></table:table-row>
        <table:table-row><table:table-cell><text:p>C</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table>
        </office:text></office:body></office:document>
        """
        let plan = try PlanReader.read(data: Data(xml.utf8), file: "plan.fodt")
        #expect(plan.format == .openDocument)
        #expect(WordFixture.titles(plan) == ["1 Johdanto"])
        guard case .table(let table)? = plan.allSections.first?.blocks.last else { Issue.record("no table"); return }
        #expect(table.header.map(\.text) == ["Tavoite", "Tavoite"])
        #expect(table.rows.map { $0.map(\.text) } == [["A", "B"], ["C", "B"]])
    }

    @Test("Tables past the cell limit are refused at the row that passes it, spans and padding counted")
    func tableCellLimit() throws {
        // One cell spanning 64 columns a row: 3 125 rows are exactly the limit.
        let spanned = "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"64\"/></w:tcPr>" + WordFixture.p("x") + "</w:tc></w:tr>"
        let atLimit = WordFixture.p("Liite", style: "Otsikko1") + "<w:tbl>" + String(repeating: spanned, count: 3_125) + "</w:tbl>"
        let plan = try WordFixture.read(try WordFixture.docx(body: atLimit))
        guard case .table(let t)? = plan.allSections.last?.blocks.last else { Issue.record("no table"); return }
        #expect((t.rows.count + 1) * t.header.count == TableCellLimit.maxCells)

        // A wide first row, then rows of one cell: each is padded to 64, so the 3 126th row
        // passes the limit; nothing after it is read.
        let narrow = "<w:tr><w:tc>" + WordFixture.p("y") + "</w:tc></w:tr>"
        let over = WordFixture.p("Liite", style: "Otsikko1") + "<w:tbl>" + spanned + String(repeating: narrow, count: 5_000) + "</w:tbl>"
        let error = try #require(Self.refusal(try WordFixture.docx(body: over)))
        #expect(error.kind == .tooLarge)
        #expect(error.position == nil)
        #expect(error.description == "plan.docx: error: table 1, row 3126: the plan's tables hold at least 200 064 cells; the limit is 200 000 (a plan's tables usually hold a few thousand cells at most: split the table or give it as a separate attachment)")
        #expect(error.translations?.fi.hasPrefix("taulukko 1, rivi 3126: suunnitelman taulukoissa on ainakin 200 064 solua") == true)
        #expect(error.translations?.sv.hasPrefix("tabell 1, rad 3126: planens tabeller har minst 200 064 celler") == true)
    }

    @Test("OpenDocument tables count repeated cells, and the limit is on all the plan's tables together")
    func tableCellLimitODT() throws {
        let row = "<table:table-row><table:table-cell table:number-columns-repeated=\"64\"><text:p>x</text:p></table:table-cell></table:table-row>\n"
        let table = "<table:table>" + String(repeating: row, count: 1_600) + "</table:table>\n"
        func fodt(_ tables: Int) -> Data {
            Data(("""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
            <office:body><office:text><text:h text:outline-level="1">Liite</text:h>
            """ + String(repeating: table, count: tables) + "</office:text></office:body></office:document>").utf8)
        }
        // One table of 102 400 cells is read; the second passes the limit at its row 1 526.
        let plan = try PlanReader.read(data: fodt(1), file: "plan.fodt")
        guard case .table(let t)? = plan.allSections.last?.blocks.last else { Issue.record("no table"); return }
        #expect(t.header.count == 64 && t.rows.count == 1_599)
        let error = try #require(Self.refusal(fodt(2), file: "plan.fodt"))
        #expect(error.kind == .tooLarge)
        #expect(error.message.hasPrefix("table 2, row 1526: the plan's tables hold at least 200 064 cells; the limit is 200 000"))
    }

    /// Foundation's XMLParser (libxml2) refuses a part over 10 000 000 bytes as broken XML:
    /// a sound part over it is refused as too large, with its exact size, before the parser
    /// could call it damaged; a part just under it is read.
    @Test("A document part over 10 000 000 bytes is refused with its size; a part just under it is read", .thorough)
    func partOverTheParserLimit() throws {
        let paragraph = WordFixture.p(String(repeating: "Lapset ja nuoret osallistuvat. ", count: 40))
        func document(_ bytes: Int) -> Data {
            let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(WordFixture.ns)><w:body>\(Self.body)"
            let tail = "</w:body></w:document>"
            var xml = head + String(repeating: paragraph, count: (bytes - head.utf8.count - tail.utf8.count) / paragraph.utf8.count)
            xml += String(repeating: " ", count: bytes - xml.utf8.count - tail.utf8.count) + tail
            return Data(xml.utf8)
        }
        func docx(_ xml: Data) throws -> Data {
            try WordFixture.zip([("[Content_Types].xml", Data("<Types/>".utf8)), ("word/document.xml", xml),
                                 ("word/styles.xml", Data("<w:styles \(WordFixture.ns)>\(WordFixture.defaultStyles)</w:styles>".utf8))], stored: true)
        }
        let under = document(10_000_000)
        #expect(under.count == 10_000_000)
        let read = try PlanReader.read(data: docx(under), file: "plan.docx")
        #expect(read.allSections.contains { $0.title == "Johdanto" })
        let error = try #require(Self.refusal(docx(document(10_000_001))))
        #expect(error.kind == .unsafeDocument)
        #expect(error.message == "the document part word/document.xml is 10 000 001 bytes; the limit is 10 000 000 bytes", "\(error)")
    }
}
