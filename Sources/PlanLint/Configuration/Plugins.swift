// `plugins:` in `.planlint.yaml`: the check plugins the user allows to run.
//
// A rule may name a check plugin (`check: {plugin: budget}`), but a pack can never make one
// run: a plugin is an executable, and a pack arrives in a pull request as easily as a plan.
// Only the configuration of the person running planlint enables a plugin, by name and path
// (docs/plugins.md). The path is relative to the configuration file's folder, and so is the
// plugin's working directory, so paths in its `settings` are too.
import Foundation

/// One enabled check plugin.
public struct PluginSetting: Sendable {
    /// The name rules use (`check: {plugin: NAME}`).
    public var name: String
    /// The executable, an absolute path.
    public var executable: String
    public var arguments: [String]
    /// The wall-time limit of one run, in seconds.
    public var timeout: Double
    /// The largest answer read from the plugin's standard output, in bytes.
    public var maxOutput: Int
    /// `settings:` as JSON, handed to the plugin in each request.
    public var settings: JSONValue
    /// The working directory of the plugin: the configuration file's folder.
    public var folder: String
    /// Where the plugin is enabled.
    public var origin: SettingOrigin

    public static let defaultTimeout = 10.0
    public static let defaultMaxOutput = 1024 * 1024
    /// The largest limits a configuration may set.
    static let maxTimeout = 600.0
    static let maxMaxOutput = 64 * 1024 * 1024

    public init(name: String, executable: String, arguments: [String] = [], timeout: Double = PluginSetting.defaultTimeout,
                maxOutput: Int = PluginSetting.defaultMaxOutput, settings: JSONValue = .object([:]), folder: String, origin: SettingOrigin = .default) {
        self.name = name
        self.executable = executable
        self.arguments = arguments
        self.timeout = timeout
        self.maxOutput = maxOutput
        self.settings = settings
        self.folder = folder
        self.origin = origin
    }
}

/// The check plugins enabled for a run, by name. Empty unless a configuration enables some.
public struct PluginSet: Sendable {
    public var enabled: [String: PluginSetting]

    public init(_ plugins: [PluginSetting] = []) {
        enabled = Dictionary(plugins.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    public var isEmpty: Bool { enabled.isEmpty }
}

extension Configuration {
    static let pluginKeys = ["path", "args", "timeout", "max_output", "settings"]

    /// `plugins:`: a mapping of plugin name to `{path, args, timeout, max_output, settings}`.
    func plugins(_ node: YAMLNode, _ reader: NodeReader) throws(InputError) -> [PluginSetting] {
        var out: [PluginSetting] = []
        for pair in try reader.mapping(node, "'plugins'") {
            let name = try reader.string(pair.key, "a plugin's name")
            guard PluginCheck.isValidName(name) else {
                throw reader.error(pair.key, "'\(name)' is not a plugin name (lower-case letters, digits, '-' and '_', starting with a letter)")
            }
            let value = pair.value
            let what = "plugin '\(name)'"
            try reader.checkKeys(value, allowed: Configuration.pluginKeys, "the settings of \(what)")
            let pathNode = try reader.require(value, "path", "the settings of \(what)")
            let written = try reader.string(pathNode, "\(what): 'path'")
            let executable = Configuration.absolute(resolve(written))
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: executable, isDirectory: &isDir), !isDir.boolValue else {
                throw reader.error(pathNode, "\(what): no such file '\(written)' (the path is relative to the configuration's folder)")
            }
            guard FileManager.default.isExecutableFile(atPath: executable) else {
                throw reader.error(pathNode, "\(what): '\(written)' is not executable (chmod +x, and a #! line for a script)")
            }
            var setting = PluginSetting(name: name, executable: executable, folder: folder, origin: origin(pair.key))
            if let a = value["args"] { setting.arguments = try reader.list(a, "args") }
            if let t = value["timeout"] {
                guard let seconds = t.scalar.flatMap({ s -> Double? in
                    switch s.value {
                    case .int(let i): return Double(i)
                    case .float(let d): return d
                    default: return nil
                    }
                }), seconds > 0, seconds <= PluginSetting.maxTimeout else {
                    throw reader.error(t, "\(what): 'timeout' must be a number of seconds above 0 and at most \(Int(PluginSetting.maxTimeout))")
                }
                setting.timeout = seconds
            }
            if let m = value["max_output"] {
                let bytes = try reader.int(m, "\(what): 'max_output'")
                guard bytes >= 1024, bytes <= PluginSetting.maxMaxOutput else {
                    throw reader.error(m, "\(what): 'max_output' must be between 1024 and \(PluginSetting.maxMaxOutput) bytes")
                }
                setting.maxOutput = bytes
            }
            if let s = value["settings"] {
                guard s.mapping != nil else { throw reader.error(s, "\(what): 'settings' must be a mapping, found a \(s.kindName)") }
                setting.settings = JSONValue(yaml: s)
            }
            out.append(setting)
        }
        return out
    }
}

extension JSONValue {
    /// A YAML node as JSON: scalars keep their type (true, 3, 2.5, text); a date stays text.
    init(yaml node: YAMLNode) {
        switch node.content {
        case .scalar(let s):
            switch s.value {
            case .null: self = .null
            case .bool(let b): self = .bool(b)
            case .int(let i): self = .number(Double(i))
            case .float(let d): self = d.isFinite ? .number(d) : .string(s.text)
            case .string(let t): self = .string(t)
            }
        case .sequence(let items): self = .array(items.map { JSONValue(yaml: $0) })
        case .mapping(let pairs):
            var object: [String: JSONValue] = [:]
            for p in pairs { object[p.key.scalar?.text ?? ""] = JSONValue(yaml: p.value) }
            self = .object(object)
        }
    }
}
