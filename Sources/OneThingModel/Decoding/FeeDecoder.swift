import OneThingSource

/// Reads an item's `fee:`: a number of yuan, `free`, `{amount, basis}` or
/// `{by-law: basis}`.
enum FeeDecoder {
    /// The keys of a fee written as a mapping.
    static let keys = ["amount", "basis", "by-law"]

    static func decode(_ node: YAMLNode, reader: inout NodeReader) -> Fee? {
        if case .scalar(let s) = node, s.style == .plain, s.value == "free" || s.value == "免费" {
            return .free(basis: [])
        }
        if case .scalar(let s) = node, s.style == .plain, NodeReader.decimal(s.value) == nil,
            reader.fullWidth(in: s) == nil
        {
            reader.report(
                Diagnostic(
                    code: .wrongType, severity: .error, span: s.span,
                    message: .init(
                        en: "expected a fee, found '\(s.value)'", zh: "此处应为收费，实际是“\(s.value)”"),
                    hint: .init(
                        en:
                            "write a number of yuan (fee: 80), 'free', '{amount: 80, basis: …}' or '{by-law: …}'",
                        zh: "请写元数（fee: 80）、free、“{amount: 80, basis: …}”或“{by-law: …}”")))
            return nil
        }
        guard case .mapping = node else {
            return amount(node, reader: &reader).map { $0 == 0 ? .free(basis: []) : .amount($0, basis: []) }
        }
        let what = LocalizedText(en: "a fee", zh: "收费")
        guard let f = reader.mapping(node, what: what, owner: node.span, known: keys) else { return nil }
        switch (f["by-law"], f["amount"]) {
        case (let byLaw?, nil):
            if let basis = f.keySpan("basis") {
                reader.report(
                    Diagnostic(
                        code: .badValue, severity: .error, span: basis,
                        message: .init(
                            en: "a fee 'by-law' names its basis itself", zh: "“by-law”收费本身就写明依据"),
                        hint: .init(
                            en: "write the basis after 'by-law:' and remove 'basis:'",
                            zh: "请把依据写在“by-law:”之后，并删去“basis:”")))
            }
            let basis = LegalBasisDecoder.decode(byLaw, reader: &reader)
            return basis.isEmpty ? nil : .byLaw(basis: basis)
        case (nil, let amountNode?):
            let basis = f["basis"].map { LegalBasisDecoder.decode($0, reader: &reader) } ?? []
            return amount(amountNode, reader: &reader).map {
                $0 == 0 ? .free(basis: basis) : .amount($0, basis: basis)
            }
        case (.some, .some):
            reader.report(
                Diagnostic(
                    code: .badValue, severity: .error, span: f.keySpan("by-law") ?? node.span,
                    message: .init(
                        en: "a fee is either an amount or 'by-law', not both",
                        zh: "收费要么写金额（amount），要么写“by-law”（依规定收费），不能同时写"),
                    hint: .init(
                        en:
                            "keep 'amount:' when the amount is known, else 'by-law:' with the basis that sets it",
                        zh: "金额已知的保留“amount:”，否则保留“by-law:”并写明规定收费的依据")))
            return nil
        case (nil, nil):
            reader.report(
                Diagnostic(
                    code: .missingKey, severity: .error, span: node.span,
                    message: .init(
                        en: "a fee written as a mapping needs 'amount:' or 'by-law:'",
                        zh: "以映射写的收费需要“amount:”或“by-law:”"),
                    hint: .init(
                        en: "write 'fee: {amount: 80, basis: …}', 'fee: {by-law: …}', or 'fee: free'",
                        zh: "请写“fee: {amount: 80, basis: …}”“fee: {by-law: …}”或“fee: free”")))
            return nil
        }
    }

    /// An amount of yuan ≥ 0.
    private static func amount(_ node: YAMLNode, reader: inout NodeReader) -> Double? {
        guard let value = reader.number(node) else { return nil }
        guard value >= 0 else {
            reader.report(
                Diagnostic(
                    code: .badValue, severity: .error, span: node.span,
                    message: .init(en: "a fee cannot be negative", zh: "收费金额不能为负数"),
                    hint: .init(en: "write 'free' or 0 for a free item", zh: "免费事项请写 free 或 0")))
            return nil
        }
        return value
    }
}
