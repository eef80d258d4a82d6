import OneThingSource

/// Turns the located YAML of a bundle file into a ``Bundle``.
///
/// Decoding never stops at the first problem: a key that is wrong is reported and
/// left out, and the rest is read, so one run shows every problem. A bundle is
/// returned whenever the root is a mapping; ``Result/isComplete`` says whether every
/// part could be read without error (later stages use it to skip checks that would only
/// repeat a missing part's consequences).
public enum BundleDecoder {
    /// A decoded bundle and what was found on the way.
    public struct Result: Sendable {
        /// The bundle, as far as it could be read.
        public var bundle: ServiceBundle?
        /// Whether every required part of the bundle could be read.
        public var isComplete: Bool
        /// The findings.
        public var diagnostics: [Diagnostic]
    }

    /// The keys of a bundle file.
    public static let bundleKeys = [
        "id", "title", "version", "effective", "category", "lead", "promise", "on-rejection",
        "locality", "basis", "baseline", "description", "eligibility", "parties", "form", "form-rules",
        "materials",
        "outputs", "inspections", "items", "deadlines", "windows", "tests",
    ]

    /// The keys of an item (an entry of `items:`).
    public static var itemKeys: [String] { ItemDecoder.keys }

    /// The keys of a material declared in a bundle (an entry of `materials:`).
    public static var materialKeys: [String] { MaterialDecoder.keys }

    /// The keys of a need written as a mapping (an element of an item's `needs:`).
    public static var needKeys: [String] { ItemDecoder.needKeys }

    /// The keys of a party (an entry of `parties:`).
    public static var partyKeys: [String] { PartyDecoder.keys }

    /// The keys of a form field (an entry of `form:`).
    public static var fieldKeys: [String] { FormFieldDecoder.keys }

    /// Decodes the root node of a bundle file.
    public static func decode(_ root: YAMLNode) -> Result {
        var reader = NodeReader()
        let what = LocalizedText(en: "the bundle", zh: "一件事文件")
        let owner = SourceSpan(file: root.span.file, at: root.span.start)
        guard
            let fields = reader.mapping(
                root, what: what, owner: owner, known: bundleKeys,
                required: [
                    "id", "title", "version", "effective", "category", "lead", "promise", "form", "items",
                ])
        else {
            if root.elements != nil, var last = reader.diagnostics.popLast() {
                last.hint = .init(
                    en:
                        "a bundle file is a mapping that starts with keys such as 'id:' and 'title:', not a list",
                    zh: "一件事文件应以“id:”“title:”等键开头，而不是列表")
                reader.report(last)
            }
            return Result(bundle: nil, isComplete: false, diagnostics: reader.diagnostics)
        }
        var complete = true
        func need<T>(_ value: T?) -> T? {
            if value == nil { complete = false }
            return value
        }

        let id = need(fields["id"].flatMap { reader.id($0) })
        let title = need(fields["title"].flatMap { reader.text($0) })
        let version = need(fields["version"].flatMap { reader.text($0) })
        let effective = need(fields["effective"].flatMap { reader.date($0) })
        let category = need(
            fields["category"].flatMap {
                reader.choice($0, BundleCategory.self, what: .init(en: "category", zh: "类别"))
            })
        let lead = need(fields["lead"].flatMap { decodeLead($0, reader: &reader) })
        let promiseRules = fields["promise"].map { LimitRuleDecoder.decode($0, reader: &reader) }
        let promise = need(promiseRules?.limit)
        let onRejection =
            fields["on-rejection"].flatMap {
                reader.choice($0, RejectionPolicy.self, what: .init(en: "rejection policy", zh: "驳回处理方式"))
            } ?? .continue
        var form = need(fields["form"].flatMap { decodeForm($0, reader: &reader) })
        if let node = fields["form-rules"] {
            form?.rules = ConditionRuleDecoder.decode(
                node, what: .init(en: "a form rule", zh: "表单规则"), reader: &reader)
        }
        let materials = fields["materials"].map { MaterialDecoder.decodeAll($0, reader: &reader) } ?? []
        let outputs = fields["outputs"].map { decodeOutputs($0, reader: &reader) } ?? []
        let inspections = fields["inspections"].map { decodeInspections($0, reader: &reader) } ?? []
        let items = need(fields["items"].map { ItemDecoder.decodeAll($0, reader: &reader) })
        let tests = fields["tests"].map { TestCaseDecoder.decodeAll($0, reader: &reader) } ?? []

        var bundle = ServiceBundle(
            id: id ?? Located("", at: owner), title: title ?? "", version: version ?? "",
            effective: effective ?? CalendarDate(dayNumber: 0), category: category ?? .business,
            lead: lead ?? .rules([]), promise: promise ?? Located(TimeLimit(0, .workdays), at: owner),
            onRejection: onRejection, locality: fields["locality"].flatMap { reader.text($0) },
            basis: fields["basis"].map { LegalBasisDecoder.decode($0, reader: &reader) } ?? [],
            description: fields["description"].flatMap { reader.text($0) }, form: form ?? Form(fields: []),
            materials: materials, outputs: outputs, inspections: inspections, items: items ?? [],
            tests: tests, span: fields.span, effectiveSpan: fields["effective"]?.span)
        bundle.promiseRules = promiseRules?.rules ?? []
        bundle.parties = fields["parties"].map { PartyDecoder.decodeAll($0, reader: &reader) } ?? []
        bundle.deadlines = fields["deadlines"].map { DeadlineDecoder.decodeAll($0, reader: &reader) } ?? []
        bundle.windows = fields["windows"].map { WindowDecoder.decodeAll($0, reader: &reader) } ?? []
        bundle.eligibility =
            fields["eligibility"].map {
                ConditionRuleDecoder.decode(
                    $0, what: .init(en: "an eligibility rule", zh: "申请条件"), reader: &reader)
            } ?? []
        bundle.baseline = fields["baseline"].flatMap {
            BaselineDecoder.decode($0, owner: fields.keySpan("baseline") ?? owner, reader: &reader)
        }
        // A part that had an error was left out: what refers to it may look unused.
        let clean = !reader.diagnostics.contains { $0.severity == .error }
        return Result(bundle: bundle, isComplete: complete && clean, diagnostics: reader.diagnostics)
    }

