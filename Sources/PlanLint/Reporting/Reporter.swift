// Reporters turn the results of a run into text for people or machines.
//
// Each format is a small type behind one protocol, listed in `Reporters.all`. Reporters
// never read files or re-run rules: they see only what the run hands them. A report streams:
// `start` with what is known before the first plan (packs, date, language), then each plan's
// outcome in the order of the files, then `finish` with the totals; each part is written as
// it is done, and a reporter keeps only what its summary needs. `report(_:)` runs the same
// stream over a whole `RunResult` into a string.
import Foundation

/// Everything one run produced.
public struct RunResult: Sendable {
    public var outcomes: [PlanOutcome]
    public var packs: [RulePack]
    public var asOf: PlanDate
    /// The language asked for with --lang (nil: each plan's own).
    public var language: Language?

    public init(outcomes: [PlanOutcome], packs: [RulePack], asOf: PlanDate, language: Language?) {
        self.outcomes = outcomes
        self.packs = packs
        self.asOf = asOf
        self.language = language
    }

    public var findings: [Finding] {
        outcomes.flatMap { outcome -> [Finding] in
            if case .checked(let r) = outcome { return r.findings }
            return []
        }
    }

    public var errors: [InputError] {
        outcomes.compactMap { outcome in
            if case .failed(let e) = outcome { return e }
            return nil
        }
    }
}

/// What a reporter may need besides the run, decided by the command line.
public struct ReportOptions: Sendable {
    /// ANSI colours (the text format on a terminal).
    public var color: Bool
    /// The language of the tool's own words (headers, summaries, rule descriptions);
    /// findings carry their own.
    public var language: Language
    /// The folder file paths are made relative to (SARIF's `%SRCROOT%`, GitLab's paths):
    /// the current directory.
    public var sourceRoot: String
    /// Only the summary (the text format's `--quiet`).
    public var summaryOnly: Bool

    public init(color: Bool = false, language: Language = .en, sourceRoot: String = FileManager.default.currentDirectoryPath,
                summaryOnly: Bool = false) {
        self.color = color
        self.language = language
        self.sourceRoot = sourceRoot
        self.summaryOnly = summaryOnly
    }
}

/// What a report knows before the first plan.
public struct RunContext: Sendable {
    public var packs: [RulePack]
    public var asOf: PlanDate
    /// The language asked for with --lang (nil: each plan's own).
    public var language: Language?

    public init(packs: [RulePack], asOf: PlanDate, language: Language?) {
        self.packs = packs
        self.asOf = asOf
        self.language = language
    }
}

/// The totals of a run, counted as the plans pass: all a summary needs.
public struct RunTotals: Sendable {
    /// Plans checked.
    public var plans = 0
    /// Plans that could not be read.
    public var unreadable = 0
    /// Findings that count, by severity, and suppressed ones.
    public var errors = 0, warnings = 0, infos = 0, suppressed = 0
    /// The plans' languages in order of first appearance, and how many plans each.
    private var languageOrder: [Language] = []
    private var languageCounts: [Language: Int] = [:]

    public init() {}

    public mutating func add(_ outcome: PlanOutcome) {
        switch outcome {
        case .failed:
            unreadable += 1
        case .checked(let r):
            plans += 1
            let c = Counts(r.findings)
            errors += c.errors
            warnings += c.warnings
            infos += c.infos
            suppressed += c.suppressed
            if languageCounts[r.language] == nil { languageOrder.append(r.language) }
            languageCounts[r.language, default: 0] += 1
        }
    }

    /// The language most plans are written in, the first plan's on a tie; nil when none was read.
    public var majorityLanguage: Language? {
        let most = languageCounts.values.max()
        return languageOrder.first { languageCounts[$0] == most }
    }

    /// Whether a finding that counts is at or above `severity`.
    public func hasFinding(atOrAbove severity: Severity) -> Bool {
        switch severity {
        case .error: return errors > 0
        case .warning: return errors + warnings > 0
        case .info: return errors + warnings + infos > 0
        }
    }

    var counts: Counts {
        var c = Counts([])
        (c.errors, c.warnings, c.infos, c.suppressed) = (errors, warnings, infos, suppressed)
        return c
    }
}

/// One report being written: the plans one by one, then the end.
public protocol ReportStream: AnyObject {
    /// Writes (or parks) the part of one plan, in the order of the files.
    func plan(_ outcome: PlanOutcome)
    /// Writes what is left: summaries, totals, the parts parked until the end.
    func finish(_ totals: RunTotals)
}

/// An output format.
public protocol Reporter {
    /// The `--format` name.
    static var identifier: String { get }
    /// A reporter for a run of the command line.
    init(options: ReportOptions)
    /// Starts a report written to `sink`.
    func start(_ run: RunContext, to sink: any ReportSink) -> any ReportStream
}

extension Reporter {
    /// The report of a whole run as text.
    public func report(_ result: RunResult) -> String {
        let sink = StringSink()
        let stream = start(RunContext(packs: result.packs, asOf: result.asOf, language: result.language), to: sink)
        var totals = RunTotals()
        for outcome in result.outcomes {
            totals.add(outcome)
            stream.plan(outcome)
        }
        stream.finish(totals)
        return sink.text
    }
}

/// The reporters, by `--format` name.
public enum Reporters {
    /// Every output format, in the order `--help` lists them.
    public static var all: [any Reporter.Type] {
        [
            TextReporter.self, ComplianceReporter.self, HTMLReporter.self, JSONReporter.self, SARIFReporter.self, JUnitReporter.self, GitHubReporter.self,
            GitLabReporter.self, CheckstyleReporter.self, MarkdownReporter.self,
        ]
    }

    /// The `--format` names.
    public static var identifiers: [String] { all.map { $0.identifier } }

    /// The reporter named `identifier`, or nil.
    public static func make(_ identifier: String, options: ReportOptions) -> (any Reporter)? {
        all.first { $0.identifier == identifier }.map { $0.init(options: options) }
    }
}

/// Summary counts of the findings that count (suppressed ones apart).
struct Counts {
    var errors = 0, warnings = 0, infos = 0, suppressed = 0

    init(_ findings: [Finding]) {
        for f in findings {
            guard f.isActive else {
                suppressed += 1
                continue
            }
            switch f.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }
}
