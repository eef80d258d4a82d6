import OneThing
import OneThingEvents

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
