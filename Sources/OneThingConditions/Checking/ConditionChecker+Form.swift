import OneThingModel
import OneThingSource

extension ConditionChecker {
    /// Form fields whose declaration does not hold together (`OT408`): an enum without
    /// values or with a value twice, `min` above `max`, bounds of the wrong kind or on a
    /// type without bounds, a field id that conditions cannot read because it is a
    /// keyword. (The model stage already rejects some of these as it reads the file;
    /// these are the ones that need the whole field.)
    public func declarationDiagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for field in form.fields {
            if ConditionLexer.keywords[field.id.lowercased()] != nil {
                diagnostics.append(.keywordFieldID(field))
            }
            if field.hasDeclaredValues {
                if field.values.isEmpty { diagnostics.append(.enumWithoutValues(field)) }
                if field.type == .multiChoice, field.values.count > ConditionScalar.maximumChoices {
                    diagnostics.append(.tooManyChoices(field, limit: ConditionScalar.maximumChoices))
                }
                var first: [String: EnumValue] = [:]
                for value in field.values {
                    if let earlier = first[value.id] {
                        diagnostics.append(.duplicateEnumValue(value, earlier: earlier, field: field))
                    } else {
                        first[value.id] = value
                    }
                }
            }
            diagnostics += boundDiagnostics(field)
        }
        return diagnostics
    }

    private func boundDiagnostics(_ field: FormField) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (key, bound) in [("min", field.minimum), ("max", field.maximum)] {
            guard let bound else { continue }
            switch (field.type, bound) {
            case (.integer, .number), (.number, .number), (.date, .date): break
            default: diagnostics.append(.boundDoesNotFit(key: key, bound: bound, field: field))
            }
        }
        switch (field.minimum, field.maximum) {
        case (.number(let low)?, .number(let high)?) where low > high:
            diagnostics.append(
                .boundsReversed(
                    low: ConditionValue.number(low).description,
                    high: ConditionValue.number(high).description, field: field))
        case (.date(let low)?, .date(let high)?) where low > high:
            diagnostics.append(.boundsReversed(low: low.description, high: high.description, field: field))
        default:
            break
        }
        return diagnostics
    }

    /// Form fields that no condition reads and that are not in `alsoUsed` (fields shown
    /// in notices, asked by adapters …) (`OT406`, a warning). Results produced in the
    /// case (``FormField/isResult``) are not questions, and are left out.
    public func unusedFieldDiagnostics(read: Set<String>, alsoUsed: Set<String> = []) -> [Diagnostic] {
        form.fields.filter { !$0.isResult && !read.contains($0.id) && !alsoUsed.contains($0.id) }.map(
            Diagnostic.unusedField)
    }
}

extension ConditionChecker {
    /// The form fields the applicant's deadlines count from (`from:`): each must be a
    /// field of the form (OT402, with the likeliest field as the hint) and a date
    /// (OT403): a deadline falls on the day its date and its time make.
    public func deadlineDiagnostics(_ deadlines: [ApplicantDeadline]) -> [Diagnostic] {
        deadlines.compactMap { deadline -> Diagnostic? in
            let from = deadline.from
            guard let field = form.fields.first(where: { $0.id == from.value }) else {
                let issue = ConditionIssue.unknownField(
                    from.value, range: 0..<from.value.unicodeScalars.count, fields: form.fields, peer: nil)
                return Diagnostic(
                    code: issue.code, severity: .error, span: from.span, message: issue.message,
                    hint: issue.hint)
            }
            guard field.type != .date else { return nil }
            return Diagnostic(
                code: .conditionType, severity: .error, span: from.span,
                message: .init(
                    en:
                        "deadline '\(deadline.id.value)' counts from '\(field.id)', which is not a date (it is \(field.type.rawValue))",
                    zh: "期限“\(deadline.id.value)”从字段“\(field.id)”起算，但它不是日期（而是 \(field.type.rawValue)）"),
                hint: .init(
                    en:
                        "count it from a field of type date, such as the day of birth: {type: date, label: 出生日期}",
                    zh: "请从日期类型的字段起算，如 {type: date, label: 出生日期}"))
        }
    }

    /// The fields the deadlines count from, which are used though no condition reads them.
    public static func deadlineFields(_ deadlines: [ApplicantDeadline]) -> Set<String> {
        Set(deadlines.map(\.from.value))
    }
}
