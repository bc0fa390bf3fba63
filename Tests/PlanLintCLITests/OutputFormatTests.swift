// The output formats end to end, on the real example plans: SARIF validated against the
// official 2.1.0 schema, JUnit and Checkstyle read back by an XML parser, GitHub workflow
// commands, GitLab Code Quality and the Markdown summary checked against the JSON output of
// the same run, and hostile text in a plan escaped in each.
import Foundation
import FoundationXML
import PlanLint
import Testing

/// A temporary folder laid out like the repository: copies of `Examples/` and
/// `Rules/fi-lsl/examples/`, and in `plans/` variants of the defective draft.
struct Workspace {
    let url: URL

    /// The draft with suppression directives: two justified, one without justification,
    /// one naming a rule that does not exist.
    static let suppressedDraft = "plans/koskenkyla-vaimennettu.md"
    /// The draft whose decision body holds & < > " | % , : CR LF, control characters and `::error::`.
    static let hostileDraft = "plans/koskenkyla-vihamielinen.md"
    /// The draft with every error accepted by one justified directive.
    static let acceptedDraft = "plans/koskenkyla-hyvaksytty.md"
    /// The hostile value written into `decision.body`, as YAML reads it.
    static let hostileValue = "kunnanhallitus & <lautakunta> \"A|B\", 100% ok: a,b\r\n::error::x \u{1}\u{1B}[31m ]]> \\ `*_"

    static func draftText() throws -> String {
        try String(contentsOf: CLI.root.appendingPathComponent("Examples/koskenkyla-luonnos-2026.md"), encoding: .utf8)
    }

    /// A new workspace in a temporary folder, or at `location` (replacing what is there).
    init(at location: URL? = nil) throws {
        let fm = FileManager.default
        url = location ?? fm.temporaryDirectory.appendingPathComponent("planlint-formats-\(UUID().uuidString)")
        if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
        try fm.createDirectory(at: url.appendingPathComponent("Rules/fi-lsl"), withIntermediateDirectories: true)
        try fm.createDirectory(at: url.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try fm.copyItem(at: CLI.root.appendingPathComponent("Examples"), to: url.appendingPathComponent("Examples"))
        try fm.copyItem(at: CLI.root.appendingPathComponent("Rules/fi-lsl/examples"), to: url.appendingPathComponent("Rules/fi-lsl/examples"))
        let draft = try Workspace.draftText()
        let heading = "\n# Koskenkylän kunnan"
        try write(Workspace.suppressedDraft, draft.replacingOccurrences(of: heading, with: """

            <!-- planlint-disable-file GP-STEERING-GROUP-APPOINTED -- Kunnanhallitus vahvisti sivistysjohtajan asettaman työryhmän 16.3.2026 § 41. -->
            <!-- planlint-disable GP-RESOURCES-PER-YEAR, LSL-12-2-9 -->
            <!-- planlint-disable-next-line LSL-12-2-3 -- Yhteistyö kuvataan hyvinvointisuunnitelman 2025–2029 luvussa 5. -->
            # Koskenkylän kunnan
            """))
        try write(Workspace.hostileDraft, draft.replacingOccurrences(
            of: "  body: kunnanhallitus\n",
            with: "  body: \"kunnanhallitus & <lautakunta> \\\"A|B\\\", 100% ok: a,b\\r\\n::error::x \\x01\\x1b[31m ]]> \\\\ `*_\"\n"))
        try write(Workspace.acceptedDraft, draft.replacingOccurrences(of: heading, with: """

            <!-- planlint-disable-file LSL-12-1-DECISION-BODY, LSL-12-1-REVIEW-4Y-PERIOD, LSL-12-1-REVIEW-4Y-PREDECESSOR, LSL-12-2-3, LSL-12-2-4 -- Lausuntoversio: korjataan ennen valtuustokäsittelyä (kunnanhallitus 2.11.2026 § 212). -->
            # Koskenkylän kunnan
            """))
        try fm.copyItem(atPath: CLI.fixture("bad/plans/unclosed-quote.md"), toPath: url.appendingPathComponent("plans/rikki.md").path)
    }

    func write(_ path: String, _ text: String) throws {
        try text.write(to: url.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> RunOutput {
        try CLI.run(arguments, in: url, environment: environment)
    }

    /// `planlint lint ARGUMENTS` in-process, as if started in the workspace.
    func lint(_ arguments: [String]) throws -> RunOutput {
        try CLI.lint(arguments, in: url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Every plan: the examples, the variants (and one broken plan) and, with
    /// PLANLINT_THOROUGH=1, the law pack's 48 rule examples.
    static let allPlans = ["lint", "Examples", "plans", "--as-of", "2026-11-22"] + (Thorough.enabled ? ["Rules/fi-lsl/examples"] : [])
}

/// One run over every plan of a workspace in every format, shared by the tests that only read
/// the output. The workspace lives in the build folder, replaced by the next test run.
struct SharedRun: Sendable {
    let workspace: Workspace
    let outputs: [String: RunOutput]

    static let formats = ["json", "sarif", "junit", "github", "gitlab", "checkstyle", "markdown"]
    private static let made = Result { () throws -> SharedRun in
        let ws = try Workspace(at: CLI.binary.deletingLastPathComponent().appendingPathComponent("planlint-output-formats"))
        // One run writes every format (--output), as a CI job would.
        let others = formats.filter { $0 != "json" }
        let r = try ws.lint(Workspace.allPlans + ["--format", "json"] + others.flatMap { ["--output", "\($0)=report.\($0)"] })
        var outputs = ["json": r]
        for format in others {
            outputs[format] = RunOutput(status: r.status, stdout: try ws.read("report.\(format)"), stderr: r.stderr)
        }
        return SharedRun(workspace: ws, outputs: outputs)
    }

    static func get() throws -> SharedRun { try made.get() }

    func output(_ format: String) throws -> String {
        let r = try #require(outputs[format])
        #expect(r.status == 2, "the broken plan among them exits 2: \(r.stderr)")
        return r.stdout
    }

    /// A message as XML can hold it: control characters other than tab, CR and LF as U+FFFD.
    static func xmlClean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 && !["\t", "\n", "\r"].contains($0) ? "\u{FFFD}" : $0 }))
    }
}

/// The findings of a run by `--format json`, for checking the other formats against.
struct JSONFinding: Hashable {
    var file: String, rule: String, severity: String, message: String
    var line: Int, column: Int, endLine: Int, endColumn: Int
    var suppressed: Bool
    var justification: String?

