// Plan keys checked like pack keys, and the sidecar file that confirms facts beside a plan.
import Foundation
import Testing
@testable import PlanLint

@Suite("Plan keys and the sidecar")
struct PlanKeysTests {
    static func markdown(_ frontMatter: String) throws(InputError) -> Plan {
        try PlanReader.read(data: Data("---\n\(frontMatter)\n---\n# Suunnitelma\n\nTeksti.\n".utf8), file: "plan.md")
    }

    @Test("A value of the wrong shape is a load error at its line and column", arguments: [
        ("plan:\n  title: X\n  language: klingon", 3, 13, "plan.language: 'klingon' is not one of fi, sv"),
        ("reviews: \"none\"", 1, 10, "reviews must be a list, found 'none'"),
        ("plan:\n  municipalities: 12345", 2, 19, "plan.municipalities must be a list, found '12345'"),
        ("plan:\n  period: \"whenever\"", 2, 11, "plan.period must be a mapping of keys, found 'whenever'"),
        ("plan: \"x\"", 1, 7, "plan must be a mapping of keys, found 'x'"),
        ("status: [approved]", 1, 9, "status must be a text, found a list"),
        ("child_impact_assessment: {done: maybe}", 1, 33, "child_impact_assessment.done must be true or false, found 'maybe'"),
    ])
    func wrongShape(_ yaml: String, _ line: Int, _ column: Int, _ message: String) throws {
        do throws(InputError) {
            _ = try Self.markdown(yaml)
            Issue.record("read without error")
        } catch {
            #expect(error.kind == .invalidPlan)
            #expect(error.message == message)
            #expect(error.position?.line == line + 1, "the front matter starts on line 2")
            #expect(error.position?.column == column)
        }
    }

    @Test("An unknown key is a warning with the nearest known key; known keys and open mappings are not")
    func unknownKeys() throws {
        let plan = try Self.markdown("status: approved\napprovls:\n  - {body: kunnanvaltuusto, date: 2025-06-16}\nplan:\n  titel: X\ngovernance:\n  own_note: free\nlegal_map: {LSL-12-2-3: \"5\"}\nbudjetti: 1")
        #expect(plan.keyWarnings.map(\.key) == ["approvls", "titel", "budjetti"])
        #expect(plan.keyWarnings.map(\.suggestion) == ["approvals", "title", nil])
        let report = Packs.engine.check(plan, asOf: try #require(PlanDate(parsing: "2026-11-22")), language: .fi)
        let warnings = report.findings.filter { $0.ruleID == "PLANLINT-UNKNOWN-PLAN-KEY" }
        #expect(warnings.count == 3)
        #expect(warnings.first?.message == "Tuntematon avain 'approvls': planlint ei lue sitä. Tarkoititko approvals?")
        #expect(warnings.first?.start == LineColumn(line: 3, column: 1))
        #expect(warnings.allSatisfy { $0.severity == .warning })
    }

    @Test("Every example plan of the repository uses only known keys")
    func examplesUseKnownKeys() throws {
        let found = PlanReader.discover(["Examples", "WordExamples", "Rules/fi-lsl/examples", "Rules/fi-suositukset/examples"].map { Repo.root.appendingPathComponent($0).path }).files
        #expect(found.count > 30)
        for file in found {
            let plan = try PlanReader.read(file: file)
            #expect(plan.keyWarnings.isEmpty, "\(file): \(plan.keyWarnings.map(\.key))")
        }
    }

    @Test("A sidecar beside a Word plan wins over the prose; its findings point into it and say so")
    func sidecar() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-sidecar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let docx = dir.appendingPathComponent("suunnitelma.docx")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("WordExamples/municipal-2024-prose-gaps.docx"), to: docx)
        let asOf = try #require(PlanDate(parsing: "2026-11-22"))
        let before = Packs.engine.check(try PlanReader.read(file: docx.path), asOf: asOf, language: .en)
        #expect(before.findings.contains { $0.ruleID == "JARJL-6-3-PUBLISH" })
        #expect(!before.findings.contains { $0.ruleID == "LSL-12-1-APPROVAL-COUNCIL" })

