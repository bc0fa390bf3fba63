// The shape of loaded trees: empty documents, roots of every kind, anchors and tags.

import PlanLintYAML
import Testing

@Suite("Loader")
struct LoaderTests {
    @Test(
        "an empty document returns nil",
        arguments: ["", "\n\n", "# vain kommentti\n", "---\n", "--- # kommentti\n...\n", "%YAML 1.2\n---\n"])
    func emptyDocument(text: String) throws {
        #expect(try load(text) == nil)
    }

    @Test("an explicit null root is a node, not nil")
    func nullRoot() throws {
        #expect(try load("~")?.isNull == true)
        #expect(try load("--- !!null")?.isNull == true)
    }

    @Test("roots of every kind")
    func roots() throws {
        #expect(try load("luonnos")?.scalar?.value == .string("luonnos"))
        #expect(try load("- a\n- b\n")?.sequence?.count == 2)
        #expect(try load("[]")?.sequence == [])
        #expect(try load("{}")?.mapping == [])
        #expect(try load("[]")?.range == SourceRange(start: pos(1, 1, 0), end: pos(1, 3, 2)))
    }

    @Test("a nested plan document loads in order")
    func planTree() throws {
        let root = try #require(try load(planFixture))
        #expect(root.mapping?.map(\.key.scalar?.text) == ["plan", "status", "approvals"])
        #expect(root["plan"]?["municipalities"]?.sequence?.compactMap(\.scalar?.text) == ["Esimerkkilä", "Ääneläinen"])
        #expect(root["status"]?.scalar?.value == .string("approved"))
        let approvals = try #require(root["approvals"]?.sequence)
        #expect(approvals.map { $0["body"]?.scalar?.text } == ["kunnanvaltuusto", "yhteistoiminta-alue 🙂"])
        #expect(approvals.map { $0["minute"]?.scalar?.value } == [.string("§ 45"), .string("§ 12")])
        #expect(approvals.map { $0["date"]?.scalar?.value } == [.string("14.6.2023"), .string("2023-06-01")])
        #expect(approvals[0].kindName == "mapping")
        #expect(root["approvals"]?.kindName == "list")
    }

    @Test("aliases copy scalars and collections; a later anchor of the same name wins")
    func aliases() throws {
        let root = try #require(try load("""
            elin: &e kunnanvaltuusto
            hyväksynnät:
              - {body: *e, date: 14.6.2023}
            e2: &e toinen
            viimeinen: *e

            """))
        #expect(root["hyväksynnät"]?.sequence?.first?["body"]?.scalar?.text == "kunnanvaltuusto")
        #expect(root["viimeinen"]?.scalar?.text == "toinen")
    }

    @Test("tags on collections are kept in short form")
    func collectionTags() throws {
        let root = try #require(try load("a: !!map {b: 1}\nc: !lista [1]\nd: !<tag:example.com,2025:x> 1\n"))
        #expect(root["a"]?.tag == "!!map")
        #expect(root["c"]?.tag == "!lista")
        #expect(root["d"]?.tag == "tag:example.com,2025:x")
        #expect(root.tag == nil)
    }

    @Test("the String and byte overloads agree")
    func overloadsAgree() throws {
        let viaString = try load(planFixture)
        let viaBytes = try YAMLLoader.load(bytes: Array(planFixture.utf8), file: "plan.yaml")
        #expect(viaString == viaBytes)
    }

    @Test("error descriptions are file:line:column: message")
    func errorDescription() {
        let error = YAMLError(kind: .syntax, file: "a.yaml", position: pos(3, 7, 20), message: "viesti")
        #expect(error.description == "a.yaml:3:7: viesti")
    }
}
