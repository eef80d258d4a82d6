// The findings of the source stage: bytes that are not text.

extension Diagnostic {
    /// The file holds a NUL byte: it is binary, not a bundle.
    public static func binaryFile(_ span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .notText, severity: .error, span: span,
            message: .init(
                en: "this is a binary file, not YAML text (it contains a NUL byte)",
                zh: "这是二进制文件，不是 YAML 文本（含有 NUL 字节）"),
            hint: .init(
                en: "bundle files are plain UTF-8 text; check that the right file was named",
                zh: "一件事文件应为 UTF-8 纯文本；请确认文件是否选对"))
    }

    /// The file holds a byte that is not valid UTF-8.
    public static func invalidUTF8(_ span: SourceSpan, byte: UInt8) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return Diagnostic(
            code: .notText, severity: .error, span: span,
            message: .init(
                en: "invalid UTF-8: byte 0x\(hex) cannot stand here",
                zh: "无效的 UTF-8 编码：字节 0x\(hex) 不能出现在这里"),
            hint: .init(
                en: "save the file as UTF-8 (files saved as GBK or GB2312 are a common cause)",
                zh: "请将文件另存为 UTF-8 编码（常见原因是以 GBK/GB2312 保存）"))
    }
}
