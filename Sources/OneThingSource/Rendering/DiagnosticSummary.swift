/// The counts of one validation run, and the sentence that ends the text output:
/// `2 errors, 1 warning in 3 files` or `3 个文件中有 2 个错误、1 个警告`.
public struct DiagnosticSummary: Hashable, Sendable {
    /// The number of errors.
    public var errorCount: Int
    /// The number of warnings.
    public var warningCount: Int
    /// The number of files read.
    public var fileCount: Int

    /// Creates a summary from counts.
    public init(errorCount: Int, warningCount: Int, fileCount: Int) {
        self.errorCount = errorCount
        self.warningCount = warningCount
        self.fileCount = fileCount
    }

    /// Counts the errors and warnings among `diagnostics` (notes do not count).
    public init(_ diagnostics: [Diagnostic], fileCount: Int) {
        self.init(
            errorCount: diagnostics.count { $0.severity == .error },
            warningCount: diagnostics.count { $0.severity == .warning },
            fileCount: fileCount)
    }

    /// The summary sentence in `language`, without a final line break.
    public func sentence(in language: Language) -> String {
        switch language {
        case .en: englishSentence
        case .zh: chineseSentence
        }
    }

    private var englishSentence: String {
        let files = Self.counted(fileCount, "file", "files")
        if fileCount == 0 && errorCount == 0 && warningCount == 0 { return "no files to check" }
        var counts: [String] = []
        if errorCount > 0 { counts.append(Self.counted(errorCount, "error", "errors")) }
        if warningCount > 0 { counts.append(Self.counted(warningCount, "warning", "warnings")) }
        if counts.isEmpty { return "no errors or warnings in \(files)" }
        return "\(counts.joined(separator: ", ")) in \(files)"
    }

    private var chineseSentence: String {
        if fileCount == 0 && errorCount == 0 && warningCount == 0 { return "没有需要检查的文件" }
        var counts: [String] = []
        if errorCount > 0 { counts.append("\(errorCount) 个错误") }
        if warningCount > 0 { counts.append("\(warningCount) 个警告") }
        if counts.isEmpty { return "\(fileCount) 个文件中没有错误或警告" }
        return "\(fileCount) 个文件中有 \(counts.joined(separator: "、"))"
    }

    private static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }
}
