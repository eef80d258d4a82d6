import OneThingSource

/// Reads an answers file: one applicant's answers to a bundle's form, as a mapping
/// from field id to answer. Nested mappings are read as dotted ids, so
/// `venue: {area_m2: 80}` answers `venue.area_m2`.
public enum AnswersDecoder {
    /// The answers in `root`, and what was found on the way.
    public static func decode(_ root: YAMLNode) -> (answers: [Answer], diagnostics: [Diagnostic]) {
        var reader = NodeReader()
        let answers = TestCaseDecoder.decodeAnswers(root, reader: &reader)
        return (answers, reader.diagnostics)
    }
}
