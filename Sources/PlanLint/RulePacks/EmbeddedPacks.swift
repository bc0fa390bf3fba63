// The rule packs built into the binary (from Rules/, by the EmbedRulePacks plugin).
import Foundation

/// The packs compiled into planlint, so that `planlint lint plan.md` works anywhere.
public enum EmbeddedPacks {
    /// Pack folder names, sorted.
    public static var names: [String] { Set(EmbeddedRulePackFiles.text.keys).union(EmbeddedRulePackFiles.base64.keys).sorted() }

    /// The files of every embedded pack (the text files as compiled in, the others decoded).
    public static func sources() -> [PackSource] {
        names.map { source(named: $0) }
    }

    static func source(named name: String) -> PackSource {
        var files = EmbeddedRulePackFiles.text[name] ?? [:]
        var documents: [String: Data] = [:]
        for (path, encoded) in EmbeddedRulePackFiles.base64[name] ?? [:] {
            guard let data = Data(base64Encoded: encoded) else { continue }
            if WordPlanReader.extensions.contains((path as NSString).pathExtension.lowercased()) {
                documents[path] = data
            } else if let text = String(data: data, encoding: .utf8) {
                files[path] = text
            }
        }
        var source = PackSource(origin: "embedded:\(name)", displayRoot: "Rules/\(name)", files: files)
        source.documents = documents
        return source
    }
}
