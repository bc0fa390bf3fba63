// `.planlint.yaml`, `planlint config` and the baseline as a user meets them on the command
// line. The logic is tested in-process (PlanLintTests/ConfigurationTests.swift); these two
// runs show the command line wires it: the file found from the plan, flags over it, exit
// codes, files written.
import Foundation
import Testing

@Suite("Configuration on the command line")
struct ConfigurationCLITests {
    /// A municipality's folder: the configuration at its root, the draft in plans/.
    static func municipality() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-cli-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Examples/koskenkyla-luonnos-2026.md"),
                                         to: dir.appendingPathComponent("plans/koskenkyla-luonnos-2026.md"))
        try Data("""
            paths: [plans]
            as_of: 2026-11-22
            fail_on: warning
            lang: en
            waivers:
              - rule: LSL-12-1-DECISION-BODY
                plan: plans/*.md
                reason: The council handles the plan in December.
                reference: khall 3.2.2026 § 14
                accepted_by: kunnanhallitus
                expires: 2027-01-31

            """.utf8).write(to: dir.appendingPathComponent(".planlint.yaml"))
        return dir
    }

    @Test("lint finds .planlint.yaml from the plan, a flag wins over it, and config says where each value came from")
    func lintAndConfig() throws {
        let dir = try Self.municipality()
        defer { try? FileManager.default.removeItem(at: dir) }
        // From another folder, naming the plan: the file is found from the plan's folder up.
        let plan = dir.appendingPathComponent("plans/koskenkyla-luonnos-2026.md").path
        let sarifPath = dir.appendingPathComponent("planlint.sarif").path
        let run = try CLI.lint(["lint", "--fail-on", "never", "--format", "json", "--output", "sarif=" + sarifPath, plan],
                              in: FileManager.default.temporaryDirectory)
        #expect(run.status == 0, "\(run.stderr)")
        // SARIF marks the waived finding as an external suppression, and stays valid SARIF.
        let sarif = try String(contentsOfFile: sarifPath, encoding: .utf8)
        #expect(sarif.contains("\"kind\" : \"external\""))
        if SchemaValidator.available {
            let report = try SchemaValidator.validate(sarif)
            #expect(report.status == 0, "\(report.stdout)")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = ((json["plans"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
        let waived = try #require(findings.first { $0["rule"] as? String == "LSL-12-1-DECISION-BODY" })
        let suppressed = try #require(waived["suppressed"] as? [String: Any])
        #expect(suppressed["directive"] as? String == "waiver")
        #expect((suppressed["waiver"] as? [String: Any])?["reference"] as? String == "khall 3.2.2026 § 14")
        // English, from the file.
        #expect(waived["message"] as? String == "The draft is headed for a decision by kunnanhallitus, but the plan is approved by the municipal council.")

        // From the folder itself: paths, fail_on (warning) from the file.
        let inside = try CLI.lint(["lint"], in: dir)
        #expect(inside.status == 1)
        #expect(inside.stdout.contains("waived (.planlint.yaml:6): The council handles the plan in December. — decision khall 3.2.2026 § 14"))

        let config = try CLI.run(["config", "--fail-on", "error"], in: dir)
        #expect(config.status == 0)
        let lines = config.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.first == "configuration: .planlint.yaml")
        #expect(lines.contains("fail_on error (--fail-on)"))
        #expect(lines.contains("as_of 2026-11-22 (.planlint.yaml:2:8)"))
        #expect(lines.contains("format text (default)"))

        try Data("as_of: 2026-11-22\nfailon: warning\n".utf8).write(to: dir.appendingPathComponent(".planlint.yaml"))
        let bad = try CLI.lint(["lint", "plans"], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr == ".planlint.yaml:2:1: error: unknown key 'failon' in the configuration (did you mean 'fail_on'?)\n")
    }

    @Test("--write-baseline records the findings; with --baseline only new findings fail")
    func baseline() throws {
        let dir = try Self.municipality()
        defer { try? FileManager.default.removeItem(at: dir) }
        let write = try CLI.lint(["lint", "--write-baseline", "planlint-baseline.json"], in: dir)
        #expect(write.status == 1)
        let recorded = try String(contentsOf: dir.appendingPathComponent("planlint-baseline.json"), encoding: .utf8)
        #expect(recorded.contains("\"file\" : \"plans/koskenkyla-luonnos-2026.md\""))
        #expect(!recorded.contains("LSL-12-1-DECISION-BODY"), "a waived finding is not put in the baseline")

        let known = try CLI.lint(["lint", "--baseline", "planlint-baseline.json"], in: dir)
        #expect(known.status == 0, "\(known.stdout)")

        // A new warning (a directive naming no rule) fails; the known findings still do not.
        let path = dir.appendingPathComponent("plans/koskenkyla-luonnos-2026.md")
        var text = try String(contentsOf: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\n# Koskenkylän", with: "\n<!-- planlint-disable -->\n\n# Koskenkylän")
        try Data(text.utf8).write(to: path)
        let new = try CLI.lint(["lint", "--baseline", "planlint-baseline.json", "--format", "json"], in: dir)
        #expect(new.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(new.stdout.utf8)) as? [String: Any])
        let findings = ((json["plans"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
        #expect(findings.filter { $0["suppressed"] == nil }.compactMap { $0["rule"] as? String } == ["PLANLINT-INVALID-SUPPRESSION"])
        // Writing it again gives the same file plus the one new entry.
        _ = try CLI.lint(["lint", "--write-baseline", "planlint-baseline.json"], in: dir)
        let again = try String(contentsOf: dir.appendingPathComponent("planlint-baseline.json"), encoding: .utf8)
        #expect(again.components(separatedBy: "\"rule\"").count == recorded.components(separatedBy: "\"rule\"").count + 1)
    }
}
