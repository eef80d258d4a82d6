/// Turns libyaml's error into a finding: OT107 for a tab used for indentation, OT101
/// with plain words for everything else.
enum YAMLSyntaxError {
    /// The finding for `failure`, which libyaml reported while reading `file`.
    static func diagnostic(for failure: LibYAMLFailure, in file: SourceFile, lines: YAMLLineMap) -> Diagnostic
    {
        let location =
            failure.isReaderError
            ? file.location(ofUTF8Offset: failure.problemOffset)
            : lines.location(failure.problemMark)
        if !failure.isReaderError, let tab = tabIndentation(at: location, in: file) {
            return .tabIndentation(SourceSpan(file: file.path, start: tab, end: tab.advanced(by: 1)))
        }
        if !failure.isReaderError, let found = fullWidthPunctuation(near: location, in: file) {
            return found
        }
        let text = YAMLProblemText(
            problem: failure.problem, context: failure.context,
            character: character(at: location, in: file), value: failure.problemValue)
        let problemSpan = SourceSpan(file: file.path, start: location, end: location.advanced(by: 1))
        guard let context = failure.context, !failure.isReaderError else {
            return .yamlSyntax(problemSpan, text: text, context: nil)
        }
        let contextLocation = lines.location(failure.contextMark)
        let contextSpan = SourceSpan(
            file: file.path, start: contextLocation, end: contextLocation.advanced(by: 1))
        if text.showAtContext { return .yamlSyntax(contextSpan, text: text, context: nil) }
        guard contextLocation != location else { return .yamlSyntax(problemSpan, text: text, context: nil) }
        return .yamlSyntax(
            problemSpan, text: text, context: (contextSpan, YAMLProblemText.contextNote(context)))
    }

    /// The tab behind libyaml's complaint, if a tab is to blame: the tab at the
    /// problem, or the first tab in the indentation of the problem's line.
    static func tabIndentation(at location: SourceLocation, in file: SourceFile) -> SourceLocation? {
        let line = Array(file.line(location.line).unicodeScalars)
        let column = location.column - 1
        if column >= 0, column < line.count, line[column] == "\t" { return location }
        let indentation = line.prefix { $0 == " " || $0 == "\t" }
        if let tab = indentation.firstIndex(of: "\t") {
            return SourceLocation(line: location.line, column: tab + 1)
        }
        return nil
    }

    /// OT101 at a full-width sign that stands where YAML needs punctuation, on the
    /// problem's line or the two lines before it: the
    /// usual cause of a key that "is missing its colon" when the colon is `：`.
    static func fullWidthPunctuation(near location: SourceLocation, in file: SourceFile)
        -> Diagnostic?
    {
        // A simple key is one line, so the key libyaml was reading starts at most a line
        // or two above the problem; lines further up (libyaml's context may be the start
        // of the mapping) are not searched, so that a colon in text far away is not blamed.
        let first = max(1, location.line - 2)
        for number in first...max(first, location.line) {
            if let found = FullWidthPunctuation.inStructure(ofLine: file.line(number)) {
                return found.diagnostic(
                    code: .yamlSyntax, file: file.path,
                    at: SourceLocation(line: number, column: found.offset + 1))
            }
        }
        return nil
    }

    /// The character at `location`, if the file has one there.
    static func character(at location: SourceLocation, in file: SourceFile) -> Unicode.Scalar? {
        let line = file.line(location.line).unicodeScalars
        guard location.column >= 1, location.column <= line.count else { return nil }
        return line[line.index(line.startIndex, offsetBy: location.column - 1)]
    }
}
