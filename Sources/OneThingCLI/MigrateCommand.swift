import ArgumentParser
import OneThing
import OneThingEvents
import OneThingPostgres
import OneThingSQLite

/// `onething migrate --db PATH [--catalogue DIR]`: converts a case database written by
/// an earlier version to the current format, on the catalogue's working-day calendar;
/// `onething migrate --db postgres://…` runs the PostgreSQL store's migrations it lacks.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Convert a case database written by an earlier version of OneThing to the current format.",
        discussion: """
            OneThing 0.1 kept times as working days on the calendar of the day; they are \
            turned into absolute times on the catalogue's working-day calendar (which must \
            cover every day the cases reach), in one transaction. A copy of the old file is \
            kept beside it as PATH.v1-backup first. A database that is current is left as it \
            is. A PostgreSQL database (--db postgres://USER:PASSWORD@HOST:PORT/DATABASE) gets \
            the migrations of the store's schema it lacks, each once, in a transaction. Exit \
            status: 0 when the database is current, 2 when it cannot be converted.
            """)

    @OptionGroup
    var store: CaseStoreOptions

    @Option(
        help: ArgumentHelp(
            "The catalogue folder whose calendar the old times were counted on.", valueName: "dir"))
    var catalogue = "bundles/catalogue"

    @OptionGroup
    var languageOptions: LanguageOptions

    func run() async throws {
        let language = languageOptions.language
        let zh = language == .zh
        if case .postgres(let address) = try CaseStore.location(store.path, language: language) {
            try await migratePostgres(address, language: language)
            return
        }
        let loaded = CatalogueLoader.load(folder: catalogue)
        let calendar = loaded.catalogue.calendar(region: "CN")
        guard !loaded.hasErrors, !calendar.years.isEmpty else {
            StandardError.writeLine(
                zh
                    ? "onething：目录 \(catalogue) 中没有可用的工作日日历；请用 --catalogue 指定目录，或先运行 onething validate \(catalogue)"
                    : "onething: the catalogue \(catalogue) has no usable working-day calendar; name the folder with "
                        + "--catalogue, or run 'onething validate \(catalogue)' first")
            throw ExitStatus.usageOrInputError
        }
        var names: [String: CaseBlueprint.DepartmentName] = [:]
        for (id, department) in loaded.catalogue.departments {
            names[id] = CaseBlueprint.DepartmentName(zh: department.name, en: department.englishName)
        }
        let report: SQLiteEventStore.MigrationReport
        do {
            report = try SQLiteEventStore.migrate(
                path: store.path,
                legacy: SQLiteEventStore.LegacyConversion(calendar: calendar, departmentNames: names))
        } catch {
            StandardError.writeLine(error.line(in: language))
            throw ExitStatus.usageOrInputError
        }
        let path = store.path
        guard report.converted else {
            print(
                zh
                    ? "\(path) 已是存储结构版本 \(report.toVersion)，无需转换（\(report.cases) 个案件，\(report.events) 条事件）。"
                    : "\(path) is in store schema \(report.toVersion) already: nothing to convert "
                        + "(\(report.cases) cases, \(report.events) events).")
            return
        }
        let years = calendar.years.map(String.init).joined(separator: zh ? "、" : ", ")
        let backup = report.backupPath ?? "-"
        print(
            zh
                ? "已将 \(path) 从存储结构版本 \(report.fromVersion) 转换为 \(report.toVersion)：\(report.cases) 个案件，\(report.events) 条事件，按 \(years) 年的工作日日历换算为绝对时间。旧文件保留为 \(backup)。"
                : "Converted \(path) from store schema \(report.fromVersion) to \(report.toVersion): \(report.cases) "
                    + "cases, \(report.events) events, their times made absolute on the working-day calendar of "
                    + "\(years). The old file is kept as \(backup).")
    }

    /// Runs the PostgreSQL store's migrations and says what they did.
    func migratePostgres(_ address: PostgresStoreAddress, language: Language) async throws {
        let report: PostgresEventStore.MigrationReport
        do {
            report = try await PostgresEventStore.migrate(address: address)
        } catch {
            StandardError.writeLine(error.postgresLine(address, in: language))
            throw ExitStatus.usageOrInputError
        }
        let zh = language == .zh
        guard report.migrated else {
            print(
                zh
                    ? "\(address) 已是存储结构版本 \(report.toVersion)，无需迁移（\(report.cases) 个案件，\(report.events) 条事件）。"
                    : "\(address) is in store schema \(report.toVersion) already: nothing to migrate "
                        + "(\(report.cases) cases, \(report.events) events).")
            return
        }
        print(
            zh
                ? "已将 \(address) 从存储结构版本 \(report.fromVersion) 迁移到 \(report.toVersion)（\(report.cases) 个案件，\(report.events) 条事件）。"
                : "Migrated \(address) from store schema \(report.fromVersion) to \(report.toVersion) "
                    + "(\(report.cases) cases, \(report.events) events).")
    }
}
