import Foundation
import OneThing

/// A file the editor has open: its text as the editor has it (not as on disk), and
/// what the validator found in it.
struct OpenDocument: Sendable {
    /// What kind of file it is, from where it lies.
    enum Kind: Hashable, Sendable {
        /// A bundle, checked against the catalogue folder found as `validate` finds it
        /// (`nil` when there is none).
        case bundle(catalogue: String?)
        /// A file of the catalogue folder `folder`.
        case catalogue(folder: String)
    }

    /// The document's URI, as the editor names it.
    var uri: String
    /// The path findings name (the file's path for a `file:` URI, the URI otherwise).
    var path: String
    /// The editor's version of the text.
    var version: Int
    /// The text as the editor has it.
    var source: SourceFile
    /// What kind of file it is.
    var kind: Kind
    /// The findings about the current text.
    var diagnostics: [Diagnostic] = []
    /// The bundle as last decoded; kept while the text does not decode, so that names
    /// and places stay known while the user types.
    var bundle: ServiceBundle?

    /// A document for `uri` with `text`.
    init(uri: String, text: String, version: Int) {
        self.uri = uri
        self.path = OpenDocument.path(ofURI: uri)
        self.version = version
        self.source = SourceFile(path: path, text: text)
        self.kind =
            SourceTree.isInCatalogue(path)
            ? .catalogue(folder: (SourceTree.canonical(path) as NSString).deletingLastPathComponent)
            : .bundle(catalogue: SourceTree.catalogueFolder(for: path))
    }

    /// The path of a `file:` URI, percent-decoded; any other URI as it is.
    static func path(ofURI uri: String) -> String {
        guard uri.hasPrefix("file://"), let url = URL(string: uri), url.isFileURL else { return uri }
        return url.path
    }

    /// The `file:` URI of an absolute path.
    static func uri(ofPath path: String) -> String {
        path.hasPrefix("/") ? URL(fileURLWithPath: path).absoluteString : path
    }
}
