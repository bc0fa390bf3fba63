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

/// An output format.
public protocol Reporter {
    /// The `--format` name.
    static var identifier: String { get }
    /// The report as text.
    func report(_ result: RunResult) -> String
}

/// The reporters, by `--format` name.
public enum Reporters {
    public static let all: [String] = [TextReporter.identifier, JSONReporter.identifier, ComplianceReporter.identifier, HTMLReporter.identifier]
}

/// Summary counts, for the closing line of the text output.
struct Counts {
    var errors = 0, warnings = 0, infos = 0

    init(_ findings: [Finding]) {
        for f in findings {
            switch f.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }
}
