// Bad input: broken plans, broken packs, bad usage. Each gets a clear message with
// file:line:column and a distinct exit code — never a crash, a backtrace or a silent pass.
import Foundation
import Testing

struct BadInput: CustomStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var status: Int32
    /// Text that must appear in stderr (or stdout for findings).
    var expected: String

    var description: String { name }
}

@Suite("Bad input")
struct BadInputTests {
    static func plan(_ file: String) -> String { CLI.fixture("bad/plans/" + file) }
    static func pack(_ name: String) -> String { CLI.fixture("bad/packs/" + name) }
    static let ok = "Examples/jarvela-2025.md"

    static let cases: [BadInput] = [
        BadInput(name: "missing plan file", arguments: ["lint", "Examples/ei-ole.md"], status: 2, expected: "Examples/ei-ole.md: error: no such file or folder"),
        BadInput(name: "unclosed quote in front matter", arguments: ["lint", plan("unclosed-quote.md")], status: 2, expected: "unclosed-quote.md:9:1: error: found unexpected end of stream (while scanning a quoted scalar at line 8)"),
        BadInput(name: "front matter never closed", arguments: ["lint", plan("unterminated-front-matter.md")], status: 2, expected: "unterminated-front-matter.md:1:1: error: front matter opened on line 1 is never closed"),
        BadInput(name: "duplicate key", arguments: ["lint", plan("duplicate-key.md")], status: 2, expected: "duplicate-key.md:8:1: error: duplicate key \"status\" (first defined on line 7)"),
        BadInput(name: "billion laughs", arguments: ["lint", plan("billion-laughs.md")], status: 2, expected: "billion-laughs.md:"),
        BadInput(name: "deep nesting", arguments: ["lint", plan("deep-nesting.md")], status: 2, expected: "nesting deeper than"),
        BadInput(name: "front matter is a list", arguments: ["lint", plan("front-matter-list.md")], status: 2, expected: "front-matter-list.md:2:1: error: the front matter must be a mapping"),
        BadInput(name: "invalid UTF-8", arguments: ["lint", plan("invalid-utf8.md")], status: 2, expected: "invalid-utf8.md:7:20: error: the file is not valid UTF-8 text"),
        BadInput(name: "binary file", arguments: ["lint", plan("binary.md")], status: 2, expected: "binary.md:5:1: error: the file contains a NUL byte"),
        BadInput(name: "YAML plan is a scalar", arguments: ["lint", plan("scalar-plan.yaml")], status: 2, expected: "scalar-plan.yaml:1:1: error: a YAML plan must be a mapping"),
        BadInput(name: "sections not a list", arguments: ["lint", plan("sections-not-list.yaml")], status: 2, expected: "sections-not-list.yaml:7:3: error: sections must be a list"),
        BadInput(name: "section without title", arguments: ["lint", plan("section-without-title.yaml")], status: 2, expected: "section-without-title.yaml:7:5: error: a section needs a title"),
        BadInput(name: "section with unknown key", arguments: ["lint", plan("section-unknown-key.yaml")], status: 2, expected: "section-unknown-key.yaml:8:5: error: unknown key 'txt' in a section"),
        BadInput(name: "empty YAML plan", arguments: ["lint", plan("empty.yaml")], status: 2, expected: "empty.yaml:1:1: error: the plan is empty"),
        BadInput(name: "tab indentation", arguments: ["lint", plan("tab-indent.yaml")], status: 2, expected: "tab-indent.yaml:2:1: error: found character that cannot start any token"),
        BadInput(name: "not a plan file", arguments: ["lint", plan("notes.txt")], status: 2, expected: "notes.txt: error: not a plan file"),
        BadInput(name: "folder without plans", arguments: ["lint", plan("empty-folder")], status: 2, expected: "error: no plan files (.md, .yaml, .yml, .docx, .odt, .fodt) found"),
        BadInput(name: "invalid date is a finding, not a crash", arguments: ["lint", plan("bad-date.md"), "--lang", "en", "--as-of", "2026-11-22"], status: 1, expected: "approvals[0].date: '31.2.2025' is not a valid date"),
        BadInput(name: "pack folder missing", arguments: ["lint", ok, "--pack", "Rules/ei-ole"], status: 2, expected: "Rules/ei-ole: error: rule pack folder not found"),
        BadInput(name: "pack without pack.yaml", arguments: ["lint", ok, "--pack", pack("no-manifest")], status: 2, expected: "no-manifest/pack.yaml: error: rule pack has no pack.yaml"),
        BadInput(name: "unknown key in a rule", arguments: ["lint", ok, "--pack", pack("unknown-key")], status: 2, expected: "unknown-key/rules/local.yaml:4:5: error: unknown key 'severty' in a rule (did you mean 'severity'?)"),
        BadInput(name: "unknown check", arguments: ["lint", ok, "--pack", pack("unknown-check")], status: 2, expected: "unknown-check/rules/local.yaml:6:13: error: unknown check 'exists'"),
        BadInput(name: "bad path", arguments: ["lint", ok, "--pack", pack("bad-path")], status: 2, expected: "bad-path/rules/local.yaml:6:22: error: present: bad path 'approvals[x].date': expected a number or * inside [ ]"),
        BadInput(name: "bad date in a pack", arguments: ["lint", ok, "--pack", pack("bad-date")], status: 2, expected: "bad-date/rules/local.yaml:6:36: error: law_in_force.from: '2023-02-30' is not a valid date"),
        BadInput(name: "missing translation", arguments: ["lint", ok, "--pack", pack("missing-translation")], status: 2, expected: "missing-translation/rules/local.yaml:7:14: error: rule LOCAL-PUBLISHED: message lacks the Swedish text ('sv')"),
        BadInput(name: "unknown variable", arguments: ["lint", ok, "--pack", pack("unknown-variable")], status: 2, expected: "unknown variable '$today'"),
        BadInput(name: "example plan missing", arguments: ["lint", ok, "--pack", pack("missing-example")], status: 2, expected: "missing-example/rules/local.yaml:10:14: error: rule LOCAL-PUBLISHED: example plan 'examples/pass.md' not found in the pack"),
        BadInput(name: "bad regular expression", arguments: ["lint", ok, "--pack", pack("bad-regex")], status: 2, expected: "bad-regex/rules/facts.yaml:4:16: error: pattern is not a valid regular expression"),
        BadInput(name: "extends a pack that is not loaded", arguments: ["lint", ok, "--pack", pack("unknown-base")], status: 2, expected: "error: pack 'local' extends 'fi-kunta', which is not loaded"),
        BadInput(name: "rule id already defined", arguments: ["lint", ok, "--pack", pack("duplicate-rule")], status: 2, expected: "error: rule 'LSL-12-1-REVIEW-4Y' is also defined by pack 'fi-lsl'"),
        BadInput(name: "broken YAML in a pack", arguments: ["lint", ok, "--pack", pack("broken-yaml")], status: 2, expected: "broken-yaml/rules/local.yaml:"),
        BadInput(name: "unknown severity", arguments: ["lint", ok, "--pack", pack("severity-value")], status: 2, expected: "severity-value/rules/local.yaml:4:15: error: rule LOCAL-PUBLISHED: severity must be error, warning or info, found 'fatal'"),
        BadInput(name: "unknown format", arguments: ["lint", ok, "--format", "xml"], status: 64, expected: "The value 'xml' is invalid for '--format"),
        BadInput(name: "bad --as-of", arguments: ["lint", ok, "--as-of", "2026-13-45"], status: 64, expected: "The value '2026-13-45' is invalid for '--as-of"),
        BadInput(name: "unknown language", arguments: ["lint", ok, "--lang", "de"], status: 64, expected: "The value 'de' is invalid for '--lang"),
    ]

    @Test("Each bad input gets its message and exit code", arguments: cases)
    func badInput(_ c: BadInput) throws {
        let r = try CLI.run(c.arguments)
        #expect(r.status == c.status, "\(c.name): exit \(r.status)\n\(r.stderr)\(r.stdout)")
        #expect((r.stderr + r.stdout).contains(c.expected), "\(c.name):\n\(r.stderr)\(r.stdout)")
        #expect(!r.stderr.contains("Fatal error"), "no crash")
        #expect(!r.stderr.contains("Stack dump"), "no backtrace")
    }

    @Test("A file larger than the limit is refused before it is read")
    func hugeFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: url) }
        var text = "---\nplan: {title: Suuri}\n---\n# Suunnitelma\n\n"
        let paragraph = String(repeating: "Lasten ja nuorten hyvinvointi paranee. ", count: 100) + "\n\n"
        while text.utf8.count < 9 * 1024 * 1024 { text += paragraph }
        try text.write(to: url, atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint", url.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: the file is 9 MB; the limit is 8 MB"), "\(r.stderr)")
        #expect(!r.stdout.contains("the limit is 8 MB"), "load errors are not part of the report")
    }
}