        let sidecar = dir.appendingPathComponent("suunnitelma.planlint.yaml")
        try Data("publication_url: \"https://vaaraniemi.example/lanu\"\napprovals:\n  - {body: kunnanhallitus, date: 2024-06-17, minute: \"§ 120\"}\n".utf8).write(to: sidecar)
        let plan = try PlanReader.read(file: docx.path)
        #expect(plan.sidecar?.file == sidecar.path)
        #expect(PlanReader.discover([dir.path]).files == [docx.path], "a folder's sidecar is not a plan of its own")
        let after = Packs.engine.check(plan, asOf: asOf, language: .en)
        #expect(!after.findings.contains { $0.ruleID == "JARJL-6-3-PUBLISH" }, "the sidecar states where the plan is published")
        let council = try #require(after.findings.first { $0.ruleID == "LSL-12-1-APPROVAL-COUNCIL" })
        #expect(council.origin == .sidecar)
        #expect(council.file == sidecar.path)
        #expect(council.start == LineColumn(line: 3, column: 12))
        #expect(council.location == nil, "a sidecar position is a real line, not a place in the document")
        #expect(after.sourceLine(of: council) == "  - {body: kunnanhallitus, date: 2024-06-17, minute: \"§ 120\"}")
        let text = TextReporter(options: ReportOptions(language: .en)).report(RunResult(outcomes: [.checked(after)], packs: Packs.engine.packs, asOf: asOf, language: .en))
        #expect(text.contains("--> \(sidecar.path):3:12\n    |\n   3|   - {body: kunnanhallitus"))
        #expect(text.contains("= The fact comes from the sidecar \(sidecar.path), which wins over the data block and the text."))
    }

    @Test("A status the sidecar gives wins over the front matter, and the decided status says it came from the sidecar")
    func sidecarDecides() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-sidecar-status-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("suunnitelma.md")
        try Data("---\nstatus: draft\n---\n# Suunnitelma\n".utf8).write(to: plan)
        try Data("status: proposal\n".utf8).write(to: dir.appendingPathComponent("suunnitelma.planlint.yaml"))
        let facts = Packs.engine.facts(try PlanReader.read(file: plan.path), asOf: try #require(PlanDate(parsing: "2026-11-22")), language: .en)
        let status = try #require(facts.decisions.first { $0.name == "status" })
        #expect(status.value == "proposal")
        #expect(status.reasons.en == "given in the sidecar's field status")
        #expect(status.reasons.fi == "annettu sivutiedoston kentässä status")
    }

    @Test("A sidecar that is a FIFO is refused at once, not waited on")
    func fifoSidecar() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-fifo-sidecar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("suunnitelma.md")
        try Data("# Suunnitelma\n".utf8).write(to: plan)
        #expect(mkfifo(dir.appendingPathComponent("suunnitelma.planlint.yaml").path, 0o644) == 0)
        do throws(InputError) {
            _ = try PlanReader.read(file: plan.path)
            Issue.record("a FIFO sidecar was read")
        } catch {
            #expect(error.file.hasSuffix("suunnitelma.planlint.yaml"))
            #expect(error.message.contains("not a regular file"), "\(error)")
        }
    }

    @Test("A sidecar with a value of the wrong shape is a load error in the sidecar")
    func badSidecar() throws {
        do throws(InputError) {
            _ = try Sidecar.read(data: Data("plan:\n  language: klingon\n".utf8), file: "x.planlint.yaml")
            Issue.record("read without error")
        } catch {
            #expect(error.description == "x.planlint.yaml:2:13: error: plan.language: 'klingon' is not one of fi, sv")
        }
    }
}

