import OneThing
import OneThingRuntime

/// The names a case's history is told in: departments from the catalogue, and the
/// bundle's title, materials and outputs when the bundle is at hand. Anything without
/// a name is shown by its id; English shows ids where only a Chinese name exists.
public struct CaseNames: Sendable {
    /// Departments by id.
    public var departments: [String: Department] = [:]
    /// Material names by id.
    public var materials: [String: String] = [:]
    /// Output names by id.
    public var outputs: [String: String] = [:]
    /// The bundle's title, when known.
    public var title: String?

    /// Names from `catalogue` and `bundle`, either of which may be missing.
    public init(catalogue: Catalogue? = nil, bundle: ServiceBundle? = nil) {
        if let catalogue {
            departments = catalogue.departments
            for (id, material) in catalogue.materials { materials[id] = material.name }
        }
        if let bundle {
            title = bundle.title
            for material in bundle.materials { materials[material.id.value] = material.name }
            for output in bundle.outputs { outputs[output.id.value] = output.name }
        }
    }

    /// A department's name.
    public func department(_ id: String, in language: Language) -> String {
        guard let department = departments[id] else { return id }
        return language == .zh ? department.name : department.englishName ?? id
    }

    /// A task's name: the item's name in Chinese, its id in English.
    public func task(_ task: CaseBlueprint.Task, in language: Language) -> String {
        language == .zh ? task.name : task.item
    }

    /// A material's name.
    public func material(_ id: String, in language: Language) -> String {
        language == .zh ? materials[id] ?? id : id
    }

    /// An output's name.
    public func output(_ id: String, in language: Language) -> String {
        language == .zh ? outputs[id] ?? id : id
    }
}
