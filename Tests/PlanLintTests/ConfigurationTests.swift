// `.planlint.yaml`: finding the file, reading it strictly, flags over the file, rule settings
// and overrides by path relative to the file, waivers that expire, and a baseline that
// survives a plan being edited above its findings. Each test works in its own temporary
// folder, with the defective draft of Examples/ copied into it.
import Foundation
import Testing
@testable import PlanLint

/// A temporary folder with files, removed when the test ends.
final class Folder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-config-\(UUID().uuidString)").standardized
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `relative`, creating folders; returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// Copies the draft of Examples/ to `relative`, with `lines` inserted before line `before`.
    @discardableResult
    func draft(_ relative: String, inserting lines: [String] = [], before: Int = Draft.headingLine) throws -> String {
        let text = try String(contentsOf: Repo.root.appendingPathComponent(Draft.path), encoding: .utf8)
        var all = text.components(separatedBy: "\n")
        all.insert(contentsOf: lines, at: before - 1)
        return try write(relative, all.joined(separator: "\n"))
    }
}

enum Configured {
    static let day = PlanDate(year: 2026, month: 11, day: 22)!

    /// Checks plans as `planlint lint` does: each under the configuration found for it.
    static func run(_ files: [String], flags: CommandLineSettings = CommandLineSettings(), explicit: Configuration? = nil) throws -> [PlanReport] {
        var flags = flags
        if flags.asOf == nil { flags.asOf = day }
        if flags.lang == nil { flags.lang = .en }
        let outcomes = try ConfiguredRun.run(files: files, explicit: explicit, flags: flags, today: day) { engine, files, day, lang in
            PlanRun.check(files: files, with: engine, asOf: day, language: lang)
        }.outcomes
        return outcomes.compactMap { if case .checked(let r) = $0 { return r } else { return nil } }
    }

    /// The error reading configuration text gives.
    static func error(_ text: String) -> InputError? {
        do {
            _ = try Configuration.parse(text, file: ".planlint.yaml", folder: "/kunta")
            return nil
        } catch {
            return error
        }
    }
}

@Suite("Configuration")
struct ConfigurationTests {
    @Test("The nearest .planlint.yaml from the plan's folder upward applies")
    func discovery() throws {
        let root = try Folder()
        let top = try root.write("kunta/.planlint.yaml", "fail_on: warning\n")
        let near = try root.write("kunta/luonnokset/.planlint.yaml", "fail_on: info\n")
        #expect(Configuration.find(from: root.path + "/kunta/plans/2026") == top)
        #expect(Configuration.find(from: root.path + "/kunta") == top)
        #expect(Configuration.find(from: root.path + "/kunta/luonnokset/syksy") == near)
        #expect(Configuration.find(from: root.path) == nil || !Configuration.find(from: root.path)!.hasPrefix(root.path))

        let a = try root.draft("kunta/plans/a.md")
        let b = try root.draft("kunta/luonnokset/b.md")
        let c = try root.draft("kunta/plans/c.md")
        let groups = try ConfiguredRun.groups(files: [a, b, c], explicit: nil)
        #expect(groups.map(\.files) == [[a, c], [b]])
        #expect(groups.map { $0.configuration?.failOn?.value } == [.warning, .info])
        // --config: one file for every plan.
        let given = try Configuration.load(file: near)
        let one = try ConfiguredRun.groups(files: [a, b, c], explicit: given)
        #expect(one.map(\.files) == [[a, b, c]] && one.first?.configuration?.failOn?.value == .info)
    }

