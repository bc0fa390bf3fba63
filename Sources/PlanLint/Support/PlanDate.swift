// Calendar dates as plans write them.
//
// Plans write dates as ISO `2025-06-14` or Finnish `14.6.2025`; both parse. A date is a
// civil date with no time zone. Written by hand because Foundation's DateFormatter would
// accept `31.2.2025` leniently and brings time zones into a question that has none.

import Foundation

/// A civil date (year, month, day), validated.
public struct PlanDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil (`31.2.2025` is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= PlanDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `2025-06-14` or `14.6.2025` (also `14.06.2025`, and a trailing `.`).
    public init?(parsing raw: String) {
        let text = raw.trimmed(of: .whitespaces)
        let parts: [Substring]
        if text.contains("-") {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
                  let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
            self.init(year: y, month: m, day: d)
        } else {
            var t = Substring(text)
            if t.hasSuffix(".") { t = t.dropLast() }
            parts = t.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
                  parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
                  let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
            self.init(year: y, month: m, day: d)
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same day `years` later (or earlier); 29 February becomes 28 February.
    public func adding(years: Int) -> PlanDate {
        let y = year + years
        let d = min(day, PlanDate.daysIn(month: month, year: y))
        return PlanDate(year: y, month: month, day: d) ?? self
    }

    /// ISO form, `2025-06-14`.
    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Finnish form, `14.6.2025` (also used in Swedish text in Finland).
    public var finnish: String { "\(day).\(month).\(year)" }

    /// The form used in messages of a language: Finnish and Swedish `14.6.2025`, English ISO.
    public func formatted(for language: Language) -> String {
        language == .en ? iso : finnish
    }

    public var description: String { iso }

    public static func < (lhs: PlanDate, rhs: PlanDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Today in the local calendar.
    public static func today() -> PlanDate {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return PlanDate(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1) ?? PlanDate(year: 2000, month: 1, day: 1)!
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = PlanDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
