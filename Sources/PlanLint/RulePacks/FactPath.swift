// Paths to facts: `approvals[0].date`, `governance.preparation_group.members[*].sector`.
//
// A path starts at the plan's facts, at the current item (`@`, inside `each`/`some`), or
// at a variable (`$as_of`, `$status`, a name given with `as:`). `[*]` visits every item of
// a list. Parsed once when the pack loads; a bad path is a pack error at its position.

/// A parsed path to a fact.
public struct FactPath: Sendable, Hashable, CustomStringConvertible {
    public enum Root: Sendable, Hashable {
        case facts
        case item
        case variable(String)
    }

    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
        case all
    }

    public var root: Root
    public var components: [Component]

    public init(root: Root, components: [Component]) {
        self.root = root
        self.components = components
    }

    /// Parses a path; the error says what is wrong with it.
    public init(parsing text: String) throws(FactPathError) {
        var scalars = Array(text.unicodeScalars)
        var i = 0
        func isKeyChar(_ c: Unicode.Scalar) -> Bool {
            (c.properties.isAlphabetic || c.properties.numericType != nil || c == "_" || c == "-")
        }
        func readKey() -> String {
            var s = ""
            while i < scalars.count, isKeyChar(scalars[i]) {
                s.unicodeScalars.append(scalars[i])
                i += 1
            }
            return s
        }
        guard !scalars.isEmpty else { throw FactPathError(path: text, problem: "empty path") }
        if scalars.last == " " || scalars.first == " " { scalars = Array(text.trimmed(of: .whitespaces).unicodeScalars) }
        var root = Root.facts
        var components: [Component] = []
        if scalars[0] == "@" {
            root = .item
            i = 1
        } else if scalars[0] == "$" {
            i = 1
            let name = readKey()
            guard !name.isEmpty else { throw FactPathError(path: text, problem: "a variable needs a name after $") }
            root = .variable(name)
        } else {
            let key = readKey()
            guard !key.isEmpty else { throw FactPathError(path: text, problem: "unexpected '\(scalars[0])' at the start") }
            components.append(.key(key))
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "." {
                i += 1
                let key = readKey()
                guard !key.isEmpty else { throw FactPathError(path: text, problem: "a key must follow '.' at character \(i)") }
                components.append(.key(key))
            } else if c == "[" {
                i += 1
                if i < scalars.count, scalars[i] == "*" {
                    i += 1
                    components.append(.all)
                } else {
                    var digits = ""
                    while i < scalars.count, scalars[i].properties.numericType != nil, scalars[i].isASCII {
                        digits.unicodeScalars.append(scalars[i])
                        i += 1
                    }
                    guard let n = Int(digits) else { throw FactPathError(path: text, problem: "expected a number or * inside [ ]") }
                    components.append(.index(n))
                }
                guard i < scalars.count, scalars[i] == "]" else { throw FactPathError(path: text, problem: "missing ]") }
                i += 1
            } else {
                throw FactPathError(path: text, problem: "unexpected '\(c)' at character \(i + 1)")
            }
        }
        self.init(root: root, components: components)
    }

    public var description: String {
        var s: String
        switch root {
        case .facts: s = ""
        case .item: s = "@"
        case .variable(let v): s = "$" + v
        }
        for (n, c) in components.enumerated() {
            switch c {
            case .key(let k): s += (n == 0 && root == .facts) ? k : "." + k
            case .index(let i): s += "[\(i)]"
            case .all: s += "[*]"
            }
        }
        return s
    }

    /// True when the path visits several items (`[*]`).
    public var isWildcard: Bool { components.contains(.all) }
}

/// A path that could not be parsed.
public struct FactPathError: Error, Sendable {
    public var path: String
    public var problem: String
}

/// How to find a fact in the prose when the front matter lacks it.
///
/// For example: approvals from "Kunnanvaltuusto hyväksyi suunnitelman 10.12.2025 § 89".
/// The extractor builds the same shape the front matter would have (`approvals` as a list
/// of `{body, date, minute}`), with every value positioned at the words it came from, so
/// that rules read facts the same way wherever they were found.
public struct FactExtractor: Sendable {
    public enum Kind: String, Sendable {
        /// Every match adds an item to a list.
        case list
        /// The first match gives the value.
        case value
        /// Terms found in the text classify it: each class found adds `{field: class}`.
        case classify
    }

    /// Where to look.
    public enum Source: String, Sendable {
        /// Paragraphs, list items and table cells.
        case body
        /// Section headings.
        case titles
        /// Both.
        case all
    }

    /// A field of the extracted item: from a named capture, converted.
    public struct Field: Sendable {
        public enum Conversion: String, Sendable {
            case text
            /// `2023` → `2023-01-01`.
            case yearStart = "year_start"
            /// `2026` → `2026-12-31`.
            case yearEnd = "year_end"
        }

        public var key: String
        public var capture: String
        public var conversion: Conversion
        /// A fixed value given when the capture matched (`status: draft` for "luonnos").
        public var constant: String?
    }

    /// The keys the fact lives at (no wildcards), e.g. `["approvals"]`.
    public var keys: [String]
    public var kind: Kind
    public var source: Source
    public var patterns: [TermPattern]
    public var fields: [Field]
    /// Matches preceded (in the same sentence) by these terms are skipped
    /// ("edellinen suunnitelma hyväksyttiin …").
    public var unless: TermPattern?
    /// Only in sections whose heading matches.
    public var inSections: TermPattern?
    /// With `inSections`: a matching section's paragraphs are read as one text (joined by
    /// line breaks), so a pattern can span them, as a minutes extract does: the council and
    /// date in one paragraph, "hyväksyi" in another.
    public var joinsSection = false
    /// For `classify`: the key of each item, and the classes with their terms.
    public var classField: String?
    public var classes: [(name: String, terms: TermPattern)]
}
