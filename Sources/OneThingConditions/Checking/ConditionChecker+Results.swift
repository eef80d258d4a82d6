import OneThingModel
import OneThingSource

extension ConditionChecker {
    /// The conditions that read a result produced in the case before it can be known
    /// (`OT411`): a result (`result.<output-id>`) is known once an item producing the
    /// output has decided, so only the condition of an item that always comes after
    /// every such item (it needs what they produce, directly or through other items, or
    /// names them in `after:`), or of its needs, may read it. Every other condition
    /// (lead, promise and limit rules, parties, windows, deadlines, the form's,
    /// eligibility) is decided when the case is accepted, before any result: the plan's
    /// dates are counted then.
    /// An applicant's form field whose id begins with `result.` is `OT408`: conditions
    /// would read it as a result.
    public static func resultDiagnostics(
        _ bundle: ServiceBundle, conditions: ConditionCheckResult, dependencies: ItemDependencies,
        file: SourceFile
    ) -> [Diagnostic] {
        var found = bundle.form.fields.filter(\.isResult).map(Diagnostic.reservedFieldID)
        let itemIndex = Dictionary(
            bundle.items.enumerated().map { ($0.element.id.value, $0.offset) },
            uniquingKeysWith: { a, _ in a })
        for entry in conditions.entries {
            guard let checked = entry.checked else { continue }
            let item: Int? =
                switch entry.owner {
                case .item(let id), .need(let id, _, _): itemIndex[id]
                default: nil
                }
            for field in checked.fields {
                guard let output = CaseResult.outputID(ofField: field) else { continue }
                let range = Self.range(of: field, in: entry.source.text)
                let producers = dependencies.producers[output] ?? []
                let issue: ConditionIssue
                if producers.isEmpty {
                    issue = .resultNeverProduced(output: output, owner: entry.owner, range: range)
                } else if let item {
                    guard let early = producers.first(where: { !dependencies.alwaysWaits(item, for: $0) })
                    else { continue }
                    issue = .resultNotYetKnown(
                        output: output, owner: entry.owner, producer: bundle.items[early].id.value,
                        item: bundle.items[item].id.value, range: range)
                } else {
                    issue = .resultNotYetKnown(
                        output: output, owner: entry.owner, producer: bundle.items[producers[0]].id.value,
                        item: nil, range: range)
                }
                found.append(Diagnostic(issue, in: entry.source, file: file))
            }
        }
        return found
    }

    /// Where `path` is first written in `text` (Unicode scalar offsets); the whole text
    /// when it cannot be found.
    static func range(of path: String, in text: String) -> Range<Int> {
        let scalars = Array(text.unicodeScalars)
        let wanted = Array(path.unicodeScalars)
        guard wanted.count <= scalars.count else { return 0..<scalars.count }
        for start in 0...(scalars.count - wanted.count)
        where Array(scalars[start..<start + wanted.count]) == wanted {
            return start..<start + wanted.count
        }
        return 0..<scalars.count
    }
}

extension ConditionIssue {
    /// A condition reads `result.<output>` where the result is not yet known (`OT411`):
    /// on `item`, which does not always come after `producer`; or (`item` `nil`) on an
    /// owner decided when the case is accepted.
    static func resultNotYetKnown(
        output: String, owner: ConditionOwner, producer: String, item: String?, range: Range<Int>
    ) -> ConditionIssue {
        let path = CaseResult.fieldID(of: output)
        guard let item else {
            return ConditionIssue(
                code: .resultNotYetKnown, range: range,
                message: .init(
                    en: "\(owner.phrase.en) reads '\(path)', which is not known when the case is accepted: "
                        + "item '\(producer)' decides it during the case",
                    zh: "\(owner.phrase.zh)读取了“\(path)”，但受理时还不知道该结果：它要在办理中由事项“\(producer)”作出"),
                hint: .init(
                    en: "only the condition of an item that comes after '\(producer)' (or of its needs) may "
                        + "read a result; ask the applicant on the form instead",
                    zh: "只有排在“\(producer)”之后的事项的条件（及其所需材料的条件）可以读取结果；否则请改为在表单中询问申请人"))
        }
        return ConditionIssue(
            code: .resultNotYetKnown, range: range,
            message: .init(
                en: "\(owner.phrase.en) reads '\(path)', which item '\(producer)' decides, "
                    + "but '\(item)' does not come after '\(producer)'",
                zh: "\(owner.phrase.zh)读取了“\(path)”，该结果由事项“\(producer)”作出，但事项“\(item)”并不排在“\(producer)”之后"),
            hint: .init(
                en: "make '\(item)' wait for '\(producer)': need what it produces, directly or through "
                    + "another item, or name it in after: [\(producer)]",
                zh: "请让“\(item)”等待“\(producer)”：直接或经其他事项需要它产出的证照/结果，或写 after: [\(producer)]"))
    }

    /// A condition reads `result.<output>` of an output no item produces (`OT411`).
    static func resultNeverProduced(output: String, owner: ConditionOwner, range: Range<Int>)
        -> ConditionIssue
    {
        let path = CaseResult.fieldID(of: output)
        return ConditionIssue(
            code: .resultNotYetKnown, range: range,
            message: .init(
                en:
                    "\(owner.phrase.en) reads '\(path)', but no item produces '\(output)': the result is never known",
                zh: "\(owner.phrase.zh)读取了“\(path)”，但没有事项产出“\(output)”：该结果永远无从得知"),
            hint: .init(
                en: "add '\(output)' to the produces: of the item that decides it",
                zh: "请把“\(output)”写入作出该结果的事项的 produces:"))
    }
}

extension Diagnostic {
    /// A form field whose id begins with `result.`, which conditions read as the result of
    /// an output (`OT408`).
    static func reservedFieldID(_ field: FormField) -> Diagnostic {
        Diagnostic(
            code: .badField, severity: .error, span: field.span,
            message: .init(
                en:
                    "conditions read '\(field.id)' as the result of an output: a form field's id cannot begin with 'result.'",
                zh: "条件会把“\(field.id)”读作证照/结果的结果：表单字段名不能以“result.”开头"),
            hint: .init(en: "rename the field", zh: "请给字段换一个名字"))
    }
}
