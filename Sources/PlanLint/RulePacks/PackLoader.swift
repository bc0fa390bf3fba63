// Loading rule packs from folders or from the copies embedded in the binary.
//
// A pack is read as a set of files (path relative to the pack folder → text), so a pack
// on disk and a pack built into the binary go through the same validation. Every error
// is an `InputError` at the pack file's line and column; a pack can never crash the tool.
import Foundation

/// The files of one pack, wherever they came from.
public struct PackSource: Sendable {
    /// A folder path, or `embedded:ID`.
    public var origin: String
    /// The prefix shown in error messages before a relative path (the folder path).
    public var displayRoot: String
    public var files: [String: String]
    /// Example plans that are Word or OpenDocument files (binary), by path.
    public var documents: [String: Data] = [:]

    public init(origin: String, displayRoot: String, files: [String: String]) {
        self.origin = origin
        self.displayRoot = displayRoot
        self.files = files
    }

    /// The most a pack folder's files may hold together, in bytes.
    public static let maxSize = 32 * 1024 * 1024

    /// Reads a pack folder: `pack.yaml`, `rules/**.yaml` and the example plans.
    public static func directory(_ path: String) throws(InputError) -> PackSource {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError(.missingFile, file: path, "rule pack folder not found")
        }
        guard isDir.boolValue else { throw InputError(.invalidPack, file: path, "a rule pack must be a folder with a pack.yaml") }
        guard fm.fileExists(atPath: (path as NSString).appendingPathComponent("pack.yaml")) else {
            throw InputError(.invalidPack, file: (path as NSString).appendingPathComponent("pack.yaml"), "rule pack has no pack.yaml")
        }
        var files: [String: String] = [:]
        var documents: [String: Data] = [:]
        let found = FileTree.files(under: path, wanted: { ["yaml", "yml", "md"].contains($0) || WordPlanReader.extensions.contains($0) })
        if let problem = found.problems.first { throw InputError(.unreadable, file: problem.path, problem.message) }
        var total = 0
        for entry in found.entries {
            let data: Data
            do {
                data = try BoundedFile.read(entry.path, limit: maxSize - total)
            } catch .tooLarge(let size, _) {
                throw InputError(.tooLarge, file: path, "the rule pack's files hold at least \(BoundedFile.bytes(total + size)) bytes; the limit is \(BoundedFile.bytes(maxSize))")
            } catch {
                throw InputError(file: entry.path, error)
            }
            total += data.count
            // A Word or OpenDocument example plan is kept as bytes.
            if WordPlanReader.extensions.contains((entry.relative as NSString).pathExtension.lowercased()) {
                documents[entry.relative] = data
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else { throw InputError(.encoding, file: entry.path, "not valid UTF-8") }
            files[entry.relative] = text
        }
        var source = PackSource(origin: path, displayRoot: path, files: files)
        source.documents = documents
        return source
    }
}

/// Turns pack sources into validated `RulePack`s.
public enum PackLoader {
    /// Loads one pack, collecting every error it can find (one per rule at most).
    ///
    /// `checkingPatterns` (by default: unless the pack is built into planlint) compiles every
    /// `/regex/` term and fact pattern now and refuses one that can backtrack
    /// catastrophically, so that a bad one is an error at its line. The embedded packs are
    /// checked by `planlint rules test` and the test suite instead of at every start-up,
    /// where checking them would be nearly all of its cost (`TermPattern.checksPatterns`).
    public static func load(_ source: PackSource, checkingPatterns: Bool? = nil) -> Result<RulePack, InputErrors> {
        let checks = checkingPatterns ?? !source.origin.hasPrefix("embedded:")
        return TermPattern.$checksPatterns.withValue(checks) { loadPack(source) }
    }

