import OneThing
import OneThingPresentation
import Testing

@testable import OneThingPresentation

/// Text in the graph's boxes breaks where Chinese text may break.
@Suite struct NoticeTextWrappingTests {
    let wrap = NoticeTextWrapping(fontSize: 10)

    @Test func linesFitTheWidth() {
        let lines = wrap.lines("公众聚集场所投入使用营业前消防安全检查", width: 80)
        #expect(lines == ["公众聚集场所投入", "使用营业前消防安", "全检查"])
        #expect(lines.allSatisfy { wrap.width(of: $0) <= 80 })
    }

    @Test func anAsideInBracketsMovesToItsOwnLine() {
        #expect(wrap.lines("户外招牌设置（备案）", width: 80) == ["户外招牌设置", "（备案）"])
        // A closing bracket may hang past the width rather than start a line.
        #expect(wrap.lines("户外招牌设置（备案）", width: 90) == ["户外招牌设置（备案）"])
        // Too long for a line of its own: it breaks like other text.
        #expect(wrap.lines("营业执照（经营主体设立登记）", width: 80) == ["营业执照（经营主", "体设立登记）"])
    }

    @Test func closingPunctuationNeverStartsALine() {
        let lines = wrap.lines("一二三四五六七八，九十", width: 80)
        #expect(lines == ["一二三四五六七八，", "九十"])
        #expect(!lines.contains { $0.first.map { NoticeTextWrapping.closing.contains($0) } ?? false })
    }

    @Test func asciiWordsStayWhole() {
        #expect(wrap.lines("预计 10月16日 办结", width: 60) == ["预计 10月16", "日 办结"])
        #expect(wrap.lines("joint inspection", width: 50) == ["joint", "inspection"])
    }
}
