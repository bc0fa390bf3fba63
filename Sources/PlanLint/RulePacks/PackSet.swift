// Choosing the packs of a run: the embedded ones and those given with --pack.
import Foundation

/// Loads the packs of a run.
public enum PackSet {
    /// The embedded packs (unless `includeEmbedded` is false) plus the pack folders given.
    /// A folder pack with the id of an embedded pack replaces it (for developing a pack).
    /// `excluding` drops packs by id (e.g. the good-practice pack); an id that names no
    /// loaded pack is an error, so a typo never silently keeps a pack on.
    public static func load(directories: [String], includeEmbedded: Bool = true, excluding: [String] = []) throws(InputErrors) -> [RulePack] {
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
        for id in excluding where !packs.contains(where: { $0.id == id }) {
            let known = packs.map(\.id).joined(separator: ", ")
            errors.append(InputError(.invalidPack, file: id, "--exclude-pack: no loaded pack has the id '\(id)' (loaded: \(known.isEmpty ? "none" : known))"))
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return packs.filter { !excluding.contains($0.id) }
    }
}
