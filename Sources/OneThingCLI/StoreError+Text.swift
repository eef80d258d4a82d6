import OneThing
import OneThingEvents
import OneThingPostgres

extension StoreError {
    /// What the kind of failure means, in Chinese and English, for the line a command
    /// prints before the store's own message (which names the file, folder or disk).
    var kindText: LocalizedText {
        switch kind {
        case .conflict: LocalizedText(en: "another writer changed the case first", zh: "案件已被另一写入方先行修改")
        case .refused: LocalizedText(en: "the events do not fit the case", zh: "事件与案件不符，已拒绝")
        case .full: LocalizedText(en: "the disk is full", zh: "磁盘已满")
        case .corrupt: LocalizedText(en: "the store is damaged", zh: "存储文件已损坏")
        case .readOnly: LocalizedText(en: "the store cannot be written", zh: "存储不可写入")
        case .incompatible: LocalizedText(en: "the store is in another format", zh: "存储格式不兼容")
        default: LocalizedText(en: "the store cannot be used now", zh: "存储暂时无法使用")
        }
    }

    /// `onething: the store is damaged: /data/cases.sqlite: … [SQLITE_CORRUPT (11)]`, with
    /// the kind in the language asked for and the store's message as it is.
    func line(in language: Language) -> String {
        let separator = language == .zh ? "：" : ": "
        return "onething" + separator + kindText.text(in: language) + separator + description
    }
}

extension StoreError {
    /// The line for a PostgreSQL store that could not be opened at `address`: why, in
    /// the language asked for (a refused connection, no answer in time, a bad user or
    /// password, a missing database), naming the server and the database (never the
    /// password), then the store's own message.
    func postgresLine(_ address: PostgresStoreAddress, in language: Language) -> String {
        let reason: LocalizedText
        switch underlyingCode {
        case "SQLSTATE 28P01", "SQLSTATE 28000":
            reason = LocalizedText(
                en: "the server refused the user or the password", zh: "服务器拒绝了该用户名或密码")
        case "SQLSTATE 3D000":
            reason = LocalizedText(en: "the database does not exist", zh: "数据库不存在")
        default:
            if message.contains("refused") {
                reason = LocalizedText(
                    en: "the connection was refused (no server listens on that port)", zh: "连接被拒绝（该端口没有服务在监听）"
                )
            } else if message.contains("no answer within") {
                reason = LocalizedText(en: "the server did not answer in time", zh: "服务器在连接超时内没有应答")
            } else {
                reason = kindText
            }
        }
        let place = "\(address.host):\(address.port)/\(address.database)"
        return language == .zh
            ? "onething：无法打开 PostgreSQL 案件库 \(place)：\(reason.zh)。（\(description)）"
            : "onething: cannot open the PostgreSQL case store at \(place): \(reason.en). (\(description))"
    }
}
