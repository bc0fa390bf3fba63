// Rule packs: the law and good practice as data.
//
// A pack is a folder with a manifest (`pack.yaml`) and rule files (`rules/*.yaml`), plus
// example plans. These types are what the loader (PackLoader.swift) produces after
// validating every key; the engine only ever sees validated packs.
import Foundation

/// How serious a finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Whether a rule encodes a statute or good practice.
public enum RuleKind: String, Sendable, Codable {
    case statute
    case practice
}

/// A loaded, validated rule pack.
public struct RulePack: Sendable {
    public var id: String
    public var version: String
    public var title: Localized
    /// Ids of the packs this one builds on; they must be loaded too.
    public var extends: [String]
    public var rules: [Rule]
    /// How to find facts in the prose when the front matter lacks them.
    public var facts: [FactExtractor]
    /// Changes this pack makes to the rules of the packs it extends.
    public var overrides: [String: RuleOverride]
    /// The versions of the law this pack knows, picked per plan by date and scope.
    public var profiles: [Profile]
    /// How the pack decides the plan's language, status, scope, dates and profile.
    public var derive: DeriveSection
    /// Names in pack.yaml that only the combined packs can resolve (profile scopes, derive).
    public var references: [PackReference]
    /// Where the pack came from: a folder path, or `embedded:ID`.
    public var origin: String
    /// The pack's files by path relative to the pack folder (rules, examples).
    public var files: [String: String]
    /// A hash of the pack's files, stable across machines (FNV-1a 64, hex).
    public var contentHash: String
    /// Example plans that are Word or OpenDocument files, by path.
    public var documents: [String: Data] = [:]
    /// `replaces:` of pack.yaml: the id of the embedded pack this folder pack may replace.
    public var replaces: String? = nil
    /// The embedded pack this one replaced in this run (`id version`), for every report.
    public var replaced: String? = nil
    /// Where pack.yaml says `extends:`, for errors about a base pack that is not loaded.
    public var extendsAt: SourcePosition? = nil
    /// Top-level plan keys this pack's rules read (`plan_keys:`): known to planlint while the
    /// pack is loaded, so a plan using them gets no unknown-key warning.
    public var planKeys: [String] = []
}

/// A version of the law for one kind of plan: the rules a plan is checked against depend
/// on it (requirements.md §5). The engine picks the first profile whose window holds the
/// plan's reference date and whose scopes hold the plan's scope.
public struct Profile: Sendable, Hashable, Codable {
    public var id: String
    public var title: Localized
    public var scopes: Set<String>
    /// In force from this date (inclusive)…
    public var from: PlanDate?
    /// …until this date (inclusive).
    public var until: PlanDate?
    /// The pack that defines it.
    public var pack: String

    public func holds(_ date: PlanDate) -> Bool {
        (from.map { date >= $0 } ?? true) && (until.map { date <= $0 } ?? true)
    }

    /// How a date in the window relates to it: `on or after 2023-01-01`, in each language.
    public var relationLocalized: Localized {
        let m = Catalogue.common
        switch (from, until) {
        case let (f?, u?): return m.dateWithin.localized(["from": .date(f), "until": .date(u)])
        case let (f?, nil): return m.dateOnOrAfter.localized(["from": .date(f)])
        case let (nil, u?): return m.dateOnOrBefore.localized(["until": .date(u)])
        case (nil, nil): return m.anyDate.text
        }
    }

    /// `from 2023-01-01`, `2014-08-01 – 2016-12-31`.
    public var window: String {
        switch (from, until) {
        case let (f?, u?): return "\(f.iso) – \(u.iso)"
        case let (f?, nil): return "from \(f.iso)"
        case let (nil, u?): return "until \(u.iso)"
        case (nil, nil): return "any date"
        }
    }
}

/// A change a local pack makes to an inherited rule.
public struct RuleOverride: Sendable, Hashable {
    public var severity: Severity?
    public var disabled: Bool
    /// Where the override names the rule (pack.yaml and the key's position), for errors.
    public var file: String = ""
    public var at: SourcePosition = .start
}

