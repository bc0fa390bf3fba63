// Errors about input the tool could not use: a plan or a rule pack.
//
// Every error is a value with a file and, where known, a line and column, printed as
// `file:line:column: error: message`. The command line maps them to exit code 2.
import Foundation

/// A plan or a rule pack that could not be loaded.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for tests and for the JSON output.
    public enum Kind: String, Sendable, Hashable, Codable {
        case missingFile = "missing-file"
        case unreadable
        case encoding
        case tooLarge = "too-large"
        case yaml
        case invalidPlan = "invalid-plan"
        case invalidPack = "invalid-pack"
        case invalidConfiguration = "invalid-configuration"
        case unsupportedFormat = "unsupported-format"
        /// A Word or OpenDocument file refused for safety: a zip bomb, a path that leaves the
        /// archive, an XML entity declaration, macros (docs/plan-format.md, "Word input").
        case unsafeDocument = "unsafe-document"
        /// A Word or OpenDocument file that is damaged, truncated or encrypted.
        case damagedDocument = "damaged-document"
    }

    public var kind: Kind
    public var file: String
    public var position: SourcePosition?
    public var message: String
    /// The message in Finnish, Swedish and English, where the error has it (`message` is
    /// the English one).
    public var translations: Localized?

    public init(_ kind: Kind, file: String, at position: SourcePosition? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.position = position
        self.message = message
    }

    /// An error whose message exists in every language.
    public init(_ kind: Kind, file: String, at position: SourcePosition? = nil, _ message: Localized) {
        self.init(kind, file: file, at: position, message.en)
        self.translations = message
    }

    /// `description` in one language (English where the error has no translation).
    public func description(in language: Language) -> String {
        let text = translations?[language] ?? message
        let label = Catalogue.document.errorLabel[language]
        if let p = position { return "\(file):\(p.line):\(p.column): \(label): \(text)" }
        return "\(file): \(label): \(text)"
    }

    public var description: String {
        if let p = position {
            return "\(file):\(p.line):\(p.column): error: \(message)"
        }
        return "\(file): error: \(message)"
    }
}

extension InputError {
    /// A file that could not be read within its limit.
    public init(file: String, _ failure: BoundedFile.Failure) {
        let kind: Kind
        switch failure {
        case .missing: kind = .missingFile
        case .tooLarge: kind = .tooLarge
        default: kind = .unreadable
        }
        let position: SourcePosition? = if case .tooLarge = failure { .start } else { nil }
        self.init(kind, file: file, at: position, failure.message)
    }
}
