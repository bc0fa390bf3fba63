// Did-you-mean for mistyped commands and rule ids, decided in the library.
import Testing
@testable import PlanLint

@Suite("Suggestions")
struct SuggestionsTests {
    static let commands: [String: [String]] = ["lint": [], "rules": ["list", "explain", "test"], "config": [], "init": [], "schema": [], "help": []]
    static let order = ["lint", "rules", "config", "init", "schema", "help"]

    func unknown(_ args: [String], existing: Set<String> = []) -> String? {
        Suggestions.unknownCommand(args, commands: Self.commands, order: Self.order, pathExists: { existing.contains($0) })
    }

    @Test("A mistyped command gets did-you-mean, a swap of two letters counting as one edit")
    func mistypedCommand() {
        #expect(unknown(["lnit"]) == "unknown command 'lnit' (did you mean 'planlint lint' or 'planlint init'?); to check a file of that name, write ./lnit")
        #expect(unknown(["rlues", "list"])?.contains("did you mean 'planlint rules'") == true)
        #expect(unknown(["rules", "tset"]) == "unknown command 'planlint rules tset' (did you mean 'planlint rules test'?)")
        #expect(unknown(["cnofig"])?.contains("'planlint config'") == true)
    }

    @Test("A path, an option, a known command or a word far from every command is left to the parser")
    func leftAlone() {
        #expect(unknown(["lnit"], existing: ["lnit"]) == nil, "a file named like a typo is checked")
        #expect(unknown(["--help"]) == nil)
        #expect(unknown(["lint", "plans"]) == nil)
        #expect(unknown(["rules", "explain", "LSL-12-1-REVIEW-4Y"]) == nil)
        #expect(unknown(["suunnitelma.docx"]) == nil)
        #expect(unknown([]) == nil)
    }

    @Test("A rule id is found ignoring case; a near miss names the closest ids")
    func ruleLookup() throws {
        let packs = Packs.engine.packs
        guard case .success(let (rule, pack)) = Suggestions.rule("lsl-12-1-review-4y", in: packs) else {
            Issue.record("the rule was not found")
            return
        }
        #expect(rule.id == "LSL-12-1-REVIEW-4Y" && pack.id == "fi-lsl")
        guard case .failure(let miss) = Suggestions.rule("LSL-12-1-REVIEW-4X", in: packs) else {
            Issue.record("a missing rule was found")
            return
        }
        #expect(miss.message == "error: no rule 'LSL-12-1-REVIEW-4X' in the loaded packs (did you mean: LSL-12-1-REVIEW-4Y)")
        guard case .failure(let part) = Suggestions.rule("DECISION-BODY", in: packs) else { return }
        #expect(part.message.contains("LSL-12-1-DECISION-BODY"))
    }

    @Test("A failing example says which expectation failed")
    func exampleFailure() throws {
        var r = ExampleResult(rule: "R", pack: "p", file: "Rules/p/examples/a.md", expect: .fail, asOf: try #require(PlanDate(parsing: "2026-11-22")),
                              findings: [], applicable: true, error: nil)
        #expect(r.failureLine == "FAIL R fail Rules/p/examples/a.md (as of 2026-11-22): expected a finding, got none")
        r.applicable = false
        #expect(r.failure == "expected a finding, but the rule does not apply to this example")
        r.expect = .pass
        #expect(r.failure == "the rule does not apply to this example, so it cannot show that the rule passes it")
        r.applicable = true
        #expect(r.failure == nil)
    }
}

@Suite("Local pack mistakes, refused where they stand")
struct LocalPackMistakeTests {
    static let manifest = """
        id: kunta
        version: 1.0.0
        title: {fi: Kunta, sv: Kommun, en: Municipality}
        extends: [fi-lsl]
        examples_as_of: 2026-11-22

        """

    static func rule(message: String) -> String {
        """
        rules:
          - id: KUNTA-OMBUDSMAN
            title: {fi: Lapsiasiavaltuutettu, sv: Barnombudsman, en: Ombudsman}
            severity: warning
            kind: practice
            applies: {}
            check: {mentions: [lapsiasiavaltuutet*]}
            message: {fi: "\(message)", sv: "Inget om ombudsmannen.", en: "No ombudsman."}
            remediation: {fi: Mainitse., sv: Nämn., en: Mention.}
            examples: {pass: [a.md], fail: [b.md]}
        """
    }

    static func engine(_ files: [String: String]) throws -> Result<Engine, InputErrors> {
        let all = files.merging(["a.md": "# Suunnitelma\n\nLapsiasiavaltuutettu.\n", "b.md": "# Suunnitelma\n"]) { a, _ in a }
        let pack = try PackLoader.load(PackSource(origin: "/kunnat/kunta", displayRoot: "/kunnat/kunta", files: all)).get()
        return Result { () throws(InputErrors) -> Engine in try Engine(packs: try PackSet.load(directories: []) + [pack]) }
    }

    @Test("An override of an unknown rule id: the line of pack.yaml and the closest id")
    func unknownOverride() throws {
        let result = try Self.engine(["pack.yaml": Self.manifest + "overrides:\n  LSL-12-1-REVIEW-4Z: {severity: warning}\n",
                                      "rules/r.yaml": Self.rule(message: "Ei mainintaa.")])
        guard case .failure(let e) = result else { Issue.record("accepted"); return }
        #expect("\(e)".contains("/kunnat/kunta/pack.yaml:7:3: error: pack 'kunta' overrides rule 'LSL-12-1-REVIEW-4Z', which no loaded pack defines (did you mean 'LSL-12-1-REVIEW-4Y'?)"), "\(e)")
    }

