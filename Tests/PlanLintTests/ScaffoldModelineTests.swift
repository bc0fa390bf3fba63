// `planlint init` writes the YAML files with yaml-language-server modelines that point at
// copies of planlint's schemas it writes beside them, so an editor completes and checks the
// configuration, pack.yaml and the rule file as planlint reads them (docs/schemas.md).
import Foundation
import Testing
@testable import PlanLint

@Suite("planlint init: schema modelines")
struct ScaffoldModelineTests {
    @Test("Each YAML file starts with a modeline to a schema copy init writes, equal to the built-in schema", arguments: [Language.fi, .sv])
    func modelines(_ language: Language) throws {
        let files = Scaffold.files(packID: "kunta", language: language)
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) })
        let expected = [".planlint.yaml": "config", "Rules/kunta/pack.yaml": "pack", "Rules/kunta/rules/kunta.yaml": "rules"]
        for (path, schema) in expected {
            let text = try #require(byPath[path])
            let first = String(text.prefix { $0 != "\n" })
            let prefix = "# yaml-language-server: $schema="
            #expect(first.hasPrefix(prefix), "\(path): \(first)")
            // The modeline's path, taken from the file's folder, is the schema copy init writes.
            let folder = URL(fileURLWithPath: "/w").appendingPathComponent(path).deletingLastPathComponent()
            let target = folder.appendingPathComponent(String(first.dropFirst(prefix.count))).standardized.path
            #expect(target == "/w/schemas/\(schema).schema.json", "\(path) points at \(target)")
            #expect(byPath["schemas/\(schema).schema.json"] == EmbeddedSchemas.text(named: schema))
        }
    }

    @Test("With its modelines and schema copies, the scaffold still loads and its examples pass")
    func stillLoads() throws {
        let root = try Folder()
        for file in Scaffold.files(packID: "kunta", language: .fi) { try root.write(file.path, file.text) }
        let config = try Configuration.load(file: root.path + "/.planlint.yaml")
        let engine = try Engine(packs: try PackSet.load(directories: config.packs?.value ?? []))
        let results = ExampleRunner.run(engine, packs: ["kunta"])
        #expect(results.allSatisfy { $0.pack == "kunta" })
        #expect(results.count == 2 && results.allSatisfy(\.ok))
        #expect(FileManager.default.fileExists(atPath: root.path + "/schemas/rules.schema.json"))
    }
}
