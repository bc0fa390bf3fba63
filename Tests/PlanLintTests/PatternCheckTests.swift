// The embedded packs' regular expressions are checked by `rules test` and the suite, not at
// every start-up; a pack from a folder is always checked as it is read.
import Foundation
import Testing
@testable import PlanLint

@Suite("Checking the packs' regular expressions")
struct PatternCheckTests {
    /// Runs `body` with a cache of compiled patterns of its own: the lists these tests make
    /// fail their check on purpose, and other tests read every list of the shared cache.
    func isolated(_ body: () throws -> Void) rethrows {
        try CompiledPatterns.$inUse.withValue(CompiledPatterns()) { try body() }
    }

    func pack(origin: String, term: String) -> PackSource {
        OneRulePack.source(id: "chk", origin: origin, check: "{mentions: ['\(term)']}")
    }

    @Test("A folder pack's hazardous term is refused; an embedded pack's waits for rules test")
    func embeddedWaits() { isolated {
        let term = "/(chk+)+$/"
        guard case .failure(let e) = PackLoader.load(pack(origin: "local", term: term)) else {
            Issue.record("a folder pack's hazardous term was accepted")
            return
        }
        #expect(e.description.contains("refused"))
        let unchecked = PackLoader.load(pack(origin: "embedded:chk", term: "/(chkb+)+$/"))
        #expect((try? unchecked.get()) != nil)
        guard case .failure(let checked) = PackLoader.load(pack(origin: "embedded:chk", term: "/(chkb+)+$/"), checkingPatterns: true) else {
            Issue.record("checking an embedded pack accepted a hazardous term")
            return
        }
        #expect(checked.description.contains("refused"))
    } }

    @Test("A list first read unchecked is checked when a folder pack reads it")
    func cachedListIsCheckedLater() { isolated {
        let term = "/(chkc|chkcd)*x/"
        #expect((try? PackLoader.load(pack(origin: "embedded:chk", term: term)).get()) != nil)
        guard case .failure(let e) = PackLoader.load(pack(origin: "kunta", term: term)) else {
            Issue.record("the cached unchecked list was not checked for the folder pack")
            return
        }
        #expect(e.description.contains("refused"))
    } }

    @Test("An invalid expression read unchecked matches nothing, and does not crash")
    func invalidUncheckedMatchesNothing() throws { try isolated {
        let pattern = try TermPattern.$checksPatterns.withValue(false) { try TermPattern(["/chk(/"]) }
        #expect(pattern.matches(in: "chk( chk").isEmpty)
        #expect(!pattern.isFound(in: "chk("))
        #expect(throws: TermPatternError.self) { try TermPattern(["/chk(/"]) }
    } }
}
