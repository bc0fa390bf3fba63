// The three languages of planlint and text given in all of them.
//
// Every title, message and remediation of a rule exists in Finnish, Swedish and English;
// the pack loader refuses a rule that lacks one.
import Foundation

/// A language of messages: Finnish, Swedish or English.
public enum Language: String, Sendable, Codable, CaseIterable, Hashable {
    case fi, sv, en
}

/// A text in Finnish, Swedish and English.
public struct Localized: Sendable, Hashable, Codable {
    public var fi: String
    public var sv: String
    public var en: String

    public init(fi: String, sv: String, en: String) {
        self.fi = fi
        self.sv = sv
        self.en = en
    }

    /// The same text in every language (a path, a number).
    public init(same text: String) {
        self.init(fi: text, sv: text, en: text)
    }

    public static let none = Localized(same: "")

    /// The text in one language.
    public subscript(language: Language) -> String {
        switch language {
        case .fi: return fi
        case .sv: return sv
        case .en: return en
        }
    }
}
