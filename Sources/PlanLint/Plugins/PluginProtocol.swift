// The check plugin protocol, version 1 (docs/plugins.md).
//
// planlint writes one JSON request to the plugin's standard input: the protocol and version,
// the plugin's name, the rule ids it may answer for, the plan (its sections, paragraphs and
// tables with their positions), the plan's facts and decided values as `planlint facts
// --json` gives them, the as-of date, the language and the `settings` of the configuration.
// The plugin writes one JSON answer to its standard output: findings for those rule ids,
// each with a message in fi/sv/en or values for the rule's own message, and a location.
// The answer is validated against schemas/plugin-answer.schema.json (the request's shape is
// schemas/plugin-request.schema.json); anything else, and a plugin that fails, hangs or
// writes too much, is a failure naming the plugin and the rule, never a pass.
import Foundation

/// The version of the protocol planlint speaks.
public enum PluginProtocol {
    public static let name = "planlint-plugin"
    public static let version = 1
}

// MARK: - The request

/// What a plugin receives.
struct PluginRequest: Encodable {
    struct Position: Encodable {
        var line: Int
        var column: Int
    }

    struct Cell: Encodable {
        var text: String
        var line: Int
        var column: Int
    }

    struct TableModel: Encodable {
        var line: Int
        var column: Int
        var header: [Cell]
        var rows: [[Cell]]
    }

    struct BlockModel: Encodable {
        /// paragraph, list_item or table.
        var kind: String
        var text: String?
        var line: Int
        var column: Int
        var table: TableModel?
    }

    struct SectionModel: Encodable {
        var title: String
        var level: Int
        var line: Int
        var column: Int
        var endLine: Int
        var blocks: [BlockModel]
        var sections: [SectionModel]

        enum CodingKeys: String, CodingKey {
            case title, level, line, column
            case endLine = "end_line"
            case blocks, sections
        }
    }

    struct PlanModel: Encodable {
        /// The plan's path as planlint shows it in reports.
        var file: String
        /// The absolute path, to read files named relative to the plan.
        var path: String
        var format: String
        var sidecar: String?
        var title: String?
        var lineCount: Int
        /// The text before the first heading (title "" and level 0) and every section below it.
        var body: SectionModel

        enum CodingKeys: String, CodingKey {
            case file, path, format, sidecar, title
            case lineCount = "line_count"
            case body
        }
    }

    var `protocol` = PluginProtocol.name
    var version = PluginProtocol.version
    var plugin: String
    var rules: [String]
    var asOf: String
    var language: String
    var settings: JSONValue
    var plan: PlanModel
    var facts: [PlanFacts.Entry]
    var decisions: [Decision]

    enum CodingKeys: String, CodingKey {
        case `protocol`, version, plugin, rules
        case asOf = "as_of"
        case language, settings, plan, facts, decisions
    }

    init(plugin: PluginSetting, rules: [String], context: EvaluationContext) {
        self.plugin = plugin.name
        self.rules = rules
        asOf = context.asOf.iso
        language = context.language.rawValue
        settings = plugin.settings
        let p = context.plan
        plan = PlanModel(file: p.file, path: Configuration.absolute(p.file), format: p.format.rawValue, sidecar: p.sidecar?.file,
                         title: p.facts?["plan"]?["title"]?.scalar?.text ?? p.allSections.first?.title,
                         lineCount: p.lines.count, body: PluginRequest.section(p.body))
        facts = Engine.factEntries(context)
        decisions = context.decisions
    }

    static func section(_ s: Section) -> SectionModel {
        SectionModel(title: s.title, level: s.level, line: s.titleRange.start.line, column: s.titleRange.start.column,
                     endLine: s.lines.upperBound, blocks: s.blocks.map(block), sections: s.children.map(section))
    }