/// The legal source a rule encodes.
public struct Citation: Sendable, Hashable, Codable {
    /// The act's number, `417/2007`.
    public var act: String
    public var actName: Localized
    /// `12`, or `13 a`.
    public var section: String
    public var subsection: Int?
    public var item: Int?
    public var url: String
    /// The act that gave the wording the rule encodes, `610/2022`.
    public var lawVersion: String?
    /// The statute's wording, where it was verified.
    public var wording: LocalizedWording?
    /// V (verified), V2 (secondary source), R (recalled), I (interpretation).
    public var mark: String?

    /// `Lastensuojelulaki 417/2007 12 § 1 mom. 2 kohta` and its Swedish and English forms.
    public func formatted(_ language: Language) -> String {
        var s = "\(actName[language]) \(act)"
        switch language {
        case .fi:
            s += " \(section) §"
            if let m = subsection { s += " \(m) mom." }
            if let k = item { s += " \(k) kohta" }
        case .sv:
            s += " \(section) §"
            if let m = subsection { s += " \(m) mom." }
            if let k = item { s += " \(k) punkten" }
        case .en:
            s += ", section \(section)"
            if let m = subsection { s += "(\(m))" }
            if let k = item { s += ", item \(k)" }
        }
        return s
    }
}

/// Statute wording in the languages it was verified in.
public struct LocalizedWording: Sendable, Hashable, Codable {
    public var fi: String?
    public var sv: String?
}

/// A rule's restriction on one decided value: it applies when the value is one of these.
public struct DecidedRestriction: Sendable, Hashable {
    /// The derived value's name (`scope`, `status`, …).
    public var name: String
    public var values: Set<String>
}

/// When a rule applies to a plan.
public struct Applicability: Sendable, Hashable {
    /// Restrictions on decided values (`applies: {scope: [regional]}`), in the order written.
    public var decided: [DecidedRestriction]
    /// Nil: every profile (and plans with none). Otherwise the profile ids the rule belongs to.
    public var profiles: Set<String>?
    /// Where `applies.profile` was written, for errors about unknown profile ids.
    public var profileNode: SourcePosition?
    /// The law the rule encodes is in force from this date (inclusive)…
    public var lawFrom: PlanDate?
    /// …until this date (inclusive).
    public var lawUntil: PlanDate?

    public static let always = Applicability(decided: [], profiles: nil, profileNode: nil, lawFrom: nil, lawUntil: nil)

    /// The values the rule is restricted to for one decided value; nil: every value.
    public func values(of name: String) -> Set<String>? {
        decided.first { $0.name == name }?.values
    }

    /// Shorthands for the reporters.
    public var scopes: Set<String>? { values(of: "scope") }
    public var statuses: Set<String>? { values(of: "status") }
}

/// The messages of a rule: the default one and, optionally, ones for a missing or an
/// invalid value.
public struct RuleMessages: Sendable, Hashable {
    public var violation: Localized
    public var missing: Localized?
    public var invalid: Localized?
    public var empty: Localized?
}

/// An example plan a rule carries: it must pass or fail the rule.
public struct RuleExample: Sendable, Hashable {
    public enum Expectation: String, Sendable, Hashable { case pass, fail }
    /// Path relative to the pack folder.
    public var file: String
    public var expect: Expectation
    /// The as-of date to check the example on (the pack's default otherwise).
    public var asOf: PlanDate
}

/// One rule of a pack.
public struct Rule: Sendable {
    public var id: String
    public var title: Localized
    public var severity: Severity
    public var kind: RuleKind
    public var citation: Citation?
    public var applies: Applicability
    public var check: Check
    public var messages: RuleMessages
    public var remediation: Localized
    /// A question only a person can answer (whether a described participation really
    /// involved children): a passing plan is marked "needs review" with this question.
    public var review: Localized?
    /// Where a finding points when the check cannot say (a fact missing everywhere).
    public var anchor: FactPath?
    public var examples: [RuleExample]
    /// Words for the code values the rule's messages may name (`social` → "sosiaalipalvelut"),
    /// so a message never prints a code: a value with a label is written through it.
    public var labels: [String: Localized] = [:]
    /// The pack file and position that defines the rule.
    public var definedIn: String
    public var definedAt: SourcePosition
    /// Names the rule uses that the combined packs resolve (variables, decided values).
    public var references: [PackReference] = []
    /// Rules (statutory ones) that report the same fact: when one of them fails on a plan,
    /// this rule's failure is shown as `covered`, not as a second finding.
    public var coveredBy: [String] = []
    public var coveredByAt: SourcePosition?
}
