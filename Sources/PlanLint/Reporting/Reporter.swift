// Reporters turn the results of a run into text for people or machines.
//
// Each format is a small type behind one protocol, listed in `Reporters.all`. Reporters
// never read files or re-run rules: they see only the `RunResult`.
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

/// An output format.
public protocol Reporter {
    /// The `--format` name.
    static var identifier: String { get }
    /// A reporter for a run of the command line.
    init(options: ReportOptions)
    /// The report as text.
    func report(_ result: RunResult) -> String
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
