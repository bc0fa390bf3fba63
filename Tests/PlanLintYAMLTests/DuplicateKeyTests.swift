// Duplicate mapping keys: rejected at the second occurrence, scalars compared by text,
// complex keys by structure.

import PlanLintYAML
import Testing

@Suite("Duplicate keys")
struct DuplicateKeyTests {
    @Test("a repeated key in an approval is reported at its second occurrence")
    func blockDuplicate() {
        let error = loadError("""
            approvals:
              - body: kunnanvaltuusto
                date: 14.6.2023
                minute: "§ 45"
                date: 15.6.2023

            """)
        #expect(error?.kind == .duplicateKey)
        #expect(error?.position == pos(5, 5, 81))
        #expect(error?.message == "duplicate key \"date\" (first defined on line 3)")
        #expect(error?.description == "plan.yaml:5:5: duplicate key \"date\" (first defined on line 3)")
    }

    @Test("a repeated key in a flow mapping, after non-ASCII text")
    func flowDuplicate() {
        let error = loadError("- {elin: \"yhteistoiminta-alue 🙂\", päivä: 1.2.2025, elin: x}")
        #expect(error?.kind == .duplicateKey)
        #expect(error?.position == pos(1, 52, 56))
        #expect(error?.description == "plan.yaml:1:52: duplicate key \"elin\" (first defined on line 1)")
    }

    @Test("the first line is a true file line when a base is given")
    func duplicateWithBase() {
        let error = loadError("status: draft\nstatus: approved\n", base: pos(2, 1, 4))
        #expect(error?.description == "plan.yaml:3:1: duplicate key \"status\" (first defined on line 2)")
    }

    @Test("scalar keys compare by text, whatever their style or value")
    func textComparison() {
        #expect(loadError("1: a\n\"1\": b")?.description == "plan.yaml:2:1: duplicate key \"1\" (first defined on line 1)")
        #expect(loadError("'tila': a\ntila: b")?.kind == .duplicateKey)
        // Different texts are different keys, even with the same core-schema value.
        #expect(loadError("null: a\n~: b") == nil)
        #expect(loadError("1: a\n01: b") == nil)
    }

    @Test("the same key in different mappings is fine")
    func separateMappings() throws {
        let root = try #require(try load("a: {date: 1}\nb: {date: 2}\nc: [{date: 3}, {date: 4}]"))
        #expect(root["c"]?.sequence?.count == 2)
    }

    @Test("complex keys compare by structure, mappings regardless of order")
    func complexKeys() {
        let sequences = loadError("? [a, b]\n: 1\n? [a, b]\n: 2\n")
        #expect(sequences?.description == "plan.yaml:3:3: duplicate list key (first defined on line 1)")
        let mappings = loadError("? {a: 1, b: 2}\n: x\n? {b: 2, a: 1}\n: y\n")
        #expect(mappings?.description == "plan.yaml:3:3: duplicate mapping key (first defined on line 1)")
        #expect(loadError("? [a, b]\n: 1\n? [b, a]\n: 2\n") == nil)
        #expect(loadError("? [a]\n: 1\n? a\n: 2\n") == nil)
    }

    @Test("an alias used as a key is a duplicate of its anchor's text")
    func aliasKey() {
        let error = loadError("&k päivä: 1\n*k : 2\n")
        #expect(error?.description == "plan.yaml:2:1: duplicate key \"päivä\" (first defined on line 1)")
    }

    @Test("merge keys are refused; a quoted '<<' is an ordinary key")
    func mergeKeys() throws {
        #expect(loadError("base: &b {body: kunnanvaltuusto}\nx:\n  <<: *b\n  date: 14.6.2023\n")?.description
            == "plan.yaml:3:3: merge keys (<<) are not supported; write the keys out, or quote '<<' if it is meant as a key")
        let root = try #require(try load("base: &b {body: kunnanvaltuusto}\nx:\n  '<<': *b\n  date: 14.6.2023\n"))
        #expect(root["x"]?.mapping?.map(\.key.scalar?.text) == ["<<", "date"])
        #expect(loadError("x:\n  '<<': {a: 1}\n  \"<<\": {b: 2}\n")?.message == "duplicate key \"<<\" (first defined on line 2)")
    }

    @Test("long or odd keys are quoted and shortened in the message")
    func keyQuoting() {
        let long = String(repeating: "ä", count: 70)
        let error = loadError("\(long): 1\n\(long): 2\n")
        #expect(error?.message == "duplicate key \"\(String(repeating: "ä", count: 60))…\" (first defined on line 1)")
        #expect(loadError("\"a\\\"b\\n\": 1\n\"a\\x22b\\x0a\": 2\n")?.message == "duplicate key \"a\\\"b\\n\" (first defined on line 1)")
    }
}
