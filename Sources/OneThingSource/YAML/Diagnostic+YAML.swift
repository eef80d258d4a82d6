// The findings of the YAML stage (OT101–OT110), in English and in plain Chinese for
// policy staff who are not programmers.

extension Diagnostic {
    /// OT101: libyaml could not read the file; `text` is the translated problem.
    static func yamlSyntax(
        _ span: SourceSpan, text: YAMLProblemText, context: (span: SourceSpan, text: LocalizedText)?
    ) -> Diagnostic {
        Diagnostic(
            code: .yamlSyntax, severity: .error, span: span, message: text.message, hint: text.hint,
            notes: context.map { [DiagnosticNote(span: $0.span, message: $0.text)] } ?? [])
    }

    /// OT101: an alias names an anchor that is not defined before it.
    static func unknownAnchor(_ span: SourceSpan, name: String) -> Diagnostic {
        Diagnostic(
            code: .yamlSyntax, severity: .error, span: span,
            message: .init(
                en: "the alias ‘*\(name)’ refers to an anchor ‘&\(name)’ that is not defined before it",
                zh: "别名“*\(name)”引用的锚点“&\(name)”在它之前没有定义"),
            hint: .init(
                en: "define ‘&\(name)’ on a value earlier in the file, or check the spelling of the name",
                zh: "请先在前文的某个值上定义“&\(name)”，或检查名称是否写错"))
    }

    /// OT102: a key that the same mapping already has; the first one is kept.
    static func duplicateKey(_ key: YAMLScalar, first: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .duplicateKey, severity: .error, span: key.span,
            message: .init(
                en:
                    "the key ‘\(key.value)’ appears twice at the same level (first on line \(first.start.line)); "
                    + "only the first is read, and everything under this one is left out",
                zh: "键“\(key.value)”在同一层中出现了两次（第一次在第 \(first.start.line) 行）；只读取第一个，这一个及其下的内容都未读取"),
            hint: .init(
                en: "if the two are different entries (two items, two materials), give this one its own id; "
                    + "if they are the same, merge them into one",
                zh: "如果两者是不同的条目（两个事项、两种材料），请为这一个另取标识；如果是同一个，请合并为一个"),
            notes: [
                DiagnosticNote(
                    span: first, message: .init(en: "first written here", zh: "第一次出现在这里"))
            ])
    }

    /// OT103: aliases would add more nodes than the budget allows.
    static func aliasBudgetExceeded(_ span: SourceSpan, name: String, limit: Int) -> Diagnostic {
        Diagnostic(
            code: .aliasBudget, severity: .error, span: span,
            message: .init(
                en: "the alias ‘*\(name)’ makes the file expand to more than \(limit) values",
                zh: "别名“*\(name)”使文件展开后超过 \(limit) 个值"),
            hint: .init(
                en: "write the repeated part out or use fewer aliases; aliases of aliases multiply quickly",
                zh: "请直接写出重复的内容或减少别名；别名套别名会成倍增长"))
    }

    /// OT103: an alias used as a mapping key.
    static func aliasAsKey(_ span: SourceSpan, name: String) -> Diagnostic {
        Diagnostic(
            code: .aliasBudget, severity: .error, span: span,
            message: .init(
                en: "an alias (‘*\(name)’) cannot be used as a key",
                zh: "别名（“*\(name)”）不能用作键"),
            hint: .init(en: "write the key out as text", zh: "请直接把键写成文字"))
    }

    /// OT104: a mapping or list nested deeper than the limit.
    static func nestingTooDeep(_ span: SourceSpan, limit: Int) -> Diagnostic {
        Diagnostic(
            code: .nestingTooDeep, severity: .error, span: span,
            message: .init(
                en: "the file nests more than \(limit) levels deep here",
                zh: "文件在这里的嵌套超过了 \(limit) 层"),
            hint: .init(
                en: "a bundle never needs this much nesting; check the indentation and unclosed brackets",
                zh: "一件事文件不需要这么多层；请检查缩进以及括号是否成对"))
    }

    /// OT105: the file is larger than the limit; it is not read.
    public static func fileTooLarge(_ file: String, size: Int, limit: Int) -> Diagnostic {
        let size = Self.mebibytes(size)
        let limit = Self.mebibytes(limit)
        return Diagnostic(
            code: .fileTooLarge, severity: .error, span: .wholeFile(file),
            message: .init(
                en: "the file is \(size) MiB, more than the limit of \(limit) MiB, so it was not read",
                zh: "文件大小为 \(size) MiB，超过上限 \(limit) MiB，未读取"),
            hint: .init(
                en: "check that the right file was named; a bundle file is normally far smaller",
                zh: "请确认文件是否选对；一件事文件通常远小于此"))
    }

    /// OT107: a tab where YAML needs spaces.
    static func tabIndentation(_ span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .tabIndentation, severity: .error, span: span,
            message: .init(en: "a tab is used for indentation", zh: "这里用了制表符（Tab）缩进"),
            hint: .init(
                en: "YAML indents with spaces only: replace the tab with spaces "
                    + "(most editors can be set to insert spaces for Tab)",
                zh: "YAML 只能用空格缩进：请把制表符换成空格（编辑器一般可设置为按 Tab 键插入空格）"))
    }

    /// OT108: the file holds no content.
    static func emptyFile(_ file: String) -> Diagnostic {
        Diagnostic(
            code: .emptyFile, severity: .error, span: .wholeFile(file),
            message: .init(
                en: "the file is empty: it holds only blank lines or comments",
                zh: "文件是空的：只有空行或注释"),
            hint: .init(
                en: "write the bundle's keys (id, title, …) or check that the right file was named",
                zh: "请填写一件事的各项内容（id、title 等），或确认文件是否选对"))
    }

    /// OT109: a second document (after `---`) in the file.
    static func multipleDocuments(_ span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .multipleDocuments, severity: .error, span: span,
            message: .init(
                en: "a second document starts here; a file holds exactly one",
                zh: "这里开始了第二个文档；一个文件只能有一个文档"),
            hint: .init(
                en: "a line ‘---’ starts a new document: remove it, or move what follows to its own file",
                zh: "“---”这一行表示开始新文档：请删除它，或把后面的内容放到单独的文件中"))
    }

    /// OT110: a mapping key that is a list or a mapping.
    static func complexKey(_ span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .complexKey, severity: .error, span: span,
            message: .init(
                en: "a key must be a piece of text, not a list or a mapping",
                zh: "键必须是一段文字，不能是列表或映射"),
            hint: .init(
                en: "write the key as text followed by a colon and a space (‘key: value’)",
                zh: "请把键写成文字，后面接冒号和空格（“键: 值”）"))
    }

    /// A size in MiB with one decimal, for messages.
    private static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