    private static func loadPack(_ source: PackSource) -> Result<RulePack, InputErrors> {
        var errors: [InputError] = []
        func display(_ relative: String) -> String {
            (source.displayRoot as NSString).appendingPathComponent(relative)
        }
        func parse(_ relative: String) -> YAMLNode? {
            guard let text = source.files[relative] else { return nil }
            do throws(YAMLError) {
                return try YAMLLoader.load(text, file: display(relative))
            } catch {
                errors.append(InputError(error))
                return nil
            }
        }

        guard source.files["pack.yaml"] != nil else {
            return .failure(InputErrors([InputError(.invalidPack, file: display("pack.yaml"), "rule pack has no pack.yaml")]))
        }
        guard let manifest = parse("pack.yaml") else {
            if errors.isEmpty { errors.append(InputError(.invalidPack, file: display("pack.yaml"), at: .start, "pack.yaml is empty")) }
            return .failure(InputErrors(errors))
        }
        let reader = NodeReader(file: display("pack.yaml"))
        var id = "", version = ""
        var title = Localized(fi: "", sv: "", en: "")
        var extends: [String] = []
        var replaces: String?
        var examplesAsOf = PlanDate(year: 2026, month: 1, day: 1)!
        var overrides: [String: RuleOverride] = [:]
        var profiles: [Profile] = []
        var derive = DeriveSection.empty
        let references = ReferenceCollector()
        do throws(InputError) {
            try reader.checkKeys(manifest, allowed: ["id", "version", "title", "description", "extends", "replaces", "examples_as_of", "overrides", "profiles", "derive", "plan_keys"], "pack.yaml")
            id = try reader.string(try reader.require(manifest, "id", "pack.yaml"), "id")
            guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw reader.error(manifest["id"] ?? manifest, "id may hold letters, digits, - and _ only")
            }
            version = try reader.string(try reader.require(manifest, "version", "pack.yaml"), "version")
            title = try reader.localized(try reader.require(manifest, "title", "pack.yaml"), "title")
            if let e = manifest["extends"] { extends = try reader.strings(e, "extends") }
            if let r = manifest["replaces"] {
                replaces = try reader.string(r, "replaces")
                guard replaces == id else {
                    throw reader.error(r, "replaces: names the embedded pack this pack stands in for, so it must be the pack's own id '\(id)', found '\(replaces ?? "")'")
                }
            }
            if let d = manifest["examples_as_of"] { examplesAsOf = try reader.date(d, "examples_as_of") }
            if let o = manifest["overrides"] {
                for pair in try reader.mapping(o, "overrides") {
                    let ruleID = try reader.string(pair.key, "an overridden rule id")
                    try reader.checkKeys(pair.value, allowed: ["severity", "disabled"], "an override")
                    var override = RuleOverride(severity: nil, disabled: false, file: display("pack.yaml"), at: pair.key.range.start)
                    if let s = pair.value["severity"] {
                        let t = try reader.string(s, "severity")
                        guard let sev = Severity(rawValue: t) else { throw reader.error(s, "severity must be error, warning or info, found '\(t)'") }
                        override.severity = sev
                    }
                    if let d = pair.value["disabled"] { override.disabled = try reader.bool(d, "disabled") }
                    overrides[ruleID] = override
                }
            }
            if let list = manifest["profiles"] {
                profiles = try parseProfiles(list, reader: reader, pack: id, references: references)
            }
            if let d = manifest["derive"] {
                derive = try DeriveParser(reader: reader, pack: id, references: references).parse(d)
            }
        } catch {
            errors.append(error)
            return .failure(InputErrors(errors))
        }

