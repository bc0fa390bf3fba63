// `planlint schema`: what an editor's setup or a CI job runs to get a schema without the repository.
import Foundation
import Testing

@Suite struct SchemaCommandTests {
    @Test func printsTheSchemaFileRunFromAnotherFolder() throws {
        let out = try CLI.run(["schema", "config"], in: FileManager.default.temporaryDirectory)
        #expect(out.status == 0)
        let file = try String(contentsOf: CLI.root.appendingPathComponent("schemas/config.schema.json"), encoding: .utf8)
        #expect(out.stdout == file)
        let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        #expect((json?["properties"] as? [String: Any])?["waivers"] != nil)
    }

    @Test func withoutANameListsTheSchemas() throws {
        let out = try CLI.run(["schema"])
        #expect(out.status == 0)
        #expect(out.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == ["config", "pack", "plan", "plugin-answer", "plugin-request", "rules"])
    }

    @Test func anUnknownNameIsAUsageError() throws {
        let out = try CLI.run(["schema", "packs"])
        #expect(out.status == 64)
        #expect(out.stderr.contains("unknown schema 'packs'; the schemas: config, pack, plan, plugin-answer, plugin-request, rules"))
        #expect(out.stdout.isEmpty)
    }
}