    @Test("Flags win over the file, the file over the defaults, and each value says where it came from")
    func precedence() throws {
        let root = try Folder()
        let file = try root.write(".planlint.yaml", """
            # Koskenkylän asetukset
            as_of: 2026-11-22
            fail_on: warning
            lang: sv
            packs: [Rules/kunta]
            format: json
            """)
        let config = try Configuration.load(file: file, shownAs: ".planlint.yaml")
        var flags = CommandLineSettings()
        flags.format = "sarif"
        flags.packs = ["extra"]
        let settings = EffectiveSettings(configuration: config, flags: flags, today: Configured.day)
        #expect(settings.format.value == "sarif" && settings.format.origin == .flag("--format"))
        #expect(settings.failOn.value == .warning && settings.failOn.origin == .file(".planlint.yaml", line: 3, column: 10))
        #expect(settings.lang.value == .sv && settings.lang.origin.description == ".planlint.yaml:4:7")
        #expect(settings.asOf.value == PlanDate(year: 2026, month: 11, day: 22))
        #expect(settings.outputs.value.isEmpty && settings.outputs.origin == .default)
        // Pack folders in the file are relative to its folder; --pack adds to them.
        #expect(settings.packDirectories == [root.path + "/Rules/kunta", "extra"])
        #expect(settings.packs.map(\.origin.description) == [".planlint.yaml:5:8", "--pack"])
        let shown = settings.entries.map { "\($0.key)=\($0.value) (\($0.origin))" }
        #expect(shown.contains("fail_on=warning (.planlint.yaml:3:10)"))
        #expect(shown.contains("format=sarif (--format)"))
        #expect(shown.contains("baseline=none (default)"))
    }

    @Test("Override globs are relative to the configuration's folder, not the working directory")
    func overridesRelativeToFile() throws {
        let root = try Folder()
        try root.write("kunta/.planlint.yaml", """
            rules:
              GP-ANNUAL-REPORT: off
              LSL-12-2-3: info
            overrides:
              - files: ["luonnokset/*.md"]
                rules:
                  LSL-12-1-DECISION-BODY: {disabled: true}
            """)
        let draft = try root.draft("kunta/luonnokset/koskenkyla.md")
        let other = try root.draft("kunta/plans/koskenkyla.md")
        // The working directory is the repository, not the configuration's folder.
        #expect(FileManager.default.currentDirectoryPath != root.path + "/kunta")
        let reports = try Configured.run([draft, other])
        let (d, o) = (reports[0], reports[1])
        #expect(d.findings("LSL-12-1-DECISION-BODY").isEmpty && d.result("LSL-12-1-DECISION-BODY") == nil)
        #expect(o.findings("LSL-12-1-DECISION-BODY").count == 1)
        for r in reports {
            #expect(r.findings("GP-ANNUAL-REPORT").isEmpty && r.result("GP-ANNUAL-REPORT") == nil)
            #expect(r.findings("LSL-12-2-3").map(\.severity) == [.info])
            #expect(r.result("LSL-12-2-3")?.severity == .info)
        }
    }

    @Test("Globs: * within a folder, ** across folders, a bare name in any folder")
    func globs() {
        #expect(Glob.matches("plans/*.md", "plans/a.md"))
        #expect(!Glob.matches("plans/*.md", "plans/2026/a.md"))
        #expect(Glob.matches("plans/**/*.md", "plans/2026/syksy/a.md"))
        #expect(Glob.matches("plans/**/*.md", "plans/a.md"))
        #expect(Glob.matches("*-luonnos-*.md", "plans/koskenkyla-luonnos-2026.md"))
        #expect(!Glob.matches("luonnos-*.md", "plans/koskenkyla-luonnos-2026.md"))
        #expect(Glob.matches("./plans/a?.md", "plans/ab.md"))
        #expect(Glob.matches("**", "a/b/c.md"))
        // A hostile pattern of many ** against a deep path answers at once.
        let deep = Array(repeating: "a", count: 60).joined(separator: "/") + "/x.md"
        #expect(!Glob.matches(Array(repeating: "**", count: 60).joined(separator: "/") + "/y.md", deep))
        #expect(Glob.matches(Array(repeating: "**", count: 60).joined(separator: "/") + "/x.md", deep))
        #expect(!Glob.matches(Array(repeating: "**/*", count: 40).joined(separator: "/") + "/y.md", deep))
    }

