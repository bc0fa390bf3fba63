// `.planlint.yaml`: a municipality's settings, read once, here, for the command line and the
// SwiftPM plugin alike.
//
// This folder owns the configuration: the file's model and its strict reader
// (ConfigurationLoader.swift), finding the file upward from a plan (like `.swiftlint.yml`),
// combining it with command-line flags into the effective settings with the origin of every
// value (Settings.swift), checking plans each under its own file (ConfiguredRun.swift), and
// what the settings do to a plan's report: per-rule severity and disable, per-path overrides,
// waivers (Waivers.swift) and the baseline (Baseline.swift); and the files `planlint init`
// writes (Scaffold.swift).
// Paths in the file (packs, outputs, baseline, override and waiver globs) are relative to the
// file's folder, never to the working directory. docs/configuration.md documents the keys.
import Foundation

/// Where a setting's value came from: a flag, a line of a configuration file, or the default.
public enum SettingOrigin: Sendable, Hashable, CustomStringConvertible {
    case flag(String)
    case file(String, line: Int, column: Int)
    case `default`

    public var description: String {
        switch self {
        case .flag(let name): return name
        case .file(let file, let line, let column): return "\(file):\(line):\(column)"
        case .default: return "default"
        }
    }
}

/// A value with its origin.
public struct Setting<Value: Sendable>: Sendable {
    public var value: Value
    public var origin: SettingOrigin

    public init(_ value: Value, _ origin: SettingOrigin) {
        self.value = value
        self.origin = origin
    }
}

/// The severity at and above which a finding fails the run (`--fail-on`, `fail_on`).
public enum FailLevel: String, Sendable, CaseIterable, Codable {
    case error, warning, info, never

    /// The lowest severity that fails, or nil for `never`.
    public var threshold: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .info: return .info
        case .never: return nil
        }
    }
}

/// What the configuration says about one rule: a severity, or that it is off.
public struct RuleSetting: Sendable {
    /// The rule id as written.
    public var rule: String
    public var severity: Severity?
    public var disabled: Bool
    /// Where the rule id is written, for errors.
    public var origin: SettingOrigin
}

/// Rule settings for the plans whose path matches one of `files`.
public struct PathOverride: Sendable {
    /// Globs relative to the configuration file's folder.
    public var files: [String]
    public var rules: [RuleSetting]
    public var origin: SettingOrigin
}

/// An accepted finding: a recorded decision that a rule's findings on some plans stand.
public struct Waiver: Sendable, Hashable, Codable {
    public var rule: String
    /// A glob relative to the configuration file's folder; `**` when not given.
    public var plan: String
    public var reason: String
    /// The decision, e.g. "khall 3.2.2026 § 14".
    public var reference: String
    public var acceptedBy: String
    /// The last day the waiver holds.
    public var expires: PlanDate
    /// The configuration file and the line the waiver starts on.
    public var file: String
    public var line: Int
    public var column: Int

    enum CodingKeys: String, CodingKey {
        case rule, plan, reason, reference
        case acceptedBy = "accepted_by"
        case expires, file, line, column
    }
}

/// The contents of one `.planlint.yaml`.
public struct Configuration: Sendable {
    /// The file's path as shown in messages.
    public var file: String
    /// The absolute path of the file's folder: relative paths in the file start there.
    public var folder: String

    /// Plans checked when the command line gives none.
    public var paths: Setting<[String]>?
    public var packs: Setting<[String]>?
    public var excludePacks: Setting<[String]>?
    public var asOf: Setting<PlanDate>?
    public var failOn: Setting<FailLevel>?
    public var lang: Setting<Language>?
    public var format: Setting<String>?
    /// `FORMAT=PATH`, the path resolved as `resolve(_:)` does.
    public var outputs: Setting<[String]>?
    public var baseline: Setting<String>?
    public var rules: [RuleSetting] = []
    public var overrides: [PathOverride] = []
    public var waivers: [Waiver] = []
    /// The check plugins this file enables (Plugins.swift).
    public var plugins: [PluginSetting] = []

    /// The names the file is found by, in order of preference.
    public static let fileNames = [".planlint.yaml", ".planlint.yml"]

    public init(file: String, folder: String) {
        self.file = file
        self.folder = folder
    }

    /// A path written in the file, as the command line would give it: relative to the working
    /// directory when it lies below it, else absolute.
    public func resolve(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let absolute = expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded).standardized.path
            : URL(fileURLWithPath: folder).appendingPathComponent(expanded).standardized.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardized.path
        if let rel = Configuration.relative(absolute, to: cwd) { return rel.isEmpty ? "." : rel }
        return absolute
    }

    /// `path` (relative to the working directory, or absolute) relative to the file's folder;
    /// nil when it lies outside that folder.
    public func relative(_ path: String) -> String? {
        Configuration.relative(Configuration.absolute(path), to: folder)
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardized.path }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path).standardized.path
    }

    static func relative(_ path: String, to folder: String) -> String? {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        guard path.hasPrefix(base) else { return path == folder ? "" : nil }
        return String(path.dropFirst(base.count))
    }

    /// The configuration file that applies to a plan in `folder`: the nearest
    /// `.planlint.yaml` in it or a folder above it; nil when there is none.
    public static func find(from folder: String) -> String? {
        let fm = FileManager.default
        var current = URL(fileURLWithPath: absolute(folder)).standardized
        while true {
            for name in fileNames {
                let candidate = current.appendingPathComponent(name).path
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue { return candidate }
            }
            let parent = current.deletingLastPathComponent().standardized
            if parent.path == current.path || current.path == "/" { return nil }
            current = parent
        }
    }

    /// The rule settings that apply to the plan at `planPath`: the top-level `rules`, then
    /// every override whose globs match, later ones winning. Keys are upper-cased rule ids.
    public func ruleSettings(for planPath: String) -> [String: RuleSetting] {
        var out: [String: RuleSetting] = [:]
        for r in rules { out[r.rule.uppercased()] = r }
        if let rel = relative(planPath) {
            for o in overrides where o.files.contains(where: { Glob.matches($0, rel) }) {
                for r in o.rules { out[r.rule.uppercased()] = r }
            }
        }
        return out
    }

    /// Errors for rule ids (in `rules`, `overrides` and `waivers`) that no loaded pack defines.
    public func unknownRules(known: [String]) -> [InputError] {
        let upper = Set(known.map { $0.uppercased() })
        var errors: [InputError] = []
        func check(_ id: String, _ origin: SettingOrigin) {
            guard !upper.contains(id.uppercased()) else { return }
            var message = "no loaded rule pack defines the rule '\(id)'"
            if let near = NodeReader.closest(to: id.uppercased(), in: known.map { $0.uppercased() }),
               let original = known.first(where: { $0.uppercased() == near }) {
                message += " (did you mean '\(original)'?)"
            }
            var position: SourcePosition?
            if case .file(_, let line, let column) = origin { position = SourcePosition(line: line, column: column, offset: 0) }
            errors.append(InputError(.invalidConfiguration, file: file, at: position, message))
        }
        for r in rules { check(r.rule, r.origin) }
        for o in overrides { for r in o.rules { check(r.rule, r.origin) } }
        for w in waivers { check(w.rule, .file(w.file, line: w.line, column: w.column)) }
        return errors
    }
}