    static func block(_ b: Block) -> BlockModel {
        func cell(_ c: TableCell) -> Cell { Cell(text: c.text, line: c.range.start.line, column: c.range.start.column) }
        switch b {
        case .paragraph(let t):
            return BlockModel(kind: "paragraph", text: t.text, line: t.range.start.line, column: t.range.start.column)
        case .listItem(let t):
            return BlockModel(kind: "list_item", text: t.text, line: t.range.start.line, column: t.range.start.column)
        case .table(let t):
            return BlockModel(kind: "table", text: nil, line: t.range.start.line, column: t.range.start.column,
                              table: TableModel(line: t.range.start.line, column: t.range.start.column,
                                                header: t.header.map(cell), rows: t.rows.map { $0.map(cell) }))
        }
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}

// MARK: - The answer

/// Why a plugin's rule was not checked.
enum PluginFailure: Sendable, Equatable {
    case notEnabled
    case cannotStart
    case exited(status: Int32, stderr: String)
    case signalled(signal: Int32, stderr: String)
    case timedOut(seconds: Double)
    case outputTooLarge(limit: Int)
    case notJSON(stderr: String)
    case invalid(SchemaViolation)
    case wrongRule(String)
    case badLocation(line: Int)

    /// The failure as a note's data (notes carry strings); `reason(_:)` reads it back.
    func noteData(plugin: String, rule: String) -> [String: String] {
        var d = ["check": PluginCheck.name, "plugin": plugin, "rule": rule]
        switch self {
        case .notEnabled: d["problem"] = "not-enabled"
        case .cannotStart: d["problem"] = "cannot-start"
        case .exited(let status, let stderr): d["problem"] = "exit"; d["status"] = String(status); d["stderr"] = stderr
        case .signalled(let signal, let stderr): d["problem"] = "signal"; d["status"] = String(signal); d["stderr"] = stderr
        case .timedOut(let seconds): d["problem"] = "timeout"; d["seconds"] = PluginFailure.seconds(seconds)
        case .outputTooLarge(let limit): d["problem"] = "too-large"; d["limit"] = String(limit)
        case .notJSON(let stderr): d["problem"] = "not-json"; d["stderr"] = stderr
        case .invalid(let v):
            d["where"] = v.pointer.isEmpty ? "/" : v.pointer
            switch v.problem {
            case .missing(let key): d["problem"] = "missing-key"; d["key"] = key
            case .unknownKey(let key): d["problem"] = "unknown-key"; d["key"] = key
            case .invalid(let keyword): d["problem"] = "invalid-value"; d["key"] = keyword
            }
        case .wrongRule(let other): d["problem"] = "wrong-rule"; d["answered"] = other
        case .badLocation(let line): d["problem"] = "bad-location"; d["line"] = String(line)
        }
        return d
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(s)
    }
}

/// One finding a plugin reported.
struct PluginFinding {
    var rule: String
    var violation: Violation
}

enum PluginAnswer {
    /// The schema answers are validated against (schemas/plugin-answer.schema.json, built in).
    static let schema: JSONSchemaValidator? = {
        guard let text = EmbeddedSchemas.text(named: "plugin-answer"), let json = JSONValue.parse(Data(text.utf8)) else { return nil }
        return JSONSchemaValidator(schema: json)
    }()

    /// The most of a plugin's standard error shown in a message.
    static let stderrExcerpt = 300

    /// Reads a run's result: the findings, or why there are none to trust.
    static func read(_ result: PluginProcess.Result, rules: [String], plan: Plan) -> Swift.Result<[PluginFinding], PluginFailureBox> {
        switch result {
        case .cannotStart: return .failure(PluginFailureBox(.cannotStart))
        case .timedOut(let s): return .failure(PluginFailureBox(.timedOut(seconds: s)))
        case .outputTooLarge(let limit): return .failure(PluginFailureBox(.outputTooLarge(limit: limit)))
        case .signalled(let signal, let err): return .failure(PluginFailureBox(.signalled(signal: signal, stderr: excerpt(err))))
        case .exited(let status, let output, let err):
            guard status == 0 else { return .failure(PluginFailureBox(.exited(status: status, stderr: excerpt(err)))) }
            return parse(output, rules: rules, plan: plan, stderr: excerpt(err))
        }
    }

