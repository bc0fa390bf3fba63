// The JSON Schemas built into planlint are the files of schemas/, valid JSON, and name every
// key and check kind the pack reader knows, so an editor's completion offers what planlint reads.
import Foundation
import Testing
@testable import PlanLint

@Suite struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func object(_ name: String) throws -> [String: Any] {
        let text = try #require(EmbeddedSchemas.text(named: name))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func properties(_ schema: [String: Any], _ path: [String]) throws -> Set<String> {
        var node: Any = schema
        for key in path { node = try #require((node as? [String: Any])?[key], "no \(path.joined(separator: "."))") }
        return Set(try #require((node as? [String: Any])?["properties"] as? [String: Any]).keys)
    }

    @Test func theSchemasAreTheFour() {
        #expect(EmbeddedSchemas.names == ["config", "pack", "plan", "rules"])
        #expect(EmbeddedSchemas.text(named: "klingon") == nil)
    }

    @Test(arguments: ["config", "pack", "plan", "rules"])
    func embeddedEqualsTheFileAndParses(_ name: String) throws {
        let file = SchemaTests.root.appendingPathComponent(EmbeddedSchemas.repositoryPath(of: name))
        let onDisk = try String(contentsOf: file, encoding: .utf8)
        #expect(EmbeddedSchemas.text(named: name) == onDisk)
        let schema = try SchemaTests.object(name)
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect((schema["description"] as? String)?.isEmpty == false)
    }

    @Test func everyCheckKindIsInTheRulesSchema() throws {
        let kinds = try SchemaTests.properties(try SchemaTests.object("rules"), ["$defs", "check"])
        let missing = Set(CheckParser.checkNames).subtracting(kinds)
        #expect(missing.isEmpty, "check kinds planlint reads but the schema lacks: \(missing.sorted())")
    }

    @Test func everyRuleKeyIsInTheRulesSchema() throws {
        let keys = try SchemaTests.properties(try SchemaTests.object("rules"), ["$defs", "rule"])
        let missing = Set(RuleParser.keys).subtracting(keys)
        #expect(missing.isEmpty, "rule keys planlint reads but the schema lacks: \(missing.sorted())")
    }

    @Test func theRuleFileAndPackAreClosed() throws {
        // planlint refuses unknown keys there, so the schema must too.
        let rules = try SchemaTests.object("rules")
        #expect(rules["additionalProperties"] as? Bool == false)
        #expect((rules["$defs"] as? [String: Any]).flatMap { ($0["rule"] as? [String: Any])?["additionalProperties"] as? Bool } == false)
        #expect(try SchemaTests.object("pack")["additionalProperties"] as? Bool == false)
        #expect(try SchemaTests.object("config")["additionalProperties"] as? Bool == false)
    }
}
