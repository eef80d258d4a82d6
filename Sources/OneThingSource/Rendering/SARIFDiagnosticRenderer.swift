/// Renders findings as a SARIF 2.1.0 log, for code-scanning services such as
/// GitHub code scanning.
///
/// The log has one run. Its driver lists, as rules, every code that the findings
/// use, with the summary of ``DiagnosticCode/catalogue`` as short description. Each
/// finding is a result with its code as `ruleId`, its severity as `level`
/// (`error`, `warning`, `note`), its message (and hint, on a line of its own) as
/// text, its span as region, and its notes as related locations. Relative paths are
/// given relative to `%SRCROOT%`, the root of the checked-out sources; columns count
/// Unicode scalars (`columnKind` `unicodeCodePoints`) and end columns are exclusive.
public struct SARIFDiagnosticRenderer: DiagnosticRenderer, Sendable {
    /// The language of messages and rule descriptions.
    public var language: Language
    /// The version of the tool, as `onething --version` prints it.
    public var toolVersion: String
    /// The tool's home page, when it has one.
    public var informationURI: String?
    /// The page that explains a code, when there is one.
    public var helpURI: (@Sendable (DiagnosticCode) -> String)?

    /// Creates a SARIF renderer.
    public init(
        language: Language,
        toolVersion: String,
        informationURI: String? = nil,
        helpURI: (@Sendable (DiagnosticCode) -> String)? = nil
    ) {
        self.language = language
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.helpURI = helpURI
    }

    /// Renders the log, pretty-printed with sorted keys, with a final line break.
    public func render(
        _ diagnostics: [Diagnostic], fileCount: Int, sources: (String) -> SourceFile?
    ) -> String {
        let codes = Set(diagnostics.map(\.code)).sorted()
        let driver = SARIFDriver(
            name: "onething",
            informationUri: informationURI,
            version: toolVersion,
            rules: codes.map(rule))
        let results = diagnostics.map { diagnostic in
            SARIFResult(
                ruleId: diagnostic.code.rawValue,
                // Its rule's index among the sorted codes: the number of codes before its own.
                ruleIndex: codes.count { $0 < diagnostic.code },
                level: diagnostic.severity.rawValue,
                message: SARIFMessage(text: RenderingWords.messageWithHint(diagnostic, in: language)),
                locations: [SARIFLocation(physicalLocation: Self.physicalLocation(diagnostic.span))],
                relatedLocations: diagnostic.notes.isEmpty
                    ? nil
                    : diagnostic.notes.enumerated().map { index, note in
                        SARIFLocation(
                            id: index + 1,
                            physicalLocation: Self.physicalLocation(note.span),
                            message: SARIFMessage(text: note.message.text(in: language)))
                    },
                fixes: diagnostic.fixes.isEmpty
                    ? nil
                    : diagnostic.fixes.map { fix in
                        SARIFFix(
                            description: diagnostic.hint.map { SARIFMessage(text: $0.text(in: language)) },
                            artifactChanges: [
                                SARIFArtifactChange(
                                    artifactLocation: Self.artifactLocation(fix.span.file),
                                    replacements: [
                                        SARIFReplacement(
                                            deletedRegion: Self.physicalLocation(fix.span).region,
                                            insertedContent: SARIFArtifactContent(text: fix.replacement))
                                    ])
                            ])
                    })
        }
        let log = SARIFLog(runs: [SARIFRun(tool: SARIFTool(driver: driver), results: results)])
        return JSONDocumentText.of(log)
    }

    /// The rule of one code, described by its summary in the registry.
    private func rule(_ code: DiagnosticCode) -> SARIFRule {
        let entry = code.entry
        return SARIFRule(
            id: code.rawValue,
            shortDescription: SARIFMessage(text: entry?.summary.text(in: language) ?? code.rawValue),
            helpUri: helpURI?(code),
            defaultConfiguration: entry.map { SARIFConfiguration(level: $0.severity.rawValue) })
    }

    private static func physicalLocation(_ span: SourceSpan) -> SARIFPhysicalLocation {
        SARIFPhysicalLocation(
            artifactLocation: artifactLocation(span.file),
            region: SARIFRegion(
                startLine: span.start.line,
                startColumn: span.start.column,
                endLine: span.end.line,
                endColumn: span.end.column))
    }

    /// A path as SARIF wants it: a relative URI reference against `%SRCROOT%`, or a
    /// `file` URI for an absolute path; every byte but unreserved ones and `/` is
    /// percent-encoded.
    static func artifactLocation(_ path: String) -> SARIFArtifactLocation {
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        if relative.hasPrefix("/") {
            return SARIFArtifactLocation(uri: "file://" + percentEncoded(relative), uriBaseId: nil)
        }
        return SARIFArtifactLocation(uri: percentEncoded(relative), uriBaseId: "%SRCROOT%")
    }

    private static func percentEncoded(_ path: Substring) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return encoded
    }
}
