// Without the morphology libraries planlint says so once and carries on.
import Foundation
import Testing

@Suite("Morphology on the command line")
struct MorphologyCLITests {
    @Test("Without Voikko and libstemmer: one clear message, what to install, the same exit code")
    func missingLibraries() throws {
        // A Finnish and a Swedish plan (the draft has errors: the exit code is 1 both ways).
        let plans = ["Examples/koskenkyla-luonnos-2026.md", "Examples/vasterby-2024.md"]
        let normal = try CLI.run(["lint"] + plans + ["--as-of", "2026-11-22", "--fail-on", "error"])
        let off = try CLI.run(["lint"] + plans + ["--as-of", "2026-11-22", "--fail-on", "error"], environment: ["PLANLINT_MORPHOLOGY": "off"])
        #expect(normal.status == 1)
        #expect(off.status == normal.status)
        #expect(off.stderr.components(separatedBy: "morphology is off").count == 2, "said once: \(off.stderr)")
        #expect(off.stderr.contains("libvoikko1 voikko-fi") && off.stderr.contains("libstemmer0d"))
        #expect(!normal.stderr.contains("morphology is off") || !FileManager.default.fileExists(atPath: "/usr/lib/x86_64-linux-gnu/libvoikko.so.1"))
        // rules test notes that base forms went unchecked, and still passes.
        let test = try CLI.run(["rules", "test", "--pack", CLI.fixture("bad/packs/valid")], environment: ["PLANLINT_MORPHOLOGY": "off"])
        #expect(test.status == 0)
        #expect(test.stdout.contains("base-form terms were not checked"))
    }
}
