#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The text of a document that a JSON renderer writes: pretty-printed, keys sorted and
/// slashes unescaped, with a final line break, so that the same findings always give
/// the same bytes.
package enum JSONDocumentText {
    /// The text of `document`, one of the renderers' own document types.
    ///
    /// These documents hold strings, integers, optionals and arrays of them only.
    /// `JSONEncoder` throws only for a floating-point number that is not finite or a
    /// value that encodes nothing, and these documents can hold neither, whatever the
    /// findings say: an error here is a bug in a document type, so it stops the program
    /// (a precondition) rather than print a truncated document.
    package static func of(_ document: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("a rendered JSON document cannot be encoded: \(error)")
        }
    }
}
