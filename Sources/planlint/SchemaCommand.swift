// `planlint schema [NAME]`: the JSON Schemas built into planlint (docs/schemas.md), for an
// editor's completion (yaml-language-server) and for CI (check-jsonschema).
import ArgumentParser
import Foundation
import PlanLint

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Prints a JSON Schema: plan (front matter and sidecars), pack (pack.yaml), rules (rule files), config (.planlint.yaml), or plugin-request and plugin-answer (the check plugin protocol).",
        discussion: "Without NAME, lists the schemas. Save one for an editor with, e.g., `planlint schema config > planlint-config.schema.json` (docs/schemas.md)."
    )

    @Argument(help: ArgumentHelp("The schema: plan, pack, rules, config, plugin-request or plugin-answer.", valueName: "name"))
    var name: String?

    func validate() throws {
        if let name, EmbeddedSchemas.text(named: name) == nil {
            throw ValidationError("unknown schema '\(name)'; the schemas: \(EmbeddedSchemas.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        guard let name, let text = EmbeddedSchemas.text(named: name) else {
            for n in EmbeddedSchemas.names {
                writeOutput("\(n)\t\(EmbeddedSchemas.repositoryPath(of: n))\n")
            }
            return
        }
        writeOutput(text.hasSuffix("\n") ? text : text + "\n", .json)
    }
}
