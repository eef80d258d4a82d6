import Foundation

/// Loads a `catalogue` folder: every catalogue file in it, merged into one
/// ``Catalogue``, with the findings per file.
public enum CatalogueLoader {
    /// A loaded catalogue folder.
    public struct Loaded: Sendable {
        /// The merged catalogue.
        public var catalogue: Catalogue
        /// The report of every file, by canonical path (a folder) or by name (files in
        /// memory); when a folder cannot be read, the report of the folder.
        public var reports: [String: FileReport]

        /// Whether any file of the folder has an error.
        public var hasErrors: Bool {
            reports.values.contains { $0.diagnostics.contains { $0.severity == .error } }
        }
    }

    /// Loads the catalogue folder at `folder`: its `.yaml` and `.yml` files are read,
    /// then merged as ``load(files:limits:)`` merges files in memory.
    public static func load(folder: String, limits: YAMLLimits = .default) -> Loaded {
        let canonical = SourceTree.canonical(folder)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return load(
            folder: canonical,
            displayPath: { $0.hasPrefix(canonical + "/") ? prefix + $0.dropFirst(canonical.count + 1) : $0 },
            limits: limits)
    }

    /// Loads a catalogue from files in memory, with the same findings as the files would
    /// have in a `catalogue` folder: `files` maps each file's name (what findings show as
    /// its file, and the key of its report) to its bytes. Every file given is read as a
    /// catalogue file, in the order of the names; the ``YAMLLimits`` hold for each.
    public static func load(files: [String: [UInt8]], limits: YAMLLimits = .default) -> Loaded {
        let sorted = files.sorted { $0.key < $1.key }
        return merge(
            sorted.map { file in
                (
                    key: file.key, path: file.key,
                    read: { YAMLComposer.compose(path: file.key, bytes: file.value, limits: limits) }
                )
            })
    }

    /// Loads the catalogue folder at `folder`; `displayPaths` maps canonical paths to
    /// the paths the user will see.
    static func load(folder: String, displayPath: (String) -> String, limits: YAMLLimits) -> Loaded {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .sorted()
        } catch {
            let path = displayPath(folder)
            let report = FileReport(path: path, source: nil, diagnostics: [unreadableFolder(path)])
            return Loaded(catalogue: Catalogue(), reports: [folder: report])
        }
        return merge(
            names.map { name in
                let canonical = folder + "/" + name
                let path = displayPath(canonical)
                return (key: canonical, path: path, read: { SourceReader.read(path: path, limits: limits) })
            })
    }

    /// Reads the catalogue files one by one, each with the key of its report and the
    /// path its findings name, and merges them: a department, material or calendar year
    /// written twice is reported at the second file that writes it.
    private static func merge(
        _ files: [(key: String, path: String, read: () -> (SourceFile?, YAMLDocument))]
    ) -> Loaded {
        var catalogue = Catalogue()
        // Set once, at the end: the catalogue builds its calendars when its years are set.
        var calendarYears: [CalendarYear] = []
        var reports: [String: FileReport] = [:]
        var firstDepartment: [String: SourceSpan] = [:]
        var firstMaterial: [String: SourceSpan] = [:]
        var firstYear: [String: SourceSpan] = [:]
        for file in files {
            let (source, document) = file.read()
            var diagnostics = document.diagnostics
            if document.root == nil {
                // Unreadable: what it would have declared is unknown, not absent.
                let name = (file.path as NSString).lastPathComponent
                if name.hasPrefix("departments.") { catalogue.departmentsUnreadable = true }
                if name.hasPrefix("materials.") { catalogue.materialsUnreadable = true }
            }
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
                case .serviceCentre(let centre):
                    if let first = catalogue.serviceCentre {
                        diagnostics.append(
                            .duplicateName(
                                Located(centre.name, at: centre.span), first: first.span,
                                what: .init(en: "service centre", zh: "政务服务中心")))
                    } else {
                        catalogue.serviceCentre = centre
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
            reports[file.key] = FileReport(path: file.path, source: source, diagnostics: diagnostics)
        }
        catalogue.calendarYears = calendarYears
        return Loaded(catalogue: catalogue, reports: reports)
    }

    /// Throws unless `folder`, named as the catalogue folder to use, is a folder.
    static func requireFolder(_ folder: String) throws(ValidationInputError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw ValidationInputError(
                path: folder, reason: .init(en: "the catalogue folder does not exist", zh: "共享目录文件夹不存在"))
        }
        guard isDirectory.boolValue else {
            throw ValidationInputError(
                path: folder,
                reason: .init(
                    en: "this is a file; give the catalogue folder, the one that holds departments.yaml",
                    zh: "这是一个文件，请给出共享目录文件夹（含 departments.yaml 的文件夹）"))
        }
    }

    /// `OT604` for a catalogue folder at `path` that cannot be listed.
    private static func unreadableFolder(_ path: String) -> Diagnostic {
        Diagnostic(
            code: .catalogueMissing, severity: .error, span: .wholeFile(path),
            message: .init(en: "cannot read the catalogue folder", zh: "无法读取共享目录文件夹"),
            hint: .init(en: "check that it exists and may be read", zh: "请检查文件夹是否存在、是否有读取权限"))
    }
}
