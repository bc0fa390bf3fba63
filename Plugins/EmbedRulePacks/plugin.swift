// Build-tool plugin: embeds the rule packs of Rules/ and the JSON Schemas of schemas/ into
// the PlanLint library.
//
// The national pack must work from any folder, without the repository, so its files are
// compiled into the binary; so are the schemas (`planlint schema NAME`). The plugin lists
// every file under Rules/ and schemas/ as an input, so a change to a rule, an example or a
// schema rebuilds the embedded copy.
import Foundation
import PackagePlugin

@main
struct EmbedRulePacks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let rules = context.package.directoryURL.appendingPathComponent("Rules")
        let schemas = context.package.directoryURL.appendingPathComponent("schemas")
        var inputs: [URL] = []
        for folder in [rules, schemas] {
            if let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
                for case let url as URL in e {
                    let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
                    if isFile { inputs.append(url) }
                }
            }
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRulePackFiles.swift")
        let schemasOutput = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedSchemaFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding rule packs from Rules/ and schemas from schemas/",
                executable: try context.tool(named: "EmbedRulePacksTool").url,
                arguments: [rules.path, output.path, schemas.path, schemasOutput.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output, schemasOutput]
            ),
        ]
    }
}
