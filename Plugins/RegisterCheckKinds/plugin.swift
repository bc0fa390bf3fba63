// Build-tool plugin: the registry of check kinds, generated from the files of
// Sources/PlanLint/Checks/ (one kind per file), so that a new kind is one new file there and
// a row in docs/rule-packs.md, with no list to edit by hand.
import Foundation
import PackagePlugin

@main
struct RegisterCheckKinds: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let checks = module.sourceFiles(withSuffix: "swift").map(\.url)
            .filter { $0.deletingLastPathComponent().lastPathComponent == "Checks" }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("RegisteredCheckKinds.swift")
        return [
            .buildCommand(
                displayName: "Registering the check kinds of Sources/PlanLint/Checks/",
                executable: try context.tool(named: "RegisterCheckKindsTool").url,
                arguments: [output.path] + checks.map(\.path),
                inputFiles: checks,
                outputFiles: [output]
            ),
        ]
    }
}