    /// Parses and validates an answer.
    static func parse(_ output: Data, rules: [String], plan: Plan, stderr: String = "") -> Swift.Result<[PluginFinding], PluginFailureBox> {
        guard let json = JSONValue.parse(output) else { return .failure(PluginFailureBox(.notJSON(stderr: stderr))) }
        guard let schema else { return .failure(PluginFailureBox(.invalid(SchemaViolation(pointer: "", problem: .invalid(keyword: "$schema"))))) }
        if let v = schema.validate(json) { return .failure(PluginFailureBox(.invalid(v))) }
        var out: [PluginFinding] = []
        for item in json["findings"]?.array ?? [] {
            let rule = item["rule"]?.string ?? ""
            guard rules.contains(rule) else { return .failure(PluginFailureBox(.wrongRule(safe(rule)))) }
            var v = Violation(reason: item["reason"]?.string.flatMap(ViolationReason.init(rawValue:)) ?? .violation)
            if let m = item["message"], let fi = m["fi"]?.string, let sv = m["sv"]?.string, let en = m["en"]?.string {
                v.message = Localized(fi: safe(fi), sv: safe(sv), en: safe(en))
            }
            for (name, value) in item["values"]?.object ?? [:] {
                switch value {
                case .string(let s): v.values[name] = PlanDate(parsing: s).map { .date($0) } ?? .text(safe(s))
                case .number(let d): v.values[name] = JSONValue.number(d).integer.map { .number($0) } ?? .text(String(d))
                case .array(let items): v.values[name] = .list(items.compactMap(\.string).map(safe))
                default: break
                }
            }
            v.evidence = item["evidence"]?.string.map(safe)
            v.path = item["path"]?.string.map(safe)
            if let location = item["location"], let line = location["line"]?.integer {
                let inSidecar = location["file"]?.string != nil && location["file"]?.string == plan.sidecar?.file
                let lineCount = inSidecar ? (plan.sidecar?.lines.count ?? 0) : plan.lines.count
                guard line <= max(lineCount, 1) else { return .failure(PluginFailureBox(.badLocation(line: line))) }
                let column = location["column"]?.integer ?? 1
                let endLine = location["end_line"]?.integer ?? line
                let endColumn = location["end_column"]?.integer ?? column
                v.range = SourceRange(start: SourcePosition(line: line, column: column, offset: 0),
                                      end: SourcePosition(line: max(endLine, line), column: endColumn, offset: 0))
                if inSidecar { v.origin = .sidecar }
            }
            out.append(PluginFinding(rule: rule, violation: v))
        }
        return .success(out)
    }

    /// Text from a plugin with its control characters and runner commands neutralised, as
    /// all output is (OutputSafety), so it is safe wherever it is shown.
    static func safe(_ text: String) -> String {
        OutputSafety.neutralize(text, .plain)
    }

    /// The last lines of standard error, short and safe.
    static func excerpt(_ data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = text.split(whereSeparator: \.isNewline).suffix(3).joined(separator: " / ")
        let short = lines.count > stderrExcerpt ? "…" + lines.suffix(stderrExcerpt - 1) : lines
        return safe(String(short))
    }
}

/// A failure as an Error, for `Result`.
struct PluginFailureBox: Error {
    var failure: PluginFailure
    init(_ failure: PluginFailure) { self.failure = failure }
}

extension PluginMessages {
    /// The problem a failure note records, in each language.
    func problem(_ note: Note) -> Localized {
        let values: [String: MessageValue] = [
            "status": .text(note["status"] ?? ""), "seconds": .text(note["seconds"] ?? ""), "limit": .text(note["limit"] ?? ""),
            "where": .text(note["where"] ?? ""), "key": .text(note["key"] ?? ""),
            "answered": .text(note["answered"] ?? ""), "line": .text(note["line"] ?? ""),
        ]
        let message: Message
        switch note["problem"] {
        case "exit": message = exited
        case "signal": message = signalled
        case "timeout": message = timedOut
        case "too-large": message = tooLarge
        case "not-json": message = notJSON
        case "missing-key": message = missingKey
        case "unknown-key": message = unknownKey
        case "invalid-value": message = invalidValue
        case "wrong-rule": message = wrongRule
        case "bad-location": message = badLocation
        default: message = cannotStart
        }
        let problem = message.localized(values)
        guard let err = note["stderr"], !err.isEmpty else { return problem }
        return stderr.localized(["problem": .label(problem), "stderr": .text(err)])
    }

    /// Why the rule of a plugin note was not checked, in each language.
    func reason(_ note: Note) -> Localized {
        let plugin = MessageValue.text(note["plugin"] ?? "")
        if note["problem"] == "not-enabled" { return notEnabled.localized(["plugin": plugin]) }
        return failedReason.localized(["plugin": plugin, "problem": .label(problem(note))])
    }
}
