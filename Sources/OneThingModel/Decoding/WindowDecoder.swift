import OneThingCalendar
import OneThingSource

/// Reads `windows:` of a bundle or an item: the periods of the year in which it can be
/// applied for (see ``ApplicationWindow``).
enum WindowDecoder {
    /// The keys of a window.
    static let keys = ["name", "from", "to", "when", "basis", "note"]
    /// The keys of a window's `basis:` written as a mapping: a law's, a local document's,
    /// or an assumption's.
    static let basisKeys = LegalBasisDecoder.keys + ["source", "place", "assumed"]

    static func decodeAll(_ node: YAMLNode, reader: inout NodeReader) -> [ApplicationWindow] {
        guard let elements = reader.list(node, what: .init(en: "windows", zh: "报名时间")) else { return [] }
        let windows = elements.compactMap { decode($0, reader: &reader) }
        for (index, window) in windows.enumerated() {
            if let earlier = windows[..<index].first(where: { overlap($0, window) }) {
                reader.report(.overlappingWindows(window, earlier: earlier))
            }
        }
        return windows
    }

    /// Whether two windows of one list apply to the same applicants (the same `when`, as
    /// written) in the same year and share a day.
    static func overlap(_ a: ApplicationWindow, _ b: ApplicationWindow) -> Bool {
        guard a.when?.text == b.when?.text else { return false }
        switch (a.dates.value, b.dates.value) {
        case (.everyYear(let aFrom, let aTo), .everyYear(let bFrom, let bTo)):
            return aFrom <= bTo && bFrom <= aTo
        case (.year(let aFrom, let aTo), .year(let bFrom, let bTo)):
            return aFrom <= bTo && bFrom <= aTo
        default:
            return false  // a year's own dates replace the dates of every year: not an overlap
        }
    }

    static func decode(_ node: YAMLNode, reader: inout NodeReader) -> ApplicationWindow? {
        let what = LocalizedText(en: "a window", zh: "报名时间")
        guard
            let f = reader.mapping(
                node, what: what, owner: node.span, known: keys, required: ["name", "from", "to", "basis"])
        else { return nil }
        let name = f["name"].flatMap { reader.text($0) }
        let from = f["from"].flatMap { day($0, reader: &reader) }
        let to = f["to"].flatMap { day($0, reader: &reader) }
        let when = f["when"].flatMap { reader.scalar($0, expected: .init(en: "a condition", zh: "条件")) }
        let basis = f["basis"].flatMap { decodeBasis($0, reader: &reader) }
        let note = f["note"].flatMap { reader.text($0) }
        guard let name, let from, let to, let basis,
            let dates = dates(from: from, to: to, reader: &reader)
        else { return nil }
        return ApplicationWindow(
            name: name, dates: dates, when: when.map(ConditionSource.init), basis: basis, note: note,
            span: f.span)
    }

    /// A day as written: a month-day of every year, or a date of one year.
    enum Day {
        case everyYear(MonthDay)
        case date(CalendarDate)
    }

    /// `07-06` or `2016-07-06`, located.
    static func day(_ node: YAMLNode, reader: inout NodeReader) -> Located<Day>? {
        guard
            let s = reader.scalar(
                node, expected: .init(en: "a day (MM-DD, or YYYY-MM-DD)", zh: "日期（MM-DD 或 YYYY-MM-DD）"))
        else { return nil }
        if let monthDay = MonthDay(s.value) { return Located(.everyYear(monthDay), at: s.span) }
        if let date = CalendarDate(s.value) { return Located(.date(date), at: s.span) }
        reader.report(
            Diagnostic(
                code: .badValue, severity: .error, span: s.span,
                message: .init(en: "'\(s.value)' is not a day of the year", zh: "“\(s.value)”不是有效日期"),
                hint: .init(
                    en: "write a day that exists: MM-DD for every year (07-06), or YYYY-MM-DD for one year's "
                        + "published dates (2025-07-06)",
                    zh: "请写一个真实存在的日期：每年相同的写成 MM-DD（07-06），某一年公布的写成 YYYY-MM-DD（2025-07-06）")))
        return nil
    }

    /// The window's dates: both of every year or both of one year, the first not after
    /// the last.
    static func dates(from: Located<Day>, to: Located<Day>, reader: inout NodeReader) -> Located<WindowDates>?
    {
        let span = from.span  // where the window's dates begin
        switch (from.value, to.value) {
        case (.everyYear(let first), .everyYear(let last)):
            guard first <= last else {
                reader.report(.windowBackwards(from: first.description, to: last.description, at: to.span))
                return nil
            }
            return Located(.everyYear(from: first, to: last), at: span)
        case (.date(let first), .date(let last)):
            guard first.year == last.year else {
                reader.report(
                    Diagnostic(
                        code: .badValue, severity: .error, span: to.span,
                        message: .init(
                            en: "a window of one year opens in \(first.year) and closes in \(last.year)",
                            zh: "某一年的报名时间自\(first.year)年开始、至\(last.year)年结束"),
                        hint: .init(
                            en:
                                "write one window for each year's published dates: one to \(first.year)-12-31, "
                                + "one from \(last.year)-01-01",
                            zh: "请按每年公布的日期各写一段：一段至\(first.year)-12-31，一段自\(last.year)-01-01起")))
                return nil
            }
            guard first <= last else {
                reader.report(.windowBackwards(from: first.description, to: last.description, at: to.span))
                return nil
            }
            return Located(.year(from: first, to: last), at: span)
        case (.everyYear, .date), (.date, .everyYear):
            reader.report(
                Diagnostic(
                    code: .badValue, severity: .error, span: to.span,
                    message: .init(
                        en:
                            "a window's 'from' and 'to' are written differently: one with a year, one without",
                        zh: "报名时间的“from”和“to”写法不一致：一个带年份，一个不带"),
                    hint: .init(
                        en:
                            "write both as MM-DD for every year, or both as YYYY-MM-DD for one year's published dates",
                        zh: "每年相同的，两者都写成 MM-DD；某一年公布的，两者都写成 YYYY-MM-DD")))
            return nil
        }
    }

