// Reading `.planlint.yaml` strictly, through the project's YAML loader.
//
// Like a pack file, the configuration is read node by node, so every mistake is an error at
// its file:line:column: an unknown key with the closest known key suggested, a value of the
// wrong type, an unknown severity or date. An empty file is an empty configuration.
import Foundation

extension Configuration {
    /// The top-level keys, in the order docs/configuration.md lists them.
    public static let keys = ["paths", "packs", "exclude_packs", "as_of", "fail_on", "lang", "format", "outputs",
                              "baseline", "rules", "overrides", "waivers", "plugins"]
    static let waiverKeys = ["rule", "plan", "reason", "reference", "accepted_by", "expires"]
    static let overrideKeys = ["files", "rules"]
    static let ruleKeys = ["severity", "disabled"]
    /// The largest configuration file read (the YAML loader's own limits apply too).
    static let maxBytes = 1024 * 1024

    /// Reads and checks the configuration file at `path` (shown in messages as `shownAs`).
    public static func load(file path: String, shownAs shown: String? = nil) throws(InputError) -> Configuration {
        let display = shown ?? path
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError(.missingFile, file: display, "configuration file not found")
        }
        guard !isDir.boolValue else { throw InputError(.invalidConfiguration, file: display, "the configuration must be a file, not a folder") }
        guard let data = fm.contents(atPath: path) else { throw InputError(.unreadable, file: display, "cannot read the configuration file") }
        guard data.count <= maxBytes else { throw InputError(.tooLarge, file: display, "the configuration file is larger than 1 MB") }
        let folder = URL(fileURLWithPath: absolute(path)).deletingLastPathComponent().standardized.path
        return try parse(bytes: Array(data), file: display, folder: folder)
    }

    /// Parses configuration text; relative paths in it are taken from `folder`.
    public static func parse(_ text: String, file: String, folder: String) throws(InputError) -> Configuration {
        try parse(bytes: Array(text.utf8), file: file, folder: folder)
    }

    static func parse(bytes: [UInt8], file: String, folder: String) throws(InputError) -> Configuration {
        let root: YAMLNode?
        do throws(YAMLError) {
            root = try YAMLLoader.load(bytes: bytes, file: file)
        } catch {
            throw InputError(error)
        }
        var config = Configuration(file: file, folder: folder)
        guard let root, !root.isNull else { return config }
        let reader = NodeReader(file: file, kind: .invalidConfiguration)
        try reader.checkKeys(root, allowed: keys, "the configuration")
        for pair in try reader.mapping(root, "the configuration") {
            let key = pair.key.scalar?.text ?? ""
            let value = pair.value
            let origin = config.origin(value)
            switch key {
            case "paths": config.paths = Setting(try reader.list(value, key).map { config.resolve($0) }, origin)
            case "packs": config.packs = Setting(try reader.list(value, key).map { config.resolve($0) }, origin)
            case "exclude_packs": config.excludePacks = Setting(try reader.list(value, key), origin)
            case "as_of": config.asOf = Setting(try reader.date(value, "'as_of'"), origin)
            case "fail_on": config.failOn = Setting(try reader.choice(value, key, FailLevel.allCases), origin)
            case "lang": config.lang = Setting(try reader.choice(value, key, Language.allCases), origin)
            case "format":
                let name = try reader.string(value, "'format'")
                guard Reporters.identifiers.contains(name) else {
                    throw reader.error(value, "'format' must be one of \(Reporters.identifiers.joined(separator: ", ")), not '\(name)'")
                }
                config.format = Setting(name, origin)
            case "outputs": config.outputs = Setting(try config.outputs(value, reader), origin)
            case "baseline": config.baseline = Setting(config.resolve(try reader.string(value, "'baseline'")), origin)
            case "rules": config.rules = try config.ruleSettings(value, reader, "'rules'")
            case "overrides": config.overrides = try config.pathOverrides(value, reader)
            case "waivers": config.waivers = try config.waivers(value, reader)
            case "plugins": config.plugins = try config.plugins(value, reader)
            default: break
            }
        }
        return config
    }

    func origin(_ node: YAMLNode) -> SettingOrigin {
        .file(file, line: node.range.start.line, column: node.range.start.column)
    }

    /// `outputs`: a list of `FORMAT=PATH`, or a mapping `FORMAT: PATH`; paths made absolute.
    private func outputs(_ node: YAMLNode, _ reader: NodeReader) throws(InputError) -> [String] {
        var pairs: [(String, String, YAMLNode)] = []
        if let mapping = node.mapping {
            for p in mapping { pairs.append((p.key.scalar?.text ?? "", try reader.string(p.value, "an output's path"), p.key)) }
        } else {
            guard let items = node.sequence else {
                throw reader.error(node, "'outputs' must be a list of FORMAT=PATH, e.g. [sarif=planlint.sarif], found a \(node.kindName)")
            }
            for item in items {
                let text = try reader.string(item, "an output")
                guard let eq = text.firstIndex(of: "="), !text[text.index(after: eq)...].isEmpty else {
                    throw reader.error(item, "an output is FORMAT=PATH, e.g. sarif=planlint.sarif, not '\(text)'")
                }
                pairs.append((String(text[..<eq]), String(text[text.index(after: eq)...]), item))
            }
        }
        var out: [String] = []
        for (format, path, node) in pairs {
            guard Reporters.identifiers.contains(format) else {
                var message = "unknown output format '\(format)'"
                if let near = NodeReader.closest(to: format, in: Reporters.identifiers) { message += " (did you mean '\(near)'?)" }
                throw reader.error(node, message + "; the formats: \(Reporters.identifiers.joined(separator: ", "))")
            }
            out.append("\(format)=\(resolve(path))")
        }
        return out
    }

    /// `rules:` or an override's `rules:`: `RULE-ID: off | error | warning | info` or
    /// `RULE-ID: {severity: …, disabled: …}`.
    private func ruleSettings(_ node: YAMLNode, _ reader: NodeReader, _ what: String) throws(InputError) -> [RuleSetting] {
        var out: [RuleSetting] = []
        for pair in try reader.mapping(node, what) {
            let id = try reader.string(pair.key, "a rule id")
            let value = pair.value
            var setting = RuleSetting(rule: id, severity: nil, disabled: false, origin: origin(pair.key))
            if let s = value.scalar {
                switch s.value {
                case .bool(false): setting.disabled = true
                case .bool(true): break
                default:
                    let text = s.text.lowercased()
                    if text == "off" || text == "disabled" {
                        setting.disabled = true
                    } else if let severity = Severity(rawValue: text) {
                        setting.severity = severity
                    } else {
                        throw reader.error(value, "rule '\(id)': expected off, error, warning or info, not '\(s.text)'")
                    }
                }
            } else {
                try reader.checkKeys(value, allowed: Configuration.ruleKeys, "the settings of rule '\(id)'")
                if let s = value["severity"] { setting.severity = try reader.choice(s, "severity", Severity.allCases.reversed()) }
                if let d = value["disabled"] { setting.disabled = try reader.bool(d, "'disabled'") }
            }
            out.append(setting)
        }
        return out
    }

    private func pathOverrides(_ node: YAMLNode, _ reader: NodeReader) throws(InputError) -> [PathOverride] {
        guard let items = node.sequence else {
            throw reader.error(node, "'overrides' must be a list of {files: [globs], rules: {…}}, found a \(node.kindName)")
        }
        var out: [PathOverride] = []
        for item in items {
            try reader.checkKeys(item, allowed: Configuration.overrideKeys, "an override")
            let files = try reader.list(try reader.require(item, "files", "an override"), "files")
            let rules = try ruleSettings(try reader.require(item, "rules", "an override"), reader, "an override's 'rules'")
            out.append(PathOverride(files: files, rules: rules, origin: origin(item)))
        }
        return out
    }

    private func waivers(_ node: YAMLNode, _ reader: NodeReader) throws(InputError) -> [Waiver] {
        guard let items = node.sequence else {
            throw reader.error(node, "'waivers' must be a list, found a \(node.kindName)")
        }
        var out: [Waiver] = []
        for item in items {
            try reader.checkKeys(item, allowed: Configuration.waiverKeys, "a waiver")
            let ruleNode = try reader.require(item, "rule", "a waiver")
            let rule = try reader.string(ruleNode, "a waiver's 'rule'")
            let plan = try item["plan"].map { n throws(InputError) in try reader.string(n, "a waiver's 'plan'") } ?? "**"
            let reason = try reader.string(try reader.require(item, "reason", "a waiver"), "a waiver's 'reason'")
            let reference = try reader.string(try reader.require(item, "reference", "a waiver"), "a waiver's 'reference'")
            let acceptedBy = try reader.string(try reader.require(item, "accepted_by", "a waiver"), "a waiver's 'accepted_by'")
            let expires = try reader.date(try reader.require(item, "expires", "a waiver"), "a waiver's 'expires'")
            out.append(Waiver(rule: rule, plan: plan, reason: reason, reference: reference, acceptedBy: acceptedBy, expires: expires,
                              file: file, line: ruleNode.range.start.line, column: ruleNode.range.start.column))
        }
        return out
    }
}

extension NodeReader {
    /// A string or a list of strings (an empty list allowed).
    func list(_ node: YAMLNode, _ key: String) throws(InputError) -> [String] {
        if let items = node.sequence {
            var out: [String] = []
            for item in items { out.append(try string(item, "an item of '\(key)'")) }
            return out
        }
        guard node.scalar != nil, !node.isNull else {
            throw error(node, "'\(key)' must be a value or a list of values, found a \(node.isNull ? "null" : node.kindName)")
        }
        return [try string(node, "'\(key)'")]
    }

    /// One of the raw values of `choices`.
    func choice<T: RawRepresentable>(_ node: YAMLNode, _ key: String, _ choices: [T]) throws(InputError) -> T where T.RawValue == String {
        let text = try string(node, "'\(key)'")
        guard let value = choices.first(where: { $0.rawValue == text }) else {
            throw error(node, "'\(key)' must be one of \(choices.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
        }
        return value
    }
}
