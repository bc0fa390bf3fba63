// The output boundary: hostile file names, plan values, YAML keys and pack text reach no
// terminal or CI log as control characters or workflow commands, in any format.
import Foundation
import Testing
@testable import PlanLint

/// Text an attacker would put in a plan or a file name: an OSC title, CSI (ESC and U+009B),
/// BEL, NUL, CR, a line that would become a GitHub annotation, and bidirectional controls
/// that show text in another order than its bytes (Trojan Source).
enum Hostile {
    static let payload = "x\u{1B}]0;owned\u{07}\u{9B}2J\u{1B}[2J\u{0}\r\n::error file=a::pwned\n  ::warning::x ##[error]y ##vso[task.setvariable]z \u{202E}dm.exe\u{2066}\u{2069}\u{200F}"
}

/// Checks that `text` is safe: no control character but line feed and tab, and no line a
/// runner reads as a command (unless `commandsAllowed`, the GitHub format's own lines).
func expectSafe(_ text: String, format: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let controls = text.unicodeScalars.filter { OutputSafety.isControl($0) }
    #expect(controls.isEmpty, "\(format): control characters \(controls.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let trimmed = line.drop(while: { $0.isWhitespace })
        if format != "github" {
            #expect(!trimmed.hasPrefix("::"), "\(format): line starts a workflow command: \(line)", sourceLocation: sourceLocation)
        }
        #expect(!line.contains("##["), "\(format): \(line)", sourceLocation: sourceLocation)
        #expect(!line.contains("##vso["), "\(format): \(line)", sourceLocation: sourceLocation)
    }
}

@Suite("Output safety")
struct OutputSafetyTests {
    @Test("Plain text: controls become U+FFFD, command lines are prefixed, ##[ is broken")
    func plain() {
        let out = OutputSafety.neutralize("a\u{1B}[31mb\u{9B}c\u{7}\u{0}\r\n::error::x\n\t ::notice::y\nok ##[group]z\nok\tyes\n", .plain)
        #expect(out == "a\u{FFFD}[31mb\u{FFFD}c\u{FFFD}\u{FFFD}\u{FFFD}\n\u{FFFD}::error::x\n\u{FFFD}\t ::notice::y\nok ##\u{FFFD}[group]z\nok\tyes\n")
    }

    @Test("Bidirectional controls: U+FFFD in text, markup and Markdown, a JSON escape that keeps the value")
    func bidi() throws {
        let name = "plan\u{202E}dm.exe\u{202A}\u{202B}\u{202C}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}"
        let replaced = "plan\u{FFFD}dm.exe" + String(repeating: "\u{FFFD}", count: 11)
        for syntax in [OutputSafety.Syntax.plain, .markup, .markdown, .github] {
            #expect(OutputSafety.neutralize(name + "\n", syntax) == replaced + "\n", "\(syntax)")
        }
        struct Doc: Codable, Equatable { var file: String }
        let safe = OutputSafety.neutralize(JSONOutput.render(Doc(file: name), orElse: "{}"), .json)
        #expect(safe.contains("\\u202e") && !safe.unicodeScalars.contains("\u{202E}"))
        #expect(try JSONDecoder().decode(Doc.self, from: Data(safe.utf8)) == Doc(file: name))
        // Right-to-left letters and the ordinary joiners are text, not controls.
        let text = "שלום مرحبا a\u{200D}b\n"
        #expect(OutputSafety.neutralize(text, .plain) == text)
    }

    @Test("Clean text passes unchanged, colours pass only when on and only the reporter's own")
    func clean() {
        let text = "plan.md  (status draft)\nerror[LSL-1]: message\n  --> plan.md:3:1\n"
        #expect(OutputSafety.neutralize(text, .plain) == text)
        let painted = "\u{1B}[1;31merror\u{1B}[0m \u{1B}[8mhidden\u{1B}[0m"
        #expect(OutputSafety.neutralize(painted, .plain, colour: true) == "\u{1B}[1;31merror\u{1B}[0m \u{FFFD}[8mhidden\u{1B}[0m")
        #expect(OutputSafety.neutralize(painted, .plain, colour: false) == "\u{FFFD}[1;31merror\u{FFFD}[0m \u{FFFD}[8mhidden\u{FFFD}[0m")
    }

    @Test("JSON: C1 controls and ##[ become JSON escapes, so the document means the same")
    func json() throws {
        struct Doc: Codable, Equatable { var title: String }
        let doc = Doc(title: Hostile.payload)
        let raw = JSONOutput.render(doc, orElse: "{}")
        let safe = OutputSafety.neutralize(raw, .json)
        expectSafe(safe, format: "json")
        #expect(try JSONDecoder().decode(Doc.self, from: Data(safe.utf8)) == doc)
    }

    @Test("Markup and Markdown escape with their own references")
    func markup() {
        #expect(OutputSafety.neutralize("  ::error::x ##[y\n", .markup) == "  &#58;:error::x ##&#91;y\n")
        #expect(OutputSafety.neutralize("::error::x ##vso[y\n", .markdown) == "\\::error::x ##vso\\[y\n")
    }

    @Test("GitHub format: its own command lines stay, controls in values go")
    func github() {
        let line = GitHubReporter.command("error", [("file", "a\u{1B}b.md")], "m\u{9B}x\n::error::y")
        let out = OutputSafety.neutralize(line + "\n", .github)
        #expect(out == "::error file=a\u{FFFD}b.md::m\u{FFFD}x%0A::error::y\n")
    }

