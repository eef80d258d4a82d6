/// The unit a time limit is written in.
public enum TimeUnit: String, Sendable, Hashable, CaseIterable {
    /// Working days (工作日).
    case workdays
    /// Calendar days (日, 自然日).
    case days
    /// Working hours (小时).
    case hours
    /// Calendar months (个月).
    case months
}

/// A time limit as people write it: `3 workdays`, `3个工作日`, `10日`, `4 hours`.
///
/// See `grammar/bundle-format.md` for the spellings and for how units are compared
/// when no calendar is at hand (``workdayEquivalent``).
public struct TimeLimit: Hashable, Sendable, CustomStringConvertible {
    /// How many units.
    public var amount: Double
    /// The unit.
    public var unit: TimeUnit

    /// Creates a limit.
    public init(_ amount: Double, _ unit: TimeUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// Working hours in one working day.
    public static let hoursPerWorkday = 8.0

    /// The limit in working days, for comparing and adding limits without a
    /// calendar: 8 hours make one working day, 7 calendar days five working days,
    /// a month 30 calendar days.
    public var workdayEquivalent: Double {
        switch unit {
        case .workdays: amount
        case .hours: amount / Self.hoursPerWorkday
        case .days: amount * 5 / 7
        case .months: amount * 30 * 5 / 7
        }
    }

    /// The amount as written: `3`, `2.5`; whole amounts too large for an integer as `1e+20`.
    var amountText: String {
        amount == amount.rounded() && abs(amount) < 1e15 ? String(Int64(amount)) : String(amount)
    }

    /// The limit as written in the canonical English form: `3 workdays`.
    public var description: String {
        let number = amountText
        guard amount == 1 else { return "\(number) \(unit.rawValue)" }
        return "1 \(unit.rawValue.dropLast())"
    }

    /// The limit in Chinese: `3个工作日`.
    public var chineseDescription: String {
        let number = amountText
        switch unit {
        case .workdays: return "\(number)个工作日"
        case .days: return "\(number)日"
        case .hours: return "\(number)小时"
        case .months: return "\(number)个月"
        }
    }

    /// Parses a limit as people write it; `nil` when the text is not one.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        if Self.immediateWords.contains(trimmed) {
            self.init(0, .workdays)
            return
        }
        // The amount: the ASCII digits and points the text starts with, read byte by byte.
        // Where a mark joins the last of them into a character of its own, what follows
        // is no unit either way: it starts with the mark, or (read by characters) with
        // that digit.
        let bytes = trimmed.utf8
        let end =
            bytes.firstIndex {
                !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) && $0 != UInt8(ascii: ".")
            }
            ?? bytes.endIndex
        let digits = String(decoding: bytes[..<end], as: UTF8.self)
        guard !digits.isEmpty, digits.first != ".", digits.last != ".",
            let amount = Double(digits), amount.isFinite
        else { return nil }
        let unitText = String(decoding: bytes[end...], as: UTF8.self).trimmingWhitespace().lowercased()
        guard let unit = TimeLimit.units[unitText] else { return nil }
        self.init(amount, unit)
    }

    /// The words for a limit of nothing: done on the spot.
    static let immediateWords: Set<String> = ["immediate", "即办", "当场", "当场办结", "即时办结"]

    /// Every spelling of every unit.
    static let units: [String: TimeUnit] = {
        var table: [String: TimeUnit] = [:]
        for s in ["workday", "workdays", "working day", "working days", "工作日", "个工作日", "wd"] {
            table[s] = .workdays
        }
        for s in ["day", "days", "日", "天", "自然日", "个自然日", "calendar day", "calendar days"] {
            table[s] = .days
        }
        for s in ["hour", "hours", "h", "小时", "个小时"] { table[s] = .hours }
        for s in ["month", "months", "个月", "月"] { table[s] = .months }
        return table
    }()

    /// Every accepted unit spelling, for hints.
    public static var unitSpellings: [String] { units.keys.sorted() }
}

extension String {
    /// The string without leading and trailing white space (ASCII and full-width).
    package func trimmingWhitespace() -> String {
        // ASCII white space around text that starts and ends with a visible ASCII
        // character is trimmed byte by byte: each such space is a character of its own,
        // a character that starts with a visible ASCII one is not white space, and no
        // white space joins one into a character that ends with it.
        let isVisibleASCII = { (byte: UInt8) in (0x21...0x7E).contains(byte) }
        let isASCIISpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        let bytes = utf8
        if let first = bytes.firstIndex(where: { !isASCIISpace($0) }),
            let last = bytes.lastIndex(where: { !isASCIISpace($0) }),
            isVisibleASCII(bytes[first]), isVisibleASCII(bytes[last])
        {
            return first == bytes.startIndex && last == bytes.index(before: bytes.endIndex)
                ? self : String(self[first...last])
        }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}

extension TimeLimit: Codable {
    /// Decodes a limit written as people write it (`3 workdays`, `3个工作日`); a limit
    /// that is negative, not finite or longer than any calendar is refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let limit = TimeLimit(parsing: text), limit.amount <= Self.largestAmount else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a time limit such as '3 workdays'")
        }
        self = limit
    }

    /// Encodes the limit in its canonical English form (`3 workdays`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The largest amount a stored limit may have: ten thousand years of days, far beyond
    /// any calendar and far below where arithmetic on it could overflow.
    public static let largestAmount = 3_650_000.0
}
