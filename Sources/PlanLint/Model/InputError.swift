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
    }

    public var kind: Kind
    public var file: String
    public var position: SourcePosition?
    public var message: String

    public init(_ kind: Kind, file: String, at position: SourcePosition? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.position = position
        self.message = message
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