    @Test("A misspelt key is an error at its position with the right key suggested", arguments: [
        ("as_of: 2026-11-22\nfailon: warning\n", 2, 1, "unknown key 'failon' in the configuration (did you mean 'fail_on'?)"),
        ("exclude-packs: [fi-suositukset]\n", 1, 1, "unknown key 'exclude-packs' in the configuration (did you mean 'exclude_packs'?)"),
        ("waivers:\n  - rule: GP-PROCESS\n    reason: x\n    reference: khall 3.2.2026 § 14\n    accepted_by: khall\n    expire: 2027-01-31\n",
         6, 5, "unknown key 'expire' in a waiver (did you mean 'expires'?)"),
        ("overrides:\n  - file: [a.md]\n    rules: {GP-PROCESS: off}\n", 2, 5, "unknown key 'file' in an override (did you mean 'files'?)"),
        ("outputs: [sarfi=planlint.sarif]\n", 1, 11, "unknown output format 'sarfi' (did you mean 'sarif'?)"),
    ])
    func badKeys(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let e = try #require(Configured.error(text))
        #expect(e.kind == .invalidConfiguration)
        #expect(e.position?.line == line && e.position?.column == column)
        #expect(e.message.hasPrefix(message), "\(e.message)")
    }

    @Test("A value of the wrong type is an error at the value", arguments: [
        ("lang: de\n", 1, 7, "'lang' must be one of fi, sv, en, not 'de'"),
        ("fail_on: [error]\n", 1, 10, "'fail_on' must be text, found a list"),
        ("packs: {kunta: Rules/kunta}\n", 1, 8, "'packs' must be a value or a list of values, found a mapping"),
        ("as_of: 31.2.2026\n", 1, 8, "'as_of': '31.2.2026' is not a valid date"),
        ("rules:\n  GP-PROCESS: severe\n", 2, 15, "rule 'GP-PROCESS': expected off, error, warning or info, not 'severe'"),
        ("waivers: {rule: GP-PROCESS}\n", 1, 10, "'waivers' must be a list, found a mapping"),
        ("waivers:\n  - rule: GP-PROCESS\n    reason: x\n    reference: y\n    accepted_by: z\n", 2, 5, "a waiver needs 'expires'"),
    ])
    func wrongTypes(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let e = try #require(Configured.error(text))
        #expect(e.position?.line == line && e.position?.column == column, "\(e)")
        #expect(e.message.hasPrefix(message), "\(e.message)")
    }

    @Test("A rule id no pack defines is an error at its line, with the closest id suggested")
    func unknownRule() throws {
        let root = try Folder()
        try root.write(".planlint.yaml", """
            rules:
              GP-PROCESS: warning
            waivers:
              - rule: LSL-12-1-DECISION-BODI
                reason: Valtuusto käsittelee suunnitelman joulukuussa.
                reference: khall 3.2.2026 § 14
                accepted_by: kunnanhallitus
                expires: 2027-01-31
            """)
        let plan = try root.draft("a.md")
        do {
            _ = try Configured.run([plan])
            Issue.record("an unknown rule id was accepted")
        } catch let e as InputErrors {
            #expect(e.errors.count == 1)
            // Outside the working directory, the file is named by its absolute path.
        #expect(e.errors.first?.file == root.path + "/.planlint.yaml")
            #expect(e.errors.first?.position?.line == 4 && e.errors.first?.position?.column == 11)
            #expect(e.errors.first?.message == "no loaded rule pack defines the rule 'LSL-12-1-DECISION-BODI' (did you mean 'LSL-12-1-DECISION-BODY'?)")
        }
    }

    static let waiver = """
        waivers:
          - rule: LSL-12-1-DECISION-BODY
            plan: "plans/*-luonnos-*.md"
            reason: Valtuusto käsittelee suunnitelman joulukuussa.
            reference: khall 3.2.2026 § 14
            accepted_by: kunnanhallitus
            expires: 2027-01-31
        """