@Suite("planlint facts")
struct FactsTests {
    @Test("A Word plan's facts come from the prose with their place in the document; the decided values say why")
    func wordFacts() throws {
        let plan = try Repo.plan("WordExamples/municipal-2024-prose-gaps.docx")
        let facts = Packs.engine.facts(plan, asOf: try #require(PlanDate(parsing: "2026-11-22")))
        let body = try #require(facts.facts.first { $0.path == "approvals[0].body" })
        #expect(body.value == "Kaupunginvaltuusto")
        #expect(body.origin == .text)
        #expect(body.used)
        #expect(body.location?.rendered(.fi) == "asiakirjan alku, 1. kappale")
        func decided(_ name: String) -> Decision? { facts.decisions.first { $0.name == name } }
        #expect(decided("status")?.value == "approved")
        let profile = try #require(decided("profile"))
        #expect(profile.value == "P2023-municipal")
        #expect(decided("reference_date")?.value == "2024-06-17")
        #expect(decided("reference_date")?.reasons.fi.isEmpty == false)
        let text = FactsText.render(facts, language: .fi)
        #expect(text.contains("päätellyt arvot:"))
        #expect(text.contains("\(profile.title.fi): \(profile.label.fi)  (\(profile.reasons.fi))"))
        #expect(text.contains("approvals[0].body"))
        #expect(text.contains("Kaupunginvaltuusto  — tekstistä, asiakirjan alku, 1. kappale"))
    }

    @Test("Front matter facts have their line and column; a prose fact the front matter overrides is marked unused")
    func markdownFacts() throws {
        let plan = try Repo.plan("Examples/jarvela-2025.md")
        let facts = Packs.engine.facts(plan, asOf: try #require(PlanDate(parsing: "2026-11-22")), language: .en)
        let status = try #require(facts.facts.first { $0.path == "status" && $0.origin == .frontMatter })
        #expect(status.line > 1)
        #expect(status.used)
        #expect(facts.facts.filter { $0.origin == .text }.allSatisfy { entry in
            !facts.facts.contains { $0.path == entry.path && $0.origin == .frontMatter } || !entry.used
        })
        let json = try JSONEncoder().encode([facts])
        let decoded = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: Any]])
        #expect((decoded.first?["facts"] as? [[String: Any]])?.first?["origin"] as? String == "front_matter")
        let decisions = try #require(decoded.first?["decisions"] as? [[String: Any]])
        #expect(decisions.contains { $0["name"] as? String == "profile" && ($0["reasons"] as? [String: Any])?["en"] != nil })
    }
}

@Suite("Plan schema and plan keys")
struct PlanSchemaTests {
    /// The keys of a mapping shape.
    static func keys(_ shape: KeyShape?) -> Set<String> {
        if case .mapping(let keys, _) = shape { return Set(keys.keys) }
        return []
    }

    @Test("schemas/plan.schema.json names the keys PlanKeys reads, at the top, under plan: and in plan.period")
    func sameKeys() throws {
        let data = try Data(contentsOf: Repo.root.appendingPathComponent("schemas/plan.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let top = try #require(schema["properties"] as? [String: Any])
        // `sections:` is the body of a YAML plan, read by its reader, not a fact.
        #expect(Set(top.keys).subtracting(["sections"]) == Set(PlanKeys.schema.keys))
        let plan = try #require((top["plan"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(plan.keys) == Self.keys(PlanKeys.schema["plan"]))
        let period = try #require((plan["period"] as? [String: Any])?["properties"] as? [String: Any])
        if case .mapping(let planKeys, _) = PlanKeys.schema["plan"] {
            #expect(Set(period.keys) == Self.keys(planKeys["period"]))
        }
    }

    @Test("The schema's fixtures: a valid sidecar reads without a warning; each wrong plan draws a warning or a load error")
    func fixtures() throws {
        let root = Repo.root.appendingPathComponent("Tests/SchemaFixtures")
        let valid = try Data(contentsOf: root.appendingPathComponent("valid/plan-sidecar.yaml"))
        #expect(try Sidecar.read(data: valid, file: "plan-sidecar.yaml").keyWarnings.isEmpty)
        let invalid = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("invalid").path)
            .filter { $0.hasPrefix("plan-") }.sorted()
        #expect(invalid.count >= 3)
        for name in invalid {
            let data = try Data(contentsOf: root.appendingPathComponent("invalid/\(name)"))
            do throws(InputError) {
                let read = try Sidecar.read(data: data, file: name)
                #expect(!read.keyWarnings.isEmpty, "\(name) is wrong for the schema but planlint accepts it")
            } catch {
                #expect(error.kind == .invalidPlan, "\(name): \(error)")
            }
        }
    }
}
