import Foundation
import OneThing
import OneThingRuntime

/// The adapters file: which department systems a run of the command line talks to and
/// how the simulated ones behave. Configuration, never part of a bundle; the format is
/// in `grammar/adapters-format.md`.
///
/// ```yaml
/// defaults:                 # every department not named below
///   adapter: simulated      # simulated | manual
///   latency: {min: 0.3, mode: 0.7, max: 1.1}   # fraction of the task's promised limit
///   reject: 0.01
/// departments:
///   water-drainage: {latency: {min: 0.5, mode: 0.9, max: 1.4}}
///   fire-rescue: {adapter: manual}
/// ```
///
/// Findings name file, line and column like every other finding of OneThing: an
/// unknown key (with the closest known one), a value of the wrong type, a probability
/// outside 0–1, a department the catalogue does not know.
public enum AdaptersFile {
    /// The keys of the file's top level.
    public static let topKeys = ["defaults", "departments", "deferred-arrival", "e-licence"]
    /// The keys of the `e-licence` entry: the kind of service, the simulated one's
    /// probability of being unavailable, and the keys of an http service.
    public static let eLicenceKeys = ["adapter", "unavailable"] + httpKeys
    /// The keys of `defaults` and of each department's entry.
    public static let departmentKeys = [
        "adapter", "latency", "latency-days", "latency-hours", "reject", "supplement", "supplement-response",
        "errors", "timeouts", "url", "secret-env", "secret-file", "timeout", "retries", "backoff", "breaker",
        "in-flight",
    ]
    /// The keys that only a department of `adapter: http` takes.
    public static let httpKeys = [
        "url", "secret-env", "secret-file", "timeout", "retries", "backoff", "breaker", "in-flight",
    ]
    /// The keys of `backoff`: seconds before the first retry, and the longest wait.
    public static let backoffKeys = ["base", "cap"]
    /// The keys of `breaker`: failures in a row that open it, seconds it stays open.
    public static let breakerKeys = ["failures", "cool-down"]
    /// The keys of a triangular distribution.
    public static let distributionKeys = ["min", "mode", "max"]

    /// An adapters file, read.
    public struct Loaded: Sendable {
        /// The settings (the defaults where the file has errors).
        public let settings: AdapterSettings
        /// The file's text, when it could be read as text (for quoting it in findings).
        public let source: SourceFile?
        /// The findings.
        public let diagnostics: [Diagnostic]

        /// Whether a finding is an error: the settings must not be used.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Reads the adapters file at `path`; `departments`, when given, are the
    /// department ids the catalogue knows, against which the file's names are checked.
    public static func load(path: String, departments: Set<String>? = nil, limits: YAMLLimits = .default)
        -> Loaded
    {
        let (source, document) = SourceReader.read(path: path, limits: limits)
        if document.root == nil, document.diagnostics.map(\.code) == [.emptyFile] {
            return Loaded(
                settings: AdapterSettings(), source: source, diagnostics: [.emptyAdaptersFile(path)])
        }
        guard let root = document.root else {
            return Loaded(settings: AdapterSettings(), source: source, diagnostics: document.diagnostics)
        }
        let (settings, findings) = decode(root, departments: departments)
        let diagnostics = (document.diagnostics + findings).sorted(by: Diagnostic.sourceOrder)
        return Loaded(settings: settings, source: source, diagnostics: diagnostics)
    }

    /// Decodes the settings from a composed file; every problem is a finding.
    public static func decode(_ root: YAMLNode, departments known: Set<String>? = nil)
        -> (AdapterSettings, [Diagnostic])
    {
        var reader = AdaptersFileReader()
        var settings = AdapterSettings()
        guard let top = reader.mapping(root, what: .adaptersFile, known: topKeys) else {
            return (settings, reader.diagnostics)
        }
        if let defaults = top["defaults"] {
            let entry = reader.department(defaults, what: .defaults, inheriting: settings.simulation.defaults)
            settings.simulation.defaults = entry.behaviour
            settings.defaultKind = entry.kind ?? .simulated
        }
        if let arrival = top["deferred-arrival"] {
            if arrival.scalar?.value == AdapterKind.manual.rawValue {
                settings.deferredMaterials = .manual
            } else if let value = reader.distribution(arrival, atMost: AdaptersFileReader.Limits.fraction) {
                settings.simulation.deferredArrival = value
            }
        }
        if let service = top["e-licence"] {
            settings.materialService = reader.materialService(service)
        }
        if let departments = top["departments"] {
            for (key, value) in reader.table(departments, what: .departments) {
                if let known, !known.contains(key.value) {
                    reader.report(.unknownAdapterDepartment(key, known: known))
                }
                let entry = reader.department(
                    value, what: .department(key.value), inheriting: settings.simulation.defaults)
                settings.simulation.departments[key.value] = entry.behaviour
                if let kind = entry.kind { settings.kinds[key.value] = kind }
                if let http = entry.http { settings.http[key.value] = http }
            }
        }
        return (settings, reader.diagnostics)
    }
}