        var rules: [Rule] = []
        var facts: [FactExtractor] = []
        var seenIDs: [String: (String, SourcePosition)] = [:]
        let ruleFiles = source.files.keys.filter { $0.hasPrefix("rules/") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
        for relative in ruleFiles {
            guard let root = parse(relative) else { continue }
            let reader = NodeReader(file: display(relative))
            do throws(InputError) {
                try reader.checkKeys(root, allowed: ["rules", "facts"], "a rule file")
            } catch {
                errors.append(error)
                continue
            }
            if let list = root["facts"] {
                guard let items = list.sequence else {
                    errors.append(reader.error(list, "facts must be a list"))
                    continue
                }
                for item in items {
                    do throws(InputError) { facts.append(try FactExtractorParser(reader: reader).parse(item)) } catch { errors.append(error) }
                }
            }
            if let list = root["rules"] {
                guard let items = list.sequence else {
                    errors.append(reader.error(list, "rules must be a list"))
                    continue
                }
                for item in items {
                    do throws(InputError) {
                        let rule = try RuleParser(reader: reader, source: source, defaultAsOf: examplesAsOf).parse(item)
                        if let first = seenIDs[rule.id] {
                            throw reader.error(item["id"] ?? item, "duplicate rule id '\(rule.id)' (first defined in \(first.0):\(first.1.line))")
                        }
                        seenIDs[rule.id] = (display(relative), item.range.start)
                        rules.append(rule)
                    } catch {
                        errors.append(error)
                    }
                }
            }
        }
        if rules.isEmpty && errors.isEmpty && overrides.isEmpty {
            errors.append(InputError(.invalidPack, file: display("pack.yaml"), at: .start, "pack '\(id)' has no rules (put rule files under rules/)"))
        }
        var planKeys: [String] = []
        if let k = manifest["plan_keys"] {
            do throws(InputError) { planKeys = try NodeReader(file: display("pack.yaml")).strings(k, "plan_keys") } catch { errors.append(error) }
        }
        guard errors.isEmpty else { return .failure(InputErrors(errors)) }
        var pack = RulePack(id: id, version: version, title: title, extends: extends, rules: rules, facts: facts,
                            overrides: overrides, profiles: profiles, derive: derive, references: references.items, origin: source.origin, files: source.files,
                            contentHash: contentHash(source.files), documents: source.documents, replaces: replaces, extendsAt: manifest["extends"]?.range.start)
        pack.planKeys = planKeys
        return .success(pack)
    }

    /// `profiles:` of pack.yaml: `[{id, title, scope, from, until}]`.
    static func parseProfiles(_ list: YAMLNode, reader: NodeReader, pack: String, references: ReferenceCollector) throws(InputError) -> [Profile] {
        guard let items = list.sequence else { throw reader.error(list, "profiles must be a list") }
        var out: [Profile] = []
        for item in items {
            try reader.checkKeys(item, allowed: ["id", "title", "scope", "from", "until"], "a profile")
            let idNode = try reader.require(item, "id", "a profile")
            let id = try reader.string(idNode, "profile id")
            guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw reader.error(idNode, "profile id may hold letters, digits, - and _ only, found '\(id)'")
            }
            if out.contains(where: { $0.id == id }) { throw reader.error(idNode, "duplicate profile id '\(id)'") }
            let scopeNode = try reader.require(item, "scope", "profile \(id)")
            var scopes = Set<String>()
            // Checked against the values of `derive:` when the packs are combined.
            for item in scopeNode.sequence ?? [scopeNode] {
                let t = try reader.string(item, "scope")
                references.add(.profileScope, t, item, reader.file)
                scopes.insert(t)
            }
            let from = try item["from"].map { n throws(InputError) in try reader.date(n, "from") }
            let until = try item["until"].map { n throws(InputError) in try reader.date(n, "until") }
            if let a = from, let b = until, b < a { throw reader.error(item, "profile \(id): until (\(b)) is before from (\(a))") }
            out.append(Profile(id: id, title: try reader.localized(try reader.require(item, "title", "profile \(id)"), "profile \(id): title"),
                               scopes: scopes, from: from, until: until, pack: pack))
        }
        return out
    }

    /// FNV-1a 64 over the sorted files: the same on every machine for the same content.
    static func contentHash(_ files: [String: String]) -> String {
        var hash = FNV1a()
        for key in files.keys.sorted() {
            hash.add(key)
            hash.add([0])
            hash.add(files[key] ?? "")
            hash.add([0])
        }
        return hash.hex
    }
}

/// Several input errors found at once (a pack with more than one mistake).
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [InputError]

    public init(_ errors: [InputError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension InputError {
    /// Wraps a YAML loader error.
    public init(_ error: YAMLError, kind: Kind = .yaml) {
        self.init(kind, file: error.file, at: error.position, error.message)
    }
}
