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
    /// in notices, asked by adapters …) (`OT406`, a warning).
    public func unusedFieldDiagnostics(read: Set<String>, alsoUsed: Set<String> = []) -> [Diagnostic] {
        form.fields.filter { !read.contains($0.id) && !alsoUsed.contains($0.id) }.map(Diagnostic.unusedField)
    }
}
