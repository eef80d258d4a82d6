import OneThing

/// A small hand-built validation report that exercises every part of the renderers:
/// a Chinese line, a tab, a span of no width, notes (one in another file), hints,
/// a warning, and a file whose text is not at hand.
enum SampleReport {
    static let bundlePath = "bundles/open-restaurant.yaml"
    static let cataloguePath = "bundles/catalogue/departments.yaml"
    static let binaryPath = "bundles/scan.yaml"

    static let bundle = SourceFile(
        path: bundlePath,
        text: """
            id: open-restaurant
            title: 开办餐饮店一件事
            form:
              venue.area_m2: {type: number, label: 经营场所面积}
              owner.phone: {type: phone, label: 联系电话}
            items:
              food-permit:
                name: 食品经营许可
                department: 市场监管局
                when: venue.area_m2 >= 150 and nto business.prepackaged_only
                legal: 20 workdays
                promised:\t30 workdays
              fire-check:
                name: 消防安全检查
                name: 公众聚集场所投入使用前消防安全检查

            """)

    static let catalogue = SourceFile(
        path: cataloguePath,
        text: """
            departments:
              market-regulation:
                name: 市场监督管理局

            """)

    /// The span of the first `needle` on 1-based line `line` of `source`.
    static func span(of needle: String, line: Int, in source: SourceFile = bundle) -> SourceSpan {
        let text = source.line(line)
        let range = text.range(of: needle)!
        let column = text.unicodeScalars[..<range.lowerBound].count + 1
        return SourceSpan(
            file: source.path,
            start: SourceLocation(line: line, column: column),
            end: SourceLocation(line: line, column: column + needle.unicodeScalars.count))
    }

    static let unusedField = Diagnostic(
        code: .unusedField, severity: .warning, span: span(of: "owner.phone", line: 5),
        message: .init(en: "form field 'owner.phone' is never used", zh: "表单字段“owner.phone”没有被使用"),
        hint: .init(en: "remove it, or read it in a condition", zh: "删除该字段，或在条件中使用它"))

    static let missingKind = Diagnostic(
        code: .missingKey, severity: .error,
        span: SourceSpan(file: bundlePath, at: SourceLocation(line: 7, column: 15)),
        message: .init(en: "item 'food-permit' has no 'kind'", zh: "事项“food-permit”缺少“kind”"),
        hint: .init(en: "add a kind, such as 'kind: permit'", zh: "请添加事项类型，例如“kind: permit”"))

    static let unknownDepartment = Diagnostic(
        code: .unknownDepartment, severity: .error, span: span(of: "市场监管局", line: 9),
        message: .init(en: "unknown department '市场监管局'", zh: "未知部门“市场监管局”"),
        hint: .init(
            en: "name a department by its id: 'market-regulation'", zh: "请使用部门标识：“market-regulation”"),
        notes: [
            DiagnosticNote(
                span: span(of: "market-regulation", line: 2, in: catalogue),
                message: .init(
                    en: "市场监督管理局 is declared here", zh: "“市场监督管理局”在此声明"))
        ])

    static let conditionTypo = Diagnostic(
        code: .conditionSyntax, severity: .error, span: span(of: "nto", line: 10),
        message: .init(en: "unexpected word 'nto'", zh: "无法识别的词“nto”"),
        hint: .init(en: "did you mean 'not'?", zh: "是否应为“not”？"),
        fixes: [DiagnosticFix(span: span(of: "nto", line: 10), replacement: "not")])

    static let promiseTooLong = Diagnostic(
        code: .promiseExceedsLegal, severity: .error, span: span(of: "30 workdays", line: 12),
        message: .init(
            en: "the promised limit, 30 workdays, is longer than the legal limit, 20 workdays",
            zh: "承诺时限 30 个工作日超过法定时限 20 个工作日"),
        notes: [
            DiagnosticNote(
                span: span(of: "20 workdays", line: 11),
                message: .init(en: "the legal limit is set here", zh: "法定时限在此设定"))
        ])

    static let duplicateName = Diagnostic(
        code: .duplicateKey, severity: .error, span: span(of: "name", line: 15),
        message: .init(en: "the key 'name' appears twice", zh: "键“name”重复出现"),
        hint: .init(en: "keep one of the two", zh: "请只保留其中一个"),
        notes: [
            DiagnosticNote(
                span: span(of: "name", line: 14),
                message: .init(en: "'name' is first set here", zh: "“name”首次出现在此"))
        ])

    static let binary = Diagnostic.binaryFile(SourceSpan.wholeFile(binaryPath))

    /// The report: the catalogue (clean), the bundle, and a binary file.
    static let report = ValidationReport(files: [
        FileReport(path: cataloguePath, source: catalogue, diagnostics: []),
        FileReport(
            path: bundlePath, source: bundle,
            diagnostics: [
                unusedField, missingKind, unknownDepartment, conditionTypo, promiseTooLong, duplicateName,
            ]),
        FileReport(path: binaryPath, source: nil, diagnostics: [binary]),
    ])

    /// Renders the report with `renderer`.
    static func rendered(by renderer: some DiagnosticRenderer) -> String {
        renderer.render(report.diagnostics, fileCount: report.files.count, sources: report.source(of:))
    }
}
