import OneThingConditions

/// The condition stage's checks of one bundle: every `when:` of items and lead
/// rules, the form's declarations, unused fields, and the test cases' answers.
enum BundleConditions {
    /// What the condition stage found, and the checked conditions for the plan stage.
    struct Result {
        /// The findings.
        var diagnostics: [Diagnostic]
        /// The checks' result: checked conditions by owner, and the answer space.
        var conditions: ConditionCheckResult
    }

    static func check(_ bundle: ServiceBundle, source: SourceFile, reportUnused: Bool) -> Result {
        let checker = ConditionChecker(form: bundle.form, file: source)
        let result = checker.check(OwnedCondition.all(in: bundle))
        var diagnostics = result.diagnostics
        diagnostics += checker.declarationDiagnostics()
        // A condition that did not check may read fields that would look unused.
        if reportUnused, result.entries.allSatisfy({ $0.checked != nil }) {
            diagnostics += checker.unusedFieldDiagnostics(read: result.readFields)
        }
        diagnostics += testAnswerDiagnostics(bundle)
        return Result(diagnostics: diagnostics, conditions: result)
    }

    /// Each test answer must name a form field and fit its type.
    static func testAnswerDiagnostics(_ bundle: ServiceBundle) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let ids = bundle.form.fields.map(\.id)
        for test in bundle.tests {
            for answer in test.answers {
                guard let field = bundle.form[answer.field] else {
                    found.append(
                        Diagnostic(
                            code: .unknownField, severity: .error, span: answer.span,
                            message: .init(
                                en:
                                    "test case '\(test.name.value)' answers '\(answer.field)', which the form does not have",
                                zh: "测试用例“\(test.name.value)”回答了表单中没有的字段“\(answer.field)”"),
                            hint: Suggestion.hint(for: answer.field, among: ids)))
                    continue
                }
                if ConditionValue(answer: answer.node, for: field) == nil {
                    found.append(.badTestAnswer(answer, field: field, test: test.name.value))
                }
            }
        }
        return found
    }
}

extension Diagnostic {
    /// A test answer that does not fit its field.
    static func badTestAnswer(_ answer: Answer, field: FormField, test: String) -> Diagnostic {
        let shown = answer.node.scalar?.value ?? answer.node.kindName.en
        let expected: LocalizedText =
            switch field.type {
            case .bool: .init(en: "true or false", zh: "true 或 false")
            case .integer: .init(en: "a whole number", zh: "整数")
            case .number: .init(en: "a number", zh: "数字")
            case .date: .init(en: "a date YYYY-MM-DD", zh: "日期 YYYY-MM-DD")
            case .enum:
                .init(
                    en: "one of \(field.values.map(\.id).joined(separator: ", "))",
                    zh: "\(field.values.map(\.id).joined(separator: "、")) 之一")
            default: .init(en: "text", zh: "文本")
            }
        return Diagnostic(
            code: .badTestAnswer, severity: .error, span: answer.node.span,
            message: .init(
                en:
                    "test case '\(test)': '\(shown)' is not an answer to '\(field.id)' (\(field.type.rawValue))",
                zh: "测试用例“\(test)”：“\(shown)”不是字段“\(field.id)”（\(field.type.rawValue)）的有效答案"),
            hint: .init(en: "answer with \(expected.en)", zh: "请填写\(expected.zh)"),
            notes: [
                DiagnosticNote(
                    span: field.span, message: .init(en: "the field is declared here", zh: "字段在此声明"))
            ])
    }
}
