// The one error type of the YAML loader.
//
// Every failure to load a document, from a stray tab to a billion-laughs bomb, is a
// `YAMLError`: a kind a caller can switch on, the file and position where it happened, and a
// short message for the user. Nothing else is ever thrown by PlanLintYAML.

/// Why a YAML document could not be loaded, and where.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of failure.
    public enum Kind: Sendable, Hashable {
        /// The text is not well-formed YAML (libyaml's scanner or parser rejected it), or an
        /// explicitly tagged scalar does not fit its tag (`!!int abc`).
        case syntax
        /// A mapping has the same key twice; positioned at the second occurrence.
        case duplicateKey
        /// Sequences and mappings nest deeper than `YAMLLimits.maxDepth`.
        case tooDeep
        /// The document builds more than `YAMLLimits.maxNodes` nodes.
        case tooManyNodes
        /// Aliases add more than `YAMLLimits.maxAliasExpansion` nodes.
        case aliasExpansion
        /// The input is larger than `YAMLLimits.maxInputBytes` (or libyaml ran out of memory).
        case tooLarge
        /// The stream holds more than one document.
        case multipleDocuments
        /// An alias names an anchor that is not defined before it (or that encloses it).
        case undefinedAlias
        /// The bytes are not valid UTF-8, or contain characters YAML forbids.
        case encoding
    }

    /// The class of failure.
    public var kind: Kind
    /// The file name, exactly as the caller gave it.
    public var file: String
    /// Where the failure was found, as a true position in the file.
    public var position: SourcePosition
    /// A short message for the user, such as "mapping values are not allowed in this context".
    public var message: String

    /// Creates an error.
    public init(kind: Kind, file: String, position: SourcePosition, message: String) {
        self.kind = kind
        self.file = file
        self.position = position
        self.message = message
    }

    /// The error as `file:line:column: message`.
    public var description: String { "\(file):\(position.line):\(position.column): \(message)" }
}
