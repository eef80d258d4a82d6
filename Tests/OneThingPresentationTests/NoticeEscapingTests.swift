import Foundation
import OneThing
import OneThingPlan
import OneThingPresentation
import Testing

/// Text from a bundle never becomes markup in the notice: a name with `<script>` is
/// shown as text in the HTML, the SVG and the Markdown.
@Suite struct NoticeEscapingTests {
    /// A bundle whose texts try to inject markup, with a free, a paid and an unpriced item.
    static let hostileBundle = """
        id: notice-hostile
        title: 测试<b>一件事</b>
        version: 1.0.0
        effective: 2025-01-01
        category: business
        lead: market-regulation
        promise: 3 workdays
        description: "A & B <i>描述</i> | [链接](javascript:alert(1)) *强调*"
        form:
          shop.big:
            type: bool
            label: 是否为大型门店？
        materials:
          evil:
            name: <script>alert(1)</script>材料
            core: true
            description: "\\"><svg onload=alert(1)>"
        items:
          free-item:
            name: 免费事项<img src=x onerror=alert(1)>
            department: market-regulation
            kind: filing
            promised: 1 workday
            fee: 0
            needs: [evil]
          paid-item:
            name: 收费事项 ```
            department: tax
            kind: permit
            promised: 2 workdays
            fee: 120
            when: shop.big
            needs: [evil]
          unpriced-item:
            name: 未定收费事项
            department: tax
            kind: other
            promised: 1 workday
            when: not shop.big
        tests:
          - name: 大型门店
            answers: {shop.big: true}
            expect: {items: [free-item, paid-item], workdays: 2}

        """

    static let notice = Result {
        try NoticeFixture.notice(
            NoticeFixture.temporaryBundle(hostileBundle), case: "大型门店", catalogue: NoticeFixture.catalogue)
    }

    @Test func htmlShowsBundleTextAsText() throws {
        let html = NoticeHTMLRenderer().render(try Self.notice.get().notice)
        for markup in ["<script", "<img", "<b>", "<i>", "<svg onload"] {
            #expect(!html.contains(markup), "\(markup) reached the HTML as markup")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;材料"))
        #expect(html.contains("免费事项&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("<title>测试&lt;b&gt;一件事&lt;/b&gt;一次性告知书</title>"))
        #expect(html.contains("A &amp; B &lt;i&gt;描述&lt;/i&gt;"))
        #expect(html.contains("&quot;&gt;&lt;svg onload=alert(1)&gt;"))
    }

    @Test func htmlIsSelfContained() throws {
        let html = NoticeHTMLRenderer().render(try Self.notice.get().notice)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"))
        for external in ["<script", "<link", "<img", "@import", "url(http", "src=\"", "href=\"http"] {
            #expect(!html.contains(external), "\(external) loads something from outside")
        }
        #expect(html.contains("@page { size: A4; margin: 15mm; }"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test func theGraphShowsBundleTextAsText() throws {
        let c = try Self.notice.get()
        let svg = c.notice.graph.svg(title: "<t>")
        #expect(!svg.contains("<img"))
        #expect(!svg.contains("<t>"))
        #expect(svg.contains("&lt;img"))
    }

    @Test func markdownShowsBundleTextAsText() throws {
        let markdown = NoticeMarkdownRenderer().render(try Self.notice.get().notice)
        #expect(markdown.hasPrefix("# 测试\\<b\\>一件事\\</b\\>一次性告知书\n"))
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>材料"))
        #expect(markdown.contains("A \\& B \\<i\\>描述\\</i\\> \\| \\[链接\\](javascript:alert(1)) \\*强调\\*"))
        // A fence in a name cannot close the graph's block early.
        #expect(markdown.contains("````mermaid\n"))
    }
}