    /// How many plans were checked.
    static func planCount(_ json: String) throws -> Int {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require((doc["summary"] as? [String: Int])?["plans"])
    }

    static func all(_ json: String) throws -> [JSONFinding] {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var out: [JSONFinding] = []
        for plan in doc["plans"] as? [[String: Any]] ?? [] {
            for f in plan["findings"] as? [[String: Any]] ?? [] {
                let start = f["start"] as? [String: Int] ?? [:], end = f["end"] as? [String: Int] ?? [:]
                let s = f["suppressed"] as? [String: Any]
                out.append(JSONFinding(file: f["file"] as? String ?? "", rule: f["rule"] as? String ?? "", severity: f["severity"] as? String ?? "",
                                       message: f["message"] as? String ?? "", line: start["line"] ?? 0, column: start["column"] ?? 0,
                                       endLine: end["line"] ?? 0, endColumn: end["column"] ?? 0, suppressed: s != nil,
                                       justification: s?["justification"] as? String))
            }
        }
        return out
    }
}

/// Python's `jsonschema`, for validating SARIF against the official schema.
enum SchemaValidator {
    static let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        document = json.load(open(sys.argv[2], encoding="utf-8"))
        validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))
        for e in errors:
            print("/".join(map(str, e.path)) + ": " + e.message)
        print("valid" if not errors else "%d schema errors" % len(errors))
        sys.exit(1 if errors else 0)
        """

    static func python(_ arguments: [String]) -> RunOutput? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return nil }
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RunOutput(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// True when python3 and jsonschema are installed.
    static let available: Bool = python(["-c", "import jsonschema"])?.status == 0

    /// CI sets this so that a missing jsonschema fails instead of skipping.
    static let required = ProcessInfo.processInfo.environment["PLANLINT_REQUIRE_JSONSCHEMA"] == "1"

    static let skipReason: Testing.Comment = "SARIF schema validation needs python3 with jsonschema (python3 -m pip install jsonschema)"

    /// Validates `sarif` against the official SARIF 2.1.0 schema; the validator's report.
    static func validate(_ sarif: String) throws -> RunOutput {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-\(UUID().uuidString).sarif")
        try sarif.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try #require(python(["-c", script, CLI.fixture("schemas/sarif-schema-2.1.0.json"), file.path]))
    }
}

@Suite("Output formats")
struct OutputFormatTests {
    // MARK: - SARIF

    @Test("SARIF of every example plan, suppressions and a broken plan validates against the SARIF 2.1.0 schema",
          .enabled(if: SchemaValidator.available || SchemaValidator.required, SchemaValidator.skipReason))
    func sarifValidates() throws {
        let sarif = try SharedRun.get().output("sarif")
        guard SchemaValidator.available else {
            Issue.record("PLANLINT_REQUIRE_JSONSCHEMA=1 but python3 with jsonschema is missing")
            return
        }
        let report = try SchemaValidator.validate(sarif)
        #expect(report.status == 0, "\(report.stdout)\(report.stderr)")
        #expect(report.stdout.hasSuffix("valid\n"))
        // The validator does reject a log that breaks the schema.
        let broken = sarif.replacingOccurrences(of: "\"columnKind\" : \"unicodeCodePoints\"", with: "\"columnKind\" : \"bytes\"")
        let rejected = try SchemaValidator.validate(broken)
        #expect(rejected.status == 1)
        #expect(rejected.stdout.contains("runs/0/columnKind"), "\(rejected.stdout)")
    }

    @Test("SARIF carries the rules with citations, regions as in the JSON output, levels, suppressions and the run's context")
    func sarifContent() throws {
        let shared = try SharedRun.get()
        let ws = shared.workspace
        let json = try shared.output("json")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(try shared.output("sarif").utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let base = try #require((run["originalUriBaseIds"] as? [String: [String: String]])?["%SRCROOT%"]?["uri"])
        #expect(base == "file://" + ws.url.standardized.path + "/", "\(base)")

        // Every rule of the loaded packs, and planlint's own, each with a help URI.
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let listed = try PackSet.load(directories: []).flatMap { $0.rules.map(\.id) }
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == listed + ["PLANLINT-UNKNOWN-SUPPRESSION", "PLANLINT-INVALID-SUPPRESSION", "PLANLINT-UNJUSTIFIED-SUPPRESSION",
                                 "PLANLINT-EXPIRED-WAIVER"])
        let body = try #require(rules.first { $0["id"] as? String == "LSL-12-1-DECISION-BODY" })
        #expect(body["helpUri"] as? String == "https://finlex.fi/fi/laki/ajantasa/2007/20070417")
        let citation = try #require((body["properties"] as? [String: Any])?["citation"] as? [String: Any])
        #expect(citation["act"] as? String == "417/2007")
        #expect(citation["section"] as? String == "12")
        #expect(citation["subsection"] as? Int == 1)
        #expect(citation["text"] as? String == "Child Welfare Act 417/2007, section 12(1)")
        for rule in rules {
            let help = try #require(rule["helpUri"] as? String)
            #expect(URL(string: help)?.scheme == "https", "\(help)")
            let cited = (rule["properties"] as? [String: Any])?["citation"] != nil
            if cited { #expect(help.hasPrefix("https://finlex.fi/"), "\(rule["id"] ?? "")") }
        }

        // One result per finding of the JSON output, same place, same message.
        let expected = try JSONFinding.all(json)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == expected.count)
        for (result, f) in zip(results, expected) {
            #expect(result["ruleId"] as? String == f.rule)
            #expect(ids[result["ruleIndex"] as? Int ?? -1] == f.rule)
            #expect(result["level"] as? String == ["error": "error", "warning": "warning", "info": "note"][f.severity])
            #expect((result["message"] as? [String: String])?["text"] == f.message)
            let physical = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
            let artifact = try #require(physical["artifactLocation"] as? [String: String])
            #expect(artifact["uri"] == f.file && artifact["uriBaseId"] == "%SRCROOT%")
            let region = try #require(physical["region"] as? [String: Int])
            #expect(region == ["startLine": f.line, "startColumn": f.column, "endLine": f.endLine, "endColumn": f.endColumn])
            let suppressions = try #require(result["suppressions"] as? [[String: Any]])
            #expect(suppressions.isEmpty == !f.suppressed)
            if let s = suppressions.first {
                #expect(s["kind"] as? String == "inSource")
                #expect(s["justification"] as? String == f.justification ?? "")
            }
        }
        let suppressed = results.filter { !($0["suppressions"] as? [Any] ?? []).isEmpty }
        // The draft with directives: three suppressed (the unjustified disable reaches the
        // finding in the body after it); the accepted draft: five.
        #expect(suppressed.count == 8)
        #expect(Set(suppressed.compactMap { $0["ruleId"] as? String }) == ["GP-STEERING-GROUP-APPOINTED", "LSL-12-2-3", "GP-RESOURCES-PER-YEAR",
                                                                          "LSL-12-1-DECISION-BODY", "LSL-12-1-REVIEW-4Y-PERIOD",
                                                                          "LSL-12-1-REVIEW-4Y-PREDECESSOR", "LSL-12-2-4"])
        let appointed = try #require(suppressed.first { $0["ruleId"] as? String == "GP-STEERING-GROUP-APPOINTED" })
        let s = try #require((appointed["suppressions"] as? [[String: Any]])?.first)
        #expect(s["justification"] as? String == "Kunnanhallitus vahvisti sivistysjohtajan asettaman työryhmän 16.3.2026 § 41.")
        let at = try #require(((s["location"] as? [String: Any])?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
        #expect(at["startLine"] == 63)

        // The run's context: as-of date, each plan's profile, the packs with their hashes.
        let properties = try #require(run["properties"] as? [String: Any])
        #expect(properties["asOf"] as? String == "2026-11-22")
        let plans = try #require(properties["plans"] as? [[String: Any]])
        let draft = try #require(plans.first { $0["file"] as? String == "Examples/koskenkyla-luonnos-2026.md" })
        #expect((draft["profile"] as? [String: Any])?["id"] as? String == "P2023-municipal")
        #expect(draft["status"] as? String == "draft")
        let jsonDoc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let jsonPack = try #require((jsonDoc["packs"] as? [[String: Any]])?.first)
        let pack = try #require((properties["packs"] as? [[String: Any]])?.first)
        #expect(pack["id"] as? String == "fi-lsl")
        #expect(pack["contentHash"] as? String == jsonPack["content_hash"] as? String)
        #expect(pack["version"] as? String == jsonPack["version"] as? String)

        // The broken plan is a notification, and the run says it did not fully succeed.
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let note = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect((note["message"] as? [String: String])?["text"]?.contains("found unexpected end of stream") == true)
    }

    @Test("SARIF fingerprints are the same run after run and after edits elsewhere in the file")
    func sarifFingerprints() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        func prints(_ path: String) throws -> [String: [String: Any]] {
            let r = try ws.lint(["lint", path, "--as-of", "2026-11-22", "--format", "sarif"])
            let run = try #require(((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?.first)
            var out: [String: [String: Any]] = [:]
            for result in run["results"] as? [[String: Any]] ?? [] {
                let p = try #require((result["partialFingerprints"] as? [String: String])?["planlint/v1"])
                #expect(out[p] == nil, "fingerprints are unique in a file")
                out[p] = result
            }
            return out
        }
        let path = "plans/luonnos.md"
        let draft = try Workspace.draftText()
        try ws.write(path, draft)
        let first = try prints(path)
        let json = try ws.lint(["lint", path, "--as-of", "2026-11-22", "--format", "json"]).stdout
        #expect(first.count == (try JSONFinding.all(json)).count)
        #expect(first.count > 10)
        #expect(try prints(path).keys.sorted() == first.keys.sorted(), "same run, same fingerprints")
        // An edit elsewhere: a comment at the top of the front matter and a new paragraph in the body.
        try ws.write(path, draft.replacingOccurrences(of: "---\nplan:", with: "---\n# Päivitetty lausuntokierroksen jälkeen\nplan:")
            .replacingOccurrences(of: "**LUONNOS 2.11.2026", with: "Lausuntoaikaa on jatkettu.\n\n**LUONNOS 2.11.2026"))
        // Where each finding must now be: line 1 stays, the front matter and the heading move one
        // line down, the body after the new paragraph three.
        let luonnos = try #require(draft.components(separatedBy: "\n").firstIndex { $0.hasPrefix("**LUONNOS") }) + 1
        let moved = { (line: Int) in line == 1 ? 1 : line < luonnos ? line + 1 : line + 3 }
        let edited = try prints(path)
        #expect(edited.keys.sorted() == first.keys.sorted())
        for (key, result) in first {
            let line = { (r: [String: Any]) in
                ((((r["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])?["region"] as? [String: Int])?["startLine"]
            }
            #expect(line(edited[key] ?? [:]) == moved(line(result) ?? 0), "the finding moved with its text")
        }
        // A change to the flagged text itself is a new finding.
        try ws.write(path, draft.replacingOccurrences(of: "  body: kunnanhallitus", with: "  body: sivistyslautakunta"))
        let changed = try prints(path)
        #expect(Set(changed.keys).subtracting(first.keys).count == 1)
    }

    // MARK: - JUnit

    @Test("JUnit: a suite per plan, a case per requirement, failures, skips and review notes as the JSON results say")
    func junit() throws {
        let shared = try SharedRun.get()
        let doc = try XMLDocument(xmlString: try shared.output("junit"), options: [])
        let root = try #require(doc.rootElement())
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        let jsonDoc = try #require(try JSONSerialization.jsonObject(with: Data(try shared.output("json").utf8)) as? [String: Any])
        let plans = try #require(jsonDoc["plans"] as? [[String: Any]])
        #expect(suites.count == plans.count + 1, "one more for the broken plan")
        var totals = (tests: 0, failures: 0, skipped: 0)
        for plan in plans {
            let file = try #require(plan["file"] as? String)
            let suite = try #require(suites.first { $0.attribute(forName: "name")?.stringValue == file })
            let results = try #require(plan["results"] as? [[String: Any]])
            let findings = try #require(plan["findings"] as? [[String: Any]])
            let cases = suite.elements(forName: "testcase")
            let own = Set(findings.compactMap { $0["rule"] as? String }.filter { $0.hasPrefix("PLANLINT-") })
            #expect(cases.count == results.count + own.count, "\(file)")
            for result in results {
                let rule = try #require(result["rule"] as? String)
                let c = try #require(cases.first { $0.attribute(forName: "name")?.stringValue?.hasPrefix(rule + ": ") == true })
                let active = findings.filter { $0["rule"] as? String == rule && $0["suppressed"] == nil }
                switch result["status"] as? String {
                case "fail" where !active.isEmpty:
                    let failure = try #require(c.elements(forName: "failure").first, "\(file) \(rule)")
                    #expect(failure.attribute(forName: "message")?.stringValue == SharedRun.xmlClean(active.first?["message"] as? String ?? ""))
                    for f in active { #expect(failure.stringValue?.contains(SharedRun.xmlClean(f["message"] as? String ?? "")) == true) }
                case "fail":
                    #expect(c.elements(forName: "failure").isEmpty, "every finding suppressed: \(file) \(rule)")
                    #expect(c.elements(forName: "system-out").first?.stringValue?.contains("suppressed at") == true)
                case "not-applicable", "covered":
                    #expect(c.elements(forName: "skipped").first?.attribute(forName: "message")?.stringValue == result["reason"] as? String)
                case "needs-review":
                    #expect(c.elements(forName: "failure").isEmpty && c.elements(forName: "skipped").isEmpty)
                    #expect(c.elements(forName: "system-out").first?.stringValue == "needs review: " + (result["reason"] as? String ?? ""))
                default:
                    #expect(c.childCount == 0, "a passing case is empty: \(file) \(rule)")
                }
            }
            let failures = cases.filter { !$0.elements(forName: "failure").isEmpty }.count
            let skipped = cases.filter { !$0.elements(forName: "skipped").isEmpty }.count
            #expect(suite.attribute(forName: "tests")?.stringValue == String(cases.count))
            #expect(suite.attribute(forName: "failures")?.stringValue == String(failures))
            #expect(suite.attribute(forName: "skipped")?.stringValue == String(skipped))
            totals.tests += cases.count
            totals.failures += failures
            totals.skipped += skipped
        }
        #expect(root.attribute(forName: "tests")?.stringValue == String(totals.tests + 1))
        #expect(root.attribute(forName: "failures")?.stringValue == String(totals.failures))
        #expect(root.attribute(forName: "errors")?.stringValue == "1")
        #expect(totals.failures > 0 && totals.skipped > 0)
    }

    @Test("JUnit and Checkstyle escape & < > \" and control characters from a plan, and a parser reads the text back")
    func xmlEscaping() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let expectedValue = Workspace.hostileValue.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}").replacingOccurrences(of: "\u{1B}", with: "\u{FFFD}")
        let message = "Luonnos on menossa päätettäväksi toimielimelle \(expectedValue), mutta suunnitelman hyväksyy kunnanvaltuusto."
        let junit = try ws.lint(["lint", Workspace.hostileDraft, "--as-of", "2026-11-22", "--format", "junit"])
        #expect(junit.status == 1)
        let doc = try XMLDocument(xmlString: junit.stdout, options: [])
        let cases = try #require(doc.rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase"))
        let body = try #require(cases.first { $0.attribute(forName: "name")?.stringValue?.hasPrefix("LSL-12-1-DECISION-BODY") == true })
        let failure = try #require(body.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == message)
        #expect(failure.stringValue?.contains(message) == true)
        #expect(!junit.stdout.unicodeScalars.contains { $0.value < 0x20 && !["\n", "\t"].contains($0) }, "no raw control character")

        let checkstyle = try ws.lint(["lint", Workspace.hostileDraft, "--as-of", "2026-11-22", "--format", "checkstyle"])
        let cs = try XMLDocument(xmlString: checkstyle.stdout, options: [])
        let root = try #require(cs.rootElement())
        #expect(root.name == "checkstyle" && root.attribute(forName: "version")?.stringValue == "4.3")
        let error = try #require(root.elements(forName: "file").first?.elements(forName: "error").first { $0.attribute(forName: "source")?.stringValue == "LSL-12-1-DECISION-BODY" })
        #expect(error.attribute(forName: "message")?.stringValue == message)
        #expect(error.attribute(forName: "line")?.stringValue == "14")
        #expect(error.attribute(forName: "column")?.stringValue == "9")
        #expect(error.attribute(forName: "severity")?.stringValue == "error")
    }

    // MARK: - Checkstyle

    @Test("Checkstyle: a file element per plan, an error per finding that counts, as the JSON output says")
    func checkstyle() throws {
        let shared = try SharedRun.get()
        let expected = try JSONFinding.all(try shared.output("json")).filter { !$0.suppressed }
        let root = try #require(try XMLDocument(xmlString: try shared.output("checkstyle"), options: []).rootElement())
        var seen: [JSONFinding] = []
        for file in root.elements(forName: "file") {
            let name = file.attribute(forName: "name")?.stringValue ?? ""
            for e in file.elements(forName: "error") where e.attribute(forName: "source")?.stringValue?.hasPrefix("planlint.") == false {
                let f = try #require(expected.first {
                    $0.file == name && $0.rule == e.attribute(forName: "source")?.stringValue && String($0.line) == e.attribute(forName: "line")?.stringValue
                        && String($0.column) == e.attribute(forName: "column")?.stringValue
                })
                #expect(e.attribute(forName: "severity")?.stringValue == f.severity)
                #expect(e.attribute(forName: "message")?.stringValue == SharedRun.xmlClean(f.message))
                seen.append(f)
            }
        }
        #expect(seen.count == expected.count)
        let broken = try #require(root.elements(forName: "file").first { $0.attribute(forName: "name")?.stringValue == "plans/rikki.md" })
        #expect(broken.elements(forName: "error").first?.attribute(forName: "source")?.stringValue == "planlint.yaml")
    }

    // MARK: - GitHub

    @Test("GitHub: one workflow command per finding that counts, with file, line, columns and title, escaped like the toolkit")
    func github() throws {
        let shared = try SharedRun.get()
        let output = try shared.output("github")
        let json = try shared.output("json")
        let expected = try JSONFinding.all(json).filter { !$0.suppressed }
        let checked = try JSONFinding.planCount(json)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let commands = lines.filter { $0.hasPrefix("::") }
        #expect(commands.count == expected.count + 1, "and one for the broken plan")
        #expect(lines.last?.hasPrefix("planlint: \(checked) plans checked, 1 could not be read") == true, "\(lines.last ?? "")")
        for f in expected where f.file != Workspace.hostileDraft {
            let command = ["error": "error", "warning": "warning", "info": "notice"][f.severity] ?? ""
            var at = "::\(command) file=\(f.file),line=\(f.line),col=\(f.column)"
            if (f.endLine, f.endColumn) != (f.line, f.column) { at += ",endLine=\(f.endLine),endColumn=\(f.endColumn)" }
            #expect(commands.contains { $0.hasPrefix(at + ",title=\(f.rule)%3A ") }, "\(at)")
        }
        #expect(commands.contains { $0.hasPrefix("::error file=plans/rikki.md,line=9,col=1,title=planlint%3A the plan could not be read::") })

        // The hostile value: the command stays on one line and unescapes to the message, its
        // control characters shown as U+FFFD (docs/hostile-input.md).
        let hostile = try #require(commands.first { $0.hasPrefix("::error file=\(Workspace.hostileDraft),line=14,") })
        // Properties escape ':', so the first '::' after the command name ends them.
        let data = String(hostile.dropFirst(2)[try #require(hostile.dropFirst(2).range(of: "::")).upperBound...])
        let unescaped = data.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%25", with: "%")
        let message = try #require(expected.first { $0.file == Workspace.hostileDraft && $0.rule == "LSL-12-1-DECISION-BODY" }?.message)
        let shown = String(String.UnicodeScalarView(message.unicodeScalars.map { ($0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t") || (0x7F...0x9F).contains($0.value) ? "\u{FFFD}" : $0 }))
        #expect(unescaped.hasPrefix(shown + "\n"), "\(unescaped)")
        #expect(data.contains("100%25 ok: a,b%0D%0A::error::x"))
    }

    // MARK: - GitLab

    @Test("GitLab Code Quality: the required keys, severity mapping, and the fingerprints SARIF gives")
    func gitlab() throws {
        let shared = try SharedRun.get()
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(try shared.output("gitlab").utf8)) as? [[String: Any]])
        let json = try shared.output("json")
        let expected = try JSONFinding.all(json).filter { !$0.suppressed }
        #expect(issues.count == expected.count + 1)
        // Each rule's kind (statute or practice), from the requirement results.
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var kinds: [String: String] = [:]
        for plan in doc["plans"] as? [[String: Any]] ?? [] {
            for result in plan["results"] as? [[String: Any]] ?? [] {
                kinds[result["rule"] as? String ?? ""] = result["kind"] as? String
            }
        }
        #expect(kinds.values.contains("practice") && kinds.values.contains("statute"))
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(try shared.output("sarif").utf8)) as? [String: Any])
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let sarifPrints = Set(results.filter { ($0["suppressions"] as? [Any])?.isEmpty == true }
            .compactMap { ($0["partialFingerprints"] as? [String: String])?["planlint/v1"] })
        var prints = Set<String>()
        for issue in issues {
            for key in ["description", "check_name", "fingerprint", "severity"] { #expect(issue[key] is String, "\(key)") }
            let location = try #require(issue["location"] as? [String: Any])
            let path = try #require(location["path"] as? String)
            #expect(!path.hasPrefix("/"), "paths relative to the repository")
            let begin = try #require((location["lines"] as? [String: Int])?["begin"])
            prints.insert(issue["fingerprint"] as? String ?? "")
            guard path != "plans/rikki.md" else {
                #expect(issue["severity"] as? String == "blocker")
                continue
            }
            let rule = try #require(issue["check_name"] as? String)
            let f = try #require(expected.first { $0.file == path && $0.rule == rule && $0.line == begin })
            let severity: String
            switch (f.severity, kinds[rule]) {
            case ("error", "practice"): severity = "major"
            case ("error", _): severity = "critical"
            case ("warning", _): severity = "minor"
            default: severity = "info"
            }
            #expect(issue["severity"] as? String == severity, "\(rule)")
            #expect((issue["description"] as? String)?.hasSuffix(f.message) == true)
        }
        #expect(prints.count == issues.count, "fingerprints are unique")
        #expect(prints.subtracting(sarifPrints).count == 1, "all but the broken plan's are SARIF's")
    }

    // MARK: - Markdown

    @Test("Markdown: a table of plans and a table of findings, one row per finding, hostile text kept in its cell")
    func markdown() throws {
        let shared = try SharedRun.get()
        let json = try shared.output("json")
        let expected = try JSONFinding.all(json)
        let lines = try shared.output("markdown").components(separatedBy: "\n")
        #expect(lines[0].hasPrefix("### ❌ planlint: \(try JSONFinding.planCount(json)) plans checked, 1 could not be read — "), "\(lines[0])")
        #expect(lines[0].hasSuffix(", \(expected.filter(\.suppressed).count) suppressed"))
        // Each plan's row has its counts, as the JSON output has them.
        func count(_ file: String, _ severity: String?) -> Int {
            expected.filter { f in
                guard f.file == file else { return false }
                if let severity { return !f.suppressed && f.severity == severity }
                return f.suppressed
            }.count
        }
        for file in ["Examples/koskenkyla-luonnos-2026.md", Workspace.acceptedDraft, Workspace.suppressedDraft, "Examples/jarvela-2025.md"] {
            let counts = [count(file, "error"), count(file, "warning"), count(file, "info"), count(file, nil)].map(String.init).joined(separator: " | ")
            #expect(lines.contains("| \(file) | draft | municipal | P2023-municipal | \(counts) |") || lines.contains("| \(file) | approved | municipal | P2023-municipal | \(counts) |"),
                    "\(file): \(counts)")
        }
        #expect(count(Workspace.acceptedDraft, "error") == 0 && count(Workspace.acceptedDraft, nil) == 5)
        /// The cells of a table row, split at unescaped pipes.
        func cells(_ row: String) -> [String] {
            var out: [String] = [], cell = "", escaped = false
            for ch in row {
                if ch == "|" && !escaped { out.append(cell); cell = "" } else { cell.append(ch) }
                escaped = ch == "\\" && !escaped
            }
            return Array(out.dropFirst())
        }
        let findingRows = lines.filter { row in
            row.hasPrefix("| ") && [" | ❌ error | ", " | ⚠️ warning | ", " | ℹ️ info | "].contains { row.contains($0) }
        }
        #expect(findingRows.count == expected.filter { !$0.suppressed }.count)
        for row in findingRows { #expect(cells(row).count == 4, "\(row)") }
        let hostile = try #require(findingRows.first { $0.contains("\(Workspace.hostileDraft):14:9") })
        #expect(hostile.contains("kunnanhallitus &amp; &lt;lautakunta&gt; \"A\\|B\", 100% ok: a,b<br>::error::x"))
    }

    // MARK: - Files beside the terminal output

    @Test("--output writes extra reports in the same run, identical to --format on stdout")
    func outputs() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // A draft with errors and a Swedish plan (every format, on every example plan, is
        // compared with the whole run's report in StreamingTests).
        let plans = ["Examples/koskenkyla-luonnos-2026.md", "Examples/vasterby-2024.md"]
        let r = try ws.lint(["lint"] + plans + ["--as-of", "2026-11-22", "--format", "markdown",
                            "--output", "sarif=out.sarif", "--output", "junit=out.xml", "--output", "json=out.json", "--output", "text=out.txt"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("### ❌ planlint: "))
        for (format, file) in [("sarif", "out.sarif"), ("junit", "out.xml"), ("json", "out.json"), ("text", "out.txt")] {
            let alone = try ws.lint(["lint"] + plans + ["--as-of", "2026-11-22", "--format", format])
            #expect(try ws.read(file) == alone.stdout, "\(format)")
        }
        #expect(!(try ws.read("out.txt")).contains("\u{1B}["), "no colours in files")
    }

    @Test("An output that cannot be written exits 73 with a clear message, after the terminal report")
    func unwritable() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let missing = try ws.lint(["lint", "Examples/jarvela-2025.md", "--as-of", "2026-11-22", "--output", "sarif=ei-ole/out.sarif"])
        #expect(missing.status == 73)
        #expect(missing.stderr == "ei-ole/out.sarif: error: cannot write the sarif report: cannot create a file in '\(ws.url.standardized.path)/ei-ole': No such file or directory\n", "\(missing.stderr)")
        #expect(missing.stdout.contains("1 suunnitelma tarkistettu: 0 virhettä"))
        let folder = try ws.lint(["lint", "Examples/jarvela-2025.md", "--as-of", "2026-11-22", "--output", "junit=Examples"])
        #expect(folder.status == 73)
        #expect(folder.stderr == "Examples: error: cannot write the junit report: it is a folder; planlint replaces only regular files, so give the path of a regular file or of a new one\n")
        #expect(!folder.stderr.contains("Fatal error"))
    }

    @Test("A write that fails half-way leaves the old file as it was and no temporary file")
    func failedWriteKeepsOldFile() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.write("planlint.sarif", "{\"edellinen\": \"raportti\"}\n")
        // A file size limit of 8 KB: the draft's SARIF report (about 230 KB) fails part-way through.
        let binary = CLI.binary.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -f 8; exec \"$0\" lint Examples/koskenkyla-luonnos-2026.md --as-of 2026-11-22 --quiet --output sarif=planlint.sarif", binary]
        process.currentDirectoryURL = ws.url
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 73, "\(stderr)")
        #expect(stderr == "planlint.sarif: error: cannot write the sarif report: File too large\n")
        #expect(try ws.read("planlint.sarif") == "{\"edellinen\": \"raportti\"}\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: ws.url.path).filter { $0.contains(".planlint-") }
        #expect(left.isEmpty, "\(left)")
        // Without the limit the same command replaces it.
        let ok = try ws.lint(["lint", "Examples/koskenkyla-luonnos-2026.md", "--as-of", "2026-11-22", "--quiet", "--output", "sarif=planlint.sarif"])
        #expect(ok.status == 1)
        #expect(try ws.read("planlint.sarif").contains("\"version\" : \"2.1.0\""))
    }

    @Test("Bad --output values are usage errors", arguments: [
        (["--output", "planlint.sarif"], "--output expects FORMAT=PATH"),
        (["--output", "xml=planlint.xml"], "--output: unknown format 'xml'"),
        (["--output", "sarif="], "--output expects FORMAT=PATH"),
        (["--output", "json=a.json", "--output", "sarif=./a.json"], "--output: './a.json' is given twice"),
    ])
    func badOutput(_ arguments: [String], _ message: String) throws {
        let r = try CLI.lint(["lint", "Examples/jarvela-2025.md"] + arguments)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    // MARK: - Suppressed findings in the run

    @Test("Suppressed findings do not fail the run; the text output counts them")
    func suppressedDoNotCount() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let text = try ws.lint(["lint", Workspace.acceptedDraft, "--as-of", "2026-11-22", "--lang", "en"])
        #expect(text.status == 0, "every error is accepted: \(text.stdout)")
        #expect(text.stdout.contains("(5 findings suppressed by planlint-disable directives in the plan)"))
        let counts = try JSONFinding.all(try ws.lint(["lint", Workspace.acceptedDraft, "--as-of", "2026-11-22", "--format", "json"]).stdout)
            .filter { !$0.suppressed }
        let (warnings, infos) = (counts.filter { $0.severity == "warning" }.count, counts.filter { $0.severity == "info" }.count)
        #expect(warnings > 0 && infos > 0)
        #expect(text.stdout.contains("\n1 plan checked: 0 errors, \(warnings) warnings, \(infos) info, 5 suppressed (as of 2026-11-22; packs: "))
        #expect(!text.stdout.contains("[LSL-12-1-DECISION-BODY]"), "suppressed findings are not listed in text")
        let warning = try ws.lint(["lint", Workspace.acceptedDraft, "--as-of", "2026-11-22", "--fail-on", "warning"])
        #expect(warning.status == 1, "the warnings still count")
        let json = try ws.lint(["lint", Workspace.acceptedDraft, "--as-of", "2026-11-22", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(doc["summary"] as? [String: Int])
        #expect(summary["errors"] == 0 && summary["suppressed"] == 5)
        let body = try #require(try JSONFinding.all(json.stdout).first { $0.rule == "LSL-12-1-DECISION-BODY" })
        #expect(body.suppressed && body.justification == "Lausuntoversio: korjataan ennen valtuustokäsittelyä (kunnanhallitus 2.11.2026 § 212).")
        // A directive naming an unknown rule is reported, never ignored.
        let unknown = try ws.lint(["lint", Workspace.suppressedDraft, "--as-of", "2026-11-22", "--lang", "en"])
        #expect(unknown.stdout.contains("warning[PLANLINT-UNKNOWN-SUPPRESSION]: The directive planlint-disable names the rule 'LSL-12-2-9'"))
        #expect(unknown.stdout.contains("info[PLANLINT-UNJUSTIFIED-SUPPRESSION]"))
    }

    // MARK: - Terminal behaviour

    @Test("Load errors go to stderr in every format, never into the report on stdout", arguments: ["text", "json", "markdown"])
    func loadErrorsOnStderr(_ format: String) throws {
        let r = try CLI.lint(["lint", "Examples/jarvela-2025.md", CLI.fixture("bad/plans/unclosed-quote.md"), "--as-of", "2026-11-22", "--format", format])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unclosed-quote.md:9:1: error: found unexpected end of stream"))
        if format == "text" {
            #expect(!r.stdout.contains("error: found unexpected"), "\(r.stdout)")
            #expect(r.stdout.contains("1 suunnitelma tarkistettu, 1 ei voitu lukea"))
        }
    }

    @Test("--quiet: only the summary line when the run fails, nothing when it passes; machine formats unchanged")
    func quiet() throws {
        let failing = try CLI.lint(["lint", "Examples", "--as-of", "2026-11-22", "--quiet"])
        #expect(failing.status == 1)
        let full = try CLI.lint(["lint", "Examples", "--as-of", "2026-11-22"]).stdout
        let summary = try #require(full.split(separator: "\n").last)
        #expect(summary.contains(" suunnitelmaa tarkistettu: "), "most of the examples are in Finnish")
        #expect(failing.stdout == summary + "\n", "the last line of the full output, alone")
        let passing = try CLI.lint(["lint", "Examples/jarvela-2025.md", "--as-of", "2026-11-22", "-q"])
        #expect(passing.status == 0)
        #expect(passing.stdout.isEmpty && passing.stderr.isEmpty)
        let json = try CLI.lint(["lint", "Examples/jarvela-2025.md", "--as-of", "2026-11-22", "-q", "--format", "json"])
        #expect(json.stdout == (try CLI.lint(["lint", "Examples/jarvela-2025.md", "--as-of", "2026-11-22", "--format", "json"])).stdout)
    }

    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// Runs a shell command with stdout and stderr on a pseudo-terminal (util-linux `script`).
    static func onTerminal(_ command: String, environment: [String: String] = [:], in directory: URL = CLI.root) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("--color always colours the text output, never does not")
    func color() throws {
        let args = ["lint", "Examples/koskenkyla-luonnos-2026.md", "--as-of", "2026-11-22"]
        #expect(try CLI.lint(args + ["--color", "always"]).stdout.contains("\u{1B}[1;31merror[LSL-12-1-DECISION-BODY]"))
        #expect(!(try CLI.lint(args + ["--color", "never"]).stdout.contains("\u{1B}[")))
    }

    // Skipped, and reported as skipped, where util-linux `script` is missing (CI has it).
    @Test("--color auto colours a terminal unless NO_COLOR is set or --color never; always wins over NO_COLOR; a pipe gets none",
          .enabled(if: OutputFormatTests.hasScript, "needs util-linux script for a terminal"))
    func colorOnTerminal() throws {
        // A plan with one error, under a one-rule pack: colours do not depend on the packs.
        let pack = CLI.fixture("packs/one-rule")
        let args = ["lint", pack + "/examples/fail.md", "--as-of", "2026-11-22", "--no-default-packs", "--pack", pack]
        let command = "\(CLI.binary.path) \(args.joined(separator: " "))"
        #expect(try Self.onTerminal(command).contains("\u{1B}[1;31merror[YKSI-URL]"), "auto on a terminal")
        #expect(!(try Self.onTerminal(command, environment: ["NO_COLOR": "1"]).contains("\u{1B}[1;31m")), "NO_COLOR")
        #expect(!(try Self.onTerminal(command + " --color never").contains("\u{1B}[1;31m")))
        #expect(try Self.onTerminal(command + " --color always", environment: ["NO_COLOR": "1"]).contains("\u{1B}[1;31m"), "always wins over NO_COLOR")
        #expect(!(try CLI.run(args).stdout.contains("\u{1B}[")), "auto: a pipe is not a terminal")
    }

    @Test("Progress on stderr for more than 20 plans, only on a terminal and not with --quiet",
          .enabled(if: OutputFormatTests.hasScript, "needs util-linux script for a terminal"))
    func progress() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // Progress depends on the number of plans, not their size or the packs: small plans
        // and a one-rule pack keep the five runs short.
        func plans(_ folder: String, _ count: Int) throws {
            let dir = ws.url.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for i in 1...count {
                try "# Lasten ja nuorten hyvinvointisuunnitelma \(i)\n\nSuunnitelma on luonnos.\n".write(to: dir.appendingPathComponent("plan-\(i).md"), atomically: true, encoding: .utf8)
            }
        }
        try plans("monta", 21)
        try plans("kaksikymmenta", 20)
        let total = 21
        let packs = "--no-default-packs --pack \(CLI.fixture("packs/one-rule"))"
        let command = "\(CLI.binary.path) lint monta --as-of 2026-11-22 \(packs) --format json >/dev/null"
        let shown = try Self.onTerminal(command, in: ws.url)
        #expect(shown.contains("planlint: 16/\(total) plans checked"), "\(shown)")
        #expect(shown.contains("planlint: \(total)/\(total) plans checked\r\u{1B}[K"), "the line is cleared at the end")
        #expect(!(try Self.onTerminal(command + " --quiet", in: ws.url)).contains("plans checked"))
        let piped = try ws.run(["lint", "monta", "--as-of", "2026-11-22", "--no-default-packs", "--pack", CLI.fixture("packs/one-rule"), "--format", "json"])
        #expect(piped.stdout.contains("plan-21.md") && piped.stderr.isEmpty, "not a terminal: \(piped.stderr)")
        // Not more than 20 plans on a terminal: no progress.
        #expect(!(try Self.onTerminal("\(CLI.binary.path) lint kaksikymmenta --as-of 2026-11-22 \(packs) --format json >/dev/null", in: ws.url)).contains("plans checked"))
    }
}