    @Test("A waiver marks the finding, which stays in the report and does not count")
    func waiverMarks() throws {
        let root = try Folder()
        try root.write(".planlint.yaml", ConfigurationTests.waiver)
        let draft = try root.draft("plans/koskenkyla-luonnos-2026.md")
        let elsewhere = try root.draft("muut/koskenkyla-luonnos-2026.md")
        let reports = try Configured.run([draft, elsewhere])
        let f = try #require(reports[0].findings("LSL-12-1-DECISION-BODY").first)
        let s = try #require(f.suppressed)
        #expect(s.directive == .waiver && s.isExternal && !f.isActive)
        #expect(s.justification == "Valtuusto käsittelee suunnitelman joulukuussa.")
        #expect(s.waiver?.reference == "khall 3.2.2026 § 14" && s.waiver?.acceptedBy == "kunnanhallitus")
        #expect(s.location.start.line == 2)
        #expect(reports[0].result("LSL-12-1-DECISION-BODY")?.suppressed == 1)
        // The glob is the plan's path from the configuration's folder: muut/ is not covered.
        #expect(reports[1].findings("LSL-12-1-DECISION-BODY").allSatisfy { $0.isActive })

        // Marked in the text output (in the plan's language) and in SARIF as an external suppression.
        let result = RunResult(outcomes: [.checked(reports[0])], packs: Packs.engine.packs, asOf: Configured.day, language: .en)
        let text = TextReporter(color: false).report(result)
        #expect(text.contains("waived (\(root.path)/.planlint.yaml:2): Valtuusto käsittelee suunnitelman joulukuussa. — decision khall 3.2.2026 § 14, accepted by kunnanhallitus, until 2027-01-31"))
        // The council report says which decision accepted it, not that a directive in the plan did.
        let html = HTMLReporter(options: ReportOptions(language: .en, sourceRoot: root.path)).report(result)
        #expect(html.contains("decision khall 3.2.2026 § 14, accepted by kunnanhallitus, until 2027-01-31"))
        #expect(!html.contains("A planlint-disable directive in the plan (line 2)"))
        let sarif = SARIFReporter(options: ReportOptions(language: .en, sourceRoot: root.path)).report(result)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let results = try #require(((json["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let waived = try #require(results.first { $0["ruleId"] as? String == "LSL-12-1-DECISION-BODY" })
        let suppression = try #require((waived["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["kind"] as? String == "external")
        #expect((suppression["justification"] as? String)?.contains("khall 3.2.2026 § 14") == true)
    }

    @Test("An expired waiver waives nothing and is a warning naming its file and line")
    func waiverExpires() throws {
        let root = try Folder()
        try root.write(".planlint.yaml", ConfigurationTests.waiver)
        let draft = try root.draft("plans/koskenkyla-luonnos-2026.md")
        var flags = CommandLineSettings()
        // The last day of the waiver still holds; the next day it has expired.
        flags.asOf = PlanDate(year: 2027, month: 1, day: 31)
        #expect(try Configured.run([draft], flags: flags)[0].findings("LSL-12-1-DECISION-BODY").allSatisfy { !$0.isActive })
        flags.asOf = PlanDate(year: 2027, month: 2, day: 1)
        let report = try Configured.run([draft], flags: flags)[0]
        let decision = try #require(report.findings("LSL-12-1-DECISION-BODY").first)
        #expect(decision.isActive)
        let expired = report.findings("PLANLINT-EXPIRED-WAIVER")
        #expect(expired.count == 1)
        #expect(expired.first?.severity == .warning && expired.first?.isActive == true)
        #expect(expired.first?.start == decision.start)
        #expect(expired.first?.message == "The waiver of LSL-12-1-DECISION-BODY (\(root.path)/.planlint.yaml:2, khall 3.2.2026 § 14, accepted by kunnanhallitus) expired on 2027-01-31, so the finding is no longer waived.")
        flags.lang = .fi
        let fi = try Configured.run([draft], flags: flags)[0].findings("PLANLINT-EXPIRED-WAIVER").first?.message ?? ""
        #expect(fi.hasPrefix("Säännön LSL-12-1-DECISION-BODY poikkeus (\(root.path)/.planlint.yaml:2, khall 3.2.2026 § 14, hyväksyjä kunnanhallitus) päättyi 31.1.2027"))
    }