    /// A window's basis: a legal basis as anywhere else (text, `{law, article}` or a
    /// list), a local document `{source, place}`, or `{assumed: reason}`.
    static func decodeBasis(_ node: YAMLNode, reader: inout NodeReader) -> WindowBasis? {
        guard case .mapping = node else {
            let laws = LegalBasisDecoder.decode(node, reader: &reader)
            return laws.isEmpty ? nil : .law(laws)
        }
        let what = LocalizedText(en: "a window's basis", zh: "报名时间的依据")
        guard let f = reader.mapping(node, what: what, owner: node.span, known: basisKeys) else { return nil }
        let forms = ["law", "source", "assumed"].filter { f.keySpan($0) != nil }
        guard let form = forms.first else {
            reader.report(
                Diagnostic(
                    code: .missingKey, severity: .error, span: node.span,
                    message: .init(
                        en: "a window's basis names neither 'law:', 'source:' nor 'assumed:'",
                        zh: "报名时间的依据没有写“law:”“source:”或“assumed:”"),
                    hint: .init(
                        en: "write the law that sets it (law:, article:), the local notice that publishes it "
                            + "(source: {title, url}, place:), or why it is assumed (assumed:)",
                        zh: "请写明规定它的法律法规（law:、article:）、公布它的当地公告（source: {title, url}、place:），"
                            + "或假定的理由（assumed:）")))
            return nil
        }
        let belongs: [String: [String]] = [
            "law": LegalBasisDecoder.keys, "source": ["source", "place"], "assumed": ["assumed"],
        ]
        let allowed = belongs[form] ?? []
        for entry in f.entries where !allowed.contains(entry.key.value) {
            reader.report(
                Diagnostic(
                    code: .badValue, severity: .error, span: entry.key.span,
                    message: .init(
                        en: "'\(entry.key.value):' does not go with '\(form):' in a window's basis",
                        zh: "报名时间的依据中，“\(entry.key.value):”不能与“\(form):”同时出现"),
                    hint: .init(
                        en: "a basis is one of a law (law:, article:, effective:), a local notice (source:, "
                            + "place:) or an assumption (assumed:); write a list for several laws",
                        zh: "依据只能是以下之一：法律法规（law:、article:、effective:）、当地公告（source:、place:）、"
                            + "假定（assumed:）；多部法规请写成列表")))
        }
        switch form {
        case "law":
            return LegalBasisDecoder.basis(from: f, reader: &reader).map { .law([$0]) }
        case "source":
            guard let source = f["source"].flatMap({ BaselineDecoder.decodeSource($0, reader: &reader) })
            else {
                return nil
            }
            return .document(source, place: f["place"].flatMap { reader.text($0) })
        default:
            return f["assumed"].flatMap { reader.text($0) }.map { .assumed($0) }
        }
    }
}

extension Diagnostic {
    /// A window that closes before it opens.
    static func windowBackwards(from: String, to: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: span,
            message: .init(
                en: "the window closes on \(to), before it opens on \(from)",
                zh: "报名时间的结束日（\(to)）早于开始日（\(from)）"),
            hint: .init(
                en: "write the first day in 'from:' and the last in 'to:'; a window over the new year is two "
                    + "windows, one to 12-31 and one from 01-01",
                zh: "请在“from:”写第一天、在“to:”写最后一天；跨年的报名时间请写成两段：一段至 12-31，一段自 01-01 起"))
    }

    /// Two windows of one list that share a day for the same applicants.
    static func overlappingWindows(_ window: ApplicationWindow, earlier: ApplicationWindow) -> Diagnostic {
        Diagnostic(
            code: .overlappingWindows, severity: .warning, span: window.dates.span,
            message: .init(
                en:
                    "window '\(window.name)' shares days with window '\(earlier.name)' for the same applicants",
                zh: "报名时间“\(window.name)”与“\(earlier.name)”对同一批申请人有重叠的日期"),
            hint: .init(
                en:
                    "merge them into one window, or give each its own 'when:' if they serve different applicants",
                zh: "请合并为一段；如分别面向不同申请人，请各写“when:”条件"),
            notes: [
                DiagnosticNote(
                    span: earlier.dates.span,
                    message: .init(en: "the earlier window is here", zh: "前一段报名时间在此"))
            ])
    }
}
