// `planlint lint` through the library's entry point (LintSession, in-process): exit codes,
// text and JSON output, languages, the embedded packs. `rules list|explain|test` and a
// local pack's `rules test` spawn the binary.
import Foundation
import PlanLint
import Testing

@Suite("Command line")
struct CommandLineTests {
    @Test("A compliant plan exits 0 and says so")
    func compliantPlan() throws {
        let r = try CLI.lint(["lint", "Examples/jarvela-2025.md", "--as-of", "2026-11-22"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("Examples/jarvela-2025.md"))
        #expect(r.stdout.contains("ei havaintoja"))
        // A Finnish plan: the summary is in Finnish too, with the counts in correct Finnish.
        #expect(r.stdout.contains("1 suunnitelma tarkistettu: 0 virhettä, 0 varoitusta, 0 huomautusta (tarkistuspäivä 22.11.2026; sääntöpaketit: fi-lsl"))
    }

    @Test("A defective draft exits 1 with findings pointing at the source, underlined")
    func defectiveDraft() throws {
        let r = try CLI.lint(["lint", "Examples/koskenkyla-luonnos-2026.md", "--as-of", "2026-11-22", "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("error[LSL-12-1-DECISION-BODY]: The draft is headed for a decision by kunnanhallitus"))
        // The finding points at the value in the front matter and underlines it.
        let lines = r.stdout.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex(where: { $0.contains("[LSL-12-1-DECISION-BODY]") }))
        #expect(lines[at + 1] == "  --> Examples/koskenkyla-luonnos-2026.md:14:9")
        #expect(lines[at + 3] == "   14|   body: kunnanhallitus")
        #expect(lines[at + 4] == "     |         ^^^^^^^^^^^^^^")
        #expect(lines[at + 5] == "  = Law: Child Welfare Act 417/2007, section 12(1)")
        #expect(!r.stdout.contains("\u{1B}["), "no colours when stdout is not a terminal")
    }

    @Test("--fail-on decides the exit code")
    func failOn() throws {
        let never = try CLI.lint(["lint", "Examples/koskenkyla-luonnos-2026.md", "--as-of", "2026-11-22", "--fail-on", "never"])
        #expect(never.status == 0)
        // A thin plan with recommendations (warnings) and no statutory error: the threshold
        // alone decides whether the run fails.
        let thin = "Rules/fi-suositukset/examples/municipal-2024-thin.md"
        let errorsOnly = try CLI.lint(["lint", thin, "--as-of", "2026-11-22", "--lang", "en", "--fail-on", "error"])
        #expect(errorsOnly.status == 0, "\(errorsOnly.stdout)")
        #expect(errorsOnly.stdout.contains("warning["))
        #expect(!errorsOnly.stdout.contains("error["))
        let warnings = try CLI.lint(["lint", thin, "--as-of", "2026-11-22", "--fail-on", "warning"])
        #expect(warnings.status == 1)
        let lapsed = try CLI.lint(["lint", "Examples/jarvela-2025.md", "--as-of", "2030-06-01", "--fail-on", "error"])
        #expect(lapsed.status == 1, "four years after 10.12.2025 the plan has lapsed")
        #expect(lapsed.stdout.contains("[LSL-12-1-REVIEW-4Y]"))
    }

    @Test("--exclude-pack leaves a pack out; an unknown id is an error, not a silent no-op")
    func excludePack() throws {
        #expect(try PackSet.load(directories: []).contains { $0.id == "fi-lsl" })
        let without = try PackSet.load(directories: [], excluding: ["fi-lsl"])
        #expect(!without.isEmpty && !without.contains { $0.id == "fi-lsl" })
        let typo = try CLI.lint(["lint", "Examples/jarvela-2025.md", "--exclude-pack", "fi-suosituks"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("--exclude-pack: no loaded pack has the id 'fi-suosituks'"))
    }

    @Test("--format compliance lists every requirement with its result, in the plan's language")
    func complianceFormat() throws {
        let r = try CLI.lint(["lint", "Examples/vasterby-2024.md", "--as-of", "2026-11-22", "--format", "compliance"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("Rapport om efterlevnad"))
        #expect(r.stdout.contains("Granskningsdag: 22.11.2026"))
        #expect(r.stdout.contains("Tillämpad lagstiftning: Kommunens plan, Bsl 12 § 1–2 mom. (610/2022), från 1.1.2023"))
        #expect(r.stdout.contains("Lagversionens id: P2023-municipal"), "the id is in the appendix")
        #expect(r.stdout.contains("UPPFYLLT"))
        #expect(r.stdout.contains("Tillämpas inte på denna plan:"))
    }

    @Test("Messages follow the plan's language, or --lang")
    func languages() throws {
        let sv = try CLI.lint(["lint", "Examples/vasterby-2024.md", "--as-of", "2029-01-01"])
        #expect(sv.stdout.contains("Planen godkändes eller sågs över senast 17.6.2024; fyraårsfristen gick ut 17.6.2028."), "\(sv.stdout)")
        let en = try CLI.lint(["lint", "Examples/vasterby-2024.md", "--as-of", "2029-01-01", "--lang", "en"])
        #expect(en.stdout.contains("The plan was last approved or reviewed on 2024-06-17; the four-year limit ran out on 2028-06-17."))
    }

    @Test("JSON output follows the documented schema")
    func json() throws {
        let r = try CLI.lint(["lint", "Examples", "--as-of", "2026-11-22", "--format", "json"])
        #expect(r.status == 1)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["schema_version"] as? Int == 1)
        #expect(doc["as_of"] as? String == "2026-11-22")
        let plans = try #require(doc["plans"] as? [[String: Any]])
        #expect(plans.map { $0["file"] as? String } == [
            "Examples/alavesi-2023-prose.md", "Examples/helsinki-2024.md", "Examples/jarvela-2025.md",
            "Examples/koskenkyla-luonnos-2026.md", "Examples/lahdenpera-2019.md", "Examples/merikoski-hva-2024.md",
            "Examples/ranta-2026.yaml", "Examples/seututrio-2025.md", "Examples/strandvik-2025.md", "Examples/vasterby-2024.md",
        ])
        let draft = try #require(plans.first { $0["file"] as? String == "Examples/koskenkyla-luonnos-2026.md" })
        let findings = try #require(draft["findings"] as? [[String: Any]])
        let body = try #require(findings.first { $0["rule"] as? String == "LSL-12-1-DECISION-BODY" })
        #expect(body["path"] as? String == "decision.body")
        #expect(body["evidence"] as? String == "kunnanhallitus")
        #expect(body["origin"] as? String == "front_matter")
        #expect((body["start"] as? [String: Int]) == ["line": 14, "column": 9])
        let citation = try #require(body["citation"] as? [String: Any])
        #expect(citation["act"] as? String == "417/2007")
        #expect(citation["section"] as? String == "12")
        #expect(citation["subsection"] as? Int == 1)
        let packs = try #require(doc["packs"] as? [[String: Any]])
        #expect(packs.first?["id"] as? String == "fi-lsl")
        #expect((packs.first?["content_hash"] as? String)?.count == 16)
    }

    @Test("Output is the same run after run (parallel checking keeps the order)")
    func deterministic() throws {
        let a = try CLI.lint(["lint", "Examples", "--as-of", "2026-11-22", "--format", "json"])
        let b = try CLI.lint(["lint", "Examples", "--as-of", "2026-11-22", "--format", "json"])
        #expect(a.stdout == b.stdout)
    }

    @Test("The embedded packs work from any folder, without the repository")
    func embeddedPacks() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-cwd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Examples/koskenkyla-luonnos-2026.md"), to: tmp.appendingPathComponent("luonnos.md"))
        let r = try CLI.lint(["lint", "luonnos.md", "--as-of", "2026-11-22"], in: tmp)
        #expect(r.status == 1)
        #expect(r.stdout.contains("[LSL-12-1-REVIEW-4Y-PREDECESSOR]"))
        #expect(r.stdout.contains("sääntöpaketit: fi-lsl"))
    }

    @Test("Facts found only in the prose are used, and the output says so")
    func proseFacts() throws {
        let r = try CLI.lint(["lint", "Examples/alavesi-2023-prose.md", "--as-of", "2027-07-01", "--lang", "en"])
        #expect(r.status == 1, "approved 12.6.2023 in the text: lapsed after 12.6.2027")
        #expect(r.stdout.contains("The plan was last approved or reviewed on 2023-06-12"))
        #expect(r.stdout.contains("The fact was found in the plan's text, not in the data block."))
    }

    @Test("rules list, explain and test")
    func rulesCommands() throws {
        let list = try CLI.run(["rules", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("LSL-12-1-REVIEW-4Y"))
        let explain = try CLI.run(["rules", "explain", "LSL-12-1-REVIEW-4Y", "--lang", "fi"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Lastensuojelulaki 417/2007 12 § 1 mom."))
        #expect(explain.stdout.contains("tarkistetaan vähintään kerran neljässä vuodessa"))
        #expect(explain.stdout.contains("ei täyty: Rules/fi-lsl/examples/municipal-2019-lapsed.md"))
        #expect(explain.stdout.contains("  viimeisin valtuuston päätös (jokainen) on enintään 4 vuotta ennen vertailupäivää (tarkistuspäivä)\n"),
                "the check is outlined in Finnish: \(explain.stdout)")
        let unknown = try CLI.run(["rules", "explain", "LSL-99"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no rule 'LSL-99'"))
        // `rules test` of the embedded packs (every example, and every pattern compiled and
        // checked) runs in-process (RuleExampleTests, RegexHazardTests, TermPatternTests) and in CI's
        // `planlint rules test`; here it runs on a local pack, below.
    }

    @Test("A local pack extends the national pack")
    func localPack() throws {
        let r = try CLI.lint(["lint", "Examples/jarvela-2025.md", "--as-of", "2026-11-22", "--pack", CLI.fixture("bad/packs/valid"), "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"id\" : \"local\""))
        let test = try CLI.run(["rules", "test", "--pack", CLI.fixture("bad/packs/valid")])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stdout.hasPrefix("local 1.0.0: 2 passed, 0 failed (1 rule)\n"), "\(test.stdout)")
        #expect(test.stdout.hasSuffix("2 passed, 0 failed\n"))
    }
}
