// The check registry: every kind is documented, parses from its own file, and outlines
// itself in each language.
import Foundation
import Testing
@testable import PlanLint

@Suite("Check kinds")
struct CheckKindTests {
    @Test("Every registered kind has a unique name and a row in docs/rule-packs.md")
    func documented() throws {
        let names = CheckKinds.names
        #expect(Set(names).count == names.count)
        let docs = try String(contentsOfFile: "docs/rule-packs.md", encoding: .utf8)
        for name in names {
            #expect(docs.contains("| `\(name):"), "docs/rule-packs.md has no row for \(name)")
        }
    }

    @Test("The outline of every rule of the embedded packs is in the language asked for", arguments: [Language.fi, .sv])
    func outlinesLocalised(_ language: Language) throws {
        let english = ["is given", "any of:", "all of", "the text", "a table", "for each", "for at least one", " matches:", " equals ",
                       "when:", "then:", "otherwise:", "not:", "is one of", "is a valid date", "years before", "the number of"]
        for active in Packs.engine.rules {
            let outline = active.rule.check.outline(language)
            for word in english {
                #expect(!outline.contains(word), "\(active.rule.id) (\(language)): '\(word)' in \(outline)")
            }
        }
    }

    @Test("A misspelt kind is refused at its key, with the nearest name")
    func unknownKind() throws {
        let node = try #require(try YAMLLoader.load("first_faling: [{present: goals}]", file: "r.yaml"))
        #expect {
            _ = try CheckParser(reader: NodeReader(file: "r.yaml")).parse(node)
        } throws: { "\($0)".contains("r.yaml:1:1") && "\($0)".contains("did you mean 'first_failing'") }
    }
}
