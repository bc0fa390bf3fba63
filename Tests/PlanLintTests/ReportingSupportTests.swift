// The pieces the reporters share, on hostile input: GitHub workflow command escaping, XML
// and Markdown escaping, paths and URIs, fingerprints, atomic file writes.
import Foundation
import FoundationXML
import Testing
@testable import PlanLint

@Suite("Reporting support")
struct ReportingSupportTests {
    // MARK: - GitHub workflow commands

    @Test("Data is escaped as the toolkit's escapeData: %, CR, LF and nothing else")
    func githubData() {
        #expect(GitHubReporter.escapeData("100% valmis") == "100%25 valmis")
        #expect(GitHubReporter.escapeData("a\r\nb") == "a%0D%0Ab", "a CR LF pair is two escapes")
        #expect(GitHubReporter.escapeData("a\nb\rc") == "a%0Ab%0Dc")
        #expect(GitHubReporter.escapeData("%0A") == "%250A", "an escape in the input is not an escape in the output")
        #expect(GitHubReporter.escapeData("x::error::y, z: w") == "x::error::y, z: w", ": and , are left alone in data")
    }

    @Test("Properties are escaped as the toolkit's escapeProperty: also : and ,")
    func githubProperty() {
        #expect(GitHubReporter.escapeProperty("LSL-12-1: Luonnos, joka") == "LSL-12-1%3A Luonnos%2C joka")
        #expect(GitHubReporter.escapeProperty("a,file=/etc/passwd") == "a%2Cfile=/etc/passwd")
        #expect(GitHubReporter.escapeProperty("x::warning::y") == "x%3A%3Awarning%3A%3Ay")
        #expect(GitHubReporter.escapeProperty("50%\r\n") == "50%25%0D%0A")
    }

    @Test("A command built from hostile values stays one command on one line")
    func githubCommand() {
        let line = GitHubReporter.command("error", [("file", "plans/a,b.md"), ("line", "3"), ("title", "R: x,y")], "first\nsecond::error::third 5%")
        #expect(line == "::error file=plans/a%2Cb.md,line=3,title=R%3A x%2Cy::first%0Asecond::error::third 5%25")
        #expect(!line.contains("\n"))
        #expect(GitHubReporter.command("notice", [], "ok") == "::notice::ok")
    }

    // MARK: - XML

    @Test("XML text and attributes survive a parser unchanged, control characters become U+FFFD")
    func xml() throws {
        let hostile = "kunnanhallitus & <lautakunta> \"A|B\" 'x' ]]> \r\n\tloppu \u{1}\u{1B}[31m \u{FFFF}"
        let expected = "kunnanhallitus & <lautakunta> \"A|B\" 'x' ]]> \r\n\tloppu \u{FFFD}\u{FFFD}[31m \u{FFFD}"
        let xml = "<r a=\"\(XMLText.attribute(hostile))\">\(XMLText.text(hostile))</r>"
        let doc = try XMLDocument(xmlString: xml, options: [])
        let root = try #require(doc.rootElement())
        #expect(root.attribute(forName: "a")?.stringValue == expected)
        #expect(root.stringValue == expected)
    }

    // MARK: - Markdown

    @Test("A Markdown cell keeps one table cell: pipes, breaks and markup are escaped")
    func markdownCell() {
        let cell = MarkdownReporter.cell("a|b\r\nc\nd <x> & `k` *e* _f_ [g] \\ #h \u{1}")
        #expect(cell == "a\\|b<br>c<br>d &lt;x&gt; &amp; \\`k\\` \\*e\\* \\_f\\_ \\[g\\] \\\\ \\#h  ")
        #expect(!cell.contains("\n"))
    }

    // MARK: - Paths

    @Test("Paths are made relative to the source root and percent-encoded as URIs")
    func paths() {
        let root = "/srv/kunta/suunnitelmat"
        #expect(ArtifactPath("Examples/jarvela-2025.md", root: root).path == "Examples/jarvela-2025.md")
        #expect(ArtifactPath("./Examples/../Examples/jarvela-2025.md", root: root).path == "Examples/jarvela-2025.md")
        #expect(ArtifactPath("/srv/kunta/suunnitelmat/2025/järvelä luonnos.md", root: root + "/").uri == "2025/j%C3%A4rvel%C3%A4%20luonnos.md")
        #expect(ArtifactPath("a:b.md", root: root).uri == "a%3Ab.md", "a relative URI must not read as a scheme")
        let outside = ArtifactPath("../muut/vanha.md", root: root)
        #expect(!outside.isRelative)
        #expect(outside.path == "/srv/kunta/muut/vanha.md")
        #expect(outside.uri == "file:///srv/kunta/muut/vanha.md")
        #expect(ArtifactPath.directoryURI("/srv/kunta/suunnitelmat") == "file:///srv/kunta/suunnitelmat/")
    }

    // MARK: - Fingerprints

    @Test("Fingerprints do not depend on line numbers but on the rule, the file and the flagged text")
    func fingerprints() throws {
        let report = try Repo.check("Examples/koskenkyla-luonnos-2026.md")
        let prints = Fingerprint.of(report, path: "Examples/koskenkyla-luonnos-2026.md")
        #expect(prints.count == report.findings.count)
        #expect(Set(prints).count == prints.count, "unique within the plan")
        #expect(prints.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
        var moved = report
        for i in moved.findings.indices {
            moved.findings[i].start.line += 7
            moved.findings[i].end.line += 7
        }
        moved.sourceLines = Dictionary(uniqueKeysWithValues: report.sourceLines.map { ($0.key + 7, $0.value) })
        #expect(Fingerprint.of(moved, path: "Examples/koskenkyla-luonnos-2026.md") == prints)
        #expect(Fingerprint.of(report, path: "Examples/other.md") != prints, "the file is part of it")
        #expect(Fingerprint.normalise("  body:\t kunnanhallitus \r\n") == "body: kunnanhallitus")
    }

    // MARK: - Atomic writes

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func leftovers(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".planlint-") }
    }

    @Test("A file is replaced whole, keeps its permissions, and no temporary file is left")
    func atomicReplace() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("planlint.sarif")
        try "vanha".write(to: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        try AtomicFile.write(Data("uusi raportti".utf8), to: file.path)
        #expect(try String(contentsOf: file, encoding: .utf8) == "uusi raportti")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try Self.leftovers(dir).isEmpty)
        let fresh = dir.appendingPathComponent("uusi.xml")
        try AtomicFile.write(Data("<a/>".utf8), to: fresh.path)
        #expect(try String(contentsOf: fresh, encoding: .utf8) == "<a/>")
    }

    @Test("A write that cannot happen is an error value and touches nothing")
    func atomicFailure() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("ei-ole/raportti.sarif").path
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("x".utf8), to: missing) }
        do {
            try AtomicFile.write(Data("x".utf8), to: dir.path)
            Issue.record("writing over a folder must fail")
        } catch {
            #expect(error.reason.hasPrefix("it is a folder;"))
        }
        #expect(try Self.leftovers(dir).isEmpty)
    }
}
