import ArgumentParser
import OneThing
import OneThingEvents
import OneThingPostgres
import OneThingSQLite

/// `onething store check --db PATH`: the full check of a case database.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Look after a case database.",
        subcommands: [Check.self])

    /// `onething store check`: runs ``SQLiteEventStore/check(path:)`` and prints what it
    /// found in plain words.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check every page, event, case and summary of a case database, without changing it.",
            discussion: """
                Reads the whole file: SQLite's integrity check of every page and index, every \
                event against its digest, every case's events folded and compared with its \
                summary, the department table, blueprints, case numbers and metadata. A \
                PostgreSQL store (--db postgres://…) is read a page of cases at a time: every \
                event against its digest, every case folded and compared with its summary, \
                events without a case, the department table and the blueprints. Exit status: 0 when nothing is wrong, 1 when a problem was found, 2 when the file \
                cannot be opened.
                """)

        @OptionGroup
        var store: CaseStoreOptions

        @OptionGroup
        var languageOptions: LanguageOptions

        func run() async throws {
            let language = languageOptions.language
            let report: StoreCheckReport
            let location = try CaseStore.location(store.path, language: language)
            switch location {
            case .sqlite(let path):
                do {
                    report = try SQLiteEventStore.check(path: path)
                } catch {
                    StandardError.writeLine(error.line(in: language))
                    throw ExitStatus.usageOrInputError
                }
            case .postgres(let address):
                report = try await Self.check(address, language: language)
            }
            if case .postgres = location {
                print(Self.postgresText(of: report, in: language), terminator: "")
            } else {
                print(Self.text(of: report, in: language), terminator: "")
            }
            if !report.isHealthy { throw ExitStatus.problemsFound }
        }

        /// The full check of the PostgreSQL store at `address`.
        static func check(_ address: PostgresStoreAddress, language: Language) async throws
            -> StoreCheckReport
        {
            let opened: PostgresEventStore
            do {
                opened = try await PostgresEventStore(address: address)
            } catch {
                StandardError.writeLine(error.postgresLine(address, in: language))
                throw ExitStatus.usageOrInputError
            }
            do {
                let report = try await opened.check()
                await opened.close()
                return report
            } catch {
                await opened.close()
                StandardError.writeLine(error.line(in: language))
                throw ExitStatus.usageOrInputError
            }
        }

        /// The report of a PostgreSQL store in plain words.
        static func postgresText(of report: StoreCheckReport, in language: Language) -> String {
            let zh = language == .zh
            let schema = report.schemaVersion.map(String.init) ?? (zh ? "未知" : "unknown")
            var lines = [
                zh
                    ? "存储 \(report.path)：结构版本 \(schema)，\(report.cases) 个案件，\(report.events) 条事件，\(report.blueprints) 个流程蓝图。"
                    : "Store \(report.path): schema \(schema), \(report.cases) case(s), \(report.events) event(s), "
                        + "\(report.blueprints) blueprint(s).",
                zh
                    ? "已检查：每条事件的摘要、每个案件的事件折叠及其汇总、无案件的事件、部门表、流程蓝图（数据页由 PostgreSQL 自行校验：pg_amcheck、数据校验和）。"
                    : "Checked: every event against its digest, every case's events folded and compared with its summary, "
                        + "events without a case, the department table and the blueprints (pages are PostgreSQL's own"
                        + " business: pg_amcheck, data checksums).",
            ]
            guard !report.isHealthy else {
                lines.append(zh ? "未发现问题。" : "No problems found.")
                return lines.joined(separator: "\n") + "\n"
            }
            let count = report.problems.count + report.unlistedProblems
            lines.append(zh ? "发现 \(count) 个问题：" : "\(count) problem(s) found:")
            for problem in report.problems {
                lines.append("  - " + meaning(of: problem.kind).text(in: language) + ": \(problem)")
            }
            if report.unlistedProblems > 0 {
                lines.append(
                    zh
                        ? "  ……另有 \(report.unlistedProblems) 个问题未列出"
                        : "  … and \(report.unlistedProblems) more not listed")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        /// The report in plain words.
        static func text(of report: StoreCheckReport, in language: Language) -> String {
            let zh = language == .zh
            var lines: [String] = []
            let schema = report.schemaVersion.map(String.init) ?? (zh ? "未知" : "unknown")
            func counted(_ count: Int, _ noun: String) -> String {
                "\(count) \(noun)\(count == 1 ? "" : "s")"
            }
            lines.append(
                zh
                    ? "存储 \(report.path)：结构版本 \(schema)，\(report.cases) 个案件，\(report.events) 条事件，\(report.blueprints) 个流程蓝图。"
                    : "Store \(report.path): schema \(schema), \(counted(report.cases, "case")), "
                        + "\(counted(report.events, "event")), \(counted(report.blueprints, "blueprint")).")
            // A file of another format is checked page by page only.
            let formatOnly = !report.isHealthy && report.problems.allSatisfy { $0.kind == .format }
            let wholeCheck = !report.problems.contains { $0.kind == .format || $0.kind == .file }
            lines.append(
                !wholeCheck
                    ? (zh
                        ? "已检查：每个页面和索引（SQLite 完整性检查）。"
                        : "Checked: every page and index (SQLite's integrity check).")
                    : zh
                        ? "已检查：每个页面和索引（SQLite 完整性检查）、每条事件的摘要、每个案件的事件折叠及其汇总、部门表、流程蓝图、案件编号和元数据。"
                        : "Checked: every page and index (SQLite's integrity check), every event against its digest, "
                            + "every case's events folded and compared with its summary, the department table, "
                            + "blueprints, case numbers and metadata.")
            guard !report.isHealthy else {
                lines.append(zh ? "未发现问题。" : "No problems found.")
                return lines.joined(separator: "\n") + "\n"
            }
            let count = report.problems.count + report.unlistedProblems
            lines.append(zh ? "发现 \(count) 个问题：" : "\(counted(count, "problem")) found:")
            for problem in report.problems {
                var place: [String] = []
                if let id = problem.caseID { place.append(zh ? "案件 \(id)" : "case \(id)") }
                if let sequence = problem.sequence {
                    place.append(zh ? "第 \(sequence) 条事件" : "event \(sequence)")
                }
                let prefix = place.isEmpty ? "" : place.joined(separator: zh ? "，" : ", ") + (zh ? "：" : ": ")
                lines.append(
                    "  - " + prefix + meaning(of: problem.kind).text(in: language) + (zh ? "（" : " (")
                        + problem.detail + (zh ? "）" : ")"))
            }
            if report.unlistedProblems > 0 {
                lines.append(
                    zh
                        ? "  ……另有 \(report.unlistedProblems) 个问题未列出"
                        : "  … and \(report.unlistedProblems) more not listed")
            }
            guard !formatOnly else {
                lines.append(zh ? "页面完好；请按上面所说处理文件格式。" : "Its pages are sound; see above for its format.")
                return lines.joined(separator: "\n") + "\n"
            }
            lines.append(
                zh
                    ? "文件已损坏：请从备份恢复。未列出的案件可以正常读取；列出的案件在恢复之前会被拒绝读取，而不会被读错。"
                    : "The file is damaged: restore it from a backup. Cases not listed read correctly; those listed "
                        + "are refused, never misread, until it is restored.")
            return lines.joined(separator: "\n") + "\n"
        }

        /// What a kind of problem means, in Chinese and English.
        static func meaning(of kind: StoreCheckReport.Problem.Kind) -> LocalizedText {
            switch kind {
            case .file: LocalizedText(en: "SQLite cannot read the file", zh: "SQLite 无法读取该文件")
            case .format: LocalizedText(en: "the file's format", zh: "文件格式问题")
            case .pages: LocalizedText(en: "a damaged page or index", zh: "页面或索引已损坏")
            case .event:
                LocalizedText(en: "an event does not read back as it was written", zh: "事件与写入时不一致")
            case .missingEvent: LocalizedText(en: "events are missing", zh: "事件缺失")
            case .summary: LocalizedText(en: "the case's summary is wrong", zh: "案件汇总有误")
            case .fold: LocalizedText(en: "the case's events do not fit together", zh: "案件事件前后不符")
            case .blueprint: LocalizedText(en: "a blueprint is missing or damaged", zh: "流程蓝图缺失或损坏")
            case .index: LocalizedText(en: "the department table is wrong", zh: "部门表有误")
            case .caseNumber: LocalizedText(en: "a case number is wrong", zh: "案件编号有误")
            case .metadata: LocalizedText(en: "a metadata value is damaged", zh: "元数据已损坏")
            }
        }
    }
}
