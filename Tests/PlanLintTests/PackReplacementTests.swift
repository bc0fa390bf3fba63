// A --pack with the id of an embedded pack replaces it only when it says so, and then the
// reports say so; a pack extending one that is not loaded is pointed at.
import Foundation
import Testing
@testable import PlanLint

@Suite("Replacing an embedded pack")
struct PackReplacementTests {
    /// A one-rule pack folder with the given pack.yaml head.
    static func pack(_ manifest: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("examples"), withIntermediateDirectories: true)
        try (manifest + "version: 9.0.0\ntitle: {fi: K, sv: K, en: K}\n").write(to: dir.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        try """
        rules:
          - id: OWN-1
            title: {fi: T, sv: T, en: T}
            severity: warning
            kind: practice
            check: {present: publication_url}
            message: {fi: M, sv: M, en: M}
            remediation: {fi: R, sv: R, en: R}
            examples:
              pass: [examples/pass.md]
              fail: [examples/fail.md]
        """.write(to: dir.appendingPathComponent("rules/r.yaml"), atomically: true, encoding: .utf8)
        try "---\nplan: {title: S, language: fi}\npublication_url: https://example.fi/s\n---\n# S\n".write(to: dir.appendingPathComponent("examples/pass.md"), atomically: true, encoding: .utf8)
        try "---\nplan: {title: S, language: fi}\n---\n# S\n".write(to: dir.appendingPathComponent("examples/fail.md"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test("A pack with the id fi-lsl and no replaces: is refused")
    func refused() throws {
        let dir = try Self.pack("id: fi-lsl\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect {
            try PackSet.load(directories: [dir.path])
        } throws: { error in
            let errors = (error as? InputErrors)?.errors ?? []
            return errors.map(\.description) == [
                "\(dir.path)/pack.yaml:1:1: error: pack id 'fi-lsl' is the id of a pack built into planlint; a pack meant to stand in for it says 'replaces: fi-lsl' in its pack.yaml, otherwise give it an id of its own",
            ]
        }
    }

    @Test("With replaces: fi-lsl it stands in, and the reports say so in the language asked")
    func replaces() throws {
        let dir = try Self.pack("id: fi-lsl\nreplaces: fi-lsl\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let packs = try PackSet.load(directories: [dir.path])
        let lsl = try #require(packs.first { $0.id == "fi-lsl" })
        #expect(lsl.origin == dir.path)
        #expect(lsl.replaced == "fi-lsl 0.1.0")
        let result = RunResult(outcomes: [], packs: packs, asOf: PlanDate(year: 2026, month: 11, day: 22)!, language: nil)
        let en = TextReporter(color: false, language: .en).report(result)
        #expect(en.contains("Note: the embedded rule pack fi-lsl 0.1.0 is replaced by the pack in \(dir.path) (version 9.0.0); its rules decide the result."))
        let fi = TextReporter(color: false, language: .fi).report(result)
        #expect(fi.contains("Huomio: planlintin oma sääntöpaketti fi-lsl 0.1.0 on korvattu kansion \(dir.path) paketilla (versio 9.0.0)"))
        #expect(PackNotice.replaced(packs, .sv) == ["Obs: planlints inbyggda regelpaket fi-lsl 0.1.0 har ersatts av paketet i mappen \(dir.path) (version 9.0.0); dess regler avgör resultatet."])
        let json = JSONReporter(options: ReportOptions()).report(result)
        #expect(json.contains("\"replaced\" : \"fi-lsl 0.1.0\""))
    }

    @Test("replaces: must be the pack's own id")
    func replacesOther() throws {
        let dir = try Self.pack("id: oma\nreplaces: fi-lsl\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect {
            try PackSet.load(directories: [dir.path])
        } throws: { error in
            (error as? InputErrors)?.errors.map(\.description) == [
                "\(dir.path)/pack.yaml:2:11: error: replaces: names the embedded pack this pack stands in for, so it must be the pack's own id 'oma', found 'fi-lsl'",
            ]
        }
    }

    @Test("A pack extending a pack that is not loaded is pointed at, line and column")
    func extendsMissing() throws {
        let dir = try Self.pack("id: oma\nextends: [fi-kunta]\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect {
            try PackSet.load(directories: [dir.path])
        } throws: { error in
            (error as? InputErrors)?.errors.map(\.description) == [
                "\(dir.path)/pack.yaml:2:10: error: pack 'oma' extends 'fi-kunta', which is not loaded (loaded: fi-lsl, fi-suositukset, oma)",
            ]
        }
    }
}
