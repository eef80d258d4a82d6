import Foundation
import OneThingRuntime

/// Which kind of adapter serves a department when the command-line tool runs cases.
public enum AdapterKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A simulated department system (``SimulatedAdapter``): answers after a sampled delay.
    case simulated
    /// An officer decides by hand (``ManualAdapter``): `onething case approve …`.
    case manual
    /// The department's own system, over HTTP (``OneThingRuntime/HTTPDepartmentSettings``):
    /// `onething serve` pushes its tasks and takes its callbacks; the commands on a
    /// virtual clock (`run`, `simulate`, `case`) simulate it.
    case http
}

/// The service that provides fetched materials (电子证照, 数据共享): the adapters file's
/// `e-licence` entry.
public enum MaterialServiceSettings: Sendable, Hashable, Codable {
    /// Simulated (``SimulatedMaterialService``): each fetch is unavailable with this
    /// probability, drawn from the run's seed.
    case simulated(unavailable: Double)
    /// The service over HTTP, signed like a department's pushed tasks (`onething serve`;
    /// the commands on a virtual clock simulate it, always available).
    case http(HTTPDepartmentSettings)
}

/// The adapters configuration of a run: how simulated departments behave and which
/// departments an officer decides by hand. Configuration, never part of a bundle; read
/// from an adapters file (`grammar/adapters-format.md`).
public struct AdapterSettings: Sendable, Hashable, Codable {
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
    /// How each department of kind ``AdapterKind/http`` is reached, by department id.
    public var http: [String: HTTPDepartmentSettings] = [:]
    /// The service that provides fetched materials, when the file names one; without
    /// one nothing is fetched and fetched materials count as in hand.
    public var materialService: MaterialServiceSettings?

    /// The simulated service of a run on a virtual clock with `seed`, if the file names a
    /// service: the simulated one as configured, an HTTP one simulated as always available.
    public func simulatedMaterialService(seed: UInt64) -> SimulatedMaterialService? {
        switch materialService {
        case nil: nil
        case .simulated(let unavailable): SimulatedMaterialService(unavailable: unavailable, seed: seed)
        case .http: SimulatedMaterialService(unavailable: 0, seed: seed)
        }
    }

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

    /// The departments connected over HTTP.
    public var httpDepartments: [String] { http.keys.sorted() }
}

/// The adapters a case runs with, kept in the case database beside the case (as
/// metadata under ``metadataKey(for:)``), so that a later command on the case uses the
/// same departments: a manual department is never silently made simulated.
public struct CaseAdapters: Sendable, Hashable, Codable {
    /// Which department is which, and how the simulated ones behave.
    public var settings: AdapterSettings
    /// The seed the simulated departments and applicant draw from.
    public var seed: UInt64

    /// Creates the record.
    public init(settings: AdapterSettings, seed: UInt64) {
        self.settings = settings
        self.seed = seed
    }

    /// The metadata key of case `id`'s record.
    public static func metadataKey(for id: CaseID) -> String { "adapters/\(id)" }

    /// The record as JSON with sorted keys.
    public func json() throws(EncodingError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch let error as EncodingError {
            throw error
        } catch {
            throw EncodingError.invalidValue(self, .init(codingPath: [], debugDescription: "\(error)"))
        }
    }

    /// The record read back from ``json()``.
    ///
    /// - Throws: `DecodingError` when the text is not such a record.
    public init(json: String) throws {
        self = try JSONDecoder().decode(CaseAdapters.self, from: Data(json.utf8))
    }

    /// What differs between this record (`mine`) and `other` (`theirs`), one line per
    /// difference, for a message: which departments are manual in one and simulated in
    /// the other, who brings deferred materials, the seed, and simulated behaviour.
    public func differences(from other: CaseAdapters, departments: [String]) -> [Difference] {
        var found: [Difference] = []
        for department in departments.sorted() {
            let (mine, theirs) = (settings.kind(of: department), other.settings.kind(of: department))
            if mine != theirs {
                found.append(.department(department, mine: mine, theirs: theirs))
            } else if mine == .simulated,
                settings.simulation.department(department) != other.settings.simulation.department(department)
            {
                found.append(.behaviour(department))
            }
        }
        if settings.deferredMaterials != other.settings.deferredMaterials {
            found.append(
                .deferredMaterials(mine: settings.deferredMaterials, theirs: other.settings.deferredMaterials)
            )
        }
        if settings.simulation.deferredArrival != other.settings.simulation.deferredArrival {
            found.append(.deferredArrival)
        }
        if seed != other.seed { found.append(.seed(mine: seed, theirs: other.seed)) }
        return found
    }

    /// One difference between two records.
    public enum Difference: Sendable, Hashable {
        /// A department served by different kinds of adapter.
        case department(String, mine: AdapterKind, theirs: AdapterKind)
        /// A simulated department that behaves differently.
        case behaviour(String)
        /// Deferred materials brought by different kinds of applicant.
        case deferredMaterials(mine: AdapterKind, theirs: AdapterKind)
        /// The simulated applicant brings deferred materials on another schedule.
        case deferredArrival
        /// Different seeds.
        case seed(mine: UInt64, theirs: UInt64)
    }
}
