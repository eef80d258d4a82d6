import OneThingSource

/// What users are told about provisional years (``WorkdayCalendar/provisionalYears``),
/// in one place for the validator, the command line, plans and notices.
extension WorkdayCalendar {
    /// The word beside a date that rests on a provisional year: `provisional (暂定)`, `暂定`.
    public static let provisionalWord = LocalizedText(en: "provisional (暂定)", zh: "暂定")

    /// Why dates in `years` are provisional: no notice for them in the catalogue, and
    /// the law (with its revision) they are computed from instead.
    public static func provisionalReason(years: [Int]) -> LocalizedText {
        let law = provisionalBasis(years: years)
        let named = describe(years: years)
        return LocalizedText(
            en:
                "the catalogue has no State Council holiday notice for \(named); the days off are computed from \(law.en), without the make-up working days (调休) that only a notice sets",
            zh: "共享目录中没有国务院办公厅关于\(named)年的放假通知，休息日按\(law.zh)推算，不含只有通知才能确定的调休上班日")
    }

    /// The law that the days off of `years` are computed from, with its revision (or
    /// revisions, for years under more than one): `全国年节及纪念日放假办法 (2024
    /// revision)`, `《全国年节及纪念日放假办法》（2024年修订）`.
    public static func provisionalBasis(years: [Int]) -> LocalizedText {
        let revisions = Set(years.compactMap(StatutoryHolidays.Revision.inForce(in:))).sorted {
            $0.rawValue < $1.rawValue
        }
        return LocalizedText(
            en: revisions.map(\.englishTitle).joined(separator: ", "),
            zh: revisions.map(\.chineseTitle).joined(separator: "、"))
    }
}

extension WorkdayCalendar.OutOfRange {
    /// What a person is told about a date the calendar does not cover, with the years
    /// it does: `2101-01-03 lies outside the years the working-day calendar covers
    /// (2025–2100); give a --start date within them, or add that year's calendar to the
    /// catalogue`.
    public var message: LocalizedText {
        let years = WorkdayCalendar.describe(years: years)
        return LocalizedText(
            en:
                "\(date) lies outside the years the working-day calendar covers (\(years)); give a --start date within them, or add that year's calendar to the catalogue",
            zh: "\(date) 不在工作日历覆盖的年份（\(years)）内；请用 --start 指定这些年份内的受理日期，或在 catalogue 中添加该年的日历")
    }
}
