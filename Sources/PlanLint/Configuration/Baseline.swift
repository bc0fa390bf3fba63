// The baseline: the findings a municipality already knows of, so that only new ones fail.
//
// `--write-baseline FILE` records the run's findings; `--baseline FILE` (or `baseline:` in the
// configuration) marks the findings it records as accepted (the suppression machinery, kind
// `baseline`), so they stay in the report but do not fail the run. A finding is keyed on its
// rule, its plan's path relative to the baseline file's folder, and the normalised text it
// flags (the evidence, else the section or fact path): not on its line, so a plan edited above
// a known finding keeps it known. The file is sorted JSON with one entry per key and a
// count, so it is the same for the same findings and diffs line by line.
import Foundation

/// Known findings, by rule, file and flagged text.
public struct Baseline: Codable, Sendable, Equatable {
    /// One key and how many findings have it.
    public struct Entry: Codable, Sendable, Hashable, Comparable {
        public var rule: String
        public var file: String
        public var text: String
        public var count: Int

        public static func < (a: Entry, b: Entry) -> Bool { (a.file, a.rule, a.text) < (b.file, b.rule, b.text) }
    }

    public var version = 1
    public var findings: [Entry]

    /// The key of a finding: its rule, its file relative to `folder`, and its flagged text with
    /// white space collapsed.
    static func key(_ f: Finding, folder: String) -> [String] {
        let absolute = Configuration.absolute(f.file)
        let file = Configuration.relative(absolute, to: folder) ?? absolute
        let flagged = f.evidence ?? f.section ?? f.path ?? ""
        let text = flagged.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return [f.ruleID, file, text]
    }

    /// The baseline of a run's findings that count (not suppressed), for a file in `folder`.
    public init(result: RunResult, folder: String) {
        var counts: [[String]: Int] = [:]
        for f in result.findings where f.isActive { counts[Baseline.key(f, folder: folder), default: 0] += 1 }
        findings = counts.map { Entry(rule: $0.key[0], file: $0.key[1], text: $0.key[2], count: $0.value) }.sorted()
    }

    /// The file's contents: pretty, sorted JSON ending in a newline.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return data + Data("\n".utf8)
    }

    /// Reads a baseline file.
    public static func load(file path: String) throws(InputError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(FileManager.default.fileExists(atPath: path) ? .unreadable : .missingFile, file: path, "cannot read the baseline file")
        }
        guard data.count <= 64 * 1024 * 1024 else { throw InputError(.tooLarge, file: path, "the baseline file is larger than 64 MB") }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.version == 1 else {
                throw InputError(.invalidConfiguration, file: path, "baseline version \(baseline.version) is not supported (this planlint writes version 1)")
            }
            return baseline
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(.invalidConfiguration, file: path, "not a planlint baseline (write one with --write-baseline): \(error.localizedDescription)")
        }
    }

    /// Marks the findings the baseline knows as accepted; returns how many it marked.
    /// `file` is the baseline's path as shown, `folder` its absolute folder.
    @discardableResult
    public func apply(to outcomes: inout [PlanOutcome], file: String, folder: String) -> Int {
        var matcher = Matcher(self, file: file, folder: folder)
        var marked = 0
        for o in outcomes.indices {
            guard case .checked(var report) = outcomes[o] else { continue }
            marked += matcher.apply(to: &report)
            outcomes[o] = .checked(report)
        }
        return marked
    }

    /// The baseline applied plan by plan, in the order of the run: each key marks as many
    /// findings as its count, the first ones met.
    public struct Matcher: Sendable {
        private var remaining: [[String]: Int] = [:]
        private let folder: String
        private let suppression: Suppression

        public init(_ baseline: Baseline, file: String, folder: String) {
            for e in baseline.findings { remaining[[e.rule, e.file, e.text], default: 0] += e.count }
            self.folder = folder
            let at = LineColumn(line: 1, column: 1)
            suppression = Suppression(directive: .baseline, justification: "known before: in the baseline \(file)",
                                      location: Suppression.Location(file: file, start: at, end: at))
        }

        /// Marks the plan's findings the baseline still knows; returns how many.
        public mutating func apply(to report: inout PlanReport) -> Int {
            guard !remaining.isEmpty else { return 0 }
            var counts: [String: Int] = [:]
            var marked = 0
            for i in report.findings.indices where report.findings[i].isActive {
                let key = Baseline.key(report.findings[i], folder: folder)
                guard let n = remaining[key], n > 0 else { continue }
                remaining[key] = n - 1
                report.findings[i].suppressed = suppression
                counts[report.findings[i].ruleID, default: 0] += 1
                marked += 1
            }
            for i in report.results.indices { report.results[i].suppressed += counts[report.results[i].rule] ?? 0 }
            return marked
        }
    }

    /// A baseline built plan by plan: only the keys and their counts are kept.
    public struct Recorder: Sendable {
        private var counts: [[String]: Int] = [:]
        private let folder: String

        /// For a baseline file in `folder`.
        public init(folder: String) { self.folder = folder }

        /// Records the plan's findings that count (not suppressed).
        public mutating func record(_ report: PlanReport) {
            for f in report.findings where f.isActive { counts[Baseline.key(f, folder: folder), default: 0] += 1 }
        }

        public var baseline: Baseline {
            Baseline(findings: counts.map { Entry(rule: $0.key[0], file: $0.key[1], text: $0.key[2], count: $0.value) }.sorted())
        }
    }

    init(findings: [Entry]) {
        self.findings = findings
    }
}
