// Choosing the packs of a run: the embedded ones and those given with --pack.
import Foundation

/// Loads the packs of a run.
public enum PackSet {
    /// The embedded packs as read, once per process: they are part of the binary and never
    /// change, so a process that builds several engines (the tests, a program using the
    /// library) reads them once.
    private static let embedded: [Result<RulePack, InputErrors>] = EmbeddedPacks.sources().map { PackLoader.load($0, checkingPatterns: nil) }

    /// The embedded packs (unless `includeEmbedded` is false) plus the pack folders given.
    /// A folder pack with the id of an embedded pack replaces it only when its pack.yaml says
    /// `replaces: ID`; it is then marked (`replaced`) so that every report can say so.
    /// `excluding` drops packs by id (e.g. the good-practice pack); an id that names no
    /// loaded pack is an error, so a typo never silently keeps a pack on.
    /// The embedded packs' regular expressions are checked only with `checkingEmbedded`
    /// (`planlint rules test` does; `PackLoader.load(_:checkingPatterns:)` says why).
    public static func load(directories: [String], includeEmbedded: Bool = true, excluding: [String] = [], checkingEmbedded: Bool = false) throws(InputErrors) -> [RulePack] {
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
            for loaded in checkingEmbedded ? EmbeddedPacks.sources().map({ PackLoader.load($0, checkingPatterns: true) }) : embedded {
                switch loaded {
                case .success(let p):
                    guard let i = fromDirs.firstIndex(where: { $0.id == p.id }) else {
                        packs.append(p)
                        continue
                    }
                    if fromDirs[i].replaces == p.id {
                        fromDirs[i].replaced = "\(p.id) \(p.version)"
                    } else {
                        let file = (fromDirs[i].origin as NSString).appendingPathComponent("pack.yaml")
                        errors.append(InputError(.invalidPack, file: file, at: .start,
                            "pack id '\(p.id)' is the id of a pack built into planlint; a pack meant to stand in for it says 'replaces: \(p.id)' in its pack.yaml, otherwise give it an id of its own"))
                        fromDirs.remove(at: i)
                        packs.append(p)
                    }
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
        let loaded = Set(packs.map(\.id))
        for p in packs {
            for base in p.extends where !loaded.contains(base) {
                let file = p.origin.hasPrefix("embedded:") ? p.origin : (p.origin as NSString).appendingPathComponent("pack.yaml")
                errors.append(InputError(.invalidPack, file: file, at: p.extendsAt,
                                         "pack '\(p.id)' extends '\(base)', which is not loaded (loaded: \(loaded.sorted().joined(separator: ", ")))"))
            }
        }
        for id in excluding where !packs.contains(where: { $0.id == id }) {
            let known = packs.map(\.id).joined(separator: ", ")
            errors.append(InputError(.invalidPack, file: id, "--exclude-pack: no loaded pack has the id '\(id)' (loaded: \(known.isEmpty ? "none" : known))"))
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return packs.filter { !excluding.contains($0.id) }
    }
}
