import OneThing
import OneThingRuntime

/// Which kind of adapter serves a department when the command-line tool runs cases.
public enum AdapterKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A simulated department system (``SimulatedAdapter``): answers after a sampled delay.
    case simulated
    /// An officer decides by hand (``ManualAdapter``): `onething case approve …`.
    case manual
}

/// The adapters configuration of a run: how simulated departments behave and which
/// departments an officer decides by hand. Configuration, never part of a bundle; read
/// from an adapters file (`grammar/adapters-format.md`).
public struct AdapterSettings: Sendable, Hashable {
    /// How simulated departments behave (and how the simulated applicant answers).
    public var simulation: SimulationSettings
    /// The kind of adapter of every department not named in ``kinds``.
    public var defaultKind: AdapterKind
    /// The kind of adapter by department id, where it differs from the default.
    public var kinds: [String: AdapterKind]
    /// Who brings the deferred materials (容缺): the simulated applicant, after a share
    /// of the deadline drawn from ``SimulationSettings/deferredArrival``, or a person
    /// by hand (`onething case supply`).
    public var deferredMaterials: AdapterKind

    /// Creates settings; by default every department is simulated with the default behaviour.
    public init(
        simulation: SimulationSettings = SimulationSettings(), defaultKind: AdapterKind = .simulated,
        kinds: [String: AdapterKind] = [:], deferredMaterials: AdapterKind = .simulated
    ) {
        self.simulation = simulation
        self.defaultKind = defaultKind
        self.kinds = kinds
        self.deferredMaterials = deferredMaterials
    }

    /// The kind of adapter that serves `department`.
    public func kind(of department: String) -> AdapterKind { kinds[department] ?? defaultKind }

    /// The departments named as manual (the default kind aside).
    public var manualDepartments: [String] { kinds.filter { $0.value == .manual }.keys.sorted() }
}
