import OneThingSource

extension CaseBlueprint.ResultProblem {
    /// The problem in both languages: the English is its description.
    public var text: LocalizedText {
        let zh: String =
            switch self {
            case .notProduced(let output, let produced):
                "“\(output)”不是该环节作出的结果"
                    + (produced.isEmpty ? "（该环节不作出结果）" : "（其结果：\(produced.joined(separator: "、"))）")
            case .undeclaredValue(let output, let value, let declared):
                "“\(value)”不是“\(output)”声明的取值（可取：\(declared.joined(separator: "、"))）"
            case .missing(let output, let declared):
                "准予时须给出“\(output)”的结果（\(declared.joined(separator: "、")) 之一），后续环节依此确定是否办理"
            case .notAnApproval(let outputs):
                "只有准予时才记录办理结果（\(outputs.joined(separator: "、"))）"
            }
        return LocalizedText(en: description, zh: zh)
    }
}
