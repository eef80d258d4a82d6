import Foundation

/// An absolute moment: milliseconds since 1970-01-01 00:00 UTC.
///
/// Every time OneThing stores is a timestamp, so a stored moment never changes meaning
/// when a calendar is added or corrected; working time (how many working days lie
/// between two moments) is derived from the working-day calendar when it is needed.
/// Dates and hours are shown in China Standard Time (UTC+8, no daylight saving), the
/// time the limits of Chinese administrative law are counted in.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01 00:00 UTC (negative before it).
    public var milliseconds: Int64

    /// The moment `milliseconds` after 1970-01-01 00:00 UTC.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// The moment of a Foundation date, to the millisecond (rounded down).
    public init(_ date: Date) {
        self.milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The wall clock's moment now.
    public static var now: Timestamp { Timestamp(Date()) }

    /// The moment as a Foundation date.
    public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// Milliseconds in a minute, an hour and a day.
    public static let millisecondsPerMinute: Int64 = 60_000
    /// Milliseconds in an hour.
    public static let millisecondsPerHour: Int64 = 3_600_000
    /// Milliseconds in a day of 24 hours.
    public static let millisecondsPerDay: Int64 = 86_400_000

    /// China Standard Time's offset from UTC: 8 hours, all year.
    public static let chinaOffset: Int64 = 8 * millisecondsPerHour

    /// The moment `hour:minute` China Standard Time on `date`.
    public init(china date: CalendarDate, hour: Int = 0, minute: Int = 0) {
        let local =
            Int64(date.dayNumber) * Self.millisecondsPerDay + Int64(hour) * Self.millisecondsPerHour
            + Int64(minute) * Self.millisecondsPerMinute
        self.milliseconds = local - Self.chinaOffset
    }

    /// The day and the milliseconds since its midnight of `milliseconds` counted from a
    /// midnight (floor division, so moments before 1970 fall on the right day).
    private static func split(_ milliseconds: Int64) -> (day: CalendarDate, millisecondOfDay: Int64) {
        var day = milliseconds / millisecondsPerDay
        var rest = milliseconds % millisecondsPerDay
        if rest < 0 {
            day -= 1
            rest += millisecondsPerDay
        }
        return (CalendarDate(dayNumber: Int(day)), rest)
    }

    /// The day in China Standard Time.
    public var chinaDate: CalendarDate { Self.split(milliseconds + Self.chinaOffset).day }

    /// Milliseconds since midnight China Standard Time.
    public var chinaMillisecondOfDay: Int64 { Self.split(milliseconds + Self.chinaOffset).millisecondOfDay }

    /// The moment `milliseconds` later (earlier when negative).
    public func adding(milliseconds delta: Int64) -> Timestamp {
        Timestamp(milliseconds: milliseconds &+ delta)
    }

    /// `2026-03-02 09:00` in China Standard Time.
    public var chinaText: String {
        let minuteOfDay = Int(chinaMillisecondOfDay / Self.millisecondsPerMinute)
        return "\(chinaDate) \(Self.twoDigits(minuteOfDay / 60)):\(Self.twoDigits(minuteOfDay % 60))"
    }

    /// `2026-03-02T01:00:00.000Z`: ISO 8601 in UTC, to the millisecond.
    public var description: String {
        let (day, millisecondOfDay) = Self.split(milliseconds)
        let ms = Int(millisecondOfDay)
        let (hour, minute) = (ms / 3_600_000, ms / 60_000 % 60)
        let (second, fraction) = (ms / 1000 % 60, ms % 1000)
        let millis = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return
            "\(day)T\(Self.twoDigits(hour)):\(Self.twoDigits(minute)):\(Self.twoDigits(second)).\(millis)Z"
    }

    /// Parses what ``description`` writes (`2026-03-02T01:00:00.000Z`; the fraction may
    /// be left out); `nil` for anything else.
    public init?(iso8601 text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 20 || utf8.count == 24, utf8.last == UInt8(ascii: "Z"),
            utf8[10] == UInt8(ascii: "T"),
            let date = CalendarDate(String(decoding: utf8[0..<10], as: UTF8.self))
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard utf8[range].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return Int(String(decoding: utf8[range], as: UTF8.self))
        }
        guard utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var fraction = 0
        if utf8.count == 24 {
            guard utf8[19] == UInt8(ascii: "."), let value = number(20..<23) else { return nil }
            fraction = value
        } else if utf8[19] != UInt8(ascii: "Z") {
            return nil
        }
        self.milliseconds =
            Int64(date.dayNumber) * Self.millisecondsPerDay + Int64(hour) * Self.millisecondsPerHour
            + Int64(minute) * Self.millisecondsPerMinute + Int64(second) * 1000 + Int64(fraction)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.milliseconds < rhs.milliseconds }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Timestamp: Codable {
    /// Decodes an ISO 8601 UTC text as ``description`` writes it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a UTC time such as 2026-03-02T01:00:00.000Z")
        }
        self = value
    }

    /// Encodes the moment as ISO 8601 UTC text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
