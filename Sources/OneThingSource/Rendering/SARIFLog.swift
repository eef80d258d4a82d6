// The part of the SARIF 2.1.0 object model that the SARIF renderer writes. Optional
// properties are left out of the output when `nil`.

/// The top-level SARIF object.
struct SARIFLog: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [SARIFRun]

    private enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }
}

/// One run of one tool.
struct SARIFRun: Encodable {
    var tool: SARIFTool
    /// How columns are counted; ours count Unicode scalars, not UTF-16 code units.
    var columnKind = "unicodeCodePoints"
    var results: [SARIFResult]
}

/// The tool that produced a run.
struct SARIFTool: Encodable {
    var driver: SARIFDriver
}

/// The tool's main component, with the rules its results refer to.
struct SARIFDriver: Encodable {
    var name: String
    var informationUri: String?
    var version: String
    var rules: [SARIFRule]
}

/// One diagnostic code as a SARIF rule.
struct SARIFRule: Encodable {
    var id: String
    var shortDescription: SARIFMessage
    var helpUri: String?
    var defaultConfiguration: SARIFConfiguration?
}

/// The default settings of a rule.
struct SARIFConfiguration: Encodable {
    var level: String
}

/// One finding.
struct SARIFResult: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: SARIFMessage
    var locations: [SARIFLocation]
    var relatedLocations: [SARIFLocation]?
    var fixes: [SARIFFix]?
}

/// A fix of a result: the replacements in one file that the hint suggests.
struct SARIFFix: Encodable {
    var description: SARIFMessage?
    var artifactChanges: [SARIFArtifactChange]
}

/// The changes a fix makes to one file.
struct SARIFArtifactChange: Encodable {
    var artifactLocation: SARIFArtifactLocation
    var replacements: [SARIFReplacement]
}

/// A region deleted and the text inserted in its place.
struct SARIFReplacement: Encodable {
    var deletedRegion: SARIFRegion
    var insertedContent: SARIFArtifactContent
}

/// Text content of a file.
struct SARIFArtifactContent: Encodable {
    var text: String
}

/// A place in a file, with an optional id and message (for related locations).
struct SARIFLocation: Encodable {
    var id: Int?
    var physicalLocation: SARIFPhysicalLocation
    var message: SARIFMessage?
}

/// A file and a region in it.
struct SARIFPhysicalLocation: Encodable {
    var artifactLocation: SARIFArtifactLocation
    var region: SARIFRegion
}

/// A file, by URI: relative to `%SRCROOT%`, or absolute.
struct SARIFArtifactLocation: Encodable {
    var uri: String
    var uriBaseId: String?
}

/// A text region: 1-based lines and columns, the end column exclusive.
struct SARIFRegion: Encodable {
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
}

/// A plain-text message.
struct SARIFMessage: Encodable {
    var text: String
}
