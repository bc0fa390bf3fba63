// Bad input: broken plans, broken packs, bad usage. Each gets a clear message with
// file:line:column and a distinct exit code — never a crash, a backtrace or a silent pass.
//
// Plans and packs are read in-process, through the same library calls the command makes
// (discover, read, load the packs, build the engine): their messages are the library's.
// The command itself is spawned only for what it adds: argument errors (exit 64) and one
// broken plan and one broken pack end to end (exit 2, the message on stderr).
import Foundation
import PlanLint
import Testing

struct BadInput: CustomStringConvertible, Sendable {
    enum Input: Sendable {
        /// A plan path, read as `planlint lint PATH` reads it.
        case plan(String)
        /// A pack folder, loaded with the embedded packs as `--pack DIR` loads it.
        case pack(String)
    }

    var name: String
    var input: Input
    /// Text that must appear in the error messages.
    var expected: String

    var description: String { name }

    /// The messages the command would print for this input, in order; empty when it loads.
    func errors() -> [String] {
        switch input {
        case .plan(let path):
            let found = PlanReader.discover([path])
            if !found.errors.isEmpty { return found.errors.map(\.description) }
            if found.files.isEmpty { return ["\(path): error: no plan files (.md, .yaml, .yml, .docx, .odt, .fodt) found"] }
            var out: [String] = []
            for file in found.files {
                do { _ = try PlanReader.read(file: file) } catch { out.append(error.description) }
            }
            return out
        case .pack(let dir):
            do {
                _ = try Engine(packs: try PackSet.load(directories: [dir]))
                return []
            } catch let e as InputErrors {
                return e.errors.map(\.description)
            } catch {
                return ["unexpected error type: \(error)"]
            }
        }
    }
}

@Suite("Bad input")
struct BadInputTests {
    static func plan(_ file: String) -> String { CLI.fixture("bad/plans/" + file) }
    static func pack(_ name: String) -> String { CLI.fixture("bad/packs/" + name) }
    static let ok = "Examples/jarvela-2025.md"

    static let cases: [BadInput] = [
        BadInput(name: "missing plan file", input: .plan("Examples/ei-ole.md"), expected: "Examples/ei-ole.md: error: no such file or folder"),
        BadInput(name: "unclosed quote in front matter", input: .plan(plan("unclosed-quote.md")), expected: "unclosed-quote.md:9:1: error: found unexpected end of stream (while scanning a quoted scalar at line 8)"),
        BadInput(name: "front matter never closed", input: .plan(plan("unterminated-front-matter.md")), expected: "unterminated-front-matter.md:1:1: error: front matter opened on line 1 is never closed"),
        BadInput(name: "duplicate key", input: .plan(plan("duplicate-key.md")), expected: "duplicate-key.md:8:1: error: duplicate key \"status\" (first defined on line 7)"),
        BadInput(name: "billion laughs", input: .plan(plan("billion-laughs.md")), expected: "billion-laughs.md:"),
        BadInput(name: "deep nesting", input: .plan(plan("deep-nesting.md")), expected: "nesting deeper than"),
        BadInput(name: "front matter is a list", input: .plan(plan("front-matter-list.md")), expected: "front-matter-list.md:2:1: error: the front matter must be a mapping"),
        BadInput(name: "invalid UTF-8", input: .plan(plan("invalid-utf8.md")), expected: "invalid-utf8.md:7:20: error: the file is not valid UTF-8 text"),
        BadInput(name: "binary file", input: .plan(plan("binary.md")), expected: "binary.md:5:1: error: the file contains a NUL byte"),
        BadInput(name: "YAML plan is a scalar", input: .plan(plan("scalar-plan.yaml")), expected: "scalar-plan.yaml:1:1: error: a YAML plan must be a mapping"),
        BadInput(name: "sections not a list", input: .plan(plan("sections-not-list.yaml")), expected: "sections-not-list.yaml:7:3: error: sections must be a list"),
        BadInput(name: "section without title", input: .plan(plan("section-without-title.yaml")), expected: "section-without-title.yaml:7:5: error: a section needs a title"),
        BadInput(name: "section with unknown key", input: .plan(plan("section-unknown-key.yaml")), expected: "section-unknown-key.yaml:8:5: error: unknown key 'txt' in a section"),
        BadInput(name: "empty YAML plan", input: .plan(plan("empty.yaml")), expected: "empty.yaml:1:1: error: the plan is empty"),
        BadInput(name: "tab indentation", input: .plan(plan("tab-indent.yaml")), expected: "tab-indent.yaml:2:1: error: found character that cannot start any token"),
        BadInput(name: "not a plan file", input: .plan(plan("notes.txt")), expected: "notes.txt: error: not a plan file"),
        BadInput(name: "folder without plans", input: .plan(plan("empty-folder")), expected: "error: no plan files (.md, .yaml, .yml, .docx, .odt, .fodt) found"),
        BadInput(name: "pack folder missing", input: .pack("Rules/ei-ole"), expected: "Rules/ei-ole: error: rule pack folder not found"),
        BadInput(name: "pack without pack.yaml", input: .pack(pack("no-manifest")), expected: "no-manifest/pack.yaml: error: rule pack has no pack.yaml"),
        BadInput(name: "unknown key in a rule", input: .pack(pack("unknown-key")), expected: "unknown-key/rules/local.yaml:4:5: error: unknown key 'severty' in a rule (did you mean 'severity'?)"),
        BadInput(name: "unknown check", input: .pack(pack("unknown-check")), expected: "unknown-check/rules/local.yaml:6:13: error: unknown check 'exists'"),
        BadInput(name: "bad path", input: .pack(pack("bad-path")), expected: "bad-path/rules/local.yaml:6:22: error: present: bad path 'approvals[x].date': expected a number or * inside [ ]"),
        BadInput(name: "bad date in a pack", input: .pack(pack("bad-date")), expected: "bad-date/rules/local.yaml:6:36: error: law_in_force.from: '2023-02-30' is not a valid date"),
        BadInput(name: "missing translation", input: .pack(pack("missing-translation")), expected: "missing-translation/rules/local.yaml:7:14: error: rule LOCAL-PUBLISHED: message lacks the Swedish text ('sv')"),
        BadInput(name: "unknown variable", input: .pack(pack("unknown-variable")), expected: "unknown variable '$today'"),
        BadInput(name: "example plan missing", input: .pack(pack("missing-example")), expected: "missing-example/rules/local.yaml:10:14: error: rule LOCAL-PUBLISHED: example plan 'examples/pass.md' not found in the pack"),
        BadInput(name: "bad regular expression", input: .pack(pack("bad-regex")), expected: "bad-regex/rules/facts.yaml:4:16: error: pattern is not a valid regular expression"),
        BadInput(name: "extends a pack that is not loaded", input: .pack(pack("unknown-base")), expected: "error: pack 'local' extends 'fi-kunta', which is not loaded"),
        BadInput(name: "rule id already defined", input: .pack(pack("duplicate-rule")), expected: "error: rule 'LSL-12-1-REVIEW-4Y' is also defined by pack 'fi-lsl'"),
        BadInput(name: "broken YAML in a pack", input: .pack(pack("broken-yaml")), expected: "broken-yaml/rules/local.yaml:"),
        BadInput(name: "unknown severity", input: .pack(pack("severity-value")), expected: "severity-value/rules/local.yaml:4:15: error: rule LOCAL-PUBLISHED: severity must be error, warning or info, found 'fatal'"),
    ]

