// SARIF 2.1.0 output, for code scanning (GitHub, Azure DevOps, IDE viewers).
//
// One run: every rule of the loaded packs (and planlint's own rules about suppression
// directives) in `tool.driver.rules`, with the citation's Finlex URL as `helpUri`; one
// result per finding with its region (columns count Unicode code points), a fingerprint
// that survives edits elsewhere in the file, and `suppressions` for findings a directive
// in the plan suppresses. Paths are relative to `%SRCROOT%`, the current directory. Plans
// that could not be read are tool execution notifications. Encoded with JSONEncoder.
import Foundation

/// The `--format sarif` output.
public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"
    /// The key of planlint's fingerprint in `partialFingerprints`.
    public static let fingerprintKey = "planlint/v1"
    /// Where rules without a citation are documented.
    static let rulesDocs = "https://planlint.fi/docs/rules/"
    static let suppressionDocs = "https://planlint.fi/docs/suppressions"

    public var options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func start(_ run: RunContext, to sink: any ReportSink) -> any ReportStream {
        Stream(self, run, sink)
    }

    /// Results, plan properties and notifications encoded as they come and parked; the log
    /// written at the end (its keys are sorted: invocations, properties, results, tool).
    final class Stream: ReportStream {
        let reporter: SARIFReporter, run: RunContext, sink: any ReportSink
        let rules: [SARIF.Rule]
        let index: [String: Int]
        let results = JSONArraySpool(), plans = JSONArraySpool(), notifications = JSONArraySpool()

        init(_ reporter: SARIFReporter, _ run: RunContext, _ sink: any ReportSink) {
            (self.reporter, self.run, self.sink) = (reporter, run, sink)
            rules = SARIFReporter.rules(run.packs, language: reporter.options.language)
            index = Dictionary(rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        }

        func plan(_ outcome: PlanOutcome) {
            let options = reporter.options
            switch outcome {
            case .checked(let report):
                let artifact = ArtifactPath(report.file, root: options.sourceRoot)
                let fingerprints = Fingerprint.of(report, path: artifact.path)
                for (f, fingerprint) in zip(report.findings, fingerprints) {
                    // A finding about a sidecar fact points into the sidecar.
                    let at = f.file == report.file ? artifact : ArtifactPath(f.file, root: options.sourceRoot)
                    results.append(SARIFReporter.result(f, artifact: at, ruleIndex: index[f.ruleID], fingerprint: fingerprint,
                                                        line: report.sourceLine(of: f), root: options.sourceRoot, language: report.language))
                }
                plans.append(SARIF.PlanProperties(
                    file: artifact.path, language: report.language.rawValue, status: report.status.value.rawValue,
                    scope: report.scope.value.rawValue, referenceDate: report.referenceDate.value.iso,
                    profile: report.profile.map { SARIF.ProfileProperties(id: $0.value.id, title: $0.value.title[report.language], pack: $0.value.pack) }))
            case .failed(let e):
                let artifact = ArtifactPath(e.file, root: options.sourceRoot)
                let region = e.position.map { SARIF.Region(startLine: $0.line, startColumn: $0.column, endLine: nil, endColumn: nil) }
                notifications.append(SARIF.Notification(level: "error", message: SARIF.Message(text: e.message),
                                                        locations: [SARIF.location(artifact, region: region)],
                                                        properties: ["kind": e.kind.rawValue]))
            }
        }

        func finish(_ totals: RunTotals) {
            let root = reporter.options.sourceRoot
            let sarifRun = SARIF.Run(
                tool: SARIF.Tool(driver: SARIF.Driver(rules: rules)),
                invocations: [SARIF.Invocation(executionSuccessful: totals.unreadable == 0, toolExecutionNotifications: .slot("notifications"))],
                originalUriBaseIds: ["%SRCROOT%": SARIF.BaseURI(uri: ArtifactPath.directoryURI(root))],
                language: run.language?.rawValue,
                results: .slot("results"),
                properties: SARIF.RunProperties(
                    asOf: run.asOf.iso, plans: .slot("plans"),
                    packs: run.packs.map { SARIF.PackProperties(id: $0.id, version: $0.version, contentHash: $0.contentHash, origin: $0.origin) }))
            JSONOutput.write(SARIF.Log(runs: [sarifRun]), slots: ["results": results, "plans": plans, "notifications": notifications],
                             orElse: "{}", to: sink)
        }
    }

    /// Every rule of the packs, with local packs' overrides applied, then planlint's own.
    static func rules(_ packs: [RulePack], language: Language) -> [SARIF.Rule] {
        var overrides: [String: RuleOverride] = [:]
        for pack in packs { overrides.merge(pack.overrides) { _, new in new } }
        var out: [SARIF.Rule] = []
        for pack in packs {
            for rule in pack.rules {
                let o = overrides[rule.id]
                let severity = o?.severity ?? rule.severity
                let citation = rule.citation.map { SARIF.CitationProperties($0, language: language) }
                out.append(SARIF.Rule(
                    id: rule.id, shortDescription: SARIF.Message(text: rule.title[language]),
                    help: SARIF.Message(text: rule.remediation[language]),
                    helpUri: rule.citation?.url ?? rulesDocs + rule.id,
                    defaultConfiguration: SARIF.Configuration(level: level(severity), enabled: !(o?.disabled ?? false)),
                    properties: SARIF.RuleProperties(tags: [rule.kind.rawValue, pack.id], kind: rule.kind.rawValue, pack: pack.id,
                                                     packVersion: pack.version, title: rule.title, citation: citation)))
            }
        }
        for rule in Suppressions.builtInRules {
            out.append(SARIF.Rule(
                id: rule.id, shortDescription: SARIF.Message(text: rule.title[language]), help: SARIF.Message(text: rule.remediation[language]),
                helpUri: suppressionDocs, defaultConfiguration: SARIF.Configuration(level: level(rule.severity), enabled: true),
                properties: SARIF.RuleProperties(tags: ["suppression", BuiltInRule.pack], kind: "tool", pack: BuiltInRule.pack,
                                                 packVersion: PlanLintVersion.current, title: rule.title, citation: nil)))
        }
        return out
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func result(_ f: Finding, artifact: ArtifactPath, ruleIndex: Int?, fingerprint: String, line: String?, root: String,
                       language: Language) -> SARIF.Result {
        let endLine = max(f.end.line, f.start.line)
        let endColumn = f.end.line < f.start.line || (f.end.line == f.start.line && f.end.column < f.start.column) ? f.start.column : f.end.column
        let region = SARIF.Region(startLine: f.start.line, startColumn: f.start.column, endLine: endLine, endColumn: endColumn)
        var location = SARIF.location(artifact, region: region)
        // A Word plan's region is on its virtual lines; the logical location says where a reader finds it.
        if let logical = f.location {
            let kind = logical.isHeading ? "heading" : logical.table != nil ? "table-cell" : "paragraph"
            location.logicalLocations = [SARIF.LogicalLocation(name: logical.rendered(language), fullyQualifiedName: logical.rendered(.en), kind: kind)]
        }
        // The whole line as context, where it is a proper superset of the region.
        // A line of more than 16 KB is left out: the region still locates the span, and a 7 MB
        // line copied into every result made the log hundreds of megabytes.
        if let line, endLine == f.start.line, line.utf8.count <= 16_384, f.start.column > 1 || endColumn <= line.unicodeScalars.count {
            location.physicalLocation.contextRegion = SARIF.ContextRegion(startLine: f.start.line, endLine: f.start.line, snippet: SARIF.Message(text: line))
        }
        let suppressions = f.suppressed.map { s -> [SARIF.Suppression] in
            let at = ArtifactPath(s.location.file, root: root)
            let region = SARIF.Region(startLine: s.location.start.line, startColumn: s.location.start.column,
                                      endLine: s.location.end.line, endColumn: s.location.end.column)
            guard s.isExternal else {
                return [SARIF.Suppression(kind: "inSource", status: "accepted", justification: s.justification ?? "",
                                          location: SARIF.location(at, region: region), properties: ["directive": "planlint-" + s.directive.rawValue])]
            }
            // A waiver or the baseline: a decision recorded outside the plan.
            var properties = ["source": s.directive.rawValue]
            var justification = s.justification ?? ""
            if let w = s.waiver {
                justification += " (\(w.reference); accepted by \(w.acceptedBy); expires \(w.expires.iso))"
                properties["reference"] = w.reference
                properties["acceptedBy"] = w.acceptedBy
                properties["expires"] = w.expires.iso
            }
            return [SARIF.Suppression(kind: "external", status: "accepted", justification: justification,
                                      location: SARIF.location(at, region: region), properties: properties)]
        } ?? []
        return SARIF.Result(
            ruleId: f.ruleID, ruleIndex: ruleIndex, level: level(f.severity), message: SARIF.Message(text: f.message),
            locations: [location], partialFingerprints: [fingerprintKey: fingerprint], suppressions: suppressions,
            properties: SARIF.ResultProperties(title: f.title, remediation: f.remediation, path: f.path, section: f.section,
                                               evidence: f.evidence.map { Excerpt.cut($0) }, origin: f.origin?.rawValue, pack: f.pack, packVersion: f.packVersion,
                                               citation: f.citation?.formatted(language)))
    }
}

/// The parts of SARIF 2.1.0 planlint writes.
enum SARIF {
    struct Log: Encodable {
        var schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var originalUriBaseIds: [String: BaseURI]
        var language: String?
        var columnKind = "unicodeCodePoints"
        var results: JSONSlot<Result>
        var properties: RunProperties
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = "planlint"
        var version = PlanLintVersion.current
        var semanticVersion = PlanLintVersion.current
        var informationUri = "https://planlint.fi/"
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var shortDescription: Message
        var help: Message
        var helpUri: String
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Configuration: Encodable {
        var level: String
        var enabled: Bool
    }

    struct RuleProperties: Encodable {
        var tags: [String]
        var kind: String
        var pack: String
        var packVersion: String
        /// The rule's title in Finnish, Swedish and English.
        var title: Localized
        var citation: CitationProperties?
    }

    /// The legal citation, structured and as text.
    struct CitationProperties: Encodable {
        var text: String
        var act: String
        var actName: Localized
        var section: String
        var subsection: Int?
        var item: Int?
        var url: String
        var lawVersion: String?
        var mark: String?
        var wording: LocalizedWording?

        init(_ c: Citation, language: Language) {
            text = c.formatted(language)
            act = c.act
            actName = c.actName
            section = c.section
            subsection = c.subsection
            item = c.item
            url = c.url
            lawVersion = c.lawVersion
            mark = c.mark
            wording = c.wording
        }
    }

    struct Message: Encodable {
        var text: String
    }

    struct BaseURI: Encodable {
        var uri: String
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: JSONSlot<Notification>
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
        var locations: [Location]
        var properties: [String: String]
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]
        var properties: ResultProperties
    }

    struct ResultProperties: Encodable {
        var title: String
        var remediation: String
        var path: String?
        var section: String?
        var evidence: String?
        var origin: String?
        var pack: String
        var packVersion: String
        var citation: String?
    }

    struct Suppression: Encodable {
        var kind: String
        var status: String
        var justification: String
        var location: Location
        var properties: [String: String]
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        /// For a Word or OpenDocument plan: the heading path and paragraph or table cell.
        var logicalLocations: [LogicalLocation]? = nil
    }

    struct LogicalLocation: Encodable {
        /// In the report's language: "luku 3.2, 4. kappale".
        var name: String
        /// In English, the same for every language: "chapter 3.2, paragraph 4".
        var fullyQualifiedName: String
        /// "paragraph", "heading" or "table-cell".
        var kind: String
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
        var contextRegion: ContextRegion?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int?
        var endColumn: Int?
    }

    struct ContextRegion: Encodable {
        var startLine: Int
        var endLine: Int
        var snippet: Message
    }

    struct RunProperties: Encodable {
        var asOf: String
        var plans: JSONSlot<PlanProperties>
        var packs: [PackProperties]
    }

    struct PlanProperties: Encodable {
        var file: String
        var language: String
        var status: String
        var scope: String
        var referenceDate: String
        var profile: ProfileProperties?
    }

    struct ProfileProperties: Encodable {
        var id: String
        var title: String
        var pack: String
    }

    struct PackProperties: Encodable {
        var id: String
        var version: String
        var contentHash: String
        var origin: String
    }

    static func location(_ artifact: ArtifactPath, region: Region?) -> Location {
        Location(physicalLocation: PhysicalLocation(
            artifactLocation: ArtifactLocation(uri: artifact.uri, uriBaseId: artifact.isRelative ? "%SRCROOT%" : nil),
            region: region, contextRegion: nil))
    }
}
