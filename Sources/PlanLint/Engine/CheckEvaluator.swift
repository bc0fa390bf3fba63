// Evaluating checks on a plan.
//
// Each check returns an `Outcome`: passed or not, the violations (each with a position,
// the path or section it concerns, the evidence it saw and the values for the message's
// placeholders), and notes (e.g. "found in the text only"). Checks know nothing of output
// formats; the engine turns violations into findings.
import Foundation

/// A value for a message placeholder: the catalogue's typed value (a label is written in
/// the reader's language, a date in its form).
typealias Placeholder = MessageValue

/// Why a check failed: selects the rule's message.
enum ViolationReason: String {
    case violation, missing, invalid, empty
}

/// One way a plan fails a check.
struct Violation {
    var reason: ViolationReason
    var range: SourceRange?
    var path: String?
    var section: String?
    var evidence: String?
    var origin: FactOrigin?
    var values: [String: Placeholder] = [:]
    /// A message of the finding's own, in place of the rule's (a check plugin may give one).
    var message: Localized?
}

/// A remark about a passing check, kept for the compliance record.
///
/// A note is structured: its kind says what happened and `data` holds the named values of
/// that kind (the keys each kind uses are listed on the kind). Reporters render a note from
/// its kind and data in their own language; no reporter parses text the engine wrote.
public struct Note: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable {
        /// A content item recognised by a heading. data: `heading`.
        case foundUnderHeading = "found-under-heading"
        /// A content item the plan maps to a section explicitly. data: `item`, `heading`.
        case mappedByLegalMap = "mapped-by-legal-map"
        /// A content item recognised in the text only, not by a heading. data: `words`.
        case foundInText = "found-in-text"
        /// A content item recognised by what a section under another heading says. data:
        /// `heading`, `words` (the words that decided it), `about_fi`, `about_sv`, `about_en`.
        case foundByContent = "found-by-content"
        /// Terms a `mentions` check found. data: `words`.
        case mentioned
        /// A fact taken from the prose. data: `path`, `value`.
        case factFromText = "fact-from-text"
        /// A value the check needed was missing, so it could not decide. data: `check`, and `path` when a path was missing.
        case undecided
    }

    public var kind: Kind
    public var line: Int?
    public var data: [String: String]

    public init(kind: Kind, line: Int?, data: [String: String]) {
        self.kind = kind
        self.line = line
        self.data = data
    }

    public subscript(key: String) -> String? { data[key] }
}

struct Outcome {
    var passed: Bool
    var violations: [Violation] = []
    var notes: [Note] = []

    static let pass = Outcome(passed: true)

    static func fail(_ v: Violation) -> Outcome { Outcome(passed: false, violations: [v]) }
}

struct CheckEvaluator {
    let context: EvaluationContext
    /// The check plugins the configuration enables (checks of kind `plugin`).
    var plugins = PluginSet()
    /// The id of the rule being evaluated (a plugin is asked about it).
    var rule = ""

    func evaluate(_ check: Check, item: FactValue? = nil, bindings: [String: FactValue] = [:]) -> Outcome {
        check.kind.evaluate(CheckEvaluation(evaluator: self, item: item, bindings: bindings))
    }

    // MARK: - Facts

    func resolveAll(_ paths: [FactPath], _ item: FactValue?, _ bindings: [String: FactValue]) -> Resolution {
        var combined: Resolution?
        for p in paths {
            let r = context.resolve(p, item: item, bindings: bindings)
            if combined == nil {
                combined = r
            } else {
                combined?.values += r.values
                if combined?.anchor == nil { combined?.anchor = r.anchor }
            }
        }
        return combined ?? Resolution(values: [], path: "", anchor: nil)
    }

    /// The items of a list at the paths (a path without `[*]` to a list gives its items).
    func items(_ paths: [FactPath], _ item: FactValue?, _ bindings: [String: FactValue]) -> [FactValue] {
        var out: [FactValue] = []
        for value in resolveAll(paths, item, bindings).nonEmpty {
            if let list = value.node.sequence {
                out += list.enumerated().map { FactValue(node: $1, path: "\(value.path)[\($0)]", origin: value.origin) }
            } else {
                out.append(value)
            }
        }
        return out
    }

    func missing(_ r: Resolution) -> Violation {
        var v = Violation(reason: .missing, range: r.anchor.map { SourceRange(at: $0.node.range.start) }, path: r.path, origin: nil)
        v.values["path"] = .text(r.path)
        return v
    }

    func textNotes(_ values: [FactValue]) -> [Note] {
        values.prefix(1).filter { $0.origin == .text }.map {
            Note(kind: .factFromText, line: $0.node.range.start.line, data: ["path": $0.path, "value": $0.text ?? ""])
        }
    }

    func normalise(_ s: String) -> String {
        s.trimmed(of: .whitespacesAndNewlines).lowercased()
    }

    func date(_ v: FactValue) -> PlanDate? {
        v.text.flatMap { PlanDate(parsing: $0) }
    }

    func invalidDate(_ v: FactValue) -> Violation {
        Violation(reason: .invalid, range: v.node.range, path: v.path, evidence: v.text, origin: v.origin,
                  values: ["value": .text(v.text ?? ""), "path": .text(v.path)])
    }

    func compare(_ paths: [FactPath], _ item: FactValue?, _ bindings: [String: FactValue], any: Bool, expected: String,
                         _ ok: (String) -> Bool) -> Outcome {
        let r = resolveAll(paths, item, bindings)
        let values = r.nonEmpty
        guard !values.isEmpty else { return Outcome.fail(missing(r)) }
        var violations: [Violation] = []
        for v in values {
            let text = v.text ?? ""
            if ok(text) {
                if any { return Outcome(passed: true, notes: textNotes([v])) }
            } else {
                violations.append(Violation(reason: .violation, range: v.node.range, path: v.path, evidence: text, origin: v.origin,
                                            values: ["value": .text(text), "expected": .text(expected), "path": .text(v.path)]))
            }
        }
        if violations.isEmpty { return Outcome(passed: true, notes: textNotes(values)) }
        return Outcome(passed: false, violations: any ? Array(violations.prefix(1)) : violations)
    }

    // MARK: - Sections, text and tables

    func sections(matching pattern: TermPattern) -> [Section] {
        context.sections(matching: pattern)
    }

    /// Blocks of the sections matching `pattern` (and their subsections), or of the whole body.
    func textBlocks(in pattern: TermPattern?, includeTitles: Bool) -> [TextBlock] {
        if let pattern {
            var out: [TextBlock] = []
            var seen = Set<Int>()
            for s in sections(matching: pattern) where !seen.contains(s.lines.lowerBound) {
                seen.insert(s.lines.lowerBound)
                out += s.allBlocks.flatMap(\.textBlocks)
            }
            return out
        }
        let index = context.text
        return includeTitles ? index.blocks : zip(index.blocks, index.isTitle).filter { !$0.1 }.map(\.0)
    }

    /// Of `textBlocks(in:includeTitles:)`, the blocks where `terms` can match, in the same
    /// order (`PlanTextIndex`): a plan of two million table cells is not matched cell by cell.
    func textBlocks(in pattern: TermPattern?, includeTitles: Bool, for terms: TermPattern) -> [TextBlock] {
        guard let pattern else { return context.text.blocks(for: [terms], titles: includeTitles) }
        return context.text.filter(textBlocks(in: pattern, includeTitles: includeTitles), for: terms)
    }

    func sectionAnchor(_ pattern: TermPattern?) -> SourceRange? {
        if let pattern, let s = sections(matching: pattern).first { return s.titleRange }
        return nil
    }
}
