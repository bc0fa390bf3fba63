// Choosing the packs of a run: the embedded ones and those given with --pack.
import Foundation

/// Loads the packs of a run.
public enum PackSet {
    /// The embedded packs (unless `includeEmbedded` is false) plus the pack folders given.
    /// A folder pack with the id of an embedded pack replaces it (for developing a pack).
    public static func load(directories: [String], includeEmbedded: Bool = true) throws(InputErrors) -> [RulePack] {
        var errors: [InputError] = []
        var fromDirs: [RulePack] = []
        for dir in directories {
            do {
                switch PackLoader.load(try PackSource.directory(dir)) {
                case .success(let p): fromDirs.append(p)
                case .failure(let e): errors += e.errors
                }
            } catch {
                errors.append(error)
            }
        }
        var packs: [RulePack] = []
        if includeEmbedded {
            for source in EmbeddedPacks.sources() {
                switch PackLoader.load(source) {
                case .success(let p):
                    if !fromDirs.contains(where: { $0.id == p.id }) { packs.append(p) }
                case .failure(let e): errors += e.errors
                }
            }
        }
        var seen = Set(packs.map(\.id))
        for p in fromDirs {
            if seen.contains(p.id) {
                errors.append(InputError(.invalidPack, file: p.origin, "pack id '\(p.id)' is given twice"))
                continue
            }
            seen.insert(p.id)
            packs.append(p)
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return packs
    }
}