    @Test("A placeholder no check fills is refused at the rule, not printed as written")
    func unknownPlaceholder() throws {
        let bad = try Self.engine(["pack.yaml": Self.manifest, "rules/r.yaml": Self.rule(message: "Ei mainintaa {ombudsman}.")])
        guard case .failure(let e) = bad else { Issue.record("accepted"); return }
        #expect("\(e)".contains("/kunnat/kunta/rules/r.yaml:2:5: error: rule KUNTA-OMBUDSMAN: the message names the placeholder {ombudsman}"), "\(e)")
        let near = try Self.engine(["pack.yaml": Self.manifest, "rules/r.yaml": Self.rule(message: "Ei mainintaa {vaule}.")])
        guard case .failure(let e2) = near else { Issue.record("accepted"); return }
        #expect("\(e2)".contains("(did you mean {value}?)"), "\(e2)")
        let good = try Self.engine(["pack.yaml": Self.manifest, "rules/r.yaml": Self.rule(message: "Ei mainintaa ({fact:plan.title}).")])
        guard case .success(let engine) = good else { Issue.record("refused: \(good)"); return }
        // The example's real path is what rules test names.
        let results = ExampleRunner.run(engine).filter { $0.rule == "KUNTA-OMBUDSMAN" }
        #expect(results.map(\.file).sorted() == ["/kunnat/kunta/a.md", "/kunnat/kunta/b.md"])
        #expect(results.allSatisfy { $0.ok })
    }
}

@Suite("rules test: per pack, per rule")
struct ExampleReportTests {
    @Test("Results are chosen by pack and by rule id (ignoring case); an unknown id names the closest")
    func select() throws {
        let all = Packs.exampleResults
        guard case .success(let one) = ExampleReport.select(all, packs: nil, rules: ["lsl-12-1-review-4y"]) else { Issue.record("not found"); return }
        #expect(!one.isEmpty && one.allSatisfy { $0.rule == "LSL-12-1-REVIEW-4Y" })
        guard case .success(let practice) = ExampleReport.select(all, packs: ["fi-suositukset"], rules: []) else { return }
        #expect(!practice.isEmpty && practice.allSatisfy { $0.pack == "fi-suositukset" })
        guard case .failure(let e) = ExampleReport.select(all, packs: ["fi-suositukset"], rules: ["LSL-12-1-REVIEW-4Y"]) else {
            Issue.record("a rule of another pack was accepted")
            return
        }
        #expect(e.message.hasPrefix("error: --rule: no rule 'LSL-12-1-REVIEW-4Y' in the packs tested"))
    }

    @Test("One line per pack with its passed, failed and rule counts")
    func perPack() {
        let lines = ExampleReport.perPack(Packs.exampleResults, packs: Packs.engine.packs)
        #expect(lines.count == Packs.engine.packs.count)
        for (line, pack) in zip(lines, Packs.engine.packs) {
            let n = Packs.exampleResults.filter { $0.pack == pack.id }.count
            #expect(line.hasPrefix("\(pack.id) \(pack.version): \(n) passed, 0 failed ("), "\(line)")
        }
    }
}

@Suite("A local pack's own plan keys")
struct PackPlanKeysTests {
    @Test("A key the local pack declares in plan_keys is known; other unknown keys still warn")
    func packKeys() throws {
        let files = Scaffold.files(packID: "kunta", language: .fi)
        var pack: [String: String] = [:]
        for f in files where f.path.hasPrefix("Rules/kunta/") { pack[String(f.path.dropFirst("Rules/kunta/".count))] = f.text }
        let local = try PackLoader.load(PackSource(origin: "Rules/kunta", displayRoot: "Rules/kunta", files: pack)).get()
        #expect(local.planKeys == ["contact"])
        let withPack = try Engine(packs: try PackSet.load(directories: []) + [local])
        let plan = try MarkdownPlanReader().read("""
            ---
            plan: {title: "Suunnitelma", language: fi}
            contact: {name: Liisa Virtanen}
            contakt: {name: x}
            ---
            # Suunnitelma
            """, file: "p.md")
        let asOf = try #require(PlanDate(parsing: "2026-11-22"))
        let keys = withPack.check(plan, asOf: asOf).findings.filter { $0.ruleID == "PLANLINT-UNKNOWN-PLAN-KEY" }
        #expect(keys.count == 1 && keys[0].message.contains("contakt"), "\(keys.map(\.message))")
        let without = Packs.engine.check(plan, asOf: asOf).findings.filter { $0.ruleID == "PLANLINT-UNKNOWN-PLAN-KEY" }
        #expect(without.count == 2, "without the pack, contact is unknown too")
    }
}

@Suite("planlint init plan")
struct PlanSkeletonTests {
    @Test("The skeleton reads as a draft with its facts, in Finnish and Swedish, and holds the law's four content items", arguments: [Language.fi, .sv])
    func skeleton(_ l: Language) throws {
        let text = Scaffold.plan(language: l, municipality: "Testilä")
        let plan = try MarkdownPlanReader().read(text, file: "plan.md")
        let report = Packs.engine.check(plan, asOf: try #require(PlanDate(parsing: "2026-11-22")))
        #expect(report.language == l)
        #expect(report.status.value.rawValue == "draft")
        #expect(report.referenceDate.value.iso == "2026-12-14", "the planned decision date picks the law")
        #expect(report.profile?.value.id == "P2023-municipal")
        for item in ["LSL-12-2-1", "LSL-12-2-2", "LSL-12-2-3", "LSL-12-2-4"] {
            #expect(report.results.first { $0.rule == item }?.status == .pass, "\(item) in \(l.rawValue)")
        }
        #expect(!report.findings.contains { $0.ruleID.hasPrefix("PLANLINT-") }, "no unknown key, no undecided law: \(report.findings.map(\.ruleID))")
    }
}
