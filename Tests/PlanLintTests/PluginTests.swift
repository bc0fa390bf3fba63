// Check plugins: the protocol (what a plugin receives and what planlint accepts back), the
// rule that the configuration and never a pack enables one, and the limits — a plugin that
// hangs, prints garbage, exits 3 or writes 100 MB fails on its own, named, and the other
// rules still run. The plugins are small scripts written to a temporary folder; planlint
// itself runs in-process. The budget plugin's examples run as `rules test` runs them.
import Foundation
import Testing
@testable import PlanLint

@Suite("Check plugins")
struct PluginTests {
    static let asOf = PlanDate(year: 2026, month: 11, day: 22)!

    /// A pack with a plugin rule (LOCAL-PLUGIN) and an ordinary one (LOCAL-TITLE).
    static func engine(plugins: [PluginSetting] = []) throws -> Engine {
        let files = [
            "pack.yaml": "id: local\nversion: 1.0.0\ntitle: {fi: P, sv: P, en: P}\n",
            "rules/r.yaml": """
            rules:
              - id: LOCAL-PLUGIN
                title: {fi: Laajennus, sv: Tillägg, en: Plugin}
                severity: warning
                kind: practice
                check: {plugin: probe}
                message: {fi: "Kohta {item} ({value}).", sv: "Punkten {item} ({value}).", en: "Item {item} ({value})."}
                remediation: {fi: Korjaa., sv: Rätta., en: Fix it.}
                examples: {pass: [ok.md], fail: [ok.md]}
              - id: LOCAL-TITLE
                title: {fi: Otsikko, sv: Rubrik, en: Title}
                severity: warning
                kind: practice
                check: {present: plan.title}
                message: {fi: Otsikko puuttuu., sv: Rubrik saknas., en: No title.}
                remediation: {fi: Lisää., sv: Lägg till., en: Add it.}
                examples: {pass: [ok.md], fail: [ok.md]}
            """,
            "ok.md": "# Suunnitelma\n",
        ]
        let pack = try PackLoader.load(PackSource(origin: "local", displayRoot: "local", files: files)).get()
        var engine = try Engine(packs: [pack])
        engine.plugins = PluginSet(plugins)
        return engine
    }

    static let planText = """
        ---
        plan: {title: Koivurannan suunnitelma}
        measures:
          - {id: M1, text: Harrastamisen malli, resources: {2027: 18000}}
        ---
        # Koivurannan suunnitelma

        | Toimenpide | Resurssit |
        |---|---|
        | M1 Harrastamisen malli | 2027: 18 000 € |

        """

    static func plan(_ text: String = planText) throws -> Plan {
        try MarkdownPlanReader().read(text, file: "suunnitelma.md")
    }

    /// A plugin script in `folder`, executable.
    static func script(_ folder: Folder, _ name: String, _ body: String) throws -> PluginSetting {
        let path = try folder.write(name, body)
        chmod(path, 0o755)
        return PluginSetting(name: "probe", executable: path, timeout: 5, folder: folder.path)
    }

    static func schema(_ name: String) throws -> JSONValue {
        let text = try #require(EmbeddedSchemas.text(named: name))
        return try #require(JSONValue.parse(Data(text.utf8)))
    }

    static func result(_ report: PlanReport, _ rule: String = "LOCAL-PLUGIN") -> RuleResult? {
        report.results.first { $0.rule == rule }
    }

    // MARK: - The protocol

