// Build-tool plugin: embeds the rule packs of Rules/ into the PlanLint library.
//
// The national pack must work from any folder, without the repository, so its files are
// compiled into the binary. The plugin lists every file under Rules/ as an input, so a
// change to a rule or an example rebuilds the embedded copy.
import Foundation
import PackagePlugin

@main
struct EmbedRulePacks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let rules = context.package.directoryURL.appendingPathComponent("Rules")
        var inputs: [URL] = []
        if let e = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in e {
                let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
                if isFile { inputs.append(url) }
            }
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRulePackFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding rule packs from Rules/",
                executable: try context.tool(named: "EmbedRulePacksTool").url,
                arguments: [rules.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            ),
        ]
    }
}
