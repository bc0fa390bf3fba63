// A pack's regular expression that can backtrack catastrophically is refused at load, with
// the file, line and column; the expressions real packs use are not.
import Foundation
import Testing
@testable import PlanLint

@Suite("Regular expressions that can backtrack catastrophically")
struct RegexHazardTests {
    @Test("Nested repetitions and overlapping repeated alternatives are refused", arguments: [
        "(a+)+$", "(x+x+)+y", "(a|a)*", "(a|ab)+c", "(\\w+\\s?)*$", "^(\\d+)*x", "(?:a*){20}", "((ab)*)+", "(.*a){17}",
        "(?<n>a+)+b", "(?i:a+)+b", "(\\p{L}|[a-z])+!", "(?:[^.]|a)*b", "(a{1,}){2,}", "(?:ab|a\\w)*c",
    ])
    func refused(_ pattern: String) {
        #expect(RegexHazard.find(in: pattern) != nil, "\(pattern)")
    }

    @Test("Safe repetitions pass: bounded, disjoint alternatives, atomic, possessive", arguments: [
        "a+b+", "(?:ab)+", "(?:[^.!?]|\\.(?=\\S)){0,150}?x", "(?>a+)+b", "(a++)+b", "(?:19|20)\\d\\d", "(\\d{1,2}\\.){2}\\d{4}",
        "(?<!\\p{L})(?:luonnos|ehdotus)(?!\\p{L})", "(?:\\s*,\\s*\\w)", "[(a+)+]", "\\(a+\\)+", "\\Q(a+)+\\E", "(?:a|b)*c",
        "(?:kunnan kanssa|kunnat)+", "(?#(a+)+)a", "(?:ab|ac)*",
    ])
    func passes(_ pattern: String) {
        #expect(RegexHazard.find(in: pattern) == nil, "\(pattern): \(RegexHazard.find(in: pattern) ?? "")")
    }

    @Test("The message names the part at fault and what to write instead")
    func message() {
        #expect(RegexHazard.find(in: "(a+)+$") == "`a+` repeats inside a repeated part, so it can take exponential time; repeat it once, or make it possessive (++, *+) or atomic, (?>…)")
        #expect(RegexHazard.find(in: "(a|ab)*") == "`(a|ab)*` repeats alternatives that can start with the same character ('a' and 'ab' both start with 'a'), so it can take exponential time; write the common start once, a(?:b|c), or make the group atomic, (?>…)")
    }

    @Test("Every expression of the embedded packs passes the check")
    func embeddedPacks() throws {
        let packs = try PackSet.load(directories: [], checkingEmbedded: true)
        #expect(!packs.isEmpty)
    }

    func pack(rule check: String, facts: String = "") -> PackSource {
        OneRulePack.source(id: "slow", origin: "slow", check: check, facts: facts)
    }

    @Test("A mentions term `/(a+)+$/` is refused at load with file:line:col, in well under a second")
    func mentionsTerm() throws {
        let clock = ContinuousClock()
        let started = clock.now
        guard case .failure(let e) = PackLoader.load(pack(rule: "{mentions: ['/(a+)+$/']}")) else {
            Issue.record("the pack must be refused")
            return
        }
        #expect(e.errors.map(\.description) == [
            "slow/rules/r.yaml:6:23: error: mentions: term '/(a+)+$/' is refused: `a+` repeats inside a repeated part, so it can take exponential time; repeat it once, or make it possessive (++, *+) or atomic, (?>…)",
        ])
        #expect(clock.now - started < .seconds(1))
    }

    @Test("A fact pattern `(x+x+)+y` is refused at load with file:line:col")
    func factPattern() throws {
        let facts = "facts:\n  - path: slow_fact\n    kind: value\n    patterns: ['(?<v>(x+x+)+y)']\n    fields: {slow_fact: v}\n"
        guard case .failure(let e) = PackLoader.load(pack(rule: "{present: slow_fact}", facts: facts)) else {
            Issue.record("the pack must be refused")
            return
        }
        #expect(e.errors.first?.description.hasPrefix("slow/rules/r.yaml:4:16: error: pattern '(?<v>(x+x+)+y)' is refused: `x+` repeats inside a repeated part") == true,
                "\(e.errors.map(\.description))")
    }
}
