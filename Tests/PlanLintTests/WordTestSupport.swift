// Building small Word and OpenDocument files in memory for the tests.
import Foundation
import Testing
import ZIPFoundation
@testable import PlanLint

enum WordFixture {
    static let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""

    /// A zip archive of the given entries (deflated unless `stored`).
    static func zip(_ entries: [(String, Data)], stored: Bool = false) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: stored ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// A .docx whose body is `body` (the inside of w:body), with optional other parts.
    static func docx(body: String, styles: String = defaultStyles, parts: [String: String] = [:]) throws -> Data {
        var entries: [(String, Data)] = [
            ("[Content_Types].xml", Data("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
            ("word/document.xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(ns)><w:body>\(body)</w:body></w:document>".utf8)),
            ("word/styles.xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles \(ns)>\(styles)</w:styles>".utf8)),
        ]
        for (path, xml) in parts.sorted(by: { $0.key < $1.key }) { entries.append((path, Data(xml.utf8))) }
        return try zip(entries)
    }

    /// Finnish and Swedish Word's heading styles: ids Otsikko1/Rubrik1, names "heading N".
    static let defaultStyles = """
    <w:style w:type="paragraph" w:default="1" w:styleId="Normaali"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Otsikko1"><w:name w:val="heading 1"/><w:basedOn w:val="Normaali"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Otsikko2"><w:name w:val="heading 2"/><w:basedOn w:val="Normaali"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="heading 2"/><w:basedOn w:val="Normaali"/></w:style>
    <w:style w:type="paragraph" w:customStyle="1" w:styleId="OmaOtsikko"><w:name w:val="Oma otsikko"/><w:basedOn w:val="Otsikko2"/></w:style>
    <w:style w:type="paragraph" w:customStyle="1" w:styleId="Huomio"><w:name w:val="Huomio"/><w:basedOn w:val="Normaali"/><w:rPr><w:b/></w:rPr></w:style>
    """

    static func p(_ text: String, style: String? = nil, bold: Bool = false) -> String {
        let ppr = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        let rpr = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>\(ppr)<w:r>\(rpr)<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func read(_ data: Data, file: String = "plan.docx") throws -> Plan {
        try PlanReader.read(data: data, file: file)
    }

    /// The virtual lines of a plan, for assertions.
    static func titles(_ plan: Plan) -> [String] { plan.allSections.map { "\($0.level) \($0.title)" } }

    static func texts(_ plan: Plan) -> [String] {
        plan.body.allBlocks.flatMap(\.textBlocks).map(\.text)
    }
}