    @Test("A baseline keeps known findings known after lines are inserted above them; a new finding still counts")
    func baselineSurvivesLineShift() throws {
        let root = try Folder()
        let plan = try root.draft("plans/koskenkyla-luonnos-2026.md")
        let before = try Configured.run([plan])
        let result = RunResult(outcomes: before.map { .checked($0) }, packs: [], asOf: Configured.day, language: nil)
        let baseline = Baseline(result: result, folder: root.path)
        #expect(baseline.findings.reduce(0) { $0 + $1.count } == before[0].findings.count)
        #expect(baseline.findings.allSatisfy { $0.file == "plans/koskenkyla-luonnos-2026.md" })
        #expect(baseline.findings == baseline.findings.sorted())
        // The same findings give the same bytes.
        #expect(baseline.encoded() == Baseline(result: result, folder: root.path).encoded())
        let file = try root.write("planlint-baseline.json", String(decoding: baseline.encoded(), as: UTF8.self))
        let loaded = try Baseline.load(file: file)
        #expect(loaded == baseline)

        // Three lines (one a malformed directive: a new finding) above the main heading.
        try root.draft("plans/koskenkyla-luonnos-2026.md", inserting: ["Uusi kappale ennen otsikkoa.", "", "<!-- planlint-disable -->"])
        let after = try Configured.run([plan])
        let shifted = try #require(after[0].findings("LSL-12-2-3").first)
        #expect(shifted.start.line == Draft.headingLine + 3)
        var outcomes = after.map { PlanOutcome.checked($0) }
        let marked = loaded.apply(to: &outcomes, file: "planlint-baseline.json", folder: root.path)
        #expect(marked == before[0].findings.count)
        guard case .checked(let report) = outcomes[0] else { Issue.record("not checked"); return }
        let active = report.findings.filter(\.isActive)
        #expect(active.map(\.ruleID) == ["PLANLINT-INVALID-SUPPRESSION"])
        #expect(report.findings("LSL-12-2-3").first?.suppressed?.directive == .baseline)
    }

    @Test("A file that is not a baseline is refused with its path")
    func badBaseline() throws {
        let root = try Folder()
        let file = try root.write("baseline.json", "[1, 2]")
        #expect(throws: InputError.self) { try Baseline.load(file: file) }
        #expect(throws: InputError.self) { try Baseline.load(file: root.path + "/missing.json") }
    }
}

@Suite("planlint init")
struct ScaffoldTests {
    @Test("The scaffold's configuration loads its pack, and the pack's examples pass and fail as they should", arguments: [Language.fi, .sv])
    func scaffold(_ language: Language) throws {
        let root = try Folder()
        for file in Scaffold.files(packID: "koskenkyla", language: language) { try root.write(file.path, file.text) }
        let config = try Configuration.load(file: root.path + "/.planlint.yaml")
        #expect(config.packs?.value == [root.path + "/Rules/koskenkyla"])
        let packs = try PackSet.load(directories: config.packs?.value ?? [])
        let engine = try Engine(packs: packs)
        let results = ExampleRunner.run(engine, packs: ["koskenkyla"])
        #expect(results.map(\.rule) == ["KOSKENKYLA-CONTACT", "KOSKENKYLA-CONTACT"])
        #expect(results.allSatisfy { $0.ok }, "\(results.map { "\($0.file) \($0.expect) \($0.findings.map(\.message))" })")
        let failing = try #require(results.first { $0.expect == .fail })
        #expect(failing.findings.first?.message == (language == .sv ? "Planen saknar en kontaktperson (contact.name)." : "Suunnitelmasta puuttuu yhteyshenkilö (contact.name)."))
        // The commented waiver in the configuration is valid once uncommented.
        let text = Scaffold.files(packID: "koskenkyla", language: language)[0].text
        let waivers = try #require(text.range(of: "# waivers:"))
        let uncommented = String(text[..<waivers.lowerBound]) + text[waivers.lowerBound...]
            .replacingOccurrences(of: "# waivers:", with: "waivers:").replacingOccurrences(of: "#   ", with: "  ")
        let withWaiver = try Configuration.parse(uncommented, file: ".planlint.yaml", folder: root.path)
        #expect(withWaiver.waivers.map(\.rule) == ["KOSKENKYLA-CONTACT"])
        #expect(withWaiver.unknownRules(known: engine.rules.map(\.rule.id)).isEmpty)
    }

    @Test("Pack ids are lower-case letters, digits and hyphens")
    func packIDs() {
        #expect(Scaffold.isValidPackID("koskenkyla") && Scaffold.isValidPackID("jokilaakso-hva2"))
        #expect(!Scaffold.isValidPackID("Koskenkylä") && !Scaffold.isValidPackID("2kunta") && !Scaffold.isValidPackID("../x") && !Scaffold.isValidPackID(""))
    }
}
