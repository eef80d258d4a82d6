import OneThing

/// Writes a ``NoticeDocument`` as GitHub-flavoured Markdown: headings, lists and
/// tables, and the task graph as a `mermaid` block (``PlanGraph/mermaid``).
///
/// Every text from the bundle is escaped, so that a name cannot turn into a link,
/// emphasis, a table cell or HTML.
public struct NoticeMarkdownRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The notice as Markdown, ending with a line break.
    public func render(_ notice: NoticeDocument) -> String {
        let colon = notice.language == .zh ? "：" : ": "
        var parts: [String] = []
        parts.append("# " + NoticeMarkup.markdown(notice.title))
        parts.append(notice.byline.map(text).joined(separator: "  \n"))
        parts.append(text(notice.salutation))
        parts.append(text(notice.opening))
        for section in notice.sections {
            parts.append("## " + NoticeMarkup.markdown(section.heading))
            for block in section.blocks {
                parts.append(render(block, notice: notice, colon: colon))
            }
        }
        parts.append("---")
        parts.append(notice.closing.map(text).joined(separator: "  \n"))
        return parts.joined(separator: "\n\n") + "\n"
    }

    func render(_ block: NoticeBlock, notice: NoticeDocument, colon: String) -> String {
        switch block {
        case .paragraph(let paragraph):
            return text(paragraph)
        case .subheading(let heading):
            return "### " + NoticeMarkup.markdown(heading)
        case .list(let items):
            return items.map { "- " + text($0) }.joined(separator: "\n")
        case .steps(let items):
            return items.enumerated().map { "\($0.offset + 1). " + text($0.element) }.joined(separator: "\n")
        case .facts(let facts):
            return facts.map {
                "- **\(NoticeMarkup.markdown($0.label))**\(colon)\(NoticeMarkup.markdown($0.value))"
            }
            .joined(separator: "\n")
        case .table(let table):
            return render(table)
        case .warning(let warning):
            return "> **" + (notice.language == .zh ? "注意" : "Note") + "**\(colon)"
                + NoticeMarkup.markdown(warning)
        case .graph(let caption):
            let mermaid = notice.graph.mermaid
            let fence = String(repeating: "`", count: max(3, Self.longestBacktickRun(mermaid) + 1))
            return fence + "mermaid\n" + mermaid + (mermaid.hasSuffix("\n") ? "" : "\n") + fence + "\n\n*"
                + text(caption) + "*"
        }
    }

    func render(_ table: NoticeTable) -> String {
        var lines = ["| " + table.header.map(cell).joined(separator: " | ") + " |"]
        lines.append("|" + table.header.map { _ in " --- " }.joined(separator: "|") + "|")
        for row in table.rows {
            lines.append("| " + row.map(cell).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// Text that starts a block (a paragraph, a list item), escaped.
    func text(_ value: String) -> String { NoticeMarkup.markdownBlock(value) }

    /// A table cell: escaped, never empty (an empty cell reads as a missing one).
    func cell(_ value: String) -> String { value.isEmpty ? " " : NoticeMarkup.markdown(value) }

    /// The longest run of backticks in `text`, so that a fence around it is longer.
    static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