    // MARK: Parts

    static func decodeLead(_ node: YAMLNode, reader: inout NodeReader) -> LeadDepartment? {
        if case .scalar = node {
            return reader.reference(node).map { .fixed($0) }
        }
        guard let rules = reader.list(node, what: .init(en: "lead department rules", zh: "牵头部门规则")) else {
            return nil
        }
        var result: [LeadRule] = []
        for rule in rules {
            guard
                let f = reader.mapping(
                    rule, what: .init(en: "a lead department rule", zh: "牵头部门规则"), owner: rule.span,
                    known: ["when", "department"], required: ["department"]),
                let department = f["department"].flatMap({ reader.reference($0) })
            else { continue }
            let when = f["when"].flatMap { reader.scalar($0, expected: .init(en: "a condition", zh: "条件")) }
            result.append(LeadRule(when: when.map(ConditionSource.init), department: department))
        }
        return .rules(result)
    }

    static func decodeForm(_ node: YAMLNode, reader: inout NodeReader) -> Form? {
        guard let entries = reader.table(node, what: .init(en: "the form", zh: "表单")) else { return nil }
        return Form(fields: entries.compactMap { FormFieldDecoder.decode($0, reader: &reader) })
    }

    static func decodeOutputs(_ node: YAMLNode, reader: inout NodeReader) -> [Output] {
        guard let entries = reader.table(node, what: .init(en: "outputs", zh: "证照/结果")) else { return [] }
        let what = LocalizedText(en: "an output", zh: "证照/结果")
        return entries.compactMap { entry in
            let id = reader.checkedID(entry.key)
            guard
                let f = reader.mapping(
                    entry.value, what: what, owner: entry.key.span,
                    known: ["name", "kind", "e-licence", "values"],
                    required: ["name"]),
                let id, let name = f["name"].flatMap({ reader.text($0) })
            else { return nil }
            return Output(
                id: id, name: name,
                kind: f["kind"].flatMap {
                    reader.choice($0, OutputKind.self, what: .init(en: "output kind", zh: "证照类别"))
                },
                eLicence: f["e-licence"].flatMap { reader.bool($0) } ?? false,
                values: f["values"].map { FormFieldDecoder.enumValues($0, reader: &reader) } ?? [])
        }
    }

    static func decodeInspections(_ node: YAMLNode, reader: inout NodeReader) -> [Inspection] {
        guard let entries = reader.table(node, what: .init(en: "inspections", zh: "联合勘验")) else { return [] }
        let what = LocalizedText(en: "a joint inspection", zh: "联合勘验")
        return entries.compactMap { entry in
            let id = reader.checkedID(entry.key)
            guard
                let f = reader.mapping(
                    entry.value, what: what, owner: entry.key.span,
                    known: ["name", "duration", "department"],
                    required: ["name", "duration"]),
                let id, let name = f["name"].flatMap({ reader.text($0) }),
                let duration = f["duration"].flatMap({ reader.duration($0) })
            else { return nil }
            return Inspection(
                id: id, name: name, duration: duration,
                department: f["department"].flatMap { reader.reference($0) })
        }
    }
}
