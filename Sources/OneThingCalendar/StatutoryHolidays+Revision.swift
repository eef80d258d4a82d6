extension StatutoryHolidays {
    /// A revision of 全国年节及纪念日放假办法 and the days its §2 gives. Each came into
    /// force on January 1 of a year (the decisions of the State Council of 2007-12-14,
    /// 2013-12-11 and 2024-11-10).
    public enum Revision: Int, Hashable, Sendable, CaseIterable {
        /// In force 2008–2013: 春节 3 days (除夕、初一、初二), 劳动节 1 day; 清明, 端午 and
        /// 中秋 became holidays.
        case of2007 = 2008
        /// In force 2014–2024: 春节 3 days (初一至初三), 劳动节 1 day.
        case of2013 = 2014
        /// In force from 2025: 春节 4 days (除夕至初三), 劳动节 2 days (05-01, 05-02).
        case of2024 = 2025

        /// The first year the revision is in force.
        public var firstYear: Int { rawValue }

        /// The revision in force in `year`, or `nil` before 2008.
        public static func inForce(in year: Int) -> Revision? {
            allCases.last { $0.firstYear <= year }
        }

        /// The law's title with the revision, as Chinese text cites it:
        /// `《全国年节及纪念日放假办法》（2024年修订）`.
        public var chineseTitle: String { "《全国年节及纪念日放假办法》（\(revisedIn)年修订）" }

        /// The title in English, with the Chinese name: `全国年节及纪念日放假办法 (2024 revision)`.
        public var englishTitle: String { "全国年节及纪念日放假办法 (\(revisedIn) revision)" }

        /// The year the revision was decided.
        var revisedIn: Int { firstYear - 1 }

        /// The days of 春节, counted from 正月初一 (−1 is 除夕).
        var springFestivalDays: [Int] {
            switch self {
            case .of2007: [-1, 0, 1]
            case .of2013: [0, 1, 2]
            case .of2024: [-1, 0, 1, 2]
            }
        }

        /// The number of days of 劳动节 from May 1.
        var labourDayLength: Int { self == .of2024 ? 2 : 1 }
    }
}
