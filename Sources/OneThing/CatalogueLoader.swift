import Foundation

/// Loads a `catalogue` folder: every catalogue file in it, merged into one
/// ``Catalogue``, with the findings per file.
public enum CatalogueLoader {
    /// A loaded catalogue folder.
    public struct Loaded: Sendable {
        /// The merged catalogue.
        public var catalogue: Catalogue
        /// The report of every file in the folder, by canonical path.
        public var reports: [String: FileReport]

        /// Whether any file of the folder has an error.
        public var hasErrors: Bool {
            reports.values.contains { $0.diagnostics.contains { $0.severity == .error } }
        }
    }

    /// Loads the catalogue folder at `folder`.
    public static func load(folder: String, limits: YAMLLimits = .default) -> Loaded {
        let canonical = SourceTree.canonical(folder)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return load(
            folder: canonical,
            displayPath: { $0.hasPrefix(canonical + "/") ? prefix + $0.dropFirst(canonical.count + 1) : $0 },
            limits: limits)
    }

    /// Loads the catalogue folder at `folder`; `displayPaths` maps canonical paths to
    /// the paths the user will see.
    static func load(folder: String, displayPath: (String) -> String, limits: YAMLLimits) -> Loaded {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
        var catalogue = Catalogue()
        // Set once, at the end: the catalogue builds its calendars when its years are set.
        var calendarYears: [CalendarYear] = []
        var reports: [String: FileReport] = [:]
        var firstDepartment: [String: SourceSpan] = [:]
        var firstMaterial: [String: SourceSpan] = [:]
        var firstYear: [String: SourceSpan] = [:]
        for name in names {
            let canonical = folder + "/" + name
            let path = displayPath(canonical)
            let (source, document) = SourceReader.read(path: path, limits: limits)
            var diagnostics = document.diagnostics
            if let root = document.root {
                let result = CatalogueDecoder.decode(root)
                diagnostics += result.diagnostics
                switch result.content {
                case .departments(let departments):
                    for department in departments {
                        if let first = firstDepartment[department.id.value] {
                            diagnostics.append(
                                .duplicateName(
                                    department.id, first: first, what: .init(en: "department", zh: "部门")))
                        } else {
                            firstDepartment[department.id.value] = department.id.span
                            catalogue.departments[department.id.value] = department
                        }
                    }
                case .materials(let materials):
                    for material in materials {
                        if let first = firstMaterial[material.id.value] {
                            diagnostics.append(
                                .duplicateName(
                                    material.id, first: first, what: .init(en: "material", zh: "材料")))
                        } else {
                            firstMaterial[material.id.value] = material.id.span
                            catalogue.materials[material.id.value] = material
                        }
                        if material.source == .output {
                            diagnostics.append(
                                Diagnostic(
                                    code: .badValue, severity: .error, span: material.id.span,
                                    message: .init(
                                        en: "a common material cannot be the output of an item",
                                        zh: "共享材料不能是某个事项的产出"),
                                    hint: .init(
                                        en: "declare it in the bundle whose item issues it",
                                        zh: "请在出具它的一件事文件中声明")))
                        }
                        if material.core, let deferrable = material.deferrable {
                            diagnostics.append(.coreMaterialDeferrable(material, deferrable: deferrable))
                        }
                    }
                case .calendar(let year):
                    diagnostics += CalendarChecker.check(year)
                    let key = "\(year.region) \(year.year)"
                    if let first = firstYear[key] {
                        diagnostics.append(
                            .duplicateName(
                                Located(key, at: year.span), first: first,
                                what: .init(en: "calendar year", zh: "日历年份")))
                    } else {
                        firstYear[key] = year.span
                        calendarYears.append(year)
                    }
                case nil:
                    break
                }
            }
            diagnostics.sort(by: Diagnostic.sourceOrder)
            reports[canonical] = FileReport(path: path, source: source, diagnostics: diagnostics)
        }
        catalogue.calendarYears = calendarYears
        return Loaded(catalogue: catalogue, reports: reports)
    }
}