    @Test("Every format of a run on a hostile plan is safe after the boundary", arguments: Reporters.identifiers)
    func everyFormat(_ format: String) throws {
        let result = try hostileRun()
        let options = ReportOptions(color: false, language: .en, sourceRoot: "/nonexistent")
        let reporter = try #require(Reporters.make(format, options: options))
        let raw = reporter.report(result)
        let safe = OutputSafety.neutralize(raw, OutputSafety.syntax(forFormat: format))
        expectSafe(safe, format: format)
        #expect(safe != raw, "\(format): the raw report carried something to neutralise")
        if OutputSafety.syntax(forFormat: format) == .json {
            #expect((try? JSONSerialization.jsonObject(with: Data(safe.utf8))) != nil, "\(format) stays valid JSON")
        }
        // The payload reached the report in some form: the test is not vacuous.
        #expect(raw.contains("pwned") || format == "text" && raw.contains("owned"), "\(format)")
    }

    @Test("A clean run's report passes the boundary unchanged in every format (the CSS of the HTML report too)", arguments: Reporters.identifiers)
    func cleanReport(_ format: String) throws {
        let report = try Repo.check("Examples/koskenkyla-luonnos-2026.md", language: .fi)
        let result = RunResult(outcomes: [.checked(report)], packs: Packs.engine.packs, asOf: report.asOf, language: nil)
        let reporter = try #require(Reporters.make(format, options: ReportOptions(color: false, language: .fi, sourceRoot: "/nonexistent")))
        let raw = reporter.report(result)
        #expect(OutputSafety.neutralize(raw, OutputSafety.syntax(forFormat: format)) == raw)
    }

    @Test("A load error naming a hostile YAML key is safe on stderr")
    func loadError() {
        let yaml = "plan: {title: T}\n\"\\e]0;x\\a\\n::error::k\": 1\n\"\\e]0;x\\a\\n::error::k\": 2\n"
        do {
            _ = try PlanReader.read(data: Data(("---\n" + yaml + "---\n# T\n").utf8), file: "p\u{1B}[2J.md")
            Issue.record("a duplicate key must be refused")
        } catch {
            #expect(error.description.contains("\u{1B}"), "the raw message carries the key")
            expectSafe(OutputSafety.neutralize(error.description + "\n", .plain), format: "stderr")
        }
    }

    @Test("rules explain of a pack with hostile text is safe")
    func explain() throws {
        let pack = try hostilePack()
        let rule = try #require(pack.rules.first)
        let text = RuleExplanation.text(rule, pack: pack, language: .en)
        #expect(text.contains("\u{1B}"))
        expectSafe(OutputSafety.neutralize(text, .plain), format: "rules explain")
        expectSafe(OutputSafety.neutralize(RuleTable.markdown([pack]), .markdown), format: "markdown")
    }

    /// A run over the defective draft with hostile text in a value and in the file name.
    func hostileRun() throws -> RunResult {
        let draft = try String(contentsOf: Repo.root.appendingPathComponent("Examples/koskenkyla-luonnos-2026.md"), encoding: .utf8)
        let escaped = Hostile.payload.unicodeScalars.map { s -> String in
            s.value < 0x20 || OutputSafety.isControl(s) ? String(format: "\\u%04X", s.value) : String(s)
        }.joined()
        let text = draft.replacingOccurrences(of: "body: kunnanhallitus", with: "body: \"\(escaped)\"")
            .replacingOccurrences(of: "title: \"Koskenkylän kunnan", with: "title: \"\(escaped) Koskenkylän kunnan")
        let file = "plans/" + Hostile.payload + ".md"
        let plan = try PlanReader.read(data: Data(text.utf8), file: file)
        let report = Packs.engine.check(plan, asOf: try #require(PlanDate(parsing: "2026-11-22")), language: .en)
        let failed = InputError(.yaml, file: file, at: SourcePosition(line: 1, column: 1, offset: 0), "unknown key '\(Hostile.payload)'")
        return RunResult(outcomes: [.checked(report), .failed(failed)], packs: Packs.engine.packs, asOf: report.asOf, language: .en)
    }

    func hostilePack() throws -> RulePack {
        let evil = "\\e]8;;http://x\\aLink\\e]8;;\\a\\n::error::pack\\r ##[warning] \\u202Eexe.md"
        let files = [
            "pack.yaml": "id: evil\nversion: 1.0.0\ntitle: {fi: \"P \(evil)\", sv: \"P \(evil)\", en: \"P \(evil)\"}\n",
            "rules/r.yaml": """
            rules:
              - id: EVIL-1
                title: {fi: "T \(evil)", sv: "T \(evil)", en: "T \(evil)"}
                severity: warning
                kind: practice
                check: {present: publication_url}
                message: {fi: "M \(evil)", sv: "M \(evil)", en: "M \(evil)"}
                remediation: {fi: "R \(evil)", sv: "R \(evil)", en: "R \(evil)"}
                examples:
                  pass: [examples/pass.md]
                  fail: [examples/fail.md]
            """,
            "examples/pass.md": "---\nplan: {title: S, language: fi}\npublication_url: https://example.fi/s\n---\n# S\n",
            "examples/fail.md": "---\nplan: {title: S, language: fi}\n---\n# S\n",
        ]
        return try PackLoader.load(PackSource(origin: "evil", displayRoot: "evil", files: files)).get()
    }
}
