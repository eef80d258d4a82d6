import OneThingSource

/// Reads the files of a `catalogue` folder: departments, common materials and
/// working-day calendars. Each file says what it holds by its one top-level key.
public enum CatalogueDecoder {
    /// What one catalogue file held.
    public enum Content: Sendable {
        /// Departments.
        case departments([Department])
        /// Common materials.
        case materials([Material])
        /// One calendar year.
        case calendar(CalendarYear)
        /// The service centre.
        case serviceCentre(ServiceCentre)
    }

    /// A decoded catalogue file and what was found on the way.
    public struct Result: Sendable {
        /// The content, as far as it could be read.
        public var content: Content?
        /// The findings.
        public var diagnostics: [Diagnostic]
    }

    /// The top-level keys a catalogue file may have.
    public static let kinds = ["departments", "materials", "calendar", "service-centre"]

    /// Decodes the root node of a catalogue file.
    public static func decode(_ root: YAMLNode) -> Result {
        var reader = NodeReader()
        let what = LocalizedText(en: "the catalogue file", zh: "共享目录文件")
        let owner = SourceSpan(file: root.span.file, at: root.span.start)
        guard let fields = reader.mapping(root, what: what, owner: owner, known: kinds) else {
            return Result(content: nil, diagnostics: reader.diagnostics)
        }
        let present = fields.entries.filter { kinds.contains($0.key.value) }
        guard present.count == 1, let entry = present.first else {
            reader.report(
                Diagnostic(
                    code: .unknownCatalogueFile, severity: .error,
                    span: present.dropFirst().first?.key.span ?? owner,
                    message: .init(
                        en:
                            "a catalogue file holds exactly one of: departments, materials, calendar, service-centre",
                        zh: "共享目录文件只能包含 departments、materials、calendar、service-centre 其中之一"),
                    hint: .init(en: "split it into one file per kind", zh: "请按类别拆分为多个文件")))
            return Result(content: nil, diagnostics: reader.diagnostics)
        }
        let content: Content?
        switch entry.key.value {
        case "departments": content = .departments(departments(entry.value, reader: &reader))
        case "materials":
            let materials = MaterialDecoder.decodeAll(entry.value, reader: &reader)
            // A condition reads a bundle's form: the shared catalogue has none.
            for when in materials.compactMap(\.commitmentWhen) {
                reader.report(
                    Diagnostic(
                        code: .badValue, severity: .error, span: when.scalar.span,
                        message: .init(
                            en:
                                "a material of the shared catalogue cannot make its commitment depend on the answers",
                            zh: "共享目录中的材料不能按申请表的回答决定是否告知承诺"),
                        hint: .init(
                            en:
                                "write 'commitment: true' here, or declare the material in the bundle with its condition",
                            zh: "这里请写“commitment: true”，或在事项清单（bundle）中声明该材料并写明条件")))
            }
            content = .materials(materials)
        case "service-centre":
            content = serviceCentre(entry.value, owner: entry.key.span, reader: &reader).map {
                .serviceCentre($0)
            }
        default: content = calendar(entry.value, owner: entry.key.span, reader: &reader).map { .calendar($0) }
        }
        return Result(content: content, diagnostics: reader.diagnostics)
    }

    /// The keys of `service-centre:`.
    static let centreKeys = ["name", "address", "telephone", "hours", "cannot-get-it-done"]

    /// `service-centre: {name, address, telephone, hours, cannot-get-it-done: {window, reply}}`.
    static func serviceCentre(_ node: YAMLNode, owner: SourceSpan, reader: inout NodeReader) -> ServiceCentre?
    {
        let what = LocalizedText(en: "the service centre", zh: "政务服务中心")
        guard
            let f = reader.mapping(node, what: what, owner: owner, known: centreKeys, required: ["name"]),
            let name = f["name"].flatMap({ reader.text($0) })
        else { return nil }
        var problems: ServiceCentre.ProblemWindow?
        if let node = f["cannot-get-it-done"] {
            let window = LocalizedText(en: "the 办不成事 window", zh: "办不成事反映窗口")
            if let g = reader.mapping(node, what: window, owner: node.span, known: ["window", "reply"]) {
                problems = ServiceCentre.ProblemWindow(
                    window: g["window"].flatMap { reader.text($0) },
                    reply: g["reply"].flatMap { reader.text($0) })
            }
        }
        return ServiceCentre(
            name: name, address: f["address"].flatMap { reader.text($0) },
            telephone: f["telephone"].flatMap { reader.text($0) },
            hours: f["hours"].flatMap { reader.text($0) },
            problems: problems, span: f.span)
    }

    static func departments(_ node: YAMLNode, reader: inout NodeReader) -> [Department] {
        guard let entries = reader.table(node, what: .init(en: "departments", zh: "部门")) else { return [] }
        return entries.compactMap { entry in
            let id = reader.checkedID(entry.key)
            guard
                let f = reader.mapping(
                    entry.value,
                    what: .init(en: "department '\(entry.key.value)'", zh: "部门“\(entry.key.value)”"),
                    owner: entry.key.span, known: ["name", "en"], required: ["name"]),
                let id, let name = f["name"].flatMap({ reader.text($0) })
            else { return nil }
            return Department(id: id, name: name, englishName: f["en"].flatMap { reader.text($0) })
        }
    }

    static func calendar(_ node: YAMLNode, owner: SourceSpan, reader: inout NodeReader) -> CalendarYear? {
        guard
            let f = reader.mapping(
                node, what: .init(en: "the calendar", zh: "工作日历"), owner: owner,
                known: ["region", "year", "basis", "holidays", "workdays"], required: ["region", "year"]),
            let region = f["region"].flatMap({ reader.text($0) }),
            let year = f["year"].flatMap({ reader.integer($0) })
        else { return nil }
        var holidays: [Holiday] = []
        for element in f["holidays"].flatMap({ reader.list($0, what: .init(en: "holidays", zh: "节假日")) })
            ?? []
        {
            guard
                let h = reader.mapping(
                    element, what: .init(en: "a holiday", zh: "节假日"), owner: element.span,
                    known: ["name", "from", "to"], required: ["name", "from", "to"]),
                let name = h["name"].flatMap({ reader.text($0) }),
                let from = h["from"].flatMap({ reader.date($0) }),
                let to = h["to"].flatMap({ reader.date($0) })
            else { continue }
            holidays.append(Holiday(name: name, from: from, to: to, span: element.span))
        }
        var workdays: [Located<CalendarDate>] = []
        for element in f["workdays"].flatMap({
            reader.list($0, what: .init(en: "make-up working days", zh: "调休上班日"))
        })
            ?? []
        {
            if let date = reader.date(element) { workdays.append(Located(date, at: element.span)) }
        }
        return CalendarYear(
            region: region, year: year, basis: f["basis"].flatMap { reader.text($0) }, holidays: holidays,
            makeUpWorkdays: workdays, span: f.span)
    }
}
