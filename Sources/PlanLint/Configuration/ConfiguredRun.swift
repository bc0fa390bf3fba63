// Checking plans each under its own configuration.
//
// Each plan is checked with the configuration found upward from its folder (or the one given
// with --config): its packs, date and language, then its rule settings, overrides and waivers.
// Plans under the same configuration share one engine. Outcomes keep the order of the files.
import Foundation

/// Runs the engine over plans grouped by configuration.
public enum ConfiguredRun {
    /// Plans that share a configuration (or have none).
    public struct Group: Sendable {
        public var configuration: Configuration?
        public var files: [String]
    }

    /// The configuration that applies to a run started in the working directory: the one
    /// given, else the nearest `.planlint.yaml` from the working directory upward.
    public static func runConfiguration(explicit path: String?) throws(InputError) -> Configuration? {
        if let path { return try Configuration.load(file: path) }
        return try configuration(from: FileManager.default.currentDirectoryPath)
    }

    /// The configuration found from `folder` upward, loaded; nil when there is none.
    public static func configuration(from folder: String) throws(InputError) -> Configuration? {
        guard let found = Configuration.find(from: folder) else { return nil }
        return try Configuration.load(file: found, shownAs: display(found))
    }

    /// A found file's path as the user would write it: relative to the working directory when
    /// it lies below it.
    static func display(_ absolute: String) -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardized.path
        return Configuration.relative(absolute, to: cwd) ?? absolute
    }

    /// Groups plans by the configuration found upward from each plan's folder; with
    /// `explicit`, every plan is in its one group. Each file is read once.
    public static func groups(files: [String], explicit: Configuration?) throws(InputErrors) -> [Group] {
        if let explicit { return [Group(configuration: explicit, files: files)] }
        var byFolder: [String: String?] = [:]
        var loaded: [String: Configuration] = [:]
        var order: [String] = []
        var members: [String: [String]] = [:]
        var errors: [InputError] = []
        for file in files {
            let folder = URL(fileURLWithPath: Configuration.absolute(file)).deletingLastPathComponent().path
            let found: String?
            if let cached = byFolder[folder] {
                found = cached
            } else {
                found = Configuration.find(from: folder)
                byFolder[folder] = found
            }
            let key = found ?? ""
            if let found, loaded[found] == nil, !errors.contains(where: { $0.file == display(found) }) {
                do throws(InputError) {
                    loaded[found] = try Configuration.load(file: found, shownAs: display(found))
                } catch {
                    errors.append(error)
                }
            }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(file)
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return order.map { Group(configuration: $0.isEmpty ? nil : loaded[$0], files: members[$0] ?? []) }
    }

    /// Loads each group's packs, checks its plans with `check` and applies its configuration.
    /// Returns the outcomes in the order of `files` and every pack used (each once).
    public static func run(files: [String], explicit: Configuration?, flags: CommandLineSettings, today: PlanDate,
                           check: (Engine, [String], PlanDate, Language?) -> [PlanOutcome]) throws(InputErrors) -> (outcomes: [PlanOutcome], packs: [RulePack]) {
        let groups = try groups(files: files, explicit: explicit)
        var byFile: [String: PlanOutcome] = [:]
        var packs: [RulePack] = []
        var errors: [InputError] = []
        var engines: [String: Engine] = [:]
        for group in groups {
            let settings = EffectiveSettings(configuration: group.configuration, flags: flags, today: today)
            let excluded = settings.excludePacks.map(\.value)
            let key = ([settings.defaultPacks.value ? "+" : "-"] + settings.packDirectories + ["|"] + excluded).joined(separator: "\u{0}")
            var engine: Engine
            if let cached = engines[key] {
                engine = cached
            } else {
                do throws(InputErrors) {
                    let loaded = try PackSet.load(directories: settings.packDirectories, includeEmbedded: settings.defaultPacks.value, excluding: excluded)
                    engine = try Engine(packs: loaded)
                } catch {
                    errors += error.errors
                    continue
                }
                engines[key] = engine
            }
            if let configuration = group.configuration {
                let problems = configuration.unknownRules(known: engine.packs.flatMap { $0.rules.map(\.id) } + Suppressions.builtInRules.map(\.id) + [PluginCheck.failedRule.id])
                if !problems.isEmpty {
                    errors += problems
                    continue
                }
            }
            for p in engine.packs where !packs.contains(where: { $0.id == p.id }) { packs.append(p) }
            // Only the plans' own configuration enables check plugins (docs/plugins.md).
            engine.plugins = PluginSet(group.configuration?.plugins ?? [])
            let outcomes = check(engine, group.files, settings.asOf.value, settings.lang.value)
            for (file, outcome) in zip(group.files, outcomes) {
                guard case .checked(var report) = outcome, let configuration = group.configuration else {
                    byFile[file] = outcome
                    continue
                }
                Waivers.apply(configuration, to: &report)
                byFile[file] = .checked(report)
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return (files.compactMap { byFile[$0] }, packs)
    }
}
