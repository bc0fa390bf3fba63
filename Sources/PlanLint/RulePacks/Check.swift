// The check vocabulary: declarative checks that compose.
//
// A rule's `check:` is one of these. Leaf checks look at facts (by path), sections (by
// heading aliases), text (by terms) or tables; `all`, `any`, `not` and `when` combine
// them; `each` and `some` apply a check to every item of a list, with `@` naming the item.
// The YAML spelling of each case is documented in docs/rule-packs.md.
import Foundation

/// A declarative check.
public indirect enum Check: Sendable {
    /// A fact exists and is not empty.
    case present([FactPath])
    /// The fact's value is one of `values` (case-insensitive), or of the values declared for
    /// the derived value `valuesOf`. `any`: one value suffices.
    case oneOf([FactPath], values: [String], valuesOf: String?, any: Bool)
    /// The fact's value contains a match of `pattern`. `any`: one value suffices.
    case matches([FactPath], pattern: TermPattern, any: Bool)
    /// The fact's value equals another value (a literal, a variable or a path).
    case equals([FactPath], value: ValueReference)
    /// Every value at the paths that is present is a valid date (ISO or d.m.yyyy).
    case isDate([FactPath])
    /// The date lies within `years` of a reference date.
    case dateWithin(DateWithin)
    /// The number of values lies within bounds.
    case count([FactPath], min: Int?, max: Int?)
    /// Every item satisfies the check (`@` is the item; `as` names it too).
    case each([FactPath], variable: String?, check: Check)
    /// At least one item satisfies the check.
    case some([FactPath], variable: String?, check: Check)
    /// The values cover required members (all of them, or at least `min`).
    case covers([FactPath], members: [String], min: Int?)
    /// A section recognised by its heading is present and not empty.
    case section(SectionCheck)
    /// Text (in sections, or anywhere) mentions terms.
    case mentions(MentionsCheck)
    /// A table has the required columns, and every row fills them.
    case table(TableCheck)
    case all([Check])
    /// All of the checks, in order, but only the first failure is reported.
    case firstFailing([Check])
    case any([Check])
    case not(Check)
    case when(condition: Check, then: Check, otherwise: Check?)
}

/// What `equals` compares with.
public enum ValueReference: Sendable {
    case literal(String)
    case path(FactPath)
}

/// `date_within`: the date at `path` lies within `years` of `reference`.
public struct DateWithin: Sendable {
    public enum Direction: String, Sendable {
        /// The date is at most `years` before the reference (it has not lapsed).
        case before
        /// The date is at most `years` after the reference (a period is not too long).
        case after
    }

    /// Which of several dates counts.
    public enum Pick: String, Sendable {
        case each, latest, earliest
    }

    public var paths: [FactPath]
    public var years: Int
    public var reference: FactPath
    public var direction: Direction
    public var pick: Pick
}

/// `section`: a section recognised by heading aliases (or the plan's `legal_map`).
public struct SectionCheck: Sendable {
    public var aliases: TermPattern
    /// The content item's key in the plan's `legal_map`, if a plan may map it explicitly.
    public var item: String?
    public var notEmpty: Bool
    /// Terms that, found in the text when no heading matches, still show the item is there.
    public var textTerms: TermPattern?
}

/// `mentions`: text mentions terms.
public struct MentionsCheck: Sendable {
    public var terms: TermPattern
    /// Only in sections with these heading aliases (nil: the whole body).
    public var inSections: TermPattern?
    public var min: Int
}

/// `table`: a table with required columns.
public struct TableCheck: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var aliases: TermPattern
    }

    public var inSections: TermPattern?
    public var columns: [Column]
    /// Every row has a value in each required column.
    public var filled: Bool
}