    @Test("Each bad plan or pack gets its message with its position", arguments: cases)
    func badInput(_ c: BadInput) throws {
        let errors = c.errors()
        #expect(!errors.isEmpty, "\(c.name): loaded without an error")
        #expect(errors.contains { $0.contains(c.expected) }, "\(c.name):\n\(errors.joined(separator: "\n"))")
    }

    @Test("An invalid date in a plan is a finding, not a crash")
    func invalidDate() throws {
        let engine = try Engine(packs: try PackSet.load(directories: []))
        let plan = try PlanReader.read(file: Self.plan("bad-date.md"))
        let report = engine.check(plan, asOf: try #require(PlanDate(parsing: "2026-11-22")), language: .en)
        #expect(report.findings.contains { $0.severity == .error && $0.message.contains("approvals[0].date: '31.2.2025' is not a valid date") },
                "\(report.findings.map(\.message))")
    }

    @Test("End to end: argument errors exit 64, a broken plan and a broken pack exit 2 with the message on stderr")
    func endToEnd() throws {
        for (arguments, expected) in [
            (["lint", Self.ok, "--format", "xml"], "The value 'xml' is invalid for '--format"),
            (["lint", Self.ok, "--as-of", "2026-13-45"], "The value '2026-13-45' is invalid for '--as-of"),
            (["lint", Self.ok, "--lang", "de"], "The value 'de' is invalid for '--lang"),
        ] {
            let r = try CLI.run(arguments)
            #expect(r.status == 64, "\(arguments): exit \(r.status)\n\(r.stderr)")
            #expect(r.stderr.contains(expected), "\(r.stderr)")
        }
        let typo = try CLI.run(["lnit", "Examples"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("did you mean 'planlint lint'"), "\(typo.stderr)")
        let help = try CLI.run(["--help"])
        #expect(help.stdout.contains("planlint rules test"), "every command is listed: \(help.stdout)")
        let plan = try CLI.run(["lint", Self.plan("duplicate-key.md")])
        #expect(plan.status == 2)
        #expect(plan.stderr.contains("duplicate-key.md:8:1: error: duplicate key \"status\" (first defined on line 7)"), "\(plan.stderr)")
        #expect(!plan.stderr.contains("Fatal error") && !plan.stderr.contains("Stack dump"))
        let pack = try CLI.run(["lint", Self.ok, "--pack", Self.pack("unknown-key")])
        #expect(pack.status == 2)
        #expect(pack.stderr.contains("unknown-key/rules/local.yaml:4:5: error: unknown key 'severty' in a rule (did you mean 'severity'?)"), "\(pack.stderr)")
        #expect(pack.stdout.isEmpty, "load errors are not part of the report")
    }

    @Test("A file larger than the limit is refused before it is read")
    func hugeFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: url) }
        var text = "---\nplan: {title: Suuri}\n---\n# Suunnitelma\n\n"
        let paragraph = String(repeating: "Lasten ja nuorten hyvinvointi paranee. ", count: 100) + "\n\n"
        while text.utf8.count < 9 * 1024 * 1024 { text += paragraph }
        try text.write(to: url, atomically: true, encoding: .utf8)
        let r = try CLI.lint(["lint", url.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: the file is 9 438 982 bytes; the limit is 8 388 608"), "\(r.stderr)")
        #expect(!r.stdout.contains("the limit is 8 388 608"), "load errors are not part of the report")
    }
}
