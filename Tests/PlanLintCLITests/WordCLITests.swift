// Word plans on the command line: a Word twin is linted with its findings placed by
// heading and paragraph; a document planlint cannot read exits 2 with what to do.
import Foundation
import Testing

@Suite("Word plans on the command line")
struct WordCLITests {
    @Test("A Word plan is linted; findings say the chapter, not a line number")
    func lintWord() throws {
        let out = try CLI.lint(["lint", "WordExamples/municipal-2024-prose-gaps.docx", "--as-of", "2026-11-22", "--lang", "en"])
        #expect(out.status == 1, "the plan lacks the student welfare plans, an error, as its Markdown twin does: \(out.stderr)")
        #expect(out.stdout.contains("--> WordExamples/municipal-2024-prose-gaps.docx: chapter 6, heading"))
    }

    @Test("An old .doc, a truncated .docx: exit 2 and a message saying what to do")
    func unreadable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-word-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = dir.appendingPathComponent("suunnitelma.doc")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: doc)
        let out = try CLI.lint(["lint", doc.path, "--lang", "fi"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("suunnitelma.doc: virhe: planlint ei lue .doc-tiedostoja"))
        #expect(out.stderr.contains("tallenna se .docx-muodossa"))

        let whole = try Data(contentsOf: CLI.root.appendingPathComponent("WordExamples/kommun-2025-god.docx"))
        let cut = dir.appendingPathComponent("plan.docx")
        try whole.prefix(whole.count / 2).write(to: cut)
        let truncated = try CLI.lint(["lint", cut.path, "--lang", "sv"])
        #expect(truncated.status == 2)
        #expect(truncated.stderr.contains("plan.docx: fel: filen är inte ett helt Word- eller OpenDocument-dokument"))
    }
}
