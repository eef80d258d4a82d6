/// The results produced in a case that conditions may read: an output that declares
/// `values:` carries one of them once the item producing it has decided (the 残疾等级 of
/// an assessment), and a condition reads it as `result.<output-id>`, like an enum field.
///
/// Before the result is known, an item whose condition reads it applies only "once it is
/// known" (the plan says for which values); the validator's searches over every applicant
/// take each result as one more choice, so their checks cover every value it can take.
public enum CaseResult {
    /// What a condition writes before the output's id: `result.`.
    public static let prefix = "result."

    /// The id conditions read the result of output `outputID` by: `result.assessment-result`.
    public static func fieldID(of outputID: String) -> String { prefix + outputID }

    /// The output whose result `fieldID` reads, when it reads one: `assessment-result`
    /// for `result.assessment-result`; `nil` for a form field's id.
    public static func outputID(ofField fieldID: String) -> String? {
        guard fieldID.hasPrefix(prefix) else { return nil }
        return String(fieldID.dropFirst(prefix.count))
    }
}

extension Output {
    /// The result the output carries, as the field conditions read (`result.<id>`, an
    /// enum of ``values`` that is absent until the result is known); `nil` when it
    /// declares no values.
    public var resultField: FormField? {
        guard !values.isEmpty else { return nil }
        return FormField(
            id: CaseResult.fieldID(of: id.value), span: id.span, type: .enum, label: name, required: false,
            values: values)
    }
}

extension FormField {
    /// Whether the field stands for a result produced in the case (``CaseResult``), not a
    /// question the applicant answers.
    public var isResult: Bool { CaseResult.outputID(ofField: id) != nil }
}

extension ServiceBundle {
    /// The form conditions are checked and evaluated against: the applicant's fields, then
    /// one field for each output that declares values (``Output/resultField``), with the
    /// ids of all outputs in ``Form/outputIDs``. What the applicant is asked stays
    /// ``form``.
    public var conditionForm: Form {
        var conditionForm = form
        conditionForm.fields += outputs.compactMap(\.resultField)
        conditionForm.outputIDs = outputs.map(\.id.value)
        return conditionForm
    }
}