    @Test("A plugin gets the plan with positions, the facts, the rule and its settings; its findings are the rule's")
    func roundTrip() throws {
        let folder = try Folder()
        var setting = try PluginTests.script(folder, "probe.py", """
            #!/usr/bin/env python3
            import json, sys
            req = json.load(sys.stdin)
            open("request.json", "w").write(json.dumps(req))
            fact = next(f for f in req["facts"] if f["path"] == "measures[0].resources.2027")
            table = next(b for b in req["plan"]["body"]["sections"][0]["blocks"] if b["kind"] == "table")
            cell = table["table"]["rows"][0][1]
            findings = [
                {"rule": req["rules"][0], "values": {"item": "M1", "value": int(fact["value"])},
                 "location": {"line": fact["line"], "column": fact["column"]}},
                {"rule": req["rules"][0], "message": {"fi": "Solu: " + cell["text"], "sv": "Cell: " + cell["text"], "en": "Cell: " + cell["text"] + " " + req["settings"]["mode"]},
                 "location": {"line": cell["line"], "column": cell["column"]}},
            ]
            print(json.dumps({"protocol": "planlint-plugin", "version": 1, "findings": findings}))
            """)
        setting.settings = .object(["mode": .string("strict")])
        let report = try PluginTests.engine(plugins: [setting]).check(try PluginTests.plan(), asOf: PluginTests.asOf, language: .en)
        let mine = report.findings.filter { $0.ruleID == "LOCAL-PLUGIN" }
        #expect(mine.map(\.message) == ["Item M1 (18000).", "Cell: 2027: 18 000 € strict"])
        #expect(mine.map(\.start) == [LineColumn(line: 4, column: 59), LineColumn(line: 10, column: 28)])
        #expect(PluginTests.result(report)?.status == .fail)

        // The request follows schemas/plugin-request.schema.json, and names the rule and plugin.
        let request = try #require(JSONValue.parse(try Data(contentsOf: folder.url.appendingPathComponent("request.json"))))
        #expect(JSONSchemaValidator(schema: try PluginTests.schema("plugin-request")).validate(request) == nil)
        #expect(request["rules"] == .array([.string("LOCAL-PLUGIN")]))
        #expect(request["plugin"]?.string == "probe" && request["version"]?.integer == PluginProtocol.version)
        #expect(request["plan"]?["path"]?.string?.hasPrefix("/") == true)
    }

    @Test("The validator knows every keyword of the protocol's schemas")
    func schemaKeywords() throws {
        for name in ["plugin-answer", "plugin-request"] {
            #expect(JSONSchemaValidator(schema: try PluginTests.schema(name)).unsupportedKeywords() == [], "\(name)")
        }
    }

    @Test("The answer fixtures of Tests/SchemaFixtures/plugin are accepted and refused as check-jsonschema does in CI")
    func answerFixtures() throws {
        let plan = try PluginTests.plan()
        let base = Repo.root.appendingPathComponent("Tests/SchemaFixtures/plugin")
        for verdict in ["valid", "invalid"] {
            let folder = base.appendingPathComponent(verdict)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            #expect(names.count >= 3)
            for name in names {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                let parsed = PluginAnswer.parse(data, rules: ["LSL-12-1-BUDGET-MEASURES"], plan: plan)
                if verdict == "valid" {
                    #expect((try? parsed.get()) != nil, "\(name) should be accepted")
                } else {
                    #expect((try? parsed.get()) == nil, "\(name) should be refused")
                }
            }
        }
    }

