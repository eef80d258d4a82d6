import OneThingCalendar
import OneThingSource

/// The published pre-reform figures of a bundle (改革前): what a named place reported its
/// applicants needed before the items became one thing — "改革前办理人需要提交材料32份、
/// 跑10个部门，20个工作日才能办理完成" (宣恩, 湖北文明网 2021-04-28). Each figure is
/// optional; the source is required, so no figure is published without one.
///
/// ```yaml
/// baseline:
///   materials: 32
///   departments: 10
///   workdays: 20
///   place: 湖北省宣恩县
///   source:
///     title: 宣恩县政务服务“小切口”惠及“大民生”（湖北文明网）
///     url: http://www.hbwmw.gov.cn/…
///     published: 2021-04-28
/// ```
///
/// Where a figure is declared, the reform figures use it as the "before" instead of the
/// one computed from the bundle's items, and say so.
public struct DeclaredBaseline: Hashable, Sendable {
    /// The materials handed in before the reform (申报材料).
    public var materials: Located<Int>?
    /// The departments the applicant dealt with before the reform.
    public var departments: Located<Int>?
    /// The time before the reform, in working days (办理时限).
    public var workdays: Located<Double>?
    /// The visits to a window before the reform (跑动次数).
    public var visits: Located<Int>?
    /// The place whose figures they are: `湖北省宣恩县`.
    public var place: String?
    /// Where the figures were published.
    public var source: BaselineSource
    /// The span of the whole `baseline:` mapping.
    public var span: SourceSpan

    /// Creates a baseline.
    public init(
        materials: Located<Int>? = nil, departments: Located<Int>? = nil, workdays: Located<Double>? = nil,
        visits: Located<Int>? = nil, place: String? = nil, source: BaselineSource, span: SourceSpan
    ) {
        self.materials = materials
        self.departments = departments
        self.workdays = workdays
        self.visits = visits
        self.place = place
        self.source = source
        self.span = span
    }
}

/// Where a declared baseline was published: a title (the article, the document), and
/// where one can read it.
public struct BaselineSource: Hashable, Sendable {
    /// The title of the article or document, with its publisher:
    /// `宣恩县政务服务“小切口”惠及“大民生”（湖北文明网）`.
    public var title: String
    /// Its address, when it is on the web.
    public var url: String?
    /// The day it was published.
    public var published: CalendarDate?

    /// Creates a source.
    public init(title: String, url: String? = nil, published: CalendarDate? = nil) {
        self.title = title
        self.url = url
        self.published = published
    }

    /// The source in one line, as a page cites it: the title, the date, the address.
    public var citation: String {
        ([title] + [published.map(\.description), url].compactMap { $0 }).joined(separator: ", ")
    }
}
