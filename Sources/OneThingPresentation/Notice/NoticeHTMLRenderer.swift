import OneThing

/// Writes a ``NoticeDocument`` as one self-contained HTML file: inline CSS (screen and
/// A4 print, see ``NoticeHTMLStyle``) and the task graph as inline SVG
/// (``PlanGraph/svg(title:notes:)``); no scripts, fonts or images are loaded.
///
/// Every text from the bundle is escaped, so that a name cannot become markup.
public struct NoticeHTMLRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The notice as an HTML document, ending with a line break.
    public func render(_ notice: NoticeDocument) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(notice.language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(notice.title))</title>
        <style>
        \(NoticeHTMLStyle.css)</style>
        </head>
        <body>
        <main class="notice">
        <header>
        <h1>\(e(notice.title))</h1>
        <p class="byline">\(notice.byline.map(e).joined(separator: "<br>"))</p>
        </header>

        """ + renderLetter(notice) + "</main>\n</body>\n</html>\n"
    }

    /// The letter without the document around it and without its title: the
    /// salutation, the opening, the sections and the closing lines, for a page that
    /// shows the notice inside itself (the applicant's case page). Section ids are
    /// `anchorPrefix` followed by the section's anchor, so that they do not meet the
    /// page's own. Ends with a line break.
    public func renderLetter(_ notice: NoticeDocument, anchorPrefix: String = "") -> String {
        var out = """
            <p class="salutation">\(e(notice.salutation))</p>
            <p>\(e(notice.opening))</p>

            """
        for section in notice.sections {
            let anchor = e(anchorPrefix + section.anchor)
            out += "<section id=\"\(anchor)\" aria-labelledby=\"h-\(anchor)\">\n"
            out += "<h2 id=\"h-\(anchor)\">\(e(section.heading))</h2>\n"
            for block in section.blocks { out += render(block, notice: notice) }
            out += "</section>\n"
        }
        out += "<footer>\n"
        for line in notice.closing { out += "<p>\(e(line))</p>\n" }
        return out + "</footer>\n"
    }

    func render(_ block: NoticeBlock, notice: NoticeDocument) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(e(text))</p>\n"
        case .subheading(let text):
            return "<h3>\(e(text))</h3>\n"
        case .list(let items):
            return "<ul>\n" + items.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        case .steps(let items):
            return "<ol class=\"steps\">\n" + items.map { "<li>\(e($0))</li>\n" }.joined() + "</ol>\n"
        case .facts(let facts):
            return "<table class=\"facts\">\n<tbody>\n"
                + facts.map { "<tr><th scope=\"row\">\(e($0.label))</th><td>\(e($0.value))</td></tr>\n" }
                .joined()
                + "</tbody>\n</table>\n"
        case .table(let table):
            return render(table)
        case .warning(let text):
            let label = notice.language == .zh ? "注意：" : "Note: "
            return "<p class=\"warning\" role=\"note\"><strong>\(label)</strong>\(e(text))</p>\n"
        case .graph(let caption):
            let svg = notice.graph.svg(title: caption, notes: notice.graphNotes)
            return "<figure class=\"graph\">\n\(svg)<figcaption>\(e(caption))</figcaption>\n</figure>\n"
        }
    }

    func render(_ table: NoticeTable) -> String {
        func cellClass(_ column: Int) -> String {
            switch table.columns[column] {
            case .number: " class=\"number\""
            case .name: " class=\"name\""
            case .short: " class=\"short\""
            case .text: ""
            }
        }
        var out = "<table>\n<thead>\n<tr>"
        for (column, header) in table.header.enumerated() {
            out += "<th scope=\"col\"\(cellClass(column))>\(e(header))</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (column, value) in row.enumerated() { out += "<td\(cellClass(column))>\(e(value))</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Escapes text for HTML.
    func e(_ text: String) -> String { NoticeMarkup.escape(text) }
}
