// The JSON Schemas of schemas/ built into the binary (by the EmbedRulePacks plugin), printed
// by `planlint schema NAME` for editors and CI that have no copy of the repository.
import Foundation

/// The JSON Schemas of plan facts, pack.yaml, rule files and the configuration.
public enum EmbeddedSchemas {
    /// Schema names (`plan`, `pack`, `rules`, `config`), sorted.
    public static var names: [String] { EmbeddedSchemaFiles.text.keys.sorted() }

    /// The schema's JSON text, or nil for an unknown name.
    public static func text(named name: String) -> String? {
        EmbeddedSchemaFiles.text[name]
    }

    /// The schema's file in the repository, relative to its root.
    public static func repositoryPath(of name: String) -> String {
        "schemas/\(name).schema.json"
    }
}
