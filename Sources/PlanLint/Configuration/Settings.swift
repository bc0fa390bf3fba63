// The effective settings of a run: the command line over the configuration over the defaults.
//
// A flag given on the command line wins over the file; `packs` and `exclude_packs` are lists
// that the flags add to. Every value keeps its origin, which `planlint config` prints.
import Foundation

/// What the command line gave; nil and empty mean "not given".
public struct CommandLineSettings: Sendable {
    public var paths: [String] = []
    public var packs: [String] = []
    public var excludePacks: [String] = []
    public var noDefaultPacks = false
    public var asOf: PlanDate?
    public var failOn: FailLevel?
    public var lang: Language?
    public var format: String?
    public var outputs: [String] = []
    public var baseline: String?

    public init() {}
}

/// The settings a run uses, each with where it came from.
public struct EffectiveSettings: Sendable {
    /// The configuration file, if one applies.
    public var configuration: Configuration?
    public var paths: Setting<[String]>
    public var packs: [Setting<String>]
    public var excludePacks: [Setting<String>]
    public var defaultPacks: Setting<Bool>
    public var asOf: Setting<PlanDate>
    public var failOn: Setting<FailLevel>
    /// nil: each plan's own language.
    public var lang: Setting<Language?>
    public var format: Setting<String>
    public var outputs: Setting<[String]>
    public var baseline: Setting<String?>

    public init(configuration c: Configuration?, flags: CommandLineSettings, today: PlanDate) {
        configuration = c
        func pick<T>(_ flag: T?, _ name: String, _ file: Setting<T>?, _ fallback: T) -> Setting<T> {
            if let flag { return Setting(flag, .flag(name)) }
            return file ?? Setting(fallback, .default)
        }
        paths = flags.paths.isEmpty ? (c?.paths ?? Setting(["."], .default)) : Setting(flags.paths, .flag("arguments"))
        packs = (c?.packs.map { s in s.value.map { Setting($0, s.origin) } } ?? []) + flags.packs.map { Setting($0, .flag("--pack")) }
        excludePacks = (c?.excludePacks.map { s in s.value.map { Setting($0, s.origin) } } ?? [])
            + flags.excludePacks.map { Setting($0, .flag("--exclude-pack")) }
        defaultPacks = flags.noDefaultPacks ? Setting(false, .flag("--no-default-packs")) : Setting(true, .default)
        asOf = pick(flags.asOf, "--as-of", c?.asOf, today)
        failOn = pick(flags.failOn, "--fail-on", c?.failOn, .error)
        let fileLang = c?.lang.map { Setting<Language?>($0.value, $0.origin) }
        lang = flags.lang.map { Setting<Language?>($0, .flag("--lang")) } ?? fileLang ?? Setting<Language?>(nil, .default)
        format = pick(flags.format, "--format", c?.format, TextReporter.identifier)
        outputs = flags.outputs.isEmpty ? (c?.outputs ?? Setting([], .default)) : Setting(flags.outputs, .flag("--output"))
        let fileBaseline = c?.baseline.map { Setting<String?>($0.value, $0.origin) }
        baseline = flags.baseline.map { Setting<String?>($0, .flag("--baseline")) } ?? fileBaseline ?? Setting<String?>(nil, .default)
    }

    /// The packs to load, each folder once (`Rules/kunta` and `./Rules/kunta` are one).
    public var packDirectories: [String] {
        var seen = Set<String>()
        return packs.map(\.value).filter { seen.insert(Configuration.absolute($0)).inserted }
    }

    /// One line of `planlint config`: a key, its value as text, and its origin.
    public struct Entry: Sendable, Encodable {
        public var key: String
        public var value: String
        public var origin: String
    }

    /// Every setting as `planlint config` shows it, in the order of docs/configuration.md.
    public var entries: [Entry] {
        func e(_ key: String, _ value: String, _ origin: SettingOrigin) -> Entry { Entry(key: key, value: value, origin: origin.description) }
        func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        var out: [Entry] = []
        out.append(e("paths", list(paths.value), paths.origin))
        if packs.isEmpty { out.append(e("packs", "[]", .default)) }
        for p in packs { out.append(e("packs", p.value, p.origin)) }
        out.append(e("default_packs", defaultPacks.value ? "embedded packs loaded" : "embedded packs left out", defaultPacks.origin))
        if excludePacks.isEmpty { out.append(e("exclude_packs", "[]", .default)) }
        for p in excludePacks { out.append(e("exclude_packs", p.value, p.origin)) }
        out.append(e("as_of", asOf.value.iso, asOf.origin))
        out.append(e("fail_on", failOn.value.rawValue, failOn.origin))
        out.append(e("lang", lang.value?.rawValue ?? "each plan's own", lang.origin))
        out.append(e("format", format.value, format.origin))
        out.append(e("outputs", list(outputs.value), outputs.origin))
        out.append(e("baseline", baseline.value ?? "none", baseline.origin))
        for r in configuration?.rules ?? [] {
            out.append(e("rules.\(r.rule)", r.disabled ? "off" : (r.severity?.rawValue ?? "unchanged"), r.origin))
        }
        for o in configuration?.overrides ?? [] {
            for r in o.rules {
                out.append(e("overrides[\(o.files.joined(separator: ", "))].\(r.rule)", r.disabled ? "off" : (r.severity?.rawValue ?? "unchanged"), r.origin))
            }
        }
        for w in configuration?.waivers ?? [] {
            out.append(e("waivers.\(w.rule)", "\(w.plan) until \(w.expires.iso): \(w.reference), accepted by \(w.acceptedBy)",
                         .file(w.file, line: w.line, column: w.column)))
        }
        for p in configuration?.plugins ?? [] {
            let path = Configuration.relative(p.executable, to: p.folder) ?? p.executable
            out.append(e("plugins.\(p.name)", "\(path) (timeout \(PluginFailure.seconds(p.timeout)) s, output up to \(p.maxOutput) bytes)", p.origin))
        }
        return out
    }
}
