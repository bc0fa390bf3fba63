// YAML merge keys (`<<`) are refused with their position, not taken as a literal key.
import Testing
@testable import PlanLintYAML

@Suite("Merge keys")
struct MergeKeyTests {
    @Test("A plain << key is an error at its line and column", arguments: [
        ("base: &b {x: 1}\nplan:\n  <<: *b\n  title: T\n", 3, 3),
        ("a: {<<: {x: 1}}\n", 1, 5),
        ("- <<: [1]\n", 1, 3),
    ])
    func refused(_ text: String, _ line: Int, _ column: Int) throws {
        let error = try #require(loadError(text))
        #expect(error.kind == .syntax)
        #expect(error.position.line == line && error.position.column == column)
        #expect(error.message == "merge keys (<<) are not supported; write the keys out, or quote '<<' if it is meant as a key")
    }

    @Test("A quoted '<<' is an ordinary key, and << as a value is a string")
    func quoted() throws {
        let node = try #require(try load("'<<': 1\nx: <<\n"))
        #expect(node["<<"]?.scalar?.text == "1")
        #expect(node["x"]?.scalar?.text == "<<")
    }
}