    @Test("A broken answer names where it breaks the schema")
    func schemaViolations() throws {
        let plan = try PluginTests.plan()
        func failure(_ json: String, rules: [String] = ["R"]) -> PluginFailure? {
            if case .failure(let box) = PluginAnswer.parse(Data(json.utf8), rules: rules, plan: plan) { return box.failure }
            return nil
        }
        #expect(failure(#"{"protocol":"planlint-plugin","version":1,"findings":[{"rul":"R"}]}"#)
                == .invalid(SchemaViolation(pointer: "/findings/0", problem: .missing("rule"))))
        #expect(failure(#"{"protocol":"planlint-plugin","version":2,"findings":[]}"#)
                == .invalid(SchemaViolation(pointer: "/version", problem: .invalid(keyword: "const"))))
        #expect(failure(#"{"protocol":"planlint-plugin","version":1,"findings":[],"extra":1}"#)
                == .invalid(SchemaViolation(pointer: "", problem: .unknownKey("extra"))))
        #expect(failure(#"{"protocol":"planlint-plugin","version":1,"findings":[{"rule":"OTHER"}]}"#) == .wrongRule("OTHER"))
        #expect(failure(#"{"protocol":"planlint-plugin","version":1,"findings":[{"rule":"R","location":{"line":9999}}]}"#) == .badLocation(line: 9999))
        #expect(failure("[1,2") == .notJSON(stderr: ""))
        // Deep nesting neither crashes the parser nor the validator.
        #expect(failure(String(repeating: "[", count: 200_000)) == .notJSON(stderr: ""))
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(failure(#"{"protocol":"planlint-plugin","version":1,"findings":"# + deep + "}")
                == .invalid(SchemaViolation(pointer: "/findings/0", problem: .invalid(keyword: "type"))))
        #expect(failure(#"{"protocol":"planlint-plugin","version":1,"findings":[]}"#) == nil)
    }

    // MARK: - Enabling

    @Test("A rule whose plugin the configuration does not enable is not run: needs review, saying what enables it, no finding")
    func notEnabled() throws {
        let report = try PluginTests.engine().check(try PluginTests.plan(), asOf: PluginTests.asOf, language: .fi)
        let result = try #require(PluginTests.result(report))
        #expect(result.status == .needsReview)
        #expect(result.reason?.contains("tarkistuslaajennuksen probe") == true && result.reason?.contains("plugins:") == true)
        #expect(!report.findings.contains { $0.ruleID == "LOCAL-PLUGIN" || $0.ruleID == PluginCheck.failedRule.id })
        #expect(PluginTests.result(report, "LOCAL-TITLE")?.status == .pass)
    }

    @Test("The configuration enables a plugin by name and path; its mistakes are errors at file:line:col")
    func configuration() throws {
        let folder = try Folder()
        _ = try PluginTests.script(folder, "plugins/budget.py", "#!/bin/sh\nexit 0\n")
        let good = try Configuration.parse("""
            plugins:
              budget:
                path: plugins/budget.py
                timeout: 2.5
                max_output: 2048
                settings: {budget: talousarvio.csv, years: [2027]}
            """, file: ".planlint.yaml", folder: folder.path)
        let plugin = try #require(good.plugins.first)
        #expect(plugin.name == "budget" && plugin.executable == folder.url.appendingPathComponent("plugins/budget.py").path)
        #expect(plugin.timeout == 2.5 && plugin.maxOutput == 2048 && plugin.folder == folder.path)
        #expect(plugin.settings["budget"]?.string == "talousarvio.csv" && plugin.settings["years"] == .array([.number(2027)]))

        func error(_ yaml: String) -> String {
            do {
                _ = try Configuration.parse(yaml, file: ".planlint.yaml", folder: folder.path)
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(error("plugins:\n  budget: {path: plugins/budget.py, timout: 3}\n").contains(".planlint.yaml:2:37"))
        #expect(error("plugins:\n  budget: {path: plugins/budget.py, timout: 3}\n").contains("did you mean 'timeout'?"))
        #expect(error("plugins:\n  budget: {path: missing.py}\n").contains(".planlint.yaml:2:18: error: plugin 'budget': no such file 'missing.py'"))
        #expect(error("plugins:\n  budget: {path: plugins/budget.py, timeout: 0}\n").contains("'timeout' must be"))
        #expect(error("plugin:\n  budget: {path: x}\n").contains("did you mean 'plugins'?"))
        _ = try folder.write("plain.py", "print(1)\n")
        #expect(error("plugins:\n  budget: {path: plain.py}\n").contains("is not executable"))
    }

    // MARK: - Limits and failures

    /// Checks the plan with `script` as the plugin; returns the report and the seconds it took.
    func run(_ body: String, timeout: Double = 5, maxOutput: Int = PluginSetting.defaultMaxOutput, language: Language = .en) throws -> (PlanReport, Double, Folder) {
        let folder = try Folder()
        var setting = try PluginTests.script(folder, "probe.sh", body)
        setting.timeout = timeout
        setting.maxOutput = maxOutput
        let start = Date()
        let report = try PluginTests.engine(plugins: [setting]).check(try PluginTests.plan(), asOf: PluginTests.asOf, language: language)
        return (report, Date().timeIntervalSince(start), folder)
    }

    /// The failure finding of planlint's own rule; the plugin's rule needs review and the other rule still ran.
    func failure(_ report: PlanReport) throws -> Finding {
        let failed = report.findings.filter { $0.ruleID == "PLANLINT-PLUGIN-FAILED" }
        #expect(failed.count == 1)
        #expect(PluginTests.result(report)?.status == .needsReview)
        #expect(PluginTests.result(report, "LOCAL-TITLE")?.status == .pass)
        #expect(!report.findings.contains { $0.ruleID == "LOCAL-PLUGIN" })
        let finding = try #require(failed.first)
        #expect(finding.message.contains("probe") && finding.message.contains("LOCAL-PLUGIN"))
        #expect(finding.severity == .error)
        return finding
    }

    @Test("A plugin that hangs is killed at the time limit, with the processes it started")
    func hangs() throws {
        let (report, seconds, folder) = try run("#!/bin/sh\nsleep 30 &\necho $! > child.pid\nwait\n", timeout: 0.5)
        let finding = try failure(report)
        #expect(finding.message.contains("did not answer within 0.5 seconds"), "\(finding.message)")
        #expect(seconds < 5)
        let pid = try #require(Int32(try String(contentsOf: folder.url.appendingPathComponent("child.pid"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        usleep(300_000)
        // Gone, or a zombie waiting for init to reap it: either way no longer running.
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: ")").last?.split(separator: " ").first
        #expect(kill(pid, 0) != 0 || state == "Z", "the plugin's child (sleep) still runs (state \(state.map(String.init) ?? "?"))")
    }

    @Test("A plugin that prints garbage fails as not JSON; its control characters are neutralised")
    func garbage() throws {
        let (report, _, _) = try run("#!/bin/sh\nprintf 'hello \\033[31mworld\\n'\necho 'oops \\033]0;title\\007' >&2\n")
        let finding = try failure(report)
        #expect(finding.message.contains("its answer is not JSON"))
        #expect(finding.message.contains("standard error: oops"))
        #expect(!finding.message.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test("A plugin that exits 3 fails with its status and the end of its standard error, in the plan's language")
    func exits3() throws {
        let (report, _, _) = try run("#!/bin/sh\ncat >/dev/null\necho 'budget: cannot read talousarvio.csv' >&2\nexit 3\n", language: .fi)
        let finding = try failure(report)
        #expect(finding.message == "Tarkistuslaajennus probe epäonnistui säännön LOCAL-PLUGIN kohdalla: se päättyi tilakoodiin 3; virhetuloste: budget: cannot read talousarvio.csv. Sääntöä ei tarkistettu; muut säännöt tarkistettiin.")
        #expect(PluginTests.result(report)?.reason?.hasPrefix("sääntöä ei tarkistettu: tarkistuslaajennus probe epäonnistui") == true)
    }

    @Test("A plugin that writes 100 MB is stopped at the output limit")
    func floods() throws {
        let (report, seconds, _) = try run("#!/bin/sh\nhead -c 104857600 /dev/zero\n", maxOutput: 1024 * 1024)
        let finding = try failure(report)
        #expect(finding.message.contains("its answer was over 1048576 bytes"))
        #expect(seconds < 5)
    }

    @Test("A plugin that answers without reading its input does not break planlint")
    func ignoresInput() throws {
        let big = String(repeating: "Lapset ja nuoret harrastavat. ", count: 20000)
        let folder = try Folder()
        let setting = try PluginTests.script(folder, "probe.sh", "#!/bin/sh\necho '{\"protocol\":\"planlint-plugin\",\"version\":1,\"findings\":[]}'\n")
        let report = try PluginTests.engine(plugins: [setting]).check(try PluginTests.plan(PluginTests.planText + big + "\n"), asOf: PluginTests.asOf)
        #expect(PluginTests.result(report)?.status == .pass)
    }

    // MARK: - The budget plugin

    static func budgetEngine(enabled: Bool) throws -> Engine {
        let dir = Repo.root.appendingPathComponent("CheckPlugins/budget")
        var engine = try Engine(packs: try PackSet.load(directories: [dir.appendingPathComponent("pack").path]))
        if enabled {
            engine.plugins = PluginSet([PluginSetting(name: "budget", executable: dir.appendingPathComponent("budget.py").path,
                                                      settings: .object(["budget": .string("pack/examples/talousarvio-2027.csv")]),
                                                      folder: dir.path)])
        }
        return engine
    }

    @Test("The budget plugin's examples pass and fail as stated, as rules test runs them")
    func budgetExamples() throws {
        let results = ExampleRunner.run(try PluginTests.budgetEngine(enabled: true), packs: ["fi-talousarvio"])
        #expect(results.count == 4)
        for r in results { #expect(r.ok, "\(r.file): \(r.failure ?? "")") }
        let short = try #require(results.first { $0.file.hasSuffix("budget-short.md") })
        #expect(short.findings.map(\.start.line) == [15, 20])
        #expect(short.findings.first?.message.contains("vain 20 000 euroa") == true)
    }

    @Test("The budget file may be named in the plan's sidecar; a finding about the sidecar's resources points into it")
    func budgetFromSidecar() throws {
        let folder = try Folder()
        let planPath = try folder.write("plans/koivuranta.md", """
            ---
            plan: {title: Koivurannan suunnitelma, language: fi}
            ---
            # Koivurannan suunnitelma

            Toimenpiteet ja niiden resurssit ovat erillisessä tiedostossa.

            """)
        try folder.write("plans/koivuranta.planlint.yaml", """
            budget: {file: talous/talousarvio.csv}
            measures:
              - {id: M1, text: Harrastamisen malli, resources: {2027: 18000}}
              - {id: M2, text: Koulukuraattorit, resources: {2027: 40000}}

            """)
        try folder.write("plans/talous/talousarvio.csv", "Vuosi,Toimenpide,Selite,Määräraha\n2027,M1,Harrastamisen malli,\"18 000,00\"\n")
        var engine = try PluginTests.budgetEngine(enabled: true)
        engine.plugins.enabled["budget"]?.settings = .object([:])
        let report = engine.check(try PlanReader.read(file: planPath), asOf: PluginTests.asOf, language: .sv)
        let findings = report.findings.filter { $0.ruleID == "LSL-12-1-BUDGET-MEASURES" }
        #expect(findings.count == 1)
        #expect(findings.first?.file.hasSuffix("koivuranta.planlint.yaml") == true)
        #expect(findings.first?.start == LineColumn(line: 4, column: 56))
        #expect(findings.first?.message == "För åtgärden M2 Koulukuraattorit har 40 000 euro reserverats för år 2027, men budgeten har inget anslag för den.")
        let own = report.findings.filter { ["PLANLINT-UNKNOWN-PLAN-KEY", "PLANLINT-PLUGIN-FAILED"].contains($0.ruleID) }.map(\.message)
        #expect(own.isEmpty, "\(own)")
    }

    @Test("Without the plugin enabled, the budget examples fail as not run, never pass")
    func budgetNotEnabled() throws {
        let results = ExampleRunner.run(try PluginTests.budgetEngine(enabled: false), packs: ["fi-talousarvio"])
        #expect(results.count == 4 && results.allSatisfy { !$0.ok && $0.notRun != nil })
    }
}

@Suite("Check plugins in packs")
struct PluginPackTests {
    static func load(_ check: String) -> String {
        let files = [
            "pack.yaml": "id: local\nversion: 1.0.0\ntitle: {fi: P, sv: P, en: P}\n",
            "rules/r.yaml": """
            rules:
              - id: LOCAL-PLUGIN
                title: {fi: L, sv: T, en: P}
                severity: warning
                kind: practice
                check: \(check)
                message: {fi: Viesti., sv: Meddelande., en: Message.}
                remediation: {fi: Korjaa., sv: Rätta., en: Fix it.}
                examples: {pass: [ok.md], fail: [ok.md]}
            """,
            "ok.md": "# Suunnitelma\n",
        ]
        switch PackLoader.load(PackSource(origin: "local", displayRoot: "local", files: files)) {
        case .success: return "loaded"
        case .failure(let e): return e.errors.map(\.description).joined(separator: "\n")
        }
    }

    @Test("A plugin check is a rule's whole check; a misspelt name or a plugin inside another check is refused at its position")
    func placement() {
        #expect(PluginPackTests.load("{plugin: budget}") == "loaded")
        #expect(PluginPackTests.load("{all: [{present: goals}, {plugin: budget}]}").contains("local/rules/r.yaml:6:12"))
        #expect(PluginPackTests.load("{all: [{present: goals}, {plugin: budget}]}").contains("must be the rule's whole check"))
        #expect(PluginPackTests.load("{not: {plugin: budget}}").contains("must be the rule's whole check"))
        #expect(PluginPackTests.load("{plugin: Budget.py}").contains("not a plugin name"))
        #expect(PluginPackTests.load("{each: {path: measures, check: {plugin: budget}}}").contains("cannot be used inside each or some"))
    }
}
