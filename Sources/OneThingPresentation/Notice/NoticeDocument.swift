import OneThing

/// The one-time notice (一次性告知书) of one applicant's case, as plain text in its
/// structure: every sentence of the letter, in sections of paragraphs, lists and tables.
///
/// The document decides *what* the letter says; ``NoticeMarkdownRenderer`` and
/// ``NoticeHTMLRenderer`` decide only how it looks. Text taken from the bundle (names,
/// descriptions, labels) is kept as written: each renderer escapes it for its format.
///
/// ```swift
/// let notice = try NoticeDocument(plan: plan, schedule: schedule, catalogue: catalogue, language: .zh)
/// let html = NoticeHTMLRenderer().render(notice)
/// ```
public struct NoticeDocument: Sendable {
    /// The language the letter is written in.
    public let language: Language
    /// The letter's title: `开办餐饮店一件事一次性告知书`.
    public let title: String
    /// Short lines under the title: the bundle version and the date of the notice.
    public let byline: [String]
    /// The salutation: `尊敬的申请人：`.
    public let salutation: String
    /// The opening paragraph.
    public let opening: String
    /// The sections, in order; their headings carry their numbers.
    public let sections: [NoticeSection]
    /// Closing lines: how the letter was made and from which version of the bundle.
    public let closing: [String]
    /// The case's task graph, drawn where a section holds ``NoticeBlock/graph(caption:)``.
    public let graph: PlanGraph
    /// A line for some nodes of the graph: the dates of the steps.
    public let graphNotes: [PlanGraph.Kind: String]
}

/// One numbered section of the notice: `四、需要提交的材料`.
public struct NoticeSection: Sendable, Hashable {
    /// A stable anchor for links: `materials`.
    public let anchor: String
    /// The heading, with its number.
    public let heading: String
    /// The content.
    public let blocks: [NoticeBlock]

    /// Creates a section.
    public init(anchor: String, heading: String, blocks: [NoticeBlock]) {
        self.anchor = anchor
        self.heading = heading
        self.blocks = blocks
    }
}

/// A piece of a section's content.
public enum NoticeBlock: Sendable, Hashable {
    /// A paragraph.
    case paragraph(String)
    /// A heading inside a section.
    case subheading(String)
    /// A bulleted list.
    case list([String])
    /// A numbered list: steps in order.
    case steps([String])
    /// Labelled facts (受理日期: 2026年3月2日), shown as a two-column table or a list.
    case facts([NoticeFact])
    /// A table.
    case table(NoticeTable)
    /// A sentence that must stand out: a warning to the applicant.
    case warning(String)
    /// The task graph (``NoticeDocument/graph``), with its caption.
    case graph(caption: String)
}

/// A labelled fact: `承诺办结日期` and `2026年3月17日（星期二）`.
public struct NoticeFact: Sendable, Hashable {
    /// The label.
    public let label: String
    /// The value.
    public let value: String

    /// Creates a fact.
    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// A table of the notice: a header row and rows of the same width.
public struct NoticeTable: Sendable, Hashable {
    /// What a column holds, so that renderers can size it.
    public enum Column: Sendable, Hashable {
        /// A row number: as narrow as it can be.
        case number
        /// A name (an item, a material, a department): wide enough to read as one.
        case name
        /// A short value (a date, a limit, a fee): kept on one line.
        case short
        /// Running text: takes the room that is left.
        case text
    }

    /// The header cells.
    public let header: [String]
    /// The rows; each has as many cells as the header.
    public let rows: [[String]]
    /// What each column holds.
    public let columns: [Column]

    /// Creates a table; rows are cut or filled to the width of the header, and
    /// `columns` defaults to running text.
    public init(header: [String], rows: [[String]], columns: [Column]? = nil) {
        self.header = header
        self.rows = rows.map { row in
            row.count >= header.count
                ? Array(row.prefix(header.count))
                : row + Array(repeating: "", count: header.count - row.count)
        }
        let given = columns ?? []
        self.columns = header.indices.map { $0 < given.count ? given[$0] : .text }
    }
}
