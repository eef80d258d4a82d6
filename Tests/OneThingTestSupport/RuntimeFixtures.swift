import Foundation
import OneThing
import OneThingPlan
import OneThingRuntime

/// The real bundles, their plans and blueprints, and the real calendar, for the tests
/// of the runtime and what builds on it.
public enum RuntimeFixtures {
    /// The package's root folder.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Why a fixture could not be made.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The real bundle `name` (a file of `bundles/`), loaded and valid.
    public static func loaded(_ name: String) throws -> BundleLoader.Loaded {
        guard
            case .loaded(let loaded) = try BundleLoader.load(
                path: root.appendingPathComponent("bundles/\(name)").path)
        else { throw Failure(description: "bundles/\(name) is not valid") }
        return loaded
    }

    /// The plan of a real bundle for one of its test cases.
    public static func plan(_ name: String, case caseName: String) throws -> Plan {
        let loaded = try loaded(name)
        guard let test = loaded.bundle.tests.first(where: { $0.name.value == caseName }) else {
            throw Failure(description: "bundles/\(name) has no test case '\(caseName)'")
        }
        return try loaded.builder.plan(for: test.answers, missingAt: test.name.span)
    }

    /// The blueprint of a real bundle's test case, named from its catalogue.
    public static func blueprint(_ name: String, case caseName: String) throws -> CaseBlueprint {
        CaseBlueprint(plan: try plan(name, case: caseName), catalogue: try loaded(name).catalogue)
    }

    /// The restaurant's worst case: every kind of material, a joint inspection.
    public static let restaurantWorstCase = "新办餐饮店，一般程序消防，设招牌并售烟（最坏情况）"
    /// A restaurant case with a deferred and a commitment material.
    public static let restaurantWithGaps = "新办餐饮店，消防告知承诺，设招牌，不售烟（容缺与承诺材料）"

    /// The plan of one of the restaurant's test cases.
    public static func restaurant(_ caseName: String = restaurantWorstCase) throws -> Plan {
        try plan("open-restaurant.yaml", case: caseName)
    }

    /// The blueprint of one of the restaurant's test cases.
    public static func restaurantBlueprint(_ caseName: String = restaurantWorstCase) throws -> CaseBlueprint {
        try blueprint("open-restaurant.yaml", case: caseName)
    }

    /// The real catalogue's calendar of the mainland.
    public static func calendar() throws -> WorkdayCalendar {
        try loaded("open-restaurant.yaml").catalogue.calendar(region: "CN")
    }

    /// A start record for a case of `blueprint`: the core materials brought, unless told otherwise.
    public static func start(for blueprint: CaseBlueprint, provided: [String]? = nil) -> CaseStart {
        CaseStart(
            bundle: blueprint.bundle, version: blueprint.version, answers: [:],
            provided: provided ?? blueprint.core, lead: blueprint.lead, blueprint: blueprint.fingerprint)
    }

    /// The moment `2026-03-02 09:00` (China Standard Time) names.
    public static func at(_ text: String) -> Timestamp {
        let parts = text.split(separator: " ")
        guard let date = parts.first.flatMap({ CalendarDate($0) }) else { return Timestamp(milliseconds: 0) }
        let clock = parts.count > 1 ? parts[1].split(separator: ":").compactMap { Int($0) } : [0, 0]
        return Timestamp(china: date, hour: clock.first ?? 0, minute: clock.count > 1 ? clock[1] : 0)
    }
}
