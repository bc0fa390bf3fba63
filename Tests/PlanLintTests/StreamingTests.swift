// A run streamed (docs/architecture.md, "A run, streamed"): the session's reports are the
// reports of the whole run, plan order kept, in every format; the pieces the streaming rests
// on (parked parts, JSON written in slots, a report file written as it comes) keep their
// promises at their edges.
import Foundation
import Testing
@testable import PlanLint

@Suite("A run, streamed")
struct StreamingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = PlanDate(year: 2026, month: 11, day: 22)!

    /// The session in memory, as if started in the repository root; `outputs` are
    /// `FORMAT=PATH` reports written in the same run.
    static func session(_ paths: [String], format: String, outputs: [String] = [], batchSize: Int = 16, quiet: Bool = false) throws -> (status: Int32, out: String, err: String) {
        var flags = CommandLineSettings()
        flags.paths = paths
        flags.asOf = asOf
        flags.format = format
        flags.outputs = outputs
        var options = LintOptions(flags: flags)
        options.workingDirectory = root.path
        options.batchSize = batchSize
        options.quiet = quiet
        let out = StringSink(), err = StringSink()
        let status = try LintSession.run(options, stdout: out, stderr: err)
        return (status, out.text, err.text)
    }

    /// The same files checked as one whole run, once for every format (the outcomes do not
    /// depend on the format; the streamed session runs anew for each).
    static let wholeRun = Result { () throws -> ([PlanOutcome], [RulePack]) in
        let broken = root.appendingPathComponent("Tests/PlanLintCLITests/Fixtures/bad/plans/unclosed-quote.md").path
        let engine = try Engine(packs: try PackSet.load(directories: []))
        let files = ["Examples/alavesi-2023-prose.md", broken] + PlanReader.discover([root.appendingPathComponent("Examples").path]).files
        var outcomes = PlanRun.check(files: files.map { $0.hasPrefix("/") ? $0 : root.appendingPathComponent($0).path }, with: engine, asOf: asOf)
        // Shown as given: relative to the repository root.
        for i in outcomes.indices {
            switch outcomes[i] {
            case .checked(var r):
                r = Paths(root.path).relabel(r)
                outcomes[i] = .checked(r)
            case .failed(let e):
                outcomes[i] = .failed(Paths(root.path).relabel(e))
            }
        }
        return (outcomes, engine.packs)
    }

    /// Two sessions write every format between them: one on stdout, the others as
    /// `--output` files, as a CI job does.
    static let sessions: [(String, [String])] = [("text", ["json", "html", "junit", "gitlab"]), ("json", ["compliance", "sarif", "github", "checkstyle", "markdown"])]

    @Test("Every format: the session's streamed report, on stdout and in --output files, is the report of the whole run, in the order of the files",
          arguments: sessions)
    func sameAsWholeRun(_ format: String, _ others: [String]) throws {
        let broken = Self.root.appendingPathComponent("Tests/PlanLintCLITests/Fixtures/bad/plans/unclosed-quote.md").path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Batches of 3 over 11 plans: the last batch is short, and a plan that cannot be
        // read sits in the middle of the files.
        let streamed = try Self.session(["Examples/alavesi-2023-prose.md", broken, "Examples"], format: format,
                                        outputs: others.map { "\($0)=\(dir.path)/report.\($0)" }, batchSize: 3)
        #expect(streamed.status == 2, "the broken plan: \(streamed.err)")
        #expect(streamed.err.contains("unclosed-quote.md:9:1: error: found unexpected end of stream"))

        let (outcomes, packs) = try Self.wholeRun.get()
        #expect(outcomes.count == 12)
        for f in [format] + others {
            let text = f == format ? streamed.out : try String(contentsOf: dir.appendingPathComponent("report.\(f)"), encoding: .utf8)
            let reporter = try #require(Reporters.make(f, options: ReportOptions(language: .en, sourceRoot: Self.root.path)))
            let whole = reporter.report(RunResult(outcomes: outcomes, packs: packs, asOf: Self.asOf, language: nil))
            #expect(text == OutputSafety.neutralize(whole, OutputSafety.syntax(forFormat: f)), "\(f)")
            #expect(text.count > 1000, "\(f)")
        }
    }

    @Test("The two sessions above write every format")
    func everyFormatStreamed() {
        #expect(Set(Self.sessions.flatMap { [$0.0] + $0.1 }) == Set(Reporters.identifiers))
    }

    @Test("--quiet: the text summary only when the run fails, written at the end")
    func quiet() throws {
        let failing = try Self.session(["Examples"], format: "text", quiet: true)
        #expect(failing.status == 1)
        #expect(failing.out.split(separator: "\n").count == 1, "\(failing.out)")
        let passing = try Self.session(["Examples/jarvela-2025.md"], format: "text", quiet: true)
        #expect(passing.status == 0 && passing.out.isEmpty)
    }

    @Test("A parked part comes back whole, characters split across reads included")
    func spool() {
        let spool = Spool()
        var expected = ""
        // 300 KB of text whose characters take one to four bytes, so the 256 KB reads of
        // the drain end inside a character.
        for i in 0..<20_000 {
            let piece = "\(i) äö € 🙂 lapsi\n"
            spool.write(piece)
            expected += piece
        }
        let sink = StringSink()
        spool.drain(into: sink)
        #expect(sink.text == expected)
        #expect(spool.isEmpty)
        spool.write("uusi\n")
        let again = StringSink()
        spool.drain(into: again)
        #expect(again.text == "uusi\n", "a drained spool starts empty")
        #expect(Spool.completeLength(Array("a🙂".utf8).dropLast(1).map { $0 }) == 1)
        #expect(Spool.completeLength(Array("aä".utf8)) == 3)
    }

    struct Inner: Encodable {
        var name: String
        var empty: [Int]
        var nested: [String: [String]]
    }

    struct Whole: Encodable {
        var a: String
        var items: [Inner]
        var none: [Inner]
        var z: Int
    }

    struct Skeleton: Encodable {
        var a: String
        var items: JSONSlot<Inner>
        var none: JSONSlot<Inner>
        var z: Int
    }

    @Test("JSON written in slots is what JSONEncoder writes for the whole document, empty arrays included")
    func jsonSlots() {
        let items = (0..<5).map { Inner(name: "kohta \($0) \"lainaus\" / 🙂", empty: [], nested: ["x": [], "y": ["1", "2"]]) }
        let whole = JSONOutput.render(Whole(a: "alku", items: items, none: [], z: 3), orElse: "{}")
        let spool = JSONArraySpool(), empty = JSONArraySpool()
        for item in items { spool.append(item) }
        let sink = StringSink()
        JSONOutput.write(Skeleton(a: "alku", items: .slot("items"), none: .slot("none"), z: 3), slots: ["items": spool, "none": empty], orElse: "{}", to: sink)
        #expect(sink.text == whole)
        #expect(whole.contains("\"empty\" : [\n\n"), "the document has empty arrays, whose blank line is not indented")
    }

    @Test("A report file written piece by piece replaces the old one at commit; until then, and after an abort, the old one stays")
    func atomicWriter() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.json").path
        try Data("vanha\n".utf8).write(to: URL(fileURLWithPath: path))
        let writer = try AtomicFile.Writer(path: path)
        for i in 0..<10_000 { writer.write("rivi \(i)\n") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "vanha\n", "not replaced before the commit")
        try writer.commit()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("rivi 0\n") && text.hasSuffix("rivi 9999\n"))
        let aborted = try AtomicFile.Writer(path: path)
        aborted.write("kesken")
        aborted.abort()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"], "no temporary file left")
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.Writer(path: folder.path) }
    }
}
