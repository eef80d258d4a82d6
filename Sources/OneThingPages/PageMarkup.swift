import OneThing
import OneThingPresentation
import OneThingRuntime

/// How every page is written: one HTML document with the notice's style sheet and the
/// pages' own rules inline (``PageStyle``), Chinese first with the English beside it,
/// every text escaped (``NoticeMarkup/escape(_:)``), and no script, font, image or
/// style loaded from anywhere.
enum PageMarkup {
    /// `text` escaped for HTML content and quoted attributes.
    static func e(_ text: String) -> String { NoticeMarkup.escape(text) }

    /// The Chinese text with the English beside it, in a quieter type; once when both
    /// are the same (an id, a number).
    static func both(_ text: LocalizedText) -> String {
        guard text.en != text.zh else { return e(text.zh) }
        return "\(e(text.zh))<span class=\"en\" lang=\"en\">\(e(text.en))</span>"
    }

    /// The Chinese text with the English on a line of its own below it.
    static func stacked(_ text: LocalizedText) -> String {
        guard text.en != text.zh else { return e(text.zh) }
        return "\(e(text.zh))<span class=\"en block\" lang=\"en\">\(e(text.en))</span>"
    }

    /// `zh` with `en` beside it: the pages' own words.
    static func both(_ zh: String, _ en: String) -> String { both(LocalizedText(en: en, zh: zh)) }

    /// A section with a bilingual heading; `live` marks it for the live update to replace.
    static func section(id: String, heading: LocalizedText, live: Bool = false, _ body: String) -> String {
        let mark = live ? " data-live" : ""
        return """
            <section id="\(e(id))"\(mark) aria-labelledby="h-\(e(id))">
            <h2 id="h-\(e(id))">\(both(heading))</h2>
            \(body)</section>

            """
    }

    /// A status chip: its words and its tone.
    static func chip(_ words: LocalizedText, tone: Tone) -> String {
        "<span class=\"status \(tone.rawValue)\">\(both(words))</span>"
    }

    /// The tones of a status chip.
    enum Tone: String {
        /// Finished well.
        case done
        /// Under way at a department.
        case open
        /// Waiting for the applicant.
        case applicant
        /// Late, refused or failed.
        case late
        /// Not under way: waiting, cancelled.
        case off
    }

    /// A table with bilingual column headers; `rows` are cells already in HTML.
    static func table(
        _ header: [LocalizedText], _ rows: [[String]], numeric: Set<Int> = [], className: String? = nil
    )
        -> String
    {
        let cls = className.map { " class=\"\($0)\"" } ?? ""
        var out = "<table\(cls)>\n<thead>\n<tr>"
        for (column, title) in header.enumerated() {
            out += "<th scope=\"col\"\(numeric.contains(column) ? " class=\"num\"" : "")>\(both(title))</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (column, cell) in row.enumerated() {
                out += "<td\(numeric.contains(column) ? " class=\"num\"" : "")>\(cell)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A paragraph that says there is nothing to show.
    static func none(_ text: LocalizedText) -> String { "<p class=\"none\">\(both(text))</p>\n" }

    /// A moment as people read it, kept on one line: `2026-03-02 09:00` (China Standard Time).
    static func moment(_ moment: Timestamp) -> String {
        "<time class=\"date\" datetime=\"\(moment)\">\(e(moment.chinaText))</time>"
    }

    /// A due moment as the last day to act on, kept on one line: `2026-03-16`.
    static func dueDate(_ moment: Timestamp) -> String {
        let date = WorkdayCalendar.date(endingAt: moment).description
        return "<time class=\"date\" datetime=\"\(date)\">\(date)</time>"
    }

    /// An id (a case's), kept on one line.
    static func id(_ text: String) -> String { "<span class=\"id\">\(e(text))</span>" }

    /// Working days left to a due date: `今日到期` when it is today.
    static func workdaysLeft(_ days: Int) -> LocalizedText {
        switch days {
        case ..<0: LocalizedText(en: "overdue", zh: "已超期")
        case 0: LocalizedText(en: "due today", zh: "今日到期")
        case 1: LocalizedText(en: "1 working day left", zh: "剩 1 个工作日")
        default: LocalizedText(en: "\(days) working days left", zh: "剩 \(days) 个工作日")
        }
    }

    /// The whole document: `title` in the tab and as the heading, `subtitle` lines under
    /// it, `body`, and an inline `script` when given. `rootAttributes` go on `<html>`
    /// (the live update reads them); `refresh` adds a reload every so many seconds for
    /// a browser without scripts; `frame` (who is signed in, a form's message) comes first.
    static func document(
        title: LocalizedText, subtitle: [String], width: Width, body: String, script: String? = nil,
        rootAttributes: String = "", refresh: Int? = nil, frame: PageFrame = PageFrame()
    ) -> String {
        let noscript =
            refresh.map { "<noscript><meta http-equiv=\"refresh\" content=\"\($0)\"></noscript>\n" } ?? ""
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN"\(rootAttributes)>
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title.zh)) · \(e(title.en))</title>
            \(noscript)<style>
            \(NoticeHTMLStyle.css)\(PageStyle.css)</style>
            </head>
            <body>
            <main class="notice page \(width.rawValue)">
            \(frame.html)<header>
            <h1>\(stacked(title))</h1>
            <p class="byline">\(subtitle.joined(separator: "<br>"))</p>
            </header>

            """
        out += body
        out += "</main>\n"
        if let script { out += "<script>\n\(script)</script>\n" }
        out += "</body>\n</html>\n"
        return out
    }

    /// How wide a page is.
    enum Width: String {
        /// As wide as the notice: one column to read.
        case narrow
        /// Wide enough for a table of five columns beside the reading column.
        case medium
        /// As wide as a 1280-pixel screen allows: tables and charts.
        case wide
    }
}
